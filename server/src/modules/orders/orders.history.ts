import type { Executor } from '../../db/database';
import type { ItemEvent } from '../items';
import * as repo from './orders.repository';

/**
 * The item's repairs for its history page: one event per order (number, date taken in, status, complaint).
 * orders-lines adds the fitted parts as a source of its own.
 */
export async function orderHistoryOfItem(db: Executor, itemId: string): Promise<ItemEvent[]> {
  const rows = await repo.ordersOfItem(db, itemId);
  return rows.map((o) => ({
    source: 'service_order',
    id: o.id,
    date: o.received_at.slice(0, 10),
    title: o.number,
    detail: o.complaint,
    status: o.status,
    partyId: o.party_id,
  }));
}
