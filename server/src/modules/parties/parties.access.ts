import { type Access, ROLE_GROUPS } from '../../http/access-types';
import type { Role } from '../auth/auth.schema';

const READ = ROLE_GROUPS.staff;
const WRITE = ROLE_GROUPS.frontOffice;

/** Roles that see a person's full ЕГН/ЛНЧ; everyone else sees it masked (GDPR-02, D6). */
export const PERSONAL_ID_READERS: readonly Role[] = ['admin', 'manager', 'accountant'];

/** Who may call each route of the parties module; merged into the one access table (http/access.ts). */
export const PARTIES_ACCESS: Record<string, Access> = {
  'GET /api/v1/parties': READ,
  'GET /api/v1/parties/export.csv': READ,
  'GET /api/v1/parties/:id': READ,
  'POST /api/v1/parties': WRITE,
  'PATCH /api/v1/parties/:id': WRITE,
  'POST /api/v1/parties/:id/archive': WRITE,
  'POST /api/v1/parties/:id/unarchive': WRITE,
  'DELETE /api/v1/parties/:id': WRITE,
  // A data subject's request (GDPR-04/05): the office managers export, only an administrator erases.
  'GET /api/v1/parties/:id/privacy-export': ROLE_GROUPS.settings,
  'POST /api/v1/parties/:id/anonymise': ROLE_GROUPS.admin,

  'GET /api/v1/customers/:id/sites': READ,
  'GET /api/v1/sites': READ,
  'GET /api/v1/sites/export.csv': READ,
  'GET /api/v1/sites/:id': READ,
  'POST /api/v1/sites': WRITE,
  'PATCH /api/v1/sites/:id': WRITE,
  'POST /api/v1/sites/:id/archive': WRITE,
  'POST /api/v1/sites/:id/unarchive': WRITE,
  'DELETE /api/v1/sites/:id': WRITE,
};
