import { beforeAll, describe, expect, it } from 'vitest';
import { aPart, aPostedReceipt, aSupplier, aUser, aWarehouse } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import {
  activeReservationsOf,
  availableToReserve,
  checkLevels,
  getDocument,
  receivePartsForOrder,
  reserveAvailable,
  reverseDocumentTx,
} from './index';

const SOURCE = { sourceType: 'service_order', sourceId: '01900000-0000-7000-8000-00000000a001' };

describe.each(DIALECTS)('stock for service orders on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let keeper: Session;
  let supplierId: string;
  let main: string;

  beforeAll(async () => {
    admin = await t.setup();
    keeper = await aUser(t, 'storekeeper');
    supplierId = (await aSupplier(t, admin)).id;
    main = (await aWarehouse(t, keeper)).id;
  });

  it('reserveAvailable holds only what is available; the rest is left waiting', async () => {
    const p = await aPart(t, admin);
    await aPostedReceipt(t, keeper, {
      warehouseId: main,
      supplierId,
      lines: [{ partId: p.id, quantityMilli: 3000, unitCostCents: 100 }],
    });
    const key = { partId: p.id, warehouseId: main };
    const first = await t.db.transaction().execute((trx) =>
      reserveAvailable(trx, SYSTEM_ACTOR, {
        ...key,
        ...SOURCE,
        sourceLineId: 'line-1',
        quantityMilli: 2000,
      }),
    );
    expect(first.reservedMilli).toBe(2000);
    const second = await t.db.transaction().execute((trx) =>
      reserveAvailable(trx, SYSTEM_ACTOR, {
        ...key,
        ...SOURCE,
        sourceLineId: 'line-2',
        quantityMilli: 5000,
      }),
    );
    expect(second.reservedMilli).toBe(1000);
    const none = await t.db.transaction().execute((trx) =>
      reserveAvailable(trx, SYSTEM_ACTOR, {
        ...key,
        ...SOURCE,
        sourceLineId: 'line-3',
        quantityMilli: 1000,
      }),
    );
    expect(none).toEqual({ reservedMilli: 0, reservation: null });
    expect(await t.db.transaction().execute((trx) => availableToReserve(trx, key))).toBe(0);
    const held = await activeReservationsOf(t.db, { ...SOURCE, sourceLineId: 'line-2' });
    expect(held.map((r) => r.quantityMilli)).toEqual([1000]);
    expect((await checkLevels(t.db)).mismatches).toEqual([]);
  });

  it('receivePartsForOrder takes removed parts in at zero cost without a supplier; reverseDocumentTx undoes it in the caller’s transaction', async () => {
    const p = await aPart(t, admin);
    const receipt = await t.db.transaction().execute((trx) =>
      receivePartsForOrder(trx, SYSTEM_ACTOR, {
        warehouseId: main,
        ...SOURCE,
        reason: 'СП-1',
        lines: [{ partId: p.id, quantityMilli: 1000, unitCostCents: 0, serialNumbers: 'OLD-1' }],
      }),
    );
    expect(receipt).toMatchObject({
      type: 'receipt',
      status: 'posted',
      supplierId: null,
      totalValueCents: 0,
    });
    const mirror = await t.db
      .transaction()
      .execute((trx) => reverseDocumentTx(trx, SYSTEM_ACTOR, receipt.id));
    expect(mirror.reversalOfId).toBe(receipt.id);
    expect((await getDocument(t.db, receipt.id)).status).toBe('reversed');
    expect((await checkLevels(t.db)).mismatches).toEqual([]);
    // Through the API a receipt still needs its supplier.
    const draft = await t.request(keeper, 'POST', '/api/v1/stock/documents?post=true', {
      type: 'receipt',
      warehouseId: main,
      lines: [{ partId: p.id, quantityMilli: 1000, unitCostCents: 0 }],
    });
    expect(draft.statusCode).toBe(400);
    expect(draft.json()).toMatchObject({ code: 'required', field: 'supplierId' });
  });
});
