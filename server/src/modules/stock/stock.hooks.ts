/**
 * "After a receipt is posted" (ADR 0014): modules above stock (orders, purchasing) register a listener at import
 * time, from their <m>.links.ts, and every posting of a receipt (the API, createAndPost, another module's function)
 * calls them in the posting transaction, in the order they registered, once the stock has moved. Stock never
 * imports them. A listener that throws rolls the posting back.
 */
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import type { StockDocument } from './stock.schema';

export type ReceiptPostedListener = (trx: Executor, actor: Actor, receipt: StockDocument) => Promise<void>;

const listeners: { name: string; listener: ReceiptPostedListener }[] = [];

/** Registers a listener once by name (a module re-evaluated in tests does not register twice). */
export function registerReceiptPostedListener(name: string, listener: ReceiptPostedListener): void {
  const at = listeners.findIndex((l) => l.name === name);
  if (at >= 0) listeners[at] = { name, listener };
  else listeners.push({ name, listener });
}

/**
 * Calls every listener with a posted document that brought stock into a warehouse: a receipt, or a transfer (into
 * its toWarehouseId: parts taken into a technician's van serve the van's waiting lines); not a reversal. In the
 * posting transaction.
 */
export async function receiptPosted(trx: Executor, actor: Actor, doc: StockDocument): Promise<void> {
  if (doc.type !== 'receipt' && doc.type !== 'transfer') return;
  if (doc.status !== 'posted' || doc.reversalOfId) return;
  for (const { listener } of listeners) await listener(trx, actor, doc);
}
