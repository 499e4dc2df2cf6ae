/** The sale receipts' SQL (ADR 0022). */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { listAll, listOrder, listPage, type SortKeys } from '../../db/list';
import { lockForUpdate, matchesSearch } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import { likePattern } from '../../kernel/search-text';
import type { ReceiptFilter } from './receipts.schema';
import type {
  SaleReceiptLineTable,
  SaleReceiptStornoLineTable,
  SaleReceiptStornoTable,
  SaleReceiptTable,
} from './receipts.table';

/** The header as the document lifecycle locks and posts it (ADR 8). */
export type ReceiptHeaderRow = Selectable<SaleReceiptTable>;

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

/** The id of a customer payment's receipt (ADR 0037), if it has one. */
export async function receiptIdOfPayment(db: Executor, paymentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sale_receipt')
    .select('id')
    .where('payment_id', '=', paymentId)
    .executeTakeFirst();
  return row?.id ?? null;
}

function viewQuery(db: Executor) {
  return db
    .selectFrom('sale_receipt as r')
    .leftJoin('party as p', 'p.id', 'r.party_id')
    .leftJoin('service_order as o', 'o.id', 'r.order_id')
    .leftJoin('fiscal_site as fs', 'fs.id', 'r.site_id')
    .leftJoin('fiscal_workstation as fw', 'fw.id', 'r.workstation_id')
    .leftJoin('fiscal_device_settings as fd', 'fd.id', 'r.device_id')
    .leftJoin('app_user as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select([
      'p.name as party_name',
      'o.number as order_number',
      'fs.name as site_name',
      'fs.nap_site_code as site_code',
      'fw.name as workstation_name',
      'fd.name as device_name',
      'u.full_name as operator_name',
      // The line discounts (mandatory reports, ADR 0041): each line's price × quantity (rounded half up, as the
      // line's amounts are) less its net; integers only, the same on both databases.
      sql<
        number | string
      >`(select coalesce(sum((l.quantity_milli * l.unit_price_cents + 500) / 1000 - l.net_cents), 0) from sale_receipt_line l where l.receipt_id = r.id)`.as(
        'discount_cents',
      ),
    ]);
}

/** The receipt with its customer's name (none for a walk-in buyer) and its order's number. */
export async function findReceipt(db: Executor, id: string) {
  return viewQuery(db).where('r.id', '=', id).executeTakeFirst();
}

const SORTS: SortKeys = {
  number: ['r.number', 'r.created_at'],
  documentDate: ['r.document_date', 'r.number'],
  totalCents: ['r.total_cents', 'r.created_at'],
  createdAt: ['r.created_at'],
};

/** The stored status of each status the API names (ADR 8: `posted` reads as issued). */
const STORED_STATUS = { issued: 'posted', reversed: 'reversed' } as const;

function filtered(db: Executor, q: ReceiptFilter) {
  let query = viewQuery(db);
  if (q.status?.length)
    query = query.where(
      'r.status',
      'in',
      q.status.map((s) => STORED_STATUS[s]),
    );
  if (q.fiscalStatus?.length) query = query.where('r.fiscal_status', 'in', q.fiscalStatus);
  if (q.method) query = query.where('r.payment_method', '=', q.method);
  if (q.source === 'order') query = query.where('r.order_id', 'is not', null);
  if (q.source === 'counter') query = query.where('r.order_id', 'is', null).where('r.payment_id', 'is', null);
  if (q.source === 'payment') query = query.where('r.payment_id', 'is not', null);
  if (q.partyId) query = query.where('r.party_id', '=', q.partyId);
  if (q.siteId) query = query.where('r.site_id', '=', q.siteId);
  if (q.workstationId) query = query.where('r.workstation_id', '=', q.workstationId);
  if (q.from) query = query.where('r.document_date', '>=', q.from);
  if (q.to) query = query.where('r.document_date', '<=', q.to);
  if (q.q) {
    // Numbers and the УНП are ASCII: lower() folds them the same on both databases.
    const like = (column: string) =>
      sql<boolean>`lower(${sql.ref(column)}) like ${likePattern(q.q ?? '')} escape '\\'`;
    const needle = q.q;
    query = query.where((eb) =>
      eb.or([
        like('r.number'),
        like('r.unique_sale_number'),
        like('o.number'),
        matchesSearch('p.search_text', needle),
      ]),
    );
  }
  return query;
}

export async function listReceipts(db: Executor, q: ReceiptFilter & PageRequest) {
  return listPage(filtered(db, q), listOrder(q.sort ?? '-createdAt', SORTS, 'createdAt'), q);
}

export async function allReceipts(db: Executor, q: ReceiptFilter) {
  return listAll(filtered(db, q), listOrder(q.sort ?? 'number', SORTS, 'number'));
}

