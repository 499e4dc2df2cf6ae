import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

type Forbidden = (text: string) => boolean;

/**
 * C0 controls (but tab, line feed and carriage return where allowed), DEL, and UTF-16 halves
 * without their partner. PostgreSQL refuses NUL in text (a 500 before this guard); the others
 * have no place in any field.
 */
function hasForbidden(text: string, allowBreaks: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (allowBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return true;
    }
    if (c === 0x7f) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

const FORBIDDEN_IN_TEXT: Forbidden = (text) => hasForbidden(text, true);
/** In a path or query parameter even tab and line breaks are refused. */
const FORBIDDEN_IN_PARAM: Forbidden = (text) => hasForbidden(text, false);

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

/** For text that does not come through the HTTP guard (a CSV cell): true when it holds a forbidden character. */
export function hasControlCharacter(text: string): boolean {
  return FORBIDDEN_IN_TEXT(text);
}
