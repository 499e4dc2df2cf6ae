import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

interface OldMovement {
  id: string;
  document_id: string;
  line_id: string;
  part_id: string;
  warehouse_id: string;
  quantity_milli: number | string;
  unit_cost_cents: number | string;
  value_cents: number | string;
  movement_date: string | Date;
  at: string | Date;
  seq: number;
  created_at: string | Date;
  updated_at: string | Date;
  doc_type: string;
  reversal_of_id: string | null;
  line_no: number;
  counted_milli: number | string | null;
}

const dateText = (d: string | Date) =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);
const instant = (d: string | Date) => (d instanceof Date ? d.toISOString() : d);
const int = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * Stock by document date (issue 10, ADR 0010): the ledger of each part and warehouse is ordered by document date and
 * then by posting order within the level (`ledger_order`), and every movement says how its value follows from that
 * order (`kind`, and the movement it follows, `source_movement_id`), so a back-dated posting can re-cost the later
 * ones. A count always leaves a row (its counted quantity), even when it found no difference, so the quantity
 * check on `quantity_milli <> 0` goes: SQLite cannot drop a CHECK, so the table is rebuilt on both databases and
 * its rows are carried over with their order and kinds derived from their documents (their values are kept).
 */
export const datedLedger: Migration = {
  name: '0012-dated-ledger',
  async up(db, dialect) {
    const c = columns(dialect);
    const old: OldMovement[] = (
      await sql<OldMovement>`
        select m.*, d.type as doc_type, d.reversal_of_id, l.line_no, l.counted_milli
        from stock_movement m
        join stock_document d on d.id = m.document_id
        join stock_document_line l on l.id = m.line_id
        order by m.part_id, m.warehouse_id, m.movement_date, m.at, m.seq, m.id`.execute(db)
    ).rows;

    await db.schema.dropTable('stock_movement').execute();
    let movement = db.schema.createTable('stock_movement');
    movement = c.id(movement);
    movement = c.ref(movement, 'document_id', 'stock_document', (x) => x.notNull());
    movement = c.ref(movement, 'line_id', 'stock_document_line', (x) => x.notNull());
    movement = c.ref(movement, 'part_id', 'catalog_part', (x) => x.notNull());
    movement = c.ref(movement, 'warehouse_id', 'stock_warehouse', (x) => x.notNull());
    movement = c.text(movement, 'kind', (x) =>
      x.notNull().check(sql`kind in ('fixed', 'average', 'follow', 'count', 'cancel', 'reverse')`),
    );
    movement = c.bigint(movement, 'ledger_order', (x) => x.notNull());
    movement = c.text(movement, 'source_movement_id');
    movement = c.bigint(movement, 'counted_milli');
    movement = c.bigint(movement, 'quantity_milli', (x) => x.notNull());
    movement = c.bigint(movement, 'unit_cost_cents', (x) => x.notNull().check(sql`unit_cost_cents >= 0`));
    movement = c.bigint(movement, 'value_cents', (x) => x.notNull());
    movement = c.date(movement, 'movement_date', (x) => x.notNull());
    movement = c.instant(movement, 'at', (x) => x.notNull());
    movement = c.int(movement, 'seq', (x) => x.notNull());
    movement = c.instant(movement, 'created_at', (x) => x.notNull());
    movement = c.instant(movement, 'updated_at', (x) => x.notNull());
    movement = movement.addCheckConstraint(
      'stock_movement_quantity_ck',
      sql`quantity_milli <> 0 or kind in ('count', 'cancel', 'reverse')`,
    );
    movement = movement.addCheckConstraint(
      'stock_movement_count_ck',
      sql`(kind = 'count') = (counted_milli is not null)`,
    );
    await movement.execute();
    const index = async (name: string, cols: string[], unique = false) => {
      let b = db.schema.createIndex(name).on('stock_movement').columns(cols);
      if (unique) b = b.unique();
      await b.execute();
    };
    await index(
      'stock_movement_level_order_uq',
      ['part_id', 'warehouse_id', 'movement_date', 'ledger_order'],
      true,
    );
    await index('stock_movement_warehouse_id_movement_date_idx', ['warehouse_id', 'movement_date']);
    await index('stock_movement_document_id_idx', ['document_id']);
    await index('stock_movement_line_id_idx', ['line_id']);
    await index('stock_movement_movement_date_idx', ['movement_date']);
    await index('stock_movement_source_movement_id_idx', ['source_movement_id']);

    if (dialect === 'postgres')
      // A back-dated posting rewrites the value of many later movements, lines and document totals: room left on
      // each page lets PostgreSQL update them in place (HOT) instead of adding to every index of the table.
      for (const table of ['stock_movement', 'stock_document_line', 'stock_document'])
        await sql`alter table ${sql.table(table)} set (fillfactor = 70)`.execute(db);

    await db.schema
      .alterTable('stock_level')
      .addColumn('last_order', dialect === 'postgres' ? 'bigint' : 'integer', (x) => x.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('stock_level')
      .addColumn('last_date', dialect === 'postgres' ? 'date' : 'text')
      .execute();

    // Carried over: per level, in the order they were read (date, then posting instant), every second number.
    const byDocLine = new Map<string, OldMovement[]>();
    for (const m of old) {
      const k = `${m.document_id}|${m.line_no}`;
      byDocLine.set(k, [...(byDocLine.get(k) ?? []), m]);
    }
    const rows: Record<string, unknown>[] = [];
    const levels = new Map<string, { order: number; date: string }>();
    for (const m of old) {
      const key = `${m.part_id}|${m.warehouse_id}`;
      const lv = levels.get(key) ?? { order: 0, date: '' };
      lv.order += 2;
      const date = dateText(m.movement_date);
      if (date > lv.date) lv.date = date;
      levels.set(key, lv);
      const q = Number(m.quantity_milli);
      const sameLine = byDocLine.get(`${m.document_id}|${m.line_no}`) ?? [];
      let kind = 'fixed';
      let source: string | null = null;
      if (m.reversal_of_id) {
        const original = byDocLine.get(`${m.reversal_of_id}|${m.line_no}`) ?? [];
        if (m.doc_type === 'transfer' && q > 0) {
          kind = 'follow';
          source = sameLine.find((x) => Number(x.quantity_milli) < 0)?.id ?? null;
        } else {
          kind = 'reverse';
          source =
            original.find(
              (x) =>
                x.warehouse_id === m.warehouse_id && Math.sign(Number(x.quantity_milli)) === -Math.sign(q),
            )?.id ?? null;
        }
        if (!source) kind = q > 0 ? 'fixed' : 'average';
      } else if (m.doc_type === 'count') kind = 'count';
      else if (m.doc_type === 'transfer' && q > 0) {
        kind = 'follow';
        source = sameLine.find((x) => Number(x.quantity_milli) < 0)?.id ?? null;
        if (!source) kind = 'fixed';
      } else if (q < 0) kind = 'average';
      rows.push({
        id: m.id,
        document_id: m.document_id,
        line_id: m.line_id,
        part_id: m.part_id,
        warehouse_id: m.warehouse_id,
        kind,
        ledger_order: lv.order,
        source_movement_id: source,
        // A count's row says what was counted: the book before it plus its difference.
        counted_milli: kind === 'count' ? int(m.counted_milli) : null,
        quantity_milli: q,
        unit_cost_cents: int(m.unit_cost_cents),
        value_cents: int(m.value_cents),
        movement_date: date,
        at: instant(m.at),
        seq: m.seq,
        created_at: instant(m.created_at),
        updated_at: instant(m.updated_at),
      });
    }
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('stock_movement')
        .values(rows.slice(i, i + 200))
        .execute();
    for (const [key, lv] of levels) {
      const [partId, warehouseId] = key.split('|');
      await db
        .updateTable('stock_level')
        .set({ last_order: lv.order, last_date: lv.date })
        .where('part_id', '=', partId)
        .where('warehouse_id', '=', warehouseId)
        .execute();
    }
  },
};
