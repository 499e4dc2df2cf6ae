import { type RawBuilder, sql } from 'kysely';
import type { Executor } from './database';
import { dialectOf } from './sql';

/** A column that updateMany sets, with the SQL type its values are cast to (so PostgreSQL knows the VALUES types). */
export interface ManyColumn {
  name: string;
  type: 'bigint' | 'text' | 'instant';
}

const CHUNK = 1000;

/**
 * Updates many rows of one table by id in a few statements: `update t set c = v.column2 … from (values …) as v where
 * t.id = v.column1`, which both databases run (SQLite ≥ 3.33 and PostgreSQL name a VALUES list's columns column1…).
 * `rows` are [id, ...values in the order of `columns`]; a thousand rows go in one statement on SQLite, and all of them
 * in one on PostgreSQL (one array per column, unnested).
 */
export async function updateMany(
  db: Executor,
  table: string,
  columns: readonly ManyColumn[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const typeOf = (t: ManyColumn['type']) => (t === 'instant' ? (pg ? 'timestamptz' : 'text') : t);
  const sets = sql.join(
    columns.map((c, i) => sql`${sql.ref(c.name)} = v.${sql.raw(`column${i + 2}`)}`),
    sql`, `,
  );
  if (pg) {
    // PostgreSQL: one array per column, unnested: a handful of parameters however many rows.
    const arrays = [
      sql`cast(${rows.map((r) => String(r[0]))} as text[])`,
      ...columns.map(
        (c, j) => sql`cast(${rows.map((r) => r[j + 1] ?? null)} as ${sql.raw(`${typeOf(c.type)}[]`)})`,
      ),
    ];
    const names = sql.raw(['column1', ...columns.map((_, i) => `column${i + 2}`)].join(', '));
    if (rows.length)
      await sql`update ${sql.table(table)} set ${sets} from unnest(${sql.join(arrays, sql`, `)}) as v(${names}) where ${sql.ref(`${table}.id`)} = v.column1`.execute(
        db,
      );
    return;
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values: RawBuilder<unknown>[] = rows.slice(i, i + CHUNK).map(
      (r) =>
        sql`(cast(${r[0]} as text), ${sql.join(
          columns.map((c, j) => sql`cast(${r[j + 1]} as ${sql.raw(typeOf(c.type))})`),
          sql`, `,
        )})`,
    );
    await sql`update ${sql.table(table)} set ${sets} from (values ${sql.join(values, sql`, `)}) as v where ${sql.ref(`${table}.id`)} = v.column1`.execute(
      db,
    );
  }
}
