/**
 * The rows of purchase requests, their lines and needs. Reads the supplier's name (party), the part's code, name
 * and unit (catalog_part), a warehouse's code and the receipt's number and status (stock_document) for display only
 * (ADR 9); writes only its own tables.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listPage } from '../../db/list';
import { countAll, dialectOf, lockForUpdate } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type {
  PurchaseRequestLineTable,
  PurchaseRequestNeedTable,
  PurchaseRequestStatus,
  PurchaseRequestTable,
} from './purchasing.table';

export type RequestRow = Selectable<PurchaseRequestTable>;
export type RequestLineRow = Selectable<PurchaseRequestLineTable>;
export type NeedRow = Selectable<PurchaseRequestNeedTable>;

export interface RequestFilter {
  status?: PurchaseRequestStatus | undefined;
  supplierId?: string | undefined;
  sourceId?: string | undefined;
  noSupplier?: boolean | undefined;
  q?: string | undefined;
}

function listed(db: Executor) {
  return db
    .selectFrom('purchase_request as r')
    .leftJoin('party as s', 's.id', 'r.supplier_id')
    .selectAll('r')
    .select('s.name as supplier_name')
    .select((eb) => [
      eb
        .selectFrom('purchase_request_line as l')
        .select(countAll().as('n'))
        .whereRef('l.request_id', '=', 'r.id')
        .as('line_count'),
      eb
        .selectFrom('purchase_request_need as n')
        .innerJoin('purchase_request_line as l', 'l.id', 'n.request_line_id')
        .select((e) => e.fn.count<number>('n.source_id').distinct().as('c'))
        .whereRef('l.request_id', '=', 'r.id')
        .as('order_count'),
    ]);
}
export type ListedRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export const REQUEST_SORT_KEYS = {
  number: ['r.number'],
  createdAt: ['r.created_at', 'r.number'],
  status: ['r.status', 'r.number'],
  supplier: ['s.name', 'r.number'],
} as const;

function filtered(db: Executor, f: RequestFilter) {
  let q = listed(db);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.supplierId) q = q.where('r.supplier_id', '=', f.supplierId);
  if (f.noSupplier) q = q.where('r.supplier_id', 'is', null);
  if (f.q) q = q.where((eb) => eb.or([eb('r.number', 'like', `%${f.q}%`), eb('s.name', 'like', `%${f.q}%`)]));
  if (f.sourceId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('purchase_request_need as n')
          .innerJoin('purchase_request_line as l', 'l.id', 'n.request_line_id')
          .select('n.id')
          .whereRef('l.request_id', '=', 'r.id')
          .where('n.source_id', '=', f.sourceId as string),
      ),
    );
  return q;
}

export async function listRequests(db: Executor, f: RequestFilter, order: ListOrder, page: PageRequest) {
  return listPage(filtered(db, f), order, page);
}

export async function findRequest(db: Executor, id: string) {
  return listed(db).where('r.id', '=', id).executeTakeFirst();
}

export async function lockRequest(db: Executor, id: string): Promise<RequestRow | undefined> {
  return lockForUpdate(
    db.selectFrom('purchase_request').selectAll().where('id', '=', id),
    db,
  ).executeTakeFirst();
}

export async function findDraftOf(db: Executor, supplierId: string | null): Promise<RequestRow | undefined> {
  const q = db.selectFrom('purchase_request').selectAll().where('status', '=', 'draft');
  return lockForUpdate(
    supplierId ? q.where('supplier_id', '=', supplierId) : q.where('supplier_id', 'is', null),
    db,
  ).executeTakeFirst();
}

export async function insertRequest(db: Executor, row: Insertable<PurchaseRequestTable>) {
  await db.insertInto('purchase_request').values(row).execute();
}

export async function updateRequest(db: Executor, id: string, patch: Updateable<PurchaseRequestTable>) {
  await db.updateTable('purchase_request').set(patch).where('id', '=', id).execute();
}

export async function linesOf(db: Executor, requestId: string) {
  return db
    .selectFrom('purchase_request_line as l')
    .innerJoin('catalog_part as p', 'p.id', 'l.part_id')
    .selectAll('l')
    .select(['p.code as part_code', 'p.name_bg as part_name', 'p.unit as part_unit', 'p.typical_cost_cents'])
    .where('l.request_id', '=', requestId)
    .orderBy('l.position')
    .execute();
}

export async function needsOfRequest(db: Executor, requestId: string) {
  return db
    .selectFrom('purchase_request_need as n')
    .innerJoin('purchase_request_line as l', 'l.id', 'n.request_line_id')
    .innerJoin('stock_warehouse as w', 'w.id', 'n.warehouse_id')
    .selectAll('n')
    .select('w.code as warehouse_code')
    .where('l.request_id', '=', requestId)
    .orderBy('n.source_date')
    .orderBy('n.source_label')
    .execute();
}

export async function findLine(db: Executor, id: string): Promise<RequestLineRow | undefined> {
  return db.selectFrom('purchase_request_line').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLineOfPart(db: Executor, requestId: string, partId: string) {
  return db
    .selectFrom('purchase_request_line')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('part_id', '=', partId)
    .executeTakeFirst();
}

export async function nextLinePosition(db: Executor, requestId: string): Promise<number> {
  const row = await db
    .selectFrom('purchase_request_line')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertLine(db: Executor, row: Insertable<PurchaseRequestLineTable>) {
  await db.insertInto('purchase_request_line').values(row).execute();
}

export async function updateLine(db: Executor, id: string, patch: Updateable<PurchaseRequestLineTable>) {
  await db.updateTable('purchase_request_line').set(patch).where('id', '=', id).execute();
}

export async function deleteLine(db: Executor, id: string) {
  await db.deleteFrom('purchase_request_line').where('id', '=', id).execute();
}

export async function countLines(db: Executor, requestId: string): Promise<number> {
  const row = await db
    .selectFrom('purchase_request_line')
    .select(countAll().as('n'))
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The needs of one source line on open (draft or sent) requests, with their request's status and line's part. */
export async function openNeedsOfSourceLine(
  db: Executor,
  source: { sourceType: string; sourceId: string; sourceLineId: string },
) {
  return db
    .selectFrom('purchase_request_need as n')
    .innerJoin('purchase_request_line as l', 'l.id', 'n.request_line_id')
    .innerJoin('purchase_request as r', 'r.id', 'l.request_id')
    .selectAll('n')
    .select(['l.request_id', 'l.part_id', 'l.quantity_milli as line_quantity_milli', 'r.status', 'r.sent_at'])
    .where('n.source_type', '=', source.sourceType)
    .where('n.source_id', '=', source.sourceId)
    .where('n.source_line_id', '=', source.sourceLineId)
    .where('r.status', 'in', ['draft', 'sent'])
    .execute();
}

