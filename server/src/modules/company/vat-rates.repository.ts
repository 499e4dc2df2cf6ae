/** The vat_rate table's queries (INV-08; ADR 0038). */
import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database';
import { type CalendarDate, dialectOf } from '../../db/sql';
import type { VatRateKind, VatRateTable } from './company.table';

export function listRates(db: Executor) {
  return db.selectFrom('vat_rate').selectAll().orderBy('kind').orderBy('valid_from', 'desc').execute();
}

/** The rate of each kind valid on `date`: the row with the latest valid_from not after it. */
export async function ratesOn(db: Executor, date: CalendarDate) {
  const rows = await db
    .selectFrom('vat_rate')
    .selectAll()
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .execute();
  const out = new Map<VatRateKind, (typeof rows)[number]>();
  for (const r of rows) if (!out.has(r.kind)) out.set(r.kind, r);
  return out;
}

export function findRate(db: Executor, kind: VatRateKind, validFrom: CalendarDate) {
  return db
    .selectFrom('vat_rate')
    .select('id')
    .where('kind', '=', kind)
    .where('valid_from', '=', validFrom)
    .executeTakeFirst();
}

export async function countRates(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('vat_rate')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function insertRates(db: Executor, rows: Insertable<VatRateTable>[]) {
  return db.insertInto('vat_rate').values(rows).execute();
}

/** Whether the table is there: a company made on a schema before migration 0042 (the migration tests) has none. */
export async function tableReady(db: Executor): Promise<boolean> {
  const q =
    dialectOf(db) === 'postgres'
      ? sql<{
          n: number;
        }>`select count(*) as n from information_schema.tables where table_schema = current_schema() and table_name = 'vat_rate'`
      : sql<{
          n: number;
        }>`select count(*) as n from sqlite_master where type = 'table' and name = 'vat_rate'`;
  return Number((await q.execute(db)).rows[0]?.n ?? 0) > 0;
}
