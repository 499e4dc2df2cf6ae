import { sql } from 'kysely';
import { trigramIndex } from './0008-search-index';
import type { Migration, MigrationDb } from './helpers';

/**
 * Service orders at 100,000 (issue 12, speed): the order search served by an index, and the open orders by a
 * partial index.
 *
 * - SQLite: service_order gets the FTS5 trigram index of ADR 7 (`service_order_search_fts`, its three triggers,
 *   filled once); PostgreSQL: a pg_trgm GIN index on search_text, where 0002 could install the extension.
 * - `service_order_open_idx`: the open orders (not delivered, not cancelled) by intake time, the default list's
 *   filter and order; both databases take a partial index. Idempotent (SQLite migrations run outside a transaction).
 */
export const ordersSpeed: Migration = {
  name: '0018-orders-speed',
  async up(db, dialect) {
    if (dialect === 'postgres') await pgTrigramIndex(db);
    else await trigramIndex(db, 'service_order');
    await db.schema
      .createIndex('service_order_open_idx')
      .ifNotExists()
      .on('service_order')
      .columns(['received_at', 'id'])
      .where(sql.ref('status'), 'not in', ['delivered', 'cancelled'])
      .execute();
  },
};

async function pgTrigramIndex(db: MigrationDb): Promise<void> {
  const { rows } = await sql<{ installed: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm') as installed`.execute(db);
  if (!rows[0]?.installed) return;
  await sql`create index if not exists service_order_search_trgm_idx on service_order using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}
