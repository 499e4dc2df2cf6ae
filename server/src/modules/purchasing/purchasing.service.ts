/**
 * Purchase requests for missing parts (issue 12, item 5; ADR 0014). A waiting line of another module (a service
 * order's part line) tells this module how much it still waits for (`syncNeed`); the missing quantity goes onto the
 * open draft of the part's supplier (one draft per supplier, one line per part, one need per waiting line). Sending
 * fixes what was ordered; "receive" drafts the stock receipt; posting it marks the request received
 * (purchasing.links.ts). This module never imports the modules it serves: they name their lines by source.
 */
import type { Db, Executor } from '../../db/database';
import { listOrder } from '../../db/list';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { assertEditable, assertTransition, nextStatuses } from '../../kernel/lifecycle';
import type { PageOf } from '../../kernel/list-query';
import { recordAudit } from '../audit';
import { getPart } from '../catalog';
import { takeNumber } from '../numbering';
import { assertSupplierExists } from '../parties';
import { draftSupplierReceipt, getWarehouse, lastSupplierOfPart } from '../stock';
import { PURCHASE_REQUEST_LIFECYCLE } from './purchasing.lifecycle';
import * as repo from './purchasing.repository';
import type {
  PatchPurchaseRequestBody,
  PurchaseRequest,
  PurchaseRequestListItem,
  PurchaseRequestListQuery,
  PurchaseRequestStatus,
  ReceivePurchaseRequestBody,
} from './purchasing.schema';

/** The source type of the stock receipts made from a purchase request. */
export const PURCHASE_REQUEST_SOURCE = 'purchase_request';

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

// ---------------------------------------------------------------- reading

function toListItem(r: repo.ListedRow): PurchaseRequestListItem {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name ?? null,
    lineCount: Number(r.line_count ?? 0),
    orderCount: Number(r.order_count ?? 0),
    receiptId: r.receipt_id,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    receivedAt: r.received_at,
    cancelledAt: r.cancelled_at,
    updatedAt: r.updated_at,
  };
}

export async function listPurchaseRequests(
  db: Executor,
  q: PurchaseRequestListQuery,
): Promise<PageOf<PurchaseRequestListItem>> {
  const page = await repo.listRequests(
    db,
    {
      status: q.status,
      supplierId: q.supplierId,
      sourceId: q.sourceId,
      noSupplier: q.noSupplier === 'true',
      q: q.q,
    },
    listOrder(q.sort ?? '-createdAt', repo.REQUEST_SORT_KEYS, 'createdAt'),
    q,
  );
  return { ...page, items: page.items.map(toListItem) };
}

/** A request with its lines and the waiting lines each serves; 404 when there is none. */
export async function getPurchaseRequest(db: Executor, id: string): Promise<PurchaseRequest> {
  const row = await repo.findRequest(db, id);
  if (!row) throw notFound('purchase_request');
  const lines = await repo.linesOf(db, id);
  const needs = await repo.needsOfRequest(db, id);
  const receipt = row.receipt_id ? await repo.receiptSummary(db, row.receipt_id) : undefined;
  return {
    ...toListItem(row),
    notes: row.notes,
    receiptNumber: receipt?.number ?? null,
    receiptStatus: receipt?.status ?? null,
    nextStatuses: nextStatuses(PURCHASE_REQUEST_LIFECYCLE, row.status).filter((s) => s !== 'received'),
    lines: lines.map((l) => {
      const own = needs.filter((n) => n.request_line_id === l.id);
      return {
        id: l.id,
        partId: l.part_id,
        partCode: l.part_code,
        partName: l.part_name,
        unit: l.part_unit,
        quantityMilli: l.quantity_milli,
        neededMilli: own.reduce((s, n) => s + n.quantity_milli, 0),
        needs: own.map((n) => ({
          sourceType: n.source_type,
          sourceId: n.source_id,
          sourceLineId: n.source_line_id,
          sourceLabel: n.source_label,
          warehouseId: n.warehouse_id,
          warehouseCode: n.warehouse_code,
          quantityMilli: n.quantity_milli,
        })),
      };
    }),
  };
}

// ---------------------------------------------------------------- the needs of waiting lines

