/**
 * The lines of a service order (issue 12, items 4 and 6): parts from a warehouse, reserved when added; labour priced
 * from the norm-time catalogue for the item's model, shared by its technicians; other charges. Each line's payer is
 * decided by the item (orders.payer.ts) and may be overridden with a reason. Lines change only while the order is
 * open for work (received … in_repair); at ready, delivered or cancelled they are locked (409 order_lines_locked).
 */
import type { Insertable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { calendarDateOf, todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { milliToUnits } from '../../kernel/quantity';
import type { VatRateKind } from '../../kernel/vat-rate-kinds';
import { recordAudit } from '../audit';
import { getPart, getServiceType, type Part, quoteService } from '../catalog';
import { type ItemVat, itemVatOf, vatRatesOn } from '../company';
import { getItem, getItemWarranty } from '../items';
import { syncNeed } from '../purchasing';
import {
  activeReservationsOf,
  availableToReserve,
  getWarehouse,
  releaseReservationsOf,
  reserveAvailable,
} from '../stock';
import { technicianExists } from '../technicians';
import { ORDER_LIFECYCLE } from './orders.lifecycle';
import * as repo from './orders.lines.repository';
import { choosePayer, defaultPayer, type LineKind, type PayerDecision } from './orders.payer';
import type { AddLineBody, PatchLineBody } from './orders.schema';
import type { LinePayer, RemovedDisposition, ServiceOrderLineTable } from './orders.table';

/** The source type of the stock documents and reservations made for a service order. */
export const ORDER_SOURCE = 'service_order';
/** The VAT of a charge line when none is given: the standard kind (ADR 0042; its rate is read on the day). */
export const CHARGE_VAT: ItemVat = { vatRateKind: 'standard', vatRateBp: 2000, vatReason: null };

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

/** The order, locked; 404 when there is none. */
export async function lockedOrder(trx: Executor, id: string): Promise<repo.OrderRow> {
  const order = await repo.lockOrder(trx, id);
  if (!order) throw notFound('service_order');
  return order;
}

/** 409 order_lines_locked once the order is ready, delivered or cancelled: its lines no longer change. */
export function assertLinesOpen(order: Pick<repo.OrderRow, 'status' | 'number'>): void {
  if ((ORDER_LIFECYCLE.editable as readonly string[]).includes(order.status)) return;
  throw new DomainError('conflict', 'order_lines_locked', {
    params: { number: order.number, status: order.status },
  });
}

/** The calendar day the item was handed in: the warranty is judged on it. */
export function intakeDateOf(order: Pick<repo.OrderRow, 'received_at'>): string {
  return calendarDateOf(new Date(order.received_at));
}

/** The default payer of a line of this order, from the item's warranty on the intake date and its shop warranties. */
export async function payerDecisionFor(
  trx: Executor,
  order: repo.OrderRow,
  line: { kind: LineKind; partId?: string | null; serviceTypeId?: string | null },
): Promise<PayerDecision> {
  const intakeDate = intakeDateOf(order);
  const warranty = await getItemWarranty(trx, order.item_id, intakeDate);
  const records = await repo.activeWarrantiesOfItem(trx, order.item_id, order.id);
  return defaultPayer({
    ...line,
    intakeDate,
    manufacturerWarranty: warranty,
    shopWarranties: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      partId: r.part_id,
      serviceTypeId: r.service_type_id,
      fittedOn: r.fitted_on,
      validUntil: r.valid_until,
      status: r.status,
    })),
  });
}

// ---------------------------------------------------------------- the values of a line

/** A line's input after a patch is laid over what it was: null means "from the catalogue" where that applies. */
interface LineInput {
  partId: string | null;
  serviceTypeId: string | null;
  description: string | null;
  warehouseId: string | null;
  quantityMilli: number;
  usedQuantityMilli: number | null;
  unitPriceCents: number | null;
  priceOverrideReason: string | null;
  discountBp: number;
  /** An explicit rate (clients before ADR 0042); null: the kind decides. */
  vatRateBp: number | null;
  /** ADR 0042: the kind of rate, from the catalogue item unless given; its ground for 0 % and exempt. */
  vatRateKind: VatRateKind | null;
  vatReason: string | null;
  payer: LinePayer | null;
  payerReason: string | null;
  normMinutes: number | null;
  actualMinutes: number | null;
  technicians: { technicianId: string; shareBp: number }[] | undefined;
  fittedSerial: string | null;
  removedSerial: string | null;
  removedDisposition: RemovedDisposition | null;
  removedWarehouseId: string | null;
}

