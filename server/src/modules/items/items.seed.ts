import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';

/** Demo data of the items module (from ../shared/data). */
export async function seedItemsDemo(_db: Executor, _actor: Actor): Promise<void> {}
