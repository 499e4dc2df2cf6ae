import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, anInvoiceCustomer, anOrder, aUser, aVatCompany, moved } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';
import { todayDate } from '../../kernel/calendar';

/**
 * Proforma invoices (INV-13; ADR 0025) through the HTTP API on both databases: their own 10-digit series, no tax
 * effect (never in the VAT sales journal, the receivables or the invoice list), made by hand or from an order's
 * lines the customer pays, the PDF „ПРОФОРМА ФАКТУРА“, and one conversion into an invoice that cites it (409 the
 * second time, nothing written).
 */
describe.each(DIALECTS)('proforma invoices on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let customerId: string;
  const { json, refused, send } = requests(t, () => desk);
  const month = todayDate().slice(0, 7);

  const line = (over: Json = {}) => ({
    description: 'Ремонт на пералня',
    quantityMilli: 1000,
    unit: 'бр.',
    unitPriceCents: 2500,
    vatRateBp: 2000,
    ...over,
  });
  const proforma = (over: Json = {}) =>
    json(desk, 'POST', '/api/v1/proformas', { partyId: customerId, lines: [line()], ...over }, 201);

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    customerId = await anInvoiceCustomer(t, admin, 'Клиент Проформа ООД');
  });

  it('INV-13: numbered in its own series, totals by hand, and no tax effect anywhere', async () => {
    const p = await proforma({
      validUntil: todayDate(),
      lines: [
        // 2 × 45.50 at 10 % off = 81.90; 1 × 12.35 = 12.35; base 94.25, VAT 18.85, total 113.10
        line({ description: 'Помпа', quantityMilli: 2000, unitPriceCents: 4550, discountBp: 1000 }),
        line({ description: 'Труд', unitPriceCents: 1235 }),
      ],
    });
    expect(p).toMatchObject({
      number: '0000000001',
      status: 'issued',
      currency: 'EUR',
      netCents: 9425,
      vatCents: 1885,
      totalCents: 11_310,
      invoiceId: null,
      recipient: { name: 'Клиент Проформа ООД', uic: '020469788' },
    });
    expect(p.lines.map((l: Json) => l.netCents)).toEqual([8190, 1235]);
    expect((await proforma()).number).toBe('0000000002');
    // Not an invoice: the invoice list, the VAT sales journal and the receivables do not see it.
    expect((await json(desk, 'GET', `/api/v1/invoices?partyId=${customerId}`)).items).toEqual([]);
    const journal = await json(admin, 'GET', `/api/v1/vat/sales-journal?month=${month}`);
    expect(journal.rows).toEqual([]);
    const receivables = await json(admin, 'GET', '/api/v1/receivables');
    expect(receivables.items.find((r: Json) => r.partyId === customerId)).toBeUndefined();
    // Listed and found by its number.
    const found = await json(desk, 'GET', `/api/v1/proformas?q=${p.number}`);
    expect(found.items.map((i: Json) => i.id)).toEqual([p.id]);
  });

  it('prints „ПРОФОРМА ФАКТУРА“ in bg and bg+en, without a tax event date', async () => {
    const p = await proforma({ validUntil: todayDate() });
    const bg = await pdfText(
      (await send(desk, 'GET', `/api/v1/proformas/${p.id}/pdf`, undefined, 200)).rawPayload,
    );
    expect(bg).toContain('ПРОФОРМА ФАКТУРА');
    expect(bg).toContain(p.number);
    expect(bg).toContain('Валидна до');
    expect(bg).toContain('не е данъчен документ');
    expect(bg).not.toContain('Дата на данъчното събитие');
    const both = await pdfText(
      (await send(desk, 'GET', `/api/v1/proformas/${p.id}/pdf?language=bg_en`, undefined, 200)).rawPayload,
    );
    expect(both).toContain('PROFORMA INVOICE');
    await refused('GET', `/api/v1/proformas/${p.id}/pdf?language=en`, undefined, {
      status: 400,
      code: 'invalid_value',
      field: 'language',
    });
  });

  it('converts once into an invoice that cites it; the second time is 409 and writes nothing', async () => {
    const p = await proforma({ lines: [line({ unitPriceCents: 10_000 })] });
    const converted = await json(desk, 'POST', `/api/v1/proformas/${p.id}/convert`, { receivedBy: 'Иван' });
    expect(converted.status).toBe('converted');
    expect(converted.invoice).toMatchObject({ kind: 'invoice', status: 'issued', totalCents: 12_000 });
    const inv = await json(desk, 'GET', `/api/v1/invoices/${converted.invoiceId}`);
    expect(inv).toMatchObject({
      number: converted.invoice.number,
      netCents: 10_000,
      vatCents: 2000,
      totalCents: 12_000,
      receivedBy: 'Иван',
      proforma: { id: p.id, number: p.number, documentDate: p.documentDate },
    });
    const problem = await refused(
      'POST',
      `/api/v1/proformas/${p.id}/convert`,
      {},
      { status: 409, code: 'proforma_already_converted' },
    );
    expect(problem.detail).toContain(inv.number);
    // The invoice is a tax document: it is in the journal and owed.
    const journal = await json(admin, 'GET', `/api/v1/vat/sales-journal?month=${month}`);
    expect(journal.rows.map((r: Json) => r.number)).toEqual([inv.number]);
    const owed = (await json(admin, 'GET', '/api/v1/receivables')).items.find(
      (r: Json) => r.partyId === customerId,
    );
    expect(owed.openCents).toBe(12_000);
    // The invoice PDF cites the proforma.
    const text = await pdfText(
      (await send(desk, 'GET', `/api/v1/invoices/${inv.id}/pdf`, undefined, 200)).rawPayload,
    );
    expect(text).toContain('По проформа фактура');
    expect(text).toContain(p.number);
  });

  it('from an order: the lines the customer pays; converting bills the order, only once it is finished', async () => {
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
      description: 'Гаранционен труд',
      quantityMilli: 1000,
      unitPriceCents: 9900,
      vatRateBp: 2000,
      payer: 'shop_warranty',
      payerReason: 'Повторен ремонт в гаранция',
    });
    const p = await json(desk, 'POST', '/api/v1/proformas/from-order', { orderId: o.id }, 201);
    // 1.5 × 40.00 = 60.00 + 20 % = 72.00; the warranty line stays off.
    expect(p.lines.map((l: Json) => [l.description, l.netCents])).toEqual([['Труд', 6000]]);
    expect(p).toMatchObject({ orderId: o.id, orderNumber: o.number, totalCents: 7200 });
    await refused(
      'POST',
      `/api/v1/proformas/${p.id}/convert`,
      {},
      {
        status: 409,
        code: 'order_not_billable',
        field: 'orderId',
      },
    );
    await moved(t, desk, o.id, 'diagnosing', 'in_repair', 'ready');
    const converted = await json(desk, 'POST', `/api/v1/proformas/${p.id}/convert`, {});
    const inv = await json(desk, 'GET', `/api/v1/invoices/${converted.invoiceId}`);
    expect(inv).toMatchObject({ orderId: o.id, totalCents: 7200 });
    await refused(
      'POST',
      '/api/v1/invoices/from-order',
      { orderId: o.id },
      { status: 409, code: 'order_already_billed', field: 'orderId' },
    );
  });

  it('INV-16: converting for a natural person without ЕГН/ЛНЧ asks for the confirmation issuing takes, and with it is printed and audited', async () => {
    const personId = (
      await aCustomer(t, admin, {
        kind: 'person',
        name: 'Мария Петрова',
        addresses: [{ label: 'billing', city: 'Русе', address: 'ул. „Дунав“ 5' }],
      })
    ).id;
    const p = await proforma({ partyId: personId });
    const before = await snapshotDatabase(t.db);
    const problem = await refused(
      'POST',
      `/api/v1/proformas/${p.id}/convert`,
      {},
      { status: 400, code: 'personal_id_required', field: 'recipient.egn' },
    );
    expect(problem.detail).toContain('Мария Петрова');
    // Nothing written, no invoice number taken, the proforma still open.
    expect(await snapshotDatabase(t.db)).toEqual(before);
    const converted = await json(desk, 'POST', `/api/v1/proformas/${p.id}/convert`, {
      withoutPersonalId: true,
    });
    expect(converted).toMatchObject({ status: 'converted', invoice: { kind: 'invoice', status: 'issued' } });
    const inv = await json(desk, 'GET', `/api/v1/invoices/${converted.invoiceId}`);
    expect(inv).toMatchObject({ withoutPersonalId: true, recipient: { name: 'Мария Петрова', egn: null } });
    const text = await pdfText(
      (await send(desk, 'GET', `/api/v1/invoices/${inv.id}/pdf`, undefined, 200)).rawPayload,
    );
    expect(text.replace(/\s+/g, ' ')).toContain(
      'ЕГН/ЛНЧ: не е предоставен (издадена с изрично потвърждение)',
    );
    // Audited as issuing is: the invoice's issue row and the conversion's row both record the confirmation.
    const issueAudit = await json(admin, 'GET', `/api/v1/audit?entity=sales_invoice&entityId=${inv.id}`);
    expect(issueAudit.items.find((a: Json) => a.action === 'sales_invoice.post')?.after).toMatchObject({
      withoutPersonalId: true,
    });
    const convertAudit = await json(admin, 'GET', `/api/v1/audit?entity=sales_proforma&entityId=${p.id}`);
    expect(convertAudit.items.find((a: Json) => a.action === 'sales_proforma.convert')).toMatchObject({
      after: { status: 'converted', invoiceId: inv.id, withoutPersonalId: true },
      userId: expect.any(String),
    });
  });

  it('refuses bad input with the field named and nothing written; a cancelled one is not converted', async () => {
    await refused(
      'POST',
      '/api/v1/proformas',
      { partyId: customerId, lines: [] },
      {
        status: 400,
        code: 'too_small',
        field: 'lines',
      },
    );
    await refused(
      'POST',
      '/api/v1/proformas',
      { partyId: customerId, lines: [line()], documentDate: todayDate(), validUntil: '2020-01-01' },
      { status: 400, code: 'valid_until_before_issue', field: 'validUntil' },
    );
    await refused(
      'POST',
      '/api/v1/proformas',
      { partyId: customerId, lines: [line({ vatRateBp: 0 })] },
      { status: 400, code: 'vat_reason_required', field: 'lines.0.vatReason' },
    );
    const p = await proforma();
    await refused(
      'POST',
      `/api/v1/proformas/${p.id}/cancel`,
      { reason: ' ' },
      {
        status: 400,
        code: 'too_small',
        field: 'reason',
      },
      admin,
    );
    // The desk makes and converts proformas; cancelling is the office's (as for invoices).
    await refused(
      'POST',
      `/api/v1/proformas/${p.id}/cancel`,
      { reason: 'Отказ' },
      { status: 403, code: 'forbidden' },
    );
    const cancelled = await json(admin, 'POST', `/api/v1/proformas/${p.id}/cancel`, {
      reason: 'Клиентът се отказа',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Клиентът се отказа' });
    await refused(
      'POST',
      `/api/v1/proformas/${p.id}/convert`,
      {},
      { status: 409, code: 'proforma_cancelled' },
    );
    // The storekeeper sees no proformas, as no invoices.
    const keeper = await aUser(t, 'storekeeper');
    await refused('GET', '/api/v1/proformas', undefined, { status: 403, code: 'forbidden' }, keeper);
  });
});
