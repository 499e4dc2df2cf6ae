/** The VAT sales journal's reads (ADR 21): the month's issued and cancelled invoices and their lines. */
import type { Executor } from '../../db/database';

/** The invoices numbered in [from, to] by issue date while the company was VAT-registered, in number order. */
export async function journalInvoices(db: Executor, from: string, to: string) {
  return db
    .selectFrom('sales_invoice')
    .select([
      'id',
      'kind',
      'status',
      'number',
      'document_date',
      'currency',
      'recipient_name',
      'recipient_vat_number',
      'recipient_uic',
      'recipient_egn',
    ])
    .where('status', 'in', ['posted', 'reversed'])
    .where('number', 'is not', null)
    .where('supplier_vat_registered', '=', true)
    .where('document_date', '>=', from)
    .where('document_date', '<=', to)
    .orderBy('document_date')
    .orderBy('number')
    .execute();
}

export async function journalLines(db: Executor, invoiceIds: readonly string[]) {
  if (!invoiceIds.length) return [];
  return db
    .selectFrom('sales_invoice_line')
    .select(['invoice_id', 'position', 'description', 'net_cents', 'vat_rate_bp', 'vat_exempt', 'vat_reason'])
    .where('invoice_id', 'in', invoiceIds)
    .orderBy('invoice_id')
    .orderBy('position')
    .execute();
}
