/** The money tables' queries: accounts, movements and their legs; balances are sums of legs. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { type CalendarDate, lockForUpdate, sumInt } from '../../db/sql';
import type { MoneyAccountTable, MoneyMovementLegTable, MoneyMovementTable } from './money.table';

export type AccountRow = Selectable<MoneyAccountTable>;
export type MovementRow = Selectable<MoneyMovementTable>;

export function findAccount(db: Executor, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('money_account').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the accounts' rows in id order (PostgreSQL; SQLite serialises writers): one writer per account at once. */
export async function lockAccounts(db: Executor, ids: string[]): Promise<AccountRow[]> {
  const rows: AccountRow[] = [];
  for (const id of [...new Set(ids)].sort()) {
    const row = await lockForUpdate(
      db.selectFrom('money_account').selectAll().where('id', '=', id),
      db,
    ).executeTakeFirst();
    if (row) rows.push(row);
  }
  return rows;
}

/** The cash desk the fiscal device counts (at most one). */
export function findFiscalDesk(db: Executor): Promise<AccountRow | undefined> {
  return db
    .selectFrom('money_account')
    .selectAll()
    .where('fiscal_device', '=', true)
    .where('kind', '=', 'cash')
    .executeTakeFirst();
}

export function findMovementByTask(db: Executor, taskId: string): Promise<MovementRow | undefined> {
  return db.selectFrom('money_movement').selectAll().where('fiscal_task_id', '=', taskId).executeTakeFirst();
}

export function listAccounts(db: Executor, archived: boolean): Promise<AccountRow[]> {
  return db
    .selectFrom('money_account')
    .selectAll()
    .where('archived_at', archived ? 'is not' : 'is', null)
    .orderBy('kind', 'desc')
    .orderBy('name')
    .execute();
}

export async function insertAccount(db: Executor, row: Insertable<MoneyAccountTable>): Promise<void> {
  await db.insertInto('money_account').values(row).execute();
}

export async function updateAccount(
  db: Executor,
  id: string,
  patch: Updateable<MoneyAccountTable>,
): Promise<void> {
  await db.updateTable('money_account').set(patch).where('id', '=', id).execute();
}

/** The balances at the end of a day, per account (accounts with no legs are missing). */
export async function balancesAt(
  db: Executor,
  accountIds: string[],
  date: CalendarDate,
): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('money_movement_leg')
    .select(['account_id', sumInt('amount_cents').as('total')])
    .where('account_id', 'in', accountIds)
    .where('movement_date', '<=', date)
    .groupBy('account_id')
    .execute();
  return new Map(rows.map((r) => [r.account_id, Number(r.total)]));
}

/** The balance before a day (the sum of the legs dated earlier). */
export async function balanceBefore(db: Executor, accountId: string, date: CalendarDate): Promise<number> {
  const row = await db
    .selectFrom('money_movement_leg')
    .select(sumInt('amount_cents').as('total'))
    .where('account_id', '=', accountId)
    .where('movement_date', '<', date)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Each day's net change from a day on, in date order. */
export async function dailyNetFrom(
  db: Executor,
  accountId: string,
  date: CalendarDate,
): Promise<{ date: CalendarDate; net: number }[]> {
  const rows = await db
    .selectFrom('money_movement_leg')
    .select(['movement_date', sumInt('amount_cents').as('net')])
    .where('account_id', '=', accountId)
    .where('movement_date', '>=', date)
    .groupBy('movement_date')
    .orderBy('movement_date')
    .execute();
  return rows.map((r) => ({ date: String(r.movement_date), net: Number(r.net) }));
}

export async function insertMovement(
  db: Executor,
  movement: Insertable<MoneyMovementTable>,
  legs: Insertable<MoneyMovementLegTable>[],
): Promise<void> {
  await db.insertInto('money_movement').values(movement).execute();
  await db.insertInto('money_movement_leg').values(legs).execute();
}

export function findMovement(db: Executor, id: string): Promise<MovementRow | undefined> {
  return db.selectFrom('money_movement').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockMovement(db: Executor, id: string): Promise<MovementRow | undefined> {
  return lockForUpdate(
    db.selectFrom('money_movement').selectAll().where('id', '=', id),
    db,
  ).executeTakeFirst();
}

/** Marks a movement reversed, only if it was not yet (rows affected tell). */
export async function markReversed(db: Executor, id: string, reversedById: string): Promise<boolean> {
  const res = await db
    .updateTable('money_movement')
    .set({ reversed_by_id: reversedById })
    .where('id', '=', id)
    .where('reversed_by_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function legsOf(db: Executor, movementIds: string[]) {
  if (movementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('money_movement_leg as l')
    .innerJoin('money_account as a', 'a.id', 'l.account_id')
    .select(['l.movement_id', 'l.account_id', 'a.name as account_name', 'l.amount_cents'])
    .where('l.movement_id', 'in', movementIds)
    .orderBy('l.amount_cents')
    .execute();
}

/** One account's legs in a period with their movements, in date and number order. */
export function accountLegs(db: Executor, accountId: string, from?: CalendarDate, to?: CalendarDate) {
  let q = db
    .selectFrom('money_movement_leg as l')
    .innerJoin('money_movement as m', 'm.id', 'l.movement_id')
    .leftJoin('party as p', 'p.id', 'm.party_id')
    .select([
      'm.id',
      'm.number',
      'm.kind',
      'm.movement_date',
      'l.amount_cents as leg_cents',
      'm.reason',
      'm.category',
      'p.name as party_name',
      'm.reversal_of_id',
      'm.reversed_by_id',
      'm.fiscal_status',
    ])
    .where('l.account_id', '=', accountId);
  if (from) q = q.where('l.movement_date', '>=', from);
  if (to) q = q.where('l.movement_date', '<=', to);
  return q.orderBy('l.movement_date').orderBy('m.number').execute();
}
