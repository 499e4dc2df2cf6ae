/**
 * Refunds to customers (issue 13, item 6; ADR 0029). A credit note on an invoice that was already paid leaves the
 * customer money to get back; so does an unused advance. A refund pays it back from a cash desk or a bank account:
 * one customer_payment money movement with a negative leg (money's recordCustomerRefund, so a cash desk never goes
 * below zero), numbered like a payment, allocated whole to credit notes or payments' advances. Undone as a whole:
 * the movement is reversed and the refund marked, never deleted. A cash or card refund needs the fiscal device's
 * storno receipt when a device is configured (FIS-02). Writers lock the payments' rows first, then the credit
 * notes', then their invoices' (the order issuing a note and allocating a payment use), so two refunds at once
 * cannot pay back the same money twice.
 */
import type { Db, Executor } from '../../db/database';
import { type CalendarDate, nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import { recordAudit } from '../audit';
import { getLockDate } from '../company';
import { getFiscalDeviceSettings } from '../fiscal';
import { recordCustomerRefund, reverseMovementIn } from '../money';
import { assertCustomerExists } from '../parties';
import * as repo from './payments.repository';
import type {
  CreateRefundBody,
  Refund,
  Refundable,
  RefundListQuery,
  UndoRefundBody,
} from './payments.schema';

const fieldError = (
  kind: 'invalid' | 'conflict',
  code: string,
  field: string,
  params: Record<string, unknown> = {},
) => new DomainError(kind, code, { field, params: { field, ...params } });
const eur = (c: number) => (c / 100).toFixed(2);

async function toRefunds(db: Executor, rows: repo.RefundRow[]): Promise<Refund[]> {
  const allocations = await repo.refundAllocationsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    movementId: r.movement_id,
    partyId: r.party_id,
    partyName: r.party_name,
    accountId: r.account_id,
    accountName: r.account_name,
    method: r.method,
    date: String(r.refund_date),
    amountCents: Number(r.amount_cents),
    currency: r.currency,
    notes: r.notes,
    stornoReceiptNumber: r.storno_receipt_number,
    stornoReceiptDateTime: r.storno_receipt_date_time,
    undone: r.undone_at !== null,
    undoReason: r.undo_reason,
    reversalNumber: r.reversal_number,
    allocations: allocations
      .filter((a) => a.refund_id === r.id)
      .map((a) => ({
        id: a.id,
        creditNoteId: a.credit_note_id,
        creditNoteNumber: a.credit_note_number,
        paymentId: a.payment_id,
        paymentNumber: a.payment_number,
        amountCents: Number(a.amount_cents),
      })),
    createdAt: r.created_at,
  }));
}

export async function getRefund(db: Executor, id: string): Promise<Refund> {
  const row = await repo.findRefund(db, id);
  if (!row) throw notFound('customer_refund');
  const [refund] = await toRefunds(db, [row]);
  return refund as Refund;
}

export async function listRefunds(
  db: Executor,
  q: RefundListQuery & { page: number; pageSize: number },
): Promise<PageOf<Refund>> {
  const page = await repo.listRefunds(db, q);
  return { ...page, items: await toRefunds(db, page.items) };
}

