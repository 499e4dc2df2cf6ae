/**
 * Invoices (issue 13, first slice; ADR 16): drafted by hand or built in one step from a finished service order's
 * lines that the customer pays; issued through the shared document lifecycle (ADR 8), which takes the 10-digit
 * number inside the issuing transaction (ADR 3); cancelled (анулирана) with a reason, keeping the number. Both
 * parties' requisites are copied onto the invoice as they stand on the day it is issued; an issued invoice never
 * changes (409 invoice_not_draft).
 */
import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import {
  assertPeriodOpen,
  type DocumentKind,
  lockDocument,
  lockDraft,
  postDraft,
  refusalDetails,
} from '../../db/document-lifecycle';
import { nowIso } from '../../db/sql';
import { type Actor, SYSTEM_ACTOR } from '../../kernel/actor';
import { calendarDateOf, todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { bgnToEur, convertCents, eurToBgn } from '../../kernel/eur';
import { newId } from '../../kernel/ids';
import { assertTransition } from '../../kernel/lifecycle';
import type { PageOf } from '../../kernel/list-query';
import { cents, toDecimalString } from '../../kernel/money';
import { toSearchText } from '../../kernel/search-text';
import { printedAddress, printedIban } from '../../pdf';
import { type AuditAction, type AuditChange, type AuditEntity, recordAudit } from '../audit';
import { findUserSummary } from '../auth';
import {
  type CompanySettings,
  getCompanySettings,
  getEuroDisplay,
  getLockDate,
  vatRatesOn,
} from '../company';
import { enqueueJob, registerJobHandler } from '../jobs';
import { takeNumber } from '../numbering';
import {
  clearOrderBilled,
  linesToBill,
  lockBillableOrder,
  lockedOrder,
  markOrderBilled,
  type OrderLine,
} from '../orders';
import { assertCustomerExists, getPartyRequisites, type PartyRequisites } from '../parties';
import { API_STATUS, INVOICE_LIFECYCLE } from './sales.lifecycle';
import * as repo from './sales.repository';
import {
  checkLines,
  currencyOf,
  invoiceVat,
  issuedLate,
  lineBase,
  type RuleLine,
  vatRegisteredOn,
} from './sales.rules';
import {
  type AdvanceInvoiceBody,
  type CancelInvoiceBody,
  type CreateInvoiceBody,
  type CreateNoteBody,
  type DocumentParties,
  type DocumentRef,
  type FromOrderBody,
  type InvoiceDetail,
  type InvoiceFilter,
  type InvoiceLineInput,
  type InvoiceListItem,
  type InvoiceListQuery,
  NOT_REGISTERED_REASON,
  type PatchInvoiceBody,
  type PaymentState,
} from './sales.schema';
import type { InvoiceCurrency, SalesInvoiceLineTable, SalesInvoiceTable } from './sales.table';

/** The invoice as a kind of numbered document (ADR 8): numbered in the invoice series at issue. */
export const INVOICE_KIND: DocumentKind<repo.InvoiceRow> = {
  table: 'sales_invoice',
  entity: 'sales_invoice' satisfies AuditEntity,
  actions: {
    post: 'sales_invoice.post',
    reverse: 'sales_invoice.cancel',
  } satisfies Record<string, AuditAction>,
  lifecycle: INVOICE_LIFECYCLE,
  takeNumber: async (trx, draft) => {
    const taken = await takeNumber(trx, 'invoice', draft.series_id ?? undefined);
    // Under the counter's lock (taken above): a later number never carries an earlier date (ADR 16, ADR 21).
    const previous = await repo.lastNumberedInSeries(trx, taken.seriesId);
    if (previous?.number && draft.document_date < previous.document_date)
      throw new DomainError('conflict', 'invoice_date_before_previous', {
        field: 'documentDate',
        params: { previousNumber: previous.number, previousDate: previous.document_date },
        extra: { previousNumber: previous.number, previousDate: previous.document_date },
      });
    return taken;
  },
  audit: (trx, actor, changes) => recordAudit(trx, actor, changes as AuditChange[]),
  lockDate: getLockDate,
};

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

// ---------------------------------------------------------------- reads

/** What the payments module tells of issued invoices (ADR 0020): their state, paid and open amounts. */
export interface Settlement {
  paymentState: PaymentState | null;
  paidCents: number | null;
  openCents: number | null;
}
export type SettlementReader = (
  db: Executor,
  invoices: { id: string; status: string; totalCents: number; dueDate: string | null }[],
) => Promise<Map<string, Settlement>>;
let settlementReader: SettlementReader | null = null;
/** The payments module registers how it reads invoices' settlements (sales does not import it: ADR 9). */
export function registerSettlementReader(reader: SettlementReader): void {
  settlementReader = reader;
}
/** Refuses a cancel (throws) while something still rests on the invoice, e.g. payments allocated to it. */
export type CancelGuard = (trx: Executor, invoiceId: string) => Promise<void>;
const cancelGuards: CancelGuard[] = [];
export function registerCancelGuard(guard: CancelGuard): void {
  if (!cancelGuards.includes(guard)) cancelGuards.push(guard);
}

/** An issued credit note as the hooks see it (EUR-06). */
export interface IssuedCreditNote {
  id: string;
  number: string;
  relatedInvoiceId: string;
  currency: InvoiceCurrency;
  totalCents: number;
  /** It credits all that was left of the invoice: with it the invoice is credited in full. */
  creditsTheRest: boolean;
}
/** Runs in the issuing transaction once a credit note is issued: payments books what it settles (EUR-06, ADR 38). */
export type CreditNoteHook = (trx: Executor, actor: Actor, note: IssuedCreditNote) => Promise<void>;
const creditNoteHooks: CreditNoteHook[] = [];
export function registerCreditNoteHook(hook: CreditNoteHook): void {
  if (!creditNoteHooks.includes(hook)) creditNoteHooks.push(hook);
}

const NO_SETTLEMENT: Settlement = { paymentState: null, paidCents: null, openCents: null };

async function withSettlements<T extends Omit<InvoiceListItem, keyof Settlement>>(
  db: Executor,
  items: T[],
): Promise<(T & Settlement)[]> {
  // A credit note is not paid: it settles its invoice (ADR 20), so it has no payment state of its own.
  const payable = items.filter((i) => i.kind !== 'credit_note');
  const settled = settlementReader
    ? await settlementReader(
        db,
        payable.map((i) => ({ id: i.id, status: i.status, totalCents: i.totalCents, dueDate: i.dueDate })),
      )
    : new Map<string, Settlement>();
  return items.map((i) => ({ ...i, ...(settled.get(i.id) ?? NO_SETTLEMENT) }));
}

function toListItem(r: repo.InvoiceRow): Omit<InvoiceListItem, keyof Settlement> {
  return {
    id: r.id,
    kind: r.kind,
    relatedInvoiceId: r.related_invoice_id,
    number: r.number,
    status: API_STATUS[r.status],
    documentDate: r.document_date,
    taxEventDate: r.tax_event_date,
    currency: r.currency,
    partyId: r.party_id,
    recipientName: r.recipient_name,
    orderId: r.order_id,
    orderNumber: r.order_number ?? null,
    paymentMethod: r.payment_method,
    dueDate: r.due_date,
    netCents: Number(r.net_cents),
    vatCents: Number(r.vat_cents),
    totalCents: Number(r.total_cents),
    issuedAt: r.posted_at,
    cancelledAt: r.cancelled_at,
    advance: Boolean(r.advance),
  };
}

/** A line as the rules read it: a deduction of an advance (INV-06) counts with a negative price. */
function ruleLineOf(l: repo.InvoiceLineRow): RuleLine {
  return {
    quantityMilli: Number(l.quantity_milli),
    unitPriceCents: l.deducts_invoice_id ? -Number(l.unit_price_cents) : Number(l.unit_price_cents),
    discountBp: l.discount_bp,
    vatRateBp: l.vat_rate_bp,
    vatExempt: Boolean(l.vat_exempt),
    vatReason: l.vat_reason,
  };
}

function toRef(r: NonNullable<Awaited<ReturnType<typeof repo.findRef>>>): DocumentRef {
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    status: API_STATUS[r.status],
    documentDate: r.document_date,
    currency: r.currency,
    totalCents: Number(r.total_cents),
  };
}

