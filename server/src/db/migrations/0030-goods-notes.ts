import { sql } from 'kysely';
import { addDefaultSeries, columns, type Migration } from './helpers';

/**
 * Goods delivery notes (стокова разписка, issue 13 items 3 and 5; ADR 0024): a numbered non-tax sale document in its
 * own table and series, built from a service order's lines the customer pays (or, for a warranty repair with nothing
 * to pay, a handover of zero value), with both parties' requisites copied on the day and its stored rendering with
 * the SHA-256. And the reason an order was delivered without a closing document (ready → delivered).
 */
export const goodsNotes: Migration = {
  name: '0030-goods-notes',
  async up(db, dialect) {
    const c = columns(dialect);

    let note = db.schema.createTable('goods_note');
    note = c.id(note);
    note = c.ref(note, 'series_id', 'numbering_series', (x) => x.notNull());
    note = c.text(note, 'number', (x) => x.notNull());
    note = c.text(note, 'status', (x) => x.notNull().check(sql`status in ('issued')`));
    note = c.date(note, 'document_date', (x) => x.notNull());
    note = c.text(note, 'currency', (x) => x.notNull().check(sql`currency in ('BGN', 'EUR')`));
    note = c.ref(note, 'party_id', 'party', (x) => x.notNull());
    note = c.ref(note, 'order_id', 'service_order');
    note = c.text(note, 'supplier_name', (x) => x.notNull());
    note = c.text(note, 'supplier_uic');
    note = c.text(note, 'supplier_vat_number');
    note = c.text(note, 'supplier_address');
    note = c.text(note, 'supplier_mol');
    note = c.text(note, 'recipient_name', (x) => x.notNull());
    note = c.text(note, 'recipient_uic');
    note = c.text(note, 'recipient_vat_number');
    note = c.text(note, 'recipient_address');
    note = c.text(note, 'recipient_mol');
    note = c.bool(note, 'zero_value', false);
    note = c.bigint(note, 'net_cents', (x) => x.notNull().check(sql`net_cents >= 0`));
    note = c.bigint(note, 'vat_cents', (x) => x.notNull().check(sql`vat_cents >= 0`));
    note = c.bigint(note, 'total_cents', (x) => x.notNull().check(sql`total_cents >= 0`));
    note = c.text(note, 'received_by');
    note = c.text(note, 'issued_by_name');
    note = c.text(note, 'notes');
    note = c.ref(note, 'created_by', 'app_user');
    note = c.instant(note, 'created_at', (x) => x.notNull());
    await note.execute();
    await db.schema
      .createIndex('goods_note_series_number_uq')
      .on('goods_note')
      .columns(['series_id', 'number'])
      .unique()
      .execute();
    for (const col of ['party_id', 'order_id', 'created_by'])
      await db.schema.createIndex(`goods_note_${col}_idx`).on('goods_note').column(col).execute();

    let line = db.schema.createTable('goods_note_line');
    line = c.id(line);
    line = c.ref(line, 'note_id', 'goods_note', (x) => x.notNull());
    line = c.int(line, 'position', (x) => x.notNull());
    line = c.text(line, 'description', (x) => x.notNull());
    line = c.bigint(line, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`));
    line = c.text(line, 'unit', (x) => x.notNull());
    line = c.text(line, 'payer', (x) => x.notNull());
    line = c.bigint(line, 'unit_price_cents', (x) => x.notNull());
    line = c.int(line, 'discount_bp', (x) => x.notNull());
    line = c.int(line, 'vat_rate_bp', (x) => x.notNull());
    line = c.bigint(line, 'net_cents', (x) => x.notNull());
    line = c.text(line, 'order_line_id');
    await line.execute();
    await db.schema
      .createIndex('goods_note_line_note_id_idx')
      .on('goods_note_line')
      .column('note_id')
      .execute();

    await db.schema
      .createTable('goods_note_rendering')
      .$call((t) => c.ref(t, 'note_id', 'goods_note', (x) => x.notNull()))
      .$call((t) => c.text(t, 'language', (x) => x.notNull().check(sql`language in ('bg', 'bg_en')`)))
      .addColumn('pdf', dialect === 'postgres' ? 'bytea' : 'blob', (x) => x.notNull())
      .$call((t) => c.text(t, 'sha256', (x) => x.notNull()))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .addPrimaryKeyConstraint('goods_note_rendering_pk', ['note_id', 'language'])
      .execute();

    // Delivered without a closing document: the reason given at ready → delivered (issue 13 item 3).
    await db.schema
      .alterTable('service_order')
      .addColumn('delivered_without_document_reason', 'text')
      .execute();

    await addDefaultSeries(db, dialect, 'goods_delivery_note');
  },
};
