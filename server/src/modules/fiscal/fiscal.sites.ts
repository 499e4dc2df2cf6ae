/**
 * Sale sites, their fiscal devices and workstations (FIS-05, ADR 0041): a търговски обект holds several devices and
 * workstations; a workstation prints on its device, which must stand in the same site. Where a sale is made is
 * resolved here from the workstation the request names (X-Workstation-Id), else the first workstation.
 */
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import * as repo from './fiscal.repository';
import { DEFAULT_TAX_GROUPS, operatorCodeOf } from './fiscal.rules';
import type {
  FiscalDeviceBody,
  FiscalDeviceItem,
  FiscalDevicePatch,
  FiscalSite,
  FiscalSiteBody,
  FiscalSitePatch,
  FiscalWorkstation,
  FiscalWorkstationBody,
  FiscalWorkstationPatch,
} from './fiscal.schema';
import { DEFAULT_EUR_FROM } from './fiscal.service';
import type { FiscalDeviceSettingsTable } from './fiscal.table';

type DeviceRow = Selectable<FiscalDeviceSettingsTable>;

function deviceItemOf(row: DeviceRow, defaultId: string | undefined): FiscalDeviceItem {
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name ?? '',
    kind: row.kind,
    serverUrl: row.server_url,
    printerId: row.printer_id,
    operator: row.operator,
    passwordSet: Boolean(row.operator_password),
    fiscalNumber: row.fiscal_number,
    serialNumber: row.device_serial_number,
    cashDeskId: row.cash_desk_id,
    active: Boolean(row.active),
    isDefault: row.id === defaultId,
  };
}

/** Every workstation with its site and device names (the picker of the browser's workstation). */
export async function listWorkstations(db: Executor): Promise<FiscalWorkstation[]> {
  return (await repo.allWorkstations(db)).map((w) => ({
    id: w.id,
    siteId: w.site_id,
    siteName: w.site_name,
    name: w.name,
    deviceId: w.device_id,
    deviceName: w.device_name ?? null,
  }));
}

/** The sites with their devices (never a password) and workstations. */
export async function listSites(db: Executor): Promise<FiscalSite[]> {
  const [sites, devices, workstations] = await Promise.all([
    repo.allSites(db),
    repo.allDevices(db),
    listWorkstations(db),
  ]);
  const defaultId = devices[0]?.id;
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    address: s.address,
    napSiteCode: s.nap_site_code,
    devices: devices.filter((d) => d.site_id === s.id).map((d) => deviceItemOf(d, defaultId)),
    workstations: workstations.filter((w) => w.siteId === s.id),
  }));
}

async function siteOr400(db: Executor, id: string, field = 'siteId') {
  const site = await repo.findSite(db, id);
  if (!site) throw new DomainError('invalid', 'fiscal_site_unknown', { field });
  return site;
}

async function siteOf(db: Executor, id: string): Promise<FiscalSite> {
  const site = (await listSites(db)).find((s) => s.id === id);
  if (!site) throw notFound('fiscal_site');
  return site;
}

function nameTaken(error: unknown, code: string, name: string): never {
  if (isUniqueViolation(error)) throw new DomainError('conflict', code, { field: 'name', params: { name } });
  throw error;
}

