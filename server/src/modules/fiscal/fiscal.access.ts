import type { Access, EntityRules, Role } from '../../kernel/access';

/** Who runs the device day to day: the desk (the cashier), the management and the accountant. */
const OPERATORS = ['admin', 'manager', 'reception', 'accountant'] as const satisfies readonly Role[];

/**
 * The fiscal device: the management configures it (ROLE_GROUPS.settings); the people at the till read the setting
 * (the password never leaves the server) and operate it: test, reports, service deposits and withdrawals, duplicates.
 */
export const FISCAL_DEVICE_RULES = {
  read: OPERATORS,
  write: ['admin', 'manager'],
} as const satisfies EntityRules;
export const FISCAL_DEVICE_OPERATE: readonly Role[] = OPERATORS;

/**
 * Sale sites, their devices and workstations (ADR 0041): configured by the management, as the device is; read by
 * those who read the device setting. The workstation list is everyone's: each browser picks its own.
 */
export const FISCAL_SITE_RULES = FISCAL_DEVICE_RULES;

/** Who may call each route of the fiscal module; merged into the one access table (server/src/access-table.ts). */
export const FISCAL_ACCESS: Record<string, Access> = {
  'GET /api/v1/fiscal-device': FISCAL_DEVICE_RULES.read,
  'PUT /api/v1/fiscal-device': FISCAL_DEVICE_RULES.write,
  'POST /api/v1/fiscal-device/test': FISCAL_DEVICE_OPERATE,
  'GET /api/v1/fiscal-device/cash': FISCAL_DEVICE_OPERATE,
  'POST /api/v1/fiscal-device/x-report': FISCAL_DEVICE_OPERATE,
  'POST /api/v1/fiscal-device/z-report': FISCAL_DEVICE_OPERATE,
  'POST /api/v1/fiscal-device/deposit': FISCAL_DEVICE_OPERATE,
  'POST /api/v1/fiscal-device/withdraw': FISCAL_DEVICE_OPERATE,
  'POST /api/v1/fiscal-device/duplicate': FISCAL_DEVICE_OPERATE,
  'POST /api/v1/fiscal-device/tasks/:id/retry': FISCAL_DEVICE_OPERATE,
  'GET /api/v1/fiscal-sites': FISCAL_SITE_RULES.read,
  'POST /api/v1/fiscal-sites': FISCAL_SITE_RULES.write,
  'PATCH /api/v1/fiscal-sites/:id': FISCAL_SITE_RULES.write,
  'POST /api/v1/fiscal-devices': FISCAL_SITE_RULES.write,
  'PATCH /api/v1/fiscal-devices/:id': FISCAL_SITE_RULES.write,
  'GET /api/v1/fiscal-workstations': 'authenticated',
  'POST /api/v1/fiscal-workstations': FISCAL_SITE_RULES.write,
  'PATCH /api/v1/fiscal-workstations/:id': FISCAL_SITE_RULES.write,
};
