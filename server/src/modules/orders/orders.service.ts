/**
 * Service orders (issue 12): intake, the status workflow, edits, reads, the timeline and the public status link.
 * Lines are orders-lines' (orders.lines*.ts); finishing and reopening run through orders.finish.ts inside the status
 * change's transaction. Other modules only through their index.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { listOrder } from '../../db/list';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { calendarDateOf, todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { assertTransition, nextStatuses } from '../../kernel/lifecycle';
import type { PageOf } from '../../kernel/list-query';
import { toSearchText } from '../../kernel/search-text';
import { recordAudit } from '../audit';
import { getServiceType } from '../catalog';
import { companyVatRegistered, getCompanySettings, rateOfKind, vatRatesOn } from '../company';
import {
  createItemIn,
  findItemByModelSerial,
  findItemIdsBySerial,
  getItem,
  type Item,
  normalizeSerial,
  warrantyStatus,
} from '../items';
import { takeNumber } from '../numbering';
import { assertCustomerExists, assertSiteOfCustomer, createCustomerIn, type PartySummary } from '../parties';
import { dropNeedsOfSource } from '../purchasing';
import { documentListOfSource, releaseReservationsOf, reservedOfSource } from '../stock';
import { findTechnicianOfUser, technicianExists } from '../technicians';
import { forgetEarnings, recordEarnings } from './orders.earnings.record';
import {
  applyDiagnosticFee,
  type FinishWarning,
  finishOrder,
  holdPartsAgain,
  reopenFinished,
} from './orders.finish';
import { OPEN_STATUSES, ORDER_LIFECYCLE } from './orders.lifecycle';
import * as repo from './orders.repository';
import type {
  Board,
  BoardCard,
  IntakeAnswer,
  IntakeBody,
  IntakeCheck,
  IntakeCheckQuery,
  NewCustomer,
  OrderDetail,
  OrderHeader,
  OrderLine,
  OrderListItem,
  OrderListQuery,
  OrderStatus,
  PatchOrderBody,
  PublicOrder,
  ServiceSettings,
  StatusBody,
  StatusLinkAnswer,
  TimelineEvent,
  WarrantyRecord,
} from './orders.schema';
import { getServiceSettings, isOverdue, overdueCondition } from './orders.settings';
import type { ServiceOrderTable } from './orders.table';
import { customerNetCents, lineNetCents, orderTotals } from './orders.totals';

/** The sourceType of everything stock holds or moves for an order. */
export const ORDER_SOURCE = 'service_order';

// ---------------------------------------------------------------- mapping

