import { describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';

describe.each(DIALECTS)('global search on %s', (dialect) => {
  const t = useTestApp(dialect);
  let reception: Session;

  it('finds customers by name in any case and script, by phone in any format, items by serial, parts by code', async () => {
    await t.setup({ demo: true });
    reception = await t.signInAs('reception');
    const search = async (q: string) =>
      (await t.request(reception, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`)).json();

    const byName = await search('георги иванов');
    expect(byName.customers.map((c: { name: string }) => c.name)).toContain('Георги Иванов Петров');
    expect((await search('ГЕОРГИ ИВАНОВ')).customers).toEqual(byName.customers);
    expect((await search('georgi ivanov')).customers.map((c: { name: string }) => c.name)).toContain(
      'Георги Иванов Петров',
    );
    expect((await search('0888 412 635')).customers.map((c: { name: string }) => c.name)).toEqual([
      'Георги Иванов Петров',
    ]);

    const bySerial = await search('e175530');
    expect(bySerial.items).toEqual([
      expect.objectContaining({ serialNumber: 'E175530', partyName: 'Хотел „Морска звезда“ ЕООД' }),
    ]);

    expect((await search('WM-PUMP-UNI30')).parts.map((p: { code: string }) => p.code)).toEqual([
      'WM-PUMP-UNI30',
    ]);
    expect(await search('нищо-такова-няма')).toMatchObject({ customers: [], items: [], parts: [] });
  });

  it('an empty query is a 400 naming q', async () => {
    const res = await t.request(reception, 'GET', '/api/v1/search?q=');
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('q');
  });
});
