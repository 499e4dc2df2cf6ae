/**
 * Parts arrived (issue 12, item 5; ADR 0014). Every posted stock receipt or transfer (stock.hooks.ts, registered in
 * orders.links.ts) serves the part lines that wait for its parts in its warehouse, the oldest order first, through
 * the stock module's reservations, in the posting transaction. An order whose part lines then all hold their
 * quantity is flagged "parts arrived — ready to continue" (cleared when it moves on). A receipt an order makes for
 * its own removed parts serves nobody.
 */
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { recordAudit } from '../audit';
import type { StockDocument } from '../stock';
import { ORDER_LIFECYCLE } from './orders.lifecycle';
import {
  lockedOrder,
  ORDER_SOURCE,
  reservedOfLine,
  reserveLine,
  syncWaiting,
  targetOf,
} from './orders.lines';
import * as repo from './orders.lines.repository';

/**
 * Before a receipt or transfer is posted: locks, in id order, every open order with a part line for its parts in its
 * receiving warehouse — the orders serveWaitingLines may serve — before stock locks the levels. An order's own
 * operations lock the order and then the level; locking in the same order here means a posting and a desk adding
 * the part to a waiting order queue on each other instead of deadlocking (PostgreSQL; SQLite has one writer).
 */
export async function lockOrdersWaitingFor(trx: Executor, draft: StockDocument): Promise<void> {
  if (draft.sourceType === ORDER_SOURCE) return;
  const warehouseId = draft.type === 'transfer' ? draft.toWarehouseId : draft.warehouseId;
  if (!warehouseId) return;
  const partIds = [...new Set(draft.lines.map((l) => l.partId))];
  const lines = await repo.partLinesOfOpenOrders(trx, partIds, warehouseId, ORDER_LIFECYCLE.editable);
  for (const id of [...new Set(lines.map((l) => l.order_id))].sort()) await lockedOrder(trx, id);
}

export async function serveWaitingLines(trx: Executor, actor: Actor, receipt: StockDocument): Promise<void> {
  if (receipt.sourceType === ORDER_SOURCE) return;
  // A transfer brings its parts into its receiving warehouse (a van), a receipt into its own.
  const warehouseId = receipt.type === 'transfer' ? receipt.toWarehouseId : receipt.warehouseId;
  if (!warehouseId) return;
  const partIds = [...new Set(receipt.lines.map((l) => l.partId))];
  const lines = await repo.partLinesOfOpenOrders(trx, partIds, warehouseId, ORDER_LIFECYCLE.editable);
  const served = new Map<string, repo.OrderRow>();
  for (const line of lines) {
    const held = await reservedOfLine(trx, line.order_id, line.id);
    if (held >= targetOf(line)) continue;
    const order = served.get(line.order_id) ?? (await lockedOrder(trx, line.order_id));
    const reserved = await reserveLine(trx, actor, order, line);
    // What still waits stays on (or goes back onto) a draft request; what came off the sent ones is received.
    await syncWaiting(trx, actor, order, line, reserved);
    if (reserved > held) served.set(order.id, order);
  }
  const now = nowIso();
  for (const order of served.values()) {
    const own = await repo.linesOfOrder(trx, order.id);
    let waiting = false;
    for (const l of own)
      if (l.kind === 'part' && (await reservedOfLine(trx, order.id, l.id)) < targetOf(l)) waiting = true;
    await repo.insertEvent(trx, {
      orderId: order.id,
      at: now,
      userId: actor.userId,
      kind: 'parts_arrived',
      details: { receiptId: receipt.id, receiptNumber: receipt.number, complete: !waiting },
    });
    if (waiting) continue;
    await repo.updateOrderRow(trx, order.id, { parts_arrived_at: now, updated_at: now });
    await recordAudit(trx, actor, {
      action: 'service_order.parts_arrived',
      entity: 'service_order',
      entityId: order.id,
      after: { number: order.number, receiptId: receipt.id, receiptNumber: receipt.number },
    });
  }
}