function parseList(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function parseObject(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** "Brand model, serial": how an item is named on every screen and print. */
export function itemLabelOf(r: { brand_name: string; model_name: string; serial_number: string }): string {
  return `${r.brand_name} ${r.model_name}, ${r.serial_number}`;
}

function toHeader(r: repo.OrderViewRow, settings: ServiceSettings, now: Date): OrderHeader {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    statusChangedAt: r.status_changed_at,
    overdue: isOverdue(settings, r.status, r.status_changed_at, now),
    location: r.location,
    partyId: r.party_id,
    customerName: r.customer_name,
    customerPhone: r.customer_phone ?? null,
    itemId: r.item_id,
    itemLabel: itemLabelOf(r),
    serialNumber: r.serial_number,
    modelId: r.model_id,
    siteId: r.site_id,
    siteName: r.site_name ?? null,
    complaint: r.complaint,
    accessories: parseList(r.accessories),
    conditionNotes: r.condition_notes,
    receivedBy: r.received_by,
    receivedByName: r.received_by_name ?? null,
    receivedAt: r.received_at,
    promisedDate: r.promised_date,
    diagnosis: r.diagnosis,
    internalNotes: r.internal_notes,
    customerNotes: r.customer_notes,
    technicianId: r.technician_id,
    technicianName: r.technician_name ?? null,
    partsArrivedAt: r.parts_arrived_at,
    finishedAt: r.finished_at,
    deliveredAt: r.delivered_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    billedById: r.billed_by_id ?? null,
    billedByKind: r.billed_by_kind ?? null,
    deliveredWithoutDocumentReason: r.delivered_without_document_reason ?? null,
    refusedRepair: Boolean(r.refused_repair),
    issueDocumentId: r.issue_document_id,
    returnsDocumentId: r.returns_document_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toListItem(r: repo.OrderViewRow, settings: ServiceSettings, now: Date): OrderListItem {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    statusChangedAt: r.status_changed_at,
    overdue: isOverdue(settings, r.status, r.status_changed_at, now),
    location: r.location,
    partyId: r.party_id,
    customerName: r.customer_name,
    customerPhone: r.customer_phone ?? null,
    itemId: r.item_id,
    itemLabel: itemLabelOf(r),
    serialNumber: r.serial_number,
    complaint: r.complaint,
    technicianId: r.technician_id,
    technicianName: r.technician_name ?? null,
    receivedAt: r.received_at,
    promisedDate: r.promised_date,
    partsArrivedAt: r.parts_arrived_at,
  };
}

function toBoardCard(r: repo.BoardCardRow, settings: ServiceSettings, now: Date): BoardCard {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    statusChangedAt: r.status_changed_at,
    overdue: isOverdue(settings, r.status, r.status_changed_at, now),
    location: r.location,
    customerName: r.customer_name,
    itemLabel: itemLabelOf(r),
    technicianName: r.technician_name ?? null,
    promisedDate: r.promised_date,
    partsArrivedAt: r.parts_arrived_at,
  };
}

function toWarrantyRecord(
  r: Awaited<ReturnType<typeof repo.warrantyRecordsOfOrder>>[number],
): WarrantyRecord {
  return {
    id: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    lineId: r.line_id,
    itemId: r.item_id,
    kind: r.kind,
    partId: r.part_id,
    serviceTypeId: r.service_type_id,
    description: r.description ?? null,
    serial: r.serial,
    fittedOn: r.fitted_on,
    months: r.months,
    validUntil: r.valid_until,
    status: r.status,
  };
}

/**
 * The lines a document closing the order bills the customer for: those the customer pays, with a quantity (warranty
 * and contract lines stay off it); none is 409 order_nothing_to_bill. An invoice, a proforma and a receipt use it.
 */
export async function linesToBill(db: Executor, order: { id: string; number: string }): Promise<OrderLine[]> {
  const lines = (await readLines(db, order.id)).filter(
    (l) => l.payer === 'customer' && (l.usedQuantityMilli ?? l.quantityMilli) > 0,
  );
  if (!lines.length)
    throw new DomainError('conflict', 'order_nothing_to_bill', {
      field: 'orderId',
      params: { number: order.number },
    });
  return lines;
}

/** The order's lines as the API shows them, with the reservation state of part lines read from stock. */
export async function readLines(db: Executor, orderId: string): Promise<OrderLine[]> {
  const rows = await repo.linesOf(db, orderId);
  if (!rows.length) return [];
  const techs = await repo.techniciansOfLines(
    db,
    rows.map((r) => r.id),
  );
  const reserved = await reservedOfSource(db, { sourceType: ORDER_SOURCE, sourceId: orderId });
  const rates = await vatRatesOn(db, todayDate());
  return rows.map((r) => {
    const priced = {
      kind: r.kind,
      quantityMilli: Number(r.quantity_milli),
      usedQuantityMilli: r.used_quantity_milli === null ? null : Number(r.used_quantity_milli),
      unitPriceCents: Number(r.unit_price_cents),
      discountBp: r.discount_bp,
      // ADR 0042: the rate of the line's kind valid today (what its invoice would take today).
      vatRateBp: rateOfKind(rates, r.vat_rate_kind, r.vat_rate_bp),
      payer: r.payer,
    };
    const held = reserved.get(r.id) ?? 0;
    const needed = priced.usedQuantityMilli ?? priced.quantityMilli;
    return {
      id: r.id,
      position: r.position,
      kind: r.kind,
      partId: r.part_id,
      partCode: r.part_code ?? null,
      serialTracked: Boolean(r.serial_tracked),
      serviceTypeId: r.service_type_id,
      description: r.description,
      warehouseId: r.warehouse_id,
      warehouseCode: r.warehouse_code ?? null,
      quantityMilli: priced.quantityMilli,
      usedQuantityMilli: priced.usedQuantityMilli,
      unit: r.unit,
      unitPriceCents: priced.unitPriceCents,
      listPriceCents: Number(r.list_price_cents),
      priceOverrideReason: r.price_override_reason,
      discountBp: r.discount_bp,
      vatRateBp: priced.vatRateBp,
      vatRateKind: r.vat_rate_kind,
      vatReason: r.vat_reason,
      payer: r.payer,
      payerReason: r.payer_reason,
      coveredByWarrantyId: r.covered_by_warranty_id,
      netCents: lineNetCents(priced),
      customerNetCents: customerNetCents(priced),
      reservationState:
        r.kind !== 'part' ? 'none' : held >= needed ? 'reserved' : held > 0 ? 'partly' : 'waiting',
      reservedMilli: held,
      technicians: techs
        .filter((t) => t.line_id === r.id)
        .map((t) => ({ technicianId: t.technician_id, name: t.name, shareBp: t.share_bp })),
      normMinutes: r.norm_minutes,
      actualMinutes: r.actual_minutes,
      fittedSerial: r.fitted_serial,
      removedSerial: r.removed_serial,
      removedDisposition: r.removed_disposition,
      removedWarehouseId: r.removed_warehouse_id,
      unitCostCents: r.unit_cost_cents === null ? null : Number(r.unit_cost_cents),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

// ---------------------------------------------------------------- reads

async function viewOrThrow(db: Executor, id: string): Promise<repo.OrderViewRow> {
  const row = await repo.findOrderView(db, id);
  if (!row) throw notFound('service_order');
  return row;
}

/** The order page: header, lines with reservation state, totals and VAT per rate, next statuses, warranty. */
export async function getOrder(
  db: Executor,
  id: string,
  /** The service settings when the caller read them in the same transaction (not read again). */
  known: { settings?: ServiceSettings } = {},
): Promise<OrderDetail> {
  const row = await viewOrThrow(db, id);
  // Independent reads: side by side on PostgreSQL's pool (one after another on SQLite's one connection).
  const [settings, lines, vatRegistered, documents, warrantyRecords, link] = await Promise.all([
    known.settings ?? getServiceSettings(db),
    readLines(db, id),
    companyVatRegistered(db).catch(() => null),
    documentListOfSource(db, ORDER_SOURCE, id),
    repo.warrantyRecordsOfOrder(db, id),
    repo.activeLinkOf(db, id),
  ]);
  // The item's warranty on the intake day, from the item's columns the view already read.
  const warranty = warrantyStatus(
    {
      purchaseDate: row.item_purchase_date,
      warrantyMonths: row.item_warranty_months,
      warrantyEnd: row.item_warranty_end,
    },
    calendarDayOf(row.received_at),
  );
  const { totals, vatByRate } = orderTotals(lines, { vatRegistered: vatRegistered ?? true });
  return {
    ...toHeader(row, settings, new Date()),
    lines,
    totals,
    vatByRate,
    nextStatuses: [...nextStatuses(ORDER_LIFECYCLE, row.status)],
    editable: (ORDER_LIFECYCLE.editable as readonly string[]).includes(row.status),
    manufacturerWarranty: {
      underWarranty: warranty.underWarranty,
      warrantyEnd: warranty.warrantyEnd,
      daysLeft: warranty.daysLeft,
    },
    warrantyRecords: warrantyRecords.map(toWarrantyRecord),
    documents: documents.map((d) => ({
      id: d.id,
      type: d.type,
      status: d.status,
      number: d.number,
      documentDate: d.documentDate,
    })),
    hasStatusLink: Boolean(link),
  };
}

/** The Sofia calendar day of an instant. */
function calendarDayOf(instant: string): string {
  return calendarDateOf(new Date(instant));
}

/** The list's filter; the settings are needed only when it asks for overdue=true/false. */
function filterOf(
  q: Omit<OrderListQuery, 'page' | 'pageSize' | 'sort'>,
  settings: ServiceSettings | null,
  now: Date,
) {
  if (q.overdue !== undefined && !settings) throw new Error('An overdue filter needs the service settings');
  return {
    q: q.q,
    statuses: q.status,
    open: q.open,
    technicianId: q.technicianId,
    partyId: q.partyId,
    itemId: q.itemId,
    overdue:
      q.overdue === undefined || !settings
        ? undefined
        : { when: q.overdue, condition: overdueCondition(settings, now) },
  };
}

/** The open repairs list: search, filters (status, technician, customer, item, overdue), sort, page. */
export async function listOrders(db: Executor, q: OrderListQuery): Promise<PageOf<OrderListItem>> {
  const now = new Date();
  const order = listOrder(q.sort ?? '-receivedAt', repo.ORDER_SORT_KEYS, 'receivedAt');
  const settingsRead = getServiceSettings(db);
  // The settings' time limits filter only an overdue=… list; otherwise they only mark the rows read meanwhile.
  const [settings, page] =
    q.overdue === undefined
      ? await Promise.all([settingsRead, repo.listOrders(db, filterOf(q, null, now), order, q)])
      : await settingsRead.then(
          async (s) => [s, await repo.listOrders(db, filterOf(q, s, now), order, q)] as const,
        );
  return { ...page, items: page.items.map((r) => toListItem(r, settings, now)) };
}

/** Every order of the filter, for the CSV export. */
export async function exportOrders(
  db: Executor,
  q: Omit<OrderListQuery, 'page' | 'pageSize'>,
): Promise<OrderListItem[]> {
  const settings = await getServiceSettings(db);
  const now = new Date();
  const rows = await repo.allOrders(
    db,
    filterOf(q, settings, now),
    listOrder(q.sort ?? '-receivedAt', repo.ORDER_SORT_KEYS, 'receivedAt'),
  );
  return rows.map((r) => toListItem(r, settings, now));
}

/** How many cards a board column shows (the rest through the list, the column's "more" link): 8 × 30 at most. */
export const BOARD_CARDS = 30;
/** The delivered and cancelled columns of the board show the orders of this many recent days (counts and cards). */
export const BOARD_CLOSED_DAYS = 30;

/**
 * The board: per status its count, overdue count and first cards (open statuses: the longest waiting first;
 * delivered and cancelled: the latest first, only those of the last BOARD_CLOSED_DAYS days, said in `since`), and
 * the allowed moves for dragging.
 */
export async function getBoard(db: Executor, f: { q?: string; technicianId?: string }): Promise<Board> {
  const now = new Date();
  const since = new Date(now.getTime() - BOARD_CLOSED_DAYS * 86_400_000).toISOString();
  const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);
  // The cards of every column (an empty column costs one index probe) read side by side with the settings and the
  // counts, which need the settings' time limits: two round trips on the longest path, not three.
  const settingsAndCounts = getServiceSettings(db).then(async (settings) => ({
    settings,
    counts: await repo.countByStatus(db, f, overdueCondition(settings, now), since),
  }));
  const cardsRead = repo.boardCards(
    db,
    ORDER_LIFECYCLE.statuses.map((status) => ({
      filter: {
        q: f.q,
        technicianId: f.technicianId,
        statuses: [status],
        changedSince: isOpen(status) ? undefined : since,
      },
      order: listOrder(
        isOpen(status) ? 'statusChangedAt' : '-statusChangedAt',
        repo.ORDER_SORT_KEYS,
        'statusChangedAt',
      ),
      newestFirst: !isOpen(status),
    })),
    BOARD_CARDS,
  );
  const [{ settings, counts }, cards] = await Promise.all([settingsAndCounts, cardsRead]);
  const statuses = ORDER_LIFECYCLE.statuses.map((status) => {
    const c = counts.find((x) => x.status === status);
    return { status, open: isOpen(status), n: Number(c?.n ?? 0), overdueN: Number(c?.overdue_n ?? 0) };
  });
  const columns = statuses.map((s) => ({
    status: s.status,
    count: s.n,
    overdueCount: s.overdueN,
    since: s.open ? null : since,
    cards: (cards[ORDER_LIFECYCLE.statuses.indexOf(s.status)] ?? []).map((r) =>
      toBoardCard(r, settings, now),
    ),
  }));
  return {
    columns,
    closedDays: BOARD_CLOSED_DAYS,
    transitions: Object.fromEntries(
      ORDER_LIFECYCLE.statuses.map((s) => [s, [...ORDER_LIFECYCLE.transitions[s]]]),
    ),
  };
}

/** The signed-in technician's open orders (none for a user who is not a technician). */
export async function myOrders(
  db: Executor,
  userId: string | null,
  q: OrderListQuery,
): Promise<PageOf<OrderListItem>> {
  const tech = userId ? await findTechnicianOfUser(db, userId) : null;
  if (!tech) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  return listOrders(db, {
    ...q,
    technicianId: tech.id,
    open: q.open ?? true,
    sort: q.sort ?? 'statusChangedAt',
  });
}

/** The timeline, newest first, with the names of who did what. */
export async function getTimeline(db: Executor, id: string): Promise<TimelineEvent[]> {
  await viewOrThrow(db, id);
  return (await repo.eventsOf(db, id)).map((e) => ({
    id: e.id,
    at: e.at,
    userId: e.user_id,
    userName: e.user_name ?? null,
    kind: e.kind,
    fromStatus: (e.from_status as OrderStatus | null) ?? null,
    toStatus: (e.to_status as OrderStatus | null) ?? null,
    details: parseObject(e.details),
  }));
}

// ---------------------------------------------------------------- timeline writes

/** Writes a timeline event in the caller's transaction (orders-lines uses it for line events too). */
export async function addEvent(
  trx: Executor,
  actor: Actor,
  orderId: string,
  kind: string,
  e: { from?: string | null; to?: string | null; details?: Record<string, unknown> | null } = {},
): Promise<void> {
  await repo.insertEvent(trx, {
    id: newId(),
    order_id: orderId,
    at: nowIso(),
    user_id: actor.userId,
    kind,
    from_status: e.from ?? null,
    to_status: e.to ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
  });
}

// ---------------------------------------------------------------- overdue customers

/**
 * The customer's overdue invoices in cents. The sales issue registers the real source; until then it reads 0.
 */
export type OverdueSource = (db: Executor, partyId: string) => Promise<number>;
let overdueSource: OverdueSource = async () => 0;
export function registerOverdueSource(source: OverdueSource): void {
  overdueSource = source;
}
export async function overdueOfCustomer(db: Executor, partyId: string): Promise<number> {
  return overdueSource(db, partyId);
}

// ---------------------------------------------------------------- intake

function withPrefix<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  return run().catch((e: unknown) => {
    if (e instanceof DomainError && e.options.field)
      throw new DomainError(e.kind, e.code, {
        ...e.options,
        field: `${prefix}${e.options.field}`,
        params: { ...e.options.params, field: `${prefix}${e.options.field}` },
      });
    throw e;
  });
}

async function technicianOrThrow(db: Executor, id: string, field = 'technicianId'): Promise<void> {
  if (!(await technicianExists(db, id)))
    throw new DomainError('invalid', 'unknown_technician', { field, params: { field } });
}

async function itemOrThrow(db: Executor, id: string, field = 'itemId'): Promise<Item> {
  try {
    return await getItem(db, id);
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'not_found')
      throw new DomainError('invalid', 'unknown_item', { field, params: { field } });
    throw e;
  }
}

/** The item of the intake: by id, or by serial (reused when known for the model, else created for the customer). */
async function intakeItem(
  trx: Executor,
  actor: Actor,
  body: IntakeBody,
  party: PartySummary,
): Promise<{ item: Item; created: boolean }> {
  if (body.itemId) return { item: await itemOrThrow(trx, body.itemId), created: false };
  const serial = normalizeSerial(body.serialNumber ?? '');
  if (body.modelId) {
    const known = await findItemByModelSerial(trx, body.modelId, serial);
    if (known) return { item: known, created: false };
    const item = await createItemIn(trx, actor, {
      modelId: body.modelId,
      serialNumber: serial,
      partyId: party.id,
      siteId: body.siteId ?? null,
      purchaseDate: body.purchaseDate ?? null,
    });
    return { item, created: true };
  }
  const ids = await findItemIdsBySerial(trx, serial);
  if (ids.length === 1) return { item: await getItem(trx, ids[0] as string), created: false };
  if (ids.length > 1)
    throw new DomainError('invalid', 'ambiguous_serial', {
      field: 'modelId',
      params: { field: 'modelId', serial, count: ids.length },
    });
  throw new DomainError('invalid', 'model_required', {
    field: 'modelId',
    params: { field: 'modelId', serial },
  });
}

/** The intake's short customer form as the parties module's create body. */
function partyBodyOf(c: NewCustomer) {
  return {
    kind: c.kind,
    name: c.name,
    uic: c.uic ?? null,
    vatNumber: c.vatNumber ?? null,
    wantsInvoices: false,
    isCustomer: true,
    isSupplier: false,
    phones: c.phone ? [{ number: c.phone }] : [],
    emails: c.email ? [{ email: c.email }] : [],
    addresses:
      c.city || c.address
        ? [{ label: 'other' as const, city: c.city ?? null, address: c.address ?? null, country: 'BG' }]
        : [],
    contacts: [],
  };
}

function orderSearchText(
  number: string,
  party: { name: string; phone: string | null },
  item: { serialNumber: string; brandName: string; modelName: string },
): string {
  const digits = party.phone ? party.phone.replace(/\D/g, '') : null;
  return toSearchText(
    number,
    String(Number(number)),
    party.name,
    party.phone,
    digits,
    item.serialNumber,
    item.serialNumber.replace(/[\s-]/g, ''),
    item.brandName,
    item.modelName,
  );
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Refreshes the search column of the orders of a customer, an item, a model or a brand after what it copies changed:
 * the customer's name or first phone, or an anonymisation (the parties module's hooks), the item's serial or model
 * (the items module's), a model's or brand's name (the catalog's); all in the caller's transaction (orders.links.ts
 * registers them).
 */
export async function reindexOrders(
  db: Executor,
  by: { partyId?: string; itemId?: string; modelId?: string; brandId?: string },
): Promise<void> {
  if (!by.partyId && !by.itemId && !by.modelId && !by.brandId) return;
  let q = repo.orderView(db);
  if (by.partyId) q = q.where('service_order.party_id', '=', by.partyId);
  if (by.itemId) q = q.where('service_order.item_id', '=', by.itemId);
  if (by.modelId) q = q.where('item.model_id', '=', by.modelId);
  if (by.brandId) q = q.where('catalog_model.brand_id', '=', by.brandId);
  for (const r of await q.execute()) {
    const searchText = orderSearchText(
      r.number,
      { name: r.customer_name, phone: r.customer_phone ?? null },
      { serialNumber: r.serial_number, brandName: r.brand_name, modelName: r.model_name },
    );
    if (searchText !== r.search_text) await repo.updateOrder(db, r.id, { search_text: searchText });
  }
}

export async function reindexOrdersOfParty(db: Executor, partyId: string): Promise<void> {
  await reindexOrders(db, { partyId });
}

/** The path of the public status page of a token. */
export function statusPath(token: string): string {
  return `/s/${token}`;
}

async function newLink(
  trx: Executor,
  orderId: string,
  /** The order was inserted in this transaction: it has no link to revoke. */
  options: { newOrder?: boolean } = {},
): Promise<StatusLinkAnswer> {
  const now = nowIso();
  if (!options.newOrder) await repo.revokeLinksOf(trx, orderId, now);
  const token = randomBytes(32).toString('base64url');
  await repo.insertLink(trx, {
    id: newId(),
    order_id: orderId,
    token_hash: tokenHash(token),
    created_at: now,
    revoked_at: null,
  });
  return { token, url: statusPath(token) };
}

/**
 * Takes in an item for repair, in one transaction: the customer (existing, or created), the item (existing, found
 * by serial, or created), the number from the service_order series, the order, its timeline and audit, and its
 * public status link (the token is answered once). A customer with overdue invoices is refused (409
 * customer_has_overdue) only when the settings say 'refuse'.
 */
export async function intake(db: Db, actor: Actor, body: IntakeBody): Promise<IntakeAnswer> {
  return db.transaction().execute((trx) => intakeTx(trx, actor, body));
}

/** The intake in the caller's transaction (a repair quote converted to a new order takes it in so). */
export async function intakeTx(trx: Executor, actor: Actor, body: IntakeBody): Promise<IntakeAnswer> {
  const settings = await getServiceSettings(trx);
  const customerCreated = !body.partyId;
  const party = body.partyId
    ? await assertCustomerExists(trx, body.partyId, 'partyId')
    : await withPrefix('newCustomer.', () =>
        createCustomerIn(trx, actor, partyBodyOf(body.newCustomer as NewCustomer)),
      );
  const overdueCents = customerCreated ? 0 : await overdueOfCustomer(trx, party.id);
  const refused = settings.overdueCustomers === 'refuse' && overdueCents > 0;
  if (refused)
    throw new DomainError('conflict', 'customer_has_overdue', {
      field: 'partyId',
      params: { amount: (overdueCents / 100).toFixed(2) },
      extra: { overdueCents },
    });
  if (body.siteId) await assertSiteOfCustomer(trx, body.siteId, party.id, 'siteId');
  if (body.technicianId) await technicianOrThrow(trx, body.technicianId);
  const { item, created: itemCreated } = await intakeItem(trx, actor, body, party);
  const number = await takeNumber(trx, 'service_order');
  const now = nowIso();
  const id = newId();
  const row: Insertable<ServiceOrderTable> = {
    id,
    series_id: number.seriesId,
    number: number.formatted,
    status: ORDER_LIFECYCLE.initial,
    status_changed_at: now,
    location: body.location,
    party_id: party.id,
    item_id: item.id,
    site_id: body.siteId ?? null,
    complaint: body.complaint,
    accessories: JSON.stringify(body.accessories),
    condition_notes: body.conditionNotes ?? null,
    received_by: actor.userId,
    received_at: now,
    promised_date: body.promisedDate ?? null,
    diagnosis: null,
    internal_notes: null,
    customer_notes: body.customerNotes ?? null,
    technician_id: body.technicianId ?? null,
    parts_arrived_at: null,
    finished_at: null,
    delivered_at: null,
    cancelled_at: null,
    cancel_reason: null,
    issue_document_id: null,
    returns_document_id: null,
    refused_repair: false,
    search_text: orderSearchText(number.formatted, party, item),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertOrder(trx, row);
  await addEvent(trx, actor, id, 'created', {
    to: row.status,
    details: { customerCreated, itemCreated },
  });
  const link = await newLink(trx, id, { newOrder: true });
  const order = await getOrder(trx, id, { settings });
  await recordAudit(trx, actor, {
    action: 'service_order.create',
    entity: 'service_order',
    entityId: id,
    after: { ...order, lines: undefined },
  });
  return {
    ...order,
    statusLink: link,
    overdueCustomer: { overdueCents, policy: settings.overdueCustomers, refused },
    itemCreated,
    customerCreated,
  };
}

/** What the intake form shows at once for a customer and an item: warranties, open orders, overdue money. */
export async function intakeCheck(db: Executor, q: IntakeCheckQuery): Promise<IntakeCheck> {
  const settings = await getServiceSettings(db);
  let itemId: string | null = null;
  if (q.itemId) itemId = (await itemOrThrow(db, q.itemId)).id;
  else if (q.serial) {
    const serial = normalizeSerial(q.serial);
    if (q.modelId) itemId = (await findItemByModelSerial(db, q.modelId, serial))?.id ?? null;
    else {
      const ids = await findItemIdsBySerial(db, serial);
      itemId = ids.length === 1 ? (ids[0] as string) : null;
    }
  }
  const item = itemId ? await getItem(db, itemId) : null;
  const today = todayDate();
  const partyId = q.partyId ?? null;
  if (partyId) await assertCustomerExists(db, partyId, 'partyId');
  return {
    itemId,
    itemLabel: item ? `${item.brandName} ${item.modelName}, ${item.serialNumber}` : null,
    ownerPartyId: item?.partyId ?? null,
    warranty: item
      ? {
          underWarranty: item.warranty.underWarranty,
          warrantyEnd: item.warranty.warrantyEnd,
          daysLeft: item.warranty.daysLeft,
        }
      : null,
    shopWarranty: itemId
      ? (await repo.activeWarrantyRecordsOfItem(db, itemId, today)).map(toWarrantyRecord)
      : [],
    openOrders: itemId ? await repo.openOrdersOfItem(db, itemId) : [],
    overdueCents: partyId ? await overdueOfCustomer(db, partyId) : 0,
    overduePolicy: settings.overdueCustomers,
  };
}

// ---------------------------------------------------------------- status

async function lockedOrThrow(trx: Executor, id: string): Promise<Selectable<ServiceOrderTable>> {
  const row = await repo.lockOrder(trx, id);
  if (!row) throw notFound('service_order');
  return row;
}

const REFUSABLE_FROM: readonly string[] = ['diagnosing', 'awaiting_approval'];

/**
 * Moves an order to another status through its lifecycle (409 invalid_transition, 409 order_delivered when a
 * delivered order is cancelled). Cancelling needs a reason and releases the order's reservations; in_repair → ready
 * finishes it and ready → in_repair reopens it (orders.finish.ts, same transaction); diagnosing or
 * awaiting_approval → ready is a refused repair (refused: true) and charges the diagnostic fee as the settings say.
 */
export async function changeStatus(db: Db, actor: Actor, id: string, body: StatusBody): Promise<OrderDetail> {
  return db.transaction().execute((trx) => changeStatusTx(trx, actor, id, body));
}

/** The status change in the caller's transaction (a repair quote sent or converted moves its order so). */
export async function changeStatusTx(
  trx: Executor,
  actor: Actor,
  id: string,
  body: StatusBody,
  /** Why the system moved the order (a quote sent or converted), on its timeline event. */
  cause?: { cause: string; [detail: string]: string },
): Promise<OrderDetail> {
  const row = await lockedOrThrow(trx, id);
  const from = row.status;
  const to = body.to;
  assertTransition(ORDER_LIFECYCLE, from, to, { params: { number: row.number, from, to } });
  const now = nowIso();
  const patch: Partial<Insertable<ServiceOrderTable>> = {
    status: to,
    status_changed_at: now,
    updated_at: now,
  };
  const refusedRepair = from !== 'ready' && to === 'ready' && REFUSABLE_FROM.includes(from);
  if (body.refused && !refusedRepair)
    throw new DomainError('invalid', 'refusal_not_allowed', { field: 'refused', params: { from, to } });
  if (refusedRepair && !body.refused)
    throw new DomainError('invalid', 'refusal_required', { field: 'refused', params: { from, to } });
  if (to === 'cancelled') {
    if (!body.reason)
      throw new DomainError('invalid', 'required', { field: 'reason', params: { field: 'reason' } });
    await releaseReservationsOf(trx, actor, { sourceType: ORDER_SOURCE, sourceId: id });
    patch.cancelled_at = now;
    patch.cancel_reason = body.reason;
  }
  if (from === 'cancelled' && to === 'received') {
    await holdPartsAgain(trx, actor, row);
    patch.cancelled_at = null;
    patch.cancel_reason = null;
    patch.refused_repair = false;
  }
  // "Parts arrived" is cleared when the order moves on (ADR 0014).
  patch.parts_arrived_at = null;
  let finishWarnings: FinishWarning[] | undefined;
  if (from === 'in_repair' && to === 'ready') {
    finishWarnings = (await finishOrder(trx, actor, row)).warnings;
    patch.finished_at = now;
  }
  if (from === 'ready' && to === 'in_repair') {
    await reopenFinished(trx, actor, row);
    patch.finished_at = null;
    patch.refused_repair = false;
  }
  if (refusedRepair) {
    await applyDiagnosticFee(trx, actor, row, await getServiceSettings(trx));
    patch.refused_repair = true;
    patch.finished_at = now;
  }
  if (to === 'delivered') {
    patch.delivered_at = now;
    // Delivered with something to pay and no closing document: only with a reason, kept on the order (ADR 0024).
    if (!row.billed_by_id) {
      const toPay = (await readLines(trx, id)).reduce((s, l) => s + l.customerNetCents, 0);
      if (toPay > 0) {
        if (!body.reason)
          throw new DomainError('conflict', 'delivery_needs_document', {
            field: 'reason',
            params: { number: row.number },
          });
        patch.delivered_without_document_reason = body.reason;
      }
    }
  }
  await repo.updateOrder(trx, id, patch);
  // The earnings report's copy of the labour shares follows the finishing time (migration 0022).
  if (patch.finished_at) await recordEarnings(trx, id);
  else if (patch.finished_at === null) await forgetEarnings(trx, id);
  // A cancelled or finished order waits for nothing: its purchase request needs go (ADR 0014).
  if (to === 'cancelled' || to === 'ready') await dropNeedsOfSource(trx, actor, ORDER_SOURCE, id);
  await addEvent(trx, actor, id, 'status', {
    from,
    to,
    details: {
      ...(body.reason ? { reason: body.reason } : {}),
      ...(refusedRepair ? { refused: true } : {}),
      ...cause,
    },
  });
  await recordAudit(trx, actor, {
    action: 'service_order.status',
    entity: 'service_order',
    entityId: id,
    before: { number: row.number, status: from },
    after: {
      number: row.number,
      status: to,
      reason: body.reason ?? undefined,
      refused: refusedRepair || undefined,
    },
  });
  const detail = await getOrder(trx, id);
  return finishWarnings ? { ...detail, finishWarnings } : detail;
}

// ---------------------------------------------------------------- edits

const CLOSED: readonly string[] = ['delivered', 'cancelled'];
const NOTE_FIELDS = ['diagnosis', 'internalNotes', 'customerNotes'] as const;
const COLUMN_OF = {
  diagnosis: 'diagnosis',
  internalNotes: 'internal_notes',
  customerNotes: 'customer_notes',
  conditionNotes: 'condition_notes',
  promisedDate: 'promised_date',
  technicianId: 'technician_id',
  accessories: 'accessories',
  complaint: 'complaint',
} as const;

/**
 * Changes the order's diagnosis, notes, promised date, lead technician, condition, accessories or complaint; not
 * once delivered or cancelled (409 order_closed). Timeline: 'note' for the diagnosis and notes, 'changed' for the rest.
 */
export async function patchOrder(
  db: Db,
  actor: Actor,
  id: string,
  body: PatchOrderBody,
): Promise<OrderDetail> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedOrThrow(trx, id);
    if (CLOSED.includes(row.status))
      throw new DomainError('conflict', 'order_closed', {
        params: { number: row.number, status: row.status },
      });
    if (body.technicianId) await technicianOrThrow(trx, body.technicianId);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const patch: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(COLUMN_OF) as [keyof typeof COLUMN_OF, string][]) {
      const value = body[key];
      if (value === undefined) continue;
      const stored = key === 'accessories' ? JSON.stringify(value) : (value ?? null);
      const old = (row as unknown as Record<string, unknown>)[column] ?? null;
      if (stored === old) continue;
      before[key] = key === 'accessories' ? parseList(old as string | null) : old;
      after[key] = value ?? null;
      patch[column] = stored;
    }
    const changed = Object.keys(after);
    if (!changed.length) return getOrder(trx, id);
    await repo.updateOrder(trx, id, { ...patch, updated_at: nowIso() });
    const notes = changed.filter((k) => (NOTE_FIELDS as readonly string[]).includes(k));
    const others = changed.filter((k) => !(NOTE_FIELDS as readonly string[]).includes(k));
    if (notes.length) await addEvent(trx, actor, id, 'note', { details: { fields: notes } });
    if (others.length)
      await addEvent(trx, actor, id, 'changed', {
        details: { fields: others, before: pick(before, others), after: pick(after, others) },
      });
    await recordAudit(trx, actor, {
      action: 'service_order.update',
      entity: 'service_order',
      entityId: id,
      before: { number: row.number, ...before },
      after: { number: row.number, ...after },
    });
    return getOrder(trx, id);
  });
}

