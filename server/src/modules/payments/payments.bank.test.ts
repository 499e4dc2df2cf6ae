import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aUser, aVatCompany } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';
import { addDays, todayDate } from '../../kernel/calendar';
import { parseBankAmount, parseBankDate } from './payments.bank';

/** Text as Excel on a Bulgarian Windows (and most Bulgarian internet banking) saves it: Windows-1251 bytes. */
function windows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((ch) => {
      const b = byChar.get(ch);
      if (b === undefined) throw new Error(`not in Windows-1251: ${ch}`);
      return b;
    }),
  );
}
const base64 = (text: string) => windows1251(text).toString('base64');
const bgDate = (iso: string) => iso.split('-').reverse().join('.');

describe('bank statement cells', () => {
  it('reads amounts with comma or dot decimals and thousands separators, in integer cents', () => {
    expect(parseBankAmount('1 234,56')).toBe(123_456);
    expect(parseBankAmount('1.234,56')).toBe(123_456);
    expect(parseBankAmount('1,234.56')).toBe(123_456);
    expect(parseBankAmount('-45,00')).toBe(-4500);
    expect(parseBankAmount('120,5')).toBe(12_050);
    expect(parseBankAmount('0,10')).toBe(10);
    expect(parseBankAmount('12,345')).toBe(null);
    expect(parseBankAmount('abc')).toBe(null);
  });
  it('reads days as dd.mm.yyyy or ISO, refusing days that do not exist', () => {
    expect(parseBankDate('07.12.2026')).toBe('2026-12-07');
    expect(parseBankDate('7/12/2026')).toBe('2026-12-07');
    expect(parseBankDate('2026-12-07 10:15')).toBe('2026-12-07');
    expect(parseBankDate('32.13.2026')).toBe(null);
    expect(parseBankDate('29.02.2026')).toBe(null);
  });
});

/**
 * Bank statement import (issue 13, item 7; ADR 0023) through the HTTP API on both databases: a Windows-1251 file
 * with semicolons and comma decimals as a Bulgarian bank exports it; the proposed matches; refusals with nothing
 * written; the import as bank transfer payments; a re-upload showing the lines as imported. Figures by hand.
 */
