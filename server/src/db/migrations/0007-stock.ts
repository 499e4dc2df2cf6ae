import { sql } from 'kysely';
import { columns, type Migration, type MigrationDb } from './helpers';

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
 * Tables of the stock module: warehouses and vans, stock documents and their lines, the ledger of movements, the
 * levels derived from it, and reservations.
 */
export const stock: Migration = {
  name: '0007-stock',
  async up(db, dialect) {
    const c = columns(dialect);

    let warehouse = db.schema.createTable('stock_warehouse');
    warehouse = c.id(warehouse);
    warehouse = c.text(warehouse, 'code', (x) => x.notNull());
    warehouse = c.text(warehouse, 'name', (x) => x.notNull());
    warehouse = c.text(warehouse, 'kind', (x) => x.notNull().check(sql`kind in ('store', 'van')`));
    warehouse = c.ref(warehouse, 'technician_id', 'technician');
    warehouse = c.text(warehouse, 'mol_name');
    warehouse = c.instant(warehouse, 'archived_at');
    warehouse = c.text(warehouse, 'search_text', (x) => x.notNull());
    warehouse = c.instant(warehouse, 'created_at', (x) => x.notNull());
    warehouse = c.instant(warehouse, 'updated_at', (x) => x.notNull());
    warehouse = warehouse.addCheckConstraint(
      'stock_warehouse_van_ck',
      sql`(kind = 'van' and technician_id is not null) or (kind = 'store' and technician_id is null)`,
    );
    await warehouse.execute();
    await index(db, 'stock_warehouse', ['code'], true);
    // One van per technician (NULLs, i.e. stores, are distinct in unique indexes on both databases).
    await index(db, 'stock_warehouse', ['technician_id'], true);
    await index(db, 'stock_warehouse', ['search_text']);

    let reservation = db.schema.createTable('stock_reservation');
    reservation = c.id(reservation);
    reservation = c.ref(reservation, 'part_id', 'catalog_part', (x) => x.notNull());
    reservation = c.ref(reservation, 'warehouse_id', 'stock_warehouse', (x) => x.notNull());
    reservation = c.bigint(reservation, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`));
    reservation = c.text(reservation, 'source_type', (x) => x.notNull());
    reservation = c.text(reservation, 'source_id', (x) => x.notNull());
    reservation = c.text(reservation, 'source_line_id');
    reservation = c.text(reservation, 'status', (x) =>
      x.notNull().check(sql`status in ('active', 'released', 'consumed')`),
    );
    // The issue document that consumed it (no foreign key: stock_document is created below and refers back here).
    reservation = c.text(reservation, 'consumed_by_document_id');
    reservation = c.instant(reservation, 'released_at');
    reservation = c.instant(reservation, 'consumed_at');
    reservation = c.ref(reservation, 'created_by', 'app_user');
    reservation = c.instant(reservation, 'created_at', (x) => x.notNull());
    reservation = c.instant(reservation, 'updated_at', (x) => x.notNull());
    await reservation.execute();
    await index(db, 'stock_reservation', ['part_id', 'warehouse_id']);
    await index(db, 'stock_reservation', ['warehouse_id']);
    await index(db, 'stock_reservation', ['source_type', 'source_id']);
    await index(db, 'stock_reservation', ['status']);
    await index(db, 'stock_reservation', ['consumed_by_document_id']);
    await index(db, 'stock_reservation', ['created_by']);

    let doc = db.schema.createTable('stock_document');
    doc = c.id(doc);
    doc = c.text(doc, 'type', (x) =>
      x.notNull().check(sql`type in ('receipt', 'issue', 'transfer', 'writeoff', 'count')`),
    );
    doc = c.text(doc, 'status', (x) => x.notNull().check(sql`status in ('draft', 'posted', 'reversed')`));
    doc = c.ref(doc, 'series_id', 'numbering_series');
    doc = c.text(doc, 'number');
    doc = c.date(doc, 'document_date', (x) => x.notNull());
    doc = c.ref(doc, 'warehouse_id', 'stock_warehouse', (x) => x.notNull());
    doc = c.ref(doc, 'to_warehouse_id', 'stock_warehouse');
    doc = c.ref(doc, 'supplier_id', 'party');
    doc = c.text(doc, 'supplier_doc_number');
    doc = c.date(doc, 'supplier_doc_date');
    doc = c.text(doc, 'reason');
    doc = c.text(doc, 'source_type');
    doc = c.text(doc, 'source_id');
    doc = c.bigint(doc, 'landed_cost_cents', (x) =>
      x.notNull().defaultTo(0).check(sql`landed_cost_cents >= 0`),
    );
    doc = c.bigint(doc, 'total_value_cents', (x) => x.notNull().defaultTo(0));
    doc = c.text(doc, 'notes');
    doc = c.ref(doc, 'reversal_of_id', 'stock_document');
    doc = c.ref(doc, 'reversed_by_id', 'stock_document');
    doc = c.instant(doc, 'posted_at');
    doc = c.ref(doc, 'posted_by', 'app_user');
    doc = c.ref(doc, 'created_by', 'app_user');
    doc = c.text(doc, 'search_text', (x) => x.notNull());
    doc = c.instant(doc, 'created_at', (x) => x.notNull());
    doc = c.instant(doc, 'updated_at', (x) => x.notNull());
    doc = doc.addCheckConstraint(
      'stock_document_number_ck',
      sql`(status = 'draft' and number is null and posted_at is null) or (status <> 'draft' and number is not null and series_id is not null and posted_at is not null)`,
    );
    doc = doc.addCheckConstraint(
      'stock_document_transfer_ck',
      sql`(type = 'transfer' and to_warehouse_id is not null and to_warehouse_id <> warehouse_id) or (type <> 'transfer' and to_warehouse_id is null)`,
    );
    await doc.execute();
    await index(db, 'stock_document', ['series_id', 'number'], true);
    await index(db, 'stock_document', ['type', 'status']);
    await index(db, 'stock_document', ['document_date']);
    await index(db, 'stock_document', ['warehouse_id']);
    await index(db, 'stock_document', ['to_warehouse_id']);
    await index(db, 'stock_document', ['supplier_id']);
    await index(db, 'stock_document', ['source_type', 'source_id']);
    await index(db, 'stock_document', ['reversal_of_id'], true);
    await index(db, 'stock_document', ['reversed_by_id'], true);
    await index(db, 'stock_document', ['posted_by']);
    await index(db, 'stock_document', ['created_by']);
    await index(db, 'stock_document', ['search_text']);

    let line = db.schema.createTable('stock_document_line');
    line = c.id(line);
    line = c.ref(line, 'document_id', 'stock_document', (x) => x.notNull().onDelete('cascade'));
    line = c.int(line, 'line_no', (x) => x.notNull());
    line = c.ref(line, 'part_id', 'catalog_part', (x) => x.notNull());
    line = c.bigint(line, 'quantity_milli', (x) => x.check(sql`quantity_milli > 0`));
    line = c.bigint(line, 'counted_milli', (x) => x.check(sql`counted_milli >= 0`));
    line = c.bigint(line, 'book_milli');
    line = c.bigint(line, 'unit_cost_cents', (x) => x.check(sql`unit_cost_cents >= 0`));
    line = c.bigint(line, 'landed_cost_cents', (x) =>
      x.notNull().defaultTo(0).check(sql`landed_cost_cents >= 0`),
    );
    line = c.bigint(line, 'value_cents');
    line = c.text(line, 'serial_numbers');
    line = c.ref(line, 'reservation_id', 'stock_reservation');
    line = c.text(line, 'source_line_id');
    line = c.instant(line, 'created_at', (x) => x.notNull());
    line = c.instant(line, 'updated_at', (x) => x.notNull());
    line = line.addCheckConstraint(
      'stock_document_line_qty_ck',
      sql`(quantity_milli is not null and counted_milli is null) or (quantity_milli is null and counted_milli is not null)`,
    );
    await line.execute();
    await index(db, 'stock_document_line', ['document_id', 'line_no'], true);
    await index(db, 'stock_document_line', ['part_id']);
    await index(db, 'stock_document_line', ['reservation_id']);

    let movement = db.schema.createTable('stock_movement');
    movement = c.id(movement);
    movement = c.ref(movement, 'document_id', 'stock_document', (x) => x.notNull());
    movement = c.ref(movement, 'line_id', 'stock_document_line', (x) => x.notNull());
    movement = c.ref(movement, 'part_id', 'catalog_part', (x) => x.notNull());
    movement = c.ref(movement, 'warehouse_id', 'stock_warehouse', (x) => x.notNull());
    movement = c.bigint(movement, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli <> 0`));
    movement = c.bigint(movement, 'unit_cost_cents', (x) => x.notNull().check(sql`unit_cost_cents >= 0`));
    movement = c.bigint(movement, 'value_cents', (x) => x.notNull());
    movement = c.date(movement, 'movement_date', (x) => x.notNull());
    movement = c.instant(movement, 'at', (x) => x.notNull());
    movement = c.int(movement, 'seq', (x) => x.notNull());
    movement = c.instant(movement, 'created_at', (x) => x.notNull());
    movement = c.instant(movement, 'updated_at', (x) => x.notNull());
    await movement.execute();
    await index(db, 'stock_movement', ['part_id', 'warehouse_id', 'movement_date']);
    await index(db, 'stock_movement', ['warehouse_id', 'movement_date']);
    await index(db, 'stock_movement', ['document_id']);
    await index(db, 'stock_movement', ['line_id']);
    await index(db, 'stock_movement', ['movement_date']);

    let level = db.schema.createTable('stock_level');
    level = c.id(level);
    level = c.ref(level, 'part_id', 'catalog_part', (x) => x.notNull());
    level = c.ref(level, 'warehouse_id', 'stock_warehouse', (x) => x.notNull());
    level = c.bigint(level, 'on_hand_milli', (x) => x.notNull().defaultTo(0));
    level = c.bigint(level, 'reserved_milli', (x) => x.notNull().defaultTo(0));
    level = c.bigint(level, 'value_cents', (x) => x.notNull().defaultTo(0));
    level = c.bigint(level, 'avg_cost_cents', (x) => x.notNull().defaultTo(0));
    level = c.instant(level, 'created_at', (x) => x.notNull());
    level = c.instant(level, 'updated_at', (x) => x.notNull());
    // The last line of defence of "never oversold": the posting code refuses first, with the part and the shortfall.
    level = level.addCheckConstraint(
      'stock_level_quantities_ck',
      sql`on_hand_milli >= 0 and reserved_milli >= 0 and reserved_milli <= on_hand_milli`,
    );
    level = level.addCheckConstraint(
      'stock_level_value_ck',
      sql`value_cents >= 0 and (on_hand_milli > 0 or value_cents = 0)`,
    );
    await level.execute();
    await index(db, 'stock_level', ['part_id', 'warehouse_id'], true);
    await index(db, 'stock_level', ['warehouse_id']);
  },
};
