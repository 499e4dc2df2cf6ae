/**
 * "Is this record in use, and where": one registry for every module. A module that references another module's
 * records (items → a catalogue model, stock → a supplier) registers, when it loads, how to count those references;
 * the owner of the records asks usagesOf before a delete and answers 409 in_use with the reasons, without
 * importing the modules above it ("nothing imports up").
 */
import { sql } from 'kysely';
import { DomainError } from '../kernel/errors';
import type { Executor } from './database';

/** Why a record cannot be deleted: `count` records of `entity` use it; `code` is a message code that takes {count}. */
export interface Usage {
  entity: string;
  code: string;
  count: number;
}

/** Answers whether something uses the record; null or a count of 0 when nothing does. Runs in the delete's transaction. */
export type UsageCheck = (db: Executor, id: string) => Promise<Usage | null>;

/** A column of another table that holds the record's id, and how the reason is said. */
export interface UsageReference {
  /** The referencing table and its column ("item", "model_id"). */
  table: string;
  column: string;
  /** Who uses the record, as the API names it ("items"), and the message code of the reason. */
  usedBy: string;
  code: string;
}

const checks = new Map<string, Set<UsageCheck>>();

/**
 * Lets a module refuse the deletion of an `entity` record (a table name: "party", "catalog_model") it uses. Call
 * it once, when the module loads; the same function registered twice counts once. Checks run in registration order.
 */
export function registerUsageCheck(entity: string, check: UsageCheck): void {
  const set = checks.get(entity) ?? new Set<UsageCheck>();
  set.add(check);
  checks.set(entity, set);
}

const references = new Map<string, UsageReference[]>();

/** The columns registered as referencing an entity (the test that every foreign key is covered reads them). */
export function registeredReferences(entity: string): readonly UsageReference[] {
  return references.get(entity) ?? [];
}

/** The entities some module registered a usage check for: the records that are deleted only when unused. */
export function guardedEntities(): string[] {
  return [...checks.keys()];
}

/** "Table X references entity Y through column Z": registers the count of those rows as a usage check. */
export function registerReference(entity: string, reference: UsageReference): void {
  references.set(entity, [...(references.get(entity) ?? []), reference]);
  registerUsageCheck(entity, async (db, id) => ({
    entity: reference.usedBy,
    code: reference.code,
    count: await countReferences(db, reference.table, reference.column, id),
  }));
}

/** How many rows of the table have the id in the column. */
export async function countReferences(
  db: Executor,
  table: string,
  column: string,
  id: string,
): Promise<number> {
  const r = await sql<{
    n: number;
  }>`select cast(count(*) as bigint) as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}

/** Everything that uses the record, one entry per check that found something, in registration order. */
export async function usagesOf(db: Executor, entity: string, id: string): Promise<Usage[]> {
  const found: Usage[] = [];
  for (const check of checks.get(entity) ?? []) {
    const usage = await check(db, id);
    if (usage && usage.count > 0) found.push(usage);
  }
  return found;
}

/** 409 in_use ("archive it instead"): one localised reason per user of the record in `errors`, the same as data in `usages`. */
export function inUse(entity: string, usages: readonly Usage[]): DomainError {
  return new DomainError('conflict', 'in_use', {
    params: { entity },
    errors: usages.map((u) => ({ field: u.entity, code: u.code, params: { count: u.count } })),
    extra: { usages },
  });
}

/** Throws 409 in_use when anything registered uses the record; runs in the delete's transaction. */
export async function refuseIfUsed(db: Executor, entity: string, id: string): Promise<void> {
  const usages = await usagesOf(db, entity, id);
  if (usages.length) throw inUse(entity, usages);
}
