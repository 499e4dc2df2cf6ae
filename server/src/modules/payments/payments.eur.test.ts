import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aUser, aVatCompany } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';

/**
 * EUR-05 through the HTTP API on both databases: BGN invoices of 2025 are never re-denominated; a EUR payment of 2026
 * settles them at the fixed rate, per document, the rounding difference of at most 0.01 booked rather than left open;
 * receivables and the customer statement count them in EUR, converted per document. Figures worked out by hand.
 */
describe.each(DIALECTS)('EUR-05: open BGN receivables across the changeover on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let partyId: string;
  let cash: string;
  const bgn: Json[] = [];
  const { json, refused, send } = requests(t, () => desk);

  const invoice = async (documentDate: string, priceCents: number) => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId,
        documentDate,
        taxEventDate: documentDate,
        dueDate: documentDate,
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
  const pay = (body: Json) =>
    json(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId, accountId: cash, method: 'cash', date: '2026-01-15', ...body },
      201,
    );
  const settlement = (id: string) => json(desk, 'GET', `/api/v1/invoices/${id}/payments`);

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    const addresses = [{ label: 'billing', city: 'Пловдив', address: 'ул. „Главна“ 1' }];
    partyId = (await aCustomer(t, admin, { name: 'Клиент Лев ООД', uic: '020469788', addresses })).id;
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
    // Three BGN invoices of December 2025, each 100.00 + 20 % = 120.00 лв.
    for (const day of ['2025-12-10', '2025-12-11', '2025-12-12']) bgn.push(await invoice(day, 10_000));
  });

  it('EUR-05: the BGN invoices stay in BGN; their open amounts are offered in EUR, converted per document', async () => {
    expect(bgn.map((i) => [i.currency, i.totalCents])).toEqual([
      ['BGN', 12_000],
      ['BGN', 12_000],
      ['BGN', 12_000],
    ]);
    const open = await json(desk, 'GET', `/api/v1/payments/open-invoices?partyId=${partyId}`);
    // 120.00 / 1.95583 = 61.3550… → 61.36 € each.
    expect(open.items.map((i: Json) => [i.currency, i.openCents, i.openEurCents])).toEqual([
      ['BGN', 12_000, 6136],
      ['BGN', 12_000, 6136],
      ['BGN', 12_000, 6136],
    ]);
  });

  it('EUR-05: a 2026 EUR payment settles a BGN invoice in full by its converted amount; the 0.01 rounding difference is booked, not left open', async () => {
    const p = await pay({ amountCents: 6136, allocations: [{ invoiceId: bgn[0]?.id, amountCents: 6136 }] });
    // 61.36 € × 1.95583 = 120.0097… → 120.01 лв.: one stotinka more than was open; the invoice is paid, no 0.01 open.
    expect(p).toMatchObject({ currency: 'EUR', amountCents: 6136, unallocatedCents: 0 });
    expect(p.allocations).toMatchObject([
      { amountCents: 6136, settledCents: 12_000, invoiceCurrency: 'BGN' },
    ]);
    expect(await settlement(bgn[0]?.id)).toMatchObject({
      paymentState: 'paid',
      totalCents: 12_000,
      paidCents: 12_000,
      openCents: 0,
    });
    // The invoice itself is not re-denominated.
    expect(await json(desk, 'GET', `/api/v1/invoices/${bgn[0]?.id}`)).toMatchObject({
      currency: 'BGN',
      totalCents: 12_000,
      paymentState: 'paid',
    });
    // The rounding difference is in the audit trail of the allocation: 12 000 − 12 001 = −1 stotinka.
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=customer_payment&entityId=${p.id}`);
    const allocate = audit.items.find((a: Json) => a.action === 'customer_payment.allocate');
    expect(allocate.after.allocations).toEqual([
      { invoiceId: bgn[0]?.id, amountCents: 6136, settledCents: 12_000, roundingCents: -1 },
    ]);
  });

  it('EUR-05: a part payment settles its EUR converted back; the rest is offered converted again, never more', async () => {
    // 30.00 € × 1.95583 = 58.6749 → 58.67 лв. settled; 120.00 − 58.67 = 61.33 лв. open = 31.3574… → 31.36 €.
    const p = await pay({ amountCents: 3000, allocations: [{ invoiceId: bgn[1]?.id, amountCents: 3000 }] });
    expect(p.allocations).toMatchObject([{ amountCents: 3000, settledCents: 5867 }]);
    expect(await settlement(bgn[1]?.id)).toMatchObject({
      paymentState: 'overdue',
      paidCents: 5867,
      openCents: 6133,
    });
    const second = await pay({ amountCents: 10_000 });
    await refused(
      'POST',
      `/api/v1/payments/${second.id}/allocations`,
      { allocations: [{ invoiceId: bgn[1]?.id, amountCents: 3137 }] },
      { status: 409, code: 'allocation_exceeds_open', field: 'allocations.0.amountCents' },
    );
    // Oldest first: 31.36 € closes the second invoice, 61.36 € the third, 7.28 € stays the customer's advance.
    const after = await json(desk, 'POST', `/api/v1/payments/${second.id}/allocations`, {
      oldestFirst: true,
    });
    expect(after.allocations.map((a: Json) => [a.invoiceId, a.amountCents, a.settledCents])).toEqual([
      [bgn[1]?.id, 3136, 6133],
      [bgn[2]?.id, 6136, 12_000],
    ]);
    expect(after.unallocatedCents).toBe(10_000 - 3136 - 6136);
    for (const inv of [bgn[1], bgn[2]]) expect((await settlement(inv?.id)).paymentState).toBe('paid');
  });

  it('EUR-05: receivables and the statement spanning the changeover count an open BGN invoice in EUR, per document', async () => {
    // Undo the last allocation: the third invoice is open again, 120.00 лв. = 61.36 €; the advance is 68.64 €.
    const payments = await json(desk, 'GET', `/api/v1/payments?partyId=${partyId}&pageSize=10`);
    const second = payments.items.find((p: Json) => p.amountCents === 10_000);
    const full = await json(desk, 'GET', `/api/v1/payments/${second.id}`);
    const third = full.allocations.find((a: Json) => a.invoiceId === bgn[2]?.id);
    await send(desk, 'POST', `/api/v1/payment-allocations/${third.id}/undo`, { reason: 'Грешка' }, 204);
    expect(await settlement(bgn[2]?.id)).toMatchObject({ paymentState: 'overdue', openCents: 12_000 });

    const r = await json(desk, 'GET', '/api/v1/receivables?date=2026-01-31');
    expect(r.items.find((x: Json) => x.partyId === partyId)).toMatchObject({
      openCents: 6136,
      advanceCents: 6864,
      balanceCents: 6136 - 6864,
      ageing: { d31to60: 6136 },
    });
    const text = await pdfText(
      (
        await send(
          desk,
          'GET',
          `/api/v1/receivables/${partyId}/statement/pdf?date=2026-01-31`,
          undefined,
          200,
        )
      ).rawPayload,
    );
    // Listed as issued, in BGN; the total open in EUR: 61.36 €, the balance 61.36 − 68.64 = −7.28 €.
    expect(text).toMatch(/120,00\sлв\./);
    expect(text).toMatch(/61,36\s€/);
    expect(text).toMatch(/-7,28\s€|−7,28\s€/);
  });
});

/**
 * EUR-06 through the HTTP API on both databases: a 2026 credit note against a 2025 BGN invoice is in EUR, cites the
 * invoice's number and date and says how it was converted; its EUR converted back by EUR-01 settles the BGN invoice
 * as a EUR payment does (EUR-05): when it covers the open amount offered in EUR it settles all of it, the rounding
 * difference of at most 0.01 лв. booked. Invoice state, open invoices, receivables, ageing and the statement agree.
 * Figures worked out by hand.
 */
describe.each(DIALECTS)('EUR-06: 2026 credit notes against BGN invoices on %s', (dialect) => {
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;
  let desk: Session;
  let partyId: string;
  let cash: string;
  const bgn: Json[] = [];
  const { json, send, refused } = requests(t, () => desk);
  // Due in 2027, so the derived state reads unpaid / partly paid / paid today; ageing is looked at on 2027-05-01.
  const DUE = '2027-03-31';
  const ON = '2027-05-01';

  const invoice = async (documentDate: string) => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId,
        documentDate,
        taxEventDate: documentDate,
        dueDate: DUE,
        lines: [
          {
            description: 'Ремонт',
            quantityMilli: 1000,
            unit: 'бр.',
            unitPriceCents: 10_000,
            vatRateBp: 2000,
          },
        ],
      },
      201,
    );
    return json(desk, 'POST', `/api/v1/invoices/${d.id}/issue`);
  };
  /** A credit note dated 2026-01-10; its line given in the invoice's currency (BGN), as the form pre-fills it. */
  const credit = (id: string, body: Json) =>
    json(
      desk,
      'POST',
      `/api/v1/invoices/${id}/credit-note`,
      { reason: 'Отстъпка', issue: true, documentDate: '2026-01-10', ...body },
      201,
    );
  const bgnLine = (priceCents: number) => ({
    description: 'Отстъпка',
    quantityMilli: 1000,
    unit: 'бр.',
    unitPriceCents: priceCents,
    vatRateBp: 2000,
  });
  const head = (id: string) => json(desk, 'GET', `/api/v1/invoices/${id}`);
  const settleAudit = async (noteId: string) => {
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=credit_note_settlement&entityId=${noteId}`);
    return audit.items.find((a: Json) => a.action === 'credit_note_settlement.create')?.after;
  };
  const receivableOf = async () =>
    (await json(desk, 'GET', `/api/v1/receivables?date=${ON}`)).items.find(
      (x: Json) => x.partyId === partyId,
    );

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    const addresses = [{ label: 'billing', city: 'Варна', address: 'ул. „Морска“ 2' }];
    partyId = (await aCustomer(t, admin, { name: 'Клиент Известие ООД', uic: '020469788', addresses })).id;
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
    // Three BGN invoices of December 2025, each 100.00 + 20 % = 120.00 лв. = 61.36 € offered.
    for (const day of ['2025-12-10', '2025-12-11', '2025-12-12']) bgn.push(await invoice(day));
  });

  it('EUR-06: a 2026 note against a BGN invoice is in EUR, cites its number and date, and prints how it was converted', async () => {
    const a = bgn[0] as Json;
    // 50.00 лв. → 25.56 € (25.5646), VAT 5.11 (5.112), total 30.67 €.
    const note = await credit(a.id, { lines: [bgnLine(5000)] });
    expect(note).toMatchObject({
      kind: 'credit_note',
      currency: 'EUR',
      netCents: 2556,
      vatCents: 511,
      totalCents: 3067,
      relatedInvoice: { id: a.id, number: a.number, documentDate: '2025-12-10', currency: 'BGN' },
      paymentState: null,
    });
    const pdf = await send(desk, 'GET', `/api/v1/invoices/${note.id}/pdf`, undefined, 200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('КРЕДИТНО ИЗВЕСТИЕ');
    expect(text).toContain(`№ ${a.number} от 10.12.2025`);
    expect(text).toMatch(/30,67\s€/);
    expect(text).toContain('преизчислени по курс 1 EUR = 1,95583 лв.');
  });

  it('EUR-06: the note settles the BGN invoice by its EUR converted back; state, open invoices, receivables, ageing and statement agree', async () => {
    const a = bgn[0] as Json;
    // 30.67 € × 1.95583 = 59.9853 → 59.99 лв. settled; 120.00 − 59.99 = 60.01 лв. open = 30.6826 → 30.68 €.
    expect(await head(a.id)).toMatchObject({
      currency: 'BGN',
      totalCents: 12_000,
      paymentState: 'partly_paid',
      paidCents: 5999,
      openCents: 6001,
    });
    const notes = await json(desk, 'GET', `/api/v1/invoices?relatedInvoiceId=${a.id}`);
    expect(await settleAudit(notes.items[0].id)).toMatchObject({
      noteCents: 3067,
      noteCurrency: 'EUR',
      settledCents: 5999,
      invoiceCurrency: 'BGN',
      roundingCents: 0,
    });
    const list = await json(desk, 'GET', '/api/v1/invoices?paymentState=partly_paid&pageSize=50');
    expect(list.items.map((i: Json) => i.id)).toEqual([a.id]);
    const open = await json(desk, 'GET', `/api/v1/payments/open-invoices?partyId=${partyId}`);
    expect(open.items.map((i: Json) => [i.id, i.openCents, i.openEurCents, i.paymentState])).toEqual([
      [a.id, 6001, 3068, 'partly_paid'],
      [bgn[1]?.id, 12_000, 6136, 'unpaid'],
      [bgn[2]?.id, 12_000, 6136, 'unpaid'],
    ]);
    // Receivables and ageing (31 days past due on ON): 30.68 + 61.36 + 61.36 = 153.40 €.
    expect(await receivableOf()).toMatchObject({
      openCents: 15_340,
      creditCents: 0,
      balanceCents: 15_340,
      ageing: { d31to60: 15_340 },
    });
    const text = await pdfText(
      (await send(desk, 'GET', `/api/v1/receivables/${partyId}/statement/pdf?date=${ON}`, undefined, 200))
        .rawPayload,
    );
    // The invoice paid 59.99 лв., open 60.01 лв.; the note stands applied (nothing open of its own); total 153.40 €.
    expect(text).toMatch(/59,99\sлв\./);
    expect(text).toMatch(/60,01\sлв\./);
    expect(text).toMatch(/153,40\s€/);
  });

  it('EUR-06: a note covering the open amount offered in EUR settles all of it; the 0.01 лв. difference is booked, not left open', async () => {
    const a = bgn[0] as Json;
    // 50.01 лв. → 25.57 € (25.5697), VAT 5.11 (5.114), total 30.68 € = the open 60.01 лв. offered in EUR.
    // 30.68 € × 1.95583 = 60.0049 → 60.00 лв.: one stotinka less than was open; the invoice is paid, nothing open.
    const note = await credit(a.id, { lines: [bgnLine(5001)] });
    expect(note.totalCents).toBe(3068);
    expect(await head(a.id)).toMatchObject({ paymentState: 'paid', paidCents: 12_000, openCents: 0 });
    expect(await settleAudit(note.id)).toMatchObject({
      noteCents: 3068,
      settledCents: 6001,
      roundingCents: 1,
    });
  });

  it('EUR-06: a full credit note reverses the BGN invoice in full; its rounding is booked', async () => {
    const b = bgn[1] as Json;
    // 100.00 лв. → 51.13 € (51.1292), VAT 10.23 (10.226), total 61.36 €; back: 120.0097 → 120.01 лв., booked −0.01.
    const note = await credit(b.id, { full: true });
    expect(note).toMatchObject({ currency: 'EUR', totalCents: 6136 });
    expect(await head(b.id)).toMatchObject({ paymentState: 'paid', paidCents: 12_000, openCents: 0 });
    expect(await settleAudit(note.id)).toMatchObject({ settledCents: 12_000, roundingCents: -1 });
    expect(await receivableOf()).toMatchObject({ openCents: 6136, ageing: { d31to60: 6136 } });
  });

  it('EUR-06: a note against a paid BGN invoice is owed back; cancelling the note takes its settlement away', async () => {
    const c = bgn[2] as Json;
    await json(
      desk,
      'POST',
      '/api/v1/payments',
      {
        partyId,
        accountId: cash,
        method: 'cash',
        date: '2026-01-15',
        amountCents: 6136,
        allocations: [{ invoiceId: c.id, amountCents: 6136 }],
      },
      201,
    );
    const note = await credit(c.id, { lines: [bgnLine(5000)] });
    // 30.67 € settles 59.99 лв. beyond the paid 120.00 лв.: 59.99 лв. = 30.67 € owed back to the customer.
    expect(await head(c.id)).toMatchObject({ paymentState: 'paid', paidCents: 12_000 + 5999, openCents: 0 });
    expect(await receivableOf()).toMatchObject({ openCents: 0, creditCents: 3067, balanceCents: -3067 });
    await json(admin, 'POST', `/api/v1/invoices/${note.id}/cancel`, { reason: 'Грешка' });
    expect(await head(c.id)).toMatchObject({ paymentState: 'paid', paidCents: 12_000 });
    expect(await receivableOf()).toBeUndefined();
  });

  it('EUR-06: what a EUR note makes owed back on a paid BGN invoice is refunded in EUR by EUR-05; the 0.01 difference is booked; receivables, statement and ageing agree', async () => {
    const c = bgn[2] as Json;
    // c: 120.00 лв., paid by 61.36 € (settling all 120.00 лв.); its earlier note cancelled. A full credit in 2026:
    // 61.36 € settling 120.00 лв. (61.36 × 1.95583 = 120.0097 → 120.01, booked −0.01): 120.00 лв. owed back.
    const note = await credit(c.id, { full: true });
    expect(note).toMatchObject({ currency: 'EUR', totalCents: 6136 });
    expect(await receivableOf()).toMatchObject({ creditCents: 6136 });
    // Offered in EUR: 120.00 / 1.95583 = 61.355… → 61.36 €.
    const offered = async () =>
      (await json(desk, 'GET', `/api/v1/refunds/refundable?partyId=${partyId}`)).creditNotes.find(
        (n: Json) => n.id === note.id,
      );
    expect(await offered()).toMatchObject({ currency: 'EUR', invoiceCurrency: 'BGN', refundableCents: 6136 });
    const refund = (amountCents: number, status = 201) =>
      json(
        desk,
        'POST',
        '/api/v1/refunds',
        {
          partyId,
          accountId: cash,
          method: 'cash',
          date: '2026-02-01',
          allocations: [{ creditNoteId: note.id, amountCents }],
        },
        status,
      );
    // 10.00 € pays back 10 × 1.95583 = 19.5583 → 19.56 лв.; no difference.
    const first = await refund(1000);
    expect(first.allocations[0]).toMatchObject({ amountCents: 1000, settledCents: 1956, roundingCents: 0 });
    // Left: 120.00 − 19.56 = 100.44 лв. = 51.354… → 51.35 € offered; one cent more is refused, nothing written.
    expect(await offered()).toMatchObject({ refundableCents: 5135, refundedCents: 1000 });
    await refused(
      'POST',
      '/api/v1/refunds',
      {
        partyId,
        accountId: cash,
        method: 'cash',
        date: '2026-02-01',
        allocations: [{ creditNoteId: note.id, amountCents: 5136 }],
      },
      { status: 409, code: 'refund_exceeds_owed', field: 'allocations.0.amountCents' },
    );
    // 51.35 € clears the 100.44 лв. left: 51.35 × 1.95583 = 100.4319 → 100.43, the 0.01 лв. booked and audited.
    const last = await refund(5135);
    expect(last.allocations[0]).toMatchObject({ amountCents: 5135, settledCents: 10_044, roundingCents: 1 });
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=customer_refund&entityId=${last.id}`);
    expect(audit.items[0].after.allocations[0]).toMatchObject({ settledCents: 10_044, roundingCents: 1 });
    expect(await offered()).toBeUndefined();
    // Nothing owed either way: receivables, ageing and the statement agree.
    expect(await receivableOf()).toBeUndefined();
    const text = await pdfText(
      (await send(desk, 'GET', `/api/v1/receivables/${partyId}/statement/pdf?date=${ON}`, undefined, 200))
        .rawPayload,
    );
    expect(text).toMatch(/61,35\s€|51,35\s€/);
    expect(text).toMatch(/Салдо[^\n]*?0,00\s€/);
  });
});
