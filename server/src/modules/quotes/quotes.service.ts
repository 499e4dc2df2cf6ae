/**
 * Repair quotes (issue 12, item 1): made for a customer's item, or from an order in diagnosis; planned part, labour
 * and charge lines priced from the catalogues the way order lines are (orders lineCatalogue), with the order lines'
 * money rule (orders.totals); moved through quotes.lifecycle.ts; an accepted quote converts into a service order
 * through the orders module's own functions (intake, lines that reserve stock, the status change).
 */
import type { Insertable, Updateable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { listOrder } from '../../db/list';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { addDays, calendarDateOf, todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { dualTotalOf } from '../../kernel/eur';
import { newId } from '../../kernel/ids';
import { assertEditable, assertTransition, nextStatuses } from '../../kernel/lifecycle';
import type { PageOf } from '../../kernel/list-query';
import { toSearchText } from '../../kernel/search-text';
import type { VatRateKind } from '../../kernel/vat-rate-kinds';
import { recordAudit } from '../audit';
import { getPart } from '../catalog';
import {
  getCompanySettings,
  getEuroDisplay,
  type ItemVat,
  itemVatOf,
  type RateOfKind,
  rateOfKind,
  vatRatesOn,
} from '../company';
import { createItemIn, findItemByModelSerial, getItem, type Item, normalizeSerial } from '../items';
import { takeNumber } from '../numbering';
import {
  type AddLineBody,
  addEvent,
  addLineTx,
  changeStatusTx,
  getOrder,
  intakeTx,
  itemLabelOf,
  lineCatalogue,
  lineNetCents,
  lockedOrder,
  orderTotals,
} from '../orders';
import { assertCustomerExists } from '../parties';
import { getWarehouse } from '../stock';
import { effectiveStatus, QUOTE_LIFECYCLE } from './quotes.lifecycle';
import * as repo from './quotes.repository';
import type {
  CreateQuoteBody,
  FromOrderBody,
  PatchQuoteBody,
  PatchQuoteLineBody,
  QuoteDetail,
  QuoteLine,
  QuoteLineBody,
  QuoteListItem,
  QuoteListQuery,
  QuoteStatusBody,
} from './quotes.schema';
import type { QuoteStatus, RepairQuoteLineTable, RepairQuoteTable } from './quotes.table';

/** How long a new quote stands when no date is given. */
export const DEFAULT_VALID_DAYS = 14;

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

// ---------------------------------------------------------------- reads

/** A line priced with its kind's rate today (ADR 0042), or its explicit rate. */
function pricedOf(l: repo.QuoteLineRow, rates: Map<VatRateKind, RateOfKind>) {
  return {
    kind: l.kind,
    quantityMilli: Number(l.quantity_milli),
    usedQuantityMilli: null,
    unitPriceCents: Number(l.unit_price_cents),
    listPriceCents: Number(l.list_price_cents),
    discountBp: l.discount_bp,
    vatRateBp: rateOfKind(rates, l.vat_rate_kind, l.vat_rate_bp),
    payer: 'customer' as const,
  };
}

async function vatRegistered(db: Executor): Promise<boolean> {
  const company = await getCompanySettings(db).catch(() => null);
  return company?.vatRegistered ?? true;
}

function header(r: repo.QuoteViewRow, today: string) {
  return {
    id: r.id,
    number: r.number,
    status: effectiveStatus(r.status, r.valid_until, today),
    statusChangedAt: r.status_changed_at,
    partyId: r.party_id,
    customerName: r.customer_name,
    customerPhone: r.customer_phone ?? null,
    itemId: r.item_id,
    itemLabel: itemLabelOf(r),
    serialNumber: r.serial_number,
    complaint: r.complaint,
    validUntil: r.valid_until,
    orderId: r.order_id,
    orderNumber: r.order_number ?? null,
    fromOrder: Boolean(r.from_order),
    createdAt: r.created_at,
  };
}

/** The quote page: header (status as it reads today), lines, totals and VAT per rate, next statuses. */
export async function getQuote(db: Executor, id: string): Promise<QuoteDetail> {
  const row = await repo.findQuoteView(db, id);
  if (!row) throw notFound('repair_quote');
  const today = todayDate();
  const rows = await repo.linesOf(db, id);
  const rates = await vatRatesOn(db, today);
  const lines: QuoteLine[] = rows.map((l) => {
    const priced = pricedOf(l, rates);
    return {
      id: l.id,
      position: l.position,
      kind: l.kind,
      partId: l.part_id,
      partCode: l.part_code ?? null,
      serviceTypeId: l.service_type_id,
      description: l.description,
      warehouseId: l.warehouse_id,
      warehouseCode: l.warehouse_code ?? null,
      quantityMilli: priced.quantityMilli,
      unit: l.unit,
      unitPriceCents: priced.unitPriceCents,
      listPriceCents: priced.listPriceCents,
      priceOverrideReason: l.price_override_reason,
      discountBp: l.discount_bp,
      vatRateBp: priced.vatRateBp,
      vatRateKind: l.vat_rate_kind,
      vatReason: l.vat_reason,
      normMinutes: l.norm_minutes,
      netCents: lineNetCents(priced),
    };
  });
  const { totals, vatByRate } = orderTotals(
    rows.map((l) => pricedOf(l, rates)),
    { vatRegistered: await vatRegistered(db) },
  );
  const h = header(row, today);
  const { dualDisplayUntil } = await getEuroDisplay(db);
  return {
    ...h,
    // EUR-02: a consumer's quote is priced in EUR and BGN while dual display lasts, dated as its PDF is.
    dualTotal: dualTotalOf(
      calendarDateOf(new Date(row.sent_at ?? row.created_at)),
      'EUR',
      totals.totalCents,
      dualDisplayUntil,
    ),
    customerNotes: row.customer_notes,
    sentAt: row.sent_at,
    decidedAt: row.decided_at,
    convertedAt: row.converted_at,
    updatedAt: row.updated_at,
    lines,
    totals,
    vatByRate,
    nextStatuses: [...nextStatuses(QUOTE_LIFECYCLE, h.status)],
    editable: (QUOTE_LIFECYCLE.editable as readonly string[]).includes(h.status),
  };
}

/** The quotes list: search (number, customer, phone, serial, model), filters (status as it reads today, customer, item, order), sort, page. */
export async function listQuotes(db: Executor, q: QuoteListQuery): Promise<PageOf<QuoteListItem>> {
  const today = todayDate();
  const page = await repo.listQuotes(
    db,
    { q: q.q, statuses: q.status, today, partyId: q.partyId, itemId: q.itemId, orderId: q.orderId },
    listOrder(q.sort ?? '-createdAt', repo.QUOTE_SORT_KEYS, 'createdAt'),
    q,
  );
  const lines = await repo.linesOfQuotes(
    db,
    page.items.map((r) => r.id),
  );
  const registered = await vatRegistered(db);
  const rates = await vatRatesOn(db, today);
  return {
    ...page,
    items: page.items.map((r) => ({
      ...header(r, today),
      totalCents: orderTotals(
        lines.filter((l) => l.quote_id === r.id).map((l) => pricedOf(l, rates)),
        {
          vatRegistered: registered,
        },
      ).totals.totalCents,
    })),
  };
}

// ---------------------------------------------------------------- create and edit

function quoteSearchText(number: string, customer: { name: string; phone: string | null }, item: Item) {
  return toSearchText(
    number,
    String(Number(number)),
    customer.name,
    customer.phone,
    customer.phone ? customer.phone.replace(/\D/g, '') : null,
    item.serialNumber,
    item.brandName,
    item.modelName,
  );
}

async function itemOrThrow(db: Executor, id: string): Promise<Item> {
  try {
    return await getItem(db, id);
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'not_found') throw bad('unknown_item', 'itemId');
    throw e;
  }
}

function assertValidFromToday(validUntil: string, today: string): void {
  if (validUntil < today) throw bad('valid_until_past', 'validUntil', { date: validUntil });
}

/**
 * A quote for an item not yet registered (a customer asks the price before bringing it in): the item of that model
 * with that serial, or a new one for the customer, as the intake does. The customer is checked first, so a refused
 * quote creates no item (one transaction either way).
 */
async function quotedItem(trx: Executor, actor: Actor, body: CreateQuoteBody): Promise<string> {
  const party = await assertCustomerExists(trx, body.partyId, 'partyId');
  const serial = normalizeSerial(body.serialNumber ?? '');
  const modelId = body.modelId as string;
  const known = await findItemByModelSerial(trx, modelId, serial);
  if (known) return known.id;
  const item = await createItemIn(trx, actor, {
    modelId,
    serialNumber: serial,
    partyId: party.id,
    siteId: null,
    purchaseDate: body.purchaseDate ?? null,
  });
  return item.id;
}

async function insertNewQuote(
  trx: Executor,
  actor: Actor,
  v: {
    partyId: string;
    itemId: string;
    complaint: string;
    validUntil?: string | undefined;
    customerNotes?: string | null | undefined;
    orderId: string | null;
  },
): Promise<string> {
  const today = todayDate();
  const validUntil = v.validUntil ?? addDays(today, DEFAULT_VALID_DAYS);
  assertValidFromToday(validUntil, today);
  const party = await assertCustomerExists(trx, v.partyId, 'partyId');
  const item = await itemOrThrow(trx, v.itemId);
  const number = await takeNumber(trx, 'quote');
  const now = nowIso();
  const id = newId();
  const row: Insertable<RepairQuoteTable> = {
    id,
    series_id: number.seriesId,
    number: number.formatted,
    status: QUOTE_LIFECYCLE.initial,
    status_changed_at: now,
    party_id: party.id,
    item_id: item.id,
    complaint: v.complaint,
    valid_until: validUntil,
    customer_notes: v.customerNotes ?? null,
    order_id: v.orderId,
    from_order: Boolean(v.orderId),
    sent_at: null,
    decided_at: null,
    converted_at: null,
    search_text: quoteSearchText(number.formatted, party, item),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertQuote(trx, row);
  if (v.orderId) await quoteEvent(trx, actor, v.orderId, 'created', { id, number: number.formatted });
  await recordAudit(trx, actor, {
    action: 'repair_quote.create',
    entity: 'repair_quote',
    entityId: id,
    after: row,
  });
  return id;
}

/** A new draft quote for a customer's item, numbered in the quote series. */
export async function createQuote(db: Db, actor: Actor, body: CreateQuoteBody): Promise<QuoteDetail> {
  return db.transaction().execute(async (trx) => {
    const itemId = body.itemId ?? (await quotedItem(trx, actor, body));
    const id = await insertNewQuote(trx, actor, {
      partyId: body.partyId,
      itemId,
      complaint: body.complaint,
      validUntil: body.validUntil,
      customerNotes: body.customerNotes,
      orderId: null,
    });
    return getQuote(trx, id);
  });
}

/**
 * A quote made from an order in diagnosis: its customer, item and complaint; one open quote per order (409
 * quote_open_exists). Converting it adds its lines to that order.
 */
export async function createFromOrder(db: Db, actor: Actor, body: FromOrderBody): Promise<QuoteDetail> {
  return db.transaction().execute(async (trx) => {
    let order: Awaited<ReturnType<typeof lockedOrder>>;
    try {
      order = await lockedOrder(trx, body.orderId);
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'not_found') throw bad('unknown_order', 'orderId');
      throw e;
    }
    if (order.status !== 'diagnosing')
      throw new DomainError('conflict', 'order_not_in_diagnosis', {
        field: 'orderId',
        params: { number: order.number, status: order.status },
      });
    const open = await repo.openQuotesOfOrder(trx, order.id, todayDate());
    if (open.length)
      throw new DomainError('conflict', 'quote_open_exists', {
        field: 'orderId',
        params: { number: open[0]?.number, order: order.number },
        extra: { quoteId: open[0]?.id },
      });
    const id = await insertNewQuote(trx, actor, {
      partyId: order.party_id,
      itemId: order.item_id,
      complaint: order.complaint,
      validUntil: body.validUntil,
      customerNotes: body.customerNotes ?? order.customer_notes,
      orderId: order.id,
    });
    return getQuote(trx, id);
  });
}

async function lockedQuote(trx: Executor, id: string): Promise<repo.QuoteRow> {
  const row = await repo.lockQuote(trx, id);
  if (!row) throw notFound('repair_quote');
  return row;
}

function statusNow(row: repo.QuoteRow, today = todayDate()): QuoteStatus {
  return effectiveStatus(row.status, row.valid_until, today);
}

function assertDraft(row: repo.QuoteRow): void {
  assertEditable(QUOTE_LIFECYCLE, statusNow(row), { params: { number: row.number, status: statusNow(row) } });
}

/** Changes a draft's complaint, validity date or notes for the customer (409 quote_not_draft otherwise). */
export async function patchQuote(
  db: Db,
  actor: Actor,
  id: string,
  body: PatchQuoteBody,
): Promise<QuoteDetail> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedQuote(trx, id);
    assertDraft(row);
    const patch: Updateable<RepairQuoteTable> = {};
    if (body.complaint !== undefined) patch.complaint = body.complaint;
    if (body.validUntil !== undefined) {
      assertValidFromToday(body.validUntil, todayDate());
      patch.valid_until = body.validUntil;
    }
    if (body.customerNotes !== undefined) patch.customer_notes = body.customerNotes;
    const keys = Object.keys(patch) as (keyof RepairQuoteTable)[];
    const changed = keys.filter((k) => patch[k] !== row[k]);
    if (!changed.length) return getQuote(trx, id);
    await repo.updateQuote(trx, id, { ...patch, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      action: 'repair_quote.update',
      entity: 'repair_quote',
      entityId: id,
      before: { number: row.number, ...Object.fromEntries(changed.map((k) => [k, row[k]])) },
      after: { number: row.number, ...Object.fromEntries(changed.map((k) => [k, patch[k]])) },
    });
    return getQuote(trx, id);
  });
}

