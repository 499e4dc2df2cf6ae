import type { Access, EntityRules } from '../../kernel/access';

/**
 * Sale receipts (ADR 0022): the people at the till issue, print and reverse them, as they take payments and run the
 * fiscal device; technicians and the storekeeper see none. One rule for reading, issuing, printing and the storno.
 */
export const SALE_RECEIPT_RULES = {
  read: ['admin', 'manager', 'reception', 'accountant', 'auditor'],
  write: ['admin', 'manager', 'reception', 'accountant'],
} as const satisfies EntityRules;

export const RECEIPTS_ACCESS: Record<string, Access> = {
  'GET /api/v1/sale-receipts': SALE_RECEIPT_RULES.read,
  'GET /api/v1/sale-receipts/export.csv': SALE_RECEIPT_RULES.read,
  'POST /api/v1/sale-receipts/from-order': SALE_RECEIPT_RULES.write,
  'POST /api/v1/sale-receipts/counter-sale': SALE_RECEIPT_RULES.write,
  'GET /api/v1/sale-receipts/:id': SALE_RECEIPT_RULES.read,
  'GET /api/v1/sale-receipts/:id/pdf': SALE_RECEIPT_RULES.read,
  'POST /api/v1/sale-receipts/:id/print': SALE_RECEIPT_RULES.write,
  'POST /api/v1/sale-receipts/:id/storno': SALE_RECEIPT_RULES.write,
  'POST /api/v1/sale-receipt-stornos/:id/print': SALE_RECEIPT_RULES.write,
};