/** A new sale site; its name is unique (409 fiscal_site_name_taken), its NAP code letters, digits and dashes. */
export async function createSite(trx: Executor, actor: Actor, body: FiscalSiteBody): Promise<FiscalSite> {
  const now = nowIso();
  const id = newId();
  const row = {
    id,
    name: body.name,
    address: body.address ?? '',
    nap_site_code: body.napSiteCode ?? null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertSite(trx, row).catch((e) => nameTaken(e, 'fiscal_site_name_taken', body.name));
  await recordAudit(trx, actor, {
    action: 'fiscal_site.create',
    entity: 'fiscal_site',
    entityId: id,
    after: row,
  });
  return siteOf(trx, id);
}

export async function updateSite(
  trx: Executor,
  actor: Actor,
  id: string,
  body: FiscalSitePatch,
): Promise<FiscalSite> {
  const before = await repo.findSite(trx, id);
  if (!before) throw notFound('fiscal_site');
  const patch = {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.address !== undefined ? { address: body.address } : {}),
    ...(body.napSiteCode !== undefined ? { nap_site_code: body.napSiteCode } : {}),
    updated_at: nowIso(),
  };
  await repo.updateSite(trx, id, patch).catch((e) => nameTaken(e, 'fiscal_site_name_taken', body.name ?? ''));
  await recordAudit(trx, actor, {
    action: 'fiscal_site.update',
    entity: 'fiscal_site',
    entityId: id,
    before,
    after: patch,
  });
  return siteOf(trx, id);
}

/**
 * A device's cash desk must be a cash desk (400 fiscal_device_cash_desk_only) that no other device counts into (409
 * fiscal_device_cash_desk_taken): each till is one device's.
 */
async function assertCashDesk(db: Executor, cashDeskId: string, deviceId: string | null): Promise<void> {
  const account = await repo.findCashAccount(db, cashDeskId);
  if (account?.kind !== 'cash')
    throw new DomainError('invalid', 'fiscal_device_cash_desk_only', { field: 'cashDeskId' });
  const other = await repo.deviceOfCashDesk(db, cashDeskId);
  if (other && other.id !== deviceId)
    throw new DomainError('conflict', 'fiscal_device_cash_desk_taken', {
      field: 'cashDeskId',
      params: { account: account.name, device: other.name ?? '' },
    });
}

function numberTaken(error: unknown, number: string | null | undefined): never {
  if (isUniqueViolation(error))
    throw new DomainError('conflict', 'fiscal_device_number_taken', {
      field: 'fiscalNumber',
      params: { number: number ?? '' },
    });
  throw error;
}

/**
 * A new fiscal device of a site: its ФУ number (2 letters, 6 digits, unique: 409 fiscal_device_number_taken), the
 * ErpNet.FP printer, the cash desk it counts into. Its VAT groups and EUR date are the default device's.
 */
export async function createDevice(
  trx: Executor,
  actor: Actor,
  body: FiscalDeviceBody,
): Promise<FiscalDeviceItem> {
  await siteOr400(trx, body.siteId);
  if (body.operator) operatorCodeOf(body.operator);
  if (body.cashDeskId) await assertCashDesk(trx, body.cashDeskId, null);
  const template = await repo.findSettings(trx);
  const erp = body.kind === 'erpnet_fp';
  const id = newId();
  const row = {
    id,
    site_id: body.siteId,
    name: body.name,
    kind: body.kind,
    server_url: erp ? (body.serverUrl ?? null) : null,
    printer_id: erp ? (body.printerId ?? null) : null,
    operator: erp ? (body.operator ?? null) : null,
    operator_password: erp ? body.operatorPassword || null : null,
    fiscal_number: body.fiscalNumber ?? null,
    cash_desk_id: body.cashDeskId ?? null,
    active: body.active ?? true,
    eur_from: template?.eur_from ?? DEFAULT_EUR_FROM,
    tax_groups:
      template?.tax_groups ??
      JSON.stringify(
        Object.entries(DEFAULT_TAX_GROUPS).map(([bp, taxGroup]) => ({ vatRateBp: Number(bp), taxGroup })),
      ),
    device_serial_number: null,
    fiscal_memory_serial_number: null,
    device_model: null,
    item_text_max_length: null,
    checked_at: null,
    updated_at: nowIso(),
  };
  await repo.insertSettings(trx, row).catch((e) => numberTaken(e, body.fiscalNumber));
  const { operator_password: _, ...audited } = row;
  await recordAudit(trx, actor, {
    action: 'fiscal_device.create',
    entity: 'fiscal_device',
    entityId: id,
    after: audited,
  });
  return deviceItemOf(row, (await repo.findSettings(trx))?.id);
}

