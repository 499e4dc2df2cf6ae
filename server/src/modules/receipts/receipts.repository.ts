/** The sale receipts' SQL (ADR 0022). */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { lockForUpdate } from '../../db/sql';
import type { SaleReceiptLineTable, SaleReceiptTable } from './receipts.table';

export async function insertReceipt(db: Executor, row: Insertable<SaleReceiptTable>): Promise<void> {
  await db.insertInto('sale_receipt').values(row).execute();
}

export async function insertLines(db: Executor, rows: Insertable<SaleReceiptLineTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('sale_receipt_line').values(rows).execute();
}

export async function updateReceipt(
  db: Executor,
  id: string,
  columns: Updateable<SaleReceiptTable>,
): Promise<void> {
  await db.updateTable('sale_receipt').set(columns).where('id', '=', id).execute();
}

/** The receipt with its customer's name and its order's number. */
export async function findReceipt(db: Executor, id: string) {
  return db
    .selectFrom('sale_receipt as r')
    .innerJoin('party as p', 'p.id', 'r.party_id')
    .leftJoin('service_order as o', 'o.id', 'r.order_id')
    .selectAll('r')
    .select(['p.name as party_name', 'o.number as order_number'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Locks the receipt (PostgreSQL: until the transaction ends) for its storno. */
export async function lockReceipt(db: Executor, id: string) {
  return lockForUpdate(db.selectFrom('sale_receipt').selectAll().where('id', '=', id), db).executeTakeFirst();
}

export async function linesOf(db: Executor, receiptId: string) {
  return db
    .selectFrom('sale_receipt_line')
    .selectAll()
    .where('receipt_id', '=', receiptId)
    .orderBy('position')
    .execute();
}
