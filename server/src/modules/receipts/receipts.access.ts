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

/**
 * The standardised audit file for NAP (Н-18 Appendix 38, FIS-05; ADR 0039): the month's sales as NAP reads them.
 * The administrator, the accountant who files with NAP, and the NAP auditor (read only); nobody else.
 */
export const NAP_AUDIT_FILE_READ = ['admin', 'accountant', 'auditor'] as const satisfies Access;

export const NAP_AUDIT_ACCESS: Record<string, Access> = {
  'GET /api/v1/vat/audit-file.xml': NAP_AUDIT_FILE_READ,
  'GET /api/v1/vat/audit-file/sites': NAP_AUDIT_FILE_READ,
};
