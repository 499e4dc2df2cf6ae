import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, aUser, aVatCompany } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { addDays, todayDate } from '../../kernel/calendar';

/**
 * The VAT sales journal (issue 13 item 9; ADR 21) through the HTTP API on both databases: a month of hand-made
 * invoices (20 %, 9 %, exempt and 0 % with their grounds, a cancelled one, one in the next month) with every column
 * figured by hand, the CSV, PRODAGBI.TXT byte for byte, one access rule, and dates that never go backwards within
 * a series (409 invoice_date_before_previous).
 */
describe.each(DIALECTS)('VAT sales journal on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let accountant: Session;
  let desk: Session;
  let customerId: string;
  const { json, refused, send } = requests(t, () => accountant);

  // The month before this one, so that every date is in the past and in order.
  const thisMonth = todayDate().slice(0, 7);
  const month = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const period = month.replace('-', '');
  const currency = month >= '2026-01' ? 'EUR' : 'BGN';
  const numbers: string[] = [];
  const ids: string[] = [];

  const line = (over: Json = {}) => ({
    description: 'Ремонт',
    quantityMilli: 1000,
    unit: 'бр.',
    unitPriceCents: 1000,
    vatRateBp: 2000,
    ...over,
  });
  const issued = async (documentDate: string, lines: Json[]) => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      { partyId: customerId, documentDate, taxEventDate: documentDate, paymentMethod: 'cash', lines },
      201,
    );
    const i = await json(desk, 'POST', `/api/v1/invoices/${d.id}/issue`);
    numbers.push(i.number);
    ids.push(i.id);
    return i;
  };

  beforeAll(async () => {
    admin = await t.setup();
    accountant = await aUser(t, 'accountant');
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    customerId = await anInvoiceCustomer(t, admin);
    // 1: 2 × 50.00 at 20 % → base 100.00, VAT 20.00
    await issued(`${month}-03`, [line({ quantityMilli: 2000, unitPriceCents: 5000 })]);
    // 2: 15.99 at 9 % → base 15.99, VAT 1.4391 → 1.44
    await issued(`${month}-10`, [line({ description: 'Книга', unitPriceCents: 1599, vatRateBp: 900 })]);
    // 3: exempt 40.00 (чл. 39) and 0 % export 5.00 (чл. 28) → 02-19 40.00, 02-14 5.00
    await issued(`${month}-15`, [
      line({
        description: 'Застраховка',
        unitPriceCents: 4000,
        vatRateBp: 0,
        vatExempt: true,
        vatReason: 'чл. 39 ЗДДС – освободена доставка',
      }),
      line({ description: 'Износ', unitPriceCents: 500, vatRateBp: 0, vatReason: 'чл. 28 ЗДДС – износ' }),
    ]);
    // 4: 10.00 at 20 %, then cancelled: in the journal with zeros
    const fourth = await issued(`${month}-20`, [line()]);
    await json(accountant, 'POST', `/api/v1/invoices/${fourth.id}/cancel`, { reason: 'Грешен получател' });
    // 5: the next month: not in this one
    await issued(`${thisMonth}-01`, [line({ unitPriceCents: 9900 })]);
  });

  it("lists the month's documents in number order, each column figured by hand, and the totals", async () => {
    const j = await json(accountant, 'GET', `/api/v1/vat/sales-journal?month=${month}`);
    expect(j).toMatchObject({ month, currency, vatNumber: 'BG131129282' });
    expect(j.rows.map((r: Json) => [r.seq, r.number, r.docType, r.cancelled])).toEqual([
      [1, numbers[0], '01', false],
      [2, numbers[1], '01', false],
      [3, numbers[2], '01', false],
      [4, numbers[3], '01', true],
    ]);
    expect(j.rows[0]).toMatchObject({
      documentDate: `${month}-03`,
      recipientId: '020469788',
      recipientName: 'Клиент Първи ООД',
      cells: { totalBaseCents: 10000, totalVatCents: 2000, base20Cents: 10000, vat20Cents: 2000 },
    });
    expect(j.rows[1].cells).toMatchObject({
      totalBaseCents: 1599,
      totalVatCents: 144,
      base9Cents: 1599,
      vat9Cents: 144,
    });
    expect(j.rows[2].cells).toMatchObject({
      totalBaseCents: 4500,
      totalVatCents: 0,
      base0Cents: 500,
      baseExemptCents: 4000,
    });
    expect(Object.values(j.rows[3].cells).every((v) => v === 0)).toBe(true);
    expect(j.totals).toEqual({
      totalBaseCents: 16099,
      totalVatCents: 2144,
      base20Cents: 10000,
      vat20Cents: 2000,
      base9Cents: 1599,
      vat9Cents: 144,
      base0Cents: 500,
      base0IntraEuCents: 0,
      base0SpecialCents: 0,
      baseServicesEuCents: 0,
      baseExemptCents: 4000,
    });
    // The next month holds only the fifth.
    const next = await json(accountant, 'GET', `/api/v1/vat/sales-journal?month=${thisMonth}`);
    expect(next.rows.map((r: Json) => r.number)).toEqual([numbers[4]]);
  });

  it('gives the same journal as CSV with a totals row', async () => {
    const res = await send(
      accountant,
      'GET',
      `/api/v1/vat/sales-journal?month=${month}&format=csv`,
      undefined,
      200,
    );
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain('total_base (02-10)');
    expect(lines[1]).toContain(numbers[0]);
    expect(lines[5]).toContain('TOTAL');
    expect(lines[5]).toContain('160.99');
    expect(lines[5]).toContain('21.44');
  });

  it('writes PRODAGBI.TXT: one 424-character record a document, windows-1251, CR LF, the cancelled one with zeros', async () => {
    const res = await send(accountant, 'GET', `/api/v1/vat/sales-journal.txt?month=${month}`, undefined, 200);
    expect(res.headers['content-type']).toContain('windows-1251');
    expect(res.headers['content-disposition']).toContain('PRODAGBI.TXT');
    const bytes = res.rawPayload;
    expect(bytes).toHaveLength(4 * 426);
    const text = iconv.decode(bytes, 'win1251');
    const records = text.split('\r\n');
    expect(records.pop()).toBe('');
    expect(records.every((r) => r.length === 424)).toBe(true);
    const [y, m] = month.split('-');
    const amt = (s: string) => s.padStart(15, ' ');
    const zero = amt('0.00');
    expect(records[0]).toBe(
      `BG131129282    ${period}   0${' '.repeat(14)}101${numbers[0]}${' '.repeat(10)}03/${m}/${y}` +
        `020469788      ${'Клиент Първи ООД'.padEnd(50, ' ')}${'Ремонт'.padEnd(30, ' ')}` +
        amt('100.00') +
        amt('20.00') +
        amt('100.00') +
        amt('20.00') +
        zero.repeat(13) +
        '  ',
    );
    // The cancelled fourth: number and date kept, every amount zero.
    expect(records[3]?.slice(42, 62).trim()).toBe(numbers[3]);
    expect(records[3]?.slice(167, 422)).toBe(zero.repeat(17));
    // Cyrillic as windows-1251 bytes: 'К' of the recipient's name at position 88 is 0xCA.
    expect(bytes[87]).toBe(0xca);
  });

  it('keeps the journal, the CSV and the file to the management and the accountant (403 to the front desk)', async () => {
    for (const url of [
      `/api/v1/vat/sales-journal?month=${month}`,
      `/api/v1/vat/sales-journal?month=${month}&format=csv`,
      `/api/v1/vat/sales-journal.txt?month=${month}`,
    ]) {
      await send(desk, 'GET', url, undefined, 403);
      await send(admin, 'GET', url, undefined, 200);
    }
  });

  it('refuses a month that is not YYYY-MM (400, field month)', async () => {
    await refused('GET', '/api/v1/vat/sales-journal?month=2026-13', undefined, {
      status: 400,
      code: 'invalid_value',
      field: 'month',
    });
  });

  it('refuses to issue an invoice dated before the previous one of its series (409), nothing written', async () => {
    const d = await json(
      desk,
      'POST',
      '/api/v1/invoices',
      {
        partyId: customerId,
        documentDate: `${month}-25`,
        taxEventDate: `${month}-25`,
        paymentMethod: 'cash',
        lines: [line()],
      },
      201,
    );
    const problem = await refused(
      'POST',
      `/api/v1/invoices/${d.id}/issue`,
      undefined,
      { status: 409, code: 'invoice_date_before_previous', field: 'documentDate' },
      desk,
    );
    expect(problem.detail).toContain(numbers[4]);
    // The same day as the previous one is fine, and takes the next number.
    const same = await json(desk, 'PATCH', `/api/v1/invoices/${d.id}`, {
      documentDate: `${thisMonth}-01`,
      taxEventDate: `${thisMonth}-01`,
    });
    expect(same.documentDate).toBe(`${thisMonth}-01`);
    const ok = await json(desk, 'POST', `/api/v1/invoices/${d.id}/issue`);
    expect(Number(ok.number)).toBe(Number(numbers[4]) + 1);
  });

  it('a credit note against an invoice is a row of type 03 with negative amounts, in its own month', async () => {
    // The fifth invoice: 99.00 at 20 %; credited in full today (this month).
    const note = await json(
      desk,
      'POST',
      `/api/v1/invoices/${ids[4]}/credit-note`,
      { reason: 'Върнат уред', full: true, issue: true },
      201,
    );
    const j = await json(accountant, 'GET', `/api/v1/vat/sales-journal?month=${thisMonth}`);
    const row = j.rows.find((r: Json) => r.number === note.number);
    expect(row).toMatchObject({
      docType: '03',
      cancelled: false,
      cells: { totalBaseCents: -9900, totalVatCents: -1980, base20Cents: -9900, vat20Cents: -1980 },
    });
    expect(j.totals.base20Cents).toBe(
      j.rows.reduce((sum: number, r: Json) => sum + (r.cells.base20Cents as number), 0),
    );
  });
});
