import { type Access, type EntityRules, ROLE_GROUPS, type Role } from '../../kernel/access';

/**
 * Serviced items. write: registering an item or correcting its data (also by import) — the front office, and a
 * technician who finds it on site. keep: changing its owner, archiving or deleting it — the front office only.
 */
export const ITEM_RULES = {
  read: ROLE_GROUPS.staff,
  write: [...ROLE_GROUPS.frontOffice, 'technician'],
  keep: ROLE_GROUPS.frontOffice,
} as const satisfies EntityRules & { keep: Access };

/** Who may call each route of the items module; merged into the one access table (server/src/access-table.ts). */
export const ITEMS_ACCESS: Record<string, Access> = {
  'GET /api/v1/items': ITEM_RULES.read,
  'GET /api/v1/items/export.csv': ITEM_RULES.read,
  'GET /api/v1/items/:id': ITEM_RULES.read,
  'GET /api/v1/items/:id/warranty': ITEM_RULES.read,
  'GET /api/v1/items/:id/history': ITEM_RULES.read,
  'POST /api/v1/items': ITEM_RULES.write,
  'PATCH /api/v1/items/:id': ITEM_RULES.write,
  'POST /api/v1/items/:id/transfer': ITEM_RULES.keep,
  'POST /api/v1/items/:id/archive': ITEM_RULES.keep,
  'POST /api/v1/items/:id/unarchive': ITEM_RULES.keep,
  'DELETE /api/v1/items/:id': ITEM_RULES.keep,
};

/** Who may change an item's warranty (purchase date, months, end, warranty card): the front office, not a technician. */
export const ITEM_WARRANTY_EDITORS: readonly Role[] = ROLE_GROUPS.frontOffice;
/** The fields that decide a free repair under warranty. */
export const ITEM_WARRANTY_FIELDS = [
  'purchaseDate',
  'warrantyMonths',
  'warrantyEnd',
  'warrantyDocNumber',
] as const;
