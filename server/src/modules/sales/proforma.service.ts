/**
 * Proforma invoices (проформа фактура, INV-13; ADR 0025): made by hand or from a service order's lines the customer
 * pays, numbered at once in the `proforma` series (10 digits, gapless: the number is taken in the same transaction),
 * with no tax effect: they live in their own tables, so the VAT journal, the receivables and the customer's
 * balance, which read sales_invoice only, never see them. One action converts a proforma into a real invoice: the
 * invoice is drafted from its lines with the requisites of the day, cites the proforma, and is issued with the next
 * invoice number; the proforma turns `converted` (guarded update: a second conversion is 409).
 */
import type { Insertable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import {
  assertPeriodOpen,
  type DocumentKind,
  lockDocument,
  postDraft,
  refusalDetails,
} from '../../db/document-lifecycle';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { assertTransition, documentLifecycle } from '../../kernel/lifecycle';
import type { PageOf } from '../../kernel/list-query';
import { toSearchText } from '../../kernel/search-text';
import { type AuditAction, type AuditChange, type AuditEntity, recordAudit } from '../audit';
import { findUserSummary } from '../auth';
import { getCompanySettings, getLockDate } from '../company';
import { takeNumber } from '../numbering';
import { linesToBill, lockBillableOrder, lockedOrder, markOrderBilled } from '../orders';
import { assertCustomerExists, getPartyRequisites } from '../parties';
import * as repo from './proforma.repository';
import type {
  CancelProformaBody,
  ConvertProformaBody,
  CreateProformaBody,
  ProformaDetail,
  ProformaFromOrderBody,
  ProformaListItem,
  ProformaListQuery,
} from './proforma.schema';
import { API_STATUS } from './sales.lifecycle';
import * as invoices from './sales.repository';
import { checkLines, currencyOf, invoiceVat, lineBase, type RuleLine } from './sales.rules';
import { type InvoiceLineInput, NOT_REGISTERED_REASON } from './sales.schema';
import {
  insertDraft,
  invoiceLinesOf,
  issueTx,
  keepRendering,
  requisitesOf,
  requisitesOfRow,
  withDatedRates,
} from './sales.service';
import type { SalesProformaLineTable } from './sales.table';

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

/**
 * A proforma's lifecycle: the shared document lifecycle's statuses (ADR 8), read as draft → issued → cancelled;
 * converting it names its invoice and leaves it posted. Drafted and issued in one transaction.
 */
const PROFORMA_LIFECYCLE = documentLifecycle({
  notPosted: 'proforma_cancelled',
  alreadyReversed: 'proforma_cancelled',
});

/** The proforma as a kind of numbered document (ADR 8): numbered last in the proforma series (or the one asked). */
export const PROFORMA_KIND: DocumentKind<repo.ProformaHeaderRow> = {
  table: 'sales_proforma',
  entity: 'sales_proforma' satisfies AuditEntity,
  actions: {
    post: 'sales_proforma.create',
    reverse: 'sales_proforma.cancel',
  } satisfies Record<string, AuditAction>,
  lifecycle: PROFORMA_LIFECYCLE,
  takeNumber: (trx, draft) => takeNumber(trx, 'proforma', draft.series_id ?? undefined),
  audit: (trx, actor, changes) => recordAudit(trx, actor, changes as AuditChange[]),
  lockDate: getLockDate,
};

// ---------------------------------------------------------------- reads

function toListItem(r: repo.ProformaRow): ProformaListItem {
  return {
    id: r.id,
    number: r.number ?? '',
    status: repo.proformaStatusOf(r),
    documentDate: r.document_date,
    currency: r.currency,
    partyId: r.party_id,
    recipientName: r.recipient_name,
    orderId: r.order_id,
    orderNumber: r.order_number ?? null,
    paymentMethod: r.payment_method,
    validUntil: r.valid_until,
    netCents: Number(r.net_cents),
    vatCents: Number(r.vat_cents),
    totalCents: Number(r.total_cents),
    invoiceId: r.invoice_id,
    createdAt: r.created_at,
  };
}

const ruleOf = (l: repo.ProformaLineRow): RuleLine & InvoiceLineInput => ({
  description: l.description,
  quantityMilli: Number(l.quantity_milli),
  unit: l.unit,
  unitPriceCents: Number(l.unit_price_cents),
  discountBp: l.discount_bp,
  vatRateBp: l.vat_rate_bp,
  vatExempt: Boolean(l.vat_exempt),
  vatReason: l.vat_reason,
  // ADR 0042: a line with a kind takes the kind's rate on the invoice's tax event date when converted.
  vatRateKind: l.vat_rate_kind ?? null,
});

export async function getProforma(db: Executor, id: string): Promise<ProformaDetail> {
  const row = await repo.findProforma(db, id);
  if (!row) throw notFound('sales_proforma');
  const lines = await repo.linesOf(db, id);
  const vat = invoiceVat(lines.map(ruleOf), Boolean(row.supplier_vat_registered));
  const inv = row.invoice_id ? await invoices.findRef(db, row.invoice_id) : undefined;
  return {
    ...toListItem(row),
    ...requisitesOfRow(row),
    noVatReason: row.no_vat_reason,
    issuedByName: row.issued_by_name,
    notes: row.notes,
    cancelReason: row.cancel_reason,
    invoice: inv
      ? {
          id: inv.id,
          kind: inv.kind,
          number: inv.number,
          status: API_STATUS[inv.status],
          documentDate: inv.document_date,
          currency: inv.currency,
          totalCents: Number(inv.total_cents),
        }
      : null,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      description: l.description,
      quantityMilli: Number(l.quantity_milli),
      unit: l.unit,
      unitPriceCents: Number(l.unit_price_cents),
      discountBp: l.discount_bp,
      netCents: Number(l.net_cents),
      vatRateBp: l.vat_rate_bp,
      vatExempt: Boolean(l.vat_exempt),
      vatReason: l.vat_reason,
      vatRateKind: l.vat_rate_kind ?? null,
      orderLineId: l.order_line_id,
    })),
    vatByRate: vat.byRate.map((r) => ({
      vatRateBp: r.vatRateBp,
      vatExempt: r.vatExempt,
      baseCents: r.baseCents,
      vatCents: r.vatCents,
    })),
  };
}