async function refOf(db: Executor, id: string): Promise<DocumentRef | null> {
  const r = await repo.findRef(db, id);
  return r ? toRef(r) : null;
}

async function proformaRefOf(db: Executor, id: string): Promise<InvoiceDetail['proforma']> {
  const r = await db
    .selectFrom('sales_proforma')
    .select(['id', 'number', 'document_date'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { id: r.id, number: r.number ?? '', documentDate: r.document_date } : null;
}

/**
 * The totals in the other currency, for information only (EUR-03, off by default): each total converted by EUR-01,
 * VAT as total − base so that the printed base + VAT = total still holds.
 */
export function informativeTotalsOf(row: {
  currency: InvoiceCurrency;
  net_cents: number;
  total_cents: number;
}): InvoiceDetail['informativeTotals'] {
  const netCents = Number(convertCents(Number(row.net_cents), row.currency));
  const totalCents = Number(convertCents(Number(row.total_cents), row.currency));
  return {
    currency: row.currency === 'BGN' ? 'EUR' : 'BGN',
    netCents,
    vatCents: totalCents - netCents,
    totalCents,
  };
}

/** The invoice page: its requisites as copied, lines, VAT per rate, totals, the late-issue warning. */
export async function getInvoice(db: Executor, id: string): Promise<InvoiceDetail> {
  const row = await repo.findInvoice(db, id);
  if (!row) throw notFound('sales_invoice');
  const lines = await repo.linesOf(db, id);
  const vatRegistered = Boolean(row.supplier_vat_registered);
  const vat = invoiceVat(lines.map(ruleLineOf), vatRegistered);
  const [head] = await withSettlements(db, [toListItem(row)]);
  return {
    ...(head as InvoiceListItem),
    ...requisitesOfRow(row),
    noVatReason: row.no_vat_reason,
    withoutPersonalId:
      Boolean(row.recipient_id_waived) && !row.recipient_egn && row.recipient_kind === 'person',
    informativeTotals: (await getEuroDisplay(db)).invoiceOtherCurrency ? informativeTotalsOf(row) : null,
    receivedBy: row.received_by,
    issuedByName: row.issued_by_name,
    notes: row.notes,
    cancelReason: row.cancel_reason,
    noteReason: row.note_reason,
    relatedInvoice: row.related_invoice_id ? await refOf(db, row.related_invoice_id) : null,
    correctingNotes: row.kind === 'invoice' ? (await repo.notesOf(db, id)).map(toRef) : [],
    replacedBy: row.replaced_by_id ? await refOf(db, row.replaced_by_id) : null,
    proforma: row.proforma_id ? await proformaRefOf(db, row.proforma_id) : null,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      description: l.description,
      quantityMilli: Number(l.quantity_milli),
      unit: l.unit,
      unitPriceCents: l.deducts_invoice_id ? -Number(l.unit_price_cents) : Number(l.unit_price_cents),
      discountBp: l.discount_bp,
      netCents: Number(l.net_cents),
      vatRateBp: l.vat_rate_bp,
      vatExempt: Boolean(l.vat_exempt),
      vatReason: l.vat_reason,
      vatRateKind: l.vat_rate_kind ?? null,
      orderLineId: l.order_line_id,
      deductsInvoiceId: l.deducts_invoice_id,
    })),
    vatByRate: vat.byRate.map((r) => ({
      vatRateBp: r.vatRateBp,
      vatExempt: r.vatExempt,
      baseCents: r.baseCents,
      vatCents: r.vatCents,
    })),
    editable: row.status === 'draft',
    warnings: issuedLate(row.tax_event_date, row.document_date) ? ['issued_late'] : [],
    pdfSha256: row.status === 'draft' ? null : await repo.findRenderingHash(db, id),
    updatedAt: row.updated_at,
  };
}

export async function listInvoices(db: Executor, q: InvoiceListQuery): Promise<PageOf<InvoiceListItem>> {
  const page = await repo.listInvoices(db, q);
  return { ...page, items: await withSettlements(db, page.items.map(toListItem)) };
}

/** Every invoice the filter matches, for the CSV export. */
export async function exportInvoices(db: Executor, q: InvoiceFilter): Promise<InvoiceListItem[]> {
  return withSettlements(db, (await repo.allInvoices(db, q)).map(toListItem));
}

// ---------------------------------------------------------------- requisites

