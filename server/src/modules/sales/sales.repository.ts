/**
 * The invoice tables' queries. Lists join service_order.number for display only (ADR 9); every write is to the
 * sales module's own tables.
 */
import { type Expression, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { listAll, listOrder, listPage, type SortKeys } from '../../db/list';
import { matchesSearch } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type { InvoiceFilter, InvoiceListQuery, InvoiceStatus, PaymentState } from './sales.schema';
import type { SalesInvoiceLineTable, SalesInvoiceRenderingTable, SalesInvoiceTable } from './sales.table';

export type InvoiceRow = Selectable<SalesInvoiceTable> & { order_number: string | null };
export type InvoiceLineRow = Selectable<SalesInvoiceLineTable>;

/** The payments module's SQL for "alias i is in this payment state" (ADR 0020); registered by it. */
export type PaymentStateCondition = (state: PaymentState) => Expression<boolean>;
let paymentStateCondition: PaymentStateCondition | null = null;
export function registerPaymentStateCondition(condition: PaymentStateCondition): void {
  paymentStateCondition = condition;
}

/** The stored status of each status the API names. */
export const STORED_STATUS = { draft: 'draft', issued: 'posted', cancelled: 'reversed' } as const;

const SORTS: SortKeys = {
  number: ['i.number', 'i.created_at'],
  documentDate: ['i.document_date', 'i.number', 'i.created_at'],
  recipientName: ['i.recipient_name', 'i.created_at'],
  totalCents: ['i.total_cents', 'i.created_at'],
  createdAt: ['i.created_at'],
};

function viewQuery(db: Executor) {
  return db
    .selectFrom('sales_invoice as i')
    .leftJoin('service_order as o', 'o.id', 'i.order_id')
    .selectAll('i')
    .select('o.number as order_number');
}

export async function findInvoice(db: Executor, id: string): Promise<InvoiceRow | undefined> {
  return viewQuery(db).where('i.id', '=', id).executeTakeFirst();
}

function filtered(db: Executor, q: InvoiceFilter) {
  let query = viewQuery(db);
  if (q.status?.length)
    query = query.where(
      'i.status',
      'in',
      q.status.map((s: InvoiceStatus) => STORED_STATUS[s]),
    );
  if (q.kind?.length) query = query.where('i.kind', 'in', q.kind);
  if (q.relatedInvoiceId) query = query.where('i.related_invoice_id', '=', q.relatedInvoiceId);
  if (q.partyId) query = query.where('i.party_id', '=', q.partyId);
  if (q.paymentState) {
    const condition = paymentStateCondition?.(q.paymentState);
    query = condition ? query.where(condition) : query.where(sql<boolean>`1 = 0`);
  }
  if (q.orderId) query = query.where('i.order_id', '=', q.orderId);
  if (q.from) query = query.where('i.document_date', '>=', q.from);
  if (q.to) query = query.where('i.document_date', '<=', q.to);
  if (q.q) query = query.where(matchesSearch('i.search_text', q.q));
  return query;
}

export async function listInvoices(db: Executor, q: InvoiceListQuery & PageRequest) {
  // Newest first unless asked otherwise: drafts (no number) after the numbered ones of the same day.
  return listPage(filtered(db, q), listOrder(q.sort ?? '-createdAt', SORTS, 'createdAt'), q);
}

export async function allInvoices(db: Executor, q: InvoiceFilter) {
  return listAll(filtered(db, q), listOrder(q.sort ?? 'number', SORTS, 'number'));
}

export async function linesOf(db: Executor, invoiceId: string): Promise<InvoiceLineRow[]> {
  return db
    .selectFrom('sales_invoice_line')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('position')
    .execute();
}

export async function insertInvoice(db: Executor, row: Insertable<SalesInvoiceTable>): Promise<void> {
  await db.insertInto('sales_invoice').values(row).execute();
}

export async function updateInvoice(
  db: Executor,
  id: string,
  patch: Updateable<SalesInvoiceTable>,
): Promise<void> {
  await db.updateTable('sales_invoice').set(patch).where('id', '=', id).execute();
}

export async function deleteDraft(db: Executor, id: string): Promise<number> {
  await db.deleteFrom('sales_invoice_line').where('invoice_id', '=', id).execute();
  const r = await db
    .deleteFrom('sales_invoice')
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** A draft's line takes the rate of its kind on the tax event date at issue (INV-08). */
export async function updateLineVat(
  db: Executor,
  lineId: string,
  set: { vat_rate_bp: number; vat_exempt: boolean; vat_reason: string | null },
): Promise<void> {
  await db.updateTable('sales_invoice_line').set(set).where('id', '=', lineId).execute();
}

/** The lines of a draft just inserted (nothing to replace). */
export async function insertLines(db: Executor, lines: Insertable<SalesInvoiceLineTable>[]): Promise<void> {
  if (lines.length) await db.insertInto('sales_invoice_line').values(lines).execute();
}

export async function replaceLines(
  db: Executor,
  invoiceId: string,
  lines: Insertable<SalesInvoiceLineTable>[],
): Promise<void> {
  await db.deleteFrom('sales_invoice_line').where('invoice_id', '=', invoiceId).execute();
  if (lines.length) await db.insertInto('sales_invoice_line').values(lines).execute();
}

/** Marks an issued invoice cancelled, guarded by its status (rows affected checked by the caller). */
export async function markCancelled(
  db: Executor,
  id: string,
  patch: Pick<
    SalesInvoiceTable,
    'cancel_reason' | 'cancelled_at' | 'cancelled_by' | 'replaced_by_id' | 'updated_at'
  >,
): Promise<number> {
  const r = await db
    .updateTable('sales_invoice')
    .set({ ...patch, status: 'reversed' })
    .where('id', '=', id)
    .where('status', '=', 'posted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findRendering(
  db: Executor,
  invoiceId: string,
  language: SalesInvoiceRenderingTable['language'],
) {
  return db
    .selectFrom('sales_invoice_rendering')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .where('language', '=', language)
    .executeTakeFirst();
}

export async function findRenderingHash(db: Executor, invoiceId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sales_invoice_rendering')
    .select('sha256')
    .where('invoice_id', '=', invoiceId)
    .where('language', '=', 'bg')
    .executeTakeFirst();
  return row?.sha256 ?? null;
}

/** Keeps the first rendering of a language: a second one made at the same time is dropped. */
export async function insertRendering(
  db: Executor,
  row: Insertable<SalesInvoiceRenderingTable>,
): Promise<void> {
  await db
    .insertInto('sales_invoice_rendering')
    .values(row)
    .onConflict((oc) => oc.columns(['invoice_id', 'language']).doNothing())
    .execute();
}

/** The notes drafted or issued against an invoice, oldest first. */
export async function notesOf(db: Executor, invoiceId: string) {
  return db
    .selectFrom('sales_invoice')
    .select(['id', 'kind', 'number', 'status', 'document_date', 'currency', 'total_cents', 'created_at'])
    .where('related_invoice_id', '=', invoiceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A document of the series as another one links to it. */
export async function findRef(db: Executor, id: string) {
  return db
    .selectFrom('sales_invoice')
    .select(['id', 'kind', 'number', 'status', 'document_date', 'currency', 'total_cents'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The issued notes against an invoice (cancelled ones no longer count): kind, currency and total of each. */
export async function issuedNotesOf(db: Executor, invoiceId: string) {
  return db
    .selectFrom('sales_invoice')
    .select(['kind', 'currency', 'total_cents'])
    .where('related_invoice_id', '=', invoiceId)
    .where('status', '=', 'posted')
    .execute();
}
/** The series' last numbered invoice (issued or cancelled): read under the series' counter lock (ADR 16, ADR 21). */
export async function lastNumberedInSeries(db: Executor, seriesId: string) {
  return db
    .selectFrom('sales_invoice')
    .select(['number', 'document_date'])
    .where('series_id', '=', seriesId)
    .where('number', 'is not', null)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The tax base already deducted from an advance invoice (INV-06) by issued invoices other than `exceptId`: the sum of
 * their deduction lines' bases, as a positive number; a credit note's copy of a deduction gives it back.
 */
export async function deductedFrom(db: Executor, advanceId: string, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('sales_invoice_line as l')
    .innerJoin('sales_invoice as i', 'i.id', 'l.invoice_id')
    .select(
      sql<number>`coalesce(sum(case when i.kind = 'credit_note' then -l.net_cents else l.net_cents end), 0)`.as(
        'total',
      ),
    )
    .where('l.deducts_invoice_id', '=', advanceId)
    .where('i.status', '=', 'posted')
    .where('i.id', '!=', exceptId)
    .executeTakeFirst();
  return -Number(row?.total ?? 0);
}