/** The fields each kind of line may carry; any other given field is 400 not_for_line_kind. */
const FIELDS_OF: Record<LineKind, ReadonlySet<keyof LineInput>> = {
  part: new Set([
    'partId',
    'description',
    'warehouseId',
    'quantityMilli',
    'usedQuantityMilli',
    'unitPriceCents',
    'priceOverrideReason',
    'discountBp',
    'vatRateBp',
    'vatRateKind',
    'vatReason',
    'payer',
    'payerReason',
    'fittedSerial',
    'removedSerial',
    'removedDisposition',
    'removedWarehouseId',
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
    'payer',
    'payerReason',
    'normMinutes',
    'actualMinutes',
    'technicians',
  ]),
  charge: new Set([
    'description',
    'quantityMilli',
    'unitPriceCents',
    'discountBp',
    'vatRateBp',
    'vatRateKind',
    'vatReason',
    'payer',
    'payerReason',
  ]),
};

function refuseForeignFields(kind: LineKind, body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === 'kind' || value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (!FIELDS_OF[kind].has(key as keyof LineInput)) throw bad('not_for_line_kind', key, { kind });
  }
}

/** What the catalogue says of the line's part or service, for its price, VAT, norm and name. */
export interface Catalogue {
  part: Part | null;
  listPriceCents: number;
  /** The item's VAT: its kind (ADR 0042), the kind's rate today, the ground. */
  vat: ItemVat;
  normMinutes: number | null;
  name: string | null;
  unit: string;
}

/**
 * The catalogue's word on a line for this item (issue 12): a part's sale price, VAT, name and unit; labour's norm
 * minutes and price for the item's model (the catalogue's override, catalog quoteService); a charge as given. Order
 * lines and repair quotes price their lines through this one lookup.
 */
export async function lineCatalogue(
  trx: Executor,
  itemId: string,
  kind: LineKind,
  input: Pick<LineInput, 'partId' | 'serviceTypeId' | 'unitPriceCents'>,
): Promise<Catalogue> {
  if (kind === 'part') {
    if (!input.partId) throw bad('required', 'partId');
    const part = await getPart(trx, input.partId);
    if (!part) throw bad('unknown_part', 'partId');
    if (part.archived) throw bad('part_archived', 'partId', { code: part.code });
    return {
      part,
      listPriceCents: part.salePriceCents,
      vat: { vatRateKind: part.vatRateKind, vatRateBp: part.vatRateBp, vatReason: part.vatReason },
      normMinutes: null,
      name: part.nameBg,
      unit: part.unit,
    } satisfies Catalogue;
  }
  if (kind === 'labour') {
    if (!input.serviceTypeId) throw bad('required', 'serviceTypeId');
    const service = await getServiceType(trx, input.serviceTypeId);
    if (!service) throw bad('unknown_service_type', 'serviceTypeId', { code: input.serviceTypeId });
    const item = await getItem(trx, itemId);
    const quote = await quoteService(
      trx,
      service.id,
      { modelId: item.modelId, brandId: item.brandId },
      service,
    );
    return {
      part: null,
      listPriceCents: quote.unitPriceCents,
      vat: { vatRateKind: service.vatRateKind, vatRateBp: service.vatRateBp, vatReason: service.vatReason },
      normMinutes: quote.normMinutes,
      name: service.nameBg,
      unit: 'бр.',
    } satisfies Catalogue;
  }
  return {
    part: null,
    listPriceCents: input.unitPriceCents ?? 0,
    vat: CHARGE_VAT,
    normMinutes: null,
    name: null,
    unit: 'бр.',
  } satisfies Catalogue;
}