/** Marks an issued receipt reversed by its storno, guarded by its status; returns the rows changed. */
export async function markReversed(
  db: Executor,
  id: string,
  columns: Updateable<SaleReceiptTable>,
): Promise<number> {
  const r = await db
    .updateTable('sale_receipt')
    .set({ ...columns, status: 'reversed' })
    .where('id', '=', id)
    .where('status', '=', 'posted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function linesOf(db: Executor, receiptId: string) {
  return db
    .selectFrom('sale_receipt_line')
    .selectAll()
    .where('receipt_id', '=', receiptId)
    .orderBy('position')
    .execute();
}

// ---------------------------------------------------------------- stornos of payments' receipts (ADR 0040)

/** Locks a receipt's row (PostgreSQL): two refunds stornoing one receipt at once take turns. */
export async function lockReceipt(db: Executor, id: string) {
  return lockForUpdate(db.selectFrom('sale_receipt').selectAll().where('id', '=', id), db).executeTakeFirst();
}

export async function insertStorno(db: Executor, row: Insertable<SaleReceiptStornoTable>): Promise<void> {
  await db.insertInto('sale_receipt_storno').values(row).execute();
}
export async function insertStornoLines(
  db: Executor,
  rows: Insertable<SaleReceiptStornoLineTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto('sale_receipt_storno_line').values(rows).execute();
}
export async function updateStorno(
  db: Executor,
  id: string,
  columns: Updateable<SaleReceiptStornoTable>,
): Promise<void> {
  await db.updateTable('sale_receipt_storno').set(columns).where('id', '=', id).execute();
}

function stornoView(db: Executor) {
  return db
    .selectFrom('sale_receipt_storno as s')
    .innerJoin('sale_receipt as r', 'r.id', 's.receipt_id')
    .leftJoin('customer_refund as cr', 'cr.id', 's.refund_id')
    .selectAll('s')
    .select([
      'cr.undone_at as refund_undone_at',
      'r.number as original_number',
      'r.receipt_number as original_receipt_number',
      'r.receipt_date_time as original_receipt_date_time',
      'r.fiscal_memory_serial_number as original_fiscal_memory_serial_number',
    ]);
}
export type StornoRow = NonNullable<Awaited<ReturnType<typeof findStorno>>>;
export function findStorno(db: Executor, id: string) {
  return stornoView(db).where('s.id', '=', id).executeTakeFirst();
}
export function stornosWhere(db: Executor, by: { receiptId?: string; refundIds?: string[] }) {
  let q = stornoView(db);
  if (by.receiptId) q = q.where('s.receipt_id', '=', by.receiptId);
  if (by.refundIds) {
    if (!by.refundIds.length) return Promise.resolve([]);
    q = q.where('s.refund_id', 'in', by.refundIds);
  }
  return q.orderBy('s.created_at').orderBy('s.id').execute();
}
export function stornoLinesOf(db: Executor, stornoIds: string[]) {
  if (!stornoIds.length) return Promise.resolve([]);
  return db
    .selectFrom('sale_receipt_storno_line')
    .selectAll()
    .where('storno_id', 'in', stornoIds)
    .orderBy('storno_id')
    .orderBy('position')
    .execute();
}
/** What earlier stornos took off each of a receipt's lines, by position. */
export async function stornoedByPosition(db: Executor, receiptId: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('sale_receipt_storno_line as l')
    .innerJoin('sale_receipt_storno as s', 's.id', 'l.storno_id')
    .select(['l.position', sql<number>`cast(sum(l.total_cents) as bigint)`.as('s')])
    .leftJoin('customer_refund as cr', 'cr.id', 's.refund_id')
    .where('s.receipt_id', '=', receiptId)
    // A storno recorded with no device for a refund since undone no longer counts (ADR 0040).
    .where('cr.undone_at', 'is', null)
    .groupBy('l.position')
    .execute();
  return new Map(rows.map((r) => [r.position, Number(r.s)]));
}
/** A customer's payments' receipts with something left to storno, newest first, with the payment's invoices. */
export function stornoableReceiptsOf(db: Executor, partyId: string) {
  return db
    .selectFrom('sale_receipt as r')
    .where('r.party_id', '=', partyId)
    .where('r.payment_id', 'is not', null)
    .where('r.status', '=', 'posted')
    .select([
      'r.id',
      'r.number',
      'r.payment_id',
      'r.document_date',
      'r.payment_method',
      'r.fiscal_status',
      'r.currency',
      'r.total_cents',
      sql<number>`cast(r.total_cents - (select coalesce(sum(s.total_cents), 0) from sale_receipt_storno s left join customer_refund cr on cr.id = s.refund_id where s.receipt_id = r.id and cr.undone_at is null) as bigint)`.as(
        'left_cents',
      ),
    ])
    .where(
      sql<boolean>`r.total_cents > (select coalesce(sum(s.total_cents), 0) from sale_receipt_storno s left join customer_refund cr on cr.id = s.refund_id where s.receipt_id = r.id and cr.undone_at is null)`,
    )
    .orderBy('r.document_date', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute();
}
