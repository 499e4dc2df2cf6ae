import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, aUser, aVatCompany } from '../../../test/factories';
import { type FakeErpNetFp, startFakeErpNetFp } from '../../../test/fake-erpnet-fp';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';
import { todayDate } from '../../kernel/calendar';

/**
 * FIS-02 (ADR 0040): money of a cash or card customer payment going back to the customer (a refund against a credit
 * note, or of an advance) stornoes the payment's fiscal receipt (FIS-01, ADR 0037): written in the refund's
 * transaction, printed after the commit with its reason and the original's number, date-time, fiscal memory and УНП;
 * never beyond what the receipt sold less its earlier stornos; paper out leaves it not fiscalised until printed
 * again, once; a bank refund prints nothing. On both databases against the fake ErpNet.FP server.
 */
describe.each(DIALECTS)('refunds storno the payment receipt on %s', (dialect) => {
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
  /** A credit note of one line at 20 %: total = price × 1.2. */
  const credit = (invoiceId: string, priceCents: number) =>
    json(
      desk,
      'POST',
      `/api/v1/invoices/${invoiceId}/credit-note`,
      {
        reason: 'Върнат детайл',
        issue: true,
        lines: [
          {
            description: 'Детайл',
            quantityMilli: 1000,
            unit: 'бр.',
            unitPriceCents: priceCents,
            vatRateBp: 2000,
          },
        ],
      },
      201,
    );
  const pay = (body: Json) =>
    json(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId: customer, accountId: cash, method: 'cash', date: today, ...body },
      201,
    );
  const refund = (body: Json, status = 201) =>
    json(
      desk,
      'POST',
      '/api/v1/refunds',
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
    customer = await anInvoiceCustomer(t, admin, 'Клиент Сторно ООД');
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

  it("FIS-02: a cash refund of a credit note stornoes the payment's receipt with its reason, the original's number, date-time, fiscal memory and УНП; the balance formula holds", async () => {
    const device = await useDevice();
    const inv = await invoice();
    const p = await pay({ amountCents: 17_450, allocations: [{ invoiceId: inv.id, amountCents: 17_450 }] });
    expect(p.receipt).toMatchObject({ fiscalStatus: 'printed', stornoableCents: 17_450, stornos: [] });
    const note = await credit(inv.id, 5000);
    expect(note.totalCents).toBe(6000);
    // The refund dialog is offered the receipt of the payment that paid the note's invoice.
    const offer = await json(desk, 'GET', `/api/v1/refunds/refundable?partyId=${customer}`);
    expect(offer.creditNotes).toMatchObject([
      { id: note.id, refundableCents: 6000, receiptIds: [p.receipt.id] },
    ]);
    expect(offer.receipts).toMatchObject([{ id: p.receipt.id, paymentId: p.id, leftCents: 17_450 }]);
    const cashBefore = await balance(cash);
    const printedBefore = fake.printed.length;
    const r = await refund({
      allocations: [{ creditNoteId: note.id, amountCents: 6000 }],
      storno: { receiptId: p.receipt.id, reason: 'refund' },
    });
    expect(r.stornos).toHaveLength(1);
    const s = r.stornos[0];
    expect(s).toMatchObject({
      receiptId: p.receipt.id,
      receiptNumber: p.receipt.number,
      refundId: r.id,
      reason: 'refund',
      method: 'cash',
      totalCents: 6000,
      fiscalStatus: 'printed',
      fiscalised: true,
      // The storno reuses the original's УНП (FIS-05) and cites its four fields (FP-05).
      uniqueSaleNumber: p.receipt.uniqueSaleNumber,
      original: {
        receiptNumber: p.receipt.receiptNumber,
        receiptDateTime: p.receipt.receiptDateTime,
        fiscalMemorySerialNumber: device.fiscalMemorySerialNumber,
      },
      fiscalMemorySerialNumber: device.fiscalMemorySerialNumber,
    });
    expect(s.stornoReceiptNumber).toBeTruthy();
    expect(s.stornoReceiptNumber).not.toBe(p.receipt.receiptNumber);
    // 60.00 shared over the receipt's lines 54.50 (9 %) and 120.00 (20 %): 18.739… → 18.74 and 41.26.
    expect(s.lines.map((l: Json) => [l.vatRateBp, l.totalCents])).toEqual([
      [900, 1874],
      [2000, 4126],
    ]);
    expect(fake.printed).toHaveLength(printedBefore + 1);
    const sent = fake.printed.at(-1) as Json;
    expect(sent.action).toBe('reversalreceipt');
    expect(sent.body).toMatchObject({
      uniqueSaleNumber: p.receipt.uniqueSaleNumber,
      receiptNumber: p.receipt.receiptNumber,
      receiptDateTime: p.receipt.receiptDateTime,
      fiscalMemorySerialNumber: device.fiscalMemorySerialNumber,
      payments: [{ paymentType: 'cash', amount: 60 }],
    });
    expect(String(sent.body.reason)).toBeTruthy();
    // The money left the desk once; the payment's page shows the storno and what is left of its receipt.
    expect(await balance(cash)).toBe(cashBefore - 6000);
    const paid = await json(desk, 'GET', `/api/v1/payments/${p.id}`);
    expect(paid.receipt.stornoableCents).toBe(11_450);
    expect(paid.receipt.stornos.map((x: Json) => x.id)).toEqual([s.id]);
    expect((await json(desk, 'GET', `/api/v1/refunds/${r.id}`)).stornos.map((x: Json) => x.id)).toEqual([
      s.id,
    ]);
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=sale_receipt&entityId=${p.receipt.id}`);
    expect(audit.items.map((a: Json) => a.action)).toEqual(
      expect.arrayContaining(['sale_receipt.refund_storno', 'sale_receipt.storno_print']),
    );
    // invoices 174.50 − credit notes 60.00 − payments 174.50 + refunds 60.00 = 0: the customer is square.
    const rec = await json(desk, 'GET', `/api/v1/receivables?date=${today}`);
    expect(rec.items.find((i: Json) => i.partyId === customer)).toBeUndefined();
    // A storno printed on the device is not taken back: the refund is not undone.
    await refused(
      'POST',
      `/api/v1/refunds/${r.id}/undo`,
      { reason: 'Грешка' },
      { status: 409, code: 'refund_storno_printed' },
    );
  });

  it('FIS-02: a second refund beyond what is left of the receipt is 409 storno_exceeds_receipt with its field, nothing written', async () => {
    await useDevice();
    const inv = await invoice();
    // 50.00 in cash (its receipt), the rest by bank: the cash receipt sold 50.00 of the invoice.
    const p = await pay({ amountCents: 5000, allocations: [{ invoiceId: inv.id, amountCents: 5000 }] });
    await pay({
      method: 'bank_transfer',
      accountId: bank,
      amountCents: 12_450,
      allocations: [{ invoiceId: inv.id, amountCents: 12_450 }],
    });
    const note = await credit(inv.id, 5000);
    await refund({
      allocations: [{ creditNoteId: note.id, amountCents: 4000 }],
      storno: { receiptId: p.receipt.id, reason: 'taxbase-reduction' },
    });
    const printedBefore = fake.printed.length;
    const before = await snapshotDatabase(t.db);
    const res = await t.request(desk, 'POST', '/api/v1/refunds', {
      partyId: customer,
      accountId: cash,
      method: 'cash',
      date: today,
      allocations: [{ creditNoteId: note.id, amountCents: 2000 }],
      storno: { receiptId: p.receipt.id, reason: 'refund' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'storno_exceeds_receipt', field: 'storno.receiptId' });
    expect(res.json().detail ?? res.json().title).toContain('10.00');
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect(fake.printed).toHaveLength(printedBefore);
    // What is left goes through; then the receipt has nothing left to offer.
    const last = await refund({
      allocations: [{ creditNoteId: note.id, amountCents: 1000 }],
      storno: { receiptId: p.receipt.id, reason: 'refund' },
    });
    expect(last.stornos[0]).toMatchObject({ totalCents: 1000, fiscalStatus: 'printed' });
    const offer = await json(desk, 'GET', `/api/v1/refunds/refundable?partyId=${customer}`);
    expect(offer.receipts.map((x: Json) => x.id)).not.toContain(p.receipt.id);
  });

  it('FIS-02: out of paper the refund is kept and its storno not fiscalised until printed again, once; the clock does not hold a storno back', async () => {
    await useDevice();
    const p = await pay({ amountCents: 2000 });
    fake.switches.paperOut = true;
    fake.switches.clockOffsetSeconds = 600;
    const printedBefore = fake.printed.length;
    const cashBefore = await balance(cash);
    const r = await refund({
      allocations: [{ paymentId: p.id, amountCents: 2000 }],
      storno: { receiptId: p.receipt.id, reason: 'operator-error' },
    });
    expect(r.stornos[0]).toMatchObject({
      fiscalStatus: 'failed',
      fiscalErrorCode: 'fiscal_paper_out',
      stornoReceiptNumber: null,
    });
    expect(r.stornos[0].fiscalErrorText.en).toContain('out of paper');
    expect(fake.printed).toHaveLength(printedBefore);
    expect(await balance(cash)).toBe(cashBefore - 2000);
    fake.switches.paperOut = false;
    const again = await json(desk, 'POST', `/api/v1/sale-receipt-stornos/${r.stornos[0].id}/print`);
    expect(again).toMatchObject({ fiscalStatus: 'printed', fiscalised: true, reason: 'operator-error' });
    expect(fake.printed).toHaveLength(printedBefore + 1);
    await json(desk, 'POST', `/api/v1/sale-receipt-stornos/${r.stornos[0].id}/print`);
    expect(fake.printed).toHaveLength(printedBefore + 1);
  });

  it('FIS-02: a bank refund prints nothing; with no device the storno is recorded no_device; "fiscal device required" refuses a cash refund, nothing written', async () => {
    // No device: the payment's receipt and the refund's storno are recorded, not fiscalised.
    const p = await pay({ amountCents: 3000 });
    expect(p.receipt.fiscalStatus).toBe('no_device');
    const printedBefore = fake.printed.length;
    const r = await refund({
      allocations: [{ paymentId: p.id, amountCents: 1000 }],
      storno: { receiptId: p.receipt.id, reason: 'refund' },
    });
    expect(r.stornos[0]).toMatchObject({ fiscalStatus: 'no_device', fiscalised: false });
    // A bank refund names no storno and prints nothing.
    await refused(
      'POST',
      '/api/v1/refunds',
      {
        partyId: customer,
        accountId: bank,
        method: 'bank_transfer',
        date: today,
        allocations: [{ paymentId: p.id, amountCents: 1000 }],
        storno: { receiptId: p.receipt.id, reason: 'refund' },
      },
      { status: 400, code: 'storno_not_with_bank' },
    );
    const viaBank = await refund({
      accountId: bank,
      method: 'bank_transfer',
      allocations: [{ paymentId: p.id, amountCents: 1000 }],
    });
    expect(viaBank.stornos).toEqual([]);
    expect(fake.printed).toHaveLength(printedBefore);
    // "Fiscal device required" with no device: a cash refund is refused, nothing written.
    await aVatCompany(t, admin, { fiscalDeviceRequired: true });
    const before = await snapshotDatabase(t.db);
    await refused(
      'POST',
      '/api/v1/refunds',
      {
        partyId: customer,
        accountId: cash,
        method: 'cash',
        date: today,
        allocations: [{ paymentId: p.id, amountCents: 500 }],
        storno: { receiptId: p.receipt.id, reason: 'refund' },
      },
      { status: 409, code: 'fiscal_device_required' },
    );
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });
  it("an advance's refund with a storno is listed by its payment (GET /refunds?paymentId): the advance, the receipt's stornoable amount and the desk follow, and undo puts them back", async () => {
    // A 200.00 cash payment of which 174.50 pays an invoice: 25.50 advance. Another payment's refund and a note refund are
    // not listed by this payment.
    const inv = await invoice();
    const p = await pay({ amountCents: 20_000, allocations: [{ invoiceId: inv.id, amountCents: 17_450 }] });
    const other = await pay({ amountCents: 1000 });
    const note = await credit(inv.id, 1000);
    await refund({
      allocations: [{ creditNoteId: note.id, amountCents: 1200 }],
      storno: { receiptId: p.receipt.id, reason: 'taxbase-reduction' },
    });
    await refund({ allocations: [{ paymentId: other.id, amountCents: 400 }] });
    const deskBefore = await balance(cash);
    expect(await json(desk, 'GET', `/api/v1/payments/${p.id}`)).toMatchObject({
      unallocatedCents: 2550,
      refundedCents: 0,
      receipt: { stornoableCents: 20_000 - 1200 },
    });
    // More than the advance: 409 at the amount, nothing written.
    const before = await snapshotDatabase(t.db);
    await refused(
      'POST',
      '/api/v1/refunds',
      {
        partyId: customer,
        accountId: cash,
        method: 'cash',
        date: today,
        allocations: [{ paymentId: p.id, amountCents: 2551 }],
        storno: { receiptId: p.receipt.id, reason: 'refund' },
      },
      { status: 409, code: 'refund_exceeds_advance', field: 'allocations.0.amountCents' },
    );
    expect(await snapshotDatabase(t.db)).toEqual(before);
    const r = await refund({
      allocations: [{ paymentId: p.id, amountCents: 1550 }],
      storno: { receiptId: p.receipt.id, reason: 'refund' },
    });
    expect(r.stornos).toMatchObject([{ totalCents: 1550, reason: 'refund', fiscalStatus: 'no_device' }]);
    const listed = await json(desk, 'GET', `/api/v1/refunds?paymentId=${p.id}`);
    expect(listed.items.map((x: Json) => x.id)).toEqual([r.id]);
    expect(await json(desk, 'GET', `/api/v1/payments/${p.id}`)).toMatchObject({
      unallocatedCents: 1000,
      refundedCents: 1550,
      receipt: { stornoableCents: 20_000 - 1200 - 1550 },
    });
    const advance = (await json(desk, 'GET', `/api/v1/refunds/refundable?partyId=${customer}`)).advances.find(
      (a: Json) => a.paymentId === p.id,
    );
    expect(advance).toMatchObject({
      refundableCents: 1000,
      accountId: cash,
      method: 'cash',
      receiptId: p.receipt.id,
    });
    expect(await balance(cash)).toBe(deskBefore - 1550);
    // Undone (its storno recorded with no device): the advance, the receipt and the desk are back.
    await json(desk, 'POST', `/api/v1/refunds/${r.id}/undo`, { reason: 'Грешка' });
    expect(await json(desk, 'GET', `/api/v1/payments/${p.id}`)).toMatchObject({
      unallocatedCents: 2550,
      refundedCents: 0,
      receipt: { stornoableCents: 20_000 - 1200 },
    });
    const afterUndo = await json(desk, 'GET', `/api/v1/payments/${p.id}`);
    expect(afterUndo.receipt.stornos.find((x: Json) => x.refundId === r.id)).toMatchObject({
      refundUndone: true,
    });
    expect(await balance(cash)).toBe(deskBefore);
    expect((await json(desk, 'GET', `/api/v1/refunds?paymentId=${p.id}`)).items).toMatchObject([
      { id: r.id, undone: true },
    ]);
  });
});
