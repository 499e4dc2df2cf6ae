import { type Access, ROLE_GROUPS } from '../../http/access-types';
import type { Role } from '../auth/auth.schema';

const READ = ROLE_GROUPS.staff;
/** Registering an item or correcting its data: the front office, and a technician who finds it on site. */
const EDIT: Access = [...ROLE_GROUPS.frontOffice, 'technician'];
/** Changing its owner, archiving or deleting it: the front office only. */
const KEEP = ROLE_GROUPS.frontOffice;

/** Who may call each route of the items module; merged into the one access table (http/access.ts). */
export const ITEMS_ACCESS: Record<string, Access> = {
  'GET /api/v1/items': READ,
  'GET /api/v1/items/export.csv': READ,
  'GET /api/v1/items/:id': READ,
  'GET /api/v1/items/:id/warranty': READ,
  'GET /api/v1/items/:id/history': READ,
  'POST /api/v1/items': EDIT,
  'PATCH /api/v1/items/:id': EDIT,
  'POST /api/v1/items/:id/transfer': KEEP,
  'POST /api/v1/items/:id/archive': KEEP,
  'POST /api/v1/items/:id/unarchive': KEEP,
  'DELETE /api/v1/items/:id': KEEP,
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
