import type { Role } from '../modules/auth/auth.schema';

export type Access = 'public' | 'authenticated' | readonly Role[];

/** Role groups used across modules' access maps. */
export const ROLE_GROUPS = {
  admin: ['admin'],
  settings: ['admin', 'manager'],
  /** Everyone who works with customers, items and catalogues day to day. */
  staff: ['admin', 'manager', 'reception', 'technician', 'storekeeper', 'accountant'],
  /** Keep customers and their items: the front desk and the office. */
  frontOffice: ['admin', 'manager', 'reception', 'accountant'],
  /** Keep the catalogues that price the work. */
  catalogEditors: ['admin', 'manager'],
  /** Keep the spare-parts catalogue: also the storekeeper. */
  partsEditors: ['admin', 'manager', 'storekeeper'],
  /** Keep the stock: warehouses and stock documents. */
  stockKeepers: ['admin', 'manager', 'storekeeper'],
  /** What the stock is worth: the stock keepers and the accountant. */
  stockValuers: ['admin', 'manager', 'storekeeper', 'accountant'],
  /** What technicians are paid: the management and the accountant. */
  payViewers: ['admin', 'manager', 'accountant'],
} as const satisfies Record<string, readonly Role[]>;

/**
 * The one rule per entity and action: who may read it (list, record, CSV export) and who may write it (create,
 * edit, archive, import). Each module's <m>.access.ts exports one per entity; its routes, its import adapter and
 * its CSV export all name the same rule, so no path to the data can grant more than the screens.
 */
export interface EntityRules {
  read: readonly Role[];
  write: readonly Role[];
}
