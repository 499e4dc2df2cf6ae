/**
 * Refunds to customers (issue 13, item 6; ADR 0029). A credit note on an invoice that was already paid leaves the
 * customer money to get back; so does an unused advance. A refund pays it back from a cash desk or a bank account:
 * one customer_payment money movement with a negative leg (money's recordCustomerRefund, so a cash desk never goes
 * below zero), numbered like a payment, allocated whole to credit notes or payments' advances. Undone as a whole:
 * the movement is reversed and the refund marked, never deleted. A cash or card refund stornoes the customer payment's
 * fiscal receipt it pays back (FIS-02, ADR 0040): written in the refund's transaction, printed after the commit; with
 * a device configured and no receipt of ours to storno, it needs the storno printed elsewhere. A EUR credit note on a
 * 2025 BGN invoice is paid back in EUR by EUR-05's rule (EUR-06, ADR 0040). Writers lock the payments' rows first, then the credit
 * notes', then their invoices' (the order issuing a note and allocating a payment use), so two refunds at once
 * cannot pay back the same money twice.
 */
import type { Db, Executor } from '../../db/database';
import { type CalendarDate, nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { eurToBgn } from '../../kernel/eur';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import { recordAudit } from '../audit';
import { getLockDate, isFiscalDeviceRequired } from '../company';
import { assertFiscalSaleAllowed, getFiscalDeviceSettings } from '../fiscal';
import { recordCustomerRefund, reverseMovementIn } from '../money';
import { assertCustomerExists } from '../parties';
import { paymentReceiptStornoIn, printStorno, stornoableReceiptsOf, stornosOfRefunds } from '../receipts';
import * as repo from './payments.repository';
import type {
  CreateRefundBody,
  Refund,
  Refundable,
  RefundListQuery,
  UndoRefundBody,
} from './payments.schema';
import { settlementOf } from './payments.service';

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
  const stornos = await stornosOfRefunds(
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
        settledCents: a.settled_cents === null ? null : Number(a.settled_cents),
        roundingCents: a.rounding_cents === null ? null : Number(a.rounding_cents),
      })),
    stornos: stornos.filter((x) => x.refundId === r.id),
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

/**
 * What a group owes back, offered in EUR (EUR-06, ADR 0040): a EUR group's owed amount as it is; a 2025 BGN
 * invoice's converted by EUR-01, and what a EUR refund of `amount` pays back of it by EUR-05's rule (settlementOf):
 * paying all that is offered clears all of it, the difference of at most 0.01 лв. booked.
 */
function owedInEur(invoiceCurrency: string, owedCents: number) {
  const rule = invoiceCurrency === 'BGN' ? settlementOf('BGN', 'EUR', Math.max(0, owedCents)) : null;
  return rule
    ? { offer: rule.openInPayment, settles: rule.settles }
    : { offer: Math.max(0, owedCents), settles: (a: number) => a };
}

