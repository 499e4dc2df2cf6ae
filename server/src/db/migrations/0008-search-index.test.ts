import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../test/database-before';
import { DIALECTS } from '../../../test/harness';
import { toSearchText } from '../../kernel/search-text';
import { searchParties } from '../../modules/parties';
import { migrateToLatest } from '../migrate';
import { MIGRATIONS } from './index';

describe.each(DIALECTS)('migration 0008-search-index on %s', (dialect) => {
  it('indexes the rows that were there before it; PostgreSQL gets pg_trgm indexes on items and parts, no FTS table', async () => {
    const { handle, file, drop } = await databaseBefore(dialect, '0008-search-index');
    try {
      const at = new Date().toISOString();
      for (const [id, name] of [
        ['01900000-0000-7000-8000-000000000001', 'Зорница Кръстева'],
        ['01900000-0000-7000-8000-000000000002', 'Велислава Кръстева'],
      ] as const) {
        await sql`insert into party (id, kind, name, sort_name, search_text, created_at, updated_at)
          values (${id}, 'person', ${name}, ${name.toLowerCase()}, ${toSearchText(name)}, ${at}, ${at})`.execute(
          handle.db,
        );
      }

      const result = await migrateToLatest(handle, file);
      // 0008 and whatever later migrations exist.
      expect(result.applied).toEqual(
        MIGRATIONS.slice(MIGRATIONS.findIndex((m) => m.name === '0008-search-index')).map((m) => m.name),
      );

      const names = async (needle: string) =>
        (await searchParties(handle.db, needle, 5)).map((p) => p.name).sort();
      expect(await names('зорница')).toEqual(['Зорница Кръстева']);
      expect(await names('krasteva')).toEqual(['Велислава Кръстева', 'Зорница Кръстева']);
      if (dialect === 'sqlite') {
        expect(result.backupFile).toBeDefined();
        const fts = await sql<{
          name: string;
        }>`select name from pragma_table_list where type = 'virtual' order by name`.execute(handle.db);
        expect(fts.rows.map((r) => r.name)).toEqual([
          'catalog_part_search_fts',
          'item_search_fts',
          'party_search_fts',
          'service_order_search_fts', // 0018-orders-speed
          'site_search_fts',
        ]);
        await sql`insert into party_search_fts (party_search_fts, rank) values ('integrity-check', 1)`.execute(
          handle.db,
        );
      } else {
        const tables = await sql<{ n: number }>`
          select cast(count(*) as bigint) as n from information_schema.tables where table_name like '%search_fts%'`.execute(
          handle.db,
        );
        expect(tables.rows[0]?.n).toBe(0);
        // Where pg_trgm is installed (0002), items and parts get its index like parties and sites.
        const trgm = await sql<{ installed: boolean }>`
          select exists (select 1 from pg_extension where extname = 'pg_trgm') as installed`.execute(
          handle.db,
        );
        const indexes = await sql<{ indexname: string }>`
          select indexname from pg_indexes where indexname like '%search_trgm_idx' order by indexname`.execute(
          handle.db,
        );
        expect(indexes.rows.map((r) => r.indexname)).toEqual(
          trgm.rows[0]?.installed
            ? [
                'catalog_part_search_trgm_idx',
                'item_search_trgm_idx',
                'party_search_trgm_idx',
                'service_order_search_trgm_idx', // 0018-orders-speed
                'site_search_trgm_idx',
              ]
            : [],
        );
      }
    } finally {
      await handle.close();
      await drop();
    }
  });
});