type Requisites = { supplier_vat_registered: boolean } & Pick<
  SalesInvoiceTable,
  | 'supplier_name'
  | 'supplier_uic'
  | 'supplier_vat_number'
  | 'supplier_address'
  | 'supplier_mol'
  | 'supplier_bank'
  | 'recipient_name'
  | 'recipient_kind'
  | 'recipient_uic'
  | 'recipient_vat_number'
  | 'recipient_egn'
  | 'recipient_address'
  | 'recipient_mol'
>;

/** Both parties' requisites as they stand on `date` (INV-03): the company's settings and the customer party. */
export function requisitesOf(company: CompanySettings, party: PartyRequisites, date: string): Requisites {
  const registered = vatRegisteredOn(company, date);
  const account = company.bankAccounts.find((a) => a.isDefault) ?? company.bankAccounts[0];
  const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    supplier_name: company.legalName,
    supplier_uic: blank(company.uic),
    supplier_vat_number: registered ? blank(company.vatNumber) : null,
    supplier_address: blank(printedAddress(company)),
    supplier_mol: blank(company.mol),
    supplier_bank: account
      ? [printedIban(account.iban), account.bic, account.bankName].filter(Boolean).join(', ')
      : null,
    supplier_vat_registered: registered,
    recipient_name: party.name,
    recipient_kind: party.kind,
    recipient_uic: blank(party.uic),
    recipient_vat_number: blank(party.vatNumber),
    recipient_egn: blank(party.egn),
    recipient_address: blank(printedAddress(party)),
    recipient_mol: blank(party.mol),
  };
}

/** The requisites a document (an invoice, a proforma) carries as copied, as the API shows them. */
export function requisitesOfRow(
  row: Omit<Requisites, 'supplier_vat_registered'> & {
    supplier_bank: string | null;
    supplier_vat_registered: boolean | number;
  },
): DocumentParties {
  return {
    supplier: {
      name: row.supplier_name,
      uic: row.supplier_uic,
      vatNumber: row.supplier_vat_number,
      egn: null,
      address: row.supplier_address,
      mol: row.supplier_mol,
      bank: row.supplier_bank,
      vatRegistered: Boolean(row.supplier_vat_registered),
    },
    recipient: {
      kind: row.recipient_kind,
      name: row.recipient_name,
      uic: row.recipient_uic,
      vatNumber: row.recipient_vat_number,
      egn: row.recipient_egn,
      address: row.recipient_address,
      mol: row.recipient_mol,
    },
  };
}

/**
 * Every requisite INV-03 asks for is there: 400 invoice_requisite_missing naming the missing one. A natural person
 * is identified by ЕГН/ЛНЧ (INV-16): without one, 400 personal_id_required (field recipient.egn) unless the issuer
 * confirmed issuing without it (`withoutPersonalId`).
 */
export function checkRequisites(r: Requisites, withoutPersonalId = false): void {
  const missing = (field: string) => bad('invoice_requisite_missing', field);
  if (!r.supplier_uic) throw missing('supplier.uic');
  if (!r.supplier_address) throw missing('supplier.address');
  if (r.supplier_vat_registered && !r.supplier_vat_number) throw missing('supplier.vatNumber');
  if (!r.recipient_address) throw missing('recipient.address');
  if (r.recipient_uic || r.recipient_vat_number || r.recipient_egn) return;
  if (r.recipient_kind !== 'person') throw missing('recipient.id');
  if (!withoutPersonalId) throw bad('personal_id_required', 'recipient.egn', { name: r.recipient_name });
}

// ---------------------------------------------------------------- drafts

export interface DraftInput {
  partyId: string;
  orderId?: string | null;
  documentDate?: string | undefined;
  taxEventDate?: string | undefined;
  currency?: 'BGN' | 'EUR' | undefined;
  paymentMethod: 'cash' | 'card' | 'bank_transfer';
  dueDate?: string | null | undefined;
  receivedBy?: string | null | undefined;
  noVatReason?: string | null | undefined;
  notes?: string | null | undefined;
  seriesId?: string | undefined;
  lines: (InvoiceLineInput & { orderLineId?: string | null; deductsInvoiceId?: string | null })[];
  /** An advance invoice (INV-06). */
  advance?: boolean;
  /** A note: its kind, the invoice it corrects, its reason and words it is also found by. */
  note?: { kind: 'credit_note' | 'debit_note'; relatedInvoiceId: string; reason: string; searchText: string };
  /** The proforma it is converted from (INV-13), cited on the invoice. */
  proformaId?: string;
  /** Issued to a natural person without ЕГН/ЛНЧ on the issuer's confirmation (INV-16). */
  withoutPersonalId?: boolean | undefined;
}

function lineRows(
  invoiceId: string,
  lines: DraftInput['lines'],
  now: string,
): Insertable<SalesInvoiceLineTable>[] {
  return lines.map((l, i) => ({
    id: newId(),
    invoice_id: invoiceId,
    position: i + 1,
    description: l.description,
    quantity_milli: l.quantityMilli,
    unit: l.unit,
    // A deduction line (INV-06) keeps its price positive; its base is negative.
    unit_price_cents: Math.abs(l.unitPriceCents),
    discount_bp: l.discountBp,
    net_cents: lineBase(l),
    vat_rate_bp: l.vatRateBp,
    vat_exempt: l.vatExempt,
    vat_reason: l.vatReason ?? null,
    vat_rate_kind: l.vatRateKind ?? null,
    order_line_id: l.orderLineId ?? null,
    deducts_invoice_id: l.deductsInvoiceId ?? null,
    created_at: now,
  }));
}

/** The due date is not before the issue date (400 due_before_issue). */
function checkDates(documentDate: string, dueDate: string | null | undefined): void {
  if (dueDate && dueDate < documentDate) throw bad('due_before_issue', 'dueDate');
}

/**
 * INV-08: a line naming a kind of rate takes the kind's rate valid on the tax event date (the company's dated rate
 * table), exempt for the exempt kind, and the kind's ground unless the line gives one; a line with its rate given is
 * left as it is. 400 vat_rate_unknown when the table has no rate of the kind on that day.
 */
export async function withDatedRates<L extends InvoiceLineInput>(
  trx: Executor,
  lines: L[],
  taxEventDate: string,
): Promise<L[]> {
  if (!lines.some((l) => l.vatRateKind)) return lines;
  const rates = await vatRatesOn(trx, taxEventDate);
  return lines.map((l, i) => {
    if (!l.vatRateKind) return l;
    const rate = rates.get(l.vatRateKind);
    if (!rate) throw bad('vat_rate_unknown', `lines.${i}.vatRateKind`, { line: i + 1, kind: l.vatRateKind });
    const zero = rate.vatExempt || rate.rateBp === 0;
    return {
      ...l,
      vatRateBp: rate.rateBp,
      vatExempt: rate.vatExempt,
      vatReason: zero ? l.vatReason?.trim() || rate.vatReason : (l.vatReason ?? null),
    };
  });
}