export async function listProformas(db: Executor, q: ProformaListQuery): Promise<PageOf<ProformaListItem>> {
  const page = await repo.listProformas(db, q);
  return { ...page, items: page.items.map(toListItem) };
}

// ---------------------------------------------------------------- create

interface ProformaInput {
  partyId: string;
  orderId?: string | null;
  documentDate?: string | undefined;
  paymentMethod: 'cash' | 'card' | 'bank_transfer';
  validUntil?: string | null | undefined;
  noVatReason?: string | null | undefined;
  notes?: string | null | undefined;
  seriesId?: string | undefined;
  lines: (InvoiceLineInput & { orderLineId?: string | null })[];
}

/** Writes an issued proforma: drafted, then posted through the shared lifecycle, its number taken last (ADR 8). */
async function insertProforma(trx: Executor, actor: Actor, input: ProformaInput): Promise<string> {
  await assertCustomerExists(trx, input.partyId, 'partyId');
  const today = todayDate();
  const documentDate = input.documentDate ?? today;
  if (documentDate > today) throw bad('date_in_future', 'documentDate', { today });
  if (input.validUntil && input.validUntil < documentDate)
    throw bad('valid_until_before_issue', 'validUntil');
  const currency = currencyOf(documentDate);
  const company = await getCompanySettings(trx);
  const party = await getPartyRequisites(trx, input.partyId);
  const requisites = requisitesOf(company, party, documentDate);
  const registered = requisites.supplier_vat_registered;
  // A proforma has no tax event: a kind's rate is the one valid on its date (ADR 0042); the line keeps its kind.
  const dated = await withDatedRates(trx, input.lines, documentDate);
  checkLines(dated, registered);
  const vat = invoiceVat(dated, registered);
  const issuer = actor.userId ? await findUserSummary(trx, actor.userId) : null;
  const id = newId();
  const now = nowIso();
  const lines: Insertable<SalesProformaLineTable>[] = dated.map((l, i) => ({
    id: newId(),
    proforma_id: id,
    position: i + 1,
    description: l.description,
    quantity_milli: l.quantityMilli,
    unit: l.unit,
    unit_price_cents: l.unitPriceCents,
    discount_bp: l.discountBp,
    net_cents: lineBase(l),
    vat_rate_bp: l.vatRateBp,
    vat_exempt: l.vatExempt,
    vat_reason: l.vatReason ?? null,
    vat_rate_kind: l.vatRateKind ?? null,
    order_line_id: l.orderLineId ?? null,
    created_at: now,
  }));
  await repo.insertProforma(
    trx,
    {
      id,
      series_id: input.seriesId ?? null,
      number: null,
      status: 'draft',
      document_date: documentDate,
      currency,
      party_id: input.partyId,
      order_id: input.orderId ?? null,
      ...requisites,
      no_vat_reason: registered ? null : (input.noVatReason ?? NOT_REGISTERED_REASON),
      payment_method: input.paymentMethod,
      valid_until: input.validUntil ?? null,
      issued_by_name: issuer?.fullName ?? null,
      notes: input.notes ?? null,
      net_cents: vat.totalBaseCents,
      vat_cents: vat.totalVatCents,
      total_cents: vat.totalCents,
      invoice_id: null,
      converted_at: null,
      cancel_reason: null,
      cancelled_at: null,
      reversal_of_id: null,
      reversed_by_id: null,
      posted_at: null,
      posted_by: null,
      created_by: actor.userId,
      search_text: toSearchText(party.name, party.uic, party.vatNumber),
      created_at: now,
      updated_at: now,
    },
    lines,
  );
  await postDraft(trx, PROFORMA_KIND, actor, id, async () => ({
    at: now,
    audit: { orderId: input.orderId ?? null, totalCents: vat.totalCents, currency },
  }));
  return id;
}

