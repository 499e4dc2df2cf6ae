import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * ADR 0040:
 * - sale_receipt_storno: a storno (FIS-02, FP-05) of a customer payment's fiscal receipt (ADR 0037), written in the
 *   refund's transaction and printed after the commit as the payment's receipt is: the original receipt, the refund,
 *   the reason, the amount (never more than the original sold less its earlier stornos), the УНП (the original's,
 *   FIS-05) and the four fields the device printed, or its fiscal state (printing, printed, no_device, failed).
 * - sale_receipt_storno_line: what is stornoed of each of the original's lines (its position), by VAT rate.
 * - refund_allocation.settled_cents / rounding_cents: what a EUR refund to a EUR credit note on a 2025 BGN invoice
 *   pays back of what the invoice owes back, in the invoice's BGN, and the booked rounding difference (EUR-06,
 *   EUR-05's rule as ADR 0038 books it). Null for a refund in the invoice's own currency.
 */
export const refundStornos: Migration = {
  name: '0044-refund-stornos',
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('sale_receipt_storno')
      .$call((t) => c.id(t))
      .$call((t) => c.ref(t, 'receipt_id', 'sale_receipt', (x) => x.notNull()))
      .$call((t) => c.ref(t, 'refund_id', 'customer_refund'))
      .$call((t) =>
        c.text(t, 'reason', (x) =>
          x.notNull().check(sql`reason in ('operator-error', 'refund', 'taxbase-reduction')`),
        ),
      )
      .$call((t) =>
        c.text(t, 'payment_method', (x) => x.notNull().check(sql`payment_method in ('cash', 'card')`)),
      )
      .$call((t) => c.text(t, 'currency', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'net_cents', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'vat_cents', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'total_cents', (x) => x.notNull().check(sql`total_cents > 0`)))
      .$call((t) => c.text(t, 'unique_sale_number', (x) => x.notNull()))
      .$call((t) => c.bool(t, 'fiscalised', false))
      .$call((t) =>
        c.text(t, 'fiscal_status', (x) =>
          x.notNull().check(sql`fiscal_status in ('printing', 'printed', 'no_device', 'failed')`),
        ),
      )
      .$call((t) => c.text(t, 'fiscal_error_code'))
      .$call((t) => c.text(t, 'fiscal_task_id'))
      .$call((t) => c.text(t, 'receipt_number'))
      .$call((t) => c.text(t, 'receipt_date_time'))
      .$call((t) => c.text(t, 'fiscal_memory_serial_number'))
      .$call((t) => c.ref(t, 'created_by', 'app_user'))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'updated_at', (x) => x.notNull()))
      .execute();
    await db.schema
      .createIndex('sale_receipt_storno_receipt_idx')
      .on('sale_receipt_storno')
      .column('receipt_id')
      .execute();
    await db.schema
      .createIndex('sale_receipt_storno_refund_idx')
      .on('sale_receipt_storno')
      .column('refund_id')
      .execute();
    await db.schema
      .createTable('sale_receipt_storno_line')
      .$call((t) => c.id(t))
      .$call((t) => c.ref(t, 'storno_id', 'sale_receipt_storno', (x) => x.notNull()))
      .$call((t) => c.int(t, 'position', (x) => x.notNull()))
      .$call((t) => c.text(t, 'description', (x) => x.notNull()))
      .$call((t) => c.int(t, 'vat_rate_bp', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'net_cents', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'vat_cents', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'total_cents', (x) => x.notNull()))
      .execute();
    await db.schema
      .createIndex('sale_receipt_storno_line_storno_idx')
      .on('sale_receipt_storno_line')
      .column('storno_id')
      .execute();
    await db.schema
      .alterTable('refund_allocation')
      .addColumn('settled_cents', dialect === 'postgres' ? 'bigint' : 'integer')
      .execute();
    await db.schema.alterTable('refund_allocation').addColumn('rounding_cents', 'integer').execute();
  },
};
