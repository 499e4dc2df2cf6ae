import { type Access, type EntityRules, ROLE_GROUPS, type Role } from '../../kernel/access';

/** The dispatcher-like roles: they take visit requests and plan them onto the schedule. */
export const DISPATCHERS = ['admin', 'manager', 'reception'] as const satisfies readonly Role[];

/** Visit requests and bookings (ADR 0031): everyone on staff reads the schedule; the dispatchers write it. */
export const VISIT_RULES = {
  read: ROLE_GROUPS.staff,
  write: DISPATCHERS,
} as const satisfies EntityRules;

/** Who may book despite a conflict (overlap, outside hours, day off), with a reason: the managers. */
export const VISIT_OVERRIDERS = ROLE_GROUPS.settings;

/** The planning settings (travel times, days off): the managers. */
export const VISIT_SETTINGS_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.settings,
} as const satisfies EntityRules;

/** Who may call each route of the visits module; merged into the one access table (server/src/access-table.ts). */
export const VISITS_ACCESS: Record<string, Access> = {
  'GET /api/v1/visit-requests': VISIT_RULES.read,
  'POST /api/v1/visit-requests': VISIT_RULES.write,
  'GET /api/v1/visit-requests/:id': VISIT_RULES.read,
  'PATCH /api/v1/visit-requests/:id': VISIT_RULES.write,
  'POST /api/v1/visit-requests/:id/status': VISIT_RULES.write,
  'GET /api/v1/visit-requests/:id/suggestions': VISIT_RULES.read,
  'GET /api/v1/visit-bookings': VISIT_RULES.read,
  'GET /api/v1/visit-bookings/mine': VISIT_RULES.read,
  'POST /api/v1/visit-bookings': VISIT_RULES.write,
  'GET /api/v1/visit-bookings/:id': VISIT_RULES.read,
  'POST /api/v1/visit-bookings/:id/move': VISIT_RULES.write,
  'POST /api/v1/visit-bookings/:id/cancel': VISIT_RULES.write,
  'POST /api/v1/visit-bookings/:id/done': VISIT_RULES.read,
  // The phone (ADR 0033): a technician their own bookings only, a dispatcher any (checked in visits.visit.ts).
  'GET /api/v1/visit-bookings/:id/job': VISIT_RULES.read,
  'POST /api/v1/visit-bookings/:id/start': VISIT_RULES.read,
  'POST /api/v1/visit-bookings/:id/finish': VISIT_RULES.read,
  'GET /api/v1/visit-occupancy': VISIT_RULES.read,
  'GET /api/v1/visit-days-off': VISIT_SETTINGS_RULES.read,
  'POST /api/v1/visit-days-off': VISIT_SETTINGS_RULES.write,
  'DELETE /api/v1/visit-days-off/:id': VISIT_SETTINGS_RULES.write,
  'GET /api/v1/visit-settings': VISIT_SETTINGS_RULES.read,
  'PUT /api/v1/visit-settings': VISIT_SETTINGS_RULES.write,
  'PUT /api/v1/visit-settings/sites/:siteId': VISIT_SETTINGS_RULES.write,
};
