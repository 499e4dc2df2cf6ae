/** The proforma tables' queries (ADR 0025). Lists join service_order.number and the converted invoice for display. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import { listOrder, listPage, type SortKeys } from '../../db/list';
import { matchesSearch } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type { ProformaListQuery, ProformaStatus } from './proforma.schema';
import type { SalesProformaLineTable, SalesProformaTable } from './sales.table';

export type ProformaRow = Selectable<SalesProformaTable> & { order_number: string | null };
export type ProformaLineRow = Selectable<SalesProformaLineTable>;
/** The header as the document lifecycle locks and posts it (ADR 8). */
export type ProformaHeaderRow = Selectable<SalesProformaTable>;

/** The API's status of a stored proforma (ADR 8): posted is issued until it names its invoice, reversed cancelled. */
export function proformaStatusOf(r: Pick<SalesProformaTable, 'status' | 'invoice_id'>): ProformaStatus {
  if (r.status === 'reversed') return 'cancelled';
  return r.invoice_id ? 'converted' : 'issued';
}

const SORTS: SortKeys = {
  number: ['p.number', 'p.created_at'],
  documentDate: ['p.document_date', 'p.number', 'p.created_at'],
  recipientName: ['p.recipient_name', 'p.created_at'],
  totalCents: ['p.total_cents', 'p.created_at'],
  createdAt: ['p.created_at'],
};

function viewQuery(db: Executor) {
  return db
    .selectFrom('sales_proforma as p')
    .leftJoin('service_order as o', 'o.id', 'p.order_id')
    .selectAll('p')
    .select('o.number as order_number');
}

export async function findProforma(db: Executor, id: string): Promise<ProformaRow | undefined> {
  return viewQuery(db).where('p.id', '=', id).executeTakeFirst();
}

export async function listProformas(db: Executor, q: ProformaListQuery & PageRequest) {
  let query = viewQuery(db);
  if (q.status === 'cancelled') query = query.where('p.status', '=', 'reversed');
  else if (q.status)
    query = query
      .where('p.status', '=', 'posted')
      .where('p.invoice_id', q.status === 'converted' ? 'is not' : 'is', null);
  if (q.partyId) query = query.where('p.party_id', '=', q.partyId);
  if (q.orderId) query = query.where('p.order_id', '=', q.orderId);
  if (q.q) query = query.where(matchesSearch('p.search_text', q.q));
  return listPage(query, listOrder(q.sort ?? '-createdAt', SORTS, 'createdAt'), q);
}

export async function linesOf(db: Executor, proformaId: string): Promise<ProformaLineRow[]> {
  return db
    .selectFrom('sales_proforma_line')
    .selectAll()
    .where('proforma_id', '=', proformaId)
    .orderBy('position')
    .execute();
}

export async function insertProforma(
  db: Executor,
  row: Insertable<SalesProformaTable>,
  lines: Insertable<SalesProformaLineTable>[],
): Promise<void> {
  await db.insertInto('sales_proforma').values(row).execute();
  await db.insertInto('sales_proforma_line').values(lines).execute();
}

/** Marks an issued proforma converted (its invoice) or cancelled (reversed), guarded by its status; the rows changed. */
export async function closeProforma(
  db: Executor,
  id: string,
  patch: Partial<
    Pick<
      SalesProformaTable,
      'status' | 'invoice_id' | 'converted_at' | 'cancel_reason' | 'cancelled_at' | 'updated_at'
    >
  >,
): Promise<number> {
  const r = await db
    .updateTable('sales_proforma')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'posted')
    .where('invoice_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
