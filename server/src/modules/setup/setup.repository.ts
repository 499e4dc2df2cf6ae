import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { dialectOf } from '../../db/sql';

/** What stays when an installation is emptied: the record of the schema's migrations (db/migrate.ts). */
const KEPT_TABLES = new Set(['servix_migration', 'servix_migration_lock']);

/**
 * Every ordinary table of the installation's schema, as the database itself lists them: a table a later migration
 * adds is included without being named here. On SQLite the FTS5 search indexes (virtual tables and their shadow
 * tables) are not listed: their triggers empty them with the rows they index.
 */
export async function listDataTables(db: Executor): Promise<string[]> {
  const rows =
    dialectOf(db) === 'postgres'
      ? (
          await sql<{ name: string }>`
            select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)
        ).rows
      : (
          await sql<{ name: string }>`
            select name from pragma_table_list
            where schema = 'main' and type = 'table' and name not like 'sqlite_%'`.execute(db)
        ).rows;
  return rows
    .map((r) => r.name)
    .filter((name) => !KEPT_TABLES.has(name))
    .sort();
}

/**
 * Deletes every row of every data table, inside the caller's transaction: on PostgreSQL one TRUNCATE of them all
 * (foreign keys between them are no obstacle); on SQLite row by row with the foreign keys checked at commit.
 */
export async function deleteEveryRow(trx: Executor): Promise<string[]> {
  const tables = await listDataTables(trx);
  if (tables.length === 0) return tables;
  if (dialectOf(trx) === 'postgres') {
    await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))}`.execute(trx);
  } else {
    await sql`pragma defer_foreign_keys = on`.execute(trx);
    for (const table of tables) await sql`delete from ${sql.table(table)}`.execute(trx);
  }
  return tables;
}
