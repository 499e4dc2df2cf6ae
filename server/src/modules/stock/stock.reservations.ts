import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import { LevelBook } from './stock.ledger';
import * as repo from './stock.repository';
import type { Reservation } from './stock.schema';
import { assertWarehouseUsable } from './stock.warehouses';

export function toReservation(r: repo.ReservationRow): Reservation {
  return {
    id: r.id,
    partId: r.part_id,
    partCode: r.part_code,
    partName: r.part_name,
    warehouseId: r.warehouse_id,
    warehouseCode: r.warehouse_code,
    warehouseName: r.warehouse_name,
    quantityMilli: r.quantity_milli,
    sourceType: r.source_type,
    sourceId: r.source_id,
    sourceLineId: r.source_line_id,
    status: r.status,
    consumedByDocumentId: r.consumed_by_document_id,
    releasedAt: r.released_at,
    consumedAt: r.consumed_at,
    createdAt: r.created_at,
  };
}

export interface ReservationListQuery extends repo.ReservationFilter {
  page: number;
  pageSize: number;
}

export async function listReservations(db: Executor, q: ReservationListQuery) {
  const { rows, total } = await repo.listReservations(db, q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toReservation), total, page: q.page, pageSize: q.pageSize };
}

export async function getReservation(db: Executor, id: string): Promise<Reservation> {
  const row = await repo.findReservation(db, id);
  if (!row) throw notFound('stock_reservation');
  return toReservation(row);
}

export interface ReservePartsInput {
  warehouseId: string;
  /** e.g. 'service_order' */
  sourceType: string;
  sourceId: string;
  lines: { partId: string; quantityMilli: number; sourceLineId?: string | null }[];
}

/**
 * Holds parts in a warehouse for another module's record (a service order's lines), in the caller's transaction:
 * only what is available (on hand − reserved), else 409 insufficient_stock naming the part and the shortfall.
 */
export async function reserveParts(
  trx: Executor,
  actor: Actor,
  input: ReservePartsInput,
): Promise<Reservation[]> {
  if (!input.sourceType || !input.sourceId)
    throw new DomainError('invalid', 'required', { field: 'sourceId', params: { field: 'sourceId' } });
  const warehouse = await assertWarehouseUsable(trx, input.warehouseId, 'warehouseId');
  const codes = new Map<string, string>();
  const names = new Map<string, string>();
  // The parts' codes and names in one read (a reservation shows them; nothing else of the part is needed).
  const labels = await repo.partLabels(
    trx,
    input.lines.map((l) => l.partId),
  );
  for (const [i, l] of input.lines.entries()) {
    const field = `lines.${i}.quantityMilli`;
    if (!Number.isSafeInteger(l.quantityMilli) || l.quantityMilli <= 0)
      throw new DomainError('invalid', 'too_small', { field, params: { field } });
    if (codes.has(l.partId)) continue;
    const part = labels.get(l.partId);
    if (!part)
      throw new DomainError('invalid', 'unknown_part', {
        field: `lines.${i}.partId`,
        params: { field: `lines.${i}.partId` },
      });
    codes.set(l.partId, part.code);
    names.set(l.partId, part.name_bg);
  }
  const keys = input.lines.map((l) => ({ partId: l.partId, warehouseId: input.warehouseId }));
  const book = await LevelBook.open(trx, keys, {
    parts: codes,
    warehouses: new Map([[warehouse.id, warehouse.code]]),
  });
  const rows = [];
  for (const l of input.lines) {
    await book.reserve({ partId: l.partId, warehouseId: input.warehouseId }, l.quantityMilli);
    rows.push({
      id: newId(),
      part_id: l.partId,
      warehouse_id: input.warehouseId,
      quantity_milli: l.quantityMilli,
      source_type: input.sourceType,
      source_id: input.sourceId,
      source_line_id: l.sourceLineId ?? null,
      status: 'active' as const,
      consumed_by_document_id: null,
      released_at: null,
      consumed_at: null,
      created_by: actor.userId,
      created_at: book.now,
      updated_at: book.now,
    });
  }
  await repo.insertReservations(trx, rows);
  await recordAudit(
    trx,
    actor,
    rows.map((r) => ({
      action: 'stock_reservation.create',
      entity: 'stock_reservation',
      entityId: r.id,
      after: r,
    })),
  );
  // The rows as written, with the names already read (not read back one by one).
  return rows.map((r) =>
    toReservation({
      ...r,
      part_code: codes.get(r.part_id) ?? '',
      part_name: names.get(r.part_id) ?? '',
      warehouse_code: warehouse.code,
      warehouse_name: warehouse.name,
    }),
  );
}

export interface ReserveAvailableInput {
  warehouseId: string;
  /** e.g. 'service_order' */
  sourceType: string;
  sourceId: string;
  sourceLineId?: string | null;
  partId: string;
  /** What the record needs; only what is available of it is held. */
  quantityMilli: number;
}