/** Writes a new draft (header and lines) after checking what a draft must already be; returns its id. */
export async function insertDraft(trx: Executor, actor: Actor, input: DraftInput): Promise<string> {
  return (await insertDraftRead(trx, actor, input)).id;
}

/**
 * The company's and the customer's requisites a draft was written with, in the same transaction: issuing it right
 * after (billing an order, an advance) copies the same (nothing in between can change them), without reading them
 * again.
 */
interface ReadRequisites {
  partyId: string;
  company: CompanySettings;
  party: PartyRequisites;
}

/** insertDraft, answering the requisites it read as well. */
async function insertDraftRead(
  trx: Executor,
  actor: Actor,
  input: DraftInput,
): Promise<{ id: string; read: ReadRequisites }> {
  await assertCustomerExists(trx, input.partyId, 'partyId');
  const documentDate = input.documentDate ?? todayDate();
  const taxEventDate = input.taxEventDate ?? documentDate;
  const currency = currencyOf(documentDate, input.currency);
  checkDates(documentDate, input.dueDate);
  const company = await getCompanySettings(trx);
  const party = await getPartyRequisites(trx, input.partyId);
  const requisites = requisitesOf(company, party, documentDate);
  const registered = Boolean(requisites.supplier_vat_registered);
  const lines = await withDatedRates(trx, input.lines, taxEventDate);
  checkLines(lines.map(ruleOfInput), registered);
  const vat = invoiceVat(lines.map(ruleOfInput), registered);
  const id = newId();
  const now = nowIso();
  await repo.insertInvoice(trx, {
    id,
    kind: input.note?.kind ?? 'invoice',
    related_invoice_id: input.note?.relatedInvoiceId ?? null,
    note_reason: input.note?.reason ?? null,
    replaced_by_id: null,
    proforma_id: input.proformaId ?? null,
    advance: input.advance ?? false,
    status: 'draft',
    series_id: input.seriesId ?? null,
    number: null,
    document_date: documentDate,
    tax_event_date: taxEventDate,
    currency,
    party_id: input.partyId,
    order_id: input.orderId ?? null,
    ...requisites,
    no_vat_reason: input.noVatReason ?? null,
    recipient_id_waived: input.withoutPersonalId ?? false,
    payment_method: input.paymentMethod,
    due_date: input.dueDate ?? null,
    received_by: input.receivedBy ?? null,
    issued_by_name: null,
    notes: input.notes ?? null,
    net_cents: vat.totalBaseCents,
    vat_cents: vat.totalVatCents,
    total_cents: vat.totalCents,
    cancel_reason: null,
    cancelled_at: null,
    cancelled_by: null,
    reversal_of_id: null,
    reversed_by_id: null,
    posted_at: null,
    posted_by: null,
    created_by: actor.userId,
    search_text: toSearchText(party.name, party.uic, party.vatNumber, input.note?.searchText),
    created_at: now,
    updated_at: now,
  });
  await repo.insertLines(trx, lineRows(id, lines, now));
  await recordAudit(trx, actor, {
    action: 'sales_invoice.create',
    entity: 'sales_invoice',
    entityId: id,
    after: { partyId: input.partyId, orderId: input.orderId ?? null, lines: input.lines.length },
  });
  return { id, read: { partyId: input.partyId, company, party } };
}

function ruleOfInput(l: InvoiceLineInput): RuleLine {
  return l;
}

/** A new draft invoice for a customer: at least one line, currency fixed by its date, grounds on 0 % lines. */
export async function createInvoice(db: Db, actor: Actor, body: CreateInvoiceBody): Promise<InvoiceDetail> {
  const id = await db.transaction().execute(async (trx) => {
    const { deductAdvances, ...rest } = body;
    const currency = currencyOf(body.documentDate ?? todayDate(), body.currency);
    const deductions = await deductionLines(trx, body.partyId, currency, deductAdvances);
    return insertDraft(trx, actor, { ...rest, lines: [...body.lines, ...deductions] });
  });
  return getInvoice(db, id);
}

// ---------------------------------------------------------------- advance invoices (INV-06)

const printedDate = (d: string) => d.split('-').reverse().join('.');

/**
 * The deduction lines of a final invoice: for each advance invoice, one line „Приспадане на аванс по фактура № … от
 * …“ of the base taken off (negative), at the advance's VAT rate. The advance is an issued advance invoice of the
 * same customer and currency (409 advance_not_deductible); how much is left of it is checked at issue, under its
 * row lock (checkDeductions).
 */
async function deductionLines(
  trx: Executor,
  partyId: string,
  currency: InvoiceCurrency,
  deductions: { invoiceId: string; netCents: number }[] | undefined,
): Promise<DraftInput['lines']> {
  const lines: DraftInput['lines'] = [];
  for (const [i, d] of (deductions ?? []).entries()) {
    const adv = await repo.findInvoice(trx, d.invoiceId);
    if (!adv) throw bad('unknown_invoice', `deductAdvances.${i}.invoiceId`);
    if (
      !adv.advance ||
      adv.status !== 'posted' ||
      adv.party_id !== partyId ||
      adv.currency !== currency ||
      lines.some((l) => l.deductsInvoiceId === adv.id)
    )
      throw new DomainError('conflict', 'advance_not_deductible', {
        field: `deductAdvances.${i}.invoiceId`,
        params: { number: adv.number ?? '' },
      });
    const [first] = await repo.linesOf(trx, adv.id);
    lines.push({
      description: `Приспадане на аванс по фактура № ${adv.number} от ${printedDate(adv.document_date)}`,
      quantityMilli: 1000,
      unit: 'бр.',
      unitPriceCents: -d.netCents,
      discountBp: 0,
      vatRateBp: first?.vat_rate_bp ?? 0,
      vatExempt: Boolean(first?.vat_exempt),
      vatReason: first?.vat_reason ?? null,
      deductsInvoiceId: adv.id,
    });
  }
  return lines;
}

/**
 * At issue, under each deducted advance's row lock: its base not yet deducted by other issued invoices covers this
 * deduction (409 advance_exceeds_left, naming what is left), and the final invoice does not go below zero (409
 * deduction_exceeds_invoice). A cancelled final invoice frees what it deducted.
 */
