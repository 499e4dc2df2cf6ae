import { type Access, type EntityRules, ROLE_GROUPS, type Role } from '../../kernel/access';
import type { FieldRule } from '../../kernel/fields';

/** Warehouses (a van is one too): everyone on staff reads, the stock keepers write (also by import). */
export const WAREHOUSE_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.stockKeepers,
} as const satisfies EntityRules;
/** Stock documents: receipts, issues, transfers, write-offs, counts. */
export const STOCK_DOCUMENT_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.stockKeepers,
} as const satisfies EntityRules;
/**
 * Who may post and reverse a stock document (move stock, take a number): today the same stock keepers who draft.
 * Creating with ?post=true asks this rule as well as the write rule, so the shortcut never grants more than the
 * two calls.
 */
export const STOCK_POSTING_RULE: readonly Role[] = ROLE_GROUPS.stockKeepers;
/** Stock levels, cards, reservations and the low-stock list (nobody writes them directly: documents do). */
export const STOCK_LEVEL_RULES = { read: ROLE_GROUPS.staff, write: [] } as const satisfies EntityRules;
/** What the stock is worth. */
export const STOCK_VALUATION_RULES = {
  read: ROLE_GROUPS.stockValuers,
  write: [],
} as const satisfies EntityRules;

/** Who may call each route of the stock module; merged into the one access table (server/src/access-table.ts). */
export const STOCK_ACCESS: Record<string, Access> = {
  'GET /api/v1/warehouses': WAREHOUSE_RULES.read,
  'GET /api/v1/warehouses/export.csv': WAREHOUSE_RULES.read,
  'GET /api/v1/warehouses/:id': WAREHOUSE_RULES.read,
  'POST /api/v1/warehouses': WAREHOUSE_RULES.write,
  'PATCH /api/v1/warehouses/:id': WAREHOUSE_RULES.write,
  'POST /api/v1/warehouses/:id/archive': WAREHOUSE_RULES.write,
  'POST /api/v1/warehouses/:id/unarchive': WAREHOUSE_RULES.write,
  'DELETE /api/v1/warehouses/:id': WAREHOUSE_RULES.write,

  'GET /api/v1/stock/documents': STOCK_DOCUMENT_RULES.read,
  'GET /api/v1/stock/documents/export.csv': STOCK_DOCUMENT_RULES.read,
  'GET /api/v1/stock/documents/:id': STOCK_DOCUMENT_RULES.read,
  'GET /api/v1/stock/documents/:id/pdf': STOCK_DOCUMENT_RULES.read,
  'POST /api/v1/stock/documents': STOCK_DOCUMENT_RULES.write,
  'PUT /api/v1/stock/documents/:id': STOCK_DOCUMENT_RULES.write,
  'DELETE /api/v1/stock/documents/:id': STOCK_DOCUMENT_RULES.write,
  'POST /api/v1/stock/documents/:id/post': STOCK_POSTING_RULE,
  'POST /api/v1/stock/documents/:id/reverse': STOCK_POSTING_RULE,
  'POST /api/v1/stock/documents/:id/supplier-return': STOCK_DOCUMENT_RULES.write,

  'GET /api/v1/stock/levels': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/availability': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/levels/export.csv': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/parts/:partId/card': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/low': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/low/export.csv': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/valuation': STOCK_VALUATION_RULES.read,
  'GET /api/v1/stock/valuation/export.csv': STOCK_VALUATION_RULES.read,
  'GET /api/v1/stock/reservations': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/check': ROLE_GROUPS.admin,
};

/**
 * Who may see which confidential fields of the stock (kernel/fields.ts): costs and values — average and unit cost,
 * landed costs, line values, totals, balances in value — only for the roles that may see the valuation.
 */
export const STOCK_FIELDS = {
  cost: {
    roles: ROLE_GROUPS.stockValuers,
    keys: [
      'avgCostCents',
      'unitCostCents',
      'lastUnitCostCents',
      'typicalCostCents',
      'landedCostCents',
      'valueCents',
      'totalValueCents',
      'openingValueCents',
      'balanceValueCents',
    ],
  },
} as const satisfies FieldRule;
export type StockFieldGroup = keyof typeof STOCK_FIELDS;