/** A waiting line of another module, as it names itself. */
export interface NeedSource {
  sourceType: string;
  sourceId: string;
  sourceLineId: string;
  /** Its record's number, shown on the request (a service order's number). */
  sourceLabel: string;
  /** When its record was taken in (oldest first). */
  sourceDate: string;
  partId: string;
  warehouseId: string;
}

/** The supplier a missing part is ordered from: its preferred supplier, else its last receipt's, else none yet. */
export async function supplierForPart(trx: Executor, partId: string): Promise<string | null> {
  const part = await getPart(trx, partId);
  return part?.preferredSupplierId ?? (await lastSupplierOfPart(trx, partId));
}

async function audit(
  trx: Executor,
  actor: Actor,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(trx, actor, {
    action: action as 'purchase_request.need',
    entity: 'purchase_request',
    entityId: id,
    before,
    after,
  });
}

/** The open draft of a supplier (or of "no supplier yet"), made with its number when there is none. */
async function draftFor(trx: Executor, actor: Actor, supplierId: string | null): Promise<repo.RequestRow> {
  const found = await repo.findDraftOf(trx, supplierId);
  if (found) return found;
  const number = await takeNumber(trx, 'purchase_request');
  const now = nowIso();
  const row: repo.RequestRow = {
    id: newId(),
    series_id: number.seriesId,
    number: number.formatted,
    status: 'draft',
    supplier_id: supplierId,
    notes: null,
    receipt_id: null,
    sent_at: null,
    sent_by: null,
    received_at: null,
    cancelled_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertRequest(trx, row);
  await audit(trx, actor, 'purchase_request.create', row.id, undefined, row);
  return row;
}

/**
 * A draft line's quantity follows its needs by their change (what the buyer added over the needs stays); a line
 * with no need and nothing to order goes, and a draft with no line left is cancelled (its number stays used).
 */
async function shiftDraftLine(trx: Executor, actor: Actor, lineId: string, delta: number, now: string) {
  const line = await repo.findLine(trx, lineId);
  if (!line) return;
  const quantity = Math.max(0, line.quantity_milli + delta);
  const needs = await repo.needsOfLine(trx, lineId);
  if (quantity === 0 && needs.length === 0) {
    await repo.deleteLine(trx, lineId);
    if ((await repo.countLines(trx, line.request_id)) === 0) {
      await repo.updateRequest(trx, line.request_id, {
        status: 'cancelled',
        cancelled_at: now,
        updated_at: now,
      });
      await audit(
        trx,
        actor,
        'purchase_request.cancel',
        line.request_id,
        { status: 'draft' },
        {
          status: 'cancelled',
          reason: 'nothing_to_order',
        },
      );
    }
  } else await repo.updateLine(trx, lineId, { quantity_milli: quantity, updated_at: now });
  await repo.updateRequest(trx, line.request_id, { updated_at: now });
}

/** Adds a quantity a waiting line needs to the draft of the part's supplier (its line and its need). */
async function addToDraft(
  trx: Executor,
  actor: Actor,
  source: NeedSource,
  quantityMilli: number,
  now: string,
) {
  if (quantityMilli <= 0) return;
  const request = await draftFor(trx, actor, await supplierForPart(trx, source.partId));
  let line = await repo.findLineOfPart(trx, request.id, source.partId);
  if (!line) {
    line = {
      id: newId(),
      request_id: request.id,
      part_id: source.partId,
      position: await repo.nextLinePosition(trx, request.id),
      quantity_milli: 0,
      created_at: now,
      updated_at: now,
    };
    await repo.insertLine(trx, line);
  }
  const existing = (await repo.needsOfLine(trx, line.id)).find(
    (n) => n.source_line_id === source.sourceLineId,
  );
  if (existing)
    await repo.updateNeed(trx, existing.id, {
      quantity_milli: existing.quantity_milli + quantityMilli,
      updated_at: now,
    });
  else
    await repo.insertNeed(trx, {
      id: newId(),
      request_line_id: line.id,
      source_type: source.sourceType,
      source_id: source.sourceId,
      source_line_id: source.sourceLineId,
      source_label: source.sourceLabel,
      source_date: source.sourceDate,
      warehouse_id: source.warehouseId,
      quantity_milli: quantityMilli,
      created_at: now,
      updated_at: now,
    });
  await shiftDraftLine(trx, actor, line.id, quantityMilli, now);
  await audit(trx, actor, 'purchase_request.need', request.id, undefined, {
    partId: source.partId,
    sourceType: source.sourceType,
    sourceId: source.sourceId,
    sourceLineId: source.sourceLineId,
    addedMilli: quantityMilli,
  });
}

/**
 * Tells the requests how much a waiting line still waits for, in the caller's transaction. What sent requests
 * already order for it stays ordered (their quantities never go down; their needs shrink to what still waits); the
 * rest is on the draft of the part's supplier, made or grown or shrunk to fit. 0 (the line got its parts, changed
 * to another part, or went): its draft needs go, and a draft line left without needs and quantity goes with them.
 * A source without partId/warehouseId may only say 0.
 */
export async function syncNeed(
  trx: Executor,
  actor: Actor,
  source: Omit<NeedSource, 'partId' | 'warehouseId' | 'sourceLabel' | 'sourceDate'> &
    Partial<Pick<NeedSource, 'partId' | 'warehouseId' | 'sourceLabel' | 'sourceDate'>>,
  waitingMilli: number,
): Promise<void> {
  await repo.lockRequests(trx);
  const now = nowIso();
  const waiting = source.partId && source.warehouseId ? Math.max(0, waitingMilli) : 0;
  const needs = await repo.openNeedsOfSourceLine(trx, source);
  // Needs for another part or warehouse (the line changed): dropped.
  const stale = needs.filter((n) => n.part_id !== source.partId || n.warehouse_id !== source.warehouseId);
  const current = needs.filter((n) => !stale.includes(n));
  // What sent requests order for the line: its needs there follow what it waits for, up to what each sent line
  // orders beyond its other needs (the oldest sent first); the ordered quantities themselves never change.
  const sent = current
    .filter((n) => n.status === 'sent')
    .sort((a, b) => (a.sent_at ?? '').localeCompare(b.sent_at ?? ''));
  let left = waiting;
  const trimmed: { need: (typeof needs)[number]; to: number }[] = [];
  for (const n of sent) {
    const others = (await repo.needsOfLine(trx, n.request_line_id))
      .filter((x) => x.id !== n.id)
      .reduce((sum, x) => sum + x.quantity_milli, 0);
    const keep = Math.min(Math.max(n.line_quantity_milli - others, n.quantity_milli), left);
    left -= keep;
    if (keep !== n.quantity_milli) trimmed.push({ need: n, to: keep });
  }
  for (const n of stale.filter((x) => x.status === 'sent')) trimmed.push({ need: n, to: 0 });
  for (const { need, to } of trimmed) {
    if (to === 0) await repo.deleteNeed(trx, need.id);
    else await repo.updateNeed(trx, need.id, { quantity_milli: to, updated_at: now });
    await audit(
      trx,
      actor,
      'purchase_request.need',
      need.request_id,
      { sourceLineId: need.source_line_id, quantityMilli: need.quantity_milli },
      { sourceLineId: need.source_line_id, quantityMilli: to },
    );
  }
  // The draft part: the one draft need there is grows or shrinks to what is left; a stale one goes.
  const drafts = [...stale, ...current].filter((n) => n.status === 'draft');
  const keepDraft = current.find((n) => n.status === 'draft');
  for (const n of drafts) {
    const to = n === keepDraft ? left : 0;
    if (to === n.quantity_milli) continue;
    if (to === 0) await repo.deleteNeed(trx, n.id);
    else await repo.updateNeed(trx, n.id, { quantity_milli: to, updated_at: now });
    await shiftDraftLine(trx, actor, n.request_line_id, to - n.quantity_milli, now);
    await audit(
      trx,
      actor,
      'purchase_request.need',
      n.request_id,
      { sourceLineId: n.source_line_id, quantityMilli: n.quantity_milli },
      { sourceLineId: n.source_line_id, quantityMilli: to },
    );
  }
  if (!keepDraft && left > 0) await addToDraft(trx, actor, source as NeedSource, left, now);
}

/** Every waiting line of a source (a cancelled or finished service order) needs nothing any more. */
export async function dropNeedsOfSource(trx: Executor, actor: Actor, sourceType: string, sourceId: string) {
  for (const sourceLineId of await repo.openNeedLinesOfSource(trx, sourceType, sourceId))
    await syncNeed(trx, actor, { sourceType, sourceId, sourceLineId }, 0);
}

// ---------------------------------------------------------------- the buyer's changes

async function lockedRequest(trx: Executor, id: string): Promise<repo.RequestRow> {
  await repo.lockRequests(trx);
  const row = await repo.lockRequest(trx, id);
  if (!row) throw notFound('purchase_request');
  return row;
}

/** Changes a draft: its supplier (another supplier's open draft is refused), notes, line quantities. */
export async function patchPurchaseRequest(
  db: Db,
  actor: Actor,
  id: string,
  body: PatchPurchaseRequestBody,
): Promise<PurchaseRequest> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedRequest(trx, id);
    assertEditable(PURCHASE_REQUEST_LIFECYCLE, row.status, {
      params: { number: row.number, status: row.status },
    });
    const now = nowIso();
    const patch: Partial<repo.RequestRow> = {};
    if (body.supplierId !== undefined && body.supplierId !== row.supplier_id) {
      if (body.supplierId) {
        await assertSupplierExists(trx, body.supplierId, 'supplierId');
        const other = await repo.findDraftOf(trx, body.supplierId);
        if (other)
          throw new DomainError('conflict', 'purchase_request_draft_exists', {
            field: 'supplierId',
            params: { field: 'supplierId', number: other.number },
            extra: { existingId: other.id },
          });
      }
      patch.supplier_id = body.supplierId;
    }
    if (body.notes !== undefined) patch.notes = body.notes || null;
    const lines = await repo.linesOf(trx, id);
    const changes: { id: string; from: number; to: number }[] = [];
    for (const [i, l] of (body.lines ?? []).entries()) {
      const line = lines.find((x) => x.id === l.id);
      if (!line) throw bad('unknown_request_line', `lines.${i}.id`);
      if (line.quantity_milli !== l.quantityMilli)
        changes.push({ id: l.id, from: line.quantity_milli, to: l.quantityMilli });
    }
    if (Object.keys(patch).length) await repo.updateRequest(trx, id, { ...patch, updated_at: now });
    for (const c of changes) await repo.updateLine(trx, c.id, { quantity_milli: c.to, updated_at: now });
    if (changes.length) await repo.updateRequest(trx, id, { updated_at: now });
    await audit(
      trx,
      actor,
      'purchase_request.update',
      id,
      {
        supplierId: row.supplier_id,
        notes: row.notes,
        lines: changes.map((c) => ({ id: c.id, quantityMilli: c.from })),
      },
      { ...patch, lines: changes.map((c) => ({ id: c.id, quantityMilli: c.to })) },
    );
    return getPurchaseRequest(trx, id);
  });
}