async function checkDeductions(
  trx: Executor,
  draft: repo.InvoiceRow,
  lines: repo.InvoiceLineRow[],
  total: number,
): Promise<void> {
  const deducted = lines.filter((l) => l.deducts_invoice_id);
  if (!deducted.length) return;
  if (total < 0) throw conflict('deduction_exceeds_invoice', {});
  const ids = [...new Set(deducted.map((l) => l.deducts_invoice_id as string))].sort();
  for (const advId of ids) {
    const adv = await lockDocument(trx, INVOICE_KIND, advId);
    if (!adv.advance || adv.status !== 'posted' || adv.party_id !== draft.party_id)
      throw conflict('advance_not_deductible', { number: adv.number ?? '' });
    const before = await repo.deductedFrom(trx, advId, draft.id);
    const now = deducted
      .filter((l) => l.deducts_invoice_id === advId)
      .reduce((sum, l) => sum - Number(l.net_cents), 0);
    const left = Number(adv.net_cents) - before;
    if (now > left)
      throw new DomainError('conflict', 'advance_exceeds_left', {
        field: 'deductAdvances',
        params: {
          number: adv.number ?? '',
          left: toDecimalString(cents(Math.max(0, left))),
          currency: adv.currency,
        },
        extra: { leftCents: Math.max(0, left) },
      });
  }
}

/**
 * An advance invoice (авансова фактура, INV-06): one line „Аванс по …“ with the base received and its VAT, issued at
 * once with the next invoice number; the tax event is the day the advance was received.
 */
export async function createAdvanceInvoice(
  db: Db,
  actor: Actor,
  body: AdvanceInvoiceBody,
): Promise<InvoiceDetail> {
  const id = await db.transaction().execute(async (trx) => {
    let what = body.description;
    if (!what && body.orderId) {
      const order = await lockedOrder(trx, body.orderId);
      if (order.party_id !== body.partyId) throw bad('order_other_customer', 'orderId');
      what = `сервизна поръчка № ${order.number}`;
    }
    const invoiceId = await insertDraft(trx, actor, {
      partyId: body.partyId,
      orderId: body.orderId ?? null,
      documentDate: body.documentDate,
      taxEventDate: body.taxEventDate,
      paymentMethod: body.paymentMethod,
      receivedBy: body.receivedBy,
      withoutPersonalId: body.withoutPersonalId,
      advance: true,
      lines: [
        {
          description: `Аванс по ${what ?? 'договор'}`,
          quantityMilli: 1000,
          unit: 'бр.',
          unitPriceCents: body.netCents,
          discountBp: 0,
          vatRateBp: body.vatRateBp,
          vatExempt: false,
          vatReason: body.vatReason ?? null,
        },
      ],
    });
    await issueTx(trx, actor, invoiceId);
    await keepRendering(trx, invoiceId);
    return invoiceId;
  });
  return getInvoice(db, id);
}

/** Changes a draft; an issued or cancelled invoice never changes (409 invoice_not_draft). */
export async function patchInvoice(
  db: Db,
  actor: Actor,
  id: string,
  body: PatchInvoiceBody,
): Promise<InvoiceDetail> {
  await db.transaction().execute(async (trx) => {
    const draft = await lockDraft(trx, INVOICE_KIND, id);
    const current = (await repo.linesOf(trx, id)).map((l) => ({
      description: l.description,
      quantityMilli: Number(l.quantity_milli),
      unit: l.unit,
      // A deduction (INV-06) is stored with its price positive; as input its price is negative, as inputOf reads it.
      unitPriceCents: l.deducts_invoice_id ? -Number(l.unit_price_cents) : Number(l.unit_price_cents),
      discountBp: l.discount_bp,
      vatRateBp: l.vat_rate_bp,
      vatExempt: Boolean(l.vat_exempt),
      vatReason: l.vat_reason,
      vatRateKind: l.vat_rate_kind ?? null,
      orderLineId: l.order_line_id,
      deductsInvoiceId: l.deducts_invoice_id,
    }));
    const partyId = body.partyId ?? draft.party_id;
    if (body.partyId !== undefined) await assertCustomerExists(trx, partyId, 'partyId');
    const documentDate = body.documentDate ?? draft.document_date;
    const taxEventDate = body.taxEventDate ?? draft.tax_event_date;
    // A new date fixes a new currency unless one is asked for (EUR-04).
    const currency = currencyOf(documentDate, body.currency);
    const dueDate = body.dueDate === undefined ? draft.due_date : body.dueDate;
    checkDates(documentDate, dueDate);
    const company = await getCompanySettings(trx);
    const party = await getPartyRequisites(trx, partyId);
    const requisites = requisitesOf(company, party, documentDate);
    const registered = Boolean(requisites.supplier_vat_registered);
    // INV-08: lines naming a kind take its rate on the (new) tax event date.
    const lines = await withDatedRates(trx, body.lines ?? current, taxEventDate);
    const rewrite = body.lines !== undefined || lines.some((l) => l.vatRateKind);
    checkLines(lines, registered);
    const vat = invoiceVat(lines, registered);
    const now = nowIso();
    await repo.updateInvoice(trx, id, {
      party_id: partyId,
      document_date: documentDate,
      tax_event_date: taxEventDate,
      currency,
      ...requisites,
      ...(body.paymentMethod !== undefined ? { payment_method: body.paymentMethod } : {}),
      due_date: dueDate,
      ...(body.receivedBy !== undefined ? { received_by: body.receivedBy } : {}),
      ...(body.noVatReason !== undefined ? { no_vat_reason: body.noVatReason } : {}),
      ...(body.withoutPersonalId !== undefined ? { recipient_id_waived: body.withoutPersonalId } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      ...(body.seriesId !== undefined ? { series_id: body.seriesId } : {}),
      net_cents: vat.totalBaseCents,
      vat_cents: vat.totalVatCents,
      total_cents: vat.totalCents,
      search_text: toSearchText(party.name, party.uic, party.vatNumber),
      updated_at: now,
    });
    if (rewrite) await repo.replaceLines(trx, id, lineRows(id, lines, now));
    await recordAudit(trx, actor, {
      action: 'sales_invoice.update',
      entity: 'sales_invoice',
      entityId: id,
      after: { fields: Object.keys(body) },
    });
  });
  return getInvoice(db, id);
}

/** Deletes a draft; an issued invoice is never deleted (409 invoice_not_draft). */
export async function deleteInvoice(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const draft = await lockDraft(trx, INVOICE_KIND, id);
    if ((await repo.deleteDraft(trx, id)) !== 1)
      throw new DomainError('conflict', 'invoice_not_draft', refusalDetails(draft)('invoice_not_draft'));
    await recordAudit(trx, actor, { action: 'sales_invoice.delete', entity: 'sales_invoice', entityId: id });
  });
}