/** What the customer may be paid back now: per credit note (shared out by the invoice's group) and per advance. */
export async function refundable(db: Executor, partyId: string): Promise<Refundable> {
  const notes = await repo.creditNotesOf(db, partyId);
  const refunded = await repo.refundedOfNotes(
    db,
    notes.map((n) => n.id),
  );
  const owed = await repo.owedBackOf(db, [...new Set(notes.map((n) => n.invoice_id))]);
  const receipts = await stornoableReceiptsOf(db, partyId);
  const payers = await repo.payersOfInvoices(db, [...new Set(notes.map((n) => n.invoice_id))]);
  const creditNotes = notes.map((n) => {
    const total = Number(n.total_cents);
    const done = refunded.get(n.id) ?? 0;
    const groupLeft = Math.max(0, owed.get(n.invoice_id) ?? 0);
    const rule = owedInEur(n.invoice_currency, groupLeft);
    const take = Math.max(0, Math.min(total - done, rule.offer));
    owed.set(n.invoice_id, groupLeft - rule.settles(take));
    const paidBy = new Set(payers.filter((p) => p.invoice_id === n.invoice_id).map((p) => p.payment_id));
    return {
      id: n.id,
      number: n.number,
      documentDate: String(n.document_date),
      invoiceId: n.invoice_id,
      invoiceNumber: n.invoice_number,
      currency: n.currency,
      invoiceCurrency: n.invoice_currency,
      totalCents: total,
      refundedCents: done,
      refundableCents: take,
      receiptIds: receipts.filter((r) => paidBy.has(r.paymentId)).map((r) => r.id),
    };
  });
  const advances = (await repo.paymentsWithAdvanceOf(db, partyId)).map((p) => ({
    paymentId: p.id,
    number: p.number,
    date: String(p.payment_date),
    refundableCents: Number(p.advance_cents),
    accountId: p.account_id,
    method: p.method,
    receiptId: receipts.find((r) => r.paymentId === p.id)?.id ?? null,
  }));
  return {
    partyId,
    creditNotes: creditNotes.filter((n) => n.refundableCents > 0),
    advances,
    receipts,
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
 * refund_exceeds_advance, refund_needs_fiscal_storno, cash_desk_negative, period_closed; with a storno (FIS-02,
 * ADR 0040): 400 storno_not_with_bank, unknown_sale_receipt; 409 storno_receipt_not_payment,
 * storno_receipt_other_customer, receipt_not_issued, storno_currency_differs, storno_exceeds_receipt (field
 * storno.receiptId), fiscal_device_required. The storno is printed after the commit.
 */
export async function createRefund(db: Db, actor: Actor, body: CreateRefundBody): Promise<Refund> {
  const lines = body.allocations.map((a, i) => ({ ...a, field: `allocations.${i}` }));
  for (const l of lines)
    if ((l.creditNoteId === undefined) === (l.paymentId === undefined))
      throw fieldError('invalid', 'refund_target_one', l.field);
  if (body.method === 'bank_transfer' && body.storno)
    throw fieldError('invalid', 'storno_not_with_bank', 'storno.receiptId');
  const { id, stornoId } = await db.transaction().execute(async (trx) => {
    const party = await assertCustomerExists(trx, body.partyId, 'partyId');
    await assertPeriodOpen(trx, body.date);
    if (body.method !== 'bank_transfer') {
      // D1 (ADR 0037): with "fiscal device required" and no device, no cash or card money moves.
      await assertFiscalSaleAllowed(trx, await isFiscalDeviceRequired(trx));
      if (!body.storno && !body.stornoReceipt) {
        const device = await getFiscalDeviceSettings(trx);
        if (device.kind !== 'none')
          throw fieldError('conflict', 'refund_needs_fiscal_storno', 'stornoReceipt');
      }
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
    const settledOf = new Map<string, { settled: number; rounding: number }>();
    for (const l of lines) {
      if (!l.creditNoteId) continue;
      const n = notes.get(l.creditNoteId) as repo.InvoiceHead;
      const inv = invoices.get(n.related_invoice_id as string);
      // A note in EUR, in its invoice's currency or (EUR-06) on a 2025 BGN invoice.
      if (n.currency !== 'EUR' || !inv || (inv.currency !== 'EUR' && inv.currency !== 'BGN'))
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
      const rule = owedInEur(inv.currency, groupLeft);
      if (l.amountCents > rule.offer)
        throw fieldError('conflict', 'refund_exceeds_owed', `${l.field}.amountCents`, {
          invoice: inv.number,
          owed: eur(rule.offer),
        });
      const settled = rule.settles(l.amountCents);
      if (inv.currency !== 'EUR')
        settledOf.set(l.field, { settled, rounding: settled - Number(eurToBgn(l.amountCents)) });
      noteLeft.set(n.id, left - l.amountCents);
      owed.set(inv.id, groupLeft - settled);
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
        settled_cents: settledOf.get(l.field)?.settled ?? null,
        rounding_cents: settledOf.get(l.field)?.rounding ?? null,
      })),
    );
    // FIS-02 (ADR 0040): the payment's receipt stornoed by the money going back, in this transaction.
    const stornoId =
      body.storno && body.method !== 'bank_transfer'
        ? await paymentReceiptStornoIn(trx, actor, {
            receiptId: body.storno.receiptId,
            refundId,
            refundNumber: movement.number,
            reason: body.storno.reason,
            method: body.method,
            amountCents: amount,
            currency: 'EUR',
            partyId: body.partyId,
            field: 'storno.receiptId',
          })
        : null;
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
          // EUR-06: what it paid back of a BGN invoice's owed amount, in BGN, and the rounding booked.
          ...(settledOf.has(l.field)
            ? {
                settledCents: settledOf.get(l.field)?.settled,
                roundingCents: settledOf.get(l.field)?.rounding,
              }
            : {}),
        })),
        ...(body.stornoReceipt ? { stornoReceipt: body.stornoReceipt.receiptNumber } : {}),
        ...(body.storno ? { storno: { receiptId: body.storno.receiptId, reason: body.storno.reason } } : {}),
      },
    });
    return { id: refundId, stornoId };
  });
  // Printed after the commit, as a payment's receipt: a device error leaves it to "print again".
  if (stornoId) await printStorno(db, actor, stornoId);
  return getRefund(db, id);
}

/** Undoes a refund: its movement is reversed (the money back into the account) and the refund marked, audited. */
export async function undoRefund(db: Db, actor: Actor, id: string, body: UndoRefundBody): Promise<Refund> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.lockRefund(trx, id);
    if (!row) throw notFound('customer_refund');
    if (row.undone_at) throw new DomainError('conflict', 'refund_already_undone', {});
    // A storno on the fiscal device cannot be taken back (ADR 0040): only one recorded with no device may go.
    if ((await stornosOfRefunds(trx, [id])).some((x) => x.fiscalStatus !== 'no_device'))
      throw new DomainError('conflict', 'refund_storno_printed', {});
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
