import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';

/** Demo data of the catalog module (from ../shared/data). */
export async function seedCatalogDemo(_db: Executor, _actor: Actor): Promise<void> {}
