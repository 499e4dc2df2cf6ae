import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, anOrder, aUser, aVatCompany, moved } from '../../../test/factories';
import { type FakeErpNetFp, startFakeErpNetFp } from '../../../test/fake-erpnet-fp';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';

/**
 * Sale receipts (касова бележка, issue 13 items 3 and 4; ADR 0022) through the HTTP API on both databases: from an
 * order's customer lines, paid into the cash desk, the order billed once across invoices and receipts (also ten at
 * once), the УНП and the device's four fields stored (FIS-01, FIS-05), "no device" marked not fiscalised, a device
 * error kept and printed again, the storno with its reason (FIS-02) undoing the payment and the billing, and
 * refusals with nothing written. Against the local fake ErpNet.FP server.
 */
describe.each(DIALECTS)('sale receipts on %s', (dialect) => {
  const t = useTestApp(dialect);
  let fake: FakeErpNetFp;
  let admin: Session;
  let desk: Session;
  let tech: Session;
  let customerId: string;
  let cash: string;
  const { json, refused, send } = requests(t, () => desk);

  /** A ready order: 1.5 × 40.00 labour, 10.00 transport at 10 % off, a warranty line the customer does not pay. */
  const readyOrder = async () => {
    const o = await anOrder(t, admin, { partyId: customerId });
    const add = (body: Json) => json(desk, 'POST', `/api/v1/service-orders/${o.id}/lines`, body, 201);
    await add({
      kind: 'charge',
      description: 'Труд',
      quantityMilli: 1500,
      unitPriceCents: 4000,
      vatRateBp: 2000,
    });
    await add({
      kind: 'charge',
      description: 'Транспорт',
      quantityMilli: 1000,
      unitPriceCents: 1000,
      discountBp: 1000,
      vatRateBp: 2000,
    });
    await add({
      kind: 'charge',
      description: 'Гаранционен труд',
      quantityMilli: 1000,
      unitPriceCents: 9900,
      vatRateBp: 2000,
      payer: 'shop_warranty',
      payerReason: 'Повторен ремонт в гаранция',
    });
    await moved(t, desk, o.id, 'diagnosing', 'in_repair', 'ready');
    return o.id as string;
  };
  const balance = async () => (await json(admin, 'GET', `/api/v1/money-accounts/${cash}`)).balanceCents;
  const receipt = (orderId: string, body: Json = {}, status = 201) =>
    json(
      desk,
      'POST',
      '/api/v1/sale-receipts/from-order',
      { orderId, method: 'cash', accountId: cash, ...body },
      status,
    );

  beforeAll(async () => {
    fake = await startFakeErpNetFp();
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    tech = await aUser(t, 'technician');
    await aVatCompany(t, admin);
    customerId = await anInvoiceCustomer(t, admin, 'Иван Петров ЕООД');
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.switches.paperOut = false;
    fake.switches.loseTasks = false;
    fake.switches.slow = false;
  });

  it('no device: the customer lines with VAT, paid into the cash desk, not fiscalised; billed once; the storno undoes it', async () => {
    const orderId = await readyOrder();
    const before = await balance();
    const r = await receipt(orderId);
    // Labour 40.00 + 20 % = 48.00 × 1.5 = 72.00; transport 12.00 at 10 % off = 10.80; the warranty line stays off.
    expect(r.lines.map((l: Json) => [l.description, l.totalCents, l.netCents, l.vatCents])).toEqual([
      ['Труд', 7200, 6000, 1200],
      ['Транспорт', 1080, 900, 180],
    ]);
    expect(r).toMatchObject({
      status: 'issued',
      orderId,
      partyName: 'Иван Петров ЕООД',
      method: 'cash',
      totalCents: 8280,
      netCents: 6900,
      vatCents: 1380,
      fiscalised: false,
      fiscalStatus: 'no_device',
      receiptNumber: null,
    });
    expect(r.number).toMatch(/^\d{10}$/);
    expect(r.uniqueSaleNumber).toMatch(/^NODEVICE-0001-\d{7}$/);
    expect(await balance()).toBe(before + 8280);
    expect(fake.printed).toHaveLength(0);
    // The customer's copy (bg; bg_en on request).
    const text = await pdfText(
      (await send(desk, 'GET', `/api/v1/sale-receipts/${r.id}/pdf`, undefined, 200)).rawPayload,
    );
    expect(text).toContain('КАСОВА БЕЛЕЖКА');
    expect(text).toContain(r.number);
    expect(text).toContain(r.uniqueSaleNumber);
    expect(text).toContain('82,80');
    expect(text).toContain('не е фискализирана');
    const both = await pdfText(
      (await send(desk, 'GET', `/api/v1/sale-receipts/${r.id}/pdf?language=bg_en`, undefined, 200))
        .rawPayload,
    );
    expect(both).toContain('SALE RECEIPT');
    expect(both).toContain('Клиент / Customer');
    await refused(
      'GET',
      `/api/v1/sale-receipts/${r.id}/pdf`,
      undefined,
      { status: 403, code: 'forbidden' },
      tech,
    );
    // Billed once, whatever the document: a second receipt and an invoice are both refused, nothing written.
    await refused(
      'POST',
      '/api/v1/sale-receipts/from-order',
      { orderId, method: 'card', accountId: cash },
      { status: 409, code: 'order_already_billed', field: 'orderId' },
    );
    await refused(
      'POST',
      '/api/v1/invoices/from-order',
      { orderId },
      { status: 409, code: 'order_already_billed', field: 'orderId' },
    );
    // The storno (FIS-02): the payment reversed, the order free for another document (here an invoice).
    const s = await json(desk, 'POST', `/api/v1/sale-receipts/${r.id}/storno`, { reason: 'operator-error' });
    expect(s).toMatchObject({
      status: 'reversed',
      stornoReason: 'operator-error',
      stornoReceiptNumber: null,
    });
    expect(await balance()).toBe(before);
    await refused(
      'POST',
      `/api/v1/sale-receipts/${r.id}/storno`,
      { reason: 'refund' },
      { status: 409, code: 'receipt_not_issued' },
    );
    const inv = await json(desk, 'POST', '/api/v1/invoices/from-order', { orderId }, 201);
    expect(inv.totalCents).toBe(8280);
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=sale_receipt&entityId=${r.id}`);
    expect(audit.items.map((a: Json) => a.action).sort()).toEqual([
      'sale_receipt.create',
      'sale_receipt.print',
      'sale_receipt.storno',
    ]);
  });

  it('ten closings of one order at once, receipts and invoices mixed: one document, nine 409s', async () => {
    const orderId = await readyOrder();
    const before = await balance();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? t.request(desk, 'POST', '/api/v1/invoices/from-order', { orderId })
          : t.request(desk, 'POST', '/api/v1/sale-receipts/from-order', {
              orderId,
              method: 'cash',
              accountId: cash,
            }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array(9).fill(409)]);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json()).toMatchObject({ code: 'order_already_billed' });
    const won = answers.find((a) => a.statusCode === 201)?.json() as Json;
    // Money came in only when the receipt won.
    expect(await balance()).toBe(before + (won.uniqueSaleNumber ? 8280 : 0));
  });

  it('refuses bad input, an order not ready, and a device never tested, with nothing written', async () => {
    const o = await anOrder(t, admin, { partyId: customerId });
    await refused(
      'POST',
      '/api/v1/sale-receipts/from-order',
      { orderId: o.id, method: 'cash', accountId: cash },
      { status: 409, code: 'order_not_billable', field: 'orderId' },
    );
    const before = await snapshotDatabase(t.db);
    const bad = await send(desk, 'POST', '/api/v1/sale-receipts/from-order', {
      orderId: o.id,
      method: 'bank_transfer',
      accountId: cash,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'method' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    await refused(
      'POST',
      '/api/v1/sale-receipts/from-order',
      { orderId: o.id, method: 'cash', accountId: cash },
      { status: 403, code: 'forbidden' },
      tech,
    );
    const orderId = await readyOrder();
    await json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: fake.url,
      printerId: fake.printerId,
      operator: '1',
      operatorPassword: 'pw',
    });
    await refused(
      'POST',
      '/api/v1/sale-receipts/from-order',
      { orderId, method: 'cash', accountId: cash },
      { status: 409, code: 'fiscal_device_not_tested' },
    );
    await json(admin, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });
  });

  it('FIS-04, FIS-01: on the device a sale is finished only with its fiscal receipt: printed with its УНП and the four fields kept; a paper-out leaves it not fiscalised until printed again; the storno printed', async () => {
    await json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: fake.url,
      printerId: fake.printerId,
      operator: '1',
      operatorPassword: 'pw',
    });
    const device = await json(admin, 'POST', '/api/v1/fiscal-device/test');
    const printedBefore = fake.printed.length;
    const r = await receipt(await readyOrder(), { method: 'card' });
    expect(r).toMatchObject({ fiscalised: true, fiscalStatus: 'printed', method: 'card' });
    expect(r.uniqueSaleNumber.startsWith(`${device.serialNumber}-0001-`)).toBe(true);
    expect(r.receiptNumber).toBeTruthy();
    expect(r.receiptDateTime).toBeTruthy();
    expect(r.fiscalMemorySerialNumber).toBe(device.fiscalMemorySerialNumber);
    expect(fake.printed).toHaveLength(printedBefore + 1);
    const sent = fake.printed.at(-1)?.body as Json;
    expect(sent.uniqueSaleNumber).toBe(r.uniqueSaleNumber);
    expect(sent.payments).toEqual([{ paymentType: 'card', amount: 82.8 }]);

    // Out of paper: the sale is kept, marked failed with the device's code, and printed when asked again.
    fake.switches.paperOut = true;
    const p = await receipt(await readyOrder());
    expect(p).toMatchObject({ fiscalised: false, fiscalStatus: 'failed', receiptNumber: null });
    expect(p.fiscalErrorCode).toBeTruthy();
    fake.switches.paperOut = false;
    const again = await json(desk, 'POST', `/api/v1/sale-receipts/${p.id}/print`);
    expect(again).toMatchObject({ fiscalised: true, fiscalStatus: 'printed' });
    expect(fake.printed).toHaveLength(printedBefore + 2);

    const s = await json(desk, 'POST', `/api/v1/sale-receipts/${r.id}/storno`, { reason: 'refund' });
    expect(s).toMatchObject({ status: 'reversed', stornoReason: 'refund' });
    expect(s.stornoReceiptNumber).toBeTruthy();
    expect(fake.printed).toHaveLength(printedBefore + 3);
    expect(fake.printed.at(-1)?.body).toMatchObject({
      uniqueSaleNumber: r.uniqueSaleNumber,
      receiptNumber: r.receiptNumber,
      fiscalMemorySerialNumber: r.fiscalMemorySerialNumber,
      reason: 'refund',
    });
    await json(admin, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });
  });
});
