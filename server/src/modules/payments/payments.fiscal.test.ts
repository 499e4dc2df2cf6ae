import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, aUser, aVatCompany } from '../../../test/factories';
import { type FakeErpNetFp, startFakeErpNetFp } from '../../../test/fake-erpnet-fp';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';
import { todayDate } from '../../kernel/calendar';

/**
 * A customer payment in cash or by card is finished with a fiscal receipt (FIS-01, ADR 0037), through the receipts
 * flow, on both databases against the fake ErpNet.FP server: the receipt's lines are the invoices paid (by VAT rate)
 * and the advance, it shares the payment's money (the cash desk counts it once), a paper-out leaves it not
 * fiscalised until printed again, a bank transfer prints nothing, "no device" records it not fiscalised, and the
 * company setting "fiscal device required" refuses a cash or card sale without a device, nothing written.
 */
describe.each(DIALECTS)('customer payments on the fiscal device on %s', (dialect) => {
  const t = useTestApp(dialect);
  let fake: FakeErpNetFp;
  let admin: Session;
  let desk: Session;
  let customer: string;
  let cash: string;
  let bank: string;
  const { json, refused } = requests(t, () => desk);
  const today = todayDate();

  /** An issued invoice: 100.00 at 20 % and 50.00 at 9 % = 120.00 + 54.50 = 174.50. */
  const invoice = async () => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId: customer,
        documentDate: today,
        lines: [
          {
            description: 'Ремонт',
            quantityMilli: 1000,
            unit: 'бр.',
            unitPriceCents: 10_000,
            vatRateBp: 2000,
          },
          { description: 'Нощувка', quantityMilli: 1000, unit: 'бр.', unitPriceCents: 5000, vatRateBp: 900 },
        ],
      },
      201,
    );
    return json(desk, 'POST', `/api/v1/invoices/${d.id}/issue`);
  };
  const pay = (body: Json, status = 201) =>
    json(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId: customer, accountId: cash, method: 'cash', date: today, ...body },
      status,
    );
  const balance = async (id: string) =>
    (await json(admin, 'GET', `/api/v1/money-accounts/${id}`)).balanceCents as number;
  const useDevice = async () => {
    await json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: fake.url,
      printerId: fake.printerId,
      operator: '1',
      operatorPassword: 'pw',
    });
    return json(admin, 'POST', '/api/v1/fiscal-device/test');
  };

  beforeAll(async () => {
    fake = await startFakeErpNetFp();
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    customer = await anInvoiceCustomer(t, admin, 'Клиент В ООД');
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
    bank = (
      await json(
        admin,
        'POST',
        '/api/v1/money-accounts',
        { kind: 'bank', name: 'Банка', iban: 'BG80BNBG96611020345678', bankName: 'Банка' },
        201,
      )
    ).id;
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(async () => {
    fake.switches.paperOut = false;
    fake.switches.clockOffsetSeconds = 0;
    await json(admin, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });
    await aVatCompany(t, admin);
  });

  it('FIS-01: a cash payment of an invoice prints a fiscal receipt of the amount paid, by the invoice VAT rates, with its УНП and four fields; the cash desk counts the money once', async () => {
    const device = await useDevice();
    const inv = await invoice();
    const printedBefore = fake.printed.length;
    const before = await balance(cash);
    // 100.00 paid of 174.50: split 120.00 : 54.50 → 68.77 at 20 % and 31.23 at 9 %; 20.00 more is an advance.
    const p = await pay({ amountCents: 12_000, allocations: [{ invoiceId: inv.id, amountCents: 10_000 }] });
    expect(p.receipt).toMatchObject({ fiscalStatus: 'printed', fiscalErrorCode: null });
    expect(p.receipt.uniqueSaleNumber.startsWith(`${device.serialNumber}-0001-`)).toBe(true);
    expect(p.receipt.receiptNumber).toBeTruthy();
    expect(p.receipt.receiptDateTime).toBeTruthy();
    expect(p.receipt.fiscalMemorySerialNumber).toBe(device.fiscalMemorySerialNumber);
    expect(fake.printed).toHaveLength(printedBefore + 1);
    const sent = fake.printed.at(-1)?.body as Json;
    expect(sent.uniqueSaleNumber).toBe(p.receipt.uniqueSaleNumber);
    expect(sent.payments).toEqual([{ paymentType: 'cash', amount: 120 }]);
    const items = (sent.items as Json[]).filter((i) => (i.type ?? 'sale') === 'sale');
    expect(items.map((i) => [i.text, i.unitPrice, i.taxGroup])).toEqual([
      [`По ф-ра № ${inv.number}`, 31.23, 4],
      [`По ф-ра № ${inv.number}`, 68.77, 2],
      ['Авансово плащане', 20, 2],
    ]);
    // The receipt is the payment's: in the receipts list, on the payment's own money movement.
    const r = await json(desk, 'GET', `/api/v1/sale-receipts/${p.receipt.id}`);
    expect(r).toMatchObject({
      paymentId: p.id,
      movementId: p.movementId,
      totalCents: 12_000,
      method: 'cash',
      fiscalised: true,
      orderId: null,
    });
    expect(r.lines.map((l: Json) => [l.vatRateBp, l.totalCents, l.netCents, l.vatCents])).toEqual([
      [900, 3123, 2865, 258],
      [2000, 6877, 5731, 1146],
      [2000, 2000, 1667, 333],
    ]);
    expect(await balance(cash)).toBe(before + 12_000);
    const listed = await json(desk, 'GET', `/api/v1/sale-receipts?source=payment&q=${r.uniqueSaleNumber}`);
    expect(listed.items.map((i: Json) => i.id)).toEqual([r.id]);
    // A payment's receipt is not reversed alone.
    await refused(
      'POST',
      `/api/v1/sale-receipts/${r.id}/storno`,
      { reason: 'refund' },
      { status: 409, code: 'receipt_of_payment' },
    );
  });

  it('FIS-01: a card payment prints its receipt as a card payment; a bank transfer prints nothing', async () => {
    await useDevice();
    const inv = await invoice();
    const printedBefore = fake.printed.length;
    const card = await pay({ method: 'card', amountCents: 17_450, oldestFirst: true });
    expect(card.receipt).toMatchObject({ fiscalStatus: 'printed' });
    expect((fake.printed.at(-1)?.body as Json | undefined)?.payments).toEqual([
      { paymentType: 'card', amount: 174.5 },
    ]);
    expect(fake.printed).toHaveLength(printedBefore + 1);
    expect(card.allocations.map((a: Json) => a.invoiceId)).toContain(inv.id);
    const transfer = await pay({ method: 'bank_transfer', accountId: bank, amountCents: 1000 });
    expect(transfer.receipt).toBeNull();
    expect(fake.printed).toHaveLength(printedBefore + 1);
  });

  it('FIS-01: out of paper the payment is kept and its receipt not fiscalised until printed again, once', async () => {
    await useDevice();
    const printedBefore = fake.printed.length;
    fake.switches.paperOut = true;
    const p = await pay({ amountCents: 5000 });
    expect(p.receipt).toMatchObject({ fiscalStatus: 'failed', receiptNumber: null });
    expect(p.receipt.fiscalErrorCode).toBe('fiscal_paper_out');
    // The screen's words for it, in both languages.
    expect(p.receipt.fiscalErrorText).toEqual({
      bg: 'Във фискалното устройство няма хартия. Сложете нова ролка и опитайте отново.',
      en: 'The fiscal device is out of paper. Put in a new roll and try again.',
    });
    expect(fake.printed).toHaveLength(printedBefore);
    fake.switches.paperOut = false;
    const again = await json(desk, 'POST', `/api/v1/sale-receipts/${p.receipt.id}/print`);
    expect(again).toMatchObject({ fiscalStatus: 'printed', fiscalised: true });
    expect(fake.printed).toHaveLength(printedBefore + 1);
    expect((await json(desk, 'GET', `/api/v1/payments/${p.id}`)).receipt).toMatchObject({
      fiscalStatus: 'printed',
      receiptNumber: again.receiptNumber,
    });
    // Printed already: asked again, nothing more is printed.
    await json(desk, 'POST', `/api/v1/sale-receipts/${p.receipt.id}/print`);
    expect(fake.printed).toHaveLength(printedBefore + 1);
  });

  it('FIS-01: with no device the cash payment is recorded with a receipt not fiscalised, as a sale is', async () => {
    const printedBefore = fake.printed.length;
    const p = await pay({ amountCents: 3000 });
    expect(p.receipt).toMatchObject({ fiscalStatus: 'no_device', receiptNumber: null });
    expect(p.receipt.uniqueSaleNumber).toMatch(/^NODEVICE-0001-\d{7}$/);
    expect(fake.printed).toHaveLength(printedBefore);
  });

  it('FIS-01, D1: with "fiscal device required" and no device a cash or card payment and a counter sale are refused 409 fiscal_device_required, nothing written; a bank transfer is not', async () => {
    await aVatCompany(t, admin, { fiscalDeviceRequired: true });
    const before = await snapshotDatabase(t.db);
    for (const method of ['cash', 'card'])
      await refused(
        'POST',
        '/api/v1/payments',
        { partyId: customer, accountId: cash, method, date: today, amountCents: 1000 },
        { status: 409, code: 'fiscal_device_required' },
      );
    const res = await t.request(desk, 'POST', '/api/v1/sale-receipts/counter-sale', {
      method: 'cash',
      accountId: cash,
      warehouseId: 'none',
      lines: [{ partId: 'none', quantityMilli: 1000 }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'fiscal_device_required' });
    expect(res.json().title).toContain('Fiscal device required');
    expect(await snapshotDatabase(t.db)).toEqual(before);
    await pay({ method: 'bank_transfer', accountId: bank, amountCents: 1000 });
    // With the device set up, the same payment goes through and is printed.
    await useDevice();
    expect((await pay({ amountCents: 1000 })).receipt).toMatchObject({ fiscalStatus: 'printed' });
  });

  it("FIS-05: the device's clock 3 minutes off the server's: the status says so and a sale is not printed until the clock is right, then printed once", async () => {
    await useDevice();
    fake.switches.clockOffsetSeconds = 180;
    const status = await json(admin, 'POST', '/api/v1/fiscal-device/test');
    expect(status.clockInSync).toBe(false);
    expect(status.clockSkewSeconds).toBeGreaterThanOrEqual(175);
    const printedBefore = fake.printed.length;
    const p = await pay({ amountCents: 2500 });
    expect(p.receipt).toMatchObject({
      fiscalStatus: 'failed',
      fiscalErrorCode: 'fiscal_clock_out_of_sync',
      receiptNumber: null,
    });
    expect(fake.printed).toHaveLength(printedBefore);
    // Printed again with the clock still off: still refused, nothing printed.
    expect(await json(desk, 'POST', `/api/v1/sale-receipts/${p.receipt.id}/print`)).toMatchObject({
      fiscalStatus: 'failed',
      fiscalErrorCode: 'fiscal_clock_out_of_sync',
    });
    expect(fake.printed).toHaveLength(printedBefore);
    // Within the tolerance (a minute off) the device prints.
    fake.switches.clockOffsetSeconds = -60;
    expect((await json(admin, 'POST', '/api/v1/fiscal-device/test')).clockInSync).toBe(true);
    const again = await json(desk, 'POST', `/api/v1/sale-receipts/${p.receipt.id}/print`);
    expect(again).toMatchObject({ fiscalStatus: 'printed', fiscalErrorCode: null });
    expect(fake.printed).toHaveLength(printedBefore + 1);
  });
});