// ---------------------------------------------------------------- lines

interface LineInput {
  partId: string | null;
  serviceTypeId: string | null;
  description: string | null;
  warehouseId: string | null;
  quantityMilli: number;
  unitPriceCents: number | null;
  priceOverrideReason: string | null;
  discountBp: number;
  vatRateBp: number | null;
  vatRateKind: VatRateKind | null;
  vatReason: string | null;
  normMinutes: number | null;
}

const FIELDS_OF: Record<RepairQuoteLineTable['kind'], ReadonlySet<keyof LineInput>> = {
  part: new Set([
    'partId',
    'description',
    'warehouseId',
    'quantityMilli',
    'unitPriceCents',
    'priceOverrideReason',
    'discountBp',
    'vatRateBp',
    'vatRateKind',
    'vatReason',
  ]),
  labour: new Set([
    'serviceTypeId',
    'description',
    'quantityMilli',
    'unitPriceCents',
    'priceOverrideReason',
    'discountBp',
    'vatRateBp',
    'vatRateKind',
    'vatReason',
    'normMinutes',
  ]),
  charge: new Set([
    'description',
    'quantityMilli',
    'unitPriceCents',
    'discountBp',
    'vatRateBp',
    'vatRateKind',
    'vatReason',
  ]),
};

function refuseForeignFields(kind: RepairQuoteLineTable['kind'], body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === 'kind' || value === undefined || value === null) continue;
    if (!FIELDS_OF[kind].has(key as keyof LineInput)) throw bad('not_for_line_kind', key, { kind });
  }
}

