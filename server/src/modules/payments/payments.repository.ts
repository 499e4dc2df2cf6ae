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
import type {
  CreditNoteSettlementTable,
  CustomerPaymentTable,
  CustomerRefundTable,
  PaymentAllocationTable,
  RefundAllocationTable,
} from './payments.table';

export type PaymentRow = Selectable<CustomerPaymentTable> & {
  number: string;
  party_name: string;
  account_name: string;
  allocated_cents: number;
  refunded_cents: number;
};
export type AllocationRow = Selectable<PaymentAllocationTable> & {
  payment_number: string | null;
  invoice_number: string | null;
  invoice_currency: string;
};

/** What issued credit notes in another currency settled of invoice alias `i` (EUR-06; ADR 38). */
const CROSS_NOTES_OF_I = sql<number>`(select coalesce(sum(cs.settled_cents), 0) from credit_note_settlement cs inner join sales_invoice cn on cn.id = cs.note_id where cs.invoice_id = i.id and cn.status = 'posted')`;
/**
 * What settles an invoice, a correlated subquery on alias `i`: its live allocations, and the issued credit notes
 * against it (a credit note takes that much off what the customer owes; ADR 20). An allocation counts what it settled
 * in the invoice's currency (EUR-05: a EUR payment against a BGN invoice settles the converted amount,
 * `settled_cents`); so does a note in another currency (EUR-06: a 2026 EUR note against a BGN invoice settles what
 * its credit_note_settlement row says, fixed when it was issued; ADR 38).
 */
const SETTLED_OF_I = sql<number>`((select coalesce(sum(coalesce(a.settled_cents, a.amount_cents)), 0) from payment_allocation a where a.invoice_id = i.id and a.undone_at is null) + (select coalesce(sum(n.total_cents), 0) from sales_invoice n where n.related_invoice_id = i.id and n.kind = 'credit_note' and n.status = 'posted' and n.currency = i.currency) + ${CROSS_NOTES_OF_I})`;
/** A document a customer pays: an issued invoice or debit note (a credit note is not paid; it settles). */
const PAYABLE_I = sql<boolean>`(i.status = 'posted' and i.kind <> 'credit_note')`;
const ALLOCATED_OF_P = sql<number>`(select coalesce(sum(a.amount_cents), 0) from payment_allocation a where a.payment_id = p.id and a.undone_at is null)`;
/** What live refunds paid back of a payment's advance (ADR 29). */
const REFUNDED_OF_P = sql<number>`(select coalesce(sum(ra.amount_cents), 0) from refund_allocation ra inner join customer_refund r on r.id = ra.refund_id where ra.payment_id = p.id and r.undone_at is null)`;
/** A payment's money used: allocated to invoices or paid back; the rest is the advance. */
const USED_OF_P = sql<number>`(${ALLOCATED_OF_P} + ${REFUNDED_OF_P})`;

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
      sql<number>`cast(${REFUNDED_OF_P} as bigint)`.as('refunded_cents'),
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
  if (q.withAdvance === 'true') query = query.where(sql<boolean>`p.amount_cents > ${USED_OF_P}`);
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
    .select(['m.number as payment_number', 'i.number as invoice_number', 'i.currency as invoice_currency']);
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
/**
 * Each invoice's tax base per VAT rate (exempt lines at 0 %) and its kind: how a payment's receipt splits what it paid
 * of the invoice by rate (ADR 0037).
 */
