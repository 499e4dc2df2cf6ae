/**
 * The rows of a service order's lines, their technicians, its timeline and its warranty records, as the lines and
 * the finishing read and write them (executor first, so every step runs in the caller's transaction).
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { lockForUpdate } from '../../db/sql';
import { newId } from '../../kernel/ids';
import type {
  ServiceOrderLineTable,
  ServiceOrderLineTechnicianTable,
  ServiceOrderTable,
  WarrantyRecordTable,
} from './orders.table';

export type OrderRow = Selectable<ServiceOrderTable>;
export type LineRow = Selectable<ServiceOrderLineTable>;
export type WarrantyRow = Selectable<WarrantyRecordTable>;

/** The order, locked (PostgreSQL) until the transaction ends: one writer of an order's lines at a time. */
export async function lockOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return lockForUpdate(
    db.selectFrom('service_order').selectAll().where('id', '=', id),
    db,
  ).executeTakeFirst();
}

export async function updateOrderRow(db: Executor, id: string, patch: Updateable<ServiceOrderTable>) {
  await db.updateTable('service_order').set(patch).where('id', '=', id).execute();
}

export async function linesOfOrder(db: Executor, orderId: string): Promise<LineRow[]> {
  return db
    .selectFrom('service_order_line')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findLine(db: Executor, orderId: string, lineId: string): Promise<LineRow | undefined> {
  return db
    .selectFrom('service_order_line')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('id', '=', lineId)
    .executeTakeFirst();
}

export async function nextPosition(db: Executor, orderId: string): Promise<number> {
  const row = await db
    .selectFrom('service_order_line')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertLine(db: Executor, row: Insertable<ServiceOrderLineTable>): Promise<void> {
  await db.insertInto('service_order_line').values(row).execute();
}

export async function updateLineRow(db: Executor, id: string, patch: Updateable<ServiceOrderLineTable>) {
  await db.updateTable('service_order_line').set(patch).where('id', '=', id).execute();
}

export async function deleteLineRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('service_order_line_technician').where('line_id', '=', id).execute();
  await db.deleteFrom('service_order_line').where('id', '=', id).execute();
}

export async function techniciansOfLines(
  db: Executor,
  lineIds: readonly string[],
): Promise<Selectable<ServiceOrderLineTechnicianTable>[]> {
  if (!lineIds.length) return [];
  return db
    .selectFrom('service_order_line_technician')
    .selectAll()
    .where('line_id', 'in', lineIds)
    .orderBy('line_id')
    .orderBy('share_bp', 'desc')
    .orderBy('technician_id')
    .execute();
}

export async function replaceLineTechnicians(
  db: Executor,
  lineId: string,
  rows: readonly { technicianId: string; shareBp: number }[],
): Promise<void> {
  await db.deleteFrom('service_order_line_technician').where('line_id', '=', lineId).execute();
  if (rows.length)
    await db
      .insertInto('service_order_line_technician')
      .values(rows.map((r) => ({ line_id: lineId, technician_id: r.technicianId, share_bp: r.shareBp })))
      .execute();
}

/** One entry of the order's timeline, in the transaction of the change it tells. */
export async function insertEvent(
  db: Executor,
  e: {
    orderId: string;
    at: string;
    userId: string | null;
    kind: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    details?: Record<string, unknown> | null;
  },
): Promise<void> {
  await db
    .insertInto('service_order_event')
    .values({
      id: newId(),
      order_id: e.orderId,
      at: e.at,
      user_id: e.userId,
      kind: e.kind,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      details: e.details ? JSON.stringify(e.details) : null,
    })
    .execute();
}

/** Active shop warranty records of an item (any order but `exceptOrderId`). */
export async function activeWarrantiesOfItem(
  db: Executor,
  itemId: string,
  exceptOrderId?: string,
): Promise<WarrantyRow[]> {
  let q = db
    .selectFrom('warranty_record')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('status', '=', 'active');
  if (exceptOrderId) q = q.where('order_id', '!=', exceptOrderId);
  return q.orderBy('valid_until', 'desc').orderBy('id').execute();
}

export async function insertWarranties(db: Executor, rows: Insertable<WarrantyRecordTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('warranty_record').values(rows).execute();
}

export async function activeWarrantiesOfOrder(db: Executor, orderId: string): Promise<WarrantyRow[]> {
  return db
    .selectFrom('warranty_record')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

export async function voidWarranties(db: Executor, ids: readonly string[], now: string): Promise<void> {
  if (ids.length)
    await db
      .updateTable('warranty_record')
      .set({ status: 'void', updated_at: now })
      .where('id', 'in', ids)
      .where('status', '=', 'active')
      .execute();
}

/** Warranty records with what the list shows: the order's number, the part or service name. */
export async function listWarranties(db: Executor, f: { itemId?: string; serial?: string }) {
  let q = db
    .selectFrom('warranty_record')
    .innerJoin('service_order', 'service_order.id', 'warranty_record.order_id')
    .leftJoin('service_order_line', 'service_order_line.id', 'warranty_record.line_id')
    .selectAll('warranty_record')
    .select(['service_order.number as order_number', 'service_order_line.description as description']);
  if (f.itemId) q = q.where('warranty_record.item_id', '=', f.itemId);
  if (f.serial) q = q.where('warranty_record.serial', '=', f.serial);
  return q
    .orderBy('warranty_record.fitted_on', 'desc')
    .orderBy('warranty_record.id', 'desc')
    .limit(500)
    .execute();
}
export type WarrantyListRow = Awaited<ReturnType<typeof listWarranties>>[number];

/**
 * The part lines of open orders (lines still editable) taking one of the parts from the warehouse: the lines a
 * posted receipt may serve, the oldest order first.
 */
export async function partLinesOfOpenOrders(
  db: Executor,
  partIds: readonly string[],
  warehouseId: string,
  statuses: readonly string[],
) {
  if (!partIds.length) return [];
  return db
    .selectFrom('service_order_line as l')
    .innerJoin('service_order as o', 'o.id', 'l.order_id')
    .selectAll('l')
    .where('l.kind', '=', 'part')
    .where('l.part_id', 'in', [...partIds])
    .where('l.warehouse_id', '=', warehouseId)
    .where('o.status', 'in', [...statuses] as ServiceOrderTable['status'][])
    .orderBy('o.received_at')
    .orderBy('o.number')
    .orderBy('l.position')
    .execute();
}