/** A part line's warehouse: a store, or the van of the order's lead technician. */
async function checkWarehouse(trx: Executor, order: repo.OrderRow, id: string, field: string) {
  let warehouse: Awaited<ReturnType<typeof getWarehouse>>;
  try {
    warehouse = await getWarehouse(trx, id);
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'not_found') throw bad('unknown_warehouse', field);
    throw e;
  }
  if (warehouse.archived)
    throw new DomainError('conflict', 'warehouse_archived', { field, params: { code: warehouse.code } });
  if (warehouse.kind === 'van' && warehouse.technicianId !== order.technician_id)
    throw bad('van_not_of_lead_technician', field, { code: warehouse.code });
  return warehouse;
}

/** The technicians of a labour line: known, each once, their shares summing to 100 % (10000 bp). */
async function checkTechnicians(trx: Executor, rows: { technicianId: string; shareBp: number }[]) {
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const field = `technicians.${i}.technicianId`;
    if (seen.has(r.technicianId)) throw bad('technician_listed_twice', field);
    seen.add(r.technicianId);
    if (!(await technicianExists(trx, r.technicianId))) throw bad('unknown_technician', field);
  }
  const sum = rows.reduce((s, r) => s + r.shareBp, 0);
  if (rows.length && sum !== 10_000) throw bad('shares_not_100', 'technicians', { percent: sum / 100 });
}

interface CheckedLine {
  row: Omit<
    repo.LineRow,
    'id' | 'order_id' | 'position' | 'kind' | 'unit_cost_cents' | 'created_at' | 'updated_at'
  >;
  technicians: { technicianId: string; shareBp: number }[] | undefined;
  payerOverridden: boolean;
  payerDefault: LinePayer;
}

/** Checks a line's input against its kind, the catalogue and the order; answers the values of its row. */
async function checkLine(
  trx: Executor,
  order: repo.OrderRow,
  kind: LineKind,
  input: LineInput,
  before?: repo.LineRow,
): Promise<CheckedLine> {
  const cat = await lineCatalogue(trx, order.item_id, kind, input);
  // A line whose part or service did not change keeps the list price it was added with.
  const sameCatalogue =
    before && before.part_id === input.partId && before.service_type_id === input.serviceTypeId;
  const listPriceCents =
    kind === 'charge'
      ? (input.unitPriceCents ?? 0)
      : sameCatalogue
        ? before.list_price_cents
        : cat.listPriceCents;
  if (kind === 'charge') {
    if (!input.description) throw bad('required', 'description');
    if (input.unitPriceCents === null) throw bad('required', 'unitPriceCents');
  }
  const unitPriceCents = input.unitPriceCents ?? listPriceCents;
  // The norm the catalogue gives; a line kept as it was compares with the norm it was added with.
  const quotedNorm = sameCatalogue && !before.price_override_reason ? before.norm_minutes : cat.normMinutes;
  const normMinutes = kind === 'labour' ? (input.normMinutes ?? quotedNorm) : null;
  const overridden =
    kind !== 'charge' &&
    (unitPriceCents !== listPriceCents || (kind === 'labour' && normMinutes !== quotedNorm));
  const priceOverrideReason = overridden ? (input.priceOverrideReason?.trim() ?? '') : null;
  if (overridden && !priceOverrideReason) throw bad('price_override_reason_required', 'priceOverrideReason');

  if (kind === 'part') {
    if (!input.warehouseId) throw bad('required', 'warehouseId');
    await checkWarehouse(trx, order, input.warehouseId, 'warehouseId');
    // One serial per unit: a serial-tracked part is fitted one unit a line (used: that unit or none).
    if (cat.part?.serialTracked) {
      const code = cat.part.code;
      if (input.quantityMilli !== 1000) throw bad('serial_tracked_one_unit', 'quantityMilli', { code });
      if ((input.usedQuantityMilli ?? 0) > 1000)
        throw bad('serial_tracked_one_unit', 'usedQuantityMilli', { code });
    }
  }
  if (input.removedDisposition === 'to_warehouse') {
    if (!input.removedWarehouseId) throw bad('required', 'removedWarehouseId');
    await checkWarehouse(trx, order, input.removedWarehouseId, 'removedWarehouseId');
  } else if (input.removedWarehouseId) throw bad('removed_warehouse_only_to_warehouse', 'removedWarehouseId');
  if (input.removedSerial && !input.removedDisposition) throw bad('required', 'removedDisposition');

  let technicians = input.technicians;
  if (kind === 'labour' && technicians === undefined && !before)
    technicians = order.technician_id ? [{ technicianId: order.technician_id, shareBp: 10_000 }] : [];
  if (technicians) await checkTechnicians(trx, technicians);

  // ADR 0042: the line takes its item's kind unless a kind (or, as before, a rate) is given; a 0 % or exempt kind
  // brings the item's ground, or needs one (400 vat_rate_reason_required).
  const vat = itemVatOf(
    await vatRatesOn(trx, todayDate()),
    { vatRateKind: input.vatRateKind, vatRateBp: input.vatRateBp, vatReason: input.vatReason ?? undefined },
    cat.vat,
  );

  const decision = await payerDecisionFor(trx, order, {
    kind,
    partId: input.partId,
    serviceTypeId: input.serviceTypeId,
  });
  const chosen = choosePayer(decision, { payer: input.payer, reason: input.payerReason });

  return {
    row: {
      part_id: kind === 'part' ? input.partId : null,
      service_type_id: kind === 'labour' ? input.serviceTypeId : null,
      description: input.description ?? (sameCatalogue ? before.description : cat.name) ?? '',
      warehouse_id: kind === 'part' ? input.warehouseId : null,
      quantity_milli: input.quantityMilli,
      used_quantity_milli: kind === 'part' ? input.usedQuantityMilli : null,
      unit: cat.unit,
      unit_price_cents: unitPriceCents,
      list_price_cents: listPriceCents,
      discount_bp: input.discountBp,
      vat_rate_bp: vat.vatRateBp,
      vat_rate_kind: vat.vatRateKind,
      vat_reason: vat.vatReason,
      payer: chosen.payer,
      payer_reason: chosen.payerReason,
      covered_by_warranty_id: chosen.coveredByWarrantyId,
      norm_minutes: normMinutes,
      price_override_reason: priceOverrideReason,
      actual_minutes: kind === 'labour' ? input.actualMinutes : null,
      fitted_serial: kind === 'part' ? input.fittedSerial : null,
      removed_serial: kind === 'part' ? input.removedSerial : null,
      removed_disposition: kind === 'part' ? input.removedDisposition : null,
      removed_warehouse_id: kind === 'part' ? input.removedWarehouseId : null,
    },
    technicians,
    payerOverridden: chosen.overridden,
    payerDefault: decision.payer,
  };
}