/** Changes a device; another site is refused while a workstation of its old site prints on it (409). */
export async function updateDevice(
  trx: Executor,
  actor: Actor,
  id: string,
  body: FiscalDevicePatch,
): Promise<FiscalDeviceItem> {
  const row = await repo.findDevice(trx, id);
  if (!row) throw notFound('fiscal_device');
  if (body.siteId !== undefined && body.siteId !== row.site_id) {
    await siteOr400(trx, body.siteId);
    const used = (await repo.allWorkstations(trx)).find(
      (w) => w.device_id === id && w.site_id !== body.siteId,
    );
    if (used)
      throw new DomainError('conflict', 'fiscal_device_used_by_workstation', {
        field: 'siteId',
        params: { workstation: used.name },
      });
  }
  if (body.operator) operatorCodeOf(body.operator);
  if (body.cashDeskId) await assertCashDesk(trx, body.cashDeskId, id);
  const kind = body.kind ?? row.kind;
  const serverUrl = body.serverUrl !== undefined ? body.serverUrl : row.server_url;
  const printerId = body.printerId !== undefined ? body.printerId : row.printer_id;
  if (kind === 'erpnet_fp')
    for (const [field, value] of [
      ['serverUrl', serverUrl],
      ['printerId', printerId],
    ] as const)
      if (!value) throw new DomainError('invalid', 'required', { field });
  const sameDevice = row.server_url === serverUrl && row.printer_id === printerId;
  const patch = {
    ...(body.siteId !== undefined ? { site_id: body.siteId } : {}),
    ...(body.name !== undefined ? { name: body.name } : {}),
    kind,
    server_url: kind === 'erpnet_fp' ? serverUrl : null,
    printer_id: kind === 'erpnet_fp' ? printerId : null,
    ...(body.operator !== undefined ? { operator: body.operator } : {}),
    ...(body.operatorPassword !== undefined ? { operator_password: body.operatorPassword || null } : {}),
    ...(body.fiscalNumber !== undefined ? { fiscal_number: body.fiscalNumber } : {}),
    ...(body.cashDeskId !== undefined ? { cash_desk_id: body.cashDeskId ?? null } : {}),
    ...(body.active !== undefined ? { active: body.active } : {}),
    ...(sameDevice
      ? {}
      : {
          device_serial_number: null,
          fiscal_memory_serial_number: null,
          device_model: null,
          item_text_max_length: null,
          checked_at: null,
        }),
    updated_at: nowIso(),
  };
  await repo.updateSettingsRow(trx, id, patch).catch((e) => numberTaken(e, body.fiscalNumber));
  const { operator_password: _, ...audited } = patch;
  const { operator_password: __, ...before } = row;
  await recordAudit(trx, actor, {
    action: 'fiscal_device.update',
    entity: 'fiscal_device',
    entityId: id,
    before,
    after: audited,
  });
  const after = await repo.findDevice(trx, id);
  return deviceItemOf(after as DeviceRow, (await repo.findSettings(trx))?.id);
}

/** A workstation's device must be one of its own site's (409 workstation_device_other_site, field deviceId). */
async function assertDeviceOfSite(db: Executor, siteId: string, deviceId: string | null | undefined) {
  if (!deviceId) return;
  const device = await repo.findDevice(db, deviceId);
  if (!device) throw new DomainError('invalid', 'fiscal_device_unknown', { field: 'deviceId' });
  if (device.site_id !== siteId)
    throw new DomainError('conflict', 'workstation_device_other_site', {
      field: 'deviceId',
      params: { device: device.name ?? '' },
    });
}

async function workstationOf(db: Executor, id: string): Promise<FiscalWorkstation> {
  const w = (await listWorkstations(db)).find((x) => x.id === id);
  if (!w) throw notFound('fiscal_workstation');
  return w;
}

