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
