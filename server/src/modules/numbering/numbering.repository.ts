import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { listAll } from '../../db/list';
import type { NumberingSeriesTable } from './numbering.table';

export async function listSeries(db: Executor) {
  return listAll(db.selectFrom('numbering_series').selectAll(), {
    terms: ['doc_type', 'code'],
    direction: 'asc',
  });
}

export async function findSeries(db: Executor, id: string) {
  return db.selectFrom('numbering_series').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSeriesByCode(db: Executor, docType: string, code: string) {
  return db
    .selectFrom('numbering_series')
    .selectAll()
    .where('doc_type', '=', docType)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findDefaultSeries(db: Executor, docType: string) {
  return db
    .selectFrom('numbering_series')
    .selectAll()
    .where('doc_type', '=', docType)
    .where('active', '=', true)
    .orderBy('is_default', 'desc')
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function insertSeries(db: Executor, row: Insertable<NumberingSeriesTable>): Promise<void> {
  await db.insertInto('numbering_series').values(row).execute();
}

export async function updateSeriesRow(
  db: Executor,
  id: string,
  patch: Updateable<NumberingSeriesTable>,
): Promise<void> {
  await db.updateTable('numbering_series').set(patch).where('id', '=', id).execute();
}

export async function clearDefault(db: Executor, docType: string): Promise<void> {
  await db
    .updateTable('numbering_series')
    .set({ is_default: false })
    .where('doc_type', '=', docType)
    .execute();
}

/**
 * Bumps the counter row and returns the number taken. On PostgreSQL the UPDATE holds the row lock until the
 * transaction ends, so concurrent issuers queue and a rollback gives the number back; SQLite has one writer.
 */
export async function bumpSeries(
  db: Executor,
  id: string,
): Promise<{ taken: number; code: string; width: number } | undefined> {
  const row = await db
    .updateTable('numbering_series')
    .set({ next_number: sql`next_number + 1` })
    .where('id', '=', id)
    .where('active', '=', true)
    .returning(['next_number', 'code', 'width'])
    .executeTakeFirst();
  return row ? { taken: row.next_number - 1, code: row.code, width: row.width } : undefined;
}
