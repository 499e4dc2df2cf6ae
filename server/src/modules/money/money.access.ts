import type { Access, EntityRules } from '../../kernel/access';

/**
 * Cash desks and bank accounts (ADR 0018): the management and the accountant keep them; the front desk sees them
 * and records cash in and out on cash desks; technicians and the storekeeper see nothing.
 */
export const MONEY_ACCOUNT_RULES = {
  read: ['admin', 'manager', 'accountant', 'reception', 'auditor'],
  write: ['admin', 'manager', 'accountant'],
} as const satisfies EntityRules;
/** Every kind of movement (expense, supplier payment, transfer, reversal): the people who keep the accounts. */
export const MONEY_MOVEMENT_RULES = MONEY_ACCOUNT_RULES;
/** Cash in and cash out on a cash desk (ПКО/РКО): also the front desk. */
export const CASH_DESK_ENTRY_RULES = {
  read: MONEY_ACCOUNT_RULES.read,
  write: ['admin', 'manager', 'accountant', 'reception'],
} as const satisfies EntityRules;

export const MONEY_ACCESS: Record<string, Access> = {
  'GET /api/v1/money-accounts': MONEY_ACCOUNT_RULES.read,
  'GET /api/v1/money-accounts/:id': MONEY_ACCOUNT_RULES.read,
  'POST /api/v1/money-accounts': MONEY_ACCOUNT_RULES.write,
  'PATCH /api/v1/money-accounts/:id': MONEY_ACCOUNT_RULES.write,
  'GET /api/v1/money-accounts/:id/movements': MONEY_MOVEMENT_RULES.read,
  'GET /api/v1/money-accounts/:id/day-report': MONEY_MOVEMENT_RULES.read,
  'GET /api/v1/money-accounts/:id/day-report/pdf': MONEY_MOVEMENT_RULES.read,
  'POST /api/v1/money-accounts/:id/cash': CASH_DESK_ENTRY_RULES.write,
  'POST /api/v1/money-accounts/:id/z-report': CASH_DESK_ENTRY_RULES.write,
  'POST /api/v1/money-movements': MONEY_MOVEMENT_RULES.write,
  'POST /api/v1/money-movements/:id/reverse': MONEY_MOVEMENT_RULES.write,
};
