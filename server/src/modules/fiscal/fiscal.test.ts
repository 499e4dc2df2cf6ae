/**
 * The fiscal device setting and its routes on both databases (issue 13 item 4, ADR 0017), against the local fake
 * ErpNet.FP server: the password never answered, bad input refused with nothing written, each role its actions,
 * every action audited, the УНП sequence (FIS-05) and a sale's receipt through the module's entrance.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories';
import { type FakeErpNetFp, startFakeErpNetFp } from '../../../test/fake-erpnet-fp';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { message } from '../../kernel/messages';
import { nextUniqueSaleNumber, printSaleReceipt } from '.';

type Method = 'GET' | 'POST' | 'PUT';
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read as the tests please
type Json = Record<string, any>;

describe.each(DIALECTS)('fiscal device on %s', (dialect) => {
  const t = useTestApp(dialect);
  let fake: FakeErpNetFp;
  let admin: Session;
  let desk: Session;
  let technician: Session;
  let keeper: Session;

  const json = async (session: Session, method: Method, url: string, body?: unknown, status = 200) => {
    const res = await t.request(session, method, url, body);
    if (res.statusCode !== status)
      throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
    return res.json() as Json;
  };

  /** Refused with the status, code and field, and nothing at all written. */
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
    const problem = res.json() as Json;
    const fieldOf = (p: Json) => p.field ?? p.errors?.[0]?.field;
    const codeOf = (p: Json) => (p.code === 'validation_failed' ? p.errors?.[0]?.code : p.code);
    expect(codeOf(problem)).toBe(expected.code);
    if (expected.field) expect(fieldOf(problem)).toBe(expected.field);
    expect(await snapshotDatabase(t.db)).toEqual(before);
    return problem;
  };

  const useFake = (extra: Json = {}) =>
    json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: fake.url,
      printerId: fake.printerId,
      operator: '1',
      operatorPassword: 's3cret-pw',
      ...extra,
    });

  beforeAll(async () => {
    fake = await startFakeErpNetFp();
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    technician = await aUser(t, 'technician');
    keeper = await aUser(t, 'storekeeper');
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.switches.paperOut = false;
    fake.switches.loseTasks = false;
    fake.switches.slow = false;
  });

  it('has no device until one is set up, and then refuses what needs one (409 fiscal_no_device, nothing written)', async () => {
    expect(await json(admin, 'GET', '/api/v1/fiscal-device')).toMatchObject({
      kind: 'none',
      passwordSet: false,
      eurFrom: '2026-01-01',
      device: null,
    });
    for (const path of ['x-report', 'z-report', 'duplicate', 'test'])
      await refused(desk, 'POST', `/api/v1/fiscal-device/${path}`, undefined, {
        status: 409,
        code: 'fiscal_no_device',
      });
    await refused(
      desk,
      'POST',
      '/api/v1/fiscal-device/deposit',
      { amountCents: 100 },
      {
        status: 409,
        code: 'fiscal_no_device',
      },
    );
  });

  it('a sale without a device gets a УНП of its own and a receipt marked not fiscalised', async () => {
    const usn = await t.db.transaction().execute((trx) => nextUniqueSaleNumber(trx));
    expect(usn).toBe('NODEVICE-0001-0000001');
    const result = await printSaleReceipt(t.db, SYSTEM_ACTOR, {
      uniqueSaleNumber: usn,
      currency: 'EUR',
      lines: [{ text: 'Диагностика', quantityMilli: 1000, unitPriceCents: 2000, taxGroup: 2 }],
      payments: [{ type: 'cash', amountCents: 2000 }],
    });
    expect(result).toMatchObject({
      fiscalised: false,
      uniqueSaleNumber: usn,
      receiptNumber: null,
      taskId: null,
    });
    expect(fake.printed).toHaveLength(0);
  });

  it('refuses bad settings with the code and the field, nothing written', async () => {
    const url = '/api/v1/fiscal-device';
    await refused(
      admin,
      'PUT',
      url,
      { kind: 'erpnet_fp', printerId: 'dt1' },
      {
        status: 400,
        code: 'required',
        field: 'serverUrl',
      },
    );
    await refused(
      admin,
      'PUT',
      url,
      { kind: 'erpnet_fp', serverUrl: 'http://localhost:8001' },
      {
        status: 400,
        code: 'required',
        field: 'printerId',
      },
    );
    await refused(
      admin,
      'PUT',
      url,
      { kind: 'erpnet_fp', serverUrl: 'file:///etc/passwd', printerId: 'x' },
      {
        status: 400,
        code: 'invalid_url',
        field: 'serverUrl',
      },
    );
    await refused(
      admin,
      'PUT',
      url,
      { kind: 'printer' },
      { status: 400, code: 'invalid_value', field: 'kind' },
    );
    await refused(
      admin,
      'PUT',
      url,
      { kind: 'none', colour: 'red' },
      {
        status: 400,
        code: 'unknown_field',
        field: 'colour',
      },
    );
    await refused(
      admin,
      'PUT',
      url,
      { kind: 'none', taxGroups: [{ vatRateBp: 2000, taxGroup: 9 }] },
      {
        status: 400,
        code: 'too_big',
        field: 'taxGroups.0.taxGroup',
      },
    );
    await refused(
      admin,
      'PUT',
      url,
      {
        kind: 'none',
        taxGroups: [
          { vatRateBp: 2000, taxGroup: 2 },
          { vatRateBp: 2000, taxGroup: 3 },
        ],
      },
      { status: 400, code: 'fiscal_tax_group_twice', field: 'taxGroups.1.vatRateBp' },
    );
    await refused(
      admin,
      'PUT',
      url,
      { kind: 'erpnet_fp', serverUrl: fake.url, printerId: 'x', operator: 'ОП-1' },
      {
        status: 400,
        code: 'fiscal_operator_code',
        field: 'operator',
      },
    );
    await refused(
      admin,
      'PUT',
      url,
      { kind: 'none', eurFrom: '2026-02-30' },
      {
        status: 400,
        code: 'invalid_value',
        field: 'eurFrom',
      },
    );
  });

  it('only the management sets the device up; the desk reads it and operates it; a technician or storekeeper does not', async () => {
    await refused(desk, 'PUT', '/api/v1/fiscal-device', { kind: 'none' }, { status: 403, code: 'forbidden' });
    await refused(technician, 'POST', '/api/v1/fiscal-device/x-report', undefined, {
      status: 403,
      code: 'forbidden',
    });
    await refused(keeper, 'GET', '/api/v1/fiscal-device', undefined, { status: 403, code: 'forbidden' });
    expect((await json(desk, 'GET', '/api/v1/fiscal-device')).kind).toBe('none');
  });

  it('keeps the operator password confidential: never answered, never in the audit; kept unless replaced or removed', async () => {
    const saved = await useFake();
    expect(saved).toMatchObject({
      kind: 'erpnet_fp',
      serverUrl: fake.url,
      printerId: 'dt517985',
      passwordSet: true,
    });
    expect(JSON.stringify(saved)).not.toContain('s3cret-pw');
    const read = await t.request(desk, 'GET', '/api/v1/fiscal-device');
    expect(read.body).not.toContain('s3cret-pw');
    expect(read.json()).not.toHaveProperty('operatorPassword');
    const audit = await t.request(admin, 'GET', '/api/v1/audit?entity=fiscal_device');
    expect(audit.body).toContain('fiscal_device.update');
    expect(audit.body).not.toContain('s3cret-pw');
    // Saved again without a password: the password stays; sent empty: it is removed.
    const kept = await json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: fake.url,
      printerId: fake.printerId,
      operator: '1',
    });
    expect(kept.passwordSet).toBe(true);
    const row = await t.db
      .selectFrom('fiscal_device_settings')
      .select('operator_password')
      .executeTakeFirstOrThrow();
    expect(row.operator_password).toBe('s3cret-pw');
    expect((await useFake({ operatorPassword: '' })).passwordSet).toBe(false);
    expect((await useFake()).passwordSet).toBe(true);
  });

  it('tests the device: its status, and its numbers kept for the УНП; audited', async () => {
    const answer = await json(desk, 'POST', '/api/v1/fiscal-device/test');
    expect(answer).toMatchObject({
      ok: true,
      serialNumber: 'DT517985',
      model: 'DP-25',
      itemTextMaxLength: 22,
    });
    const settings = await json(admin, 'GET', '/api/v1/fiscal-device');
    expect(settings.device).toMatchObject({
      serialNumber: 'DT517985',
      fiscalMemorySerialNumber: '02517985',
      model: 'Datecs DP-25',
    });
    const audit = await json(admin, 'GET', '/api/v1/audit?entity=fiscal_device');
    expect(audit.items.map((e: Json) => e.action)).toContain('fiscal_device.test');
  });

  it('the desk prints X and Z reports, a duplicate, and moves service cash in the device currency; each audited', async () => {
    const reports = fake.reports.length;
    const x = await json(desk, 'POST', '/api/v1/fiscal-device/x-report');
    expect(x).toMatchObject({ action: 'x_report', status: 'done' });
    await json(desk, 'POST', '/api/v1/fiscal-device/z-report');
    expect(fake.reports.slice(reports)).toEqual(['xreport', 'zreport']);
    const duplicates = fake.duplicates;
    await json(desk, 'POST', '/api/v1/fiscal-device/duplicate');
    expect(fake.duplicates).toBe(duplicates + 1);
    fake.cash = 0;
    const deposit = await json(desk, 'POST', '/api/v1/fiscal-device/deposit', { amountCents: 10_050 });
    expect(deposit).toMatchObject({
      action: 'deposit',
      status: 'done',
      amountCents: 10_050,
      currency: 'EUR',
    });
    expect(fake.deposits.at(-1)).toBe(100.5);
    await json(desk, 'POST', '/api/v1/fiscal-device/withdraw', { amountCents: 2_000 });
    expect(await json(desk, 'GET', '/api/v1/fiscal-device/cash')).toEqual({
      amountCents: 8_050,
      currency: 'EUR',
    });
    const audit = await json(admin, 'GET', '/api/v1/audit?entity=fiscal_device&pageSize=100');
    const actions = audit.items.map((e: Json) => e.action);
    for (const a of ['x_report', 'z_report', 'duplicate', 'deposit', 'withdraw'])
      expect(actions).toContain(`fiscal_device.${a}`);
  });

  it('refuses a bad amount with the code and the field, nothing sent or written', async () => {
    const requests = fake.requests.length;
    for (const [amountCents, code] of [
      [0, 'too_small'],
      [-100, 'too_small'],
      [12.5, 'invalid_type'],
      ['100', 'invalid_type'],
      [1e12, 'too_big'],
    ] as const)
      await refused(
        desk,
        'POST',
        '/api/v1/fiscal-device/deposit',
        { amountCents },
        {
          status: 400,
          code,
          field: 'amountCents',
        },
      );
    await refused(
      desk,
      'POST',
      '/api/v1/fiscal-device/withdraw',
      {},
      {
        status: 400,
        code: 'required',
        field: 'amountCents',
      },
    );
    expect(fake.requests.length).toBe(requests);
  });

  it('paper out: 409 fiscal_paper_out with the device code, said in plain words in bg and en', async () => {
    fake.switches.paperOut = true;
    const res = await t.request(desk, 'POST', '/api/v1/fiscal-device/x-report');
    expect(res.statusCode).toBe(409);
    const problem = res.json() as Json;
    expect(problem).toMatchObject({ code: 'fiscal_paper_out', deviceCode: 'E301' });
    expect(problem.detail).toBe(
      'Във фискалното устройство няма хартия. Сложете нова ролка и опитайте отново.',
    );
    expect(message('fiscal_paper_out', 'en')).toBe(
      'The fiscal device is out of paper. Put in a new roll and try again.',
    );
    const test = await t.request(desk, 'POST', '/api/v1/fiscal-device/test');
    expect(test.json()).toMatchObject({ code: 'fiscal_paper_out' });
    const task = await t.db
      .selectFrom('fiscal_device_task')
      .selectAll()
      .where('id', '=', problem.taskId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ action: 'x_report', status: 'failed', error_code: 'fiscal_paper_out' });
  });

  it('a lost task is never sent again on retry; the operator’s word reprints it (FP-04)', async () => {
    fake.switches.loseTasks = true;
    const deposits = fake.deposits.length;
    const lost = await t.request(desk, 'POST', '/api/v1/fiscal-device/deposit', { amountCents: 500 });
    expect(lost.statusCode).toBe(409);
    const { taskId, code } = lost.json() as Json;
    expect(code).toBe('fiscal_task_unknown');
    expect(fake.deposits.length).toBe(deposits + 1);
    fake.switches.loseTasks = false;
    const again = await t.request(desk, 'POST', `/api/v1/fiscal-device/tasks/${taskId}/retry`, {});
    expect(again.json()).toMatchObject({ code: 'fiscal_task_unknown' });
    expect(fake.deposits.length).toBe(deposits + 1);
    const reprinted = await json(desk, 'POST', `/api/v1/fiscal-device/tasks/${taskId}/retry`, {
      afterUnknown: 'reprint',
    });
    expect(reprinted).toMatchObject({ taskId, status: 'done' });
    expect(fake.deposits.length).toBe(deposits + 2);
    // Done now: never sent again.
    await refused(
      desk,
      'POST',
      `/api/v1/fiscal-device/tasks/${taskId}/retry`,
      { afterUnknown: 'reprint' },
      {
        status: 409,
        code: 'fiscal_task_not_retryable',
      },
    );
    await refused(
      desk,
      'POST',
      `/api/v1/fiscal-device/tasks/${taskId}/retry`,
      { afterUnknown: 'always' },
      {
        status: 400,
        code: 'invalid_value',
        field: 'afterUnknown',
      },
    );
  });

  it('concurrent sales never share a УНП: one counter row, bumped in each sale’s transaction', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 12 }, () => t.db.transaction().execute((trx) => nextUniqueSaleNumber(trx))),
    );
    expect(new Set(numbers).size).toBe(12);
    const row = await t.db
      .selectFrom('fiscal_sale_counter')
      .selectAll()
      .where('prefix', '=', 'DT517985-0001')
      .executeTakeFirstOrThrow();
    expect(Number(row.next_number)).toBe(13);
    await t.db.deleteFrom('fiscal_sale_counter').where('prefix', '=', 'DT517985-0001').execute();
  });

  it('a sale takes consecutive УНП of the tested device and prints its receipt with it (FIS-05)', async () => {
    const first = await t.db.transaction().execute((trx) => nextUniqueSaleNumber(trx));
    const second = await t.db.transaction().execute((trx) => nextUniqueSaleNumber(trx));
    expect([first, second]).toEqual(['DT517985-0001-0000001', 'DT517985-0001-0000002']);
    const printed = fake.printed.length;
    const result = await printSaleReceipt(t.db, SYSTEM_ACTOR, {
      uniqueSaleNumber: second,
      currency: 'EUR',
      lines: [{ text: 'Смяна на батерия', quantityMilli: 1000, unitPriceCents: 4_500, taxGroup: 2 }],
      payments: [{ type: 'card', amountCents: 4_500 }],
    });
    expect(result).toMatchObject({ fiscalised: true, uniqueSaleNumber: second, receiptAmountCents: 4_500 });
    expect(fake.printed.length).toBe(printed + 1);
    expect(fake.printed.at(-1)?.body).toMatchObject({ uniqueSaleNumber: second });
    const task = await t.db
      .selectFrom('fiscal_device_task')
      .selectAll()
      .where('unique_sale_number', '=', second)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ action: 'receipt', status: 'done' });
    expect(task.request_json).not.toContain('s3cret-pw');
  });
});