// ---------------------------------------------------------------- reservations

export type ReservationState = 'reserved' | 'partly' | 'waiting' | 'none';

/** What a part line should hold: its used quantity once set, else the planned one. */
export function targetOf(line: Pick<repo.LineRow, 'quantity_milli' | 'used_quantity_milli'>): number {
  return line.used_quantity_milli ?? line.quantity_milli;
}

export function reservationStateOf(
  kind: LineKind,
  targetMilli: number,
  reservedMilli: number,
): ReservationState {
  if (kind !== 'part') return 'none';
  if (reservedMilli >= targetMilli) return 'reserved';
  return reservedMilli > 0 ? 'partly' : 'waiting';
}

/** The quantity a line holds now (its active reservations). */
export async function reservedOfLine(trx: Executor, orderId: string, lineId: string): Promise<number> {
  const held = await activeReservationsOf(trx, {
    sourceType: ORDER_SOURCE,
    sourceId: orderId,
    sourceLineId: lineId,
  });
  return held.reduce((s, r) => s + r.quantityMilli, 0);
}

/**
 * Holds the line's target quantity afresh: releases what it held and reserves what is available now, so a line
 * keeps one reservation. `mustCover` (a used quantity): 409 insufficient_stock when held + free stock is short.
 */
export async function reserveLine(
  trx: Executor,
  actor: Actor,
  order: Pick<repo.OrderRow, 'id'>,
  line: Pick<repo.LineRow, 'id' | 'part_id' | 'warehouse_id' | 'quantity_milli' | 'used_quantity_milli'>,
  mustCover?: { field: string; partCode: string; warehouseCode: string },
  /** The line was inserted in this transaction: it holds nothing yet (not read). */
  options: { newLine?: boolean } = {},
): Promise<number> {
  const source = { sourceType: ORDER_SOURCE, sourceId: order.id, sourceLineId: line.id };
  if (!line.part_id || !line.warehouse_id) return 0;
  const target = targetOf(line);
  const key = { partId: line.part_id, warehouseId: line.warehouse_id };
  const held = options.newLine ? 0 : await reservedOfLine(trx, order.id, line.id);
  if (mustCover || held > 0) await coverOrThrow(trx, key, line, target, held, mustCover);
  if (held === target) return held;
  if (held > 0) await releaseReservationsOf(trx, actor, source);
  if (target <= 0) return 0;
  // reserveAvailable locks the level and holds what is free of the target.
  const { reservedMilli } = await reserveAvailable(trx, actor, {
    ...key,
    sourceType: ORDER_SOURCE,
    sourceId: order.id,
    sourceLineId: line.id,
    quantityMilli: target,
  });
  return reservedMilli;
}

