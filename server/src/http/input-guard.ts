import type { FastifyInstance } from 'fastify';
import { hasForbiddenCharacter } from '../kernel/text';
import { AppError } from './errors';

type Forbidden = (text: string) => boolean;

const FORBIDDEN_IN_TEXT: Forbidden = (text) => hasForbiddenCharacter(text, true);
/** In a path or query parameter even tab and line breaks are refused. */
const FORBIDDEN_IN_PARAM: Forbidden = (text) => hasForbiddenCharacter(text, false);

/** Deeper than any request schema goes: a body nested further is refused instead of walked. */
const MAX_DEPTH = 32;

/** The dotted path of the first string (or key) holding a forbidden character, or null when all are clean. */
export function findControlCharacter(
  value: unknown,
  forbidden: Forbidden,
  path = '',
  depth = 0,
): string | null {
  if (typeof value === 'string') return forbidden(value) ? path || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) throw new AppError(400, 'nesting_too_deep', { field: path || 'body' });
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : String(key);
    if (typeof key === 'string' && forbidden(key)) return path || 'body';
    const found = findControlCharacter(child, forbidden, childPath, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses control characters in every path parameter, query parameter and JSON body string,
 * before validation, handlers or the database see them. A raw text body (a CSV import) is
 * checked by its own parser, which names the line and column.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field =
      findControlCharacter(request.params, FORBIDDEN_IN_PARAM) ??
      findControlCharacter(request.query, FORBIDDEN_IN_PARAM) ??
      (typeof request.body === 'object' ? findControlCharacter(request.body, FORBIDDEN_IN_TEXT) : null);
    if (field !== null) throw new AppError(400, 'control_character', { field });
  });
}
