/**
 * The copy of a finished order's labour shares that the earnings report sums (migration 0022,
 * `service_order_earning`): written when the order gets its finishing time, deleted when it loses it (reopening),
 * in the caller's transaction. The figures are those of orders.totals: the norm for the units worked rounded half
 * up, the line's net after its discount (lineNet); the SQL here and in the migration's backfill compute the same.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database';

/** The insert of the copy, for one order or for every finished order. */
function copyShares(orderId: string | null) {
  return sql`
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
    where ${orderId === null ? sql`o.status in ('ready', 'delivered')` : sql`o.id = ${orderId}`}
      and o.finished_at is not null and l.kind = 'labour' and l.service_type_id is not null`;
}

/** Copies the labour shares of an order whose finished_at is set (after the update that sets it). */
export async function recordEarnings(trx: Executor, orderId: string): Promise<void> {
  await forgetEarnings(trx, orderId);
  await copyShares(orderId).execute(trx);
}

/** Copies the shares of every finished order into an empty copy (a history written straight into the tables). */
export async function recordAllEarnings(db: Executor): Promise<void> {
  await copyShares(null).execute(db);
}

/** Removes an order's shares from the report (reopened: it is no longer finished). */
export async function forgetEarnings(trx: Executor, orderId: string): Promise<void> {
  await trx.deleteFrom('service_order_earning').where('order_id', '=', orderId).execute();
}
