import { sql } from 'kysely';
import { addDefaultSeries, columns, type Migration, type MigrationDb } from './helpers';

async function index(db: MigrationDb, table: string, cols: string[]) {
  await db.schema
    .createIndex(`${table}_${cols.join('_')}_idx`)
    .on(table)
    .columns(cols)
    .execute();
}

/**
 * Repair quotes (issue 12, item 1): the quote (numbered in the `quote` series, linked to the service order it was
 * made from or converted into) and its planned lines, the shape of the order's lines without what only work done has
 * (used quantity, serials, technicians, payer).
 */
export const repairQuotes: Migration = {
  name: '0016-repair-quotes',
  async up(db, dialect) {
    const c = columns(dialect);
    const _pg = dialect === 'postgres';

    let quote = db.schema.createTable('repair_quote');
    quote = c.id(quote);
    quote = c.ref(quote, 'series_id', 'numbering_series', (x) => x.notNull());
    quote = c.text(quote, 'number', (x) => x.notNull());
    quote = c.text(quote, 'status', (x) =>
      x.notNull().check(sql`status in ('draft', 'sent', 'accepted', 'rejected', 'expired', 'converted')`),
    );
    quote = c.instant(quote, 'status_changed_at', (x) => x.notNull());
    quote = c.ref(quote, 'party_id', 'party', (x) => x.notNull());
    quote = c.ref(quote, 'item_id', 'item', (x) => x.notNull());
    quote = c.text(quote, 'complaint', (x) => x.notNull());
    quote = c.date(quote, 'valid_until', (x) => x.notNull());
    quote = c.text(quote, 'customer_notes');
    // The order it was made from (diagnosis) or, once converted, the order it became.
    quote = c.ref(quote, 'order_id', 'service_order');
    quote = c.bool(quote, 'from_order', false);
    quote = c.instant(quote, 'sent_at');
    quote = c.instant(quote, 'decided_at');
    quote = c.instant(quote, 'converted_at');
    quote = c.text(quote, 'search_text', (x) => x.notNull());
    quote = c.ref(quote, 'created_by', 'app_user');
    quote = c.instant(quote, 'created_at', (x) => x.notNull());
    quote = c.instant(quote, 'updated_at', (x) => x.notNull());
    await quote.execute();
    await db.schema
      .createIndex('repair_quote_number_uq')
      .on('repair_quote')
      .column('number')
      .unique()
      .execute();
    await index(db, 'repair_quote', ['status', 'valid_until']);
    await index(db, 'repair_quote', ['party_id']);
    await index(db, 'repair_quote', ['item_id']);
    await index(db, 'repair_quote', ['order_id']);
    await index(db, 'repair_quote', ['series_id']);
    await index(db, 'repair_quote', ['created_by']);
    await index(db, 'repair_quote', ['created_at']);
    await index(db, 'repair_quote', ['search_text']);

    let line = db.schema.createTable('repair_quote_line');
    line = c.id(line);
    line = c.ref(line, 'quote_id', 'repair_quote', (x) => x.notNull());
    line = c.int(line, 'position', (x) => x.notNull());
    line = c.text(line, 'kind', (x) => x.notNull().check(sql`kind in ('part', 'labour', 'charge')`));
    line = c.ref(line, 'part_id', 'catalog_part');
    line = c.ref(line, 'service_type_id', 'catalog_service_type');
    line = c.text(line, 'description', (x) => x.notNull());
    line = c.ref(line, 'warehouse_id', 'stock_warehouse');
    line = c.bigint(line, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`));
    line = c.text(line, 'unit', (x) => x.notNull());
    line = c.bigint(line, 'unit_price_cents', (x) => x.notNull().check(sql`unit_price_cents >= 0`));
    line = c.bigint(line, 'list_price_cents', (x) => x.notNull().check(sql`list_price_cents >= 0`));
    line = c.text(line, 'price_override_reason');
    line = c.int(line, 'discount_bp', (x) =>
      x.notNull().defaultTo(0).check(sql`discount_bp >= 0 and discount_bp <= 10000`),
    );
    line = c.int(line, 'vat_rate_bp', (x) => x.notNull().check(sql`vat_rate_bp >= 0`));
    line = c.int(line, 'norm_minutes', (x) => x.check(sql`norm_minutes >= 0`));
    line = c.instant(line, 'created_at', (x) => x.notNull());
    line = c.instant(line, 'updated_at', (x) => x.notNull());
    line = line.addCheckConstraint(
      'repair_quote_line_kind_ck',
      sql`(kind = 'part' and part_id is not null and warehouse_id is not null) or (kind = 'labour' and service_type_id is not null) or (kind = 'charge' and part_id is null)`,
    );
    await line.execute();
    await index(db, 'repair_quote_line', ['quote_id', 'position']);
    await index(db, 'repair_quote_line', ['part_id']);
    await index(db, 'repair_quote_line', ['service_type_id']);
    await index(db, 'repair_quote_line', ['warehouse_id']);

    // An installation set up before this issue: its quotes get their default series as setup makes it.
    await addDefaultSeries(db, dialect, 'quote');
  },
};