type LineValues = Omit<
  Insertable<RepairQuoteLineTable>,
  'id' | 'quote_id' | 'position' | 'kind' | 'created_at' | 'updated_at'
>;

/** A line's values from the catalogue for the quote's item, as an order line is priced (orders lineCatalogue). */
async function checkLine(
  trx: Executor,
  quote: repo.QuoteRow,
  kind: RepairQuoteLineTable['kind'],
  input: LineInput,
  before?: repo.QuoteLineRow,
): Promise<LineValues> {
  if (kind === 'part' && !input.partId) throw bad('required', 'partId');
  if (kind === 'labour' && !input.serviceTypeId) throw bad('required', 'serviceTypeId');
  if (kind === 'charge') {
    if (!input.description) throw bad('required', 'description');
    if (input.unitPriceCents === null) throw bad('required', 'unitPriceCents');
  }
  const cat = await lineCatalogue(trx, quote.item_id, kind, input);
  const sameCatalogue =
    before && before.part_id === input.partId && before.service_type_id === input.serviceTypeId;
  const listPriceCents =
    kind === 'charge'
      ? (input.unitPriceCents ?? 0)
      : sameCatalogue
        ? Number(before.list_price_cents)
        : cat.listPriceCents;
  const unitPriceCents = input.unitPriceCents ?? listPriceCents;
  const quotedNorm = sameCatalogue && !before.price_override_reason ? before.norm_minutes : cat.normMinutes;
  const normMinutes = kind === 'labour' ? (input.normMinutes ?? quotedNorm) : null;
  const overridden =
    kind !== 'charge' &&
    (unitPriceCents !== listPriceCents || (kind === 'labour' && normMinutes !== quotedNorm));
  const priceOverrideReason = overridden ? (input.priceOverrideReason?.trim() ?? '') : null;
  if (overridden && !priceOverrideReason) throw bad('price_override_reason_required', 'priceOverrideReason');
  if (kind === 'part') {
    if (!input.warehouseId) throw bad('required', 'warehouseId');
    let warehouse: Awaited<ReturnType<typeof getWarehouse>>;
    try {
      warehouse = await getWarehouse(trx, input.warehouseId);
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'not_found') throw bad('unknown_warehouse', 'warehouseId');
      throw e;
    }
    if (warehouse.archived)
      throw new DomainError('conflict', 'warehouse_archived', {
        field: 'warehouseId',
        params: { code: warehouse.code },
      });
  }
  return {
    part_id: kind === 'part' ? input.partId : null,
    service_type_id: kind === 'labour' ? input.serviceTypeId : null,
    description: input.description ?? (sameCatalogue ? before.description : cat.name) ?? '',
    warehouse_id: kind === 'part' ? input.warehouseId : null,
    quantity_milli: input.quantityMilli,
    unit: cat.unit,
    unit_price_cents: unitPriceCents,
    list_price_cents: listPriceCents,
    price_override_reason: priceOverrideReason,
    discount_bp: input.discountBp,
    ...vatRowOf(
      itemVatOf(
        await vatRatesOn(trx, todayDate()),
        {
          vatRateKind: input.vatRateKind,
          vatRateBp: input.vatRateBp,
          vatReason: input.vatReason ?? undefined,
        },
        cat.vat,
      ),
    ),
    norm_minutes: normMinutes,
  };
}

