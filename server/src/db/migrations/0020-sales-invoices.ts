import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Invoices (issue 13, first slice; ADR 16): the invoice header with both parties' requisites copied on the day it
 * is issued, its lines, the stored rendering of an issued invoice with its SHA-256 (INV-15), and the billing mark of
 * a service order (billed_document_id, billed_at), which the orders module owns and the sales module sets through it.
 */
export const salesInvoices: Migration = {
  name: '0020-sales-invoices',
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('sales_invoice')
      .$call((t) => c.id(t))
      .$call((t) =>
        c.text(t, 'status', (x) => x.notNull().check(sql`status in ('draft', 'posted', 'reversed')`)),
      )
      .$call((t) => c.ref(t, 'series_id', 'numbering_series'))
      .$call((t) => c.text(t, 'number'))
      .$call((t) => c.date(t, 'document_date', (x) => x.notNull()))
      .$call((t) => c.date(t, 'tax_event_date', (x) => x.notNull()))
      .$call((t) => c.text(t, 'currency', (x) => x.notNull().check(sql`currency in ('BGN', 'EUR')`)))
      .$call((t) => c.ref(t, 'party_id', 'party', (x) => x.notNull()))
      .$call((t) => c.ref(t, 'order_id', 'service_order'))
      .$call((t) => c.text(t, 'supplier_name', (x) => x.notNull()))
      .$call((t) => c.text(t, 'supplier_uic'))
      .$call((t) => c.text(t, 'supplier_vat_number'))
      .$call((t) => c.text(t, 'supplier_address'))
      .$call((t) => c.text(t, 'supplier_mol'))
      .$call((t) => c.text(t, 'supplier_bank'))
      .$call((t) => c.bool(t, 'supplier_vat_registered', true))
      .$call((t) => c.text(t, 'recipient_name', (x) => x.notNull()))
      .$call((t) => c.text(t, 'recipient_kind', (x) => x.notNull()))
      .$call((t) => c.text(t, 'recipient_uic'))
      .$call((t) => c.text(t, 'recipient_vat_number'))
      .$call((t) => c.text(t, 'recipient_egn'))
      .$call((t) => c.text(t, 'recipient_address'))
      .$call((t) => c.text(t, 'recipient_mol'))
      .$call((t) => c.text(t, 'no_vat_reason'))
      .$call((t) =>
        c.text(t, 'payment_method', (x) =>
          x.notNull().check(sql`payment_method in ('cash', 'card', 'bank_transfer')`),
        ),
      )
      .$call((t) => c.date(t, 'due_date'))
      .$call((t) => c.text(t, 'received_by'))
      .$call((t) => c.text(t, 'issued_by_name'))
      .$call((t) => c.text(t, 'notes'))
      .$call((t) => c.bigint(t, 'net_cents', (x) => x.notNull().defaultTo(0)))
      .$call((t) => c.bigint(t, 'vat_cents', (x) => x.notNull().defaultTo(0)))
      .$call((t) => c.bigint(t, 'total_cents', (x) => x.notNull().defaultTo(0)))
      .$call((t) => c.text(t, 'cancel_reason'))
      .$call((t) => c.instant(t, 'cancelled_at'))
      .$call((t) => c.ref(t, 'cancelled_by', 'app_user'))
      .$call((t) => c.ref(t, 'reversal_of_id', 'sales_invoice'))
      .$call((t) => c.ref(t, 'reversed_by_id', 'sales_invoice'))
      .$call((t) => c.instant(t, 'posted_at'))
      .$call((t) => c.ref(t, 'posted_by', 'app_user'))
      .$call((t) => c.ref(t, 'created_by', 'app_user'))
      .$call((t) => c.text(t, 'search_text', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'updated_at', (x) => x.notNull()))
      .execute();
    // A number is never given twice in a series (INV-02): the counter row guarantees it, the index proves it.
    await db.schema
      .createIndex('sales_invoice_series_number_uq')
      .on('sales_invoice')
      .columns(['series_id', 'number'])
      .unique()
      .where(sql.ref('number'), 'is not', null)
      .execute();
    await db.schema
      .createIndex('sales_invoice_status_date_idx')
      .on('sales_invoice')
      .columns(['status', 'document_date'])
      .execute();
    await db.schema.createIndex('sales_invoice_party_idx').on('sales_invoice').column('party_id').execute();
    await db.schema.createIndex('sales_invoice_order_idx').on('sales_invoice').column('order_id').execute();

    await db.schema
      .createTable('sales_invoice_line')
      .$call((t) => c.id(t))
      .$call((t) => c.ref(t, 'invoice_id', 'sales_invoice', (x) => x.notNull().onDelete('cascade')))
      .$call((t) => c.int(t, 'position', (x) => x.notNull()))
      .$call((t) => c.text(t, 'description', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`)))
      .$call((t) => c.text(t, 'unit', (x) => x.notNull()))
      .$call((t) => c.bigint(t, 'unit_price_cents', (x) => x.notNull().check(sql`unit_price_cents >= 0`)))
      .$call((t) =>
        c.int(t, 'discount_bp', (x) => x.notNull().defaultTo(0).check(sql`discount_bp between 0 and 10000`)),
      )
      .$call((t) => c.bigint(t, 'net_cents', (x) => x.notNull()))
      .$call((t) => c.int(t, 'vat_rate_bp', (x) => x.notNull().check(sql`vat_rate_bp between 0 and 10000`)))
      .$call((t) => c.bool(t, 'vat_exempt', false))
      .$call((t) => c.text(t, 'vat_reason'))
      .$call((t) => c.text(t, 'order_line_id'))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .execute();
    await db.schema
      .createIndex('sales_invoice_line_invoice_idx')
      .on('sales_invoice_line')
      .columns(['invoice_id', 'position'])
      .execute();

    await db.schema
      .createTable('sales_invoice_rendering')
      .$call((t) => c.ref(t, 'invoice_id', 'sales_invoice', (x) => x.notNull()))
      .$call((t) => c.text(t, 'language', (x) => x.notNull().check(sql`language in ('bg', 'bg_en')`)))
      .addColumn('pdf', dialect === 'postgres' ? 'bytea' : 'blob', (x) => x.notNull())
      .$call((t) => c.text(t, 'sha256', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .addPrimaryKeyConstraint('sales_invoice_rendering_pk', ['invoice_id', 'language'])
      .execute();

    await db.schema
      .alterTable('service_order')
      .addColumn('billed_document_id', 'text', (x) => x.references('sales_invoice.id'))
      .execute();
    await db.schema
      .alterTable('service_order')
      .addColumn('billed_at', dialect === 'postgres' ? 'timestamptz' : 'text')
      .execute();
  },
};
