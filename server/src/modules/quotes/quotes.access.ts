import { type Access, type EntityRules, ROLE_GROUPS } from '../../kernel/access';

/**
 * Repair quotes: the same people as service orders (orders.access ORDER_RULES; access maps may not import each
 * other): staff read; the desk, the technicians and the management write.
 */
export const QUOTE_RULES = {
  read: ROLE_GROUPS.staff,
  write: ['admin', 'manager', 'reception', 'technician'],
} as const satisfies EntityRules;
/** The planned lines of a quote: the same people as the quote. */
export const QUOTE_LINE_RULES = QUOTE_RULES;

/** Who may call each route of the quotes module; merged into the one access table (server/src/access-table.ts). */
export const QUOTES_ACCESS: Record<string, Access> = {
  'GET /api/v1/repair-quotes': QUOTE_RULES.read,
  'GET /api/v1/repair-quotes/:id': QUOTE_RULES.read,
  'GET /api/v1/repair-quotes/:id/pdf': QUOTE_RULES.read,
  'POST /api/v1/repair-quotes': QUOTE_RULES.write,
  'POST /api/v1/repair-quotes/from-order': QUOTE_RULES.write,
  'PATCH /api/v1/repair-quotes/:id': QUOTE_RULES.write,
  'POST /api/v1/repair-quotes/:id/status': QUOTE_RULES.write,
  'POST /api/v1/repair-quotes/:id/convert': QUOTE_RULES.write,
  'POST /api/v1/repair-quotes/:id/lines': QUOTE_LINE_RULES.write,
  'PATCH /api/v1/repair-quotes/:id/lines/:lineId': QUOTE_LINE_RULES.write,
  'DELETE /api/v1/repair-quotes/:id/lines/:lineId': QUOTE_LINE_RULES.write,
};
