import { beforeAll, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, aUser, aVatCompany } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { bgnToEur } from '../../kernel/eur';

/**
 * Credit and debit notes (INV-11, EUR-06) and the cancellation protocol (INV-12) through the HTTP API on both
 * databases: numbers shared with invoices without a gap (INV-02), partial and full credit, the over-credit refusal,
 * the currency of a 2026 note against a BGN invoice, the same authorisation as invoices, and the printed texts.
 */
describe.each(DIALECTS)('credit and debit notes on %s', (dialect) => {
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;
  let desk: Session;
  let customerId: string;
  const { json, refused, send } = requests(t, () => desk);

  const line = (over: Json = {}) => ({
    description: 'Ремонт',
    quantityMilli: 2000,
    unit: 'бр.',
    unitPriceCents: 5000,
    vatRateBp: 2000,
    ...over,
  });
  const invoice = async (over: Json = {}) => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId: customerId,
        lines: [line(), line({ description: 'Част', quantityMilli: 1000, unitPriceCents: 1999 })],
        ...over,
      },
      201,
    );
    return json(desk, 'POST', `/api/v1/invoices/${d.id}/issue`);
  };
  const credit = (id: string, body: Json, session: Session = desk) =>
    json(
      session,
      'POST',
      `/api/v1/invoices/${id}/credit-note`,
      { reason: 'Върната част', issue: true, ...body },
      201,
    );
  const debit = (id: string, body: Json) =>
    json(
      desk,
      'POST',
      `/api/v1/invoices/${id}/debit-note`,
      { reason: 'Допълнителен труд', issue: true, ...body },
      201,
    );

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    customerId = await anInvoiceCustomer(t, admin);
  });

  it('INV-11, INV-02: a partial credit note cites the invoice, shares its series without a gap, and is listed by kind', async () => {
    const inv = await invoice();
    // 2 × 50.00 + 19.99 = 119.99, VAT 24.00 (23.998), total 143.99
    expect(inv).toMatchObject({ kind: 'invoice', netCents: 11999, vatCents: 2400, totalCents: 14399 });
    const note = await credit(inv.id, { lines: [line({ quantityMilli: 1000 })] });
    expect(note).toMatchObject({
      kind: 'credit_note',
      status: 'issued',
      number: String(Number(inv.number) + 1).padStart(10, '0'),
      relatedInvoiceId: inv.id,
      relatedInvoice: { id: inv.id, number: inv.number, documentDate: inv.documentDate },
      noteReason: 'Върната част',
      partyId: customerId,
      recipientName: 'Клиент Първи ООД',
      netCents: 5000,
      vatCents: 1000,
      totalCents: 6000,
      currency: 'EUR',
    });
    // The note's rendering is stored by the job issuing queued, as an invoice's is (INV-15).
    await t.app.jobs.drain();
    expect((await json(desk, 'GET', `/api/v1/invoices/${note.id}`)).pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const next = await invoice();
    expect(Number(next.number)).toBe(Number(note.number) + 1);
    const shown = await json(desk, 'GET', `/api/v1/invoices/${inv.id}`);
    expect(shown.correctingNotes).toEqual([
      expect.objectContaining({
        id: note.id,
        kind: 'credit_note',
        number: note.number,
        status: 'issued',
        totalCents: 6000,
      }),
    ]);
    const notes = await json(desk, 'GET', '/api/v1/invoices?kind=credit_note,debit_note&pageSize=100');
    expect(notes.items.map((i: Json) => i.id)).toContain(note.id);
    expect(notes.items.every((i: Json) => i.kind !== 'invoice')).toBe(true);
    const ofInvoice = await json(desk, 'GET', `/api/v1/invoices?relatedInvoiceId=${inv.id}`);
    expect(ofInvoice.items.map((i: Json) => i.id)).toEqual([note.id]);
    const text = await pdfText(
      (await send(desk, 'GET', `/api/v1/invoices/${note.id}/pdf`, undefined, 200)).rawPayload,
    );
    expect(text).toContain('КРЕДИТНО ИЗВЕСТИЕ');
    expect(text).toContain(note.number);
    expect(text).toContain(`№ ${inv.number} от`);
    expect(text).toContain('Върната част');
    const both = await send(desk, 'GET', `/api/v1/invoices/${note.id}/pdf?language=bg_en`, undefined, 200);
    expect(await pdfText(both.rawPayload)).toContain('КРЕДИТНО ИЗВЕСТИЕ / CREDIT NOTE');
    // Every number of the series, invoices and notes alike, is 1..n once.
    const all = await json(desk, 'GET', '/api/v1/invoices?status=issued,cancelled&pageSize=200&sort=number');
    expect(all.items.map((i: Json) => i.number)).toEqual(
      Array.from({ length: all.total }, (_, i) => String(i + 1).padStart(10, '0')),
    );
  });

  it('over-credit is refused (409, nothing written, no number taken); a debit note raises what may be credited', async () => {
    const inv = await invoice();
    await credit(inv.id, { lines: [line({ quantityMilli: 1500 })] }); // 75.00 + 15.00 = 90.00 of 143.99
    // 60.00 more is past the 53.99 left.
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { reason: 'Още', issue: true, lines: [line({ quantityMilli: 1000 })] },
      { status: 409, code: 'credit_exceeds_invoice' },
    );
    // A draft is allowed, but issuing it is refused the same way.
    const draft = await json(
      desk,
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { reason: 'Още', lines: [line({ quantityMilli: 1000 })] },
      201,
    );
    expect(draft).toMatchObject({ status: 'draft', number: null, kind: 'credit_note' });
    await refused('POST', `/api/v1/invoices/${draft.id}/issue`, undefined, {
      status: 409,
      code: 'credit_exceeds_invoice',
    });
    // A debit note of 10.00 + 2.00: now 53.99 + 12.00 = 65.99 are left, and the 60.00 fits; 12.00 more does not.
    const d = await debit(inv.id, { lines: [line({ quantityMilli: 1000, unitPriceCents: 1000 })] });
    expect(d).toMatchObject({ kind: 'debit_note', totalCents: 1200 });
    const issued = await json(desk, 'POST', `/api/v1/invoices/${draft.id}/issue`);
    expect(issued).toMatchObject({ status: 'issued', totalCents: 6000 });
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { reason: 'Още', issue: true, lines: [line({ quantityMilli: 1000, unitPriceCents: 1000 })] },
      { status: 409, code: 'credit_exceeds_invoice' },
    );
  });

  it('a full credit takes the whole invoice in one action; nothing more can be credited', async () => {
    const inv = await invoice();
    const note = await credit(inv.id, { full: true, reason: 'Отказ от услугата' });
    expect(note.lines.map((l: Json) => [l.description, l.quantityMilli, l.unitPriceCents])).toEqual(
      inv.lines.map((l: Json) => [l.description, l.quantityMilli, l.unitPriceCents]),
    );
    expect(note).toMatchObject({
      netCents: inv.netCents,
      vatCents: inv.vatCents,
      totalCents: inv.totalCents,
    });
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { reason: 'Още', issue: true, full: true },
      { status: 409, code: 'credit_exceeds_invoice' },
    );
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/debit-note`,
      { reason: 'Не', full: true },
      { status: 400, code: 'note_full_credit_only', field: 'full' },
    );
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { reason: 'Празно' },
      { status: 400, code: 'invoice_empty', field: 'lines' },
    );
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { lines: [line()] },
      { status: 400, code: 'required', field: 'reason' },
    );
  });

  it('EUR-06: a 2026 note against a BGN invoice of 2025 is in EUR, the prices converted by 1.95583; a full credit fits exactly', async () => {
    // A series of its own: the default one already holds this year's invoices, and a series never goes back in time.
    const series = await json(
      admin,
      'POST',
      '/api/v1/numbering-series',
      { docType: 'invoice', code: 'BGN25', name: 'Фактури 2025', nextNumber: 9_000_000_001 },
      201,
    );
    const inv = await invoice({ documentDate: '2025-12-20', seriesId: series.id });
    expect(inv.currency).toBe('BGN');
    const note = await credit(inv.id, { full: true });
    expect(note.currency).toBe('EUR');
    // 50.00 лв → 25.56 €; 19.99 лв → 10.22 €
    expect(note.lines.map((l: Json) => l.unitPriceCents)).toEqual([
      Number(bgnToEur(5000)),
      Number(bgnToEur(1999)),
    ]);
    expect(note.lines.map((l: Json) => l.unitPriceCents)).toEqual([2556, 1022]);
    // 2 × 25.56 + 10.22 = 61.34, VAT 12.27 (12.268), total 73.61
    expect(note).toMatchObject({ netCents: 6134, vatCents: 1227, totalCents: 7361 });
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { reason: 'Още', issue: true, lines: [line({ quantityMilli: 1000, unitPriceCents: 100 })] },
      { status: 409, code: 'credit_exceeds_invoice' },
    );
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { reason: 'Рано', documentDate: '2025-12-19', lines: [line()] },
      { status: 400, code: 'note_before_invoice', field: 'documentDate' },
    );
  });

  it('only an issued invoice gets a note; the same authorisation as invoices', async () => {
    const d = await json(desk, 'POST', '/api/v1/invoices', { partyId: customerId, lines: [line()] }, 201);
    await refused(
      'POST',
      `/api/v1/invoices/${d.id}/credit-note`,
      { reason: 'Чернова', lines: [line()] },
      { status: 409, code: 'note_invoice_not_issued' },
    );
    const inv = await invoice();
    const note = await credit(inv.id, { lines: [line({ quantityMilli: 100 })] });
    await refused(
      'POST',
      `/api/v1/invoices/${note.id}/credit-note`,
      { reason: 'Към известие', lines: [line()] },
      { status: 409, code: 'note_invoice_not_issued' },
    );
    const technician = await aUser(t, 'technician');
    const res = await t.request(technician, 'POST', `/api/v1/invoices/${inv.id}/credit-note`, {
      reason: 'Не',
      full: true,
    });
    expect(res.statusCode).toBe(403);
    expect((await t.request(technician, 'GET', `/api/v1/invoices/${note.id}/pdf`)).statusCode).toBe(403);
    // An invoice with an issued note is not cancelled; its note is cancelled first, then it may be.
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/cancel`,
      { reason: 'Грешка' },
      { status: 409, code: 'invoice_has_notes' },
      admin,
    );
    await json(admin, 'POST', `/api/v1/invoices/${note.id}/cancel`, { reason: 'Грешно известие' });
    await json(admin, 'POST', `/api/v1/invoices/${inv.id}/cancel`, { reason: 'Грешка' });
    await refused(
      'POST',
      `/api/v1/invoices/${inv.id}/debit-note`,
      { reason: 'Анулирана', lines: [line()] },
      { status: 409, code: 'note_invoice_not_issued' },
    );
  });

  it('INV-12: the cancellation protocol of a cancelled invoice names it, both parties, the reason and the replacing invoice', async () => {
    const wrong = await invoice();
    await refused('GET', `/api/v1/invoices/${wrong.id}/cancellation-protocol.pdf`, undefined, {
      status: 409,
      code: 'invoice_not_cancelled',
    });
    const right = await invoice({ paymentMethod: 'bank_transfer' });
    await refused(
      'POST',
      `/api/v1/invoices/${wrong.id}/cancel`,
      { reason: 'Сгрешен начин на плащане', replacedById: wrong.id },
      { status: 400, code: 'replacement_not_issued', field: 'replacedById' },
      admin,
    );
    const cancelled = await json(admin, 'POST', `/api/v1/invoices/${wrong.id}/cancel`, {
      reason: 'Сгрешен начин на плащане',
      replacedById: right.id,
    });
    expect(cancelled.replacedBy).toMatchObject({ id: right.id, number: right.number });
    const res = await send(
      desk,
      'GET',
      `/api/v1/invoices/${wrong.id}/cancellation-protocol.pdf`,
      undefined,
      200,
    );
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('ПРОТОКОЛ ЗА АНУЛИРАНЕ');
    expect(text).toContain(`Фактура № ${wrong.number} от`);
    expect(text).toContain(`Фактура № ${right.number} от`);
    expect(text).toContain('Сгрешен начин на плащане');
    expect(text).toContain('Тест Сервиз ООД');
    expect(text).toContain('Клиент Първи ООД');
    expect(text).toContain('За получателя');
    const both = await send(
      desk,
      'GET',
      `/api/v1/invoices/${wrong.id}/cancellation-protocol.pdf?language=bg_en`,
      undefined,
      200,
    );
    expect(await pdfText(both.rawPayload)).toContain('CANCELLATION PROTOCOL');
    const technician = await aUser(t, 'technician');
    expect(
      (await t.request(technician, 'GET', `/api/v1/invoices/${wrong.id}/cancellation-protocol.pdf`))
        .statusCode,
    ).toBe(403);
  });
});
