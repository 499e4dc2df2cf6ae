import type { Executor } from '../../db/database';

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
