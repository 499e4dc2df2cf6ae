import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../test/harness';
import { inUse, refuseIfUsed, registerReference, registerUsageCheck, usagesOf } from './usage';

describe.each(DIALECTS)('usage registry on %s', (dialect) => {
  let t: TestDatabase;
  const entity = `usage_probe_${dialect}`;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await sql`create table usage_probe_ref (id integer primary key, thing_id text not null)`.execute(
      t.handle.db,
    );
    await sql`insert into usage_probe_ref (id, thing_id) values (1, 'a'), (2, 'a'), (3, 'b')`.execute(
      t.handle.db,
    );
    registerReference(entity, {
      table: 'usage_probe_ref',
      column: 'thing_id',
      usedBy: 'refs',
      code: 'thing_has_refs',
    });
    const check = async (_db: unknown, id: string) =>
      id === 'b' ? { entity: 'orders', code: 'thing_has_orders', count: 1 } : null;
    registerUsageCheck(entity, check);
    registerUsageCheck(entity, check); // the same function twice counts once
  });
  afterAll(async () => {
    await t.drop();
  });

  it('lists every registered user of a record with its count, in registration order; nothing for an unused one', async () => {
    expect(await usagesOf(t.handle.db, entity, 'a')).toEqual([
      { entity: 'refs', code: 'thing_has_refs', count: 2 },
    ]);
    expect(await usagesOf(t.handle.db, entity, 'b')).toEqual([
      { entity: 'refs', code: 'thing_has_refs', count: 1 },
      { entity: 'orders', code: 'thing_has_orders', count: 1 },
    ]);
    expect(await usagesOf(t.handle.db, entity, 'c')).toEqual([]);
    expect(await usagesOf(t.handle.db, 'nobody_registered', 'a')).toEqual([]);
  });

  it('refuses with 409 in_use: one reason per user in errors, the same as data in usages', async () => {
    await expect(refuseIfUsed(t.handle.db, entity, 'c')).resolves.toBeUndefined();
    await expect(refuseIfUsed(t.handle.db, entity, 'a')).rejects.toEqual(
      inUse(entity, [{ entity: 'refs', code: 'thing_has_refs', count: 2 }]),
    );
    const error = inUse('party', [{ entity: 'sites', code: 'party_has_sites', count: 3 }]);
    expect(error).toMatchObject({
      kind: 'conflict',
      code: 'in_use',
      options: {
        params: { entity: 'party' },
        errors: [{ field: 'sites', code: 'party_has_sites', params: { count: 3 } }],
        extra: { usages: [{ entity: 'sites', code: 'party_has_sites', count: 3 }] },
      },
    });
  });
});
