import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aPart, aPostedReceipt, aSupplier, aUser, aWarehouse } from '../../../test/factories';
import { type FakeErpNetFp, startFakeErpNetFp } from '../../../test/fake-erpnet-fp';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';

/**
 * Over-the-counter sales of parts (issue 13 item 3; ADR 0026) through the HTTP API on both databases: the receipt
 * numbered and paid into the cash desk, the parts' stock issued in the same transaction, the storno bringing them
 * back; a quantity above the free stock refused with nothing written (no receipt, no issue, no number used); two
 * sales of the last unit at once: one wins. The list, its filters and its CSV.
 */
describe.each(DIALECTS)('counter sales on %s', (dialect) => {
  const t = useTestApp(dialect);
  let fake: FakeErpNetFp;
  let admin: Session;
  let desk: Session;
  let tech: Session;
  let cash: string;
  let store: string;
  let supplier: string;
  const { json, refused, send } = requests(t, () => desk);

  /** A part (12.50 without VAT, 20 %) with `onHand` units received into the store at 5.00. */
  const aStockedPart = async (onHand: number, overrides: Json = {}) => {
    const part = await aPart(t, admin, { salePriceCents: 1250, vatRateBp: 2000, ...overrides });
    await aPostedReceipt(t, admin, {
      warehouseId: store,
      supplierId: supplier,
      lines: [{ partId: part.id, quantityMilli: onHand * 1000, unitCostCents: 500 }],
    });
    return part.id as string;
  };
  const onHand = async (partId: string) => {
    const page = await json(admin, 'GET', `/api/v1/stock/levels?warehouseId=${store}&partId=${partId}`);
    return page.items[0]?.onHandMilli ?? 0;
  };
  const balance = async () => (await json(admin, 'GET', `/api/v1/money-accounts/${cash}`)).balanceCents;
  const sale = (lines: Json[], body: Json = {}, status = 201) =>
    json(
      desk,
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      { warehouseId: store, method: 'cash', accountId: cash, lines, ...body },
      status,
    );

  beforeAll(async () => {
    fake = await startFakeErpNetFp();
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    tech = await aUser(t, 'technician');
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
    store = (await aWarehouse(t, admin)).id;
    supplier = (await aSupplier(t, admin)).id;
  });
  afterAll(async () => {
    await fake.close();
  });

  it('sells parts to a walk-in buyer: priced from the catalogue or by hand, paid, numbered, the stock issued; the storno returns it', async () => {
    const a = await aStockedPart(5);
    const b = await aStockedPart(3, { salePriceCents: 4000 });
    const before = await balance();
    const r = await sale([
      { partId: a, quantityMilli: 2000 },
      { partId: b, quantityMilli: 1000, unitPriceCents: 3000, discountBp: 1000 },
    ]);
    // 12.50 + 20 % = 15.00 × 2 = 30.00; 30.00 + 20 % = 36.00 at 10 % off = 32.40.
    expect(r.lines.map((l: Json) => [l.partId, l.quantityMilli, l.unitPriceCents, l.totalCents])).toEqual([
      [a, 2000, 1250, 3000],
      [b, 1000, 3000, 3240],
    ]);
    expect(r).toMatchObject({
      status: 'issued',
      orderId: null,
      partyId: null,
      partyName: null,
      totalCents: 6240,
      netCents: 5200,
      vatCents: 1040,
      fiscalStatus: 'no_device',
    });
    expect(r.number).toMatch(/^\d{10}$/);
    expect(r.uniqueSaleNumber).toMatch(/^NODEVICE-0001-\d{7}$/);
    expect(r.stockIssues).toEqual([
      { id: expect.any(String), number: expect.any(String), status: 'posted', reversal: false },
    ]);
    expect(await onHand(a)).toBe(3000);
    expect(await onHand(b)).toBe(2000);
    expect(await balance()).toBe(before + 6240);
    const issue = await json(admin, 'GET', `/api/v1/stock/documents/${r.stockIssues[0].id}`);
    expect(issue).toMatchObject({ type: 'issue', status: 'posted', warehouseId: store });

    // The next sale takes the next number.
    const next = await sale([{ partId: a, quantityMilli: 1000 }]);
    expect(Number(next.number)).toBe(Number(r.number) + 1);

    const s = await json(desk, 'POST', `/api/v1/sale-receipts/${r.id}/storno`, { reason: 'refund' });
    expect(s.status).toBe('reversed');
    expect(s.stockIssues.map((d: Json) => [d.status, d.reversal])).toEqual([
      ['reversed', false],
      ['posted', true],
    ]);
    expect(await onHand(a)).toBe(2000 + 2000);
    expect(await onHand(b)).toBe(3000);
    expect(await balance()).toBe(before + 1500);
  });

  it('a named customer: on the receipt and in the list filters and the CSV', async () => {
    const partId = await aStockedPart(2);
    const customer = await aCustomer(t, admin, { name: 'Мария Иванова' });
    const r = await sale([{ partId, quantityMilli: 1000 }], { partyId: customer.id, method: 'card' });
    expect(r).toMatchObject({ partyId: customer.id, partyName: 'Мария Иванова', method: 'card' });
    const page = await json(
      desk,
      'GET',
      `/api/v1/sale-receipts?source=counter&q=${encodeURIComponent('иванова')}`,
    );
    expect(page.items.map((x: Json) => x.id)).toEqual([r.id]);
    const none = await json(desk, 'GET', `/api/v1/sale-receipts?source=order&partyId=${customer.id}`);
    expect(none.total).toBe(0);
    const byMethod = await json(desk, 'GET', '/api/v1/sale-receipts?method=card&status=issued');
    expect(byMethod.items.map((x: Json) => x.id)).toContain(r.id);
    const csv = await send(
      desk,
      'GET',
      `/api/v1/sale-receipts/export.csv?partyId=${customer.id}`,
      undefined,
      200,
    );
    expect(csv.body).toContain('unique_sale_number');
    expect(csv.body).toContain(r.number);
    expect(csv.body).toContain('Мария Иванова');
    expect(csv.body).toContain('15.00');
    await refused('GET', '/api/v1/sale-receipts', undefined, { status: 403, code: 'forbidden' }, tech);
  });

  it('refuses a quantity above the free stock, and bad input, with nothing written: no receipt, no issue, no number', async () => {
    const partId = await aStockedPart(2);
    const other = await aStockedPart(5);
    const first = await sale([{ partId: other, quantityMilli: 1000 }]);
    // Reserved stock is not free: one of the two units is held by a reservation.
    await t.db.transaction().execute(async (trx) => {
      const { reserveParts } = await import('../stock');
      await reserveParts(trx, { userId: null, role: 'admin' } as never, {
        warehouseId: store,
        sourceType: 'test',
        sourceId: 'hold',
        lines: [{ partId, quantityMilli: 1000 }],
      });
    });
    const problem = await refused(
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      {
        warehouseId: store,
        method: 'cash',
        accountId: cash,
        lines: [
          { partId: other, quantityMilli: 1000 },
          { partId, quantityMilli: 2000 },
        ],
      },
      { status: 409, code: 'insufficient_stock' },
    );
    expect(problem).toMatchObject({ partId, availableMilli: 1000 });
    const body = { warehouseId: store, method: 'cash', accountId: cash };
    await refused(
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      { ...body, lines: [] },
      { status: 400, code: 'too_small', field: 'lines' },
    );
    await refused(
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      { ...body, lines: [{ partId, quantityMilli: 0 }] },
      { status: 400, code: 'too_small', field: 'lines.0.quantityMilli' },
    );
    await refused(
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      { ...body, method: 'bank_transfer', lines: [{ partId, quantityMilli: 1000 }] },
      { status: 400, code: 'invalid_value', field: 'method' },
    );
    await refused(
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      { ...body, lines: [{ partId: 'no-such-part', quantityMilli: 1000 }] },
      { status: 400, code: 'unknown_part', field: 'lines.0.partId' },
    );
    await refused(
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      { ...body, lines: [{ partId, quantityMilli: 1000, unitPriceCents: 0 }] },
      { status: 400, code: 'receipt_total_zero', field: 'lines' },
    );
    await refused(
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      { ...body, lines: [{ partId, quantityMilli: 1000 }] },
      { status: 403, code: 'forbidden' },
      tech,
    );
    // The one free unit still sells, with the next number as if nothing had been tried.
    const ok = await sale([{ partId, quantityMilli: 1000 }]);
    expect(Number(ok.number)).toBe(Number(first.number) + 1);
  });

  it('two sales of the last unit at once: one wins, the other is 409 and writes nothing', async () => {
    const partId = await aStockedPart(1);
    const before = await balance();
    const body = {
      warehouseId: store,
      method: 'cash',
      accountId: cash,
      lines: [{ partId, quantityMilli: 1000 }],
    };
    const answers = await Promise.all([
      t.request(desk, 'POST', '/api/v1/sale-receipts/counter-sale', body),
      t.request(desk, 'POST', '/api/v1/sale-receipts/counter-sale', body),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json()).toMatchObject({ code: 'insufficient_stock' });
    expect(await onHand(partId)).toBe(0);
    expect(await balance()).toBe(before + 1500);
    const mine = await json(desk, 'GET', `/api/v1/sale-receipts?source=counter&pageSize=200`);
    const withPart = [];
    for (const r of mine.items) {
      const full = await json(desk, 'GET', `/api/v1/sale-receipts/${r.id}`);
      if (full.lines.some((l: Json) => l.partId === partId)) withPart.push(full);
    }
    expect(withPart).toHaveLength(1);
  });

  it('on the device: the counter sale is printed with its УНП and its parts', async () => {
    await json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: fake.url,
      printerId: fake.printerId,
      operator: '1',
      operatorPassword: 'pw',
    });
    await json(admin, 'POST', '/api/v1/fiscal-device/test');
    const partId = await aStockedPart(2, { nameBg: 'Филтър Б12' });
    const r = await sale([{ partId, quantityMilli: 2000 }], { method: 'card' });
    expect(r).toMatchObject({ fiscalised: true, fiscalStatus: 'printed' });
    expect(r.receiptNumber).toBeTruthy();
    const sent = fake.printed.at(-1)?.body as Json;
    expect(sent.uniqueSaleNumber).toBe(r.uniqueSaleNumber);
    expect(sent.items[0]).toMatchObject({ text: 'Филтър Б12', quantity: 2, unitPrice: 15 });
    expect(sent.payments).toEqual([{ paymentType: 'card', amount: 30 }]);
    await json(admin, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });
  });
});