function vatRowOf(v: ItemVat) {
  return { vat_rate_bp: v.vatRateBp, vat_rate_kind: v.vatRateKind, vat_reason: v.vatReason };
}

function inputOfBody(body: QuoteLineBody): LineInput {
  return {
    partId: body.partId ?? null,
    serviceTypeId: body.serviceTypeId ?? null,
    description: body.description ?? null,
    warehouseId: body.warehouseId ?? null,
    quantityMilli: body.quantityMilli,
    unitPriceCents: body.unitPriceCents ?? null,
    priceOverrideReason: body.priceOverrideReason ?? null,
    discountBp: body.discountBp ?? 0,
    vatRateBp: body.vatRateBp ?? null,
    vatRateKind: body.vatRateKind ?? null,
    vatReason: body.vatReason ?? null,
    normMinutes: body.normMinutes ?? null,
  };
}

function patched(line: repo.QuoteLineRow, patch: PatchQuoteLineBody): LineInput {
  const out: LineInput = {
    partId: line.part_id,
    serviceTypeId: line.service_type_id,
    description: line.description,
    warehouseId: line.warehouse_id,
    quantityMilli: Number(line.quantity_milli),
    unitPriceCents: Number(line.unit_price_cents),
    priceOverrideReason: line.price_override_reason,
    discountBp: line.discount_bp,
    vatRateBp: line.vat_rate_kind ? null : line.vat_rate_bp,
    vatRateKind: line.vat_rate_kind,
    vatReason: line.vat_reason,
    normMinutes: line.norm_minutes,
  };
  if (patch.partId !== undefined) out.partId = patch.partId;
  if (patch.serviceTypeId !== undefined) out.serviceTypeId = patch.serviceTypeId;
  if (out.partId !== line.part_id || out.serviceTypeId !== line.service_type_id) {
    out.unitPriceCents = null;
    out.priceOverrideReason = null;
    out.vatRateBp = null;
    out.vatRateKind = null;
    out.vatReason = null;
    out.description = null;
    out.normMinutes = null;
  }
  if (patch.description !== undefined) out.description = patch.description;
  if (patch.warehouseId !== undefined) out.warehouseId = patch.warehouseId;
  if (patch.quantityMilli != null) out.quantityMilli = patch.quantityMilli;
  if (patch.unitPriceCents !== undefined) out.unitPriceCents = patch.unitPriceCents;
  if (patch.priceOverrideReason !== undefined) out.priceOverrideReason = patch.priceOverrideReason;
  if (patch.discountBp != null) out.discountBp = patch.discountBp;
  if (patch.vatRateKind) {
    out.vatRateKind = patch.vatRateKind;
    out.vatRateBp = null;
  } else if (patch.vatRateBp !== undefined && patch.vatRateBp !== null) {
    out.vatRateBp = patch.vatRateBp;
    out.vatRateKind = null;
  }
  if (patch.vatReason !== undefined) out.vatReason = patch.vatReason;
  if (patch.normMinutes !== undefined) out.normMinutes = patch.normMinutes;
  return out;
}

