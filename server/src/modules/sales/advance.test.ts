import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, anOrder, aUser, aVatCompany, moved } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { todayDate } from '../../kernel/calendar';

/**
 * Advance invoices (авансова фактура, INV-06; ADR 0025) through the HTTP API on both databases: one line „Аванс по …“
 * with its VAT; the final invoice deducts it with a negative line citing its number and date, VAT on the net base;
 * never more than the advance has left; the VAT sales journal shows both. Figures worked out by hand.
 */
describe.each(DIALECTS)('advance invoices on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let customerId: string;
  let otherId: string;
  const { json, refused } = requests(t, () => desk);
  const month = todayDate().slice(0, 7);
  const printed = todayDate().split('-').reverse().join('.');

  const line = (over: Json = {}) => ({
    description: 'Ремонт',
    quantityMilli: 1000,
    unit: 'бр.',
    unitPriceCents: 2500,
    vatRateBp: 2000,
    ...over,
  });

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    const billing = [{ label: 'billing', city: 'Пловдив', address: 'ул. „Главна“ 1' }];
    customerId = (await aCustomer(t, admin, { name: 'Аванс ООД', uic: '020469788', addresses: billing })).id;
    otherId = (await aCustomer(t, admin, { name: 'Друг ООД', uic: '1213961230342', addresses: billing })).id;
  });

  it('INV-06: the advance, then the final invoice of the order deducting it; the VAT journal shows both', async () => {
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
      description: 'Компресор',
      quantityMilli: 1000,
      unitPriceCents: 15_000,
      vatRateBp: 2000,
    });
    // The customer pays 120.00 before the repair: base 100.00, VAT 20.00.
    const adv = await json(
      desk,
      'POST',
      '/api/v1/invoices/advance',
      { partyId: customerId, orderId: o.id, netCents: 10_000 },
      201,
    );
    expect(adv).toMatchObject({
      advance: true,
      status: 'issued',
      number: '0000000001',
      netCents: 10_000,
      vatCents: 2000,
      totalCents: 12_000,
    });
    expect(adv.lines.map((l: Json) => l.description)).toEqual([`Аванс по сервизна поръчка № ${o.number}`]);

    await moved(t, desk, o.id, 'diagnosing', 'in_repair', 'ready');
    const final = await json(
      desk,
      'POST',
      '/api/v1/invoices/from-order',
      { orderId: o.id, deductAdvances: [{ invoiceId: adv.id, netCents: 10_000 }] },
      201,
    );
    // 1.5 × 40.00 = 60.00 + 150.00 − 100.00 = 110.00 base; VAT 20 % on the net base 22.00; total 132.00.
    expect(
      final.lines.map((l: Json) => [l.description, l.unitPriceCents, l.netCents, l.deductsInvoiceId]),
    ).toEqual([
      ['Труд', 4000, 6000, null],
      ['Компресор', 15_000, 15_000, null],
      [`Приспадане на аванс по фактура № 0000000001 от ${printed}`, -10_000, -10_000, adv.id],
    ]);
    expect(final.vatByRate).toEqual([
      { vatRateBp: 2000, vatExempt: false, baseCents: 11_000, vatCents: 2200 },
    ]);
    expect(final).toMatchObject({
      number: '0000000002',
      netCents: 11_000,
      vatCents: 2200,
      totalCents: 13_200,
    });

    // The journal: the advance with its base and VAT, the final one net of it; together what the repair cost.
    const j = await json(admin, 'GET', `/api/v1/vat/sales-journal?month=${month}`);
    expect(j.rows.map((r: Json) => [r.number, r.cells.totalBaseCents, r.cells.totalVatCents])).toEqual([
      ['0000000001', 10_000, 2000],
      ['0000000002', 11_000, 2200],
    ]);
    expect(j.totals).toMatchObject({ totalBaseCents: 21_000, totalVatCents: 4200 });

    // A full credit of the final invoice takes all its lines, the deduction too: 132.00, and frees the advance.
    const credit = await json(
      desk,
      'POST',
      `/api/v1/invoices/${final.id}/credit-note`,
      {
        full: true,
        reason: 'Отказ',
        issue: true,
      },
      201,
    );
    expect(credit).toMatchObject({
      kind: 'credit_note',
      netCents: 11_000,
      vatCents: 2200,
      totalCents: 13_200,
    });
    expect(credit.lines.map((l: Json) => [l.netCents, l.deductsInvoiceId])).toEqual([
      [6000, null],
      [15_000, null],
      [-10_000, adv.id],
    ]);
    const reissued = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId: customerId,
        lines: [line({ unitPriceCents: 20_000 })],
        deductAdvances: [{ invoiceId: adv.id, netCents: 10_000 }],
      },
      201,
    );
    expect(await json(desk, 'POST', `/api/v1/invoices/${reissued.id}/issue`)).toMatchObject({
      netCents: 10_000,
    });

    // Deducted again in full: nothing is left of it for another invoice.
    const again = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      { partyId: customerId, lines: [line()], deductAdvances: [{ invoiceId: adv.id, netCents: 100 }] },
      201,
    );
    await refused('POST', `/api/v1/invoices/${again.id}/issue`, undefined, {
      status: 409,
      code: 'advance_exceeds_left',
    });
  });

  it('never deducts more than the advance has left, nor another customer’s, nor below zero; nothing written', async () => {
    const adv = await json(
      desk,
      'POST',
      '/api/v1/invoices/advance',
      { partyId: customerId, description: 'договор за абонамент', netCents: 5000 },
      201,
    );
    expect(adv.lines[0].description).toBe('Аванс по договор за абонамент');
    const draftWith = async (netCents: number, partyId = customerId, price = 10_000) =>
      json(
        desk,
        'POST',
        '/api/v1/invoices',
        {
          partyId,
          lines: [line({ unitPriceCents: price })],
          deductAdvances: [{ invoiceId: adv.id, netCents }],
        },
        201,
      );
    // 60.00 of 50.00: refused at issue, no number taken.
    const tooMuch = await draftWith(6000);
    const p1 = await refused('POST', `/api/v1/invoices/${tooMuch.id}/issue`, undefined, {
      status: 409,
      code: 'advance_exceeds_left',
      field: 'deductAdvances',
    });
    expect(p1.leftCents).toBe(5000);
    // 30.00, then 20.00: all of it; then one cent more is refused.
    const first = await json(desk, 'POST', `/api/v1/invoices/${(await draftWith(3000)).id}/issue`);
    expect(first).toMatchObject({ netCents: 7000, vatCents: 1400, totalCents: 8400 });
    await json(desk, 'POST', `/api/v1/invoices/${(await draftWith(2000)).id}/issue`);
    const last = await draftWith(1);
    const p2 = await refused('POST', `/api/v1/invoices/${last.id}/issue`, undefined, {
      status: 409,
      code: 'advance_exceeds_left',
    });
    expect(p2.leftCents).toBe(0);
    // Another customer's final invoice cannot take it; a deduction larger than the invoice is refused.
    await refused(
      'POST',
      '/api/v1/invoices',
      { partyId: otherId, lines: [line()], deductAdvances: [{ invoiceId: adv.id, netCents: 100 }] },
      { status: 409, code: 'advance_not_deductible', field: 'deductAdvances.0.invoiceId' },
    );
    const adv2 = await json(
      desk,
      'POST',
      '/api/v1/invoices/advance',
      { partyId: customerId, description: 'поръчка', netCents: 9000 },
      201,
    );
    const below = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      { partyId: customerId, lines: [line()], deductAdvances: [{ invoiceId: adv2.id, netCents: 9000 }] },
      201,
    );
    await refused('POST', `/api/v1/invoices/${below.id}/issue`, undefined, {
      status: 409,
      code: 'deduction_exceeds_invoice',
    });
    // An ordinary invoice is not an advance.
    await refused(
      'POST',
      '/api/v1/invoices',
      { partyId: customerId, lines: [line()], deductAdvances: [{ invoiceId: first.id, netCents: 100 }] },
      { status: 409, code: 'advance_not_deductible', field: 'deductAdvances.0.invoiceId' },
    );
  });
});