// ---------------------------------------------------------------- issue

/**
 * Issues a draft in the caller's transaction: the requisites copied again as they stand on the issue date and
 * checked (INV-03), lines and grounds checked, the currency of the date (EUR-04), then the number taken last, in
 * the same transaction (ADR 3, ADR 8): a refused issue takes none, a rolled-back one gives it back.
 */
export async function issueTx(
  trx: Executor,
  actor: Actor,
  id: string,
  /** The requisites the draft was written with in this same transaction (insertDraftRead), not read again. */
  read?: ReadRequisites,
): Promise<string> {
  let credit: Omit<IssuedCreditNote, 'number'> | null = null;
  const { number } = await postDraft(trx, INVOICE_KIND, actor, id, async (draft) => {
    const today = todayDate();
    if (draft.document_date > today) throw bad('date_in_future', 'documentDate', { today });
    currencyOf(draft.document_date, draft.currency);
    const known = read?.partyId === draft.party_id ? read : null;
    const company = known?.company ?? (await getCompanySettings(trx));
    const party = known?.party ?? (await getPartyRequisites(trx, draft.party_id));
    const requisites = requisitesOf(company, party, draft.document_date);
    const withoutPersonalId = Boolean(draft.recipient_id_waived) && !requisites.recipient_egn;
    checkRequisites(requisites, withoutPersonalId);
    const registered = Boolean(requisites.supplier_vat_registered);
    // INV-08: a line naming a kind takes the kind's rate valid on the tax event date, as it stands at issue.
    const stored = await repo.linesOf(trx, id);
    const dated = await withDatedRates(trx, stored.map(inputOf), draft.tax_event_date);
    let changed = false;
    for (const [i, l] of dated.entries()) {
      const row = stored[i];
      if (
        row &&
        (row.vat_rate_bp !== l.vatRateBp ||
          Boolean(row.vat_exempt) !== l.vatExempt ||
          row.vat_reason !== (l.vatReason ?? null))
      ) {
        await repo.updateLineVat(trx, row.id, {
          vat_rate_bp: l.vatRateBp,
          vat_exempt: l.vatExempt,
          vat_reason: l.vatReason ?? null,
        });
        changed = true;
      }
    }
    const lines = dated.map(ruleOfInput);
    checkLines(lines, registered);
    const vat = invoiceVat(lines, registered);
    if (draft.kind !== 'invoice') {
      const left = await checkNote(trx, draft, vat.totalCents);
      if (draft.kind === 'credit_note' && draft.related_invoice_id)
        credit = {
          id,
          relatedInvoiceId: draft.related_invoice_id,
          currency: draft.currency,
          totalCents: vat.totalCents,
          creditsTheRest: left === vat.totalCents,
        };
    } else await checkDeductions(trx, draft, changed ? await repo.linesOf(trx, id) : stored, vat.totalCents);
    const issuer = actor.userId ? await findUserSummary(trx, actor.userId) : null;
    return {
      patch: {
        ...requisites,
        no_vat_reason: registered ? null : (draft.no_vat_reason ?? NOT_REGISTERED_REASON),
        issued_by_name: issuer?.fullName ?? null,
        net_cents: vat.totalBaseCents,
        vat_cents: vat.totalVatCents,
        total_cents: vat.totalCents,
      },
      audit: {
        totalCents: vat.totalCents,
        currency: draft.currency,
        // INV-16: who confirmed issuing to a person without ЕГН/ЛНЧ is the audit entry's actor.
        ...(withoutPersonalId && requisites.recipient_kind === 'person' ? { withoutPersonalId: true } : {}),
      },
    };
  });
  const issued = credit as Omit<IssuedCreditNote, 'number'> | null;
  if (issued) for (const hook of creditNoteHooks) await hook(trx, actor, { ...issued, number });
  return number;
}

/** Issues a draft invoice: it takes the next number of its series and never changes again. */
export async function issueInvoice(db: Db, actor: Actor, id: string): Promise<InvoiceDetail> {
  await db.transaction().execute(async (trx) => {
    await issueTx(trx, actor, id);
    await keepRendering(trx, id);
  });
  return getInvoice(db, id);
}

/**
 * An invoice's (or a proforma's) lines of the order lines it bills: the quantity used, each citing its order line,
 * naming the line's kind of VAT rate (ADR 0042) so the document takes the kind's rate on its own date.
 */
export function invoiceLinesOf(lines: OrderLine[]): DraftInput['lines'] {
  return lines.map((l) => ({
    description: l.description,
    quantityMilli: l.usedQuantityMilli ?? l.quantityMilli,
    unit: l.unit,
    unitPriceCents: l.unitPriceCents,
    discountBp: l.discountBp,
    vatRateBp: l.vatRateBp,
    vatExempt: false,
    vatReason: l.vatReason,
    // ADR 0042: the order line's kind; the invoice takes its rate on the tax event date (withDatedRates).
    vatRateKind: l.vatRateKind,
    orderLineId: l.id,
  }));
}

/**
 * Bills a ready or delivered service order in one step: an invoice of the order's lines the customer pays
 * (warranty and contract lines stay off it), issued, and the order marked billed, all in one transaction. A second
 * billing is 409 order_already_billed, also when two arrive at once (the order row is locked, the mark guarded).
 */
export async function invoiceOrder(db: Db, actor: Actor, body: FromOrderBody): Promise<InvoiceDetail> {
  const id = await db.transaction().execute(async (trx) => {
    const order = await lockBillableOrder(trx, body.orderId);
    const lines = await linesToBill(trx, order);
    const documentDate = body.documentDate ?? todayDate();
    // A service's tax event is its completion (INV-07): the day the order was finished.
    const finished = order.finishedAt ? calendarDateOf(new Date(order.finishedAt)) : documentDate;
    const { orderId, deductAdvances, ...options } = body;
    const deductions = await deductionLines(
      trx,
      order.partyId,
      currencyOf(documentDate, body.currency),
      deductAdvances,
    );
    const { id: invoiceId, read } = await insertDraftRead(trx, actor, {
      ...options,
      partyId: order.partyId,
      orderId,
      documentDate,
      taxEventDate: body.taxEventDate ?? [finished, documentDate].sort()[0],
      lines: [...invoiceLinesOf(lines), ...deductions],
    });
    await issueTx(trx, actor, invoiceId, read);
    await markOrderBilled(trx, order.id, invoiceId);
    // The rendering is queued with the invoice, in its transaction: one commit, and never an issued invoice
    // without its rendering queued.
    await keepRendering(trx, invoiceId);
    return invoiceId;
  });
  return getInvoice(db, id);
}

