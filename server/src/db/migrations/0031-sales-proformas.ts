import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Proforma invoices (проформа фактура, issue 13 item 2, INV-13; ADR 0025): a numbered document of their own series
 * (`proforma`) in their own tables, never in sales_invoice, so never in the VAT sales journal, the receivables or a
 * customer's balance. Numbered when made; converted once into a real invoice (`invoice_id`), which cites it back
 * (`sales_invoice.proforma_id`, unique: one invoice per proforma). Also advance invoices (INV-06): the flag
 * `sales_invoice.advance`, and `sales_invoice_line.deducts_invoice_id` on the final invoice's deduction line.
 */
export const salesProformas: Migration = {
  name: '0031-sales-proformas',
  async up(db, dialect) {
    const c = columns(dialect);
    let p = db.schema.createTable('sales_proforma');
    p = c.id(p);
    p = c.ref(p, 'series_id', 'numbering_series', (x) => x.notNull());
    p = c.text(p, 'number', (x) => x.notNull());
    p = c.text(p, 'status', (x) => x.notNull().check(sql`status in ('issued', 'converted', 'cancelled')`));
    p = c.date(p, 'document_date', (x) => x.notNull());
    p = c.text(p, 'currency', (x) => x.notNull().check(sql`currency in ('BGN', 'EUR')`));
    p = c.ref(p, 'party_id', 'party', (x) => x.notNull());
    p = c.ref(p, 'order_id', 'service_order');
    for (const col of ['supplier_name', 'recipient_name', 'recipient_kind'])
      p = c.text(p, col, (x) => x.notNull());
    for (const col of [
      'supplier_uic',
      'supplier_vat_number',
      'supplier_address',
      'supplier_mol',
      'supplier_bank',
      'recipient_uic',
      'recipient_vat_number',
      'recipient_egn',
      'recipient_address',
      'recipient_mol',
      'no_vat_reason',
      'issued_by_name',
      'notes',
      'cancel_reason',
    ])
      p = c.text(p, col);
    p = c.bool(p, 'supplier_vat_registered', true);
    p = c.text(p, 'payment_method', (x) =>
      x.notNull().check(sql`payment_method in ('cash', 'card', 'bank_transfer')`),
    );
    p = c.date(p, 'valid_until');
    p = c.bigint(p, 'net_cents', (x) => x.notNull());
    p = c.bigint(p, 'vat_cents', (x) => x.notNull());
    p = c.bigint(p, 'total_cents', (x) => x.notNull());
    p = c.ref(p, 'invoice_id', 'sales_invoice');
    p = c.instant(p, 'converted_at');
    p = c.instant(p, 'cancelled_at');
    p = c.ref(p, 'created_by', 'app_user');
    p = c.text(p, 'search_text', (x) => x.notNull());
    p = c.instant(p, 'created_at', (x) => x.notNull());
    p = c.instant(p, 'updated_at', (x) => x.notNull());
    await p.execute();
    await db.schema
      .createIndex('sales_proforma_series_number_uq')
      .on('sales_proforma')
      .columns(['series_id', 'number'])
      .unique()
      .execute();
    await db.schema
      .createIndex('sales_proforma_invoice_uq')
      .on('sales_proforma')
      .column('invoice_id')
      .unique()
      .execute();
    for (const col of ['party_id', 'order_id', 'created_by'])
      await db.schema.createIndex(`sales_proforma_${col}_idx`).on('sales_proforma').column(col).execute();

    let l = db.schema.createTable('sales_proforma_line');
    l = c.id(l);
    l = c.ref(l, 'proforma_id', 'sales_proforma', (x) => x.notNull());
    l = c.int(l, 'position', (x) => x.notNull());
    l = c.text(l, 'description', (x) => x.notNull());
    l = c.bigint(l, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`));
    l = c.text(l, 'unit', (x) => x.notNull());
    l = c.bigint(l, 'unit_price_cents', (x) => x.notNull().check(sql`unit_price_cents >= 0`));
    l = c.int(l, 'discount_bp', (x) => x.notNull().check(sql`discount_bp between 0 and 10000`));
    l = c.bigint(l, 'net_cents', (x) => x.notNull());
    l = c.int(l, 'vat_rate_bp', (x) => x.notNull().check(sql`vat_rate_bp between 0 and 10000`));
    l = c.bool(l, 'vat_exempt', false);
    l = c.text(l, 'vat_reason');
    l = c.text(l, 'order_line_id');
    l = c.instant(l, 'created_at', (x) => x.notNull());
    await l.execute();
    await db.schema
      .createIndex('sales_proforma_line_proforma_idx')
      .on('sales_proforma_line')
      .column('proforma_id')
      .execute();

    await db.schema
      .alterTable('sales_invoice')
      .addColumn('proforma_id', 'text', (x) => x.references('sales_proforma.id'))
      .execute();
    await db.schema
      .createIndex('sales_invoice_proforma_uq')
      .on('sales_invoice')
      .column('proforma_id')
      .unique()
      .execute();

    // Advance invoices (авансова фактура, INV-06): flagged; the final invoice's deduction line names the advance it
    // deducts (its net is negative, its price positive: the flag gives the sign).
    await db.schema
      .alterTable('sales_invoice')
      .addColumn('advance', dialect === 'postgres' ? 'boolean' : 'integer', (x) =>
        x.notNull().defaultTo(dialect === 'postgres' ? false : 0),
      )
      .execute();
    await db.schema
      .alterTable('sales_invoice_line')
      .addColumn('deducts_invoice_id', 'text', (x) => x.references('sales_invoice.id'))
      .execute();
    await db.schema
      .createIndex('sales_invoice_line_deducts_idx')
      .on('sales_invoice_line')
      .column('deducts_invoice_id')
      .execute();
  },
};