/** What the customer may be paid back now: per credit note (shared out by the invoice's group) and per advance. */
export async function refundable(db: Executor, partyId: string): Promise<Refundable> {
  const notes = await repo.creditNotesOf(db, partyId);
  const refunded = await repo.refundedOfNotes(
    db,
    notes.map((n) => n.id),
  );
  const owed = await repo.owedBackOf(db, [...new Set(notes.map((n) => n.invoice_id))]);
  const creditNotes = notes.map((n) => {
    const total = Number(n.total_cents);
    const done = refunded.get(n.id) ?? 0;
    const groupLeft = Math.max(0, owed.get(n.invoice_id) ?? 0);
    const take = Math.max(0, Math.min(total - done, groupLeft));
    owed.set(n.invoice_id, groupLeft - take);
    return {
      id: n.id,
      number: n.number,
      documentDate: String(n.document_date),
      invoiceId: n.invoice_id,
      invoiceNumber: n.invoice_number,
      totalCents: total,
      refundedCents: done,
      refundableCents: take,
    };
  });
  const advances = (await repo.paymentsWithAdvanceOf(db, partyId)).map((p) => ({
    paymentId: p.id,
    number: p.number,
    date: String(p.payment_date),
    refundableCents: Number(p.advance_cents),
  }));
  return {
    partyId,
    creditNotes: creditNotes.filter((n) => n.refundableCents > 0),
    advances,
    totalCents:
      creditNotes.reduce((s, n) => s + n.refundableCents, 0) +
      advances.reduce((s, a) => s + a.refundableCents, 0),
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
 * Pays money back to a customer against credit notes and advances. Refusals, nothing written: 400
 * refund_target_one, unknown_credit_note, unknown_payment; 409 refund_not_credit_note, credit_note_other_customer,
 * allocation_currency_differs, refund_exceeds_credit, refund_exceeds_owed, payment_other_customer,
 * refund_exceeds_advance, refund_needs_fiscal_storno, cash_desk_negative, period_closed.
 */
export async function createRefund(db: Db, actor: Actor, body: CreateRefundBody): Promise<Refund> {
  const lines = body.allocations.map((a, i) => ({ ...a, field: `allocations.${i}` }));
  for (const l of lines)
    if ((l.creditNoteId === undefined) === (l.paymentId === undefined))
      throw fieldError('invalid', 'refund_target_one', l.field);
  const id = await db.transaction().execute(async (trx) => {
    const party = await assertCustomerExists(trx, body.partyId, 'partyId');
    await assertPeriodOpen(trx, body.date);
    if (body.method !== 'bank_transfer' && !body.stornoReceipt) {
      const device = await getFiscalDeviceSettings(trx);
      if (device.kind !== 'none') throw fieldError('conflict', 'refund_needs_fiscal_storno', 'stornoReceipt');
    }
    // Advances: the payments' rows first, in id order.
    const paymentIds = [...new Set(lines.flatMap((l) => (l.paymentId ? [l.paymentId] : [])))].sort();
    const payments = new Map<string, { number: string; party_id: string; left: number }>();
    for (const pid of paymentIds) {
      const locked = await repo.lockPayment(trx, pid);
      if (!locked) continue;
      const used = await repo.allocatedOfPayment(trx, pid);
      const view = await repo.findPayment(trx, pid);
      payments.set(pid, {
        number: view?.number ?? '',
        party_id: locked.party_id,
        left: Number(locked.amount_cents) - used,
      });
    }
    for (const l of lines) {
      if (!l.paymentId) continue;
      const p = payments.get(l.paymentId);
      if (!p) throw fieldError('invalid', 'unknown_payment', `${l.field}.paymentId`);
      if (p.party_id !== body.partyId)
        throw fieldError('conflict', 'payment_other_customer', `${l.field}.paymentId`, { number: p.number });
      if (l.amountCents > p.left)
        throw fieldError('conflict', 'refund_exceeds_advance', `${l.field}.amountCents`, {
          number: p.number,
          left: eur(p.left),
        });
      p.left -= l.amountCents;
    }
    // Credit notes: the notes' rows, then their invoices' (note → invoice, as issuing a note locks them).
    const notes = await repo.lockInvoices(
      trx,
      lines.flatMap((l) => (l.creditNoteId ? [l.creditNoteId] : [])),
    );
    for (const l of lines) {
      if (!l.creditNoteId) continue;
      const n = notes.get(l.creditNoteId);
      if (!n) throw fieldError('invalid', 'unknown_credit_note', `${l.field}.creditNoteId`);
      if (n.kind !== 'credit_note' || n.status !== 'posted' || !n.related_invoice_id)
        throw fieldError('conflict', 'refund_not_credit_note', `${l.field}.creditNoteId`, {
          number: n.number ?? '—',
        });
      if (n.party_id !== body.partyId)
        throw fieldError('conflict', 'credit_note_other_customer', `${l.field}.creditNoteId`, {
          number: n.number,
        });
    }
    const invoiceIds = [...new Set([...notes.values()].map((n) => n.related_invoice_id as string))];
    const invoices = await repo.lockInvoices(trx, invoiceIds);
    const noteLeft = new Map<string, number>();
    const refunded = await repo.refundedOfNotes(trx, [...notes.keys()]);
    for (const n of notes.values()) noteLeft.set(n.id, n.total_cents - (refunded.get(n.id) ?? 0));
    const owed = await repo.owedBackOf(trx, invoiceIds);
    for (const l of lines) {
      if (!l.creditNoteId) continue;
      const n = notes.get(l.creditNoteId) as repo.InvoiceHead;
      const inv = invoices.get(n.related_invoice_id as string);
      if (n.currency !== 'EUR' || inv?.currency !== n.currency)
        throw fieldError('conflict', 'allocation_currency_differs', `${l.field}.creditNoteId`, {
          number: n.number,
          currency: inv?.currency ?? n.currency,
          paymentCurrency: 'EUR',
        });
      const left = noteLeft.get(n.id) ?? 0;
      if (l.amountCents > left)
        throw fieldError('conflict', 'refund_exceeds_credit', `${l.field}.amountCents`, {
          number: n.number,
          left: eur(left),
        });
      const groupLeft = owed.get(inv.id) ?? 0;
      if (l.amountCents > groupLeft)
        throw fieldError('conflict', 'refund_exceeds_owed', `${l.field}.amountCents`, {
          invoice: inv.number,
          owed: eur(Math.max(0, groupLeft)),
        });
      noteLeft.set(n.id, left - l.amountCents);
      owed.set(inv.id, groupLeft - l.amountCents);
    }
    const amount = lines.reduce((s, l) => s + l.amountCents, 0);
    const movement = await recordCustomerRefund(trx, actor, {
      accountId: body.accountId,
      date: body.date,
      amountCents: amount,
      partyId: body.partyId,
      reason: body.notes ?? null,
    });
    const refundId = newId();
    await repo.insertRefund(trx, {
      id: refundId,
      movement_id: movement.id,
      party_id: body.partyId,
      account_id: body.accountId,
      method: body.method,
      refund_date: body.date,
      amount_cents: amount,
      currency: 'EUR',
      notes: body.notes ?? null,
      storno_receipt_number: body.stornoReceipt?.receiptNumber ?? null,
      storno_receipt_date_time: body.stornoReceipt?.receiptDateTime ?? null,
      created_by: actor.userId,
      created_at: nowIso(),
      undone_at: null,
      undone_by: null,
      undo_reason: null,
      reversal_movement_id: null,
    });
    await repo.insertRefundAllocations(
      trx,
      lines.map((l) => ({
        id: newId(),
        refund_id: refundId,
        credit_note_id: l.creditNoteId ?? null,
        payment_id: l.paymentId ?? null,
        amount_cents: l.amountCents,
      })),
    );
    await recordAudit(trx, actor, {
      action: 'customer_refund.create',
      entity: 'customer_refund',
      entityId: refundId,
      after: {
        number: movement.number,
        party: party.name,
        account: movement.accountName,
        method: body.method,
        date: body.date,
        amountCents: amount,
        allocations: lines.map((l) => ({
          creditNoteId: l.creditNoteId,
          paymentId: l.paymentId,
          amountCents: l.amountCents,
        })),
        ...(body.stornoReceipt ? { stornoReceipt: body.stornoReceipt.receiptNumber } : {}),
      },
    });
    return refundId;
  });
  return getRefund(db, id);
}

/** Undoes a refund: its movement is reversed (the money back into the account) and the refund marked, audited. */
export async function undoRefund(db: Db, actor: Actor, id: string, body: UndoRefundBody): Promise<Refund> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.lockRefund(trx, id);
    if (!row) throw notFound('customer_refund');
    if (row.undone_at) throw new DomainError('conflict', 'refund_already_undone', {});
    const date = body.date ?? [todayDate(), String(row.refund_date)].sort()[1];
    const mirror = await reverseMovementIn(trx, actor, row.movement_id, { reason: body.reason, date });
    await repo.markRefundUndone(trx, id, {
      undone_at: nowIso(),
      undone_by: actor.userId,
      undo_reason: body.reason,
      reversal_movement_id: mirror.id,
    });
    await recordAudit(trx, actor, {
      action: 'customer_refund.undo',
      entity: 'customer_refund',
      entityId: id,
      before: { undone: false },
      after: { undone: true, reason: body.reason, reversal: mirror.number, date },
    });
  });
  return getRefund(db, id);
}