// ---------------------------------------------------------------- credit and debit notes (INV-11)

const conflict = (code: string, params: Record<string, unknown> = {}, field?: string) =>
  new DomainError('conflict', code, { ...(field ? { field } : {}), params });

/** A line of the invoice's currency in the note's: BGN prices converted to EUR by the fixed rate (EUR-01, EUR-06). */
function lineIn<L extends InvoiceLineInput>(l: L, from: InvoiceCurrency, to: InvoiceCurrency): L {
  if (from === to) return l;
  const price = from === 'BGN' ? bgnToEur(l.unitPriceCents) : eurToBgn(l.unitPriceCents);
  return { ...l, unitPriceCents: Number(price) };
}

/**
 * An issued line as input again (a full credit note, a note's limit in another currency): a deduction of an advance
 * (INV-06) keeps its negative price and the advance it deducts, so a full credit of a final invoice credits the
 * deduction too and frees it (repo.deductedFrom).
 */
function inputOf(l: repo.InvoiceLineRow): InvoiceLineInput & { deductsInvoiceId: string | null } {
  return {
    description: l.description,
    quantityMilli: Number(l.quantity_milli),
    unit: l.unit,
    unitPriceCents: l.deducts_invoice_id ? -Number(l.unit_price_cents) : Number(l.unit_price_cents),
    deductsInvoiceId: l.deducts_invoice_id,
    discountBp: l.discount_bp,
    vatRateBp: l.vat_rate_bp,
    vatExempt: Boolean(l.vat_exempt),
    vatReason: l.vat_reason,
    vatRateKind: l.vat_rate_kind ?? null,
  };
}

/**
 * The note's own check when it is issued, under the related invoice's row lock: the invoice is issued and not
 * cancelled (409 note_invoice_not_issued), and for a credit note, all credits ≤ the invoice + its debits, each
 * counted in the note's currency (409 credit_exceeds_invoice with what is left). A BGN invoice counts in EUR as its
 * lines converted, as a full credit converts them, so a full credit fits exactly. Returns what was left to credit
 * (null for a debit note).
 */
async function checkNote(trx: Executor, note: repo.InvoiceRow, noteTotal: number): Promise<number | null> {
  if (!note.related_invoice_id) throw notFound('sales_invoice');
  const inv = await lockDocument(trx, INVOICE_KIND, note.related_invoice_id);
  if (inv.status !== 'posted' || inv.kind !== 'invoice')
    throw conflict('note_invoice_not_issued', { number: inv.number ?? '' });
  if (note.kind !== 'credit_note') return null;
  const to = note.currency;
  const convert = (c: number, from: InvoiceCurrency) =>
    from === to ? c : Number(from === 'BGN' ? bgnToEur(c) : eurToBgn(c));
  const limit =
    inv.currency === to
      ? Number(inv.total_cents)
      : invoiceVat(
          (await repo.linesOf(trx, inv.id)).map((l) => lineIn(inputOf(l), inv.currency, to)),
          Boolean(inv.supplier_vat_registered),
        ).totalCents;
  let credits = 0;
  let debits = 0;
  for (const n of await repo.issuedNotesOf(trx, inv.id)) {
    if (n.kind === 'credit_note') credits += convert(Number(n.total_cents), n.currency);
    if (n.kind === 'debit_note') debits += convert(Number(n.total_cents), n.currency);
  }
  const left = limit + debits - credits;
  if (noteTotal > left)
    throw new DomainError('conflict', 'credit_exceeds_invoice', {
      params: { number: inv.number ?? '', left: toDecimalString(cents(Math.max(0, left))), currency: to },
      extra: { leftCents: Math.max(0, left), currency: to },
    });
  return left;
}

/**
 * A credit or debit note against an issued invoice (INV-11): the same recipient, the reason, the invoice's number
 * and date cited; either all its lines (`full`, a credit note only) or the chosen lines, given in the invoice's
 * currency. Dated today unless asked; from 2026 in EUR, the BGN prices converted by the fixed rate (EUR-06).
 * Drafted, or issued at once in the same transaction, taking the next number of the invoice series (INV-02).
 */
export async function createNote(
  db: Db,
  actor: Actor,
  invoiceId: string,
  kind: 'credit_note' | 'debit_note',
  body: CreateNoteBody,
): Promise<InvoiceDetail> {
  const id = await db.transaction().execute(async (trx) => {
    const inv = await lockDocument(trx, INVOICE_KIND, invoiceId);
    if (inv.status !== 'posted' || inv.kind !== 'invoice')
      throw conflict('note_invoice_not_issued', { number: inv.number ?? '' });
    const documentDate = body.documentDate ?? todayDate();
    if (documentDate < inv.document_date)
      throw bad('note_before_invoice', 'documentDate', { date: inv.document_date });
    const currency = currencyOf(documentDate);
    if (body.full && kind === 'debit_note') throw bad('note_full_credit_only', 'full');
    // A full credit repeats the invoice's lines with the rates they were issued with.
    const asGiven = body.full
      ? (await repo.linesOf(trx, invoiceId)).map((l) => ({ ...inputOf(l), vatRateKind: null }))
      : (body.lines ?? []);
    if (!asGiven.length) throw bad('invoice_empty', 'lines');
    // INV-08: a note corrects the supply at the invoice's rates: a kind is read on the invoice's tax event date, and
    // the note's lines keep the rate (not the kind), so a rate changed since does not touch it.
    const given = (await withDatedRates(trx, asGiven, inv.tax_event_date)).map((l) => ({
      ...l,
      vatRateKind: null,
    }));
    const noteId = await insertDraft(trx, actor, {
      partyId: inv.party_id,
      documentDate,
      taxEventDate: documentDate,
      paymentMethod: inv.payment_method,
      noVatReason: inv.no_vat_reason,
      // INV-16: a note goes to the invoice's recipient; a person invoiced without ЕГН/ЛНЧ keeps that confirmation.
      withoutPersonalId: Boolean(inv.recipient_id_waived),
      receivedBy: body.receivedBy,
      notes: body.notes,
      lines: given.map((l) => lineIn(l, inv.currency, currency)),
      note: { kind, relatedInvoiceId: inv.id, reason: body.reason, searchText: inv.number ?? '' },
    });
    if (body.issue) {
      await issueTx(trx, actor, noteId);
      await keepRendering(trx, noteId);
    }
    return noteId;
  });
  return getInvoice(db, id);
}