/** A proforma for a customer, made by hand: numbered in the proforma series at once. */
export async function createProforma(
  db: Db,
  actor: Actor,
  body: CreateProformaBody,
): Promise<ProformaDetail> {
  const id = await db.transaction().execute((trx) => insertProforma(trx, actor, body));
  return getProforma(db, id);
}

/** A proforma of a service order's lines the customer pays (warranty and contract lines stay off it). */
export async function proformaFromOrder(
  db: Db,
  actor: Actor,
  body: ProformaFromOrderBody,
): Promise<ProformaDetail> {
  const id = await db.transaction().execute(async (trx) => {
    const order = await lockedOrder(trx, body.orderId);
    const lines = await linesToBill(trx, order);
    const { orderId, ...options } = body;
    return insertProforma(trx, actor, {
      ...options,
      partyId: order.party_id,
      orderId,
      lines: invoiceLinesOf(lines),
    });
  });
  return getProforma(db, id);
}

// ---------------------------------------------------------------- convert, cancel

/** Refuses anything but an issued proforma: 409 proforma_already_converted (naming the invoice) or proforma_cancelled. */
async function assertOpen(trx: Executor, p: repo.ProformaHeaderRow) {
  if (p.invoice_id) {
    const inv = await invoices.findRef(trx, p.invoice_id);
    throw new DomainError('conflict', 'proforma_already_converted', {
      params: { number: p.number ?? '', invoiceNumber: inv?.number ?? '' },
      extra: { invoiceId: p.invoice_id },
    });
  }
  assertTransition(PROFORMA_LIFECYCLE, p.status, 'reversed', refusalDetails(p));
}

