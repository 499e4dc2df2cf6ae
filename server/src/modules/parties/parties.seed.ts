import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';

/** Demo data of the parties module (from ../shared/data). */
export async function seedPartiesDemo(_db: Executor, _actor: Actor): Promise<void> {}
