import type { Executor } from '../../db/database';
import type { ItemEvent } from './items.schema';

/**
 * Modules built on items (service orders, quotes, warranty protocols, contracts) register here, at import time,
 * so that items never imports them ("nothing imports up"): a history source adds the module's records to the
 * item's history. (A module that uses items refuses their deletion through db/usage.ts, entity 'item'.)
 */

/** The module's records about the item, for GET /items/:id/history. */
export type ItemHistorySource = (db: Executor, itemId: string) => Promise<ItemEvent[]>;

const historySources = new Map<string, ItemHistorySource>();

/** Registers a source of history events under a name (e.g. 'service_order'); again replaces it. */
export function registerItemHistorySource(name: string, source: ItemHistorySource): void {
  historySources.set(name, source);
}

export async function itemHistoryEvents(db: Executor, itemId: string): Promise<ItemEvent[]> {
  const events: ItemEvent[] = [];
  for (const source of historySources.values()) events.push(...(await source(db, itemId)));
  return events.sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
}

/** Told, inside the editing transaction, that an item's serial number or model changed (search columns copy them). */
export type ItemChangedHook = (db: Executor, itemId: string) => Promise<void>;
const changedHooks = new Set<ItemChangedHook>();

/** Calls `hook` whenever an item's serial number or model changes, in the same transaction. */
export function registerItemChangedHook(hook: ItemChangedHook): void {
  changedHooks.add(hook);
}

export async function itemChanged(db: Executor, itemId: string): Promise<void> {
  for (const hook of changedHooks) await hook(db, itemId);
}