/** Adds a planned line to a draft quote (409 quote_not_draft otherwise); answers its id. */
export async function addQuoteLine(db: Db, actor: Actor, id: string, body: QuoteLineBody): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const quote = await lockedQuote(trx, id);
    assertDraft(quote);
    refuseForeignFields(body.kind, body as Record<string, unknown>);
    const values = await checkLine(trx, quote, body.kind, inputOfBody(body));
    const now = nowIso();
    const line: Insertable<RepairQuoteLineTable> = {
      ...values,
      id: newId(),
      quote_id: quote.id,
      position: await repo.nextPosition(trx, quote.id),
      kind: body.kind,
      created_at: now,
      updated_at: now,
    };
    await repo.insertLine(trx, line);
    await repo.updateQuote(trx, quote.id, { updated_at: now });
    await recordAudit(trx, actor, {
      action: 'repair_quote.line_add',
      entity: 'repair_quote',
      entityId: quote.id,
      after: line,
    });
    return line.id;
  });
}

/** Changes a line of a draft quote; a new part or service takes its catalogue price, VAT, name and norm. */
export async function changeQuoteLine(
  db: Db,
  actor: Actor,
  id: string,
  lineId: string,
  patch: PatchQuoteLineBody,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const quote = await lockedQuote(trx, id);
    assertDraft(quote);
    const before = await repo.findLine(trx, quote.id, lineId);
    if (!before) throw notFound('repair_quote_line');
    refuseForeignFields(before.kind, patch as Record<string, unknown>);
    const values = await checkLine(trx, quote, before.kind, patched(before, patch), before);
    const changed = (Object.keys(values) as (keyof LineValues)[]).filter(
      (k) => String(values[k] ?? '') !== String(before[k] ?? ''),
    );
    if (!changed.length) return;
    const now = nowIso();
    await repo.updateLine(trx, before.id, { ...values, updated_at: now });
    await repo.updateQuote(trx, quote.id, { updated_at: now });
    await recordAudit(trx, actor, {
      action: 'repair_quote.line_update',
      entity: 'repair_quote',
      entityId: quote.id,
      before: { lineId, ...Object.fromEntries(changed.map((k) => [k, before[k]])) },
      after: { lineId, ...Object.fromEntries(changed.map((k) => [k, values[k]])) },
    });
  });
}