/**
 * Moves a request: draft → sent (a supplier and something to order are needed; the quantities are then what was
 * ordered), draft or sent → cancelled (a sent request's needs go back onto a draft: the parts are still missing).
 * Received comes only from posting its receipt.
 */
export async function movePurchaseRequest(
  db: Db,
  actor: Actor,
  id: string,
  to: PurchaseRequestStatus,
): Promise<PurchaseRequest> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedRequest(trx, id);
    assertTransition(PURCHASE_REQUEST_LIFECYCLE, row.status, to, {
      params: { number: row.number, from: row.status, to },
    });
    if (to === 'received')
      throw new DomainError('conflict', 'purchase_request_received_by_receipt', {
        params: { number: row.number },
      });
    const now = nowIso();
    if (to === 'sent') {
      if (!row.supplier_id)
        throw new DomainError('invalid', 'purchase_request_no_supplier', {
          field: 'supplierId',
          params: { field: 'supplierId', number: row.number },
        });
      await assertSupplierExists(trx, row.supplier_id, 'supplierId');
      const lines = await repo.linesOf(trx, id);
      if (!lines.some((l) => l.quantity_milli > 0))
        throw new DomainError('invalid', 'purchase_request_empty', {
          field: 'lines',
          params: { field: 'lines', number: row.number },
        });
      // Lines with nothing to order and nothing waiting are not sent.
      for (const l of lines)
        if (l.quantity_milli === 0 && (await repo.needsOfLine(trx, l.id)).length === 0)
          await repo.deleteLine(trx, l.id);
      await repo.updateRequest(trx, id, {
        status: 'sent',
        sent_at: now,
        sent_by: actor.userId,
        updated_at: now,
      });
      await audit(trx, actor, 'purchase_request.send', id, { status: row.status }, { status: 'sent' });
    } else {
      await repo.updateRequest(trx, id, { status: 'cancelled', cancelled_at: now, updated_at: now });
      await audit(trx, actor, 'purchase_request.cancel', id, { status: row.status }, { status: 'cancelled' });
      if (row.status === 'sent') {
        const needs = await repo.needsOfRequest(trx, id);
        const lines = await repo.linesOf(trx, id);
        for (const n of needs) {
          const partId = lines.find((l) => l.id === n.request_line_id)?.part_id as string;
          await addToDraft(
            trx,
            actor,
            {
              sourceType: n.source_type,
              sourceId: n.source_id,
              sourceLineId: n.source_line_id,
              sourceLabel: n.source_label,
              sourceDate: n.source_date,
              partId,
              warehouseId: n.warehouse_id,
            },
            n.quantity_milli,
            now,
          );
        }
      }
    }
    return getPurchaseRequest(trx, id);
  });
}

