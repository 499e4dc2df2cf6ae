/**
 * Customer payments (issue 13, item 6; ADR 0020). A payment is one customer_payment money movement (money's
 * recordCustomerPayment, ADR 0018) with the customer and the method; its money is allocated to the customer's
 * issued invoices by hand or oldest due first; what is not allocated is the customer's advance. An allocation is
 * undone, never deleted; a small difference is written off with a reason, up to a setting. An invoice's state and
 * open amount are derived from its live allocations and its due date, never stored. Writers lock the payment's row
 * first, then the invoices' rows in id order, so two allocations at once cannot over-allocate.
 */
import type { Db, Executor } from '../../db/database';
import { type CalendarDate, nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { daysBetween, todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { bgnToEur, eurToBgn } from '../../kernel/eur';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import type { PaymentState } from '../../kernel/payment-state';
import { recordAudit } from '../audit';
import { getCompanySettings, getLockDate } from '../company';
import { recordCustomerPayment } from '../money';
import { assertCustomerExists } from '../parties';
import { paymentReceiptIn, printReceipt, receiptOfPayment } from '../receipts';
import type { IssuedCreditNote, Settlement } from '../sales';
import * as repo from './payments.repository';
import { paymentReceiptLines } from './payments.rules';
import type {
  AllocateBody,
  Allocation,
  CreatePaymentBody,
  InvoiceSettlement,
  OpenInvoices,
  Payment,
  PaymentListItem,
  PaymentListQuery,
  PaymentSettings,
  UndoBody,
  WriteOffBody,
} from './payments.schema';

const fieldError = (
  kind: 'invalid' | 'conflict',
  code: string,
  field: string,
  params: Record<string, unknown> = {},
) => new DomainError(kind, code, { field, params: { field, ...params } });

/** An invoice's state from its total, what is settled and its due date, on a day (ADR 0020). */
export function paymentStateOf(
  totalCents: number,
  settledCents: number,
  dueDate: CalendarDate | null,
  on: CalendarDate,
): PaymentState {
  if (settledCents >= totalCents) return 'paid';
  if (dueDate !== null && dueDate < on) return 'overdue';
  return settledCents > 0 ? 'partly_paid' : 'unpaid';
}

/** The settlement reader sales registers (list and invoice page): issued invoices only. */
export async function settlementsOf(
  db: Executor,
  invoices: { id: string; status: string; totalCents: number; dueDate: string | null }[],
): Promise<Map<string, Settlement>> {
  const issued = invoices.filter((i) => i.status === 'issued');
  const settled = await repo.settledOf(
    db,
    issued.map((i) => i.id),
  );
  const today = todayDate();
  return new Map(
    issued.map((i) => {
      const paid = settled.get(i.id) ?? 0;
      return [
        i.id,
        {
          paymentState: paymentStateOf(i.totalCents, paid, i.dueDate, today),
          paidCents: paid,
          openCents: Math.max(0, i.totalCents - paid),
        },
      ];
    }),
  );
}

function toAllocation(a: repo.AllocationRow): Allocation {
  return {
    id: a.id,
    kind: a.kind,
    paymentId: a.payment_id,
    paymentNumber: a.payment_number,
    invoiceId: a.invoice_id,
    invoiceNumber: a.invoice_number,
    date: String(a.allocation_date),
    amountCents: Number(a.amount_cents),
    settledCents: Number(a.settled_cents ?? a.amount_cents),
    invoiceCurrency: a.invoice_currency,
    reason: a.reason,
    undone: a.undone_at !== null,
    undoReason: a.undo_reason,
    createdAt: a.created_at,
  };
}

function toListItem(r: repo.PaymentRow): PaymentListItem {
  const amount = Number(r.amount_cents);
  const allocated = Number(r.allocated_cents);
  const refunded = Number(r.refunded_cents);
  return {
    id: r.id,
    number: r.number,
    movementId: r.movement_id,
    partyId: r.party_id,
    partyName: r.party_name,
    accountId: r.account_id,
    accountName: r.account_name,
    method: r.method,
    date: String(r.payment_date),
    amountCents: amount,
    allocatedCents: allocated,
    refundedCents: refunded,
    unallocatedCents: amount - allocated - refunded,
    currency: r.currency,
    notes: r.notes,
    createdAt: r.created_at,
  };
}

export async function getPayment(db: Executor, id: string): Promise<Payment> {
  const row = await repo.findPayment(db, id);
  if (!row) throw notFound('customer_payment');
  const receipt = await receiptOfPayment(db, id);
  return {
    ...toListItem(row),
    allocations: (await repo.allocationsOfPayment(db, id)).map(toAllocation),
    receipt: receipt && {
      id: receipt.id,
      number: receipt.number,
      uniqueSaleNumber: receipt.uniqueSaleNumber,
      fiscalStatus: receipt.fiscalStatus,
      fiscalErrorCode: receipt.fiscalErrorCode,
      fiscalErrorText: receipt.fiscalErrorText,
      receiptNumber: receipt.receiptNumber,
      receiptDateTime: receipt.receiptDateTime,
      fiscalMemorySerialNumber: receipt.fiscalMemorySerialNumber,
      stornoableCents: receipt.stornoableCents,
      stornos: receipt.stornos,
    },
  };
}

export async function listPayments(
  db: Executor,
  q: PaymentListQuery & { page: number; pageSize: number },
): Promise<PageOf<PaymentListItem>> {
  const page = await repo.listPayments(db, q);
  return { ...page, items: page.items.map(toListItem) };
}

/** A customer's open invoices, oldest due first, with their state on `date`, and the customer's advance. */
export async function openInvoices(
  db: Executor,
  partyId: string,
  date?: CalendarDate,
): Promise<OpenInvoices> {
  const on = date ?? todayDate();
  const rows = await repo.openInvoicesOf(db, partyId);
  const advances = await repo.advancesOf(db, partyId);
  return {
    partyId,
    date: on,
    advanceCents: advances.get(partyId) ?? 0,
    items: rows.map((r) => {
      const total = Number(r.total_cents);
      const paid = Number(r.settled_cents);
      const due = r.due_date === null ? null : String(r.due_date);
      return {
        id: r.id,
        number: r.number,
        documentDate: String(r.document_date),
        dueDate: due,
        currency: r.currency,
        totalCents: total,
        paidCents: paid,
        openCents: total - paid,
        openEurCents: r.currency === 'BGN' ? Number(bgnToEur(total - paid)) : total - paid,
        paymentState: paymentStateOf(total, paid, due, on),
        daysOverdue: due !== null && due < on ? daysBetween(due, on) : 0,
      };
    }),
  };
}

export async function invoiceSettlement(db: Executor, invoiceId: string): Promise<InvoiceSettlement> {
  const head = await db
    .selectFrom('sales_invoice')
    .select(['id', 'status', 'total_cents', 'due_date'])
    .where('id', '=', invoiceId)
    .executeTakeFirst();
  if (!head) throw notFound('sales_invoice');
  const total = Number(head.total_cents);
  const paid = (await repo.settledOf(db, [invoiceId])).get(invoiceId) ?? 0;
  return {
    invoiceId,
    paymentState:
      head.status === 'posted'
        ? paymentStateOf(total, paid, head.due_date === null ? null : String(head.due_date), todayDate())
        : null,
    totalCents: total,
    paidCents: paid,
    openCents: Math.max(0, total - paid),
    allocations: (await repo.allocationsOfInvoice(db, invoiceId)).map(toAllocation),
  };
}

async function assertPeriodOpen(trx: Executor, date: CalendarDate): Promise<void> {
  const lockDate = await getLockDate(trx);
  if (lockDate !== null && date <= lockDate)
    throw new DomainError('conflict', 'period_closed', {
      field: 'date',
      params: { date: lockDate },
      extra: { lockDate },
    });
}

/**
 * How much of an invoice's open amount (its currency) a payment's money (the payment's currency) settles (EUR-05).
 * The same currency: cent for cent. A EUR payment against a BGN invoice of 2025: the open BGN amount is converted
 * per document by EUR-01 (`openInPayment`); paying that much settles the whole open BGN amount, the difference of at
 * most 0.01 BGN between it and the payment converted back being the booked rounding difference, so nothing is left
 * open by the conversion; less settles the payment converted back to BGN. Null: the pair cannot be converted.
 */
export function settlementOf(
  invoiceCurrency: string,
  paymentCurrency: string,
  openCents: number,
): { openInPayment: number; settles: (amountCents: number) => number } | null {
  if (invoiceCurrency === paymentCurrency) return { openInPayment: openCents, settles: (a) => a };
  if (invoiceCurrency !== 'BGN' || paymentCurrency !== 'EUR') return null;
  const openInPayment = Number(bgnToEur(openCents));
  return {
    openInPayment,
    settles: (a) => (a >= openInPayment ? openCents : Math.min(openCents, Number(eurToBgn(a)))),
  };
}

/**
 * Allocates a locked payment's unallocated money: by hand (each line checked) or oldest due first. Locks the
 * invoices in id order. A BGN invoice of 2025 is settled by a EUR payment at the fixed rate (EUR-05, settlementOf).
 * Refusals: 400 unknown_invoice; 409 invoice_other_customer, invoice_not_payable (draft or cancelled),
 * allocation_currency_differs (a pair that does not convert), allocation_exceeds_open (in the payment's currency),
 * allocation_exceeds_payment. Returns how many allocations it wrote.
 */
async function allocateLocked(
  trx: Executor,
  actor: Actor,
  payment: {
    id: string;
    party_id: string;
    amount_cents: number;
    currency: string;
    payment_date: CalendarDate;
  },
  body: AllocateBody,
): Promise<number> {
  if (body.allocations?.length && body.oldestFirst)
    throw fieldError('invalid', 'allocation_choose_one', 'oldestFirst');
  let wanted: { invoiceId: string; amountCents: number; field: string; settledCents?: number }[] = [];
  const unallocated = Number(payment.amount_cents) - (await repo.allocatedOfPayment(trx, payment.id));
  if (body.oldestFirst) {
    const open = await repo.openInvoicesOf(trx, payment.party_id);
    const candidates = open.filter((i) => settlementOf(i.currency, payment.currency, 0) !== null);
    const invoices = await repo.lockInvoices(
      trx,
      candidates.map((i) => i.id),
    );
    const settled = await repo.settledOf(trx, [...invoices.keys()]);
    let left = unallocated;
    for (const c of candidates) {
      const inv = invoices.get(c.id);
      if (inv?.status !== 'posted' || left <= 0) continue;
      const rule = settlementOf(inv.currency, payment.currency, inv.total_cents - (settled.get(c.id) ?? 0));
      if (!rule) continue;
      const take = Math.min(left, rule.openInPayment);
      if (take <= 0) continue;
      wanted.push({
        invoiceId: c.id,
        amountCents: take,
        field: 'oldestFirst',
        settledCents: rule.settles(take),
      });
      left -= take;
    }
  } else {
    wanted = (body.allocations ?? []).map((a, i) => ({ ...a, field: `allocations.${i}` }));
    const invoices = await repo.lockInvoices(
      trx,
      wanted.map((w) => w.invoiceId),
    );
    const settled = await repo.settledOf(trx, [...invoices.keys()]);
    const taking = new Map<string, number>();
    for (const w of wanted) {
      const inv = invoices.get(w.invoiceId);
      if (!inv) throw fieldError('invalid', 'unknown_invoice', `${w.field}.invoiceId`);
      if (inv.party_id !== payment.party_id)
        throw fieldError('conflict', 'invoice_other_customer', `${w.field}.invoiceId`, {
          number: inv.number,
        });
      if (inv.status !== 'posted' || inv.kind === 'credit_note')
        throw fieldError('conflict', 'invoice_not_payable', `${w.field}.invoiceId`, {
          number: inv.number ?? '—',
        });
      const already = (settled.get(inv.id) ?? 0) + (taking.get(inv.id) ?? 0);
      const rule = settlementOf(inv.currency, payment.currency, inv.total_cents - already);
      if (!rule)
        throw fieldError('conflict', 'allocation_currency_differs', `${w.field}.invoiceId`, {
          number: inv.number,
          currency: inv.currency,
          paymentCurrency: payment.currency,
        });
      if (w.amountCents > rule.openInPayment)
        throw fieldError('conflict', 'allocation_exceeds_open', `${w.field}.amountCents`, {
          number: inv.number,
          open: (Math.max(0, rule.openInPayment) / 100).toFixed(2),
        });
      w.settledCents = rule.settles(w.amountCents);
      taking.set(inv.id, (taking.get(inv.id) ?? 0) + w.settledCents);
    }
    const total = wanted.reduce((s, w) => s + w.amountCents, 0);
    if (total > unallocated)
      throw fieldError('conflict', 'allocation_exceeds_payment', 'allocations', {
        unallocated: (unallocated / 100).toFixed(2),
      });
  }
  if (!wanted.length) return 0;
  const now = nowIso();
  const date = payment.payment_date;
  await repo.insertAllocations(
    trx,
    wanted.map((w) => ({
      id: newId(),
      kind: 'payment' as const,
      payment_id: payment.id,
      invoice_id: w.invoiceId,
      allocation_date: date,
      amount_cents: w.amountCents,
      // Only when it differs from the payment's money: a BGN invoice settled by EUR (EUR-05).
      settled_cents: w.settledCents !== undefined && w.settledCents !== w.amountCents ? w.settledCents : null,
      reason: null,
      created_by: actor.userId,
      created_at: now,
      undone_at: null,
      undone_by: null,
      undo_reason: null,
    })),
  );
  await repo.touchPayment(trx, payment.id, now);
  await recordAudit(trx, actor, {
    action: 'customer_payment.allocate',
    entity: 'customer_payment',
    entityId: payment.id,
    after: {
      allocations: wanted.map((w) => ({
        invoiceId: w.invoiceId,
        amountCents: w.amountCents,
        ...(w.settledCents !== undefined && w.settledCents !== w.amountCents
          ? {
              settledCents: w.settledCents,
              // EUR-05: the booked rounding difference of the conversion (BGN cents, at most 1).
              roundingCents: w.settledCents - Number(eurToBgn(w.amountCents)),
            }
          : {}),
      })),
    },
  });
  return wanted.length;
}

/**
 * A credit note issued in another currency than its invoice settles it (EUR-06, ADR 38): a 2026 EUR note against a
 * 2025 BGN invoice, the way a EUR payment does (EUR-05, settlementOf): the note's EUR converted back by EUR-01; when
 * it covers the whole open BGN amount offered in EUR, it settles all of it, the difference of at most 0.01 лв.
 * booked as the rounding difference. A note that credits all that was left of the invoice reverses the invoice in
 * full: it settles the invoice's total less what its other notes took off, its difference from the note converted
 * back (the note's prices were converted line by line, ADR 19) booked likewise. What it settles beyond the open
 * amount (the invoice was paid) is owed back to the customer. Written in the issuing transaction, under the
 * invoice's row lock; audited with both amounts and the rounding. A note in the invoice's own currency needs none.
 */
export async function settleByCreditNote(trx: Executor, actor: Actor, note: IssuedCreditNote): Promise<void> {
  const inv = (await repo.lockInvoices(trx, [note.relatedInvoiceId])).get(note.relatedInvoiceId);
  if (!inv || inv.currency === note.currency) return;
  const open = Math.max(0, inv.total_cents - ((await repo.settledOf(trx, [inv.id])).get(inv.id) ?? 0));
  const rule = settlementOf(inv.currency, note.currency, open);
  if (!rule) return;
  const converted = Number(eurToBgn(note.totalCents));
  const settled = note.creditsTheRest
    ? inv.total_cents - (await repo.creditedOf(trx, inv.id, note.id))
    : open > 0 && note.totalCents >= rule.openInPayment
      ? converted + open - Number(eurToBgn(rule.openInPayment))
      : converted;
  const row = {
    note_id: note.id,
    invoice_id: inv.id,
    note_cents: note.totalCents,
    settled_cents: settled,
    rounding_cents: settled - converted,
    created_at: nowIso(),
  };
  await repo.insertNoteSettlement(trx, row);
  await recordAudit(trx, actor, {
    action: 'credit_note_settlement.create',
    entity: 'credit_note_settlement',
    entityId: note.id,
    after: {
      number: note.number,
      invoiceId: inv.id,
      invoiceNumber: inv.number,
      noteCents: note.totalCents,
      noteCurrency: note.currency,
      settledCents: settled,
      invoiceCurrency: inv.currency,
      roundingCents: row.rounding_cents,
    },
  });
}

/**
 * Records a customer's payment into a cash desk or bank account and allocates it (by hand or oldest first). A payment
 * in cash or by card is finished with a fiscal receipt (FIS-01, ADR 0037): written in the same transaction through the
 * receipts module (its lines what the payment paid), printed after the commit; a device error leaves it not
 * fiscalised until it is printed again (POST /sale-receipts/:id/print). A bank transfer needs none.
 */
export async function createPayment(db: Db, actor: Actor, body: CreatePaymentBody): Promise<Payment> {
  const { id, receiptId } = await db.transaction().execute(async (trx) => {
    const id = await createPaymentIn(trx, actor, body);
    const receiptId = body.method === 'bank_transfer' ? null : await receiptIn(trx, actor, id, body.method);
    return { id, receiptId };
  });
  if (receiptId) await printReceipt(db, actor, receiptId);
  return getPayment(db, id);
}

/** The fiscal receipt of a cash or card payment just written (ADR 0037): what it paid, and its advance. */
async function receiptIn(trx: Executor, actor: Actor, id: string, method: 'cash' | 'card'): Promise<string> {
  const payment = await repo.findPayment(trx, id);
  if (!payment) throw notFound('customer_payment');
  const allocations = (await repo.allocationsOfPayment(trx, id)).filter((a) => a.undone_at === null);
  const bases = await repo.vatBasesOf(trx, [...new Set(allocations.map((a) => a.invoice_id))]);
  const amount = Number(payment.amount_cents);
  const allocated = allocations.reduce((s, a) => s + Number(a.amount_cents), 0);
  const company = await getCompanySettings(trx);
  const lines = paymentReceiptLines(
    allocations.map((a) => ({
      number: a.invoice_number ?? '—',
      kind: bases.find((b) => b.invoiceId === a.invoice_id)?.kind ?? 'invoice',
      amountCents: Number(a.amount_cents),
      bases: bases.filter((b) => b.invoiceId === a.invoice_id),
    })),
    { amountCents: amount - allocated, vatRateBp: company.vatRegistered ? company.defaultVatRateBp : 0 },
  );
  return paymentReceiptIn(trx, actor, {
    paymentId: id,
    paymentNumber: payment.number,
    movementId: payment.movement_id,
    date: String(payment.payment_date),
    partyId: payment.party_id,
    method,
    accountId: payment.account_id,
    lines,
    invoiceNumbers: [...new Set(allocations.flatMap((a) => (a.invoice_number ? [a.invoice_number] : [])))],
  });
}

/** createPayment inside the caller's transaction (the bank statement import records many at once); its id. */
export async function createPaymentIn(trx: Executor, actor: Actor, body: CreatePaymentBody): Promise<string> {
  {
    const party = await assertCustomerExists(trx, body.partyId, 'partyId');
    await assertPeriodOpen(trx, body.date);
    const movement = await recordCustomerPayment(trx, actor, {
      accountId: body.accountId,
      date: body.date,
      amountCents: body.amountCents,
      partyId: body.partyId,
      reason: body.notes ?? null,
    });
    const id = newId();
    const now = nowIso();
    const row = {
      id,
      movement_id: movement.id,
      party_id: body.partyId,
      account_id: body.accountId,
      method: body.method,
      payment_date: body.date,
      amount_cents: body.amountCents,
      currency: 'EUR',
      notes: body.notes ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertPayment(trx, row);
    await recordAudit(trx, actor, {
      action: 'customer_payment.create',
      entity: 'customer_payment',
      entityId: id,
      after: {
        number: movement.number,
        party: party.name,
        account: movement.accountName,
        method: body.method,
        date: body.date,
        amountCents: body.amountCents,
      },
    });
    await lockPaymentRow(trx, id);
    await allocateLocked(trx, actor, row, { allocations: body.allocations, oldestFirst: body.oldestFirst });
    return id;
  }
}

async function lockPaymentRow(trx: Executor, id: string) {
  const row = await repo.lockPayment(trx, id);
  if (!row) throw notFound('customer_payment');
  return { ...row, amount_cents: Number(row.amount_cents), payment_date: String(row.payment_date) };
}

/** Allocates more of a payment's unallocated money (the customer's advance). */
export async function allocatePayment(
  db: Db,
  actor: Actor,
  id: string,
  body: AllocateBody,
): Promise<Payment> {
  if (!body.oldestFirst && !body.allocations?.length) throw fieldError('invalid', 'required', 'allocations');
  await db.transaction().execute(async (trx) => {
    const payment = await lockPaymentRow(trx, id);
    if ((await allocateLocked(trx, actor, payment, body)) === 0)
      throw fieldError('conflict', 'nothing_to_allocate', 'oldestFirst');
  });
  return getPayment(db, id);
}

/** Undoes an allocation or a write-off (audited, with a reason): the money returns to the payment's advance. */
export async function undoAllocation(
  db: Db,
  actor: Actor,
  allocationId: string,
  body: UndoBody,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await repo.findAllocation(trx, allocationId);
    if (!found) throw notFound('payment_allocation');
    if (found.payment_id) await lockPaymentRow(trx, found.payment_id);
    await repo.lockInvoices(trx, [found.invoice_id]);
    const now = nowIso();
    const changed = await repo.markUndone(trx, allocationId, {
      undone_at: now,
      undone_by: actor.userId,
      undo_reason: body.reason,
    });
    if (Number(changed.numUpdatedRows) !== 1)
      throw new DomainError('conflict', 'allocation_already_undone', {});
    await refuseOverRefunded(trx, found.invoice_id);
    if (found.payment_id) await repo.touchPayment(trx, found.payment_id, now);
    await recordAudit(trx, actor, {
      action: 'payment_allocation.undo',
      entity: 'payment_allocation',
      entityId: allocationId,
      before: {
        kind: found.kind,
        paymentId: found.payment_id,
        invoiceId: found.invoice_id,
        amountCents: Number(found.amount_cents),
      },
      after: { undone: true, reason: body.reason },
    });
  });
}

/** Writes off a small open difference of an issued invoice, with a reason, up to the setting (default 1.00). */
export async function writeOff(
  db: Db,
  actor: Actor,
  invoiceId: string,
  body: WriteOffBody,
): Promise<InvoiceSettlement> {
  await db.transaction().execute(async (trx) => {
    const date = body.date ?? todayDate();
    await assertPeriodOpen(trx, date);
    const inv = (await repo.lockInvoices(trx, [invoiceId])).get(invoiceId);
    if (!inv) throw notFound('sales_invoice');
    if (inv.status !== 'posted' || inv.kind === 'credit_note')
      throw fieldError('conflict', 'invoice_not_payable', 'invoiceId', { number: inv.number ?? '—' });
    const max = await repo.writeOffMax(trx);
    if (body.amountCents > max)
      throw fieldError('conflict', 'write_off_over_limit', 'amountCents', { max: (max / 100).toFixed(2) });
    const open = inv.total_cents - ((await repo.settledOf(trx, [invoiceId])).get(invoiceId) ?? 0);
    if (body.amountCents > open)
      throw fieldError('conflict', 'allocation_exceeds_open', 'amountCents', {
        number: inv.number,
        open: (open / 100).toFixed(2),
      });
    const id = newId();
    await repo.insertAllocations(trx, [
      {
        id,
        kind: 'write_off',
        payment_id: null,
        invoice_id: invoiceId,
        allocation_date: date,
        amount_cents: body.amountCents,
        settled_cents: null,
        reason: body.reason,
        created_by: actor.userId,
        created_at: nowIso(),
        undone_at: null,
        undone_by: null,
        undo_reason: null,
      },
    ]);
    await recordAudit(trx, actor, {
      action: 'payment_allocation.write_off',
      entity: 'payment_allocation',
      entityId: id,
      after: { invoiceId, number: inv.number, amountCents: body.amountCents, reason: body.reason, date },
    });
  });
  return invoiceSettlement(db, invoiceId);
}

/**
 * After money is taken off an invoice or debit note (an allocation undone): refused 409 allocation_refunded when its
 * credit notes' money was already paid back beyond what the invoice now leaves the customer to get (ADR 29).
 */
async function refuseOverRefunded(trx: Executor, docId: string): Promise<void> {
  const doc = (await repo.lockInvoices(trx, [docId])).get(docId);
  const groupId = doc?.kind === 'debit_note' ? doc.related_invoice_id : docId;
  if (!groupId) return;
  const refunded = await repo.refundedOfInvoiceNotes(trx, groupId);
  if (refunded === 0) return;
  if (((await repo.owedBackOf(trx, [groupId])).get(groupId) ?? 0) < 0) {
    const inv = (await repo.lockInvoices(trx, [groupId])).get(groupId);
    throw new DomainError('conflict', 'allocation_refunded', {
      params: { number: inv?.number ?? '—', refunded: (refunded / 100).toFixed(2) },
      extra: { refundedCents: refunded },
    });
  }
}

/**
 * The sales cancel's guard: an invoice with live allocations is not cancelled (409 invoice_has_payments), nor a
 * credit note whose money was paid back (409 credit_note_refunded).
 */
export async function refuseCancelWithAllocations(trx: Executor, invoiceId: string): Promise<void> {
  const refunded = (await repo.refundedOfNotes(trx, [invoiceId])).get(invoiceId) ?? 0;
  if (refunded > 0)
    throw new DomainError('conflict', 'credit_note_refunded', {
      params: { amount: (refunded / 100).toFixed(2) },
      extra: { refundedCents: refunded },
    });
  const settled = (await repo.settledOf(trx, [invoiceId])).get(invoiceId) ?? 0;
  if (settled > 0)
    throw new DomainError('conflict', 'invoice_has_payments', {
      params: { amount: (settled / 100).toFixed(2) },
      extra: { allocatedCents: settled },
    });
}

export async function getSettings(db: Executor): Promise<PaymentSettings> {
  return { writeOffMaxCents: await repo.writeOffMax(db) };
}
export async function saveSettings(db: Db, actor: Actor, body: PaymentSettings): Promise<PaymentSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    await repo.saveWriteOffMax(trx, body.writeOffMaxCents, nowIso());
    await recordAudit(trx, actor, {
      action: 'payment_settings.update',
      entity: 'payment_settings',
      entityId: 'main',
      before,
      after: body,
    });
    return getSettings(trx);
  });
}