describe.each(DIALECTS)('bank statement import on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let accountant: Session;
  let desk: Session;
  const { json, refused } = requests(t, () => accountant);
  const today = todayDate();
  let a: string;
  let b: string;
  let bank: string;
  let cash: string;
  const inv = {} as Record<'a1' | 'a2' | 'b1', Json>;
  let file: string;

  const invoice = async (partyId: string, priceCents: number, documentDate: string) => {
    const d = await json(
      admin,
      'POST',
      '/api/v1/invoices',
      {
        partyId,
        documentDate,
        dueDate: addDays(documentDate, 14),
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
    return json(admin, 'POST', `/api/v1/invoices/${d.id}/issue`);
  };
  const preview = (accountId: string, body: Json = { file }) =>
    json(accountant, 'POST', `/api/v1/money-accounts/${accountId}/bank-statement/preview`, body);

  beforeAll(async () => {
    admin = await t.setup();
    accountant = await aUser(t, 'accountant');
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    const addresses = [{ label: 'billing', city: 'Пловдив', address: 'ул. „Главна“ 1' }];
    a = (await aCustomer(t, admin, { name: 'Клиент А ООД', uic: '020469788', addresses })).id;
    b = (await aCustomer(t, admin, { name: 'Клиент Б ЕООД', uic: '175074752', addresses })).id;
    bank = (
      await json(
        admin,
        'POST',
        '/api/v1/money-accounts',
        { kind: 'bank', name: 'Разплащателна', bankName: 'БНБ', iban: 'BG80BNBG96611020345678' },
        201,
      )
    ).id;
    cash = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса' }, 201)).id;
    inv.a1 = await invoice(a, 10_000, addDays(today, -30)); // 100.00 + 20 % = 120.00 €
    inv.a2 = await invoice(a, 5000, addDays(today, -20)); //   50.00 + 20 % =  60.00 €
    inv.b1 = await invoice(b, 20_000, addDays(today, -10)); // 200.00 + 20 % = 240.00 €
    const d = bgDate(today);
    // As a Bulgarian bank exports it: Windows-1251, semicolons, comma decimals, a space between thousands.
    file = base64(
      [
        'Дата;Вальор;Сума;Наредител/Получател;IBAN;ЕИК;Основание',
        `${d};${d};120,00;КЛИЕНТ А ООД;BG18RZBB91550123456789;020469788;Плащане по фактура № ${inv.a1.number}`,
        `${d};${d};100,00;Клиент Б ЕООД;BG27UNCR70001520000001;175074752;"Ф-ра ${inv.b1.number}; частично"`,
        `${d};${d};-45,00;ЧЕЗ Електро България АД;BG66UNCR70001520000002;;Ток за ноември`,
        `${d};${d};1 234,56;Непознат Иванов;BG11FINV91501004000003;;Захранване`,
        `32.13.2026;${d};10,00;Грешен ред;;;`,
        '',
      ].join('\r\n'),
    );
  });

  it('previews each line with its proposed match and writes nothing', async () => {
    const before = await snapshotDatabase(t.db);
    const p = await preview(bank);
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect(p.encoding).toBe('windows-1251');
    expect(p.columns).toMatchObject({
      date: 'Дата',
      amount: 'Сума',
      name: 'Наредител/Получател',
      eik: 'ЕИК',
    });
    const lines = p.lines as Json[];
    expect(lines.map((l) => [l.line, l.status, l.amountCents, l.match.kind])).toEqual([
      [2, 'new', 12_000, 'invoice'], // the number is in the description and 120.00 is A1's open amount
      [3, 'new', 10_000, 'customer'], // B1 is 240.00, not 100.00: the customer by ЕИК, oldest first
      [4, 'outgoing', -4500, 'none'],
      [5, 'new', 123_456, 'none'],
      [6, 'invalid', 1000, 'none'],
    ]);
    expect(lines[0]?.match).toMatchObject({ partyId: a, invoiceId: inv.a1.id, openCents: 12_000 });
    expect(lines[1]?.match).toMatchObject({ partyId: b, invoiceId: null, openCents: 24_000 });
    expect(lines[1]?.description).toBe(`Ф-ра ${inv.b1.number}; частично`);
    expect(lines[4]?.error).toBe('bank_line_date');
  });

  it('refuses a cash desk, unknown columns, bad lines and over-allocation, with nothing written', async () => {
    const p = await preview(bank);
    const [l1, , out, unknown] = (p.lines as Json[]).map((l) => l.hash as string);
    await refused(
      'POST',
      `/api/v1/money-accounts/${cash}/bank-statement/preview`,
      { file },
      {
        status: 400,
        code: 'bank_account_required',
        field: 'accountId',
      },
    );
    const odd = base64(`Кога;Колко\r\n${bgDate(today)};10,00\r\n`);
    await refused(
      'POST',
      `/api/v1/money-accounts/${bank}/bank-statement/preview`,
      { file: odd },
      {
        status: 400,
        code: 'bank_columns_unknown',
        field: 'columns',
      },
    );
    // The user says which columns are which: then the file reads.
    const mapped = await preview(bank, { file: odd, columns: { date: 'Кога', amount: 'Колко' } });
    expect((mapped.lines as Json[])[0]).toMatchObject({ status: 'new', amountCents: 1000 });
    await refused(
      'POST',
      `/api/v1/money-accounts/${bank}/bank-statement/preview`,
      { file: odd, columns: { date: 'Ден', amount: 'Колко' } },
      { status: 400, code: 'bank_column_not_in_file', field: 'columns.date' },
    );
    const url = `/api/v1/money-accounts/${bank}/bank-statement/import`;
    await refused(
      'POST',
      url,
      { file, lines: [{ hash: out, partyId: a }] },
      {
        status: 400,
        code: 'bank_line_not_incoming',
        field: 'lines.0.hash',
      },
    );
    await refused(
      'POST',
      url,
      { file, lines: [{ hash: 'f'.repeat(64), partyId: a }] },
      {
        status: 400,
        code: 'bank_line_unknown',
        field: 'lines.0.hash',
      },
    );
    // Line 2 alone would import; line 5's 1 234.56 is more than A2's open 60.00: the whole request is refused.
    await refused(
      'POST',
      url,
      {
        file,
        lines: [
          { hash: l1, partyId: a, invoiceId: inv.a1.id },
          { hash: unknown, partyId: a, invoiceId: inv.a2.id },
        ],
      },
      { status: 409, code: 'allocation_exceeds_open', field: 'allocations.0.amountCents' },
    );
    await refused(
      'POST',
      url,
      { file, lines: [{ hash: l1, partyId: a }] },
      { status: 403, code: 'forbidden' },
      desk,
    );
  });

  it('imports the confirmed lines as bank transfers allocated as matched, and never imports a line twice', async () => {
    const p = await preview(bank);
    const [l1, l2] = p.lines as Json[];
    const url = `/api/v1/money-accounts/${bank}/bank-statement/import`;
    const done = await json(
      accountant,
      'POST',
      url,
      {
        file,
        lines: [
          { hash: l1?.hash, partyId: l1?.match.partyId, invoiceId: l1?.match.invoiceId },
          { hash: l2?.hash, partyId: l2?.match.partyId },
        ],
      },
      201,
    );
    expect(done.imported).toBe(2);
    const [p1, p2] = done.payments as Json[];
    expect(await json(accountant, 'GET', `/api/v1/payments/${p1?.paymentId}`)).toMatchObject({
      method: 'bank_transfer',
      accountId: bank,
      partyId: a,
      date: today,
      amountCents: 12_000,
      allocatedCents: 12_000,
      unallocatedCents: 0,
    });
    // A1 is paid; B1 has 240.00 − 100.00 = 140.00 open.
    expect(await json(accountant, 'GET', `/api/v1/invoices/${inv.a1.id}/payments`)).toMatchObject({
      paymentState: 'paid',
      openCents: 0,
    });
    expect(await json(accountant, 'GET', `/api/v1/invoices/${inv.b1.id}/payments`)).toMatchObject({
      paymentState: 'partly_paid',
      paidCents: 10_000,
      openCents: 14_000,
    });
    // The bank account holds 120.00 + 100.00 = 220.00.
    expect(await json(accountant, 'GET', `/api/v1/money-accounts/${bank}`)).toMatchObject({
      balanceCents: 22_000,
    });
    // Uploaded again: the two lines are imported, with their payments; line 5 is still new.
    const again = await preview(bank);
    expect((again.lines as Json[]).map((l) => l.status)).toEqual([
      'imported',
      'imported',
      'outgoing',
      'new',
      'invalid',
    ]);
    expect((again.lines as Json[])[0]?.paymentId).toBe(p1?.paymentId);
    expect((again.lines as Json[])[1]?.paymentId).toBe(p2?.paymentId);
    await refused(
      'POST',
      url,
      { file, lines: [{ hash: l1?.hash, partyId: a }] },
      {
        status: 409,
        code: 'bank_line_already_imported',
        field: 'lines.0.hash',
      },
    );
  });
});
