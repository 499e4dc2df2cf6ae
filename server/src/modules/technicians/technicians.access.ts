import { type Access, ROLE_GROUPS } from '../../http/access-types';
import type { FieldRule } from '../../http/fields';

const READ = ROLE_GROUPS.staff;
const WRITE = ROLE_GROUPS.settings;

/** Who may call each route of the technicians module; merged into the one access table (http/access.ts). */
export const TECHNICIANS_ACCESS: Record<string, Access> = {
  'GET /api/v1/technicians': READ,
  'GET /api/v1/technicians/export.csv': READ,
  'GET /api/v1/technicians/:id': READ,
  'POST /api/v1/technicians': WRITE,
  'PATCH /api/v1/technicians/:id': WRITE,
  'POST /api/v1/technicians/:id/archive': WRITE,
  'POST /api/v1/technicians/:id/unarchive': WRITE,
  'POST /api/v1/technicians/:id/pay-terms': WRITE,
};

/** Who may see which confidential fields of a technician (http/fields.ts): pay terms only for the pay viewers. */
export const TECHNICIAN_FIELDS = {
  pay: { roles: ROLE_GROUPS.payViewers, keys: ['payTerms', 'currentPayTerms'] },
} as const satisfies FieldRule;
