/**
 * The payments tables' queries. Reads join party, money_account, money_movement and sales_invoice for display and
 * for the invoices' totals and due dates (ADR 9: joins for reading only); every write is to this module's tables.
 */
import { type Expression, type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../db/database';
import { listOrder, listPage, type SortKeys } from '../../db/list';
import { type CalendarDate, lockForUpdate, matchesSearch, sumInt } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type { PaymentState } from '../../kernel/payment-state';
import type { PaymentListQuery } from './payments.schema';
import type { CustomerPaymentTable, PaymentAllocationTable } from './payments.table';

export type PaymentRow = Selectable<CustomerPaymentTable> & {
  number: string;
  party_name: string;
  account_name: string;
  allocated_cents: number;
};
export type AllocationRow = Selectable<PaymentAllocationTable> & {
  payment_number: string | null;
  invoice_number: string | null;
};

/** The live (not undone) allocations of an invoice, summed: a correlated subquery on alias `i`. */
/**
 * What settles an invoice: its live allocations, and the issued credit notes against it in its own currency (a credit
 * note takes that much off what the customer owes; ADR 20). A note in another currency (EUR-06: a 2026 note against
 * a BGN invoice) is not counted here yet.
 */
const SETTLED_OF_I = sql<number>`((select coalesce(sum(a.amount_cents), 0) from payment_allocation a where a.invoice_id = i.id and a.undone_at is null) + (select coalesce(sum(n.total_cents), 0) from sales_invoice n where n.related_invoice_id = i.id and n.kind = 'credit_note' and n.status = 'posted' and n.currency = i.currency))`;
/** A document a customer pays: an issued invoice or debit note (a credit note is not paid; it settles). */
const PAYABLE_I = sql<boolean>`(i.status = 'posted' and i.kind <> 'credit_note')`;
const ALLOCATED_OF_P = sql<number>`(select coalesce(sum(a.amount_cents), 0) from payment_allocation a where a.payment_id = p.id and a.undone_at is null)`;

function paymentView(db: Executor) {
  return db
    .selectFrom('customer_payment as p')
    .innerJoin('money_movement as m', 'm.id', 'p.movement_id')
    .innerJoin('party as pa', 'pa.id', 'p.party_id')
    .innerJoin('money_account as ac', 'ac.id', 'p.account_id')
    .selectAll('p')
    .select([
      'm.number as number',
      'pa.name as party_name',
      'ac.name as account_name',
      sql<number>`cast(${ALLOCATED_OF_P} as bigint)`.as('allocated_cents'),
    ]);
}

export function findPayment(db: Executor, id: string): Promise<PaymentRow | undefined> {
  return paymentView(db).where('p.id', '=', id).executeTakeFirst();
}

/** Locks the payment's row (PostgreSQL): every allocation of a payment takes this lock before any invoice's. */
export async function lockPayment(db: Executor, id: string) {
  return lockForUpdate(
    db.selectFrom('customer_payment').selectAll().where('id', '=', id),
    db,
  ).executeTakeFirst();
}

const SORTS: SortKeys = {
  date: ['p.payment_date', 'p.created_at'],
  amountCents: ['p.amount_cents', 'p.created_at'],
  createdAt: ['p.created_at'],
};

export function listPayments(db: Executor, q: PaymentListQuery & PageRequest) {
  let query = paymentView(db);
  if (q.partyId) query = query.where('p.party_id', '=', q.partyId);
  if (q.withAdvance === 'true') query = query.where(sql<boolean>`p.amount_cents > ${ALLOCATED_OF_P}`);
  if (q.q)
    query = query.where((eb) =>
      eb.or([matchesSearch('pa.search_text', q.q as string), eb('m.number', '=', q.q as string)]),
    );
  return listPage(query, listOrder(q.sort ?? '-date', SORTS, 'date'), q);
}

export function insertPayment(db: Executor, row: Insertable<CustomerPaymentTable>) {
  return db.insertInto('customer_payment').values(row).execute();
}
export function touchPayment(db: Executor, id: string, now: string) {
  return db.updateTable('customer_payment').set({ updated_at: now }).where('id', '=', id).execute();
}

export function insertAllocations(db: Executor, rows: Insertable<PaymentAllocationTable>[]) {
  return rows.length ? db.insertInto('payment_allocation').values(rows).execute() : Promise.resolve();
}

function allocationView(db: Executor) {
  return db
    .selectFrom('payment_allocation as a')
    .leftJoin('customer_payment as p', 'p.id', 'a.payment_id')
    .leftJoin('money_movement as m', 'm.id', 'p.movement_id')
    .innerJoin('sales_invoice as i', 'i.id', 'a.invoice_id')
    .selectAll('a')
    .select(['m.number as payment_number', 'i.number as invoice_number']);
}

export function allocationsOfPayment(db: Executor, paymentId: string): Promise<AllocationRow[]> {
  return allocationView(db)
    .where('a.payment_id', '=', paymentId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}
export function allocationsOfInvoice(db: Executor, invoiceId: string): Promise<AllocationRow[]> {
  return allocationView(db)
    .where('a.invoice_id', '=', invoiceId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}
export function findAllocation(db: Executor, id: string) {
  return db.selectFrom('payment_allocation').selectAll().where('id', '=', id).executeTakeFirst();
}
export function markUndone(
  db: Executor,
  id: string,
  set: { undone_at: string; undone_by: string | null; undo_reason: string },
) {
  return db
    .updateTable('payment_allocation')
    .set(set)
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
}

/** Live allocations of one payment, summed. */
export async function allocatedOfPayment(db: Executor, paymentId: string): Promise<number> {
  const r = await db
    .selectFrom('payment_allocation')
    .select(sumInt('amount_cents').as('s'))
    .where('payment_id', '=', paymentId)
    .where('undone_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.s);
}

/** What settles each invoice (SETTLED_OF_I): live allocations (payments and write-offs) and issued credit notes. */
export async function settledOf(db: Executor, invoiceIds: string[]): Promise<Map<string, number>> {
  if (!invoiceIds.length) return new Map();
  const rows = await db
    .selectFrom('sales_invoice as i')
    .select(['i.id', sql<number>`cast(${SETTLED_OF_I} as bigint)`.as('s')])
    .where('i.id', 'in', invoiceIds)
    .execute();
  return new Map(rows.filter((r) => Number(r.s) !== 0).map((r) => [r.id, Number(r.s)]));
}

export interface InvoiceHead {
  id: string;
  number: string | null;
  status: string;
  party_id: string;
  currency: string;
  document_date: CalendarDate;
  due_date: CalendarDate | null;
  total_cents: number;
  kind: string;
}
const HEAD = [
  'id',
  'kind',
  'number',
  'status',
  'party_id',
  'currency',
  'document_date',
  'due_date',
  'total_cents',
] as const;

/** Locks the invoices' rows in id order (after the payment's): two allocations at once cannot over-allocate. */
export async function lockInvoices(db: Executor, ids: string[]): Promise<Map<string, InvoiceHead>> {
  const out = new Map<string, InvoiceHead>();
  for (const id of [...new Set(ids)].sort()) {
    const row = await lockForUpdate(
      db.selectFrom('sales_invoice').select(HEAD).where('id', '=', id),
      db,
    ).executeTakeFirst();
    if (row) out.set(id, { ...row, total_cents: Number(row.total_cents) });
  }
  return out;
}

/** A customer's issued invoices with something open, oldest due first (due date, else issue date; then number). */
export async function openInvoicesOf(db: Executor, partyId: string | null) {
  let q = db
    .selectFrom('sales_invoice as i')
    .innerJoin('party as pa', 'pa.id', 'i.party_id')
    .select([
      'i.id',
      'i.number',
      'i.status',
      'i.party_id',
      'pa.name as party_name',
      'i.currency',
      'i.document_date',
      'i.due_date',
      'i.total_cents',
      sql<number>`cast(${SETTLED_OF_I} as bigint)`.as('settled_cents'),
    ])
    .where(PAYABLE_I)
    .where(sql<boolean>`i.total_cents > ${SETTLED_OF_I}`);
  if (partyId) q = q.where('i.party_id', '=', partyId);
  return q
    .orderBy(sql`coalesce(i.due_date, i.document_date)`)
    .orderBy('i.document_date')
    .orderBy('i.number')
    .execute();
}

/** Unallocated money of each customer's payments (their advances). */
export async function advancesOf(db: Executor, partyId: string | null): Promise<Map<string, number>> {
  let q = db
    .selectFrom('customer_payment as p')
    .select([
      'p.party_id',
      sql<number>`cast(coalesce(sum(p.amount_cents - ${ALLOCATED_OF_P}), 0) as bigint)`.as('s'),
    ])
    .groupBy('p.party_id');
  if (partyId) q = q.where('p.party_id', '=', partyId);
  return new Map((await q.execute()).map((r) => [r.party_id, Number(r.s)]));
}

/** "Invoice alias i is in this payment state on `today`" for the invoice list's filter. */
export function paymentStateCondition(state: PaymentState, today: CalendarDate): Expression<boolean> {
  const posted = PAYABLE_I;
  const overdue = sql`(i.due_date is not null and i.due_date < ${today})`;
  switch (state) {
    case 'paid':
      return sql<boolean>`(${posted} and ${SETTLED_OF_I} >= i.total_cents)`;
    case 'overdue':
      return sql<boolean>`(${posted} and ${SETTLED_OF_I} < i.total_cents and ${overdue})`;
    case 'partly_paid':
      return sql<boolean>`(${posted} and ${SETTLED_OF_I} > 0 and ${SETTLED_OF_I} < i.total_cents and not ${overdue})`;
    case 'unpaid':
      return sql<boolean>`(${posted} and ${SETTLED_OF_I} = 0 and i.total_cents > 0 and not ${overdue})`;
  }
}

export async function writeOffMax(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('payment_settings')
    .select('write_off_max_cents')
    .where('id', '=', 'main')
    .executeTakeFirst();
  return row ? Number(row.write_off_max_cents) : 100;
}
export async function saveWriteOffMax(db: Executor, cents: number, now: string): Promise<void> {
  const updated = await db
    .updateTable('payment_settings')
    .set({ write_off_max_cents: cents, updated_at: now })
    .where('id', '=', 'main')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db
      .insertInto('payment_settings')
      .values({ id: 'main', write_off_max_cents: cents, updated_at: now })
      .execute();
}
