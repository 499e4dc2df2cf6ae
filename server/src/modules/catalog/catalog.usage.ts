import type { Executor } from '../../db/database';

/** The catalogue records that other modules may reference. */
export type CatalogKind = 'category' | 'brand' | 'model' | 'service_type' | 'part';

/** Who uses a record: the using entity, a message code (its text takes {count}) and how many rows. */
export interface CatalogUsage {
  entity: string;
  code: string;
  count: number;
}

/** Answers whether something uses a catalogue record; null or a count of 0 when nothing does. Runs in the delete's transaction. */
export type CatalogUsageCheck = (db: Executor, id: string) => Promise<CatalogUsage | null>;

const checks = new Map<CatalogKind, Set<CatalogUsageCheck>>();

/**
 * Lets a module that references catalogue records (items → models, technicians → categories, stock → parts…)
 * refuse their deletion, without the catalogue importing that module. Call it once, when the module loads.
 */
export function registerCatalogUsageCheck(kind: CatalogKind, check: CatalogUsageCheck): void {
  const set = checks.get(kind) ?? new Set<CatalogUsageCheck>();
  set.add(check);
  checks.set(kind, set);
}

/** Everything that uses the record: the catalogue's own references first, then the registered modules'. */
export async function usagesOf(
  db: Executor,
  kind: CatalogKind,
  id: string,
  own: readonly CatalogUsageCheck[] = [],
): Promise<CatalogUsage[]> {
  const found: CatalogUsage[] = [];
  for (const check of [...own, ...(checks.get(kind) ?? [])]) {
    const usage = await check(db, id);
    if (usage && usage.count > 0) found.push(usage);
  }
  return found;
}

/** Called in the renaming transaction when a brand's or a model's name (or a model's brand) changed. */
export type CatalogRenamedHook = (db: Executor, by: { brandId?: string; modelId?: string }) => Promise<void>;

const renamedHooks = new Set<CatalogRenamedHook>();

/**
 * Lets a module that copies catalogue names into its own search text (items are found by brand and model) follow
 * a rename, without the catalogue importing that module. Call it once, when the module loads.
 */
export function registerCatalogRenamedHook(hook: CatalogRenamedHook): void {
  renamedHooks.add(hook);
}

export async function catalogRenamed(
  db: Executor,
  by: { brandId?: string; modelId?: string },
): Promise<void> {
  for (const hook of renamedHooks) await hook(db, by);
}
