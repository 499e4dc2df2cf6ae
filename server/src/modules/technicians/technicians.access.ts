import { type Access, type EntityRules, ROLE_GROUPS } from '../../kernel/access';
import type { FieldRule } from '../../kernel/fields';

/** Technicians, their hours and pay terms: everyone on staff reads, the office managers write (also by import). */
export const TECHNICIAN_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.settings,
} as const satisfies EntityRules;

/** Who may call each route of the technicians module; merged into the one access table (server/src/access-table.ts). */
export const TECHNICIANS_ACCESS: Record<string, Access> = {
  'GET /api/v1/technicians': TECHNICIAN_RULES.read,
  'GET /api/v1/technicians/export.csv': TECHNICIAN_RULES.read,
  'GET /api/v1/technicians/:id': TECHNICIAN_RULES.read,
  'POST /api/v1/technicians': TECHNICIAN_RULES.write,
  'PATCH /api/v1/technicians/:id': TECHNICIAN_RULES.write,
  'POST /api/v1/technicians/:id/archive': TECHNICIAN_RULES.write,
  'POST /api/v1/technicians/:id/unarchive': TECHNICIAN_RULES.write,
  'POST /api/v1/technicians/:id/pay-terms': TECHNICIAN_RULES.write,
};

/** Who may see which confidential fields of a technician (kernel/fields.ts): pay terms only for the pay viewers. */
export const TECHNICIAN_FIELDS = {
  pay: { roles: ROLE_GROUPS.payViewers, keys: ['payTerms', 'currentPayTerms'] },
} as const satisfies FieldRule;