// ---------------------------------------------------------------- cancel

/**
 * Cancels an issued invoice (анулиране, INV-12): it keeps its number and its stored rendering, turns cancelled with
 * the reason, and the order it billed may be billed again. Not in a closed period (409 period_closed).
 */
export async function cancelInvoice(
  db: Db,
  actor: Actor,
  id: string,
  body: CancelInvoiceBody,
): Promise<InvoiceDetail> {
  await db.transaction().execute(async (trx) => {
    const doc = await lockDocument(trx, INVOICE_KIND, id);
    assertTransition(INVOICE_LIFECYCLE, doc.status, 'reversed', refusalDetails(doc));
    // An invoice corrected by an issued note is not cancelled under it: the notes are cancelled first.
    if ((await repo.issuedNotesOf(trx, id)).length)
      throw conflict('invoice_has_notes', { number: doc.number ?? '' });
    if (body.replacedById !== undefined) {
      const replacement = await repo.findRef(trx, body.replacedById);
      if (replacement?.status !== 'posted' || replacement.id === id)
        throw bad('replacement_not_issued', 'replacedById');
    }
    for (const guard of cancelGuards) await guard(trx, id);
    await assertPeriodOpen(trx, INVOICE_KIND, [doc.document_date]);
    const now = nowIso();
    const changed = await repo.markCancelled(trx, id, {
      cancel_reason: body.reason,
      cancelled_at: now,
      cancelled_by: actor.userId,
      replaced_by_id: body.replacedById ?? null,
      updated_at: now,
    });
    if (changed !== 1)
      throw new DomainError(
        'conflict',
        'invoice_already_cancelled',
        refusalDetails(doc)('invoice_already_cancelled'),
      );
    if (doc.order_id) await clearOrderBilled(trx, doc.order_id, id);
    await recordAudit(trx, actor, {
      action: 'sales_invoice.cancel',
      entity: 'sales_invoice',
      entityId: id,
      before: { status: 'issued', number: doc.number },
      after: { status: 'cancelled', reason: body.reason, replacedById: body.replacedById ?? null },
    });
  });
  return getInvoice(db, id);
}

// ---------------------------------------------------------------- the stored rendering (INV-15)

type Renderer = (db: Executor, id: string, language: 'bg' | 'bg_en') => Promise<Buffer>;
let renderer: Renderer | null = null;

/** The PDF layout registers itself here (sales.pdf.ts imports this file, not the other way round). */
export function registerInvoiceRenderer(render: Renderer): void {
  renderer = render;
}

/**
 * The PDF of an invoice: a draft is rendered afresh each time; an issued invoice's rendering is made once, stored
 * unchanged with its SHA-256 (INV-15) and served from the store ever after, cancelled or not.
 */
export async function invoicePdf(
  db: Db,
  id: string,
  language: 'bg' | 'bg_en',
): Promise<{ pdf: Buffer; sha256: string | null; number: string | null; kind: repo.InvoiceRow['kind'] }> {
  const row = await repo.findInvoice(db, id);
  if (!row) throw notFound('sales_invoice');
  if (!renderer) throw new Error('The invoice renderer is not registered');
  if (row.status === 'draft')
    return { pdf: await renderer(db, id, language), sha256: null, number: null, kind: row.kind };
  const stored = (await repo.findRendering(db, id, language)) ?? (await storeRendering(db, id, language));
  return { pdf: Buffer.from(stored.pdf), sha256: stored.sha256, number: row.number, kind: row.kind };
}

let protocolRenderer: Renderer | null = null;

/** The cancellation protocol's layout registers itself here, as the invoice's does. */
export function registerProtocolRenderer(render: Renderer): void {
  protocolRenderer = render;
}

/**
 * The cancellation protocol (INV-12) of a cancelled invoice or note, rendered as it stands (it prints the
 * cancelled row: number, date, parties, reason, the replacing document); anything not cancelled is 409.
 */
export async function cancellationProtocolPdf(
  db: Db,
  id: string,
  language: 'bg' | 'bg_en',
): Promise<{ pdf: Buffer; number: string }> {
  const row = await repo.findInvoice(db, id);
  if (!row) throw notFound('sales_invoice');
  if (row.status !== 'reversed') throw conflict('invoice_not_cancelled', { number: row.number ?? '' });
  if (!protocolRenderer) throw new Error('The protocol renderer is not registered');
  return { pdf: await protocolRenderer(db, id, language), number: row.number ?? '' };
}

async function storeRendering(db: Db, id: string, language: 'bg' | 'bg_en') {
  if (!renderer) throw new Error('The invoice renderer is not registered');
  const pdf = await renderer(db, id, language);
  await repo.insertRendering(db, {
    invoice_id: id,
    language,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    created_at: nowIso(),
  });
  // Two first requests at once: the first stored wins, both serve it.
  const stored = await repo.findRendering(db, id, language);
  if (!stored) throw notFound('sales_invoice');
  return stored;
}

/** The background job that renders and stores an issued document's Bulgarian copy. */
export const RENDERING_JOB = 'sales.rendering';

/**
 * Queues the Bulgarian copy's rendering as the document is issued, in the issuing transaction (one commit; the job
 * is there exactly when the issued document is): the job stores it within a second or so, and its hash is fixed
 * from then on. Drawing a PDF costs more than issuing the invoice, so the request does not wait for it;
 * should the job not have run yet, the first request for the PDF renders and stores it (storeRendering).
 */
export async function keepRendering(db: Executor, id: string): Promise<void> {
  await enqueueJob(db, SYSTEM_ACTOR, { kind: RENDERING_JOB, payload: { invoiceId: id } });
}

registerJobHandler<{ invoiceId: string }>(RENDERING_JOB, async ({ db, payload }) => {
  if (renderer && !(await repo.findRendering(db, payload.invoiceId, 'bg')))
    await storeRendering(db, payload.invoiceId, 'bg');
});
