import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aCustomer, anOrder, aUser, moved } from '../../../test/factories';
import { type FakeErpNetFp, startFakeErpNetFp } from '../../../test/fake-erpnet-fp';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';
import { todayDate } from '../../kernel/calendar';

/**
 * The fiscal device's cash desk (FIS-03, FP-06; ADR 0028) through the HTTP API on both databases, against the local
 * fake ErpNet.FP server: one cash desk is the device's till; its cash in and out (and their reversals) go to the
 * device as service deposits and withdrawals before anything is written, idempotent by the task id; the Z report
 * keeps the device's cash and the desk's balance; the day report (JSON and PDF) reconciles the desk with the device
 * and flags a difference.
 */
describe.each(DIALECTS)('the fiscal cash desk on %s', (dialect) => {
  const t = useTestApp(dialect);
  let fake: FakeErpNetFp;
  let admin: Session;
  let desk: Session;
  let customerId: string;
  let till = '';
  const { json, refused, send } = requests(t, () => desk);
  const today = todayDate();

  const useDevice = async () => {
    await json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: fake.url,
      printerId: fake.printerId,
      operator: '1',
      operatorPassword: 'pw',
    });
    await json(admin, 'POST', '/api/v1/fiscal-device/test');
  };
  const noDevice = () => json(admin, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });

  /** A new empty cash desk becomes the device's till (the last one is untied first); the device's cash is 0. */
  const freshTill = async (name: string) => {
    if (till) await json(admin, 'PATCH', `/api/v1/money-accounts/${till}`, { fiscalDevice: false });
    const a = await json(
      admin,
      'POST',
      '/api/v1/money-accounts',
      { kind: 'cash', name, fiscalDevice: true },
      201,
    );
    till = a.id;
    fake.cash = 0;
    return a;
  };
  const cash = (body: Json, status = 201) =>
    json(
      desk,
      'POST',
      `/api/v1/money-accounts/${till}/cash`,
      { date: today, reason: 'Каса', ...body },
      status,
    );
  const dayReport = (query = '') =>
    json(desk, 'GET', `/api/v1/money-accounts/${till}/day-report?date=${today}${query}`);
  const movementRows = async () => (await t.db.selectFrom('money_movement').select('id').execute()).length;

  /** A cash sale of 82.80 through a ready order's receipt, paid into the till. */
  const cashSale = async () => {
    const o = await anOrder(t, admin, { partyId: customerId });
    await json(
      desk,
      'POST',
      `/api/v1/service-orders/${o.id}/lines`,
      {
        kind: 'charge',
        description: 'Труд',
        quantityMilli: 1000,
        unitPriceCents: 6900,
        vatRateBp: 2000,
      },
      201,
    );
    await moved(t, desk, o.id, 'diagnosing', 'in_repair', 'ready');
    return json(
      desk,
      'POST',
      '/api/v1/sale-receipts/from-order',
      {
        orderId: o.id,
        method: 'cash',
        accountId: till,
      },
      201,
    );
  };

  beforeAll(async () => {
    fake = await startFakeErpNetFp();
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await json(admin, 'PUT', '/api/v1/company', {
      legalName: 'Тест Сервиз ООД',
      uic: '131129282',
      vatNumber: 'BG131129282',
      vatRegistered: true,
      defaultVatRateBp: 2000,
      fiscalDeviceRequired: false,
      city: 'София',
      address: 'бул. „Витоша“ 15',
      postcode: '1000',
      mol: 'Петър Петров',
      bankAccounts: [],
    });
    customerId = (await aCustomer(t, admin, { name: 'Иван Петров ЕООД', uic: '020469788' })).id;
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.switches.paperOut = false;
    fake.switches.slow = false;
    fake.switches.loseTasks = false;
  });

  it('ties one cash desk to the device: never a bank account, never two', async () => {
    const a = await freshTill('Каса ФУ');
    expect(a.fiscalDevice).toBe(true);
    await refused(
      'POST',
      '/api/v1/money-accounts',
      { kind: 'cash', name: 'Втора каса', fiscalDevice: true },
      { status: 409, code: 'fiscal_cash_desk_taken', field: 'fiscalDevice' },
      admin,
    );
    const other = await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Сейф' }, 201);
    expect(other.fiscalDevice).toBe(false);
    await refused(
      'PATCH',
      `/api/v1/money-accounts/${other.id}`,
      { fiscalDevice: true },
      { status: 409, code: 'fiscal_cash_desk_taken', field: 'fiscalDevice' },
      admin,
    );
    await refused(
      'POST',
      '/api/v1/money-accounts',
      {
        kind: 'bank',
        name: 'Банка',
        bankName: 'УниКредит',
        iban: 'BG80BNBG96611020345678',
        fiscalDevice: true,
      },
      { status: 400, code: 'fiscal_device_cash_desk_only', field: 'fiscalDevice' },
      admin,
    );
  });

  it('with no device: the till’s cash in is recorded as not fiscalised, and the day report says no Z report', async () => {
    await noDevice();
    await freshTill('Каса без ФУ');
    const m = await cash({ kind: 'cash_in', amountCents: 10_000 });
    expect(m.fiscalStatus).toBe('no_device');
    expect(fake.deposits).toHaveLength(0);
    const r = await dayReport();
    expect(r.fiscal).toMatchObject({
      source: 'none',
      deviceCashCents: null,
      differenceCents: null,
      reconciled: null,
      closingCents: 10_000,
      notFiscalised: 1,
    });
    expect(r.movements[0].fiscalStatus).toBe('no_device');
    await refused('POST', `/api/v1/money-accounts/${till}/z-report`, undefined, {
      status: 409,
      code: 'fiscal_no_device',
    });
    // Another cash desk is none of the device's business.
    const safe = await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Сейф 2' }, 201);
    const elsewhere = await json(
      desk,
      'POST',
      `/api/v1/money-accounts/${safe.id}/cash`,
      {
        kind: 'cash_in',
        date: today,
        amountCents: 500,
        reason: 'Каса',
      },
      201,
    );
    expect(elsewhere.fiscalStatus).toBeNull();
    expect((await json(desk, 'GET', `/api/v1/money-accounts/${safe.id}/day-report`)).fiscal).toBeNull();
  });

  it('a day with a sale, a cash in, a cash out and the Z report reconciles to zero, on screen and on paper (FIS-03)', async () => {
    await useDevice();
    await freshTill('Каса 1');
    const deposits = fake.deposits.length;
    const withdrawals = fake.withdrawals.length;
    const cashIn = await cash({ kind: 'cash_in', amountCents: 20_000, reason: 'Начална сума' });
    expect(cashIn.fiscalStatus).toBe('printed');
    expect(fake.deposits.slice(deposits)).toEqual([200]);
    const sale = await cashSale();
    expect(sale).toMatchObject({ fiscalStatus: 'printed', totalCents: 8280 });
    const cashOut = await cash({ kind: 'cash_out', amountCents: 5_050, reason: 'Предадени в банка' });
    expect(cashOut.fiscalStatus).toBe('printed');
    expect(fake.withdrawals.slice(withdrawals)).toEqual([50.5]);
    // 200.00 + 82.80 − 50.50
    expect(fake.cash).toBe(232.3);
    expect((await dayReport('&deviceCash=live')).fiscal).toMatchObject({
      source: 'live',
      deviceCashCents: 23_230,
      differenceCents: 0,
      reconciled: true,
    });

    const reportsBefore = fake.reports.length;
    const afterZ = await json(desk, 'POST', `/api/v1/money-accounts/${till}/z-report`);
    expect(fake.reports.slice(reportsBefore)).toEqual(['zreport']);
    expect(afterZ.closingCents).toBe(23_230);
    expect(afterZ.fiscal).toMatchObject({
      source: 'z_report',
      deviceCashCents: 23_230,
      balanceAtReadCents: 23_230,
      closingCents: 23_230,
      differenceCents: 0,
      reconciled: true,
      notFiscalised: 0,
    });
    expect(afterZ.fiscal.zReports.at(-1)).toMatchObject({
      deviceCashCents: 23_230,
      deviceCashAfterCents: 23_230,
      cashDeskBalanceCents: 23_230,
    });
    const task = await t.db
      .selectFrom('fiscal_device_task')
      .selectAll()
      .where('id', '=', afterZ.fiscal.zReports.at(-1).taskId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ action: 'z_report', status: 'done', cash_desk_id: till });
    expect(Number(task.device_cash_cents)).toBe(23_230);
    expect(Number(task.cash_desk_balance_cents)).toBe(23_230);
    expect(await dayReport()).toEqual(afterZ);

    const bg = await pdfText(
      (await send(desk, 'GET', `/api/v1/money-accounts/${till}/day-report/pdf?date=${today}`, undefined, 200))
        .rawPayload,
    );
    expect(bg).toContain('Равнение с фискалното устройство');
    expect(bg).toContain('Наличност по ФУ (Z отчет)');
    expect(bg).toContain('Касата е равнена с ФУ.');
    expect(bg).toContain('232,30');
    expect(bg).not.toContain('Fiscal device');
    const both = await pdfText(
      (
        await send(
          desk,
          'GET',
          `/api/v1/money-accounts/${till}/day-report/pdf?date=${today}&language=bg%2Ben`,
          undefined,
          200,
        )
      ).rawPayload,
    );
    expect(both).toContain('Равнение с фискалното устройство / Reconciliation with the fiscal device');
    expect(both).toContain('The cash desk reconciles with the fiscal device.');
  });

  it('shows and flags a difference between the cash desk and the device', async () => {
    await useDevice();
    await freshTill('Каса 2');
    await cash({ kind: 'cash_in', amountCents: 10_000 });
    // Cash put into the device's drawer that the cash desk never recorded.
    await json(desk, 'POST', '/api/v1/fiscal-device/deposit', { amountCents: 1_234 });
    expect((await dayReport('&deviceCash=live')).fiscal).toMatchObject({
      deviceCashCents: 11_234,
      closingCents: 10_000,
      differenceCents: -1_234,
      reconciled: false,
    });
    const afterZ = await json(desk, 'POST', `/api/v1/money-accounts/${till}/z-report`);
    expect(afterZ.fiscal).toMatchObject({ differenceCents: -1_234, reconciled: false, source: 'z_report' });
    const bg = await pdfText(
      (await send(desk, 'GET', `/api/v1/money-accounts/${till}/day-report/pdf?date=${today}`, undefined, 200))
        .rawPayload,
    );
    expect(bg).toContain('РАЗЛИКА: касата не е равнена с ФУ.');
    expect(bg).toContain('-12,34');
    // The device is read live for today only; the Z report is the till's and the desk's people's.
    await refused(
      'GET',
      `/api/v1/money-accounts/${till}/day-report?date=2026-01-02&deviceCash=live`,
      undefined,
      { status: 400, code: 'fiscal_live_cash_today', field: 'deviceCash' },
    );
    const technician = await aUser(t, 'technician');
    await refused(
      'POST',
      `/api/v1/money-accounts/${till}/z-report`,
      undefined,
      { status: 403, code: 'forbidden' },
      technician,
    );
    const safe = await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Сейф 3' }, 201);
    await refused('POST', `/api/v1/money-accounts/${safe.id}/z-report`, undefined, {
      status: 409,
      code: 'not_the_fiscal_cash_desk',
      field: 'accountId',
    });
  });

  it('a device error writes no movement; a refused movement never reaches the device', async () => {
    await useDevice();
    await freshTill('Каса 3');
    await cash({ kind: 'cash_in', amountCents: 1_000 });
    const movements = await movementRows();
    fake.switches.paperOut = true;
    const before = await snapshotDatabase(t.db);
    const res = await t.request(desk, 'POST', `/api/v1/money-accounts/${till}/cash`, {
      kind: 'cash_in',
      date: today,
      amountCents: 700,
      reason: 'Каса',
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'fiscal_paper_out' });
    const after = await snapshotDatabase(t.db);
    // Only the device's log changed: the failed task and its audit row; no movement, no number taken.
    for (const table of Object.keys(before))
      if (table !== 'fiscal_device_task' && table !== 'audit_log')
        expect(after[table], table).toEqual(before[table]);
    expect(await movementRows()).toBe(movements);
    const failed = await t.db
      .selectFrom('fiscal_device_task')
      .selectAll()
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ action: 'deposit', status: 'failed', error_code: 'fiscal_paper_out' });
    fake.switches.paperOut = false;

    const sent = fake.requests.length;
    await refused(
      'POST',
      `/api/v1/money-accounts/${till}/cash`,
      { kind: 'cash_out', date: today, amountCents: 5_000, reason: 'Каса' },
      { status: 409, code: 'cash_desk_negative', field: 'amountCents' },
    );
    await refused(
      'POST',
      `/api/v1/money-accounts/${till}/cash`,
      { kind: 'cash_in', date: '2026-01-02', amountCents: 5_000, reason: 'Каса' },
      { status: 400, code: 'fiscal_cash_desk_today', field: 'date' },
    );
    expect(fake.requests.length).toBe(sent);
  });

  it('is idempotent by the task id: a lost task is asked about, printed again only on the operator’s word, written once (FP-04)', async () => {
    await useDevice();
    await freshTill('Каса 4');
    const deposits = fake.deposits.length;
    // A slow device: the request waits for the task and records the movement once it is done.
    fake.switches.slow = true;
    setTimeout(() => fake.release(), 400);
    const slow = await cash({ kind: 'cash_in', amountCents: 1_500 });
    expect(slow.fiscalStatus).toBe('printed');
    expect(fake.deposits.slice(deposits)).toEqual([15]);
    fake.switches.slow = false;

    // The print server loses the task (nothing came out: the paper was out): not known, nothing written.
    fake.switches.loseTasks = true;
    fake.switches.paperOut = true;
    const taskId = '0193a8c0-0000-7000-8000-00000000abcd';
    const body = { kind: 'cash_in', date: today, amountCents: 3_000, reason: 'Каса', taskId };
    const lost = await t.request(desk, 'POST', `/api/v1/money-accounts/${till}/cash`, body);
    expect(lost.statusCode, lost.body).toBe(409);
    expect(lost.json()).toMatchObject({ code: 'fiscal_task_unknown', taskId });
    fake.switches.loseTasks = false;
    fake.switches.paperOut = false;
    const movements = await movementRows();
    // The same again without the operator's word: asked about, never sent again.
    const asked = await t.request(desk, 'POST', `/api/v1/money-accounts/${till}/cash`, body);
    expect(asked.json()).toMatchObject({ code: 'fiscal_task_unknown', taskId });
    expect(await movementRows()).toBe(movements);
    expect(fake.deposits.slice(deposits)).toEqual([15]);
    // The operator checked the roll: nothing printed; print it again, once.
    const m = await cash({ ...body, afterUnknown: 'reprint' });
    expect(m.fiscalStatus).toBe('printed');
    const again = await cash(body);
    expect(again.id).toBe(m.id);
    expect(fake.deposits.slice(deposits)).toEqual([15, 30]);
    expect((await dayReport()).movements).toHaveLength(2);
    await refused(
      'POST',
      `/api/v1/money-accounts/${till}/cash`,
      { ...body, amountCents: 3_100 },
      { status: 409, code: 'fiscal_task_mismatch', field: 'taskId' },
    );
  });

  it('the same request three times at once: one deposit, one movement', async () => {
    await useDevice();
    await freshTill('Каса 6');
    const deposits = fake.deposits.length;
    const taskId = '0193a8c0-0000-7000-8000-0000000000aa';
    const body = { kind: 'cash_in', date: today, amountCents: 700, reason: 'Каса', taskId };
    const answers = await Promise.all(
      [1, 2, 3].map(() => t.request(desk, 'POST', `/api/v1/money-accounts/${till}/cash`, body)),
    );
    for (const a of answers)
      if (a.statusCode !== 201)
        expect(['fiscal_task_pending', 'fiscal_task_unknown'], a.body).toContain(a.json().code);
    expect(answers.filter((a) => a.statusCode === 201).length).toBeGreaterThan(0);
    expect(new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json().id)).size).toBe(1);
    expect(fake.deposits.slice(deposits)).toEqual([7]);
    const rows = await t.db
      .selectFrom('money_movement')
      .select('id')
      .where('fiscal_task_id', '=', taskId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await cash(body)).toMatchObject({ id: rows[0]?.id });
  });

  it('a reversal on the till goes to the device the other way; a transfer out of it is a withdrawal', async () => {
    await useDevice();
    await freshTill('Каса 5');
    const safe = await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Сейф 5' }, 201);
    const m = await cash({ kind: 'cash_in', amountCents: 4_000 });
    const withdrawals = fake.withdrawals.length;
    const rev = await json(
      admin,
      'POST',
      `/api/v1/money-movements/${m.id}/reverse`,
      { reason: 'Грешка' },
      201,
    );
    expect(rev.fiscalStatus).toBe('printed');
    expect(fake.withdrawals.slice(withdrawals)).toEqual([40]);
    await cash({ kind: 'cash_in', amountCents: 2_500 });
    const tr = await json(
      admin,
      'POST',
      '/api/v1/money-movements',
      {
        kind: 'transfer',
        accountId: till,
        toAccountId: safe.id,
        date: today,
        amountCents: 2_000,
        reason: 'В сейфа',
      },
      201,
    );
    expect(tr.fiscalStatus).toBe('printed');
    expect(fake.withdrawals.slice(withdrawals)).toEqual([40, 20]);
    expect(fake.cash).toBe(5);
    expect((await dayReport('&deviceCash=live')).fiscal).toMatchObject({
      differenceCents: 0,
      reconciled: true,
    });
  });
});
