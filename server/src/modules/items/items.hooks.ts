import type { Executor } from '../../db/database';
import type { ItemEvent } from './items.schema';

/**
 * Modules built on items (service orders, quotes, warranty protocols, contracts) register here, at import time,
 * so that items never imports them ("nothing imports up"): a usage check refuses deleting a used item, and a
 * history source adds the module's records to the item's history.
 */

/** Why an item cannot be deleted: `count` records of `entity` use it; `code` is a message code that takes {count}. */
export interface ItemUsage {
  entity: string;
  code: string;
  count: number;
}

/** Answers whether records of a module (service orders…) use the item; runs inside the delete's transaction. */
export type ItemUsageCheck = (db: Executor, itemId: string) => Promise<ItemUsage | null>;

/** The module's records about the item, for GET /items/:id/history. */
export type ItemHistorySource = (db: Executor, itemId: string) => Promise<ItemEvent[]>;

const usageChecks = new Set<ItemUsageCheck>();
const historySources = new Map<string, ItemHistorySource>();

/** Lets a module refuse the deletion of an item it uses (registering the same function twice counts once). */
export function registerItemUsageCheck(check: ItemUsageCheck): void {
  usageChecks.add(check);
}

/** Registers a source of history events under a name (e.g. 'service_order'); again replaces it. */
export function registerItemHistorySource(name: string, source: ItemHistorySource): void {
  historySources.set(name, source);
}

/** Everything that uses the item, one entry per module that does. */
export async function itemUsages(db: Executor, itemId: string): Promise<ItemUsage[]> {
  const out: ItemUsage[] = [];
  for (const check of usageChecks) {
    const usage = await check(db, itemId);
    if (usage && usage.count > 0) out.push(usage);
  }
  return out;
}

export async function itemHistoryEvents(db: Executor, itemId: string): Promise<ItemEvent[]> {
  const events: ItemEvent[] = [];
  for (const source of historySources.values()) events.push(...(await source(db, itemId)));
  return events.sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
}
