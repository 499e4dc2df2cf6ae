import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import type { FiscalDeviceSettingsTable, FiscalDeviceTaskTable } from './fiscal.table';

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
