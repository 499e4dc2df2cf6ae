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
 * Purchase requests for missing parts (issue 12, item 5; ADR 0014): a request to one supplier (or to none yet), its
 * lines (one per part) and the needs each line serves (the waiting lines of service orders); a part's preferred
 * supplier; the request's own numbering series.
 */
export const purchaseRequests: Migration = {
  name: '0017-purchase-requests',
  async up(db, dialect) {
    const c = columns(dialect);
    const _pg = dialect === 'postgres';

    await db.schema
      .alterTable('catalog_part')
      .addColumn('preferred_supplier_id', 'text', (x) => x.references('party.id'))
      .execute();
    await index(db, 'catalog_part', ['preferred_supplier_id']);

    let request = db.schema.createTable('purchase_request');
    request = c.id(request);
    request = c.ref(request, 'series_id', 'numbering_series', (x) => x.notNull());
    request = c.text(request, 'number', (x) => x.notNull());
    request = c.text(request, 'status', (x) =>
      x.notNull().check(sql`status in ('draft', 'sent', 'received', 'cancelled')`),
    );
    request = c.ref(request, 'supplier_id', 'party');
    request = c.text(request, 'notes');
    request = c.ref(request, 'receipt_id', 'stock_document');
    request = c.instant(request, 'sent_at');
    request = c.ref(request, 'sent_by', 'app_user');
    request = c.instant(request, 'received_at');
    request = c.instant(request, 'cancelled_at');
    request = c.ref(request, 'created_by', 'app_user');
    request = c.instant(request, 'created_at', (x) => x.notNull());
    request = c.instant(request, 'updated_at', (x) => x.notNull());
    await request.execute();
    await index(db, 'purchase_request', ['number'], true);
    await index(db, 'purchase_request', ['status', 'supplier_id']);
    await index(db, 'purchase_request', ['supplier_id']);
    await index(db, 'purchase_request', ['series_id']);
    await index(db, 'purchase_request', ['receipt_id']);
    await index(db, 'purchase_request', ['sent_by']);
    await index(db, 'purchase_request', ['created_by']);
    // One open draft per supplier (and one for "no supplier yet"): the grouping the drafting relies on.
    await index(
      db,
      'purchase_request',
      ['supplier_id'],
      true,
      "status = 'draft' and supplier_id is not null",
    );
    await index(db, 'purchase_request', ['status'], true, "status = 'draft' and supplier_id is null");

    let line = db.schema.createTable('purchase_request_line');
    line = c.id(line);
    line = c.ref(line, 'request_id', 'purchase_request', (x) => x.notNull());
    line = c.ref(line, 'part_id', 'catalog_part', (x) => x.notNull());
    line = c.int(line, 'position', (x) => x.notNull());
    line = c.bigint(line, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli >= 0`));
    line = c.instant(line, 'created_at', (x) => x.notNull());
    line = c.instant(line, 'updated_at', (x) => x.notNull());
    await line.execute();
    await index(db, 'purchase_request_line', ['request_id', 'part_id'], true);
    await index(db, 'purchase_request_line', ['part_id']);

    let need = db.schema.createTable('purchase_request_need');
    need = c.id(need);
    need = c.ref(need, 'request_line_id', 'purchase_request_line', (x) => x.notNull());
    need = c.text(need, 'source_type', (x) => x.notNull());
    need = c.text(need, 'source_id', (x) => x.notNull());
    need = c.text(need, 'source_line_id', (x) => x.notNull());
    need = c.text(need, 'source_label', (x) => x.notNull());
    need = c.instant(need, 'source_date', (x) => x.notNull());
    need = c.ref(need, 'warehouse_id', 'stock_warehouse', (x) => x.notNull());
    need = c.bigint(need, 'quantity_milli', (x) => x.notNull().check(sql`quantity_milli > 0`));
    need = c.instant(need, 'created_at', (x) => x.notNull());
    need = c.instant(need, 'updated_at', (x) => x.notNull());
    await need.execute();
    await index(db, 'purchase_request_need', ['request_line_id', 'source_line_id'], true);
    await index(db, 'purchase_request_need', ['source_type', 'source_id', 'source_line_id']);
    await index(db, 'purchase_request_need', ['warehouse_id']);

    // An installation set up before this issue: its purchase requests get their default series as setup makes it.
    await addDefaultSeries(db, dialect, 'purchase_request');
  },
};
