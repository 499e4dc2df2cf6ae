import { beforeAll, describe, expect, it } from 'vitest';
import { aPart, aSupplier, aUser, aWarehouse, created, posted } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { addDays, todayDate } from '../../kernel/calendar';

/** Issue 10, rule 6: nothing is posted or reversed on or before the lock date, so the books up to it never change. */
describe.each(DIALECTS)('the closed period in stock on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let keeper: Session;
  let accountant: Session;
  let supplierId: string;
  let warehouseId: string;
  let partId: string;
  const today = todayDate();
  const lockDate = addDays(today, -10);

  const receipt = (documentDate: string, quantityMilli = 10_000, unitCostCents = 1000) =>
    created(t, keeper, '/api/v1/stock/documents', {
      type: 'receipt',
      warehouseId,
      supplierId,
      documentDate,
      lines: [{ partId, quantityMilli, unitCostCents }],
    });
  const issue = (documentDate: string, quantityMilli: number) =>
    created(t, keeper, '/api/v1/stock/documents', {
      type: 'issue',
      warehouseId,
      documentDate,
      reason: 'ремонт на място',
      lines: [{ partId, quantityMilli }],
    });
  const closeAt = async (date: string | null) => {
    const res = await t.request(accountant, 'PUT', '/api/v1/company/lock-date', { lockDate: date });
    expect(res.statusCode, res.body).toBe(200);
  };
  const valuationOn = async (date: string) =>
    (await t.request(accountant, 'GET', `/api/v1/stock/valuation?date=${date}`)).json();
  const level = async () =>
    (
      await t.request(keeper, 'GET', `/api/v1/stock/levels?partId=${partId}&warehouseId=${warehouseId}`)
    ).json().items[0];

  /** Refused 409 period_closed naming the lock date, and nothing at all written (no level, no number). */
  const refusedAsClosed = async (url: string, body?: unknown) => {
    const before = await snapshotDatabase(t.db);
    const res = await t.request(keeper, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'period_closed', lockDate });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    return res.json();
  };

  beforeAll(async () => {
    admin = await t.setup();
    keeper = await aUser(t, 'storekeeper');
    accountant = await aUser(t, 'accountant');
    supplierId = (await aSupplier(t, admin)).id;
    warehouseId = (await aWarehouse(t, admin)).id;
    partId = (await aPart(t, admin)).id;
  });

  it('a draft may carry a closed date; posting it is refused and the day after is accepted', async () => {
    const before = await posted(t, keeper, (await receipt(addDays(lockDate, -5))).id);
    await closeAt(lockDate);
    const onLock = await receipt(lockDate);
    // Editing a draft into the closed period is fine: a draft touches no book.
    const edited = await t.request(keeper, 'PUT', `/api/v1/stock/documents/${onLock.id}`, {
      warehouseId,
      supplierId,
      documentDate: addDays(lockDate, -1),
      lines: [{ partId, quantityMilli: 2000, unitCostCents: 1000 }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const levelBefore = await level();
    const problem = await refusedAsClosed(`/api/v1/stock/documents/${onLock.id}/post`);
    expect(problem.detail).toContain(lockDate.split('-').reverse().join('.'));
    expect(await level()).toEqual(levelBefore);

    const dayAfter = await receipt(addDays(lockDate, 1), 5000, 1000);
    expect((await posted(t, keeper, dayAfter.id)).number).toBeTruthy();
    expect((await level()).onHandMilli).toBe(15_000);
    expect(before.number).toBeTruthy();
  });

  it('a reversal of a document dated on or before the lock date is refused, whatever the mirror’s date', async () => {
    const old = (await t.db
      .selectFrom('stock_document')
      .select(['id'])
      .where('status', '=', 'posted')
      .where('document_date', '<=', lockDate)
      .executeTakeFirstOrThrow()) as { id: string };
    await refusedAsClosed(`/api/v1/stock/documents/${old.id}/reverse`, { documentDate: today });
    await refusedAsClosed(`/api/v1/stock/documents/${old.id}/reverse`, {});
  });

  it('the valuation up to the lock date is unchanged after a burst of later postings', async () => {
    const atLock = await valuationOn(lockDate);
    const eve = await valuationOn(addDays(lockDate, -1));
    for (let i = 0; i < 8; i++) {
      const date = addDays(lockDate, 1 + (i % 9));
      await posted(t, keeper, (await receipt(date, 1000 + i * 100, 1100 + i * 50)).id);
      await posted(t, keeper, (await issue(date, 500)).id);
    }
    const later = await posted(t, keeper, (await receipt(addDays(lockDate, 2), 3000, 5000)).id);
    await t.request(keeper, 'POST', `/api/v1/stock/documents/${later.id}/reverse`, {});
    // Postings into the closed period are refused on the way.
    await refusedAsClosed(`/api/v1/stock/documents/${(await issue(lockDate, 1000)).id}/post`);
    expect(await valuationOn(lockDate)).toEqual(atLock);
    expect(await valuationOn(addDays(lockDate, -1))).toEqual(eve);
    expect(atLock.totalValueCents).toBe(10_000);
    // Reopening the period lets the same posting through: the lock is the only thing refusing it.
    await closeAt(null);
    const late = await issue(lockDate, 1000);
    expect((await posted(t, keeper, late.id)).number).toBeTruthy();
  });
});
