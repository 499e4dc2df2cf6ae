import type { Access, EntityRules } from '../../kernel/access';

/**
 * Invoices: the front desk and the office read and issue them (the desk bills a finished order); the technicians
 * and the storekeeper do not see what customers are invoiced. One rule for the list, the record, its PDF and the CSV.
 */
export const INVOICE_RULES = {
  read: ['admin', 'manager', 'reception', 'accountant', 'auditor'],
  write: ['admin', 'manager', 'reception', 'accountant'],
} as const satisfies EntityRules;
/** Cancelling an issued invoice (анулиране) is the office's: the management and the accountant. */
export const INVOICE_CANCEL = ['admin', 'manager', 'accountant'] as const satisfies Access;

/** Who may call each route of the sales module; merged into the one access table (server/src/access-table.ts). */
export const SALES_ACCESS: Record<string, Access> = {
  'GET /api/v1/invoices': INVOICE_RULES.read,
  'GET /api/v1/invoices/export.csv': INVOICE_RULES.read,
  'GET /api/v1/invoices/:id': INVOICE_RULES.read,
  'GET /api/v1/invoices/:id/pdf': INVOICE_RULES.read,
  'POST /api/v1/invoices': INVOICE_RULES.write,
  'POST /api/v1/invoices/from-order': INVOICE_RULES.write,
  'POST /api/v1/invoices/advance': INVOICE_RULES.write,
  'PATCH /api/v1/invoices/:id': INVOICE_RULES.write,
  'DELETE /api/v1/invoices/:id': INVOICE_RULES.write,
  'POST /api/v1/invoices/:id/issue': INVOICE_RULES.write,
  'POST /api/v1/invoices/:id/cancel': INVOICE_CANCEL,
  // Notes are documents of the invoice series: the same rules as invoices (INV-11).
  'POST /api/v1/invoices/:id/credit-note': INVOICE_RULES.write,
  'POST /api/v1/invoices/:id/debit-note': INVOICE_RULES.write,
  'GET /api/v1/invoices/:id/cancellation-protocol.pdf': INVOICE_RULES.read,
  // Sending the PDF by e-mail (the mail module, ADR 0036): whoever may read and print it.
  'GET /api/v1/invoices/:id/email': INVOICE_RULES.read,
  'POST /api/v1/invoices/:id/email': INVOICE_RULES.read,
  // Proforma invoices (INV-13, ADR 0025): the invoices' rules; converting one issues an invoice.
  'GET /api/v1/proformas': INVOICE_RULES.read,
  'GET /api/v1/proformas/:id': INVOICE_RULES.read,
  'GET /api/v1/proformas/:id/pdf': INVOICE_RULES.read,
  'GET /api/v1/proformas/:id/email': INVOICE_RULES.read,
  'POST /api/v1/proformas/:id/email': INVOICE_RULES.read,
  'POST /api/v1/proformas': INVOICE_RULES.write,
  'POST /api/v1/proformas/from-order': INVOICE_RULES.write,
  'POST /api/v1/proformas/:id/convert': INVOICE_RULES.write,
  'POST /api/v1/proformas/:id/cancel': INVOICE_CANCEL,
};

/**
 * The VAT sales journal (ADR 21): the management and the accountant, who files the VAT return. The front desk
 * issues invoices but does not see the month's tax figures. One rule for the screen, the CSV and the NAP file.
 */
export const VAT_JOURNAL_READ = ['admin', 'manager', 'accountant', 'auditor'] as const satisfies Access;

export const VAT_JOURNAL_ACCESS: Record<string, Access> = {
  'GET /api/v1/vat/sales-journal': VAT_JOURNAL_READ,
  'GET /api/v1/vat/sales-journal.txt': VAT_JOURNAL_READ,
};