/**
 * "Receive": drafts the stock receipt of a sent request from its supplier, with its lines (unit costs from the
 * part's typical cost, to be checked), into the waiting lines' warehouse unless another is given. The stock keeper
 * edits and posts it; posting marks the request received. One receipt draft at a time (409).
 */
export async function receivePurchaseRequest(
  db: Db,
  actor: Actor,
  id: string,
  body: ReceivePurchaseRequestBody,
): Promise<{ receiptId: string; request: PurchaseRequest }> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedRequest(trx, id);
    if (row.status !== 'sent')
      throw new DomainError('conflict', 'purchase_request_not_sent', {
        params: { number: row.number, status: row.status },
      });
    if (row.receipt_id) {
      const existing = await repo.receiptSummary(trx, row.receipt_id);
      if (existing)
        throw new DomainError('conflict', 'purchase_request_receipt_exists', {
          params: { number: row.number },
          extra: { receiptId: row.receipt_id },
        });
    }
    const lines = (await repo.linesOf(trx, id)).filter((l) => l.quantity_milli > 0);
    const needs = await repo.needsOfRequest(trx, id);
    const warehouseId = body.warehouseId ?? needs[0]?.warehouse_id;
    if (!warehouseId) throw bad('required', 'warehouseId');
    if (body.warehouseId) {
      try {
        await getWarehouse(trx, body.warehouseId);
      } catch (e) {
        if (e instanceof DomainError && e.kind === 'not_found') throw bad('unknown_warehouse', 'warehouseId');
        throw e;
      }
    }
    const receiptId = await draftSupplierReceipt(trx, actor, {
      warehouseId,
      supplierId: row.supplier_id as string,
      sourceType: PURCHASE_REQUEST_SOURCE,
      sourceId: row.id,
      notes: row.number,
      lines: lines.map((l) => ({
        partId: l.part_id,
        quantityMilli: l.quantity_milli,
        unitCostCents: l.typical_cost_cents ?? 0,
        sourceLineId: l.id,
      })),
    });
    const now = nowIso();
    await repo.updateRequest(trx, id, { receipt_id: receiptId, updated_at: now });
    await audit(trx, actor, 'purchase_request.receive', id, undefined, { receiptId, warehouseId });
    return { receiptId, request: await getPurchaseRequest(trx, id) };
  });
}

/** A posted receipt made from a sent request marks it received (purchasing.links.ts registers this with stock). */
export async function requestReceiptPosted(
  trx: Executor,
  actor: Actor,
  receipt: { id: string; sourceType: string | null; sourceId: string | null },
): Promise<void> {
  if (receipt.sourceType !== PURCHASE_REQUEST_SOURCE || !receipt.sourceId) return;
  await repo.lockRequests(trx);
  const row = await repo.lockRequest(trx, receipt.sourceId);
  if (row?.status !== 'sent') return;
  const now = nowIso();
  await repo.updateRequest(trx, row.id, {
    status: 'received',
    received_at: now,
    receipt_id: receipt.id,
    updated_at: now,
  });
  await audit(
    trx,
    actor,
    'purchase_request.received',
    row.id,
    { status: 'sent' },
    {
      status: 'received',
      receiptId: receipt.id,
    },
  );
}
