/** The reads of the NAP audit file (ADR 0039): the month's sale receipts and lines, its stornos and its refunds. */
import type { Executor } from '../../db/database';

/** The receipts numbered in [from, to] by date, issued or since reversed (the sale happened), in number order. */
export async function monthReceipts(db: Executor, from: string, to: string) {
  return db
    .selectFrom('sale_receipt')
    .select([
      'id',
      'number',
      'document_date',
      'unique_sale_number',
      'net_cents',
      'vat_cents',
      'total_cents',
      'site_id',
    ])
    .where('status', 'in', ['posted', 'reversed'])
    .where('number', 'is not', null)
    .where('document_date', '>=', from)
    .where('document_date', '<=', to)
    .orderBy('document_date')
    .orderBy('number')
    .execute();
}

export async function receiptLines(db: Executor, receiptIds: readonly string[]) {
  if (!receiptIds.length) return [];
  return db
    .selectFrom('sale_receipt_line')
    .select([
      'receipt_id',
      'description',
      'quantity_milli',
      'unit_price_cents',
      'discount_bp',
      'vat_rate_bp',
      'net_cents',
      'vat_cents',
      'total_cents',
    ])
    .where('receipt_id', 'in', receiptIds)
    .orderBy('receipt_id')
    .orderBy('position')
    .execute();
}

/** The receipts reversed (storno) in [start, end) — instants — whatever month they were sold in. */
export async function monthStornos(db: Executor, start: string, end: string) {
  return db
    .selectFrom('sale_receipt')
    .select(['unique_sale_number', 'total_cents', 'payment_method', 'reversed_at', 'site_id'])
    .where('status', '=', 'reversed')
    .where('reversed_at', '>=', start)
    .where('reversed_at', '<', end)
    .orderBy('reversed_at')
    .execute();
}

/**
 * The customer refunds of [from, to] not undone (ADR 0029), one row per allocation: what it pays back — the sale
 * whose receipt the refund stornoed (its УНП, ADR 0040), else a credit note (its number) or a payment's advance (the
 * УНП of that payment's receipt, if it had one, else its number) — and where (ADR 0043): the site of the receipt it
 * stornoed, else of the payment's receipt, and the cash desk it was paid from (whose device stands in a site).
 */
export async function monthRefunds(db: Executor, from: string, to: string) {
  return db
    .selectFrom('customer_refund as r')
    .innerJoin('refund_allocation as a', 'a.refund_id', 'r.id')
    .leftJoin('sales_invoice as n', 'n.id', 'a.credit_note_id')
    .leftJoin('sale_receipt as s', 's.payment_id', 'a.payment_id')
    .leftJoin('customer_payment as p', 'p.id', 'a.payment_id')
    .leftJoin('money_movement as m', 'm.id', 'p.movement_id')
    .select([
      'r.refund_date',
      'r.method',
      'a.amount_cents',
      'n.number as credit_note_number',
      's.unique_sale_number',
      'm.number as payment_number',
      's.site_id as payment_site_id',
      'r.account_id',
      (eb) =>
        eb
          .selectFrom('sale_receipt_storno as st')
          .innerJoin('sale_receipt as so', 'so.id', 'st.receipt_id')
          .select((x) => x.fn.min('so.site_id').as('site'))
          .whereRef('st.refund_id', '=', 'r.id')
          .as('storno_site_id'),
      (eb) =>
        eb
          .selectFrom('sale_receipt_storno as st')
          .select((x) => x.fn.min('st.unique_sale_number').as('usn'))
          .whereRef('st.refund_id', '=', 'r.id')
          .as('storno_unique_sale_number'),
    ])
    .where('r.undone_at', 'is', null)
    .where('r.refund_date', '>=', from)
    .where('r.refund_date', '<=', to)
    .orderBy('r.refund_date')
    .orderBy('r.created_at')
    .orderBy('a.id')
    .execute();
}
