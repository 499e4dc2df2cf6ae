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

export type BeforeReceiptPostListener = (trx: Executor, draft: StockDocument) => Promise<void>;

const before: { name: string; listener: BeforeReceiptPostListener }[] = [];

/**
 * Registers a listener called before a receipt or transfer is posted, before the stock levels are locked: where a
 * module's "after" listener will lock rows of its own (orders waiting for the parts), it locks them here first, so
 * that every transaction takes those rows before the levels — as the module's own operations do (an order, then
 * the level it reserves from) — and PostgreSQL never finds the two waiting for each other.
 */
export function registerBeforeReceiptPostListener(name: string, listener: BeforeReceiptPostListener): void {
  const at = before.findIndex((l) => l.name === name);
  if (at >= 0) before[at] = { name, listener };
  else before.push({ name, listener });
}

/** Calls the "before" listeners with a draft receipt or transfer about to be posted, in its transaction. */
export async function receiptPosting(trx: Executor, draft: StockDocument): Promise<void> {
  if (draft.type !== 'receipt' && draft.type !== 'transfer') return;
  if (draft.status !== 'draft' || draft.reversalOfId) return;
  for (const { listener } of before) await listener(trx, draft);
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