/** A new workstation of a site, printing on one of that site's devices; its name is unique in the site. */
export async function createWorkstation(
  trx: Executor,
  actor: Actor,
  body: FiscalWorkstationBody,
): Promise<FiscalWorkstation> {
  await siteOr400(trx, body.siteId);
  await assertDeviceOfSite(trx, body.siteId, body.deviceId);
  const now = nowIso();
  const id = newId();
  const row = {
    id,
    site_id: body.siteId,
    name: body.name,
    device_id: body.deviceId ?? null,
    created_at: now,
    updated_at: now,
  };
  await repo.insertWorkstation(trx, row).catch((e) => nameTaken(e, 'workstation_name_taken', body.name));
  await recordAudit(trx, actor, {
    action: 'fiscal_workstation.create',
    entity: 'fiscal_workstation',
    entityId: id,
    after: row,
  });
  return workstationOf(trx, id);
}

export async function updateWorkstation(
  trx: Executor,
  actor: Actor,
  id: string,
  body: FiscalWorkstationPatch,
): Promise<FiscalWorkstation> {
  const row = await repo.findWorkstation(trx, id);
  if (!row) throw notFound('fiscal_workstation');
  const siteId = body.siteId ?? row.site_id;
  if (body.siteId !== undefined) await siteOr400(trx, body.siteId);
  await assertDeviceOfSite(trx, siteId, body.deviceId !== undefined ? body.deviceId : row.device_id);
  const patch = {
    site_id: siteId,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.deviceId !== undefined ? { device_id: body.deviceId ?? null } : {}),
    updated_at: nowIso(),
  };
  await repo
    .updateWorkstation(trx, id, patch)
    .catch((e) => nameTaken(e, 'workstation_name_taken', body.name ?? row.name));
  await recordAudit(trx, actor, {
    action: 'fiscal_workstation.update',
    entity: 'fiscal_workstation',
    entityId: id,
    before: row,
    after: patch,
  });
  return workstationOf(trx, id);
}

/** Where a sale is made (ADR 0041): its site, workstation and the device it is printed on. */
export interface SalePlacement {
  siteId: string | null;
  workstationId: string | null;
  deviceId: string | null;
}

/**
 * The placement of a sale by the actor's workstation (the browser's choice, X-Workstation-Id): an unknown one is 400
 * workstation_unknown. None named, the default device — as before ADR 0041, so an installation that never picks a
 * workstation works unchanged — at the first workstation printing on it, in its site; no device at all, no placement.
 */
export async function salePlacementOf(db: Executor, actor: Actor): Promise<SalePlacement> {
  if (actor.workstationId) {
    const ws = await repo.findWorkstation(db, actor.workstationId);
    if (!ws) throw new DomainError('invalid', 'workstation_unknown', { field: 'workstationId' });
    return {
      siteId: ws.site_id,
      workstationId: ws.id,
      deviceId: ws.device_id ?? (await repo.findSettings(db))?.id ?? null,
    };
  }
  const device = await repo.findSettings(db);
  if (!device) return { siteId: null, workstationId: null, deviceId: null };
  const ws = await repo.firstWorkstationOf(db, device.id);
  return { siteId: ws?.site_id ?? device.site_id, workstationId: ws?.id ?? null, deviceId: device.id };
}

/** The device the actor operates (reports, cash in and out): the one named, else their workstation's, else the default. */
export async function operatedDeviceId(
  db: Executor,
  actor: Actor,
  deviceId?: string | null,
): Promise<string | null> {
  if (deviceId) return deviceId;
  if (!actor.workstationId) return null;
  return (await salePlacementOf(db, actor)).deviceId;
}

/** The cash desks the devices count into: tills (FIS-03), each registering its cash on its own device. */
export async function deviceCashDeskIds(db: Executor): Promise<string[]> {
  return (await repo.allDevices(db)).flatMap((d) => (d.cash_desk_id ? [d.cash_desk_id] : []));
}
