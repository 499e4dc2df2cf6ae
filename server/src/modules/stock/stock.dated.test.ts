import { beforeAll, describe, expect, it } from 'vitest';
import { aPart, aSupplier, aUser, aVan, aWarehouse, created, posted } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { addDays, todayDate } from '../../kernel/calendar';

/**
 * Issue 10: documents dated in the past, reversals after later movements and counts give the values an accountant
 * computes by hand from the documents in date order (ADR 0010).
 */
describe.each(DIALECTS)('stock by document date on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let keeper: Session;
  let accountant: Session;
  let supplierId: string;
  const today = todayDate();
  const ago = (days: number) => addDays(today, -days);

  beforeAll(async () => {
    admin = await t.setup();
    keeper = await aUser(t, 'storekeeper');
    accountant = await aUser(t, 'accountant');
    supplierId = (await aSupplier(t, admin)).id;
  });

  const fresh = async () => ({
    warehouseId: (await aWarehouse(t, admin)).id,
    partId: (await aPart(t, admin)).id,
  });
  const draft = (body: Record<string, unknown>) => created(t, keeper, '/api/v1/stock/documents', body);
  const receive = async (
    at: { warehouseId: string; partId: string },
    date: string,
    quantityMilli: number,
    unitCostCents: number,
  ) =>
    posted(
      t,
      keeper,
      (
        await draft({
          type: 'receipt',
          warehouseId: at.warehouseId,
          supplierId,
          documentDate: date,
          lines: [{ partId: at.partId, quantityMilli, unitCostCents }],
        })
      ).id,
    );
  const issueDraft = (at: { warehouseId: string; partId: string }, date: string, quantityMilli: number) =>
    draft({
      type: 'issue',
      warehouseId: at.warehouseId,
      documentDate: date,
      reason: 'ремонт',
      lines: [{ partId: at.partId, quantityMilli }],
    });
  const issue = async (at: { warehouseId: string; partId: string }, date: string, quantityMilli: number) =>
    posted(t, keeper, (await issueDraft(at, date, quantityMilli)).id);
  const document = async (id: string) =>
    (await t.request(keeper, 'GET', `/api/v1/stock/documents/${id}`)).json();
  const reverse = (id: string, body: Record<string, unknown> = {}) =>
    t.request(keeper, 'POST', `/api/v1/stock/documents/${id}/reverse`, body);
  /** Quantity and value of the part in the warehouse at the end of a date, from the valuation report. */
  const valuedOn = async (at: { warehouseId: string; partId: string }, date: string) => {
    const v = (
      await t.request(accountant, 'GET', `/api/v1/stock/valuation?date=${date}&warehouseId=${at.warehouseId}`)
    ).json();
    const line = v.warehouses[0]?.parts.find((l: { partId: string }) => l.partId === at.partId);
    return { quantityMilli: line?.quantityMilli ?? 0, valueCents: line?.valueCents ?? 0 };
  };
  const level = async (at: { warehouseId: string; partId: string }) => {
    const l = (
      await t.request(
        keeper,
        'GET',
        `/api/v1/stock/levels?partId=${at.partId}&warehouseId=${at.warehouseId}&includeEmpty=true`,
      )
    ).json().items[0];
    return { onHandMilli: l?.onHandMilli ?? 0, valueCents: l?.valueCents ?? 0 };
  };

  it('tells a back-dated document what it may take: the lowest balance from its date on, less what is reserved', async () => {
    const at = await fresh();
    await receive(at, ago(20), 10_000, 1000);
    await issue(at, ago(10), 7000);
    await receive(at, ago(5), 10_000, 1000);
    const availability = async (date: string) =>
      (
        await t.request(
          keeper,
          'GET',
          `/api/v1/stock/availability?partId=${at.partId}&warehouseId=${at.warehouseId}&date=${date}`,
        )
      ).json();
    // Today 13 are on hand and free; dated 15 days ago, 10 were there but the issue 10 days ago leaves only 3.
    expect(await availability(today)).toMatchObject({
      onHandMilli: 13_000,
      availableMilli: 13_000,
      limitedOn: null,
    });
    expect(await availability(ago(15))).toMatchObject({
      onHandMilli: 10_000,
      availableMilli: 3000,
      limitedOn: ago(10),
    });
    expect(await availability(ago(25))).toMatchObject({ onHandMilli: 0, availableMilli: 0, limitedOn: null });
    // What it says is what posting allows: 3 go out on that date, a 4th would not.
    const tooMany = await issueDraft(at, ago(15), 4000);
    expect((await t.request(keeper, 'POST', `/api/v1/stock/documents/${tooMany.id}/post`)).statusCode).toBe(
      409,
    );
    await issue(at, ago(15), 3000);
    expect(await availability(ago(15))).toMatchObject({ availableMilli: 0, limitedOn: ago(10) });
    // A bad date or a missing part is a clear 400.
    const bad = await t.request(
      keeper,
      'GET',
      `/api/v1/stock/availability?partId=${at.partId}&warehouseId=${at.warehouseId}&date=2026-02-31`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'date' });
  });

  it('(1) an issue dated between two receipts takes the average of its own date', async () => {
    const at = await fresh();
    await receive(at, ago(20), 10_000, 1000);
    await receive(at, ago(10), 10_000, 3000);
    const i = await issue(at, ago(15), 5000);
    expect(i.lines[0]).toMatchObject({ valueCents: 5000, unitCostCents: 1000 });
    expect(i.totalValueCents).toBe(5000);
    expect(await valuedOn(at, ago(15))).toEqual({ quantityMilli: 5000, valueCents: 5000 });
    expect(await valuedOn(at, today)).toEqual({ quantityMilli: 15_000, valueCents: 35_000 });
    expect(await level(at)).toEqual({ onHandMilli: 15_000, valueCents: 35_000 });
  });

  it('(2) an issue dated before the first receipt is refused naming the date and the shortfall; nothing is written', async () => {
    const at = await fresh();
    await receive(at, ago(10), 10_000, 1000);
    const d = await issueDraft(at, ago(12), 5000);
    const before = await snapshotDatabase(t.db);
    const res = await t.request(keeper, 'POST', `/api/v1/stock/documents/${d.id}/post`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'insufficient_stock',
      partId: at.partId,
      warehouseId: at.warehouseId,
      date: ago(12),
      shortfallMilli: 5000,
    });
    expect(res.json().detail).toContain(ago(12).split('-').reverse().join('.'));
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect(await valuedOn(at, ago(12))).toEqual({ quantityMilli: 0, valueCents: 0 });
  });

  it('(3) a reversal cancels its receipt as if it had never been posted, and the issue after it is re-costed', async () => {
    const case3 = async (issued: number) => {
      const at = await fresh();
      const r1 = await receive(at, ago(5), 10_000, 1000);
      const r2 = await receive(at, ago(5), 10_000, 2000);
      const i = await issue(at, ago(5), issued);
      return { at, r1, r2, i };
    };
    const a = await case3(5000);
    expect(await level(a.at)).toEqual({ onHandMilli: 15_000, valueCents: 22_500 });
    const mirror = await reverse(a.r1.id);
    expect(mirror.statusCode, mirror.body).toBe(201);
    // The reversal carries the original's date.
    expect(mirror.json()).toMatchObject({ documentDate: ago(5), reversalOfId: a.r1.id });
    expect(await level(a.at)).toEqual({ onHandMilli: 5000, valueCents: 10_000 });
    expect((await document(a.i.id)).lines[0]).toMatchObject({ valueCents: 10_000, unitCostCents: 2000 });

    const b = await case3(5000);
    expect((await reverse(b.r2.id)).statusCode).toBe(201);
    expect(await level(b.at)).toEqual({ onHandMilli: 5000, valueCents: 5000 });

    const c = await case3(9000);
    expect((await reverse(c.r2.id)).statusCode).toBe(201);
    expect(await level(c.at)).toEqual({ onHandMilli: 1000, valueCents: 1000 });
    expect((await document(c.i.id)).totalValueCents).toBe(9000);

    // A reversal that would leave the issue without stock is refused with the issue's date.
    const d = await case3(15_000);
    const refused = await reverse(d.r2.id);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'insufficient_stock', date: ago(5), shortfallMilli: 5000 });
  });

  it('(4) a count compares with the books of its own date; later movements stay as they were', async () => {
    const at = await fresh();
    await receive(at, ago(5), 10_000, 1000);
    await receive(at, ago(1), 5000, 1000);
    const count = await posted(
      t,
      keeper,
      (
        await draft({
          type: 'count',
          warehouseId: at.warehouseId,
          documentDate: ago(3),
          lines: [{ partId: at.partId, countedMilli: 10_000 }],
        })
      ).id,
    );
    expect(count.lines[0]).toMatchObject({
      bookMilli: 10_000,
      countedMilli: 10_000,
      differenceMilli: 0,
      valueCents: 0,
    });
    expect(await valuedOn(at, ago(3))).toEqual({ quantityMilli: 10_000, valueCents: 10_000 });
    expect(await level(at)).toEqual({ onHandMilli: 15_000, valueCents: 15_000 });
  });

  it('a back-dated receipt re-costs the later issue on its document, on the part card and in the audit', async () => {
    const at = await fresh();
    await receive(at, ago(20), 10_000, 1000);
    const i = await issue(at, ago(15), 5000);
    expect(i.totalValueCents).toBe(5000);
    const r0 = await receive(at, ago(18), 10_000, 4000);
    // On the issue's date: 10 @ 10.00 and 10 @ 40.00, average 25.00.
    expect((await document(i.id)).lines[0]).toMatchObject({ valueCents: 12_500, unitCostCents: 2500 });
    expect((await document(i.id)).totalValueCents).toBe(12_500);
    const card = (
      await t.request(keeper, 'GET', `/api/v1/stock/parts/${at.partId}/card?warehouseId=${at.warehouseId}`)
    ).json();
    expect(card.movements.map((m: { date: string; valueCents: number }) => [m.date, m.valueCents])).toEqual([
      [ago(20), 10_000],
      [ago(18), 40_000],
      [ago(15), -12_500],
    ]);
    expect(card.movements.at(-1)).toMatchObject({ balanceMilli: 15_000, balanceValueCents: 37_500 });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('entity_id', '=', r0.id)
      .where('action', '=', 'stock_document.post')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after_json))).toMatchObject({ recosted: { movements: 1, documents: 1 } });
  });

  it('through transfers: a back-dated receipt in the store re-costs what the van received and issued', async () => {
    const store = await fresh();
    const van = { warehouseId: (await aVan(t, admin)).id, partId: store.partId };
    await receive(store, ago(20), 10_000, 1000);
    const tr = await posted(
      t,
      keeper,
      (
        await draft({
          type: 'transfer',
          warehouseId: store.warehouseId,
          toWarehouseId: van.warehouseId,
          documentDate: ago(10),
          lines: [{ partId: store.partId, quantityMilli: 5000 }],
        })
      ).id,
    );
    const onSite = await issue(van, ago(5), 5000);
    expect([tr.totalValueCents, onSite.totalValueCents]).toEqual([5000, 5000]);
    await receive(store, ago(15), 10_000, 3000);
    // Store on the transfer's date: 20 worth 400.00, average 20.00: the van got 5 worth 100.00 and issued them.
    expect((await document(tr.id)).totalValueCents).toBe(10_000);
    expect((await document(onSite.id)).totalValueCents).toBe(10_000);
    expect(await level(store)).toEqual({ onHandMilli: 15_000, valueCents: 30_000 });
    expect(await level(van)).toEqual({ onHandMilli: 0, valueCents: 0 });
    const check = (await t.request(admin, 'GET', '/api/v1/stock/check')).json();
    expect(check.mismatches).toEqual([]);
  });

  it('a reversal on a later date takes back at most what came in, at that date; it cannot precede the original', async () => {
    const at = await fresh();
    const r1 = await receive(at, ago(10), 10_000, 1000);
    await receive(at, ago(8), 10_000, 2000);
    const later = await reverse(r1.id, { documentDate: ago(2) });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json()).toMatchObject({ documentDate: ago(2), totalValueCents: 10_000 });
    expect(await valuedOn(at, ago(3))).toEqual({ quantityMilli: 20_000, valueCents: 30_000 });
    expect(await level(at)).toEqual({ onHandMilli: 10_000, valueCents: 20_000 });
  });

  it("a return to the supplier is a new issue dated when the goods leave, at that day's average; the receipt stays", async () => {
    const at = await fresh();
    const r1 = await receive(at, ago(10), 10_000, 1000);
    await receive(at, ago(5), 10_000, 3000);
    const res = await t.request(keeper, 'POST', `/api/v1/stock/documents/${r1.id}/supplier-return`);
    expect(res.statusCode, res.body).toBe(201);
    const ret = res.json();
    expect(ret).toMatchObject({
      type: 'issue',
      status: 'draft',
      documentDate: today,
      sourceType: 'supplier_return',
      sourceId: r1.id,
      warehouseId: at.warehouseId,
    });
    expect(
      ret.lines.map((l: { partId: string; quantityMilli: number }) => [l.partId, l.quantityMilli]),
    ).toEqual([[at.partId, 10_000]]);
    const edited = await t.request(keeper, 'PUT', `/api/v1/stock/documents/${ret.id}`, {
      warehouseId: at.warehouseId,
      documentDate: ago(2),
      reason: ret.reason,
      lines: [{ partId: at.partId, quantityMilli: 4000 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const out = await posted(t, keeper, ret.id);
    // 20 worth 400.00 on that day: 4 leave at the average of 20.00, the receipt keeps its 10 @ 10.00.
    expect(out.totalValueCents).toBe(8000);
    expect((await document(r1.id)).status).toBe('posted');
    expect(await level(at)).toEqual({ onHandMilli: 16_000, valueCents: 32_000 });
    // Not from a draft, an issue or a reversed receipt.
    const bad = await t.request(keeper, 'POST', `/api/v1/stock/documents/${ret.id}/supplier-return`);
    expect([bad.statusCode, bad.json().code]).toEqual([409, 'not_a_posted_receipt']);
  });
});
