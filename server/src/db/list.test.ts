import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../test/harness';
import { listAll, listOrder, listPage, type SortKeys } from './list';

// A throw-away table: the helper only adds ORDER BY, LIMIT/OFFSET and a count to whatever select it is given.
const KEYS: SortKeys = {
  name: ['list_probe.name', { by: 'list_probe.id', direction: 'asc' }],
  city: [
    { by: sql`list_probe.city is null`, direction: 'asc' },
    'list_probe.city',
    { by: 'list_probe.id', direction: 'asc' },
  ],
};

const ids = (rows: unknown[]) => rows.map((r) => Number((r as { id: number }).id));

describe.each(DIALECTS)('list helper on %s', (dialect) => {
  let t: TestDatabase;
  // biome-ignore lint/suspicious/noExplicitAny: the probe table is not in the app's schema
  const probe = () => (t.handle.db as any).selectFrom('list_probe').select(['id', 'name', 'city']);
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await sql`create table list_probe (id integer primary key, name text not null, city text)`.execute(
      t.handle.db,
    );
    await sql`insert into list_probe (id, name, city) values (1, 'b', 'Varna'), (2, 'a', null), (3, 'c', 'Burgas'), (4, 'a', 'Varna')`.execute(
      t.handle.db,
    );
  });
  afterAll(async () => {
    await t.drop();
  });

  it('pages in the asked order with the total of the filter; tie-breakers keep their own direction', async () => {
    const first = await listPage(probe(), listOrder('-name', KEYS, 'name'), { page: 1, pageSize: 3 });
    expect(ids(first.items)).toEqual([3, 1, 2]);
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    const second = await listPage(probe(), listOrder('-name', KEYS, 'name'), { page: 2, pageSize: 3 });
    expect(ids(second.items)).toEqual([4]);
  });

  it('lists every row; empty values last on both databases when the key says so', async () => {
    const rows = await listAll(probe(), listOrder('city', KEYS, 'name'));
    expect(ids(rows)).toEqual([3, 1, 4, 2]);
    const filtered = await listPage(probe().where('city', '=', 'Varna'), listOrder(undefined, KEYS, 'name'), {
      page: 1,
      pageSize: 10,
    });
    expect(ids(filtered.items)).toEqual([4, 1]);
    expect(filtered.total).toBe(2);
  });
});
