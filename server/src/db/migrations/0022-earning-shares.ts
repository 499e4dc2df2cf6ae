import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Technician earnings at 100,000 orders (issue 12, speed): each technician's share of each labour line of a finished
 * order, with the line's figures as they were when the order was finished, in a table of its own
 * (`service_order_earning`). The report sums this one table by its finishing-time index instead of joining orders,
 * lines and shares. Written when an order is finished (or refused with a diagnostic fee) and deleted when it is
 * reopened, in the same transaction; a finished order's lines do not change, so the copy cannot go stale. Filled
 * once here from the orders already finished.
 *
 * - `norm_minutes`: the line's norm for the units worked, round(norm of one unit × quantity / 1000);
 * - `labour_cents`: the line's net after its discount, whoever pays it (orders.totals lineNet);
 * - `lead`: 1 on exactly one share of each line, so that the report counts lines in the same pass.
 */
export const earningShares: Migration = {
  name: '0022-earning-shares',
  async up(db, dialect) {
    const c = columns(dialect);
    let t = db.schema.createTable('service_order_earning');
    t = c.ref(t, 'line_id', 'service_order_line', (x) => x.notNull().onDelete('cascade'));
    t = c.ref(t, 'technician_id', 'technician', (x) => x.notNull());
    t = c.ref(t, 'order_id', 'service_order', (x) => x.notNull());
    t = c.instant(t, 'finished_at', (x) => x.notNull());
    t = c.ref(t, 'service_type_id', 'catalog_service_type', (x) => x.notNull());
    t = c.text(t, 'payer', (x) => x.notNull());
    t = c.int(t, 'share_bp', (x) => x.notNull());
    t = c.bigint(t, 'norm_minutes', (x) => x.notNull());
    t = c.bigint(t, 'actual_minutes', (x) => x.notNull());
    t = c.bigint(t, 'labour_cents', (x) => x.notNull());
    t = c.int(t, 'lead', (x) => x.notNull());
    t = t.addPrimaryKeyConstraint('service_order_earning_pk', ['line_id', 'technician_id'] as never[]);
    await t.execute();
    // The report's index, covering every column it reads, in the order it groups by: SQLite sums it in one pass
    // without sorting (a finishing-time index made it sort 160,000 shares a year: 400 ms against 40).
    await db.schema
      .createIndex('service_order_earning_report_idx')
      .on('service_order_earning')
      .columns([
        'technician_id',
        'service_type_id',
        'finished_at',
        'payer',
        'share_bp',
        'norm_minutes',
        'actual_minutes',
        'labour_cents',
        'lead',
      ])
      .execute();
    for (const col of ['order_id', 'service_type_id'])
      await db.schema
        .createIndex(`service_order_earning_${col}_idx`)
        .on('service_order_earning')
        .column(col)
        .execute();
    await sql`
      insert into service_order_earning (line_id, technician_id, order_id, finished_at, service_type_id, payer,
        share_bp, norm_minutes, actual_minutes, labour_cents, lead)
      select l.id, lt.technician_id, o.id, o.finished_at, l.service_type_id, l.payer, lt.share_bp,
        (coalesce(l.norm_minutes, 0) * coalesce(l.used_quantity_milli, l.quantity_milli) + 500) / 1000,
        coalesce(l.actual_minutes, 0),
        (coalesce(l.used_quantity_milli, l.quantity_milli) * l.unit_price_cents * (10000 - l.discount_bp) + 5000000)
          / 10000000,
        case when lt.technician_id = (select min(x.technician_id) from service_order_line_technician x
          where x.line_id = l.id) then 1 else 0 end
      from service_order_line l
      join service_order o on o.id = l.order_id
      join service_order_line_technician lt on lt.line_id = l.id
      where l.kind = 'labour' and l.service_type_id is not null and o.status in ('ready', 'delivered')
        and o.finished_at is not null`.execute(db);
  },
};