/**
 * Converts an issued proforma into an invoice in one transaction: the proforma's row locked, the invoice drafted
 * from its lines (requisites as they stand on the invoice's day, the currency of that day), citing the proforma,
 * issued with the next number of the invoice series (ADR 16), and the proforma marked converted with a guarded
 * update. A line with a kind of VAT rate takes the kind's rate on the invoice's tax event date, so a rate changed by
 * law since the proforma applies (ADR 0042); a line with an explicit rate keeps it. A proforma of a service order bills the order (409 order_not_billable / order_already_billed). A natural
 * person without ЕГН/ЛНЧ is 400 personal_id_required unless `withoutPersonalId` confirms it (INV-16, as issuing). Any
 * refusal writes nothing and takes no number.
 */
export async function convertProforma(
  db: Db,
  actor: Actor,
  id: string,
  body: ConvertProformaBody,
): Promise<ProformaDetail> {
  const invoiceId = await db.transaction().execute(async (trx) => {
    const p = await lockDocument(trx, PROFORMA_KIND, id);
    await assertOpen(trx, p);
    if (p.order_id) await lockBillableOrder(trx, p.order_id);
    const documentDate = body.documentDate ?? todayDate();
    const currency = currencyOf(documentDate);
    if (currency !== p.currency)
      throw bad('currency_not_of_date', 'documentDate', {
        currency: p.currency,
        date: documentDate,
        expected: currency,
      });
    const lines = (await repo.linesOf(trx, id)).map((l) => ({ ...ruleOf(l), orderLineId: l.order_line_id }));
    const invoiceId = await insertDraft(trx, actor, {
      partyId: p.party_id,
      orderId: p.order_id,
      documentDate,
      taxEventDate: body.taxEventDate,
      paymentMethod: body.paymentMethod ?? p.payment_method,
      dueDate: body.dueDate,
      receivedBy: body.receivedBy,
      noVatReason: p.no_vat_reason,
      notes: p.notes,
      seriesId: body.seriesId,
      // INV-16: a person without ЕГН/ЛНЧ only on the issuer's explicit confirmation, as issuing takes it.
      withoutPersonalId: body.withoutPersonalId,
      lines,
      proformaId: p.id,
    });
    await issueTx(trx, actor, invoiceId);
    if (p.order_id) await markOrderBilled(trx, p.order_id, invoiceId);
    const now = nowIso();
    const changed = await repo.closeProforma(trx, id, {
      invoice_id: invoiceId,
      converted_at: now,
      updated_at: now,
    });
    if (changed !== 1)
      throw new DomainError('conflict', 'proforma_already_converted', {
        params: { number: p.number ?? '', invoiceNumber: '' },
      });
    await recordAudit(trx, actor, {
      action: 'sales_proforma.convert',
      entity: 'sales_proforma',
      entityId: id,
      before: { status: 'issued' },
      after: {
        status: 'converted',
        invoiceId,
        ...(body.withoutPersonalId ? { withoutPersonalId: true } : {}),
      },
    });
    return invoiceId;
  });
  await keepRendering(db, invoiceId);
  return getProforma(db, id);
}

/** Cancels an issued proforma (it has no tax effect, so nothing else changes); converted ones stay as they are. */
export async function cancelProforma(
  db: Db,
  actor: Actor,
  id: string,
  body: CancelProformaBody,
): Promise<ProformaDetail> {
  await db.transaction().execute(async (trx) => {
    const p = await lockDocument(trx, PROFORMA_KIND, id);
    await assertOpen(trx, p);
    await assertPeriodOpen(trx, PROFORMA_KIND, [p.document_date]);
    const now = nowIso();
    if (
      (await repo.closeProforma(trx, id, {
        status: 'reversed',
        cancel_reason: body.reason,
        cancelled_at: now,
        updated_at: now,
      })) !== 1
    )
      throw new DomainError('conflict', 'proforma_cancelled', refusalDetails(p)('proforma_cancelled'));
    await recordAudit(trx, actor, {
      action: 'sales_proforma.cancel',
      entity: 'sales_proforma',
      entityId: id,
      before: { status: 'issued' },
      after: { status: 'cancelled', reason: body.reason },
    });
  });
  return getProforma(db, id);
}
