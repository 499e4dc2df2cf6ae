import { type Access, type EntityRules, ROLE_GROUPS, type Role } from '../../kernel/access';

/** Customers and suppliers: everyone on staff reads, the front office writes (also by import). */
export const PARTY_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.frontOffice,
} as const satisfies EntityRules;
/** A customer's sites: the same people as the customer. */
export const SITE_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.frontOffice,
} as const satisfies EntityRules;

/** Roles that see a person's full ЕГН/ЛНЧ; everyone else sees it masked (GDPR-02, D6). */
export const PERSONAL_ID_READERS: readonly Role[] = ['admin', 'manager', 'accountant'];

/** Who may call each route of the parties module; merged into the one access table (server/src/access-table.ts). */
export const PARTIES_ACCESS: Record<string, Access> = {
  'GET /api/v1/parties': PARTY_RULES.read,
  'GET /api/v1/parties/export.csv': PARTY_RULES.read,
  'GET /api/v1/parties/:id': PARTY_RULES.read,
  'POST /api/v1/parties': PARTY_RULES.write,
  'PATCH /api/v1/parties/:id': PARTY_RULES.write,
  'POST /api/v1/parties/:id/archive': PARTY_RULES.write,
  'POST /api/v1/parties/:id/unarchive': PARTY_RULES.write,
  'DELETE /api/v1/parties/:id': PARTY_RULES.write,
  // Consent to electronic invoices (INV-15; kept by the mail module, ADR 0036): a fact about the party.
  'GET /api/v1/parties/:id/einvoice-consent': PARTY_RULES.read,
  'PUT /api/v1/parties/:id/einvoice-consent': PARTY_RULES.write,
  'DELETE /api/v1/parties/:id/einvoice-consent': PARTY_RULES.write,
  // A data subject's request (GDPR-04/05): the office managers export, only an administrator erases.
  'GET /api/v1/parties/:id/privacy-export': ROLE_GROUPS.settings,
  'POST /api/v1/parties/:id/anonymise': ROLE_GROUPS.admin,

  'GET /api/v1/customers/:id/sites': SITE_RULES.read,
  'GET /api/v1/sites': SITE_RULES.read,
  'GET /api/v1/sites/export.csv': SITE_RULES.read,
  'GET /api/v1/sites/:id': SITE_RULES.read,
  'POST /api/v1/sites': SITE_RULES.write,
  'PATCH /api/v1/sites/:id': SITE_RULES.write,
  'POST /api/v1/sites/:id/archive': SITE_RULES.write,
  'POST /api/v1/sites/:id/unarchive': SITE_RULES.write,
  'DELETE /api/v1/sites/:id': SITE_RULES.write,
};
