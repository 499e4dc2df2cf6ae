import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';

/** Demo data of the technicians module (from ../shared/data). */
export async function seedTechniciansDemo(_db: Executor, _actor: Actor): Promise<void> {}