/** The source lines with needs on open requests, of one source (a service order). */
export async function openNeedLinesOfSource(db: Executor, sourceType: string, sourceId: string) {
  const rows = await db
    .selectFrom('purchase_request_need as n')
    .innerJoin('purchase_request_line as l', 'l.id', 'n.request_line_id')
    .innerJoin('purchase_request as r', 'r.id', 'l.request_id')
    .select('n.source_line_id')
    .distinct()
    .where('n.source_type', '=', sourceType)
    .where('n.source_id', '=', sourceId)
    .where('r.status', 'in', ['draft', 'sent'])
    .execute();
  return rows.map((r) => r.source_line_id);
}

export async function needsOfLine(db: Executor, lineId: string): Promise<NeedRow[]> {
  return db.selectFrom('purchase_request_need').selectAll().where('request_line_id', '=', lineId).execute();
}

export async function insertNeed(db: Executor, row: Insertable<PurchaseRequestNeedTable>) {
  await db.insertInto('purchase_request_need').values(row).execute();
}

export async function updateNeed(db: Executor, id: string, patch: Updateable<PurchaseRequestNeedTable>) {
  await db.updateTable('purchase_request_need').set(patch).where('id', '=', id).execute();
}

export async function deleteNeed(db: Executor, id: string) {
  await db.deleteFrom('purchase_request_need').where('id', '=', id).execute();
}

/** The request a stock receipt was made from, if any, locked. */
export async function requestOfReceipt(db: Executor, receiptId: string): Promise<RequestRow | undefined> {
  return lockForUpdate(
    db.selectFrom('purchase_request').selectAll().where('receipt_id', '=', receiptId),
    db,
  ).executeTakeFirst();
}

/** A receipt's number and status, for display. */
export async function receiptSummary(db: Executor, id: string) {
  return db.selectFrom('stock_document').select(['number', 'status']).where('id', '=', id).executeTakeFirst();
}

/**
 * Serialises the changes of purchase requests until the transaction ends (PostgreSQL; SQLite has one writer): two
 * orders waiting for parts of the same supplier at once find one draft, and a draft line's quantity is never
 * updated from a stale read.
 */
export async function lockRequests(db: Executor): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(7417)`.execute(db);
}