/**
 * Locks the level before anything is released, so the check and the new reservation see the same stock; with
 * `mustCover`, 409 insufficient_stock when what the line holds plus the free stock is short of its target.
 */
async function coverOrThrow(
  trx: Executor,
  key: { partId: string; warehouseId: string },
  line: Pick<repo.LineRow, 'part_id' | 'warehouse_id'>,
  target: number,
  held: number,
  mustCover: { field: string; partCode: string; warehouseCode: string } | undefined,
): Promise<void> {
  const free = await availableToReserve(trx, key);
  if (mustCover && target > held + free) {
    const available = held + free;
    throw new DomainError('conflict', 'insufficient_stock', {
      field: mustCover.field,
      params: {
        field: mustCover.field,
        part: mustCover.partCode,
        warehouse: mustCover.warehouseCode,
        requested: milliToUnits(target),
        available: milliToUnits(available),
        shortfall: milliToUnits(target - available),
      },
      extra: {
        partId: line.part_id,
        warehouseId: line.warehouse_id,
        requestedMilli: target,
        availableMilli: available,
        shortfallMilli: target - available,
      },
    });
  }
}

/**
 * Tells the purchase requests how much a part line still waits for (its target less what it holds): the missing
 * quantity is drafted for the part's supplier, a change updates the draft, 0 takes it off (ADR 0014).
 */
export async function syncWaiting(
  trx: Executor,
  actor: Actor,
  order: Pick<repo.OrderRow, 'id' | 'number' | 'received_at'>,
  line: Pick<repo.LineRow, 'id' | 'part_id' | 'warehouse_id' | 'quantity_milli' | 'used_quantity_milli'>,
  reservedMilli: number,
): Promise<void> {
  await syncNeed(
    trx,
    actor,
    {
      sourceType: ORDER_SOURCE,
      sourceId: order.id,
      sourceLineId: line.id,
      sourceLabel: order.number,
      sourceDate: order.received_at,
      partId: line.part_id ?? undefined,
      warehouseId: line.warehouse_id ?? undefined,
    },
    targetOf(line) - reservedMilli,
  );
}

/** Statuses from which a line waiting for parts sends the order to awaiting_parts. */
const WAIT_FROM = new Set(['diagnosing', 'in_repair']);

/** A part line waiting for stock moves an order in diagnosis or in repair to awaiting_parts (through the lifecycle). */
async function waitForParts(trx: Executor, actor: Actor, order: repo.OrderRow, now: string): Promise<void> {
  if (!WAIT_FROM.has(order.status)) return;
  const to = 'awaiting_parts' as const;
  if (!ORDER_LIFECYCLE.transitions[order.status].includes(to)) return;
  await repo.updateOrderRow(trx, order.id, { status: to, status_changed_at: now, updated_at: now });
  await repo.insertEvent(trx, {
    orderId: order.id,
    at: now,
    userId: actor.userId,
    kind: 'status',
    fromStatus: order.status,
    toStatus: to,
    details: { cause: 'parts_waiting' },
  });
  await recordAudit(trx, actor, {
    action: 'service_order.status',
    entity: 'service_order',
    entityId: order.id,
    before: { status: order.status },
    after: { status: to, cause: 'parts_waiting' },
  });
  order.status = to;
}

// ---------------------------------------------------------------- add, change, remove

