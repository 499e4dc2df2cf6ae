/**
 * Sale sites with several fiscal devices and workstations (FIS-05, ADR 0041) on both databases, against two fake
 * ErpNet.FP servers: each workstation prints on its own device with that device's УНП sequence; the receipt records
 * where, on what and by whom it was sold; the receipts list and CSV filter by site and workstation; the Z report and
 * cash in and out go to the device of the till; bad input refused with code and field and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, aUser, aVatCompany } from '../../../test/factories';
import { type FakeErpNetFp, startFakeErpNetFp } from '../../../test/fake-erpnet-fp';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, type Method, type Refusal, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';
import { todayDate } from '../../kernel/calendar';

describe.each(DIALECTS)('sale sites, fiscal devices and workstations on %s', (dialect) => {
  const t = useTestApp(dialect);
  let fakeA: FakeErpNetFp;
  let fakeB: FakeErpNetFp;
  let admin: Session;
  let desk: Session;
  let customer: string;
  let deskA: string;
  let deskB: string;
  let site: Json;
  let other: Json;
  let deviceA: Json;
  let deviceB: Json;
  let wsA: Json;
  let wsB: Json;
  const { json } = requests(t, () => desk);
  const today = todayDate();

  /** A request from a browser whose workstation is `workstationId`. */
  const at = async (
    workstationId: string | null,
    method: Method,
    url: string,
    body?: unknown,
    status = 201,
  ) => {
    const res = await t.request(
      desk,
      method,
      url,
      body,
      workstationId ? { 'x-workstation-id': workstationId } : {},
    );
    if (res.statusCode !== status)
      throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
    return res.json() as Json;
  };
  const refused = async (
    session: Session,
    method: Method,
    url: string,
    body: unknown,
    expected: Refusal,
    headers: Record<string, string> = {},
  ) => {
    const before = await snapshotDatabase(t.db);
    const res = await t.request(session, method, url, body, headers);
    expect(res.statusCode, res.body).toBe(expected.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as Json;
    const codeOf = (p: Json) => (p.code === 'validation_failed' ? p.errors?.[0]?.code : p.code);
    const fieldOf = (p: Json) => p.field ?? p.errors?.[0]?.field;
    expect(codeOf(problem)).toBe(expected.code);
    if (expected.field) expect(fieldOf(problem)).toBe(expected.field);
    expect(await snapshotDatabase(t.db)).toEqual(before);
    return problem;
  };
  const pay = (workstationId: string | null, amountCents: number, accountId: string) =>
    at(workstationId, 'POST', '/api/v1/payments', {
      partyId: customer,
      accountId,
      method: 'cash',
      date: today,
      amountCents,
    });
  const receiptOf = async (paymentId: string) =>
    (await json(desk, 'GET', `/api/v1/payments/${paymentId}`)).receipt as Json;

  beforeAll(async () => {
    fakeA = await startFakeErpNetFp({ printerId: 'fpa' });
    fakeB = await startFakeErpNetFp({ printerId: 'fpb' });
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    customer = await anInvoiceCustomer(t, admin, 'Клиент Обекти ООД');
    deskA = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса А' }, 201)).id;
    deskB = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса Б' }, 201)).id;
  });
  afterAll(async () => {
    await fakeA.close();
    await fakeB.close();
  });

  it('FIS-05: the single device setting still works: it makes a default site with the device and a workstation', async () => {
    expect((await json(admin, 'GET', '/api/v1/fiscal-sites')).items).toEqual([]);
    await json(admin, 'PUT', '/api/v1/fiscal-device', {
      kind: 'erpnet_fp',
      serverUrl: fakeA.url,
      printerId: fakeA.printerId,
      operator: '1',
    });
    const [main] = (await json(admin, 'GET', '/api/v1/fiscal-sites')).items;
    expect(main).toMatchObject({
      name: 'Основен обект',
      devices: [{ name: 'ФУ 1', kind: 'erpnet_fp', printerId: 'fpa', isDefault: true, active: true }],
      workstations: [{ name: 'Каса 1', siteName: 'Основен обект' }],
    });
    expect(main.workstations[0].deviceId).toBe(main.devices[0].id);
    // The default device is the one the setting edits: set up as the first device of the shop below.
    deviceA = (await json(admin, 'PATCH', `/api/v1/fiscal-devices/${main.devices[0].id}`, {
      name: 'ФУ Каса А',
      fiscalNumber: 'DT111111',
      cashDeskId: deskA,
    })) as Json;
    site = await json(admin, 'PATCH', `/api/v1/fiscal-sites/${main.id}`, {
      name: 'Магазин Център',
      address: 'София, ул. Витоша 1',
      napSiteCode: 'OB-0001',
    });
    wsA = main.workstations[0];
    wsA = await json(admin, 'PATCH', `/api/v1/fiscal-workstations/${wsA.id}`, { name: 'Каса А' });
    expect((await json(admin, 'GET', '/api/v1/fiscal-device')).printerId).toBe('fpa');
  });

  it('FIS-05: two devices in one site each print their own workstation’s receipts with their own УНП sequence', async () => {
    deviceB = await json(
      admin,
      'POST',
      '/api/v1/fiscal-devices',
      {
        siteId: site.id,
        name: 'ФУ Каса Б',
        kind: 'erpnet_fp',
        serverUrl: fakeB.url,
        printerId: fakeB.printerId,
        operator: '2',
        fiscalNumber: 'DT222222',
        cashDeskId: deskB,
      },
      201,
    );
    wsB = await json(
      admin,
      'POST',
      '/api/v1/fiscal-workstations',
      { siteId: site.id, name: 'Каса Б', deviceId: deviceB.id },
      201,
    );
    expect((await json(desk, 'GET', '/api/v1/fiscal-workstations')).items.map((w: Json) => w.name)).toEqual([
      'Каса А',
      'Каса Б',
    ]);

    const a1 = await receiptOf((await pay(wsA.id, 1000, deskA)).id);
    const b1 = await receiptOf((await pay(wsB.id, 2000, deskB)).id);
    const a2 = await receiptOf((await pay(wsA.id, 3000, deskA)).id);
    expect([a1, b1, a2].map((r) => [r.uniqueSaleNumber, r.fiscalStatus])).toEqual([
      ['DT111111-0001-0000001', 'printed'],
      ['DT222222-0002-0000001', 'printed'],
      ['DT111111-0001-0000002', 'printed'],
    ]);
    expect(fakeA.printed.map((p) => (p.body as Json).uniqueSaleNumber)).toEqual([
      'DT111111-0001-0000001',
      'DT111111-0001-0000002',
    ]);
    expect(fakeB.printed.map((p) => (p.body as Json).uniqueSaleNumber)).toEqual(['DT222222-0002-0000001']);

    const full = await json(desk, 'GET', `/api/v1/sale-receipts/${b1.id}`);
    expect(full).toMatchObject({
      siteId: site.id,
      siteName: 'Магазин Център',
      siteCode: 'OB-0001',
      workstationId: wsB.id,
      workstationName: 'Каса Б',
      deviceId: deviceB.id,
      deviceName: 'ФУ Каса Б',
      discountCents: 0,
      totalCents: 2000,
    });
    expect(full.operatorName).toBeTruthy();
    // Printing again is on the device it was numbered for, whichever workstation asks.
    await at(wsA.id, 'POST', `/api/v1/sale-receipts/${b1.id}/print`, undefined, 200);
    expect(fakeB.printed).toHaveLength(1);
  });

  it('FIS-05 mandatory reports: the receipts list and its CSV by site and by workstation, with where, who, when and the amounts', async () => {
    const byWs = await json(desk, 'GET', `/api/v1/sale-receipts?workstationId=${wsA.id}`);
    expect(byWs.items.map((r: Json) => [r.workstationName, r.totalCents])).toEqual([
      ['Каса А', 3000],
      ['Каса А', 1000],
    ]);
    const bySite = await json(desk, 'GET', `/api/v1/sale-receipts?siteId=${site.id}`);
    expect(bySite.items).toHaveLength(3);
    const res = await t.request(desk, 'GET', `/api/v1/sale-receipts/export.csv?workstationId=${wsB.id}`);
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    for (const column of [
      'site',
      'site_code',
      'workstation',
      'operator',
      'created_at',
      'net',
      'discount',
      'vat',
      'due',
      'invoice',
    ])
      expect(header?.split(/[;,]/)).toContain(column);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Магазин Център');
    expect(rows[0]).toContain('Каса Б');
    expect(rows[0]).toContain('DT222222-0002-0000001');
  });

  it('FIS-03 per device: the Z report, X report and cash in go to the device of the till, and each till’s day reconciles with its own device', async () => {
    await json(desk, 'POST', `/api/v1/fiscal-device/x-report?deviceId=${deviceB.id}`);
    expect(fakeB.reports).toEqual(['xreport']);
    expect(fakeA.reports).toEqual([]);
    const cashIn = await json(
      desk,
      'POST',
      `/api/v1/money-accounts/${deskB}/cash`,
      { kind: 'cash_in', amountCents: 500, date: today, reason: 'Начална сума' },
      201,
    );
    expect(cashIn.fiscalStatus).toBe('printed');
    expect(fakeB.deposits).toEqual([5]);
    expect(fakeA.deposits).toEqual([]);
    const dayB = await json(desk, 'POST', `/api/v1/money-accounts/${deskB}/z-report`);
    expect(fakeB.reports).toEqual(['xreport', 'zreport']);
    expect(fakeA.reports).toEqual([]);
    expect(dayB.fiscal.zReports).toHaveLength(1);
    const dayA = await json(desk, 'GET', `/api/v1/money-accounts/${deskA}/day-report`);
    expect(dayA.fiscal).not.toBeNull();
    expect(dayA.fiscal.zReports).toHaveLength(0);
  });

  it('refuses bad input with code and field, nothing written: the device number format, a taken number or till, a workstation on another site’s device, an unknown site or workstation, an inactive device', async () => {
    await refused(
      admin,
      'POST',
      '/api/v1/fiscal-devices',
      { siteId: site.id, name: 'ФУ 3', kind: 'none', fiscalNumber: 'D1234567' },
      { status: 400, code: 'fiscal_device_number_format', field: 'fiscalNumber' },
    );
    await refused(
      admin,
      'PATCH',
      `/api/v1/fiscal-devices/${deviceB.id}`,
      { fiscalNumber: 'dt22222' },
      { status: 400, code: 'fiscal_device_number_format', field: 'fiscalNumber' },
    );
    await refused(
      admin,
      'POST',
      '/api/v1/fiscal-devices',
      { siteId: site.id, name: 'ФУ 3', kind: 'none', fiscalNumber: 'DT111111' },
      { status: 409, code: 'fiscal_device_number_taken', field: 'fiscalNumber' },
    );
    await refused(
      admin,
      'POST',
      '/api/v1/fiscal-devices',
      { siteId: site.id, name: 'ФУ 3', kind: 'none', cashDeskId: deskA },
      { status: 409, code: 'fiscal_device_cash_desk_taken', field: 'cashDeskId' },
    );
    await refused(
      admin,
      'POST',
      '/api/v1/fiscal-devices',
      { siteId: 'no-such-site', name: 'ФУ 3', kind: 'none' },
      { status: 400, code: 'fiscal_site_unknown', field: 'siteId' },
    );
    await refused(
      admin,
      'POST',
      '/api/v1/fiscal-sites',
      { name: 'Склад', napSiteCode: 'код с интервал' },
      { status: 400, code: 'fiscal_site_code_format', field: 'napSiteCode' },
    );
    await refused(
      admin,
      'POST',
      '/api/v1/fiscal-sites',
      { name: 'Магазин Център' },
      { status: 409, code: 'fiscal_site_name_taken', field: 'name' },
    );
    other = await json(admin, 'POST', '/api/v1/fiscal-sites', { name: 'Сервиз Люлин' }, 201);
    await refused(
      admin,
      'POST',
      '/api/v1/fiscal-workstations',
      { siteId: other.id, name: 'Каса 1', deviceId: deviceA.id },
      { status: 409, code: 'workstation_device_other_site', field: 'deviceId' },
    );
    await refused(
      admin,
      'PATCH',
      `/api/v1/fiscal-workstations/${wsA.id}`,
      { siteId: other.id },
      { status: 409, code: 'workstation_device_other_site', field: 'deviceId' },
    );
    await refused(
      admin,
      'PATCH',
      `/api/v1/fiscal-devices/${deviceA.id}`,
      { siteId: other.id },
      { status: 409, code: 'fiscal_device_used_by_workstation', field: 'siteId' },
    );
    await refused(
      admin,
      'POST',
      '/api/v1/fiscal-workstations',
      { siteId: site.id, name: 'Каса Б', deviceId: deviceB.id },
      { status: 409, code: 'workstation_name_taken', field: 'name' },
    );
    // Only the management configures them; the desk reads the workstations to pick its own.
    await refused(desk, 'POST', '/api/v1/fiscal-sites', { name: 'Нов' }, { status: 403, code: 'forbidden' });
    await refused(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId: customer, accountId: deskA, method: 'cash', date: today, amountCents: 100 },
      { status: 400, code: 'workstation_unknown', field: 'workstationId' },
      { 'x-workstation-id': 'no-such-workstation' },
    );
    await json(admin, 'PATCH', `/api/v1/fiscal-devices/${deviceB.id}`, { active: false });
    await refused(
      desk,
      'POST',
      '/api/v1/payments',
      { partyId: customer, accountId: deskB, method: 'cash', date: today, amountCents: 100 },
      { status: 409, code: 'fiscal_device_inactive' },
      { 'x-workstation-id': wsB.id },
    );
  });
});
