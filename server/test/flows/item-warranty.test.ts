import { describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../harness';
import { snapshotDatabase } from '../snapshot';

interface ItemJson {
  id: string;
  purchaseDate: string | null;
  warrantyMonths: number | null;
  warrantyEnd: string | null;
  warrantyDocNumber: string | null;
  notes: string | null;
}

describe.each(DIALECTS)("an item's warranty is kept by the front office on %s", (dialect) => {
  const t = useTestApp(dialect);
  let technician: Session;
  let reception: Session;
  let item: ItemJson;

  it('a technician who changes warrantyEnd, months, purchase date or the card number gets 403 naming the field', async () => {
    await t.setup({ demo: true });
    technician = await t.signInAs('technician');
    reception = await t.signInAs('reception');
    const list = await t.request(reception, 'GET', '/api/v1/items?pageSize=1');
    item = list.json().items[0];
    const changes: Record<string, unknown>[] = [
      { warrantyEnd: '2099-12-31' },
      { warrantyMonths: 600 },
      { purchaseDate: '2026-01-01', notes: 'и бележка' },
      { warrantyDocNumber: 'ФАЛШИВА-1' },
    ];
    for (const change of changes) {
      const before = await snapshotDatabase(t.db);
      const res = await t.request(technician, 'PATCH', `/api/v1/items/${item.id}`, change);
      const field = Object.keys(change)[0];
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'warranty_not_editable', field });
      expect(await snapshotDatabase(t.db)).toEqual(before);
    }
  });

  it('a technician may still send the warranty back unchanged with other corrections', async () => {
    const res = await t.request(technician, 'PATCH', `/api/v1/items/${item.id}`, {
      purchaseDate: item.purchaseDate,
      warrantyMonths: item.warrantyMonths,
      warrantyEnd: item.warrantyEnd,
      warrantyDocNumber: item.warrantyDocNumber ?? '',
      notes: 'Монтиран в мазето',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ notes: 'Монтиран в мазето', warrantyEnd: item.warrantyEnd });
  });

  it('reception changes the warranty', async () => {
    const res = await t.request(reception, 'PATCH', `/api/v1/items/${item.id}`, {
      warrantyEnd: '2030-06-30',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ warrantyEnd: '2030-06-30' });
  });
});
