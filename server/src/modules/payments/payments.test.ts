import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aUser, aVatCompany } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { addDays, todayDate } from '../../kernel/calendar';

/**
 * Customer payments and receivables (issue 13, items 6 and 8; ADR 0020) through the HTTP API on both databases:
 * allocation limits, oldest first, undo, write-off, derived states with overdue by date, ageing buckets, the
 * intake's overdue amount from a real invoice, refusing to cancel a paid invoice, and two allocations at once.
 * Every figure is worked out by hand in the comments.
 */
describe.each(DIALECTS)('customer payments and receivables on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let tech: Session;
  const { json, refused, send } = requests(t, () => desk);
  const today = todayDate();
  const day = (n: number) => addDays(today, n);
  let a: string; // customer A
  let b: string; // customer B
  let cash: string;
  const inv = {} as Record<'bgn' | 'old' | 'mid' | 'b' | 'new', Json>;

  /** An issued invoice of one line at 20 % VAT: total = price × 1.2. */
  const invoice = async (
    partyId: string,
    priceCents: number,
    documentDate: string,
    dueDate: string | null,
  ) => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId,
        documentDate,
        dueDate,
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
  const pay = (body: Json, status = 201) =>
    json(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId: a, accountId: cash, method: 'cash', date: today, ...body },
      status,
    );
  const settlement = (id: string) => json(desk, 'GET', `/api/v1/invoices/${id}/payments`);

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    tech = await aUser(t, 'technician');
    await aVatCompany(t, admin);
    const addresses = [{ label: 'billing', city: 'Пловдив', address: 'ул. „Главна“ 1' }];
    a = (await aCustomer(t, admin, { name: 'Клиент А ООД', uic: '020469788', addresses })).id;
    b = (await aCustomer(t, admin, { name: 'Клиент Б ЕООД', uic: '131129282', addresses })).id;
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
    // In date order, so the numbers follow the dates. A BGN invoice of 2025: 10.00 + 20 % = 12.00 лв.
    inv.bgn = await invoice(a, 1000, '2025-12-01', '2025-12-15');
    inv.old = await invoice(a, 10_000, day(-100), day(-95)); // 120.00 €, 95 days overdue → over 90
    inv.mid = await invoice(a, 5000, day(-50), day(-40)); //      60.00 €, 40 days overdue → 31–60
    inv.new = await invoice(a, 3000, day(-10), day(20)); //        36.00 €, not due
    inv.b = await invoice(b, 2000, day(-5), day(-1)); //           24.00 €, 1 day overdue → 1–30
  });

  it('refuses what cannot be allocated, naming the field, with nothing written', async () => {
    expect(inv.bgn).toMatchObject({ currency: 'BGN', totalCents: 1200 });
    expect(inv.old).toMatchObject({
      currency: 'EUR',
      totalCents: 12_000,
      paymentState: 'overdue',
      openCents: 12_000,
    });
    expect(inv.new).toMatchObject({ paymentState: 'unpaid', paidCents: 0, openCents: 3600 });
    const body = (allocations: Json[], amountCents = 5000) => ({
      partyId: a,
      accountId: cash,
      method: 'cash',
      date: today,
      amountCents,
      allocations,
    });
    await refused('POST', '/api/v1/payments', body([{ invoiceId: inv.new.id, amountCents: 3601 }]), {
      status: 409,
      code: 'allocation_exceeds_open',
      field: 'allocations.0.amountCents',
    });
    // Twice to the same invoice: 20.00 + 20.00 > 36.00.
    await refused(
      'POST',
      '/api/v1/payments',
      body([
        { invoiceId: inv.new.id, amountCents: 2000 },
        { invoiceId: inv.new.id, amountCents: 2000 },
      ]),
      { status: 409, code: 'allocation_exceeds_open', field: 'allocations.1.amountCents' },
    );
    await refused(
      'POST',
      '/api/v1/payments',
      body([
        { invoiceId: inv.old.id, amountCents: 4000 },
        { invoiceId: inv.mid.id, amountCents: 1001 },
      ]),
      { status: 409, code: 'allocation_exceeds_payment', field: 'allocations' },
    );
    await refused('POST', '/api/v1/payments', body([{ invoiceId: inv.b.id, amountCents: 100 }]), {
      status: 409,
      code: 'invoice_other_customer',
      field: 'allocations.0.invoiceId',
    });
    // EUR-05: the BGN invoice of 2025 takes EUR at the fixed rate: 12.00 лв. is 6.14 € open, not a cent more.
    const over = await refused(
      'POST',
      '/api/v1/payments',
      body([{ invoiceId: inv.bgn.id, amountCents: 615 }]),
      { status: 409, code: 'allocation_exceeds_open', field: 'allocations.0.amountCents' },
    );
    expect(over.detail).toContain('6.14');
    await refused('POST', '/api/v1/payments', body([{ invoiceId: 'nope', amountCents: 100 }]), {
      status: 400,
      code: 'unknown_invoice',
      field: 'allocations.0.invoiceId',
    });
    const draft = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId: a,
        lines: [{ description: 'x', quantityMilli: 1000, unitPriceCents: 100, vatRateBp: 2000 }],
      },
      201,
    );
    await refused('POST', '/api/v1/payments', body([{ invoiceId: draft.id, amountCents: 100 }]), {
      status: 409,
      code: 'invoice_not_payable',
      field: 'allocations.0.invoiceId',
    });
    await send(desk, 'DELETE', `/api/v1/invoices/${draft.id}`, undefined, 204);
    await refused(
      'POST',
      '/api/v1/payments',
      { ...body([]), accountId: 'nope' },
      {
        status: 400,
        code: 'unknown_account',
        field: 'accountId',
      },
    );
    await refused(
      'POST',
      '/api/v1/payments',
      { ...body([]), partyId: 'nope' },
      {
        status: 400,
        code: 'unknown_party',
        field: 'partyId',
      },
    );
    await refused('POST', '/api/v1/payments', body([]), { status: 403, code: 'forbidden' }, tech);
  });

  it('allocates a partial payment by hand; the rest is an advance; states derive from allocations and dates', async () => {
    // 50.00 €: 30.00 to the 60.00 overdue invoice, 10.00 to the 36.00 not yet due, 10.00 left as the advance.
    const p = await pay({
      amountCents: 5000,
      allocations: [
        { invoiceId: inv.mid.id, amountCents: 3000 },
        { invoiceId: inv.new.id, amountCents: 1000 },
      ],
    });
    expect(p).toMatchObject({
      amountCents: 5000,
      allocatedCents: 4000,
      unallocatedCents: 1000,
      method: 'cash',
    });
    expect(p.number).toMatch(/^\d+$/);
    expect(p.allocations).toHaveLength(2);
    // The money is in the cash desk: a customer_payment movement.
    const desk0 = await json(admin, 'GET', `/api/v1/money-accounts/${cash}`);
    expect(desk0.balanceCents).toBe(5000);
    const movement = await json(admin, 'GET', `/api/v1/money-accounts/${cash}/movements`);
    expect(movement.items[0]).toMatchObject({ kind: 'customer_payment', amountCents: 5000 });

    expect(await settlement(inv.mid.id)).toMatchObject({
      paymentState: 'overdue',
      paidCents: 3000,
      openCents: 3000,
    });
    expect(await settlement(inv.new.id)).toMatchObject({
      paymentState: 'partly_paid',
      paidCents: 1000,
      openCents: 2600,
    });
    const page = await json(desk, 'GET', `/api/v1/invoices/${inv.new.id}`);
    expect(page).toMatchObject({ paymentState: 'partly_paid', openCents: 2600 });

    const states = async (state: string) =>
      (await json(desk, 'GET', `/api/v1/invoices?paymentState=${state}&pageSize=50`)).items
        .map((i: Json) => i.number)
        .sort();
    expect(await states('partly_paid')).toEqual([inv.new.number]);
    expect(await states('overdue')).toEqual(
      [inv.bgn.number, inv.old.number, inv.mid.number, inv.b.number].sort(),
    );
    expect(await states('unpaid')).toEqual([]);
    expect(await states('paid')).toEqual([]);

    const open = await json(desk, 'GET', `/api/v1/payments/open-invoices?partyId=${a}`);
    // Oldest due first: the BGN one (15.12.2025), then 95, 40 days overdue, then the one due in 20 days.
    expect(open.items.map((i: Json) => i.id)).toEqual([inv.bgn.id, inv.old.id, inv.mid.id, inv.new.id]);
    expect(open.items[1]).toMatchObject({ openCents: 12_000, daysOverdue: 95, paymentState: 'overdue' });
    expect(open.advanceCents).toBe(1000);
  });

  it('ages the receivables on a day and feeds the intake with the overdue amount', async () => {
    // A: 120.00 (95 d) + 6.14 (12.00 лв / 1.95583 = 6.1355 → 6.14, over 90) in over 90; 30.00 in 31–60; 26.00 not due.
    const r = await json(desk, 'GET', '/api/v1/receivables');
    const rowA = r.items.find((x: Json) => x.partyId === a);
    expect(rowA).toMatchObject({
      openCents: 12_000 + 614 + 3000 + 2600,
      advanceCents: 1000,
      balanceCents: 18_214 - 1000,
      overdueCents: 12_000 + 614 + 3000,
      ageing: { notDue: 2600, d1to30: 0, d31to60: 3000, d61to90: 0, over90: 12_614 },
    });
    const rowB = r.items.find((x: Json) => x.partyId === b);
    expect(rowB).toMatchObject({ openCents: 2400, overdueCents: 2400, ageing: { d1to30: 2400 } });
    expect(r.totals).toMatchObject({ openCents: 18_214 + 2400, over90: 12_614, d1to30: 2400 });
    // Twenty days back the 60.00 was not yet due and the B invoice not issued; the 120.00 was 75 days overdue.
    const earlier = await json(desk, 'GET', `/api/v1/receivables?date=${day(-20)}`);
    expect(earlier.items.find((x: Json) => x.partyId === a).ageing).toMatchObject({
      d61to90: 12_000,
      d1to30: 3000,
    });
    expect(earlier.items.find((x: Json) => x.partyId === b)).toBeUndefined();
    const csv = await send(desk, 'GET', '/api/v1/receivables/ageing.csv', undefined, 200);
    expect(csv.body).toContain('Клиент А ООД');
    expect(csv.body).toContain('126.14');
    await send(tech, 'GET', '/api/v1/receivables', undefined, 403);

    // The statement: A's invoices, the payment and the balance, the BGN invoice's open 12.00 лв. counted as 6.14 €
    // (EUR-05): 120.00 + 6.14 + 30.00 + 26.00 − 10.00.
    const pdf = await send(
      desk,
      'GET',
      `/api/v1/receivables/${a}/statement/pdf?language=bg_en`,
      undefined,
      200,
    );
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Клиент А ООД');
    expect(text).toContain('CUSTOMER STATEMENT');
    expect(text).toMatch(/172,14\s€/);
    await send(tech, 'GET', `/api/v1/receivables/${a}/statement/pdf`, undefined, 403);

    const check = await json(admin, 'GET', `/api/v1/service-orders/intake-check?partyId=${a}`);
    expect(check.overdueCents).toBe(15_614);
  });

  it('undoes an allocation (audited), writes off a small difference up to the limit, then pays oldest first', async () => {
    const p = (await json(desk, 'GET', `/api/v1/payments?partyId=${a}`)).items[0];
    const full = await json(desk, 'GET', `/api/v1/payments/${p.id}`);
    const toNew = full.allocations.find((x: Json) => x.invoiceId === inv.new.id);
    await send(
      desk,
      'POST',
      `/api/v1/payment-allocations/${toNew.id}/undo`,
      { reason: 'Грешна фактура' },
      204,
    );
    expect(await settlement(inv.new.id)).toMatchObject({ paymentState: 'unpaid', openCents: 3600 });
    expect((await json(desk, 'GET', `/api/v1/payments/${p.id}`)).unallocatedCents).toBe(2000);
    await refused(
      'POST',
      `/api/v1/payment-allocations/${toNew.id}/undo`,
      { reason: 'x' },
      {
        status: 409,
        code: 'allocation_already_undone',
      },
    );
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=payment_allocation&entityId=${toNew.id}`);
    expect(audit.items).toMatchObject([{ action: 'payment_allocation.undo' }]);

    await refused(
      'POST',
      `/api/v1/invoices/${inv.new.id}/write-off`,
      { amountCents: 101, reason: 'Стотинки' },
      {
        status: 409,
        code: 'write_off_over_limit',
        field: 'amountCents',
      },
    );
    const w = await json(desk, 'POST', `/api/v1/invoices/${inv.new.id}/write-off`, {
      amountCents: 50,
      reason: 'Стотинки',
    });
    expect(w).toMatchObject({ paidCents: 50, openCents: 3550, paymentState: 'partly_paid' });

    // EUR-05: the BGN invoice of 2025 paid in EUR at the fixed rate: 6.14 € settles its 12.00 лв. in full (6.14 €
    // converted back is 12.01 лв.: the stotinka is the booked rounding difference, nothing is left open).
    const lev = await pay({ amountCents: 614, allocations: [{ invoiceId: inv.bgn.id, amountCents: 614 }] });
    expect(lev.allocations).toMatchObject([{ amountCents: 614, settledCents: 1200, invoiceCurrency: 'BGN' }]);
    expect(await settlement(inv.bgn.id)).toMatchObject({
      paymentState: 'paid',
      paidCents: 1200,
      openCents: 0,
    });
    // 150.00 oldest first: 120.00 to the oldest, 30.00 to the next; nothing for the newest.
    const q = await pay({ amountCents: 15_000, oldestFirst: true });
    expect(q.allocations.map((x: Json) => [x.invoiceId, x.amountCents])).toEqual([
      [inv.old.id, 12_000],
      [inv.mid.id, 3000],
    ]);
    expect(q.unallocatedCents).toBe(0);
    expect((await settlement(inv.old.id)).paymentState).toBe('paid');
    expect((await settlement(inv.mid.id)).paymentState).toBe('paid');
    // The first payment's 20.00 advance, later, oldest first: to the newest invoice.
    const again = await json(desk, 'POST', `/api/v1/payments/${p.id}/allocations`, { oldestFirst: true });
    expect(again.unallocatedCents).toBe(0);
    expect(await settlement(inv.new.id)).toMatchObject({ paidCents: 50 + 2000, openCents: 1550 });
    await refused(
      'POST',
      `/api/v1/payments/${p.id}/allocations`,
      { oldestFirst: true },
      {
        status: 409,
        code: 'nothing_to_allocate',
      },
    );
  });

  it('refuses to cancel an invoice with payments until they are undone', async () => {
    const res = await refused(
      'POST',
      `/api/v1/invoices/${inv.old.id}/cancel`,
      { reason: 'Грешка' },
      { status: 409, code: 'invoice_has_payments' },
      admin,
    );
    expect(res.allocatedCents).toBe(12_000);
    const s = await settlement(inv.old.id);
    for (const x of s.allocations)
      await send(desk, 'POST', `/api/v1/payment-allocations/${x.id}/undo`, { reason: 'Анулиране' }, 204);
    const cancelled = await json(admin, 'POST', `/api/v1/invoices/${inv.old.id}/cancel`, {
      reason: 'Грешка',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentState: null });
    await refused(
      'POST',
      '/api/v1/payments',
      {
        partyId: a,
        accountId: cash,
        method: 'card',
        date: today,
        amountCents: 100,
        allocations: [{ invoiceId: inv.old.id, amountCents: 100 }],
      },
      { status: 409, code: 'invoice_not_payable', field: 'allocations.0.invoiceId' },
    );
  });

  it('two allocations at once cannot over-allocate one invoice', async () => {
    const target = await invoice(b, 1000, today, day(10)); // 12.00
    const p1 = await json(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId: b, accountId: cash, method: 'card', date: today, amountCents: 1200 },
      201,
    );
    const p2 = await json(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId: b, accountId: cash, method: 'card', date: today, amountCents: 1200 },
      201,
    );
    const results = await Promise.all(
      [p1, p2].map((p) =>
        t.request(desk, 'POST', `/api/v1/payments/${p.id}/allocations`, {
          allocations: [{ invoiceId: target.id, amountCents: 1200 }],
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await settlement(target.id)).toMatchObject({
      paidCents: 1200,
      openCents: 0,
      paymentState: 'paid',
    });
  });

  it('a credit note settles its invoice: the open amount, the state and the receivables drop by it; it is not paid itself', async () => {
    const addresses = [{ label: 'billing', city: 'Варна', address: 'ул. „Морска“ 3' }];
    const c = (await aCustomer(t, admin, { name: 'Клиент В АД', uic: '1213961230342', addresses })).id;
    const i = await invoice(c, 10_000, today, day(10)); // 120.00 €
    // A credit of 20.00 + 20 % = 24.00 €: what is owed is 96.00 €.
    const note = await json(
      desk,
      'POST',
      `/api/v1/invoices/${i.id}/credit-note`,
      {
        reason: 'Отстъпка след рекламация',
        issue: true,
        lines: [
          {
            description: 'Отстъпка',
            quantityMilli: 1000,
            unit: 'бр.',
            unitPriceCents: 2000,
            vatRateBp: 2000,
          },
        ],
      },
      201,
    );
    expect(note.totalCents).toBe(2400);
    expect(await settlement(i.id)).toMatchObject({ paymentState: 'partly_paid', openCents: 9600 });
    const open = await json(desk, 'GET', `/api/v1/payments/open-invoices?partyId=${c}`);
    expect(open.items.map((x: Json) => [x.id, x.openCents])).toEqual([[i.id, 9600]]);
    const page = await json(desk, 'GET', `/api/v1/invoices/${note.id}`);
    expect(page.paymentState).toBeNull();
    // Paying 120.00 against it: only 96.00 is open; the note itself takes no payment.
    await refused(
      'POST',
      '/api/v1/payments',
      {
        partyId: c,
        accountId: cash,
        method: 'cash',
        date: today,
        amountCents: 12_000,
        allocations: [{ invoiceId: i.id, amountCents: 12_000 }],
      },
      { status: 409, code: 'allocation_exceeds_open' },
    );
    await refused(
      'POST',
      '/api/v1/payments',
      {
        partyId: c,
        accountId: cash,
        method: 'cash',
        date: today,
        amountCents: 100,
        allocations: [{ invoiceId: note.id, amountCents: 100 }],
      },
      { status: 409, code: 'invoice_not_payable' },
    );
    await pay({ partyId: c, amountCents: 9600, allocations: [{ invoiceId: i.id, amountCents: 9600 }] });
    expect(await settlement(i.id)).toMatchObject({ paymentState: 'paid', openCents: 0 });
    const r = await json(desk, 'GET', `/api/v1/receivables?date=${today}`);
    expect(r.items.find((x: Json) => x.partyId === c)).toBeUndefined();
  });
});
