/**
 * Who may do what: the roles, the role groups that modules' access maps name, and the one rule that answers
 * "may this role pass". Each module declares its routes' access in its <m>.access.ts; the app gathers those maps
 * into one table (server/src/access-table.ts) and http/auth-hook.ts enforces it.
 */

export const ROLES = [
  'admin',
  'manager',
  'reception',
  'technician',
  'storekeeper',
  'accountant',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do: read (GET and HEAD only) or read and write. */
export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** Who is calling: a user signed in by a session cookie or by an API token, with the role the rules ask about. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  locale: 'bg' | 'en';
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  /** For an API token: its name (on the audit rows of its writes) and scope ('read' allows GET and HEAD only). */
  apiTokenName: string | null;
  tokenScope: ApiTokenScope | null;
}

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

/**
 * Roles that only look: the auditor (FIS-05's "auditor profile for NAP", ADR 0037) reads the sales documents,
 * receipts, payments, cash desks, the VAT journal and the audit log, and changes nothing. Whatever a rule lists, a
 * read-only role passes GET and HEAD only; beyond them only what every signed-in user may do to their own session
 * ('authenticated': signing out, their own language).
 */
export const READ_ONLY_ROLES: readonly Role[] = ['auditor'];

/**
 * May a caller with this role call this method on a route with this rule: allows(), and a read-only role only reads.
 * The auth hook and the screens (web/src/app/access.ts) both ask this, so no path grants more than the other.
 */
export function allowsCall(access: Access, role: Role | null, method: string): boolean {
  if (!allows(access, role)) return false;
  if (role === null || access === 'public' || access === 'authenticated') return true;
  return !READ_ONLY_ROLES.includes(role) || method === 'GET' || method === 'HEAD';
}

/** May a caller with this role (null: not signed in) pass this access rule? */
export function allows(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'authenticated') return true;
  return access.includes(role);
}