function inputOfBody(body: AddLineBody): LineInput {
  return {
    partId: body.partId ?? null,
    serviceTypeId: body.serviceTypeId ?? null,
    description: body.description ?? null,
    warehouseId: body.warehouseId ?? null,
    quantityMilli: body.quantityMilli,
    usedQuantityMilli: null,
    unitPriceCents: body.unitPriceCents ?? null,
    priceOverrideReason: body.priceOverrideReason ?? null,
    discountBp: body.discountBp ?? 0,
    vatRateBp: body.vatRateBp ?? null,
    vatRateKind: body.vatRateKind ?? null,
    vatReason: body.vatReason ?? null,
    payer: body.payer ?? null,
    payerReason: body.payerReason ?? null,
    normMinutes: body.normMinutes ?? null,
    actualMinutes: body.actualMinutes ?? null,
    technicians: body.technicians,
    fittedSerial: body.fittedSerial ?? null,
    removedSerial: body.removedSerial ?? null,
    removedDisposition: body.removedDisposition ?? null,
    removedWarehouseId: body.removedWarehouseId ?? null,
  };
}

/** The line as it is, as input: what a patch is laid over. */
function inputOfRow(line: repo.LineRow): LineInput {
  return {
    partId: line.part_id,
    serviceTypeId: line.service_type_id,
    description: line.description,
    warehouseId: line.warehouse_id,
    quantityMilli: line.quantity_milli,
    usedQuantityMilli: line.used_quantity_milli,
    unitPriceCents: line.unit_price_cents,
    priceOverrideReason: line.price_override_reason,
    discountBp: line.discount_bp,
    vatRateBp: line.vat_rate_kind ? null : line.vat_rate_bp,
    vatRateKind: line.vat_rate_kind,
    vatReason: line.vat_reason,
    // A payer chosen with a reason stays; a defaulted one is decided again.
    payer: line.payer_reason ? line.payer : null,
    payerReason: line.payer_reason,
    normMinutes: line.norm_minutes,
    actualMinutes: line.actual_minutes,
    technicians: undefined,
    fittedSerial: line.fitted_serial,
    removedSerial: line.removed_serial,
    removedDisposition: line.removed_disposition,
    removedWarehouseId: line.removed_warehouse_id,
  };
}