function pick(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

// ---------------------------------------------------------------- status links

/** A new public status link for the order; the old one stops working. The token is answered only now. */
export async function createStatusLink(db: Db, actor: Actor, id: string): Promise<StatusLinkAnswer> {
  return db.transaction().execute(async (trx) => {
    const row = await lockedOrThrow(trx, id);
    const link = await newLink(trx, id);
    await addEvent(trx, actor, id, 'link_created');
    await recordAudit(trx, actor, {
      action: 'service_order.link_create',
      entity: 'service_order',
      entityId: id,
      after: { number: row.number },
    });
    return link;
  });
}

/** Stops the order's public status link (nothing to do when it has none). */
export async function revokeStatusLink(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockedOrThrow(trx, id);
    const n = await repo.revokeLinksOf(trx, id, nowIso());
    if (!n) return;
    await addEvent(trx, actor, id, 'link_revoked');
    await recordAudit(trx, actor, {
      action: 'service_order.link_revoke',
      entity: 'service_order',
      entityId: id,
      before: { number: row.number },
    });
  });
}

/** The public status page of a token: only these fields; 404 for an unknown or revoked token. */
export async function publicOrder(db: Executor, token: string): Promise<PublicOrder> {
  const row = await repo.orderByLinkHash(db, tokenHash(token));
  if (!row) throw notFound('service_order');
  const company = await getCompanySettings(db).catch(() => null);
  return {
    number: row.number,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    promisedDate: row.promised_date,
    customerNotes: row.customer_notes,
    itemLabel: `${row.brand_name} ${row.model_name}`,
    companyName: company?.legalName ?? '',
  };
}

// ---------------------------------------------------------------- settings

/** For the settings: the diagnostic fee's service type must exist (400 unknown_service_type). */
export async function assertServiceType(db: Executor, id: string): Promise<void> {
  const st = await getServiceType(db, id).catch(() => null);
  if (!st)
    throw new DomainError('invalid', 'unknown_service_type', {
      field: 'diagnosticServiceTypeId',
      params: { field: 'diagnosticServiceTypeId' },
    });
}
