/**
 * Two sale sites, each with its fiscal device (a fake ErpNet.FP server), the cash desk the device counts into and a
 * workstation printing on it (ADR 0041), for the tests of what is reported per site and workstation (ADR 0043).
 * The first is the default site the single device setting makes; the second is added beside it.
 */

import { aPart, aPostedReceipt, aSupplier, aWarehouse } from './factories';
import { type FakeErpNetFp, startFakeErpNetFp } from './fake-erpnet-fp';
import type { Session, TestApp } from './harness';
import { type Json, type Method, requests } from './requests';

export interface SaleSite {
  site: Json;
  device: Json;
  workstation: Json;
  /** The cash desk the device counts into. */
  deskId: string;
  fake: FakeErpNetFp;
}

export async function twoSaleSites(t: TestApp, admin: Session): Promise<[SaleSite, SaleSite]> {
  const { json } = requests(t, () => admin);
  const fakeA = await startFakeErpNetFp({ printerId: 'fpa' });
  const fakeB = await startFakeErpNetFp({ printerId: 'fpb' });
  const deskA = (
    await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса Център' }, 201)
  ).id;
  const deskB = (await json(admin, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса Юг' }, 201))
    .id;
  await json(admin, 'PUT', '/api/v1/fiscal-device', {
    kind: 'erpnet_fp',
    serverUrl: fakeA.url,
    printerId: fakeA.printerId,
    operator: '1',
  });
  const [main] = (await json(admin, 'GET', '/api/v1/fiscal-sites')).items as Json[];
  const deviceA = await json(admin, 'PATCH', `/api/v1/fiscal-devices/${main?.devices[0].id}`, {
    name: 'ФУ Център',
    fiscalNumber: 'DT111111',
    cashDeskId: deskA,
  });
  const siteA = await json(admin, 'PATCH', `/api/v1/fiscal-sites/${main?.id}`, {
    name: 'Магазин Център',
    napSiteCode: 'OB-0001',
  });
  const wsA = await json(admin, 'PATCH', `/api/v1/fiscal-workstations/${main?.workstations[0].id}`, {
    name: 'Каса Център',
  });
  const siteB = await json(
    admin,
    'POST',
    '/api/v1/fiscal-sites',
    { name: 'Магазин Юг', napSiteCode: 'OB-0002' },
    201,
  );
  const deviceB = await json(
    admin,
    'POST',
    '/api/v1/fiscal-devices',
    {
      siteId: siteB.id,
      name: 'ФУ Юг',
      kind: 'erpnet_fp',
      serverUrl: fakeB.url,
      printerId: fakeB.printerId,
      operator: '2',
      fiscalNumber: 'DT222222',
      cashDeskId: deskB,
    },
    201,
  );
  const wsB = await json(
    admin,
    'POST',
    '/api/v1/fiscal-workstations',
    { siteId: siteB.id, name: 'Каса Юг', deviceId: deviceB.id },
    201,
  );
  return [
    { site: siteA, device: deviceA, workstation: wsA, deskId: deskA, fake: fakeA },
    { site: siteB, device: deviceB, workstation: wsB, deskId: deskB, fake: fakeB },
  ];
}

/** A request from the browser whose workstation is `workstationId` (X-Workstation-Id), failing on another status. */
export async function fromWorkstation(
  t: TestApp,
  session: Session,
  workstationId: string,
  method: Method,
  url: string,
  body?: unknown,
  status = 201,
): Promise<Json> {
  const res = await t.request(session, method, url, body, { 'x-workstation-id': workstationId });
  if (res.statusCode !== status)
    throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}

/**
 * A cable (10.00) received into a new store and sold once over the counter at the workstation into `accountId`,
 * then reversed the same day with a storno; the sale receipt as answered.
 */
export async function aReversedCounterSale(
  t: TestApp,
  admin: Session,
  desk: Session,
  workstationId: string,
  accountId: string,
  method: 'cash' | 'card',
): Promise<Json> {
  const { json } = requests(t, () => admin);
  const store = (await aWarehouse(t, admin)).id;
  const part = await aPart(t, admin, { nameBg: 'Кабел', salePriceCents: 1000 });
  await aPostedReceipt(t, admin, {
    warehouseId: store,
    supplierId: (await aSupplier(t, admin)).id,
    lines: [{ partId: part.id, quantityMilli: 5000, unitCostCents: 500 }],
  });
  const counter = await fromWorkstation(
    t,
    desk,
    workstationId,
    'POST',
    '/api/v1/sale-receipts/counter-sale',
    {
      warehouseId: store,
      method,
      accountId,
      lines: [{ partId: part.id, quantityMilli: 1000 }],
    },
  );
  await json(desk, 'POST', `/api/v1/sale-receipts/${counter.id}/storno`, { reason: 'refund' });
  return counter;
}
