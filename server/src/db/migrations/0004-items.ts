import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/** Tables of the items module: serviced items and their owner history. */
export const items: Migration = {
  name: '0004-items',
  async up(db, dialect) {
    const c = columns(dialect);

    let item = db.schema.createTable('item');
    item = c.id(item);
    item = c.ref(item, 'model_id', 'catalog_model', (x) => x.notNull());
    item = c.text(item, 'serial_number', (x) => x.notNull().check(sql`length(serial_number) > 0`));
    item = c.ref(item, 'party_id', 'party', (x) => x.notNull());
    item = c.ref(item, 'site_id', 'site');
    item = c.date(item, 'purchase_date');
    item = c.text(item, 'seller');
    item = c.text(item, 'warranty_doc_number');
    item = c.int(item, 'warranty_months', (x) => x.check(sql`warranty_months >= 0`));
    item = c.date(item, 'warranty_end');
    item = c.date(item, 'warranty_until');
    item = c.text(item, 'notes');
    item = c.text(item, 'search_text', (x) => x.notNull());
    item = c.instant(item, 'archived_at');
    item = c.instant(item, 'created_at', (x) => x.notNull());
    item = c.instant(item, 'updated_at', (x) => x.notNull());
    await item.execute();
    // The serial is stored normalised (trimmed, upper case), so a plain unique index is case-insensitive.
    await db.schema
      .createIndex('item_model_serial_uq')
      .on('item')
      .columns(['model_id', 'serial_number'])
      .unique()
      .execute();
    await db.schema.createIndex('item_serial_idx').on('item').column('serial_number').execute();
    await db.schema.createIndex('item_party_idx').on('item').column('party_id').execute();
    await db.schema.createIndex('item_site_idx').on('item').column('site_id').execute();
    await db.schema.createIndex('item_warranty_until_idx').on('item').column('warranty_until').execute();
    await db.schema.createIndex('item_created_at_idx').on('item').column('created_at').execute();
    await db.schema.createIndex('item_search_idx').on('item').column('search_text').execute();

    let history = db.schema.createTable('item_owner_history');
    history = c.id(history);
    history = c.ref(history, 'item_id', 'item', (x) => x.notNull().onDelete('cascade'));
    history = c.ref(history, 'party_id', 'party', (x) => x.notNull());
    history = c.ref(history, 'site_id', 'site');
    history = c.date(history, 'from_date', (x) => x.notNull());
    history = c.date(history, 'to_date');
    history = c.text(history, 'reason');
    history = c.instant(history, 'created_at', (x) => x.notNull());
    history = c.instant(history, 'updated_at', (x) => x.notNull());
    history = history.addCheckConstraint(
      'item_owner_history_dates_ck',
      sql`to_date is null or to_date >= from_date`,
    );
    await history.execute();
    await db.schema
      .createIndex('item_owner_history_item_idx')
      .on('item_owner_history')
      .columns(['item_id', 'from_date'])
      .execute();
    await db.schema
      .createIndex('item_owner_history_party_idx')
      .on('item_owner_history')
      .column('party_id')
      .execute();
    await db.schema
      .createIndex('item_owner_history_site_idx')
      .on('item_owner_history')
      .column('site_id')
      .execute();
  },
};