/** Removes a line of a draft quote. */
export async function removeQuoteLine(db: Db, actor: Actor, id: string, lineId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const quote = await lockedQuote(trx, id);
    assertDraft(quote);
    const line = await repo.findLine(trx, quote.id, lineId);
    if (!line) throw notFound('repair_quote_line');
    await repo.deleteLine(trx, line.id);
    await repo.updateQuote(trx, quote.id, { updated_at: nowIso() });
    await recordAudit(trx, actor, {
      action: 'repair_quote.line_remove',
      entity: 'repair_quote',
      entityId: quote.id,
      before: line,
    });
  });
}

// ---------------------------------------------------------------- status and convert

/** Order statuses a quote's answer moves on: from here the order goes to in repair or awaiting parts. */
const APPROVABLE: readonly string[] = ['diagnosing', 'awaiting_approval'];

/**
 * Moves a quote through its lifecycle (the status it reads as today: a sent quote past its date is expired). Sending
 * needs a line and a validity date not past; sending a quote made from an order in diagnosis moves that order to
 * awaiting approval. A rejected quote leaves its order where it is (the user moves it: refused repair, or on).
 */
export async function changeQuoteStatus(
  db: Db,
  actor: Actor,
  id: string,
  body: QuoteStatusBody,
): Promise<QuoteDetail> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedQuote(trx, id);
    const today = todayDate();
    const from = statusNow(row, today);
    const to = body.to;
    assertTransition(QUOTE_LIFECYCLE, from, to, { params: { number: row.number, from, to } });
    const now = nowIso();
    const patch: Updateable<RepairQuoteTable> = { status: to, status_changed_at: now, updated_at: now };
    if (to === 'sent') {
      const lines = await repo.linesOf(trx, id);
      if (!lines.length) throw new DomainError('conflict', 'quote_empty', { params: { number: row.number } });
      assertValidFromToday(row.valid_until, today);
      patch.sent_at = now;
    }
    if (to === 'accepted' || to === 'rejected') patch.decided_at = now;
    if (to === 'draft') patch.decided_at = null;
    await repo.updateQuote(trx, id, patch);
    if (row.from_order && row.order_id && to !== 'draft') {
      await quoteEvent(trx, actor, row.order_id, to, row);
      const order = await lockedOrder(trx, row.order_id);
      if (to === 'sent' && order.status === 'diagnosing')
        await changeStatusTx(
          trx,
          actor,
          order.id,
          { to: 'awaiting_approval', reason: null },
          { cause: 'quote_sent', quoteNumber: row.number },
        );
    }
    await recordAudit(trx, actor, {
      action: 'repair_quote.status',
      entity: 'repair_quote',
      entityId: id,
      before: { number: row.number, status: from },
      after: { number: row.number, status: to },
    });
    return getQuote(trx, id);
  });
}

