import { beforeAll, describe, expect, it } from 'vitest';
import {
  aCustomer,
  anInvoiceCustomer,
  anOrder,
  aPart,
  aService,
  aUser,
  aVatCompany,
  moved,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { addDays, todayDate } from '../../kernel/calendar';

/**
 * The Bulgarian invoice and euro requirements of issue 13 that no other test cites (ADR 0035), through the HTTP API
 * on both databases: the tax documents (INV-01), the national currency by date (INV-05), the tax event of a service
 * (INV-07), an invoice to a natural person (INV-16), no dual display on invoices (EUR-03) and the currency of the
 * VAT journal's period (EUR-08). The tests issue in date order: one invoice series never goes back in time.
 */
describe.each(DIALECTS)('Bulgarian invoice requirements on %s', (dialect) => {
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;
  let desk: Session;
  let accountant: Session;
  let customerId: string;
  const { json, refused, send } = requests(t, () => desk);
  const today = todayDate();

  const line = (over: Json = {}) => ({
    description: 'Ремонт',
    quantityMilli: 1000,
    unit: 'бр.',
    unitPriceCents: 10000,
    vatRateBp: 2000,
    ...over,
  });
  const issued = async (over: Json = {}) => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      { partyId: customerId, lines: [line()], ...over },
      201,
    );
    return json(desk, 'POST', `/api/v1/invoices/${d.id}/issue`);
  };
  const pdfOf = async (id: string) =>
    pdfText((await send(desk, 'GET', `/api/v1/invoices/${id}/pdf`, undefined, 200)).rawPayload);

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    accountant = await aUser(t, 'accountant');
    await aVatCompany(t, admin);
    customerId = await anInvoiceCustomer(t, admin);
  });

  it('INV-05, EUR-08: base and VAT in BGN up to 31.12.2025 and in EUR from 01.01.2026; the VAT journal, its CSV and PRODAGBI.TXT of a 2025 month in BGN, of 2026 in EUR', async () => {
    const lev = await issued({ documentDate: '2025-12-31', taxEventDate: '2025-12-31' });
    expect(lev).toMatchObject({ currency: 'BGN', netCents: 10000, vatCents: 2000, totalCents: 12000 });
    expect(await pdfOf(lev.id)).toContain('120,00 лв.');
    const euro = await issued({ documentDate: '2026-01-01', taxEventDate: '2026-01-01' });
    expect(euro).toMatchObject({ currency: 'EUR', netCents: 10000, vatCents: 2000, totalCents: 12000 });
    expect(await pdfOf(euro.id)).toContain('120,00 €');

    // EUR-08: the December 2025 journal is in BGN, nothing converted; January 2026 in EUR.
    const dec = await json(accountant, 'GET', '/api/v1/vat/sales-journal?month=2025-12');
    expect(dec).toMatchObject({ month: '2025-12', currency: 'BGN' });
    expect(dec.rows.map((r: Json) => [r.number, r.cells.totalBaseCents, r.cells.totalVatCents])).toEqual([
      [lev.number, 10000, 2000],
    ]);
    const jan = await json(accountant, 'GET', '/api/v1/vat/sales-journal?month=2026-01');
    expect(jan).toMatchObject({ month: '2026-01', currency: 'EUR' });
    expect(jan.rows.map((r: Json) => r.number)).toEqual([euro.number]);
    // The accountant's exports say so: the CSV's currency column, and the file's amounts as they are (100.00, 20.00).
    const csv = (month: string) =>
      send(accountant, 'GET', `/api/v1/vat/sales-journal?month=${month}&format=csv`, undefined, 200);
    const decCsv = (await csv('2025-12')).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(decCsv[0]?.endsWith(',currency')).toBe(true);
    expect(decCsv[1]).toContain('100.00');
    expect(decCsv.slice(1).every((l) => l.endsWith(',BGN'))).toBe(true);
    const janCsv = (await csv('2026-01')).body.trim().split(/\r?\n/);
    expect(janCsv.slice(1).every((l) => l.endsWith(',EUR'))).toBe(true);
    const txt = await send(accountant, 'GET', '/api/v1/vat/sales-journal.txt?month=2025-12', undefined, 200);
    expect(txt.rawPayload.toString('latin1')).toContain(
      `${'100.00'.padStart(15, ' ')}${'20.00'.padStart(15, ' ')}`,
    );
  });

  it('EUR-03: an invoice is never dual; an informative amount in the other currency only when the setting is on', async () => {
    const company = await json(admin, 'GET', '/api/v1/company');
    expect(company).toMatchObject({ invoiceOtherCurrency: false, dualDisplayUntil: '2026-08-08' });
    const plain = await issued();
    expect(plain.informativeTotals).toBeNull();
    const text = await pdfOf(plain.id);
    expect(text).toContain('120,00 €');
    expect(text).not.toContain('лв.');

    await aVatCompany(t, admin, { invoiceOtherCurrency: true });
    const d = await json(desk, 'POST', '/api/v1/invoices', { partyId: customerId, lines: [line()] }, 201);
    // 120.00 EUR × 1.95583 = 234.6996 → 234.70 BGN; base 195.58, VAT 234.70 − 195.58 = 39.12.
    expect(d.informativeTotals).toEqual({
      currency: 'BGN',
      netCents: 19558,
      vatCents: 3912,
      totalCents: 23470,
    });
    const informative = await pdfOf(d.id);
    expect(informative).toContain('За информация, по курс 1 EUR = 1,95583 лв.');
    expect(informative).toContain('234,70 лв.');
    // The setting does not touch the amounts the invoice is issued in.
    expect(d).toMatchObject({ currency: 'EUR', totalCents: 12000 });
    await send(desk, 'DELETE', `/api/v1/invoices/${d.id}`, undefined, 204);
    const back = await aVatCompany(t, admin, { invoiceOtherCurrency: false });
    expect(back.invoiceOtherCurrency).toBe(false);
    // Settings not sent are kept; a bad date is refused naming the field.
    await refused(
      'PUT',
      '/api/v1/company',
      { ...(await json(admin, 'GET', '/api/v1/company')), dualDisplayUntil: '2026-13-01' },
      { status: 400, code: 'invalid_value', field: 'dualDisplayUntil' },
      admin,
    );
  });

  it('INV-01: invoice, debit note and credit note are the tax documents in the VAT journal; a proforma is not; a cancellation is recorded by a protocol', async () => {
    const inv = await issued();
    const debit = await json(
      desk,
      'POST',
      `/api/v1/invoices/${inv.id}/debit-note`,
      { reason: 'Допълнителен труд', issue: true, lines: [line({ unitPriceCents: 1000 })] },
      201,
    );
    const credit = await json(
      desk,
      'POST',
      `/api/v1/invoices/${inv.id}/credit-note`,
      { reason: 'Върната част', issue: true, lines: [line({ unitPriceCents: 500 })] },
      201,
    );
    const proforma = await json(
      desk,
      'POST',
      '/api/v1/proformas',
      { partyId: customerId, lines: [line()] },
      201,
    );
    const journal = await json(accountant, 'GET', `/api/v1/vat/sales-journal?month=${today.slice(0, 7)}`);
    const ours = journal.rows.filter((r: Json) => [inv.id, debit.id, credit.id].includes(r.invoiceId));
    expect(ours.map((r: Json) => [r.number, r.docType])).toEqual([
      [inv.number, '01'],
      [debit.number, '02'],
      [credit.number, '03'],
    ]);
    expect(journal.rows.map((r: Json) => r.number)).not.toContain(proforma.number);
    expect(
      await pdfText(
        (await send(desk, 'GET', `/api/v1/proformas/${proforma.id}/pdf`, undefined, 200)).rawPayload,
      ),
    ).toContain('Проформа фактурата не е данъчен документ.');
    // Cancelled (анулирана): the number is kept and a two-party protocol records it.
    const other = await issued();
    await json(admin, 'POST', `/api/v1/invoices/${other.id}/cancel`, { reason: 'Грешен получател' });
    const protocol = await send(
      admin,
      'GET',
      `/api/v1/invoices/${other.id}/cancellation-protocol.pdf`,
      undefined,
      200,
    );
    const protocolText = await pdfText(protocol.rawPayload);
    expect(protocolText).toContain('ПРОТОКОЛ ЗА АНУЛИРАНЕ');
    expect(protocolText).toContain(other.number);
  });

  it('INV-08: VAT rates are data: the catalogue takes the company’s default rate (a setting, 20 % out of the box), a line carries its own rate; 9 %, 0 %, exempt and reverse charge each with its ground', async () => {
    expect((await aPart(t, admin)).vatRateBp).toBe(2000);
    expect((await aService(t, admin)).vatRateBp).toBe(2000);
    await aVatCompany(t, admin, { defaultVatRateBp: 900 });
    expect((await aPart(t, admin)).vatRateBp).toBe(900);
    expect((await aService(t, admin)).vatRateBp).toBe(900);
    expect((await aPart(t, admin, { vatRateBp: 0 })).vatRateBp).toBe(0);
    await aVatCompany(t, admin, { defaultVatRateBp: 2000 });
    expect((await aPart(t, admin)).vatRateBp).toBe(2000);
    // An order line takes its part's rate; the invoice of the order bills it at that rate.
    const book = await aPart(t, admin, { vatRateBp: 900, salePriceCents: 1000 });
    const lines = [
      line({ description: 'Труд' }),
      line({ description: 'Книга', unitPriceCents: 1000, vatRateBp: book.vatRateBp }),
      line({ description: 'Износ', unitPriceCents: 500, vatRateBp: 0, vatReason: 'чл. 28 ЗДДС – износ' }),
      line({
        description: 'Застраховка',
        unitPriceCents: 400,
        vatRateBp: 0,
        vatExempt: true,
        vatReason: 'чл. 39 ЗДДС – освободена доставка',
      }),
      line({
        description: 'Услуга за ЕС',
        unitPriceCents: 300,
        vatRateBp: 0,
        vatExempt: true,
        vatReason: 'чл. 21, ал. 2 ЗДДС – обратно начисляване',
      }),
    ];
    const inv = await issued({ lines });
    expect(inv.vatByRate).toEqual([
      { vatRateBp: 2000, vatExempt: false, baseCents: 10_000, vatCents: 2000 },
      { vatRateBp: 900, vatExempt: false, baseCents: 1000, vatCents: 90 },
      { vatRateBp: 0, vatExempt: false, baseCents: 500, vatCents: 0 },
      { vatRateBp: 0, vatExempt: true, baseCents: 700, vatCents: 0 },
    ]);
    const text = (await pdfOf(inv.id)).replace(/\s+/g, ' ');
    expect(text).toContain('чл. 21, ал. 2 ЗДДС – обратно начисляване');
    expect(text).toContain('чл. 28 ЗДДС – износ');
  });

  describe('INV-07: the tax event of a service is its completion', () => {
    const finishedOrder = async (daysAgo: number) => {
      const o = await anOrder(t, admin, { partyId: customerId });
      await json(
        desk,
        'POST',
        `/api/v1/service-orders/${o.id}/lines`,
        { kind: 'charge', description: 'Труд', quantityMilli: 1000, unitPriceCents: 5000, vatRateBp: 2000 },
        201,
      );
      await moved(t, desk, o.id, 'diagnosing', 'in_repair', 'ready');
      // Finished `daysAgo` days ago, at noon UTC (the same calendar day in Sofia).
      await t.db
        .updateTable('service_order')
        .set({ finished_at: `${addDays(today, -daysAgo)}T10:00:00.000Z` })
        .where('id', '=', o.id)
        .execute();
      return o.id as string;
    };

    it('INV-07: an invoice of a finished order takes the day it was finished as its tax event, not the issue date; the 5-day warning (INV-06) follows', async () => {
      const orderId = await finishedOrder(3);
      const inv = await json(desk, 'POST', '/api/v1/invoices/from-order', { orderId }, 201);
      expect(inv).toMatchObject({ documentDate: today, taxEventDate: addDays(today, -3), warnings: [] });
      expect(await pdfOf(inv.id)).toContain(addDays(today, -3).split('-').reverse().join('.'));
      // Finished 8 days ago: the same default, and the invoice is flagged as issued late.
      const late = await json(
        desk,
        'POST',
        '/api/v1/invoices/from-order',
        { orderId: await finishedOrder(8) },
        201,
      );
      expect(late).toMatchObject({ taxEventDate: addDays(today, -8), warnings: ['issued_late'] });
    });

    it('INV-07: the user may set another tax event date, which the invoice keeps', async () => {
      const orderId = await finishedOrder(2);
      const inv = await json(
        desk,
        'POST',
        '/api/v1/invoices/from-order',
        { orderId, taxEventDate: addDays(today, -1) },
        201,
      );
      expect(inv).toMatchObject({ taxEventDate: addDays(today, -1), warnings: [] });
    });
  });

  describe('INV-16: an invoice to a natural person', () => {
    let personId: string;
    beforeAll(async () => {
      personId = (
        await aCustomer(t, admin, {
          kind: 'person',
          name: 'Иван Иванов',
          addresses: [{ label: 'billing', city: 'Варна', address: 'ул. „Морска“ 3' }],
        })
      ).id;
    });

    it('INV-16: without ЕГН/ЛНЧ it is not issued (400 personal_id_required, field recipient.egn), nothing written and no number taken', async () => {
      const d = await json(desk, 'POST', '/api/v1/invoices', { partyId: personId, lines: [line()] }, 201);
      const problem = await refused('POST', `/api/v1/invoices/${d.id}/issue`, undefined, {
        status: 400,
        code: 'personal_id_required',
        field: 'recipient.egn',
      });
      expect(problem.detail).toContain('Иван Иванов');
      await send(desk, 'DELETE', `/api/v1/invoices/${d.id}`, undefined, 204);
    });

    it('INV-16: issued without ЕГН/ЛНЧ only on explicit confirmation, which is printed and audited', async () => {
      const inv = await issued({ partyId: personId, withoutPersonalId: true });
      expect(inv).toMatchObject({ status: 'issued', withoutPersonalId: true, recipient: { egn: null } });
      expect((await pdfOf(inv.id)).replace(/\s+/g, ' ')).toContain(
        'ЕГН/ЛНЧ: не е предоставен (издадена с изрично потвърждение)',
      );
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['user_id', 'after_json'])
        .where('entity_id', '=', inv.id)
        .where('action', '=', 'sales_invoice.post')
        .executeTakeFirstOrThrow();
      expect(audit.user_id).toBe(desk.userId);
      expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ withoutPersonalId: true });
      // A note goes to the same recipient and keeps the confirmation.
      const note = await json(
        desk,
        'POST',
        `/api/v1/invoices/${inv.id}/credit-note`,
        { reason: 'Върната част', issue: true, full: true },
        201,
      );
      expect(note).toMatchObject({ status: 'issued', withoutPersonalId: true });
    });

    it('INV-16: with ЕГН it is issued and printed, and the confirmation is not asked for', async () => {
      await json(admin, 'PATCH', `/api/v1/parties/${personId}`, { wantsInvoices: true, egn: '7501010010' });
      const inv = await issued({ partyId: personId, withoutPersonalId: true });
      expect(inv).toMatchObject({ withoutPersonalId: false, recipient: { egn: '7501010010' } });
      const text = await pdfOf(inv.id);
      expect(text).toContain('7501010010');
      expect(text).not.toContain('не е предоставен');
      // A company is still identified by its ЕИК (INV-03), never by a confirmation.
      const bare = await aCustomer(t, admin, {
        name: 'Без ЕИК ООД',
        addresses: [{ label: 'billing', city: 'Русе', address: 'ул. „Борисова“ 2' }],
      });
      const d = await json(
        desk,
        'POST',
        '/api/v1/invoices',
        { partyId: bare.id, withoutPersonalId: true, lines: [line()] },
        201,
      );
      await refused('POST', `/api/v1/invoices/${d.id}/issue`, undefined, {
        status: 400,
        code: 'invoice_requisite_missing',
        field: 'recipient.id',
      });
    });
  });
});
