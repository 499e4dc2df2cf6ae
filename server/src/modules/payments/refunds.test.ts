import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aUser } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { todayDate } from '../../kernel/calendar';

/**
 * Refunds against credit notes (issue 13, item 6; ADR 0029) through the HTTP API on both databases: a credit note on
 * a paid invoice leaves the customer money to get back; the refund pays it out of a cash desk (never below zero) or a
 * bank account, against one or more credit notes or an unused advance; the receivables balance is invoices + debit
 * notes − credit notes − payments − write-offs + refunds; bad input is refused with its code and field, nothing
 * written; an undone refund puts the money back.
 */
describe.each(DIALECTS)('refunds against credit notes on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let tech: Session;
  const { json, refused, send } = requests(t, () => desk);
  const today = todayDate();
  let a: string;
  let b: string;
  let cash: string;
  let bank: string;
  let aNoteId = '';

  /** An issued invoice of one line at 20 % VAT: total = price × 1.2. */
  const invoice = async (partyId: string, priceCents: number) => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId,
        documentDate: today,
        dueDate: today,
        lines: [
          {
            description: 'Ремонт',
            quantityMilli: 1000,
            unit: 'бр.',
            unitPriceCents: priceCents,
            vatRateBp: 2000,
          },
        ],
      },
      201,
    );
    return json(desk, 'POST', `/api/v1/invoices/${d.id}/issue`);
  };
  /** An issued credit note of one line at 20 % on an invoice: total = price × 1.2. */
  const credit = (invoiceId: string, priceCents: number) =>
    json(
      desk,
      'POST',
      `/api/v1/invoices/${invoiceId}/credit-note`,
      {
        reason: 'Върнат дефектен детайл',
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
  const pay = (partyId: string, amountCents: number, allocations: Json[] = [], accountId = cash) =>
    json(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId, accountId, method: 'cash', date: today, amountCents, allocations },
      201,
    );
  const balanceOf = async (partyId: string) => {
    const r = await json(desk, 'GET', `/api/v1/receivables?date=${today}`);
    return (r.items as Json[]).find((i) => i.partyId === partyId) ?? null;
  };
  const cashBalance = async (id = cash) =>
    (await json(desk, 'GET', `/api/v1/money-accounts/${id}`)).balanceCents;

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    tech = await aUser(t, 'technician');
    await json(admin, 'PUT', '/api/v1/company', {
      legalName: 'Тест Сервиз ООД',
      uic: '131129282',
      vatNumber: 'BG131129282',
      vatRegistered: true,
      defaultVatRateBp: 2000,
      fiscalDeviceRequired: false,
      city: 'София',
      address: 'бул. „Витоша“ 15',
      postcode: '1000',
      mol: 'Петър Петров',
      bankAccounts: [],
    });
    const addresses = [{ label: 'billing', city: 'Пловдив', address: 'ул. „Главна“ 1' }];
    a = (await aCustomer(t, admin, { name: 'Клиент А ООД', uic: '020469788', addresses })).id;
    b = (await aCustomer(t, admin, { name: 'Клиент Б ЕООД', uic: '131129282', addresses })).id;
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
    bank = (
      await json(
        admin,
        'POST',
        '/api/v1/money-accounts',
        { kind: 'bank', name: 'Банка', bankName: 'УниКредит', iban: 'BG80BNBG96611020345678' },
        201,
      )
    ).id;
  });

  it('a credit note on a paid invoice is owed back; the refund pays it out of the cash desk and the balance follows (INV-11)', async () => {
    // Invoice 100.00 + 20 % = 120.00, paid in full in cash; then a credit of 25.00 + 20 % = 30.00.
    const inv = await invoice(a, 10_000);
    await pay(a, 12_000, [{ invoiceId: inv.id, amountCents: 12_000 }]);
    expect(await cashBalance()).toBe(12_000);
    const note = await credit(inv.id, 2500);
    expect(note).toMatchObject({ kind: 'credit_note', totalCents: 3000 });
    aNoteId = note.id;
    // Balance = 120.00 − 30.00 − 120.00 = −30.00: the customer is owed 30.00.
    expect(await balanceOf(a)).toMatchObject({
      openCents: 0,
      advanceCents: 0,
      creditCents: 3000,
      balanceCents: -3000,
    });
    const owed = await json(desk, 'GET', `/api/v1/refunds/refundable?partyId=${a}`);
    expect(owed).toMatchObject({
      totalCents: 3000,
      creditNotes: [{ id: note.id, refundableCents: 3000, refundedCents: 0 }],
      advances: [],
    });

    const refund = await json(
      desk,
      'POST',
      '/api/v1/refunds',
      {
        partyId: a,
        accountId: cash,
        method: 'cash',
        date: today,
        allocations: [{ creditNoteId: note.id, amountCents: 3000 }],
      },
      201,
    );
    expect(refund).toMatchObject({
      amountCents: 3000,
      method: 'cash',
      undone: false,
      allocations: [{ creditNoteId: note.id, creditNoteNumber: note.number, amountCents: 3000 }],
    });
    expect(refund.number).toMatch(/\d/);
    // The cash desk: 120.00 in, 30.00 out; the movement is a leg of −30.00.
    expect(await cashBalance()).toBe(9000);
    const moves = await json(
      desk,
      'GET',
      `/api/v1/money-accounts/${cash}/movements?from=${today}&to=${today}`,
    );
    expect(JSON.stringify(moves)).toContain(refund.number);
    // Balance = 120.00 − 30.00 − 120.00 + 30.00 = 0: the customer drops out of the receivables.
    expect(await balanceOf(a)).toBeNull();
    expect((await json(desk, 'GET', `/api/v1/refunds/refundable?partyId=${a}`)).totalCents).toBe(0);
    // The statement: invoice 120.00 paid 120.00, the credit note −30.00, the refund 30.00; balance 0.00.
    const pdf = await send(
      desk,
      'GET',
      `/api/v1/receivables/${a}/statement/pdf?language=bg_en`,
      undefined,
      200,
    );
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Върнати суми / Money paid back');
    expect(text).toContain(refund.number);
    expect(text).toMatch(/Върнато по кредитни известия \/ Paid back on credit notes:\s*30,00\s€/);
    expect(text).toMatch(/Салдо \/ Balance:\s*0,00\s€/);
    expect((await json(desk, 'GET', `/api/v1/refunds?creditNoteId=${note.id}`)).items).toHaveLength(1);
    // A refunded credit note is not cancelled until the refund is undone.
    await refused(
      'POST',
      `/api/v1/invoices/${note.id}/cancel`,
      { reason: 'Грешка' },
      { status: 409, code: 'credit_note_refunded' },
      admin,
    );
    // Nor is the invoice's payment taken off it while the credit's money is paid back.
    const settlement = await json(desk, 'GET', `/api/v1/invoices/${inv.id}/payments`);
    const allocation = (settlement.allocations as Json[])[0] as Json;
    await refused(
      'POST',
      `/api/v1/payment-allocations/${allocation.id}/undo`,
      { reason: 'Грешка' },
      { status: 409, code: 'allocation_refunded' },
    );

    // Undo: the money comes back into the cash desk by a reversal, the refund stays, marked; the credit is owed again.
    const undone = await json(desk, 'POST', `/api/v1/refunds/${refund.id}/undo`, {
      reason: 'Клиентът не дойде',
    });
    expect(undone).toMatchObject({ undone: true, undoReason: 'Клиентът не дойде' });
    expect(undone.reversalNumber).toBeTruthy();
    expect(await cashBalance()).toBe(12_000);
    expect(await balanceOf(a)).toMatchObject({ creditCents: 3000, balanceCents: -3000 });
    await refused(
      'POST',
      `/api/v1/refunds/${refund.id}/undo`,
      { reason: 'Пак' },
      { status: 409, code: 'refund_already_undone' },
    );
    // Paid back again, this time from the bank account.
    await json(
      desk,
      'POST',
      '/api/v1/refunds',
      {
        partyId: a,
        accountId: bank,
        method: 'bank_transfer',
        date: today,
        allocations: [{ creditNoteId: note.id, amountCents: 3000 }],
      },
      201,
    );
    expect(await cashBalance(bank)).toBe(-3000);
    expect(await balanceOf(a)).toBeNull();
  });

  it('refuses refunding more than is owed, another customer’s note, a cash desk without the cash, and a cash refund without the storno when a device is set up (FIS-02); nothing written', async () => {
    // Customer B: invoice 50.00 + 20 % = 60.00, paid 60.00 into the bank; credit notes of 12.00 and 6.00.
    const inv = await invoice(b, 5000);
    await pay(b, 6000, [{ invoiceId: inv.id, amountCents: 6000 }], bank);
    const n1 = await credit(inv.id, 1000);
    const n2 = await credit(inv.id, 500);
    // An unpaid invoice of B with a credit note: nothing is owed back on it (the credit only lowers what is open).
    const unpaid = await invoice(b, 5000);
    const n3 = await credit(unpaid.id, 1000);
    const body = (allocations: Json[], extra: Json = {}) => ({
      partyId: b,
      accountId: cash,
      method: 'cash',
      date: today,
      allocations,
      ...extra,
    });
    await refused('POST', '/api/v1/refunds', body([{ creditNoteId: n1.id, amountCents: 1201 }]), {
      status: 409,
      code: 'refund_exceeds_credit',
      field: 'allocations.0.amountCents',
    });
    // Twice the same note in one request: 12.00 + 0.01 > 12.00.
    await refused(
      'POST',
      '/api/v1/refunds',
      body([
        { creditNoteId: n1.id, amountCents: 1200 },
        { creditNoteId: n1.id, amountCents: 1 },
      ]),
      { status: 409, code: 'refund_exceeds_credit', field: 'allocations.1.amountCents' },
    );
    await refused('POST', '/api/v1/refunds', body([{ creditNoteId: n3.id, amountCents: 100 }]), {
      status: 409,
      code: 'refund_exceeds_owed',
      field: 'allocations.0.amountCents',
    });
    // Customer A's note is not B's to get back.
    await refused('POST', '/api/v1/refunds', body([{ creditNoteId: aNoteId, amountCents: 100 }]), {
      status: 409,
      code: 'credit_note_other_customer',
      field: 'allocations.0.creditNoteId',
    });
    await refused('POST', '/api/v1/refunds', body([{ creditNoteId: inv.id, amountCents: 100 }]), {
      status: 409,
      code: 'refund_not_credit_note',
      field: 'allocations.0.creditNoteId',
    });
    await refused('POST', '/api/v1/refunds', body([{ creditNoteId: 'nope', amountCents: 100 }]), {
      status: 400,
      code: 'unknown_credit_note',
      field: 'allocations.0.creditNoteId',
    });
    await refused(
      'POST',
      '/api/v1/refunds',
      body([{ creditNoteId: n1.id, paymentId: 'x', amountCents: 100 }]),
      { status: 400, code: 'refund_target_one', field: 'allocations.0' },
    );
    // An empty cash desk: 18.00 out of a desk holding nothing.
    const empty = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Празна' }, 201))
      .id;
    await refused(
      'POST',
      '/api/v1/refunds',
      body(
        [
          { creditNoteId: n1.id, amountCents: 1200 },
          { creditNoteId: n2.id, amountCents: 600 },
        ],
        { accountId: empty },
      ),
      { status: 409, code: 'cash_desk_negative', field: 'amountCents' },
    );
    await refused(
      'POST',
      '/api/v1/refunds',
      body([{ creditNoteId: n1.id, amountCents: 100 }]),
      {
        status: 403,
        code: 'forbidden',
      },
      tech,
    );
    // A fiscal device is set up: a cash refund needs the storno receipt; a bank transfer does not.
    await json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: 'http://127.0.0.1:1',
      printerId: 'dt1',
    });
    await refused('POST', '/api/v1/refunds', body([{ creditNoteId: n1.id, amountCents: 1200 }]), {
      status: 409,
      code: 'refund_needs_fiscal_storno',
      field: 'stornoReceipt',
    });
    const withStorno = await json(
      desk,
      'POST',
      '/api/v1/refunds',
      body(
        [
          { creditNoteId: n1.id, amountCents: 1200 },
          { creditNoteId: n2.id, amountCents: 600 },
        ],
        { stornoReceipt: { receiptNumber: '0000123', receiptDateTime: `${today}T10:15:00` } },
      ),
      201,
    );
    expect(withStorno).toMatchObject({ amountCents: 1800, stornoReceiptNumber: '0000123' });
    await json(admin, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });
    // Both notes are paid back: nothing more is owed on the invoice.
    await refused('POST', '/api/v1/refunds', body([{ creditNoteId: n2.id, amountCents: 1 }]), {
      status: 409,
      code: 'refund_exceeds_credit',
      field: 'allocations.0.amountCents',
    });
    // B: 60.00 + 60.00 − 12.00 − 6.00 − 12.00 − 60.00 + 18.00 = 48.00 (the unpaid invoice less its credit).
    expect(await balanceOf(b)).toMatchObject({ openCents: 4800, creditCents: 0, balanceCents: 4800 });
  });

  it('pays back an unused advance; the advance cannot be paid back twice nor then allocated', async () => {
    // Customer B pays 20.00 with nothing allocated: an advance.
    const p = await pay(b, 2000);
    const before = (await balanceOf(b)) as Json;
    const refund = await json(
      desk,
      'POST',
      '/api/v1/refunds',
      {
        partyId: b,
        accountId: cash,
        method: 'cash',
        date: today,
        allocations: [{ paymentId: p.id, amountCents: 1500 }],
      },
      201,
    );
    expect(refund.allocations).toMatchObject([
      { paymentId: p.id, paymentNumber: p.number, amountCents: 1500 },
    ]);
    expect(await json(desk, 'GET', `/api/v1/payments/${p.id}`)).toMatchObject({
      refundedCents: 1500,
      unallocatedCents: 500,
    });
    expect(await balanceOf(b)).toMatchObject({
      advanceCents: (before.advanceCents as number) - 1500,
      balanceCents: (before.balanceCents as number) + 1500,
    });
    await refused(
      'POST',
      '/api/v1/refunds',
      {
        partyId: b,
        accountId: cash,
        method: 'cash',
        date: today,
        allocations: [{ paymentId: p.id, amountCents: 501 }],
      },
      { status: 409, code: 'refund_exceeds_advance', field: 'allocations.0.amountCents' },
    );
    await refused(
      'POST',
      '/api/v1/refunds',
      {
        partyId: a,
        accountId: cash,
        method: 'cash',
        date: today,
        allocations: [{ paymentId: p.id, amountCents: 1 }],
      },
      { status: 409, code: 'payment_other_customer', field: 'allocations.0.paymentId' },
    );
    await refused(
      'POST',
      `/api/v1/payments/${p.id}/allocations`,
      {
        oldestFirst: false,
        allocations: [
          {
            invoiceId: (
              (await json(desk, 'GET', `/api/v1/payments/open-invoices?partyId=${b}`)).items as Json[]
            )[0]?.id,
            amountCents: 501,
          },
        ],
      },
      { status: 409, code: 'allocation_exceeds_payment', field: 'allocations' },
    );
  });

  it("refuses reversing a customer's payment or refund as a bare money movement: the desk keeps its money", async () => {
    const p = await pay(b, 1200);
    const refund = await json(
      desk,
      'POST',
      '/api/v1/refunds',
      {
        partyId: b,
        accountId: cash,
        method: 'cash',
        date: today,
        allocations: [{ paymentId: p.id, amountCents: 200 }],
      },
      201,
    );
    // Refused with nothing written (the whole database compared): the desk's balance stays as it is.
    for (const movementId of [p.movementId, refund.movementId])
      await refused(
        'POST',
        `/api/v1/money-movements/${movementId}/reverse`,
        { reason: 'грешка' },
        { status: 409, code: 'money_movement_of_customer' },
        admin,
      );
    expect(await json(desk, 'GET', `/api/v1/payments/${p.id}`)).toMatchObject({ refundedCents: 200 });
  });
});