/** A quote's step on the timeline of its order (made from it, sent, accepted, rejected, converted into it). */
async function quoteEvent(
  trx: Executor,
  actor: Actor,
  orderId: string,
  action: string,
  quote: { id: string; number: string },
): Promise<void> {
  await addEvent(trx, actor, orderId, 'quote', {
    details: { action, quoteId: quote.id, quoteNumber: quote.number },
  });
}

/** A quote line as the body of an order line: the price, discount, VAT and norm the customer accepted. */
function orderLineOf(quoteNumber: string, l: repo.QuoteLineRow): AddLineBody {
  return {
    kind: l.kind,
    partId: l.part_id,
    serviceTypeId: l.service_type_id,
    description: l.description,
    warehouseId: l.warehouse_id,
    quantityMilli: Number(l.quantity_milli),
    unitPriceCents: Number(l.unit_price_cents),
    // The accepted price stands even if the catalogue changed since: the quote is the reason.
    priceOverrideReason: l.price_override_reason ?? `Оферта ${quoteNumber}`,
    discountBp: l.discount_bp,
    // ADR 0042: the order line keeps the quote line's kind (and ground), or its explicit rate.
    vatRateBp: l.vat_rate_kind ? null : l.vat_rate_bp,
    vatRateKind: l.vat_rate_kind,
    vatReason: l.vat_reason,
    normMinutes: l.kind === 'labour' ? l.norm_minutes : null,
    payerReason: null,
    fittedSerial: null,
    removedSerial: null,
  };
}

