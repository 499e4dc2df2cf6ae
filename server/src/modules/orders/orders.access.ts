import { type Access, type EntityRules, ROLE_GROUPS, type Role } from '../../kernel/access';
import type { FieldRule } from '../../kernel/fields';

/** Who takes in, works on and moves service orders: the desk, the technicians and the management. */
export const ORDER_WRITERS = [
  'admin',
  'manager',
  'reception',
  'technician',
] as const satisfies readonly Role[];

/** Service orders: everyone on staff reads; the desk and the technicians write (intake, notes, lines, status). */
export const ORDER_RULES = { read: ROLE_GROUPS.staff, write: ORDER_WRITERS } as const satisfies EntityRules;
/** The lines of an order (parts, labour, charges): the same people as the order. */
export const ORDER_LINE_RULES = ORDER_RULES;
/** The public status link of an order: made and revoked by whoever writes orders. */
export const ORDER_LINK_RULES = ORDER_RULES;
/** The shop's warranty records: read by staff; written only by finishing an order. */
export const WARRANTY_RECORD_RULES = { read: ROLE_GROUPS.staff, write: [] } as const satisfies EntityRules;
/** The service settings (status time limits, diagnostic fee, overdue customers, warranty terms). */
export const SERVICE_SETTINGS_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.settings,
} as const satisfies EntityRules;

/** Who may call each route of the orders module; merged into the one access table (server/src/access-table.ts). */
export const ORDERS_ACCESS: Record<string, Access> = {
  'GET /api/v1/service-orders': ORDER_RULES.read,
  'GET /api/v1/service-orders/export.csv': ORDER_RULES.read,
  'GET /api/v1/service-orders/board': ORDER_RULES.read,
  'GET /api/v1/service-orders/mine': ORDER_RULES.read,
  'GET /api/v1/service-orders/intake-check': ORDER_RULES.read,
  'GET /api/v1/service-orders/:id': ORDER_RULES.read,
  'GET /api/v1/service-orders/:id/timeline': ORDER_RULES.read,
  'POST /api/v1/service-orders': ORDER_RULES.write,
  'PATCH /api/v1/service-orders/:id': ORDER_RULES.write,
  'POST /api/v1/service-orders/:id/status': ORDER_RULES.write,
  'POST /api/v1/service-orders/:id/link': ORDER_LINK_RULES.write,
  'DELETE /api/v1/service-orders/:id/link': ORDER_LINK_RULES.write,
  // The printed documents (orders.pdf.routes.ts): whoever reads the order; the intake's new status link only for
  // those who may make links, the warranty protocol's costs only for the valuation roles (ORDER_FIELDS).
  'GET /api/v1/service-orders/:id/pdf/:document': ORDER_RULES.read,
  'GET /api/v1/service-orders/:id/work-report.pdf': ORDER_RULES.read,
  // The work report by e-mail (the mail module, ADR 0036): whoever may print it.
  'GET /api/v1/service-orders/:id/work-report/email': ORDER_RULES.read,
  'POST /api/v1/service-orders/:id/work-report/email': ORDER_RULES.read,

  'POST /api/v1/service-orders/:id/lines': ORDER_LINE_RULES.write,
  'PATCH /api/v1/service-orders/:id/lines/:lineId': ORDER_LINE_RULES.write,
  'DELETE /api/v1/service-orders/:id/lines/:lineId': ORDER_LINE_RULES.write,
  'GET /api/v1/warranty-records': WARRANTY_RECORD_RULES.read,

  'GET /api/v1/service-settings': SERVICE_SETTINGS_RULES.read,
  'PUT /api/v1/service-settings': SERVICE_SETTINGS_RULES.write,

  // No login: the token in the path is the key (only its sha256 is stored); answers only the public fields.
  'GET /api/v1/public/orders/:token': 'public',

  // The photos (orders.photos.routes.ts): the order's own rules, for the list, the images, upload and delete.
  'GET /api/v1/service-orders/:id/photos': ORDER_RULES.read,
  'GET /api/v1/service-orders/:id/photos/:photoId': ORDER_RULES.read,
  'POST /api/v1/service-orders/:id/photos': ORDER_RULES.write,
  'DELETE /api/v1/service-orders/:id/photos/:photoId': ORDER_RULES.write,

  // The customer's signature (orders.signature.routes.ts): seen by whoever reads the order, given and removed by its
  // writers (the technician at the site, the desk) while the order is open.
  'GET /api/v1/service-orders/:id/signature': ORDER_RULES.read,
  'GET /api/v1/service-orders/:id/signature/image': ORDER_RULES.read,
  'PUT /api/v1/service-orders/:id/signature': ORDER_RULES.write,
  'DELETE /api/v1/service-orders/:id/signature': ORDER_RULES.write,
};

/** Confidential fields of orders (kernel/fields.ts): the cost of the parts fitted, for the valuation roles. */
export const ORDER_FIELDS = {
  cost: { roles: ROLE_GROUPS.stockValuers, keys: ['unitCostCents'] },
} as const satisfies FieldRule;

/** What each technician earned: the management and the accountant, as the pay terms themselves. */
export const TECHNICIAN_EARNINGS_RULES = {
  read: ROLE_GROUPS.payViewers,
  write: [],
} as const satisfies EntityRules;

export const EARNINGS_ACCESS: Record<string, Access> = {
  'GET /api/v1/reports/technician-earnings': TECHNICIAN_EARNINGS_RULES.read,
  'GET /api/v1/reports/technician-earnings/lines': TECHNICIAN_EARNINGS_RULES.read,
  'GET /api/v1/reports/technician-earnings/export.csv': TECHNICIAN_EARNINGS_RULES.read,
};
