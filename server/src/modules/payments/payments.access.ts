import type { Access, EntityRules } from '../../kernel/access';

/**
 * Customer payments (ADR 0020): the front desk takes them, the office keeps them; technicians and the storekeeper
 * see none. One rule for the list, the record, allocating, undoing and writing off, and refunds (ADR 0029).
 */
export const PAYMENT_RULES = {
  read: ['admin', 'manager', 'reception', 'accountant', 'auditor'],
  write: ['admin', 'manager', 'reception', 'accountant'],
} as const satisfies EntityRules;
/** Receivables (balances, ageing, the overdue list, the statement PDF, the ageing CSV): read only. */
export const RECEIVABLES_RULES = {
  read: ['admin', 'manager', 'accountant', 'reception'],
  write: [],
} as const satisfies EntityRules;
/** The write-off limit is the management's setting. */
export const PAYMENT_SETTINGS_WRITE = ['admin', 'manager'] as const satisfies Access;

/** Bank statements are the office's: the front desk takes no bank transfers. */
export const BANK_STATEMENT_WRITE = ['admin', 'manager', 'accountant'] as const satisfies Access;

export const PAYMENTS_ACCESS: Record<string, Access> = {
  'GET /api/v1/payments': PAYMENT_RULES.read,
  'GET /api/v1/payments/:id': PAYMENT_RULES.read,
  'POST /api/v1/payments': PAYMENT_RULES.write,
  'POST /api/v1/payments/:id/allocations': PAYMENT_RULES.write,
  'POST /api/v1/payment-allocations/:id/undo': PAYMENT_RULES.write,
  'GET /api/v1/payments/open-invoices': PAYMENT_RULES.read,
  'GET /api/v1/invoices/:id/payments': PAYMENT_RULES.read,
  'POST /api/v1/invoices/:id/write-off': PAYMENT_RULES.write,
  'GET /api/v1/refunds': PAYMENT_RULES.read,
  'GET /api/v1/refunds/refundable': PAYMENT_RULES.read,
  'GET /api/v1/refunds/:id': PAYMENT_RULES.read,
  'POST /api/v1/refunds': PAYMENT_RULES.write,
  'POST /api/v1/refunds/:id/undo': PAYMENT_RULES.write,
  'GET /api/v1/payment-settings': PAYMENT_RULES.read,
  'PUT /api/v1/payment-settings': PAYMENT_SETTINGS_WRITE,
  'POST /api/v1/money-accounts/:id/bank-statement/preview': BANK_STATEMENT_WRITE,
  'POST /api/v1/money-accounts/:id/bank-statement/import': BANK_STATEMENT_WRITE,
  'GET /api/v1/receivables': RECEIVABLES_RULES.read,
  'GET /api/v1/receivables/ageing.csv': RECEIVABLES_RULES.read,
  'GET /api/v1/receivables/:id/statement/pdf': RECEIVABLES_RULES.read,
};
