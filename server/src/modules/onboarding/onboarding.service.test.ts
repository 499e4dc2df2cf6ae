import { beforeAll, describe, expect, it } from 'vitest';
import { aModel, aPart, aPostedReceipt, aSupplier, aTechnician, aWarehouse } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import type { FirstStepKey, FirstSteps } from './onboarding.schema';

describe.each(DIALECTS)('first steps of a new company on %s', (dialect) => {
  const t = useTestApp(dialect);
  let owner: Session;

  beforeAll(async () => {
    owner = await t.setup({ demo: false });
  });

  async function firstSteps(session: Session): Promise<FirstSteps> {
    const res = await t.request(session, 'GET', '/api/v1/first-steps');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const done = (s: FirstSteps) => s.steps.filter((x) => x.done).map((x) => x.key);
  const step = (s: FirstSteps, key: FirstStepKey) => s.steps.find((x) => x.key === key);

  it('an empty install has every step open, in order, and the owner may do each one', async () => {
    const s = await firstSteps(owner);
    expect(s.steps.map((x) => x.key)).toEqual([
      'company',
      'warehouse',
      'catalog',
      'technicians',
      'users',
      'numbering',
      'stockReceipt',
    ]);
    expect(s).toMatchObject({ doneCount: 0, total: 7, allDone: false });
    expect(s.steps.every((x) => !x.done && x.mayAct)).toBe(true);
    expect(step(s, 'users')?.count).toBe(1);
  });

  it('only a signed-in user may read the steps', async () => {
    expect((await t.request(null, 'GET', '/api/v1/first-steps')).statusCode).toBe(401);
  });

  it('each step ticks itself from the data, one after another, until all are done', async () => {
    // The company's name alone (as setup leaves it) is not its requisites: the ЕИК and address are needed too.
    const company = (await t.request(owner, 'GET', '/api/v1/company')).json();
    const save = (patch: Record<string, unknown>) =>
      t.request(owner, 'PUT', '/api/v1/company', {
        legalName: company.legalName,
        vatRegistered: false,
        defaultVatRateBp: 2000,
        fiscalDeviceRequired: false,
        bankAccounts: [],
        ...patch,
      });
    expect((await save({ uic: '131129282' })).statusCode).toBe(200);
    expect(done(await firstSteps(owner))).toEqual([]);
    expect((await save({ uic: '131129282', city: 'София', address: 'ул. Раковски 1' })).statusCode).toBe(200);
    expect(done(await firstSteps(owner))).toEqual(['company']);

    const warehouse = await aWarehouse(t, owner);
    expect(step(await firstSteps(owner), 'warehouse')).toMatchObject({ done: true, count: 1 });

    // A brand alone is not a catalogue; a model (or a part) is.
    await aModel(t, owner);
    expect(step(await firstSteps(owner), 'catalog')).toMatchObject({ done: true, count: 1 });

    await aTechnician(t, owner);
    expect(step(await firstSteps(owner), 'technicians')).toMatchObject({ done: true, count: 1 });

    await t.signInAs('reception');
    expect(step(await firstSteps(owner), 'users')).toMatchObject({ done: true, count: 2 });

    // Saving a series (here the receipts' next number) is reviewing the numbering.
    const series = (await t.request(owner, 'GET', '/api/v1/numbering-series')).json().items as {
      id: string;
      docType: string;
      isDefault: boolean;
    }[];
    const receipts = series.find((x) => x.docType === 'stock_receipt' && x.isDefault) ?? series[0];
    expect(
      (await t.request(owner, 'PATCH', `/api/v1/numbering-series/${receipts?.id}`, { nextNumber: 101 }))
        .statusCode,
    ).toBe(200);
    expect(done(await firstSteps(owner))).toEqual([
      'company',
      'warehouse',
      'catalog',
      'technicians',
      'users',
      'numbering',
    ]);

    const part = await aPart(t, owner);
    const supplier = await aSupplier(t, owner);
    await aPostedReceipt(t, owner, {
      warehouseId: warehouse.id,
      supplierId: supplier.id,
      lines: [{ partId: part.id, quantityMilli: 2000, unitCostCents: 396 }],
    });
    const s = await firstSteps(owner);
    expect(s).toMatchObject({ doneCount: 7, total: 7, allDone: true });
    expect(step(s, 'stockReceipt')).toMatchObject({ done: true, count: 1 });
    expect(step(s, 'catalog')?.count).toBe(2);
  });

  it('each user sees the same progress, and may act only on the steps their role may do', async () => {
    const keeper = await t.signInAs('storekeeper');
    const s = await firstSteps(keeper);
    expect(s.allDone).toBe(true);
    const mayAct = (x: FirstSteps) => x.steps.filter((y) => y.mayAct).map((y) => y.key);
    expect(mayAct(s)).toEqual(['warehouse', 'catalog', 'stockReceipt']);
    expect(mayAct(await firstSteps(await t.signInAs('technician')))).toEqual([]);
    expect(mayAct(await firstSteps(await t.signInAs('accountant')))).toEqual(['numbering']);
  });
});

describe.each(DIALECTS)('first steps of a company that starts with stock on %s', (dialect) => {
  const t = useTestApp(dialect);

  it('a part alone is a catalogue; a numbering series used by a document counts as reviewed', async () => {
    const owner = await t.setup({ demo: false });
    const part = await aPart(t, owner);
    const warehouse = await aWarehouse(t, owner);
    const supplier = await aSupplier(t, owner);
    await aPostedReceipt(t, owner, {
      warehouseId: warehouse.id,
      supplierId: supplier.id,
      lines: [{ partId: part.id, quantityMilli: 1000, unitCostCents: 100 }],
    });
    const s = (await t.request(owner, 'GET', '/api/v1/first-steps')).json() as FirstSteps;
    expect(s.steps.filter((x) => x.done).map((x) => x.key)).toEqual([
      'warehouse',
      'catalog',
      'numbering',
      'stockReceipt',
    ]);
  });
});
