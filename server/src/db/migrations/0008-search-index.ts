import { sql } from 'kysely';
import type { Migration, MigrationDb } from './helpers';

/** The tables whose search_text the global search and the list filters read (frozen with this migration). */
const TABLES = ['party', 'site', 'item', 'catalog_part'] as const;

/**
 * SQLite: an FTS5 trigram index over search_text of the hot tables, so that LIKE '%needle%' stops being a table
 * scan (PostgreSQL has had pg_trgm GIN indexes on party and site since 0002 and gets nothing here). Each index is an
 * external-content table `<table>_search_fts` over the table's rowid, kept in step by triggers and filled once from
 * the existing rows; db/sql.ts matchesSearchIndexed queries it. On PostgreSQL, item and catalog_part get the GIN
 * trigram indexes party and site have had since 0002, where that migration could install pg_trgm. Idempotent, since Kysely runs SQLite migrations
 * outside a transaction and a failed run is simply run again.
 */
export const searchIndex: Migration = {
  name: '0008-search-index',
  async up(db, dialect) {
    if (dialect === 'postgres') await pgTrigramIndexes(db);
    else for (const table of TABLES) await trigramIndex(db, table);
  },
};

/** One table's FTS5 trigram index and its triggers (0018-orders-speed gives service_order the same). */
export async function trigramIndex(db: MigrationDb, table: string): Promise<void> {
  // The index points at rows by rowid: a WITHOUT ROWID table has none.
  const { rows } = await sql<{ wr: number }>`
    select wr from pragma_table_list where schema = 'main' and name = ${table}`.execute(db);
  if (rows[0]?.wr !== 0) throw new Error(`${table} must be a rowid table for its search index`);

  const fts = sql.table(`${table}_search_fts`);
  const content = sql.lit(table);
  const t = sql.table(table);
  const trigger = (kind: string) => sql.id(`${table}_search_fts_${kind}`);
  await sql`create virtual table if not exists ${fts} using fts5(
      search_text, content=${content}, content_rowid='rowid', tokenize='trigram')`.execute(db);
  await sql`create trigger if not exists ${trigger('insert')} after insert on ${t} begin
      insert into ${fts} (rowid, search_text) values (new.rowid, new.search_text);
    end`.execute(db);
  await sql`create trigger if not exists ${trigger('delete')} after delete on ${t} begin
      insert into ${fts} (${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text);
    end`.execute(db);
  await sql`create trigger if not exists ${trigger('update')} after update of search_text on ${t} begin
      insert into ${fts} (${fts}, rowid, search_text) values ('delete', old.rowid, old.search_text);
      insert into ${fts} (rowid, search_text) values (new.rowid, new.search_text);
    end`.execute(db);
  await sql`insert into ${fts} (${fts}) values ('rebuild')`.execute(db);
}

/** PostgreSQL: the LIKE on item and part search text served by pg_trgm, where 0002 installed the extension. */
async function pgTrigramIndexes(db: MigrationDb): Promise<void> {
  const { rows } = await sql<{ installed: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm') as installed`.execute(db);
  if (!rows[0]?.installed) return;
  await sql`create index if not exists item_search_trgm_idx on item using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index if not exists catalog_part_search_trgm_idx on catalog_part using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}
