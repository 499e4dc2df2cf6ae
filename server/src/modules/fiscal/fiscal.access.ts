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
};
