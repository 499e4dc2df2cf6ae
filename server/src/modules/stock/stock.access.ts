import { type Access, ROLE_GROUPS } from '../../http/access-types';
import type { FieldRule } from '../../http/fields';

const READ = ROLE_GROUPS.staff;
const WRITE = ROLE_GROUPS.stockKeepers;

/** Who may call each route of the stock module; merged into the one access table (http/access.ts). */
export const STOCK_ACCESS: Record<string, Access> = {
  'GET /api/v1/warehouses': READ,
  'GET /api/v1/warehouses/export.csv': READ,
  'GET /api/v1/warehouses/:id': READ,
  'POST /api/v1/warehouses': WRITE,
  'PATCH /api/v1/warehouses/:id': WRITE,
  'POST /api/v1/warehouses/:id/archive': WRITE,
  'POST /api/v1/warehouses/:id/unarchive': WRITE,
  'DELETE /api/v1/warehouses/:id': WRITE,

  'GET /api/v1/stock/documents': READ,
  'GET /api/v1/stock/documents/export.csv': READ,
  'GET /api/v1/stock/documents/:id': READ,
  'GET /api/v1/stock/documents/:id/pdf': READ,
  'POST /api/v1/stock/documents': WRITE,
  'PUT /api/v1/stock/documents/:id': WRITE,
  'DELETE /api/v1/stock/documents/:id': WRITE,
  'POST /api/v1/stock/documents/:id/post': WRITE,
  'POST /api/v1/stock/documents/:id/reverse': WRITE,

  'GET /api/v1/stock/levels': READ,
  'GET /api/v1/stock/levels/export.csv': READ,
  'GET /api/v1/stock/parts/:partId/card': READ,
  'GET /api/v1/stock/low': READ,
  'GET /api/v1/stock/low/export.csv': READ,
  'GET /api/v1/stock/valuation': ROLE_GROUPS.stockValuers,
  'GET /api/v1/stock/valuation/export.csv': ROLE_GROUPS.stockValuers,
  'GET /api/v1/stock/reservations': READ,
  'GET /api/v1/stock/check': ROLE_GROUPS.admin,
};

/**
 * Who may see which confidential fields of the stock (http/fields.ts): costs and values — average and unit cost,
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
