import { beforeAll, describe, expect, it } from 'vitest';
import {
  aCustomer,
  aModel,
  anItem,
  aPart,
  aPostedReceipt,
  aReceipt,
  aService,
  aSite,
  aSupplier,
  aTechnician,
  aTransfer,
  aUser,
  aVan,
  aWarehouse,
} from './factories';
import { DIALECTS, type Session, useTestApp } from './harness';

describe.each(DIALECTS)('factories on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  beforeAll(async () => {
    admin = await t.setup();
  });

  it('make master data with unique defaults, and take overrides', async () => {
    const [a, b] = [await aCustomer(t, admin), await aCustomer(t, admin)];
    expect(a.name).not.toBe(b.name);
    expect(await aCustomer(t, admin, { kind: 'person', name: 'Иван Петров' })).toMatchObject({
      kind: 'person',
      name: 'Иван Петров',
    });
    expect(await aSite(t, admin, a.id)).toMatchObject({ partyId: a.id });
    const model = await aModel(t, admin);
    const item = await anItem(t, admin, { modelId: model.id, partyId: a.id });
    expect(item).toMatchObject({ modelId: model.id, partyId: a.id });
    expect(await aService(t, admin)).toMatchObject({ normMinutes: 60, pricing: 'hourly' });
    expect(await aPart(t, admin, { minStockMilli: 2000 })).toMatchObject({ minStockMilli: 2000 });
    const keeper = await aUser(t, 'storekeeper');
    expect(keeper.role).toBe('storekeeper');
    const technician = await aTechnician(t, admin);
    expect(await aVan(t, keeper, { technicianId: technician.id })).toMatchObject({
      kind: 'van',
      technicianId: technician.id,
    });
    expect(await aVan(t, admin)).toMatchObject({ kind: 'van' });
  });

  it('make stock documents: a draft receipt, a posted one and a posted transfer', async () => {
    const supplier = await aSupplier(t, admin);
    const [from, to, part] = [await aWarehouse(t, admin), await aWarehouse(t, admin), await aPart(t, admin)];
    const line = { partId: part.id, quantityMilli: 3000, unitCostCents: 250 };
    expect(
      await aReceipt(t, admin, { warehouseId: from.id, supplierId: supplier.id, lines: [line] }),
    ).toMatchObject({ status: 'draft', number: null });
    const receipt = await aPostedReceipt(t, admin, {
      warehouseId: from.id,
      supplierId: supplier.id,
      lines: [line],
    });
    expect(receipt).toMatchObject({ status: 'posted', type: 'receipt' });
    const transfer = await aTransfer(t, admin, {
      warehouseId: from.id,
      toWarehouseId: to.id,
      lines: [{ partId: part.id, quantityMilli: 1000 }],
    });
    expect(transfer).toMatchObject({ status: 'posted', type: 'transfer', toWarehouseId: to.id });
  });
});