export async function vatBasesOf(db: Executor, invoiceIds: string[]) {
  if (!invoiceIds.length) return [];
  const rows = await db
    .selectFrom('sales_invoice_line as l')
    .innerJoin('sales_invoice as i', 'i.id', 'l.invoice_id')
    .where('l.invoice_id', 'in', invoiceIds)
    .select([
      'l.invoice_id',
      'i.kind',
      'l.vat_rate_bp',
      'l.vat_exempt',
      sql<number>`cast(sum(l.net_cents) as bigint)`.as('net_cents'),
    ])
    .groupBy(['l.invoice_id', 'i.kind', 'l.vat_rate_bp', 'l.vat_exempt'])
    .orderBy('l.invoice_id')
    .orderBy('l.vat_rate_bp')
    .execute();
  return rows.map((r) => ({
    invoiceId: r.invoice_id,
    kind: r.kind,
    vatRateBp: r.vat_exempt ? 0 : r.vat_rate_bp,
    netCents: Number(r.net_cents),
  }));
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

/** Live allocations and live refunds of one payment, summed: what of it is no longer the customer's advance. */
export async function allocatedOfPayment(db: Executor, paymentId: string): Promise<number> {
  const r = await db
    .selectFrom('customer_payment as p')
    .select(sql<number>`cast(${USED_OF_P} as bigint)`.as('s'))
    .where('p.id', '=', paymentId)
    .executeTakeFirst();
  return Number(r?.s ?? 0);
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

/**
 * What a credit note in another currency settles of its invoice, written when it is issued (EUR-06). Also what
 * the invoice's credit notes already took off it in its own currency, for a note that credits all that is left.
 */
export function insertNoteSettlement(db: Executor, row: Insertable<CreditNoteSettlementTable>) {
  return db.insertInto('credit_note_settlement').values(row).execute();
}
export async function creditedOf(db: Executor, invoiceId: string, exceptNoteId: string): Promise<number> {
  const r = await db
    .selectFrom('sales_invoice as i')
    .select(
      sql<number>`cast((select coalesce(sum(n.total_cents), 0) from sales_invoice n where n.related_invoice_id = i.id and n.kind = 'credit_note' and n.status = 'posted' and n.currency = i.currency and n.id <> ${exceptNoteId}) + ${CROSS_NOTES_OF_I} as bigint)`.as(
        's',
      ),
    )
    .where('i.id', '=', invoiceId)
    .executeTakeFirst();
  return Number(r?.s ?? 0);
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
  related_invoice_id: string | null;
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
  'related_invoice_id',
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
      sql<number>`cast(coalesce(sum(p.amount_cents - ${USED_OF_P}), 0) as bigint)`.as('s'),
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

// ---------------------------------------------------------------- refunds (ADR 0029)

/** Live refunds per credit note. */
export async function refundedOfNotes(db: Executor, noteIds: string[]): Promise<Map<string, number>> {
  if (!noteIds.length) return new Map();
  const rows = await db
    .selectFrom('refund_allocation as ra')
    .innerJoin('customer_refund as r', 'r.id', 'ra.refund_id')
    .select(['ra.credit_note_id as id', sumInt('ra.amount_cents').as('s')])
    .where('ra.credit_note_id', 'in', noteIds)
    .where('r.undone_at', 'is', null)
    .groupBy('ra.credit_note_id')
    .execute();
  return new Map(rows.map((r) => [r.id as string, Number(r.s)]));
}

/**
 * What an invoice and its debit notes owe back to the customer (ADR 29): what settles them beyond their totals
 * (a credit on a paid invoice) less what they still leave open, less the live refunds of the invoice's credit
 * notes. Negative when the customer owes.
 */
export async function owedBackOf(db: Executor, invoiceIds: string[]): Promise<Map<string, number>> {
  if (!invoiceIds.length) return new Map();
  const docs = await db
    .selectFrom('sales_invoice as i')
    .select([
      sql<string>`coalesce(i.related_invoice_id, i.id)`.as('group_id'),
      sql<number>`cast(${SETTLED_OF_I} - i.total_cents as bigint)`.as('excess'),
    ])
    .where((eb) =>
      eb.or([
        eb('i.id', 'in', invoiceIds),
        eb.and([
          eb('i.related_invoice_id', 'in', invoiceIds),
          eb('i.kind', '=', 'debit_note'),
          eb('i.status', '=', 'posted'),
        ]),
      ]),
    )
    .execute();
  const out = new Map<string, number>(invoiceIds.map((id) => [id, 0]));
  for (const d of docs) out.set(d.group_id, (out.get(d.group_id) ?? 0) + Number(d.excess));
  const refunded = await db
    .selectFrom('refund_allocation as ra')
    .innerJoin('customer_refund as r', 'r.id', 'ra.refund_id')
    .innerJoin('sales_invoice as n', 'n.id', 'ra.credit_note_id')
    // EUR-06 (ADR 40): a EUR refund on a BGN invoice's note counts what it paid back in BGN.
    .select([
      'n.related_invoice_id as group_id',
      sql<number>`cast(coalesce(sum(coalesce(ra.settled_cents, ra.amount_cents)), 0) as bigint)`.as('s'),
    ])
    .where('n.related_invoice_id', 'in', invoiceIds)
    .where('r.undone_at', 'is', null)
    .groupBy('n.related_invoice_id')
    .execute();
  for (const r of refunded) out.set(r.group_id as string, (out.get(r.group_id as string) ?? 0) - Number(r.s));
  return out;
}

/** Live refunds to the credit notes of each invoice (the invoice's group). */
export async function refundedOfInvoiceNotes(db: Executor, invoiceId: string): Promise<number> {
  const r = await db
    .selectFrom('refund_allocation as ra')
    .innerJoin('customer_refund as r', 'r.id', 'ra.refund_id')
    .innerJoin('sales_invoice as n', 'n.id', 'ra.credit_note_id')
    .select(sumInt('ra.amount_cents').as('s'))
    .where('n.related_invoice_id', '=', invoiceId)
    .where('r.undone_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.s);
}

/**
 * A customer's issued credit notes in EUR with the invoice each corrects: in the invoice's currency, or a 2026 EUR
 * note on a 2025 BGN invoice (EUR-06, ADR 40).
 */
export function creditNotesOf(db: Executor, partyId: string) {
  return db
    .selectFrom('sales_invoice as n')
    .innerJoin('sales_invoice as inv', 'inv.id', 'n.related_invoice_id')
    .select([
      'n.id',
      'n.number',
      'n.document_date',
      'n.total_cents',
      'n.currency',
      'inv.id as invoice_id',
      'inv.number as invoice_number',
      'inv.currency as invoice_currency',
    ])
    .where('n.party_id', '=', partyId)
    .where('n.kind', '=', 'credit_note')
    .where('n.status', '=', 'posted')
    .where('n.currency', '=', 'EUR')
    .where('inv.currency', 'in', ['EUR', 'BGN'])
    .orderBy('n.document_date')
    .orderBy('n.number')
    .execute();
}

/** Each customer's payable documents settled beyond their totals, summed per customer (a credit on a paid one). */
export async function overSettledOf(db: Executor, partyId: string | null) {
  let q = db
    .selectFrom('sales_invoice as i')
    .innerJoin('party as pa', 'pa.id', 'i.party_id')
    .select([
      'i.party_id',
      'pa.name as party_name',
      'i.currency',
      sql<number>`cast(sum(${SETTLED_OF_I} - i.total_cents) as bigint)`.as('s'),
    ])
    .where(PAYABLE_I)
    .where(sql<boolean>`${SETTLED_OF_I} > i.total_cents`)
    .groupBy(['i.party_id', 'pa.name', 'i.currency']);
  if (partyId) q = q.where('i.party_id', '=', partyId);
  return q.execute();
}

/**
 * Live refunds to credit notes, per customer and invoice currency: what they paid back of what the invoices owe back,
 * in the invoice's currency (a EUR refund on a BGN invoice's note counts its settled BGN, EUR-06, ADR 40).
 */
export async function refundedToNotesOf(db: Executor, partyId: string | null) {
  let q = db
    .selectFrom('refund_allocation as ra')
    .innerJoin('customer_refund as r', 'r.id', 'ra.refund_id')
    .innerJoin('sales_invoice as n', 'n.id', 'ra.credit_note_id')
    .innerJoin('sales_invoice as inv', 'inv.id', 'n.related_invoice_id')
    .select([
      'r.party_id',
      'inv.currency',
      sql<number>`cast(coalesce(sum(coalesce(ra.settled_cents, ra.amount_cents)), 0) as bigint)`.as('s'),
    ])
    .where('r.undone_at', 'is', null)
    .groupBy(['r.party_id', 'inv.currency']);
  if (partyId) q = q.where('r.party_id', '=', partyId);
  return (await q.execute()).map((r) => ({ partyId: r.party_id, currency: r.currency, cents: Number(r.s) }));
}

/** The payments with live allocations to each of these invoices (whose receipts a refund may storno, ADR 40). */
export function payersOfInvoices(db: Executor, invoiceIds: string[]) {
  if (!invoiceIds.length) return Promise.resolve([]);
  return db
    .selectFrom('payment_allocation')
    .select(['invoice_id', 'payment_id'])
    .where('invoice_id', 'in', invoiceIds)
    .where('undone_at', 'is', null)
    .where('payment_id', 'is not', null)
    .distinct()
    .execute();
}

export function insertRefund(db: Executor, row: Insertable<CustomerRefundTable>) {
  return db.insertInto('customer_refund').values(row).execute();
}
export function insertRefundAllocations(db: Executor, rows: Insertable<RefundAllocationTable>[]) {
  return db.insertInto('refund_allocation').values(rows).execute();
}
export async function lockRefund(db: Executor, id: string) {
  return lockForUpdate(
    db.selectFrom('customer_refund').selectAll().where('id', '=', id),
    db,
  ).executeTakeFirst();
}
export function markRefundUndone(
  db: Executor,
  id: string,
  set: { undone_at: string; undone_by: string | null; undo_reason: string; reversal_movement_id: string },
) {
  return db
    .updateTable('customer_refund')
    .set(set)
    .where('id', '=', id)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
}

export type RefundRow = Selectable<CustomerRefundTable> & {
  number: string;
  party_name: string;
  account_name: string;
  reversal_number: string | null;
};
function refundView(db: Executor) {
  return db
    .selectFrom('customer_refund as r')
    .innerJoin('money_movement as m', 'm.id', 'r.movement_id')
    .leftJoin('money_movement as rv', 'rv.id', 'r.reversal_movement_id')
    .innerJoin('party as pa', 'pa.id', 'r.party_id')
    .innerJoin('money_account as ac', 'ac.id', 'r.account_id')
    .selectAll('r')
    .select([
      'm.number as number',
      'rv.number as reversal_number',
      'pa.name as party_name',
      'ac.name as account_name',
    ]);
}
export function findRefund(db: Executor, id: string): Promise<RefundRow | undefined> {
  return refundView(db).where('r.id', '=', id).executeTakeFirst();
}
const REFUND_SORTS: SortKeys = {
  date: ['r.refund_date', 'r.created_at'],
  amountCents: ['r.amount_cents', 'r.created_at'],
  createdAt: ['r.created_at'],
};
export function listRefunds(
  db: Executor,
  q: { partyId?: string; creditNoteId?: string; paymentId?: string; sort?: string } & PageRequest,
) {
  let query = refundView(db);
  if (q.partyId) query = query.where('r.party_id', '=', q.partyId);
  // Refunds of one credit note, or of one payment's advance: those with an allocation to it.
  const target = q.creditNoteId
    ? (['ra.credit_note_id', q.creditNoteId] as const)
    : q.paymentId
      ? (['ra.payment_id', q.paymentId] as const)
      : null;
  if (target) {
    const [column, id] = target;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('refund_allocation as ra')
          .select('ra.id')
          .whereRef('ra.refund_id', '=', 'r.id')
          .where(column, '=', id),
      ),
    );
  }
  return listPage(query, listOrder(q.sort ?? '-date', REFUND_SORTS, 'date'), q);
}
export function refundAllocationsOf(db: Executor, refundIds: string[]) {
  if (!refundIds.length) return Promise.resolve([]);
  return db
    .selectFrom('refund_allocation as ra')
    .leftJoin('sales_invoice as n', 'n.id', 'ra.credit_note_id')
    .leftJoin('customer_payment as p', 'p.id', 'ra.payment_id')
    .leftJoin('money_movement as pm', 'pm.id', 'p.movement_id')
    .select([
      'ra.id',
      'ra.refund_id',
      'ra.credit_note_id',
      'n.number as credit_note_number',
      'ra.payment_id',
      'pm.number as payment_number',
      'ra.amount_cents',
      'ra.settled_cents',
      'ra.rounding_cents',
    ])
    .where('ra.refund_id', 'in', refundIds)
    .orderBy('ra.id')
    .execute();
}
/** A customer's payments with an advance left, oldest first. */
export function paymentsWithAdvanceOf(db: Executor, partyId: string) {
  return paymentView(db)
    .select(sql<number>`cast(p.amount_cents - ${USED_OF_P} as bigint)`.as('advance_cents'))
    .where('p.party_id', '=', partyId)
    .where(sql<boolean>`p.amount_cents > ${USED_OF_P}`)
    .orderBy('p.payment_date')
    .orderBy('p.created_at')
    .execute();
}
