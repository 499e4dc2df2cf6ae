import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { newId } from '../../kernel/ids';
import type { Dialect } from '../database';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped schema, frozen at the time they were written
export type MigrationDb = Kysely<any>;

export interface Migration {
  name: string;
  up(db: MigrationDb, dialect: Dialect): Promise<void>;
}

type Col = (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
// biome-ignore lint/suspicious/noExplicitAny: column names are not tracked in migrations
type Table = CreateTableBuilder<string, any>;

/** Column helpers that give the same meaning on both databases (STYLE.md "SQLite and PostgreSQL"). */
export function columns(dialect: Dialect) {
  const pg = dialect === 'postgres';
  return {
    /** UUIDv7 text primary key. */
    id: (t: Table, name = 'id') => t.addColumn(name, 'text', (c) => c.primaryKey()),
    text: (t: Table, name: string, f: Col = (c) => c) => t.addColumn(name, 'text', f),
    /** Integers that may exceed 2^31: money in cents, quantities in thousandths, counters. */
    bigint: (t: Table, name: string, f: Col = (c) => c) => t.addColumn(name, pg ? 'bigint' : 'integer', f),
    int: (t: Table, name: string, f: Col = (c) => c) => t.addColumn(name, 'integer', f),
    bool: (t: Table, name: string, defaultValue: boolean) =>
      t.addColumn(name, pg ? 'boolean' : 'integer', (c) =>
        c.notNull().defaultTo(pg ? defaultValue : defaultValue ? 1 : 0),
      ),
    instant: (t: Table, name: string, f: Col = (c) => c) => t.addColumn(name, pg ? 'timestamptz' : 'text', f),
    date: (t: Table, name: string, f: Col = (c) => c) => t.addColumn(name, pg ? 'date' : 'text', f),
    /** JSON documents (audit before/after, settings) as text: read and written only as whole values. */
    json: (t: Table, name: string, f: Col = (c) => c) => t.addColumn(name, 'text', f),
    ref: (t: Table, name: string, table: string, f: Col = (c) => c) =>
      t.addColumn(name, 'text', (c) => f(c.references(`${table}.id`))),
  };
}

export function check(expression: string) {
  return sql.raw(expression);
}

/**
 * An installation set up before a document type was added gets its default numbering series as setup makes it
 * (code MAIN, 10 digits, from 1); a new installation gets it at setup, and an empty one has no company yet.
 */
export async function addDefaultSeries(db: MigrationDb, dialect: Dialect, docType: string): Promise<void> {
  const pg = dialect === 'postgres';
  const company = await db.selectFrom('company').select('id').executeTakeFirst();
  const series = await db
    .selectFrom('numbering_series')
    .select('id')
    .where('doc_type', '=', docType)
    .executeTakeFirst();
  if (company && !series)
    await db
      .insertInto('numbering_series')
      .values({
        id: newId(),
        doc_type: docType,
        code: 'MAIN',
        name: 'Основна',
        start_number: 1,
        next_number: 1,
        width: 10,
        is_default: pg ? true : 1,
        active: pg ? true : 1,
        created_at: new Date().toISOString(),
      })
      .execute();
}