/** The order lines of a quote line: a serial-tracked part of N whole units becomes N lines, one serial each. */
async function orderLinesOf(
  trx: Executor,
  quoteNumber: string,
  l: repo.QuoteLineRow,
): Promise<AddLineBody[]> {
  const body = orderLineOf(quoteNumber, l);
  const units = body.quantityMilli / 1000;
  if (l.kind !== 'part' || !l.part_id || units <= 1 || !Number.isInteger(units)) return [body];
  if (!(await getPart(trx, l.part_id))?.serialTracked) return [body];
  return Array.from({ length: units }, () => ({ ...body, quantityMilli: 1000 }));
}

/**
 * Converts an accepted quote, in one transaction: a quote made from an order adds its lines to that order (parts
 * reserved as order lines reserve them) and moves an order in diagnosis or awaiting approval on to in repair, or to
 * awaiting parts when a part waits; any other quote becomes a new service order (taken in at the desk's intake,
 * status received) carrying its lines. 409 quote_already_converted the second time, quote_not_accepted before.
 */
export async function convertQuote(
  db: Db,
  actor: Actor,
  id: string,
): Promise<QuoteDetail & { orderCreated: boolean }> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedQuote(trx, id);
    const from = statusNow(row);
    assertTransition(QUOTE_LIFECYCLE, from, 'converted', {
      params: { number: row.number, from, to: 'converted' },
    });
    const lines = await repo.linesOf(trx, id);
    let orderId: string;
    let orderCreated = false;
    if (row.from_order && row.order_id) orderId = row.order_id;
    else {
      const order = await intakeTx(trx, actor, {
        partyId: row.party_id,
        itemId: row.item_id,
        complaint: row.complaint,
        accessories: [],
        location: 'shop',
        conditionNotes: null,
        customerNotes: row.customer_notes,
      });
      orderId = order.id;
      orderCreated = true;
    }
    let waits = false;
    for (const l of lines)
      for (const body of await orderLinesOf(trx, row.number, l)) {
        const change = await addLineTx(trx, actor, orderId, body);
        if (change.reservationState === 'waiting' || change.reservationState === 'partly') waits = true;
      }
    if (!orderCreated) {
      const order = await lockedOrder(trx, orderId);
      if (APPROVABLE.includes(order.status))
        await changeStatusTx(
          trx,
          actor,
          orderId,
          { to: waits ? 'awaiting_parts' : 'in_repair', reason: null },
          { cause: 'quote_converted', quoteNumber: row.number },
        );
    }
    await quoteEvent(trx, actor, orderId, 'converted', row);
    const now = nowIso();
    await repo.updateQuote(trx, id, {
      status: 'converted',
      status_changed_at: now,
      converted_at: now,
      order_id: orderId,
      updated_at: now,
    });
    const order = await getOrder(trx, orderId);
    await recordAudit(trx, actor, {
      action: 'repair_quote.convert',
      entity: 'repair_quote',
      entityId: id,
      before: { number: row.number, status: from },
      after: { number: row.number, status: 'converted', orderId, orderNumber: order.number, orderCreated },
    });
    return { ...(await getQuote(trx, id)), orderCreated };
  });
}
