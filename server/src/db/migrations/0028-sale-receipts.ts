import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Sale receipts of our own (касова бележка, issue 13 items 3 and 4; ADR 0022): a numbered non-tax sales document in
 * its own table (never in sales_invoice, so never in the VAT journal nor the invoice series), with its УНП and the
 * four fields the fiscal device printed (FIS-01, FIS-05, FP-02), the cash desk movement of its payment, and its
 * storno (FIS-02) with the reason. Its lines are copies of the order lines the customer pays.
 */
export const saleReceipts: Migration = {
  name: '0028-sale-receipts',
  async up(db, dialect) {
    const c = columns(dialect);

    let receipt = db.schema.createTable('sale_receipt');
    receipt = c.id(receipt);
    receipt = c.ref(receipt, 'series_id', 'numbering_series', (x) => x.notNull());
    receipt = c.text(receipt, 'number', (x) => x.notNull());
    receipt = c.text(receipt, 'status', (x) => x.notNull().check(sql`status in ('issued', 'reversed')`));
    receipt = c.date(receipt, 'document_date', (x) => x.notNull());
    receipt = c.text(receipt, 'currency', (x) => x.notNull());
    receipt = c.ref(receipt, 'party_id', 'party', (x) => x.notNull());
    receipt = c.ref(receipt, 'order_id', 'service_order');
    receipt = c.text(receipt, 'payment_method', (x) =>
      x.notNull().check(sql`payment_method in ('cash', 'card')`),
    );
    receipt = c.ref(receipt, 'account_id', 'money_account', (x) => x.notNull());
    receipt = c.ref(receipt, 'movement_id', 'money_movement', (x) => x.notNull());
    receipt = c.bigint(receipt, 'net_cents', (x) => x.notNull());
    receipt = c.bigint(receipt, 'vat_cents', (x) => x.notNull());
    receipt = c.bigint(receipt, 'total_cents', (x) => x.notNull().check(sql`total_cents > 0`));
    receipt = c.text(receipt, 'unique_sale_number', (x) => x.notNull());
    receipt = c.bool(receipt, 'fiscalised', false);
    receipt = c.text(receipt, 'fiscal_status', (x) =>
      x.notNull().check(sql`fiscal_status in ('printing', 'printed', 'no_device', 'failed')`),
    );
    receipt = c.text(receipt, 'fiscal_error_code');
    receipt = c.text(receipt, 'fiscal_task_id');
    receipt = c.text(receipt, 'receipt_number');
    receipt = c.text(receipt, 'receipt_date_time');
    receipt = c.text(receipt, 'fiscal_memory_serial_number');
    receipt = c.text(receipt, 'storno_reason');
    receipt = c.text(receipt, 'storno_receipt_number');
    receipt = c.text(receipt, 'storno_receipt_date_time');
    receipt = c.instant(receipt, 'reversed_at');
    receipt = c.ref(receipt, 'reversed_by', 'app_user');
    receipt = c.ref(receipt, 'created_by', 'app_user');
    receipt = c.instant(receipt, 'created_at', (x) => x.notNull());
    await receipt.execute();
    await db.schema
      .createIndex('sale_receipt_usn_uq')
      .on('sale_receipt')
      .column('unique_sale_number')
      .unique()
      .execute();
    await db.schema
      .createIndex('sale_receipt_series_number_uq')
      .on('sale_receipt')
      .columns(['series_id', 'number'])
      .unique()
      .execute();
    for (const col of ['party_id', 'order_id', 'account_id', 'movement_id', 'created_by', 'reversed_by'])
      await db.schema.createIndex(`sale_receipt_${col}_idx`).on('sale_receipt').column(col).execute();

    let line = db.schema.createTable('sale_receipt_line');
    line = c.id(line);
    line = c.ref(line, 'receipt_id', 'sale_receipt', (x) => x.notNull());
    line = c.int(line, 'position', (x) => x.notNull());
    line = c.text(line, 'description', (x) => x.notNull());
    line = c.bigint(line, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`));
    line = c.text(line, 'unit', (x) => x.notNull());
    line = c.bigint(line, 'unit_price_cents', (x) => x.notNull());
    line = c.int(line, 'discount_bp', (x) => x.notNull());
    line = c.int(line, 'vat_rate_bp', (x) => x.notNull());
    line = c.bigint(line, 'net_cents', (x) => x.notNull());
    line = c.bigint(line, 'vat_cents', (x) => x.notNull());
    line = c.bigint(line, 'total_cents', (x) => x.notNull());
    line = c.text(line, 'order_line_id');
    await line.execute();
    await db.schema
      .createIndex('sale_receipt_line_receipt_id_idx')
      .on('sale_receipt_line')
      .column('receipt_id')
      .execute();

    // The order's once-only billing mark for any kind of closing document (billed_document_id keeps its foreign key
    // to sales_invoice, so a receipt or a goods note could not be put there).
    await db.schema.alterTable('service_order').addColumn('billed_by_id', 'text').execute();
    await db.schema
      .alterTable('service_order')
      .addColumn('billed_by_kind', 'text', (x) =>
        x.check(sql`billed_by_kind in ('invoice', 'sale_receipt', 'goods_note')`),
      )
      .execute();
    await db
      .updateTable('service_order')
      .set({ billed_by_id: sql.ref('billed_document_id'), billed_by_kind: 'invoice' })
      .where('billed_document_id', 'is not', null)
      .execute();
  },
};
