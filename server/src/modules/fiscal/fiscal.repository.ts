import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type {
  FiscalDeviceSettingsTable,
  FiscalDeviceTaskTable,
  FiscalSiteTable,
  FiscalWorkstationTable,
} from './fiscal.table';

export async function findSettings(db: Executor) {
  return db.selectFrom('fiscal_device_settings').selectAll().orderBy('id').executeTakeFirst();
}

export async function insertSettings(
  db: Executor,
  row: Insertable<FiscalDeviceSettingsTable>,
): Promise<void> {
  await db.insertInto('fiscal_device_settings').values(row).execute();
}

export async function updateSettingsRow(
  db: Executor,
  id: string,
  patch: Updateable<FiscalDeviceSettingsTable>,
): Promise<void> {
  await db.updateTable('fiscal_device_settings').set(patch).where('id', '=', id).execute();
}

/** Takes the next number of a УНП prefix: a guarded bump of its counter row, made on first use. */
export async function takeSaleNumber(db: Executor, prefix: string): Promise<number> {
  await db
    .insertInto('fiscal_sale_counter')
    .values({ prefix, next_number: 1 })
    .onConflict((oc) => oc.column('prefix').doNothing())
    .execute();
  const row = await db
    .updateTable('fiscal_sale_counter')
    .set({ next_number: sql`next_number + 1` })
    .where('prefix', '=', prefix)
    .returning(['next_number'])
    .executeTakeFirstOrThrow();
  return Number(row.next_number) - 1;
}

export async function insertTask(db: Executor, row: Insertable<FiscalDeviceTaskTable>): Promise<void> {
  await db.insertInto('fiscal_device_task').values(row).execute();
}

export async function updateTask(
  db: Executor,
  id: string,
  patch: Updateable<FiscalDeviceTaskTable>,
): Promise<void> {
  await db.updateTable('fiscal_device_task').set(patch).where('id', '=', id).execute();
}

export async function findTask(db: Executor, id: string) {
  return db.selectFrom('fiscal_device_task').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Tasks of an action finished well, created in [from, to) (instants), oldest first. */
export async function doneTasksBetween(
  db: Executor,
  action: FiscalDeviceTaskTable['action'],
  from: string,
  to: string,
) {
  return db
    .selectFrom('fiscal_device_task')
    .selectAll()
    .where('action', '=', action)
    .where('status', '=', 'done')
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------- sites, devices, workstations (ADR 0041)

export function findDevice(db: Executor, id: string) {
  return db.selectFrom('fiscal_device_settings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function allDevices(db: Executor) {
  return db.selectFrom('fiscal_device_settings').selectAll().orderBy('id').execute();
}

/** The active device that counts into a cash desk, if any. */
export function deviceOfCashDesk(db: Executor, cashDeskId: string) {
  return db
    .selectFrom('fiscal_device_settings')
    .selectAll()
    .where('cash_desk_id', '=', cashDeskId)
    .orderBy('id')
    .executeTakeFirst();
}

export function findSite(db: Executor, id: string) {
  return db.selectFrom('fiscal_site').selectAll().where('id', '=', id).executeTakeFirst();
}

export function allSites(db: Executor) {
  return db.selectFrom('fiscal_site').selectAll().orderBy('name').orderBy('id').execute();
}

export async function insertSite(db: Executor, row: Insertable<FiscalSiteTable>): Promise<void> {
  await db.insertInto('fiscal_site').values(row).execute();
}

export async function updateSite(
  db: Executor,
  id: string,
  patch: Updateable<FiscalSiteTable>,
): Promise<void> {
  await db.updateTable('fiscal_site').set(patch).where('id', '=', id).execute();
}

export function findWorkstation(db: Executor, id: string) {
  return db.selectFrom('fiscal_workstation').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The workstation a request without one sells at: the oldest. */
export function firstWorkstation(db: Executor) {
  return db.selectFrom('fiscal_workstation').selectAll().orderBy('id').executeTakeFirst();
}

/** The first workstation that prints on a device. */
export function firstWorkstationOf(db: Executor, deviceId: string) {
  return db
    .selectFrom('fiscal_workstation')
    .selectAll()
    .where('device_id', '=', deviceId)
    .orderBy('id')
    .executeTakeFirst();
}

export function allWorkstations(db: Executor) {
  return db
    .selectFrom('fiscal_workstation as w')
    .innerJoin('fiscal_site as s', 's.id', 'w.site_id')
    .leftJoin('fiscal_device_settings as d', 'd.id', 'w.device_id')
    .select(['w.id', 'w.site_id', 'w.name', 'w.device_id', 's.name as site_name', 'd.name as device_name'])
    .orderBy('s.name')
    .orderBy('w.name')
    .execute();
}

export async function insertWorkstation(
  db: Executor,
  row: Insertable<FiscalWorkstationTable>,
): Promise<void> {
  await db.insertInto('fiscal_workstation').values(row).execute();
}

export async function updateWorkstation(
  db: Executor,
  id: string,
  patch: Updateable<FiscalWorkstationTable>,
): Promise<void> {
  await db.updateTable('fiscal_workstation').set(patch).where('id', '=', id).execute();
}

/**
 * A cash desk by id, read to check a device's cash desk (the money module owns the table; fiscal never imports it,
 * ADR 0028, so it reads the one row here).
 */
export function findCashAccount(db: Executor, id: string) {
  return db
    .selectFrom('money_account')
    .select(['id', 'name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Z reports of one device in [from, to). */
export async function doneDeviceTasksBetween(
  db: Executor,
  action: FiscalDeviceTaskTable['action'],
  deviceId: string,
  from: string,
  to: string,
) {
  return db
    .selectFrom('fiscal_device_task')
    .selectAll()
    .where('action', '=', action)
    .where('status', '=', 'done')
    .where('device_id', '=', deviceId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
