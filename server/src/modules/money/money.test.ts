import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aSupplier, aUser } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { snapshotDatabase } from '../../../test/snapshot';
import { addDays, todayDate } from '../../kernel/calendar';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read as the tests please
type Json = Record<string, any>;

const IBAN = 'BG80 BNBG 9661 1020 3456 78';

describe.each(DIALECTS)('cash desks and bank accounts on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let accountant: Session;
  let desk: Session;
  let tech: Session;
  const today = todayDate();
  const day = (n: number) => addDays(today, n);

  const json = async (session: Session, method: Method, url: string, body?: unknown, status = 200) => {
    const res = await t.request(session, method, url, body);
    if (res.statusCode !== status)
      throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
    return res.json() as Json;
  };
  const refused = async (
    session: Session,
    method: Method,
    url: string,
    body: unknown,
    expected: { status: number; code: string; field?: string },
  ) => {
    const before = await snapshotDatabase(t.db);
    const res = await t.request(session, method, url, body);
    expect(res.statusCode, res.body).toBe(expected.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: expected.code,
      ...(expected.field ? { field: expected.field } : {}),
    });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    return res.json() as Json;
  };
  const cashDesk = (name = 'Каса') =>
    json(accountant, 'POST', '/api/v1/money-accounts', { kind: 'cash', name }, 201);
  const bank = (name = 'Банка') =>
    json(
      accountant,
      'POST',
      '/api/v1/money-accounts',
      { kind: 'bank', name, bankName: 'БНБ', iban: IBAN },
      201,
    );
  const move = (body: Json, status = 201) =>
    json(accountant, 'POST', '/api/v1/money-movements', { reason: 'Тест', ...body }, status);
  const balance = async (id: string, date?: string) =>
    (await json(accountant, 'GET', `/api/v1/money-accounts/${id}${date ? `?date=${date}` : ''}`))
      .balanceCents as number;

  beforeAll(async () => {
    admin = await t.setup();
    accountant = await aUser(t, 'accountant');
    desk = await aUser(t, 'reception');
    tech = await aUser(t, 'technician');
  });

  it('keeps cash desks and bank accounts: IBAN normalised and checked, edited, archived, in EUR, audited', async () => {
    const b = await bank('Сметка в БНБ');
    expect(b).toMatchObject({
      kind: 'bank',
      iban: 'BG80BNBG96611020345678',
      currency: 'EUR',
      balanceCents: 0,
    });
    const c = await cashDesk('Каса магазин');
    expect(c).toMatchObject({ kind: 'cash', iban: null, bankName: null, archived: false });
    const renamed = await json(accountant, 'PATCH', `/api/v1/money-accounts/${c.id}`, { name: 'Каса 1' });
    expect(renamed.name).toBe('Каса 1');
    await json(admin, 'PATCH', `/api/v1/money-accounts/${c.id}`, { archived: true });
    const active = await json(desk, 'GET', '/api/v1/money-accounts');
    expect(active.items.map((a: Json) => a.id)).not.toContain(c.id);
    const archived = await json(desk, 'GET', '/api/v1/money-accounts?archived=true');
    expect(archived.items.map((a: Json) => a.id)).toContain(c.id);
    await refused(
      accountant,
      'POST',
      '/api/v1/money-movements',
      { kind: 'cash_in', accountId: c.id, date: today, amountCents: 100, reason: 'x' },
      { status: 409, code: 'account_archived', field: 'accountId' },
    );
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', c.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'money_account.create',
      'money_account.update',
      'money_account.archive',
    ]);
  });

  it('refuses a bad IBAN, a bank account without its details and bank details on a cash desk, writing nothing', async () => {
    const url = '/api/v1/money-accounts';
    await refused(
      accountant,
      'POST',
      url,
      { kind: 'bank', name: 'Б', bankName: 'БНБ', iban: 'BG80BNBG96611020345679' },
      { status: 400, code: 'invalid_iban', field: 'iban' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { kind: 'bank', name: 'Б', bankName: 'БНБ' },
      { status: 400, code: 'required', field: 'iban' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { kind: 'bank', name: 'Б', iban: IBAN },
      { status: 400, code: 'required', field: 'bankName' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { kind: 'cash', name: 'К', iban: IBAN },
      { status: 400, code: 'not_for_cash_desk', field: 'iban' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { kind: 'cash', name: '' },
      { status: 400, code: 'too_small', field: 'name' },
    );
  });

  it('moves money: numbered movements, a transfer in two legs, balances at any date and a running balance', async () => {
    const c = await cashDesk();
    const b = await bank();
    const supplier = await aSupplier(t, admin);
    const inn = await move({ kind: 'cash_in', accountId: c.id, date: day(-3), amountCents: 50_000 });
    expect(inn).toMatchObject({
      kind: 'cash_in',
      amountCents: 50_000,
      legs: [{ accountId: c.id, amountCents: 50_000 }],
    });
    expect(inn.number).toMatch(/^\d{10}$/);
    const exp = await move({
      kind: 'expense',
      accountId: c.id,
      date: day(-2),
      amountCents: 1_250,
      category: 'Консумативи',
      reason: 'Тонер',
    });
    const pay = await move({
      kind: 'supplier_payment',
      accountId: c.id,
      date: day(-2),
      amountCents: 3_000,
      partyId: supplier.id,
    });
    expect(pay.partyName).toBe(supplier.name);
    const tr = await move({
      kind: 'transfer',
      accountId: c.id,
      toAccountId: b.id,
      date: day(-1),
      amountCents: 40_000,
    });
    expect(tr.legs).toEqual([
      { accountId: c.id, accountName: c.name, amountCents: -40_000 },
      { accountId: b.id, accountName: b.name, amountCents: 40_000 },
    ]);
    expect(Number(exp.number) + 1).toBe(Number(pay.number));

    expect(await balance(c.id, day(-4))).toBe(0);
    expect(await balance(c.id, day(-3))).toBe(50_000);
    expect(await balance(c.id, day(-2))).toBe(45_750);
    expect(await balance(c.id)).toBe(5_750);
    expect(await balance(b.id)).toBe(40_000);
    const list = await json(desk, 'GET', '/api/v1/money-accounts');
    expect(list.items.find((a: Json) => a.id === c.id).balanceCents).toBe(5_750);

    const page = await json(
      accountant,
      'GET',
      `/api/v1/money-accounts/${c.id}/movements?from=${day(-2)}&to=${day(-1)}`,
    );
    expect(page.openingCents).toBe(50_000);
    expect(page.items.map((m: Json) => [m.kind, m.amountCents, m.balanceCents])).toEqual([
      ['expense', -1_250, 48_750],
      ['supplier_payment', -3_000, 45_750],
      ['transfer', -40_000, 5_750],
    ]);
    expect(page.items[2].counterAccountName).toBe(b.name);
    expect(page.closingCents).toBe(5_750);
  });

  it('never lets a cash desk go below zero, also by a back-dated withdrawal that empties a later day', async () => {
    const c = await cashDesk('Каса минус');
    await move({ kind: 'cash_in', accountId: c.id, date: day(-5), amountCents: 10_000 });
    await move({ kind: 'cash_out', accountId: c.id, date: day(-1), amountCents: 8_000 });
    const over = await refused(
      accountant,
      'POST',
      '/api/v1/money-movements',
      { kind: 'cash_out', accountId: c.id, date: today, amountCents: 2_001, reason: 'x' },
      { status: 409, code: 'cash_desk_negative', field: 'amountCents' },
    );
    expect(over).toMatchObject({ shortfallCents: 1, accountId: c.id });
    expect(over.detail).toContain('Каса минус');
    expect(over.detail).toContain('0,01');
    // On day -4 there are 10 000, but taking 3 000 then leaves day -1 at -1 000.
    const back = await refused(
      accountant,
      'POST',
      '/api/v1/money-movements',
      { kind: 'expense', accountId: c.id, date: day(-4), amountCents: 3_000, reason: 'x' },
      { status: 409, code: 'cash_desk_negative' },
    );
    expect(back).toMatchObject({ date: day(-1), shortfallCents: 1_000 });
    // Reversing the cash in would empty the desk too.
    const first = (await json(accountant, 'GET', `/api/v1/money-accounts/${c.id}/movements`)).items[0];
    await refused(
      accountant,
      'POST',
      `/api/v1/money-movements/${first.id}/reverse`,
      { reason: 'грешка' },
      { status: 409, code: 'cash_desk_negative' },
    );
    // Exactly to zero is fine.
    await move({ kind: 'cash_out', accountId: c.id, date: today, amountCents: 2_000 });
    expect(await balance(c.id)).toBe(0);
  });

  it('lets exactly one of two racing withdrawals through', async () => {
    const c = await cashDesk('Каса гонка');
    await move({ kind: 'cash_in', accountId: c.id, date: today, amountCents: 1_000 });
    const body = { kind: 'cash_out', accountId: c.id, date: today, amountCents: 700, reason: 'едновременно' };
    const results = await Promise.all([
      t.request(accountant, 'POST', '/api/v1/money-movements', body),
      t.request(accountant, 'POST', '/api/v1/money-movements', body),
    ]);
    expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([
      201, 409,
    ]);
    expect(await balance(c.id)).toBe(300);
  });

  it('reverses a movement by a mirror with a reason, once; the original stays', async () => {
    const c = await cashDesk('Каса сторно');
    const b = await bank('Банка сторно');
    await move({ kind: 'cash_in', accountId: c.id, date: day(-2), amountCents: 5_000 });
    const tr = await move({
      kind: 'transfer',
      accountId: c.id,
      toAccountId: b.id,
      date: day(-1),
      amountCents: 2_000,
    });
    const mirror = await json(
      accountant,
      'POST',
      `/api/v1/money-movements/${tr.id}/reverse`,
      { reason: 'Грешна сметка' },
      201,
    );
    expect(mirror).toMatchObject({
      kind: 'reversal',
      reversalOfId: tr.id,
      reason: 'Грешна сметка',
      date: today,
    });
    expect(mirror.legs.map((l: Json) => [l.accountId, l.amountCents]).sort()).toEqual(
      [
        [b.id, -2_000],
        [c.id, 2_000],
      ].sort(),
    );
    expect(await balance(c.id)).toBe(5_000);
    expect(await balance(b.id)).toBe(0);
    expect(await balance(c.id, day(-1))).toBe(3_000);
    await refused(
      accountant,
      'POST',
      `/api/v1/money-movements/${tr.id}/reverse`,
      { reason: 'пак' },
      { status: 409, code: 'money_movement_reversed' },
    );
    await refused(
      accountant,
      'POST',
      `/api/v1/money-movements/${mirror.id}/reverse`,
      { reason: 'пак' },
      { status: 409, code: 'money_reversal_of_reversal' },
    );
  });

  it('refuses bad movements with the code and field, writing nothing', async () => {
    const c = await cashDesk('Каса грешки');
    const b = await bank('Банка грешки');
    const customer = await aCustomer(t, admin);
    await move({ kind: 'cash_in', accountId: c.id, date: day(-1), amountCents: 1_000 });
    const url = '/api/v1/money-movements';
    const base = { kind: 'cash_in', accountId: c.id, date: today, amountCents: 100, reason: 'x' };
    await refused(
      accountant,
      'POST',
      url,
      { ...base, amountCents: 0 },
      { status: 400, code: 'too_small', field: 'amountCents' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, amountCents: -5 },
      { status: 400, code: 'too_small', field: 'amountCents' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, amountCents: 1.5 },
      { status: 400, field: 'amountCents', code: 'invalid_type' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, reason: '  ' },
      { status: 400, code: 'too_small', field: 'reason' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, kind: 'customer_payment' },
      { status: 400, code: 'invalid_value', field: 'kind' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, kind: 'transfer', toAccountId: c.id },
      { status: 400, code: 'transfer_same_account', field: 'toAccountId' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, kind: 'transfer' },
      { status: 400, code: 'required', field: 'toAccountId' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, toAccountId: b.id },
      { status: 400, code: 'only_for_transfer', field: 'toAccountId' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, kind: 'supplier_payment' },
      { status: 400, code: 'required', field: 'partyId' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, kind: 'supplier_payment', partyId: customer.id },
      { status: 400, code: 'not_a_supplier', field: 'partyId' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, accountId: 'nope' },
      { status: 400, code: 'unknown_account', field: 'accountId' },
    );
    await refused(
      accountant,
      'POST',
      url,
      { ...base, date: '2026-02-30' },
      { status: 400, field: 'date', code: 'invalid_value' },
    );
  });

  it('refuses a movement or a reversal dated inside the closed period', async () => {
    const c = await cashDesk('Каса период');
    const early = await move({ kind: 'cash_in', accountId: c.id, date: day(-10), amountCents: 1_000 });
    await json(accountant, 'PUT', '/api/v1/company/lock-date', { lockDate: day(-5) });
    try {
      const res = await refused(
        accountant,
        'POST',
        '/api/v1/money-movements',
        { kind: 'cash_in', accountId: c.id, date: day(-5), amountCents: 100, reason: 'x' },
        { status: 409, code: 'period_closed', field: 'date' },
      );
      expect(res.lockDate).toBe(day(-5));
      await refused(
        accountant,
        'POST',
        `/api/v1/money-movements/${early.id}/reverse`,
        { reason: 'x', date: day(-6) },
        { status: 409, code: 'period_closed' },
      );
      await move({ kind: 'cash_in', accountId: c.id, date: day(-4), amountCents: 100 });
    } finally {
      await json(accountant, 'PUT', '/api/v1/company/lock-date', { lockDate: null });
    }
  });

  it('lets the front desk record cash in and out on a cash desk only; technicians see nothing', async () => {
    const c = await cashDesk('Каса рецепция');
    const b = await bank('Банка рецепция');
    const inn = await json(
      desk,
      'POST',
      `/api/v1/money-accounts/${c.id}/cash`,
      { kind: 'cash_in', date: today, amountCents: 2_500, reason: 'Начална наличност' },
      201,
    );
    expect(inn.kind).toBe('cash_in');
    await refused(
      desk,
      'POST',
      `/api/v1/money-accounts/${b.id}/cash`,
      { kind: 'cash_in', date: today, amountCents: 100, reason: 'x' },
      { status: 409, code: 'not_a_cash_desk' },
    );
    await refused(
      desk,
      'POST',
      '/api/v1/money-movements',
      { kind: 'expense', accountId: c.id, date: today, amountCents: 100, reason: 'x' },
      { status: 403, code: 'forbidden' },
    );
    await refused(
      desk,
      'POST',
      '/api/v1/money-accounts',
      { kind: 'cash', name: 'Моя каса' },
      { status: 403, code: 'forbidden' },
    );
    for (const url of [
      '/api/v1/money-accounts',
      `/api/v1/money-accounts/${c.id}/movements`,
      `/api/v1/money-accounts/${c.id}/day-report`,
    ])
      expect((await t.request(tech, 'GET', url)).statusCode, url).toBe(403);
  });

  it('prints the day report: opening, ins and outs by kind, closing, in Bulgarian or Bulgarian and English', async () => {
    const c = await cashDesk('Каса отчет');
    await move({ kind: 'cash_in', accountId: c.id, date: day(-1), amountCents: 10_000 });
    await move({ kind: 'cash_in', accountId: c.id, date: today, amountCents: 2_000 });
    await move({
      kind: 'expense',
      accountId: c.id,
      date: today,
      amountCents: 550,
      category: 'Транспорт',
      reason: 'Гориво',
    });
    const r = await json(accountant, 'GET', `/api/v1/money-accounts/${c.id}/day-report?date=${today}`);
    expect(r).toMatchObject({
      openingCents: 10_000,
      ins: [{ kind: 'cash_in', amountCents: 2_000 }],
      outs: [{ kind: 'expense', amountCents: 550 }],
      totalInCents: 2_000,
      totalOutCents: 550,
      closingCents: 11_450,
    });
    const pdf = await t.request(
      accountant,
      'GET',
      `/api/v1/money-accounts/${c.id}/day-report/pdf?date=${today}`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      'ДНЕВЕН ОТЧЕТ НА КАСА',
      'Каса отчет',
      'Начално салдо',
      '100,00',
      'Крайно салдо',
      '114,50',
      'Гориво',
    ])
      expect(text, s).toContain(s);
    expect(text).not.toContain('Closing balance');
    // A day has no number of its own: no empty "№ /" under the title.
    expect(text).not.toMatch(/№\s*\//);
    const both = await pdfText(
      (
        await t.request(
          accountant,
          'GET',
          `/api/v1/money-accounts/${c.id}/day-report/pdf?date=${today}&language=bg%2Ben`,
        )
      ).rawPayload,
    );
    expect(both).toContain('Крайно салдо / Closing balance');
  });

  it('keeps every balance equal to the sum of its movements over a random sequence (property)', async () => {
    const a = await cashDesk('Каса свойство');
    const b2 = await bank('Банка свойство');
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const ledger: { account: string; date: string; cents: number }[] = [];
    const sumTo = (acc: string, date: string) =>
      ledger.filter((l) => l.account === acc && l.date <= date).reduce((s, l) => s + l.cents, 0);
    for (let i = 0; i < 25; i++) {
      const date = day(-rnd(6));
      const amountCents = 1 + rnd(5_000);
      const kind = ['cash_in', 'cash_out', 'expense', 'transfer'][rnd(4)] as string;
      const [from, to] = rnd(2) ? [a.id, b2.id] : [b2.id, a.id];
      const body: Json = { kind, accountId: from, date, amountCents };
      if (kind === 'transfer') body.toAccountId = to;
      const res = await t.request(accountant, 'POST', '/api/v1/money-movements', { reason: 'p', ...body });
      if (res.statusCode === 201) {
        for (const l of res.json().legs) ledger.push({ account: l.accountId, date, cents: l.amountCents });
      } else expect(res.json().code).toBe('cash_desk_negative');
    }
    for (let d = -6; d <= 0; d++) {
      expect(await balance(a.id, day(d))).toBe(sumTo(a.id, day(d)));
      expect(await balance(b2.id, day(d))).toBe(sumTo(b2.id, day(d)));
      expect(sumTo(a.id, day(d))).toBeGreaterThanOrEqual(0);
    }
  });
});
