import { sql } from 'kysely';
import { addDefaultSeries, columns, type Migration, type MigrationDb } from './helpers';

async function index(db: MigrationDb, table: string, cols: string[], unique = false, where?: string) {
  let b = db.schema
    .createIndex(`${table}_${cols.join('_')}_${unique ? 'uq' : 'idx'}`)
    .on(table)
    .columns(cols);
  if (unique) b = b.unique();
  if (where) b = b.where(sql<boolean>`${sql.raw(where)}`);
  await b.execute();
}

/**
 * Service orders (issue 12): the order and its lines, the technicians of a labour line, the timeline, the shop's
 * warranty records, the public status links and the service settings; the catalogue's parts learn whether they are
 * serial-tracked and their own warranty term.
 */
export const serviceOrders: Migration = {
  name: '0014-service-orders',
  async up(db, dialect) {
    const c = columns(dialect);
    const pg = dialect === 'postgres';

    await db.schema
      .alterTable('catalog_part')
      .addColumn('serial_tracked', pg ? 'boolean' : 'integer', (x) => x.notNull().defaultTo(pg ? false : 0))
      .execute();
    await db.schema
      .alterTable('catalog_part')
      .addColumn('warranty_months', 'integer', (x) => x.check(sql`warranty_months >= 0`))
      .execute();

    let order = db.schema.createTable('service_order');
    order = c.id(order);
    order = c.ref(order, 'series_id', 'numbering_series', (x) => x.notNull());
    order = c.text(order, 'number', (x) => x.notNull());
    order = c.text(order, 'status', (x) =>
      x
        .notNull()
        .check(
          sql`status in ('received', 'diagnosing', 'awaiting_approval', 'awaiting_parts', 'in_repair', 'ready', 'delivered', 'cancelled')`,
        ),
    );
    order = c.instant(order, 'status_changed_at', (x) => x.notNull());
    order = c.text(order, 'location', (x) => x.notNull().check(sql`location in ('shop', 'on_site')`));
    order = c.ref(order, 'party_id', 'party', (x) => x.notNull());
    order = c.ref(order, 'item_id', 'item', (x) => x.notNull());
    order = c.ref(order, 'site_id', 'site');
    order = c.text(order, 'complaint', (x) => x.notNull());
    order = c.json(order, 'accessories', (x) => x.notNull().defaultTo('[]'));
    order = c.text(order, 'condition_notes');
    order = c.ref(order, 'received_by', 'app_user');
    order = c.instant(order, 'received_at', (x) => x.notNull());
    order = c.date(order, 'promised_date');
    order = c.text(order, 'diagnosis');
    order = c.text(order, 'internal_notes');
    order = c.text(order, 'customer_notes');
    order = c.ref(order, 'technician_id', 'technician');
    order = c.instant(order, 'parts_arrived_at');
    order = c.instant(order, 'finished_at');
    order = c.instant(order, 'delivered_at');
    order = c.instant(order, 'cancelled_at');
    order = c.text(order, 'cancel_reason');
    order = c.ref(order, 'issue_document_id', 'stock_document');
    order = c.ref(order, 'returns_document_id', 'stock_document');
    order = c.bool(order, 'refused_repair', false);
    order = c.text(order, 'search_text', (x) => x.notNull());
    order = c.ref(order, 'created_by', 'app_user');
    order = c.instant(order, 'created_at', (x) => x.notNull());
    order = c.instant(order, 'updated_at', (x) => x.notNull());
    await order.execute();
    await index(db, 'service_order', ['number'], true);
    await index(db, 'service_order', ['status', 'status_changed_at']);
    await index(db, 'service_order', ['party_id']);
    await index(db, 'service_order', ['item_id']);
    await index(db, 'service_order', ['site_id']);
    await index(db, 'service_order', ['technician_id']);
    await index(db, 'service_order', ['search_text']);
    await index(db, 'service_order', ['received_at']);
    await index(db, 'service_order', ['series_id']);
    await index(db, 'service_order', ['received_by']);
    await index(db, 'service_order', ['created_by']);
    await index(db, 'service_order', ['issue_document_id']);
    await index(db, 'service_order', ['returns_document_id']);

    let line = db.schema.createTable('service_order_line');
    line = c.id(line);
    line = c.ref(line, 'order_id', 'service_order', (x) => x.notNull());
    line = c.int(line, 'position', (x) => x.notNull());
    line = c.text(line, 'kind', (x) => x.notNull().check(sql`kind in ('part', 'labour', 'charge')`));
    line = c.ref(line, 'part_id', 'catalog_part');
    line = c.ref(line, 'service_type_id', 'catalog_service_type');
    line = c.text(line, 'description', (x) => x.notNull());
    line = c.ref(line, 'warehouse_id', 'stock_warehouse');
    line = c.bigint(line, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`));
    line = c.bigint(line, 'used_quantity_milli', (x) => x.check(sql`used_quantity_milli >= 0`));
    line = c.text(line, 'unit', (x) => x.notNull());
    line = c.bigint(line, 'unit_price_cents', (x) => x.notNull().check(sql`unit_price_cents >= 0`));
    line = c.bigint(line, 'list_price_cents', (x) => x.notNull().check(sql`list_price_cents >= 0`));
    line = c.int(line, 'discount_bp', (x) =>
      x.notNull().defaultTo(0).check(sql`discount_bp >= 0 and discount_bp <= 10000`),
    );
    line = c.int(line, 'vat_rate_bp', (x) => x.notNull().check(sql`vat_rate_bp >= 0`));
    line = c.text(line, 'payer', (x) =>
      x
        .notNull()
        .defaultTo('customer')
        .check(sql`payer in ('customer', 'manufacturer_warranty', 'shop_warranty', 'contract')`),
    );
    line = c.text(line, 'payer_reason');
    // → warranty_record (created below; no foreign key, the record refers back to its line).
    line = c.text(line, 'covered_by_warranty_id');
    line = c.int(line, 'norm_minutes', (x) => x.check(sql`norm_minutes >= 0`));
    line = c.text(line, 'price_override_reason');
    line = c.int(line, 'actual_minutes', (x) => x.check(sql`actual_minutes >= 0`));
    line = c.text(line, 'fitted_serial');
    line = c.text(line, 'removed_serial');
    line = c.text(line, 'removed_disposition', (x) =>
      x.check(sql`removed_disposition in ('returned', 'scrapped', 'to_warehouse')`),
    );
    line = c.ref(line, 'removed_warehouse_id', 'stock_warehouse');
    line = c.bigint(line, 'unit_cost_cents', (x) => x.check(sql`unit_cost_cents >= 0`));
    line = c.instant(line, 'created_at', (x) => x.notNull());
    line = c.instant(line, 'updated_at', (x) => x.notNull());
    line = line.addCheckConstraint(
      'service_order_line_kind_ck',
      sql`(kind = 'part' and part_id is not null and warehouse_id is not null) or (kind = 'labour' and part_id is null) or (kind = 'charge' and part_id is null)`,
    );
    await line.execute();
    await index(db, 'service_order_line', ['order_id', 'position']);
    await index(db, 'service_order_line', ['part_id']);
    await index(db, 'service_order_line', ['service_type_id']);
    await index(db, 'service_order_line', ['warehouse_id']);
    await index(db, 'service_order_line', ['removed_warehouse_id']);
    await index(db, 'service_order_line', ['fitted_serial']);
    await index(db, 'service_order_line', ['covered_by_warranty_id']);

    let tech = db.schema.createTable('service_order_line_technician');
    tech = c.ref(tech, 'line_id', 'service_order_line', (x) => x.notNull().onDelete('cascade'));
    tech = c.ref(tech, 'technician_id', 'technician', (x) => x.notNull());
    tech = c.int(tech, 'share_bp', (x) => x.notNull().check(sql`share_bp > 0 and share_bp <= 10000`));
    tech = tech.addPrimaryKeyConstraint('service_order_line_technician_pk', [
      'line_id',
      'technician_id',
    ] as never[]);
    await tech.execute();
    await index(db, 'service_order_line_technician', ['technician_id']);

    let event = db.schema.createTable('service_order_event');
    event = c.id(event);
    event = c.ref(event, 'order_id', 'service_order', (x) => x.notNull());
    event = c.instant(event, 'at', (x) => x.notNull());
    event = c.ref(event, 'user_id', 'app_user');
    event = c.text(event, 'kind', (x) => x.notNull());
    event = c.text(event, 'from_status');
    event = c.text(event, 'to_status');
    event = c.json(event, 'details');
    await event.execute();
    await index(db, 'service_order_event', ['order_id', 'at']);
    await index(db, 'service_order_event', ['user_id']);

    let warranty = db.schema.createTable('warranty_record');
    warranty = c.id(warranty);
    warranty = c.ref(warranty, 'order_id', 'service_order', (x) => x.notNull());
    warranty = c.ref(warranty, 'line_id', 'service_order_line');
    warranty = c.ref(warranty, 'item_id', 'item', (x) => x.notNull());
    warranty = c.text(warranty, 'kind', (x) => x.notNull().check(sql`kind in ('part', 'labour')`));
    warranty = c.ref(warranty, 'part_id', 'catalog_part');
    warranty = c.ref(warranty, 'service_type_id', 'catalog_service_type');
    warranty = c.text(warranty, 'serial');
    warranty = c.date(warranty, 'fitted_on', (x) => x.notNull());
    warranty = c.int(warranty, 'months', (x) => x.notNull().check(sql`months >= 0`));
    warranty = c.date(warranty, 'valid_until', (x) => x.notNull());
    warranty = c.text(warranty, 'status', (x) => x.notNull().check(sql`status in ('active', 'void')`));
    warranty = c.instant(warranty, 'created_at', (x) => x.notNull());
    warranty = c.instant(warranty, 'updated_at', (x) => x.notNull());
    await warranty.execute();
    await index(db, 'warranty_record', ['item_id', 'valid_until']);
    await index(db, 'warranty_record', ['serial']);
    await index(db, 'warranty_record', ['order_id']);
    await index(db, 'warranty_record', ['line_id']);
    await index(db, 'warranty_record', ['part_id']);
    await index(db, 'warranty_record', ['service_type_id']);

    let link = db.schema.createTable('service_order_link');
    link = c.id(link);
    link = c.ref(link, 'order_id', 'service_order', (x) => x.notNull());
    link = c.text(link, 'token_hash', (x) => x.notNull());
    link = c.instant(link, 'created_at', (x) => x.notNull());
    link = c.instant(link, 'revoked_at');
    await link.execute();
    await index(db, 'service_order_link', ['token_hash'], true);
    // One active link per order.
    await index(db, 'service_order_link', ['order_id'], true, 'revoked_at is null');
    await db.schema
      .createIndex('service_order_link_order_all_idx')
      .on('service_order_link')
      .column('order_id')
      .execute();

    let settings = db.schema.createTable('service_settings');
    settings = c.id(settings);
    settings = c.json(settings, 'status_limits', (x) => x.notNull().defaultTo('{}'));
    settings = c.text(settings, 'diagnostic_fee', (x) =>
      x.notNull().defaultTo('none').check(sql`diagnostic_fee in ('charge', 'none')`),
    );
    settings = c.ref(settings, 'diagnostic_service_type_id', 'catalog_service_type');
    settings = c.text(settings, 'overdue_customers', (x) =>
      x.notNull().defaultTo('warn').check(sql`overdue_customers in ('warn', 'refuse')`),
    );
    settings = c.int(settings, 'part_warranty_months', (x) =>
      x.notNull().defaultTo(6).check(sql`part_warranty_months >= 0`),
    );
    settings = c.int(settings, 'labour_warranty_months', (x) =>
      x.notNull().defaultTo(3).check(sql`labour_warranty_months >= 0`),
    );
    settings = c.instant(settings, 'updated_at', (x) => x.notNull());
    await settings.execute();
    await index(db, 'service_settings', ['diagnostic_service_type_id']);

    // An installation set up before this issue: its service orders get their default series as setup makes it.
    await addDefaultSeries(db, dialect, 'service_order');
  },
};
