import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../../test/harness';
import type { Db } from './database';
import { dialectOf } from './sql';

/** Tables with their columns ("name" or "name?" when nullable), as the migrations left them. */
async function describeSchema(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (dialectOf(db) === 'postgres') {
    const rows = await sql<{ table_name: string; column_name: string; is_nullable: string }>`
      select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'`.execute(
      db,
    );
    for (const r of rows.rows) {
      out[r.table_name] = [
        ...(out[r.table_name] ?? []),
        r.column_name + (r.is_nullable === 'YES' ? '?' : ''),
      ];
    }
  } else {
    // Ordinary tables only: the FTS5 search indexes (virtual tables and their shadow tables, migration
    // 0008-search-index) exist on SQLite alone, as pg_trgm's GIN indexes do on PostgreSQL.
    const tables = await sql<{
      name: string;
    }>`select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%'`.execute(
      db,
    );
    for (const { name } of tables.rows) {
      const cols = await sql<{
        name: string;
        notnull: number;
        pk: number;
      }>`select name, "notnull", pk from pragma_table_info(${name})`.execute(db);
      // A SQLite primary key other than INTEGER may hold NULL by a legacy quirk; our ids are always set.
      out[name] = cols.rows.map((c) => c.name + (c.notnull || c.pk ? '' : '?'));
    }
  }
  for (const k of Object.keys(out)) out[k]?.sort();
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

describe.each(DIALECTS)('schema on %s', (dialect) => {
  it('the migrations give the same tables, columns and nullability on both databases (one snapshot for both)', async () => {
    const tdb = await freshDatabase(dialect);
    try {
      await expect(await describeSchema(tdb.handle.db)).toMatchFileSnapshot('./__snapshots__/schema.snap');
    } finally {
      await tdb.drop();
    }
  });
});