/**
 * Holds as much of the quantity as is available now (on hand − reserved) for a record's line, in the caller's
 * transaction: the level is locked first, so two orders never hold the same unit. Returns the quantity held (0:
 * nothing was available, no reservation written) and its reservation. The rest waits for a receipt.
 */
export async function reserveAvailable(
  trx: Executor,
  actor: Actor,
  input: ReserveAvailableInput,
): Promise<{ reservedMilli: number; reservation: Reservation | null }> {
  const field = 'quantityMilli';
  if (!Number.isSafeInteger(input.quantityMilli) || input.quantityMilli <= 0)
    throw new DomainError('invalid', 'too_small', { field, params: { field } });
  const available = await availableToReserve(trx, { partId: input.partId, warehouseId: input.warehouseId });
  const quantityMilli = Math.min(available, input.quantityMilli);
  if (quantityMilli <= 0) return { reservedMilli: 0, reservation: null };
  const [reservation] = await reserveParts(trx, actor, {
    warehouseId: input.warehouseId,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    lines: [{ partId: input.partId, quantityMilli, sourceLineId: input.sourceLineId ?? null }],
  });
  return { reservedMilli: quantityMilli, reservation: reservation ?? null };
}

/**
 * What may still be reserved of a part in a warehouse now (on hand − reserved, at least 0). The level is locked
 * (PostgreSQL) until the caller's transaction ends, so a reservation made after this read in the same transaction
 * cannot be overtaken; a missing level counts 0.
 */
export async function availableToReserve(
  trx: Executor,
  key: { partId: string; warehouseId: string },
): Promise<number> {
  const [level] = await repo.lockLevels(trx, [key]);
  return level ? Math.max(0, level.on_hand_milli - level.reserved_milli) : 0;
}

/** The active reservations of a record (or of one of its lines), oldest first: what it holds now. */
export async function activeReservationsOf(
  db: Executor,
  source: { sourceType: string; sourceId: string; sourceLineId?: string },
): Promise<Reservation[]> {
  // One read with the names joined (not the rows, then each reservation again).
  const rows = await repo.activeReservationViewsOfSource(
    db,
    source.sourceType,
    source.sourceId,
    source.sourceLineId,
  );
  return rows.map(toReservation);
}

/**
 * Releases a reservation (the order line was removed): its quantity is available again. Releasing a released one
 * changes nothing; a consumed one (issued) is 409 reservation_not_active.
 */
export async function releaseReservation(
  trx: Executor,
  actor: Actor,
  reservationId: string,
): Promise<Reservation> {
  const r = await repo.findReservation(trx, reservationId);
  if (!r) throw notFound('stock_reservation');
  if (r.status === 'released') return toReservation(r);
  if (r.status !== 'active') throw new DomainError('conflict', 'reservation_not_active');
  const k = { partId: r.part_id, warehouseId: r.warehouse_id };
  // The level first, then the reservation: the order every posting locks them in.
  const book = await LevelBook.open(trx, [k], {
    parts: new Map([[r.part_id, r.part_code]]),
    warehouses: new Map([[r.warehouse_id, r.warehouse_code]]),
  });
  const [locked] = await repo.lockReservations(trx, [reservationId]);
  if (locked?.status === 'released') return getReservation(trx, reservationId);
  if (locked?.status !== 'active') throw new DomainError('conflict', 'reservation_not_active');
  await book.unreserve(k, locked.quantity_milli);
  await repo.closeReservation(trx, reservationId, {
    status: 'released',
    released_at: book.now,
    updated_at: book.now,
  });
  await recordAudit(trx, actor, {
    action: 'stock_reservation.release',
    entity: 'stock_reservation',
    entityId: reservationId,
    before: { status: 'active' },
    after: { status: 'released' },
  });
  return getReservation(trx, reservationId);
}

/** Releases every active reservation of a record (or of one of its lines); returns how many were released. */
export async function releaseReservationsOf(
  trx: Executor,
  actor: Actor,
  source: { sourceType: string; sourceId: string; sourceLineId?: string },
): Promise<number> {
  const active = await repo.activeReservationsOfSource(
    trx,
    source.sourceType,
    source.sourceId,
    source.sourceLineId,
  );
  for (const r of active) await releaseReservation(trx, actor, r.id);
  return active.length;
}

/** Quantity held now by the active reservations of a record, per source line id (lines without one: key ''). */
export async function reservedOfSource(
  db: Executor,
  source: { sourceType: string; sourceId: string },
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of await repo.activeReservationsOfSource(db, source.sourceType, source.sourceId)) {
    const key = r.source_line_id ?? '';
    out.set(key, (out.get(key) ?? 0) + Number(r.quantity_milli));
  }
  return out;
}
