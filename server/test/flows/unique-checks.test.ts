import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../harness';
import { snapshotDatabase } from '../snapshot';

/**
 * Each unique value is compared the way it is stored (codes upper case, usernames lower case,
 * serials trimmed), so a second record that differs only in case or spaces is a 409 with a code,
 * never a 500 from the database's unique index.
 */
describe.each(DIALECTS)('unique checks as stored on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  beforeAll(async () => {
    admin = await t.setup();
  });

  const create = async (url: string, body: Record<string, unknown>) => {
    const res = await t.request(admin, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const duplicate = async (url: string, body: Record<string, unknown>, code: string) => {
    const before = await snapshotDatabase(t.db);
    const res = await t.request(admin, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  };

  it('numbering series: "br1" twice, or "br1" after "BR1", is 409 series_code_taken', async () => {
    const first = await create('/api/v1/numbering-series', { docType: 'quote', code: 'br1', name: 'B' });
    expect(first.code).toBe('BR1');
    await duplicate(
      '/api/v1/numbering-series',
      { docType: 'quote', code: 'br1', name: 'B' },
      'series_code_taken',
    );
    await duplicate(
      '/api/v1/numbering-series',
      { docType: 'quote', code: 'Br1', name: 'B' },
      'series_code_taken',
    );
    // The same code for another document kind is another series.
    await create('/api/v1/numbering-series', { docType: 'invoice', code: 'br1', name: 'B' });
  });

  it('two requests for the same new series at once: one 201, one 409, never a 500', async () => {
    const [a, b] = await Promise.all(
      ['sim', 'SIM'].map((code) =>
        t.request(admin, 'POST', '/api/v1/numbering-series', { docType: 'proforma', code, name: 'S' }),
      ),
    );
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([201, 409]);
  });

  it('warehouse and catalogue codes and usernames: a second one in other case is 409', async () => {
    await create('/api/v1/warehouses', { code: 'main', name: 'Склад' });
    await duplicate('/api/v1/warehouses', { code: 'MAIN', name: 'Друг' }, 'warehouse_code_taken');
    await create('/api/v1/brands', { code: 'acme', name: 'Acme' });
    await duplicate('/api/v1/brands', { code: 'ACME', name: 'Acme 2' }, 'duplicate_code');
    await create('/api/v1/users', {
      username: 'Ivan',
      fullName: 'Иван',
      role: 'reception',
      password: 'user-secret-1',
    });
    await duplicate(
      '/api/v1/users',
      { username: 'ivan', fullName: 'Иван 2', role: 'reception', password: 'user-secret-1' },
      'username_taken',
    );
  });
});