/** A patch laid over the line: given keys win; a new part or service takes its catalogue price, VAT and name. */
function patched(line: repo.LineRow, patch: PatchLineBody): LineInput {
  const base = inputOfRow(line);
  const out: LineInput = { ...base };
  const set = <K extends keyof LineInput>(k: K, v: LineInput[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('partId', patch.partId);
  set('serviceTypeId', patch.serviceTypeId);
  const newCatalogue = out.partId !== line.part_id || out.serviceTypeId !== line.service_type_id;
  if (newCatalogue) {
    out.unitPriceCents = null;
    out.priceOverrideReason = null;
    out.vatRateBp = null;
    out.vatRateKind = null;
    out.vatReason = null;
    out.description = null;
    out.normMinutes = null;
  }
  set('description', patch.description);
  set('warehouseId', patch.warehouseId);
  set('quantityMilli', patch.quantityMilli ?? undefined);
  set('usedQuantityMilli', patch.usedQuantityMilli);
  set('unitPriceCents', patch.unitPriceCents);
  set('priceOverrideReason', patch.priceOverrideReason);
  set('discountBp', patch.discountBp ?? undefined);
  if (patch.vatRateKind) {
    out.vatRateKind = patch.vatRateKind;
    out.vatRateBp = null;
  } else if (patch.vatRateBp !== undefined && patch.vatRateBp !== null) {
    out.vatRateBp = patch.vatRateBp;
    out.vatRateKind = null;
  }
  set('vatReason', patch.vatReason);
  set('payer', patch.payer);
  set('payerReason', patch.payerReason);
  set('normMinutes', patch.normMinutes);
  set('actualMinutes', patch.actualMinutes);
  set('technicians', patch.technicians);
  set('fittedSerial', patch.fittedSerial);
  set('removedSerial', patch.removedSerial);
  set('removedDisposition', patch.removedDisposition);
  set('removedWarehouseId', patch.removedWarehouseId);
  return out;
}

function eventDetails(line: Pick<repo.LineRow, 'id' | 'kind' | 'description' | 'quantity_milli' | 'payer'>) {
  return {
    lineId: line.id,
    lineKind: line.kind,
    description: line.description,
    quantityMilli: line.quantity_milli,
    payer: line.payer,
  };
}

async function recordPayerOverride(
  trx: Executor,
  actor: Actor,
  order: repo.OrderRow,
  line: Pick<repo.LineRow, 'id' | 'description' | 'payer' | 'payer_reason'>,
  payerDefault: LinePayer,
  now: string,
) {
  const details = {
    lineId: line.id,
    description: line.description,
    from: payerDefault,
    to: line.payer,
    reason: line.payer_reason,
  };
  await repo.insertEvent(trx, {
    orderId: order.id,
    at: now,
    userId: actor.userId,
    kind: 'payer_override',
    details,
  });
  await recordAudit(trx, actor, {
    action: 'service_order.payer_override',
    entity: 'service_order',
    entityId: order.id,
    before: { lineId: line.id, payer: payerDefault },
    after: { lineId: line.id, payer: line.payer, reason: line.payer_reason },
  });
}

export interface LineChange {
  orderId: string;
  lineId: string;
  reservationState: ReservationState;
  reservedMilli: number;
}

/**
 * Adds a line to an open order: a part line reserves what is available of its quantity in its warehouse (the rest
 * waits, and an order in diagnosis or repair goes to awaiting_parts); labour is priced for the item's model.
 */
export async function addLine(db: Db, actor: Actor, orderId: string, body: AddLineBody): Promise<LineChange> {
  return db.transaction().execute((trx) => addLineTx(trx, actor, orderId, body));
}

export async function addLineTx(
  trx: Executor,
  actor: Actor,
  orderId: string,
  body: AddLineBody,
  options: { closingLine?: boolean } = {},
): Promise<LineChange> {
  const order = await lockedOrder(trx, orderId);
  // The diagnostic fee is added as the order closes (ready): the one line that may come after the lock.
  if (!options.closingLine) assertLinesOpen(order);
  refuseForeignFields(body.kind, body as Record<string, unknown>);
  const checked = await checkLine(trx, order, body.kind, inputOfBody(body));
  const now = nowIso();
  const line = {
    ...checked.row,
    id: newId(),
    order_id: order.id,
    position: await repo.nextPosition(trx, order.id),
    kind: body.kind,
    unit_cost_cents: null,
    created_at: now,
    updated_at: now,
  } satisfies Insertable<ServiceOrderLineTable>;
  await repo.insertLine(trx, line);
  if (checked.technicians) await repo.replaceLineTechnicians(trx, line.id, checked.technicians);
  const reserved =
    body.kind === 'part' ? await reserveLine(trx, actor, order, line, undefined, { newLine: true }) : 0;
  // A new line has no purchase need yet: only one that waits for stock asks for one.
  if (body.kind === 'part' && targetOf(line) > reserved) await syncWaiting(trx, actor, order, line, reserved);
  const state = reservationStateOf(body.kind, targetOf(line), reserved);
  await repo.insertEvent(trx, {
    orderId: order.id,
    at: now,
    userId: actor.userId,
    kind: 'line_added',
    details: { ...eventDetails(line), reservationState: state },
  });
  await recordAudit(trx, actor, {
    action: 'service_order.line_add',
    entity: 'service_order',
    entityId: order.id,
    after: { ...line, technicians: checked.technicians ?? [] },
  });
  if (checked.payerOverridden) await recordPayerOverride(trx, actor, order, line, checked.payerDefault, now);
  if (state === 'waiting' || state === 'partly') await waitForParts(trx, actor, order, now);
  await repo.updateOrderRow(trx, order.id, { updated_at: now });
  return { orderId: order.id, lineId: line.id, reservationState: state, reservedMilli: reserved };
}

/**
 * Changes a line of an open order. A new quantity, part or warehouse holds the stock afresh; a used quantity may be
 * set only in repair and never above what the line holds plus the free stock (409 insufficient_stock).
 */
export async function changeLine(
  db: Db,
  actor: Actor,
  orderId: string,
  lineId: string,
  patch: PatchLineBody,
): Promise<LineChange> {
  return db.transaction().execute(async (trx) => {
    const order = await lockedOrder(trx, orderId);
    assertLinesOpen(order);
    const before = await repo.findLine(trx, order.id, lineId);
    if (!before) throw notFound('service_order_line');
    refuseForeignFields(before.kind, patch as Record<string, unknown>);
    const usedGiven =
      patch.usedQuantityMilli !== undefined && patch.usedQuantityMilli !== before.used_quantity_milli;
    if (usedGiven && order.status !== 'in_repair')
      throw new DomainError('conflict', 'used_quantity_not_in_repair', {
        field: 'usedQuantityMilli',
        params: { field: 'usedQuantityMilli', status: order.status },
      });
    const checked = await checkLine(trx, order, before.kind, patched(before, patch), before);
    const now = nowIso();
    const after: repo.LineRow = { ...before, ...checked.row, updated_at: now } as repo.LineRow;
    await repo.updateLineRow(trx, before.id, { ...checked.row, updated_at: now });
    if (checked.technicians !== undefined)
      await repo.replaceLineTechnicians(trx, before.id, checked.technicians);

    let reserved = 0;
    if (before.kind === 'part') {
      const stockChanged =
        before.part_id !== after.part_id ||
        before.warehouse_id !== after.warehouse_id ||
        targetOf(before) !== targetOf(after);
      if (stockChanged) {
        if (before.part_id !== after.part_id || before.warehouse_id !== after.warehouse_id)
          await releaseReservationsOf(trx, actor, {
            sourceType: ORDER_SOURCE,
            sourceId: order.id,
            sourceLineId: before.id,
          });
        const cover =
          usedGiven && after.part_id && after.warehouse_id
            ? {
                field: 'usedQuantityMilli',
                partCode: (await getPart(trx, after.part_id))?.code ?? after.part_id,
                warehouseCode: (await getWarehouse(trx, after.warehouse_id)).code,
              }
            : undefined;
        reserved = await reserveLine(trx, actor, order, after, cover);
      } else reserved = await reservedOfLine(trx, order.id, before.id);
      await syncWaiting(trx, actor, order, after, reserved);
    }
    const state = reservationStateOf(before.kind, targetOf(after), reserved);
    const changed = Object.fromEntries(
      Object.entries(checked.row).filter(([k, v]) => before[k as keyof repo.LineRow] !== v),
    );
    await repo.insertEvent(trx, {
      orderId: order.id,
      at: now,
      userId: actor.userId,
      kind: 'line_changed',
      details: { ...eventDetails(after), changed: Object.keys(changed), reservationState: state },
    });
    await recordAudit(trx, actor, {
      action: 'service_order.line_update',
      entity: 'service_order',
      entityId: order.id,
      before: {
        lineId: before.id,
        ...Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof repo.LineRow]])),
      },
      after: {
        lineId: before.id,
        ...changed,
        ...(checked.technicians ? { technicians: checked.technicians } : {}),
      },
    });
    const payerChanged = before.payer !== after.payer || before.payer_reason !== after.payer_reason;
    if (checked.payerOverridden && payerChanged)
      await recordPayerOverride(trx, actor, order, after, checked.payerDefault, now);
    if (before.kind === 'part' && (state === 'waiting' || state === 'partly'))
      await waitForParts(trx, actor, order, now);
    await repo.updateOrderRow(trx, order.id, { updated_at: now });
    return { orderId: order.id, lineId: before.id, reservationState: state, reservedMilli: reserved };
  });
}

/** Removes a line of an open order and releases what it held. */
export async function removeLine(db: Db, actor: Actor, orderId: string, lineId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const order = await lockedOrder(trx, orderId);
    assertLinesOpen(order);
    const line = await repo.findLine(trx, order.id, lineId);
    if (!line) throw notFound('service_order_line');
    await releaseReservationsOf(trx, actor, {
      sourceType: ORDER_SOURCE,
      sourceId: order.id,
      sourceLineId: line.id,
    });
    if (line.kind === 'part')
      await syncNeed(trx, actor, { sourceType: ORDER_SOURCE, sourceId: order.id, sourceLineId: line.id }, 0);
    await repo.deleteLineRow(trx, line.id);
    const now = nowIso();
    await repo.insertEvent(trx, {
      orderId: order.id,
      at: now,
      userId: actor.userId,
      kind: 'line_removed',
      details: eventDetails(line),
    });
    await recordAudit(trx, actor, {
      action: 'service_order.line_remove',
      entity: 'service_order',
      entityId: order.id,
      before: line,
    });
    await repo.updateOrderRow(trx, order.id, { updated_at: now });
  });
}
