/**
 * The technicians' schedule (issue 14 items 2-4 and 7, ADR 0031): booking a visit or a work block onto one or more
 * technicians, moving and re-assigning it (with its history), cancelling and finishing it; conflicts (an overlap, a
 * slot outside the working hours, a day off) refuse a booking with the conflict named unless a manager overrides
 * with a reason; a technician without the skill is a warning. Each booking locks its technicians first
 * (visit_technician_lock on PostgreSQL; SQLite's one writer), so of two bookings of one slot exactly one wins.
 * Also the calendar's range read, "my jobs", occupancy and suggestions.
 */
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { addDays, daysBetween, startOfDayInstant, todayDate, wallClockOf } from '../../kernel/calendar';
import { compareBg } from '../../kernel/collate';
import { DomainError, forbidden, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import { getOrder, OPEN_STATUSES } from '../orders';
import {
  findTechnicianOfUser,
  getTechnician,
  listRoster,
  type RosterTechnician,
  type Technician,
} from '../technicians';
import {
  type BusySlot,
  type Conflict,
  conflictsOf,
  dayLoad,
  daysFrom,
  earliestFits,
  freeGaps,
  groupBy,
  intersect,
  minutesOf,
  type Span,
  workingSlots,
} from './visits.plan';
import * as repo from './visits.repository';
import type {
  Booking,
  BookingAnswer,
  BookingDetail,
  CreateBookingBody,
  MoveBookingBody,
  OccupancyAnswer,
  SuggestAnswer,
  Warning,
} from './visits.schema';
import {
  categoryCodesOf,
  getVisitRequest,
  getVisitSettings,
  lockedRequest,
  moveRequestTx,
} from './visits.service';

const MINUTE = 60_000;
const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

/** Who is booking: may they override conflicts, and who are they (a technician finishes only their own jobs). */
export interface Booker {
  actor: Actor;
  mayOverride: boolean;
  isDispatcher: boolean;
  userId: string | null;
}

// ---------------------------------------------------------------- reading

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** An instant as Date#toISOString writes it; what already has that form (both databases' usual) is kept as is. */
const iso = (v: string) => (ISO_UTC.test(v) ? v : new Date(v).toISOString());

/** An instant as the company's wall clock, for messages: 01.07.2026 10:30. */
function localTime(instant: string): string {
  const { date, minute } = wallClockOf(new Date(instant));
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)} ${hh}:${mm}`;
}

export async function toBookings(db: Executor, rows: repo.BookingViewRow[]): Promise<Booking[]> {
  const techs = await repo.techniciansOfBookings(
    db,
    rows.map((r) => r.id),
  );
  const byBooking = groupBy(techs, (t) => t.booking_id);
  return rows.map((r) =>
    toBooking(
      r,
      (byBooking.get(r.id) ?? []).map((t) => ({ id: t.technician_id, name: t.name })),
    ),
  );
}

function toBooking(r: repo.BookingViewRow, technicians: Booking['technicians']): Booking {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    requestId: r.request_id,
    orderId: r.order_id ?? r.visit_order_id,
    orderNumber: r.order_number ?? null,
    orderStatus: r.order_status ?? null,
    startedAt: r.started_at ? iso(r.started_at) : null,
    title:
      r.kind === 'visit'
        ? [r.customer_name, r.site_name].filter(Boolean).join(' — ')
        : `№ ${r.order_number ?? ''}`.trim(),
    start: iso(r.start_at),
    end: iso(r.end_at),
    date: r.local_date,
    normMinutes: r.norm_minutes,
    travelMinutes: r.travel_minutes,
    actualMinutes: r.actual_minutes,
    overrideReason: r.override_reason,
    technicians,
  };
}

const parseIds = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

export async function getBooking(db: Executor, id: string): Promise<BookingDetail> {
  const [row] = await repo.findBookingView(db, [id]);
  if (!row) throw notFound('visit_booking');
  const [booking] = await toBookings(db, [row]);
  const history = await repo.historyOf(db, id);
  return {
    ...(booking as Booking),
    history: history.map((h) => ({
      action: h.action,
      fromStart: h.from_start_at ? iso(h.from_start_at) : null,
      fromEnd: h.from_end_at ? iso(h.from_end_at) : null,
      toStart: h.to_start_at ? iso(h.to_start_at) : null,
      toEnd: h.to_end_at ? iso(h.to_end_at) : null,
      techniciansBefore: parseIds(h.technicians_before),
      techniciansAfter: parseIds(h.technicians_after),
      overrideReason: h.override_reason,
      reason: h.reason,
      actorId: h.actor_id,
      at: h.created_at,
    })),
  };
}

export function getRequestDetail(db: Executor, id: string) {
  return getVisitRequest(db, id, toBookings);
}

function assertRange(from: string, to: string, maxDays: number) {
  const days = daysBetween(from, to);
  if (days < 0) throw bad('end_before_start', 'to');
  if (days >= maxDays) throw bad('range_too_long', 'to', { days: maxDays });
}

/** The calendar: live bookings with a technician on the days from–to (at most 62 days), by start. */
export async function listBookings(
  db: Executor,
  q: { from: string; to: string; technicianId?: string | undefined },
): Promise<Booking[]> {
  assertRange(q.from, q.to, 62);
  const rows = await repo.bookingsInRange(db, q.from, q.to, q.technicianId);
  const out = new Map<string, Booking>();
  for (const r of rows) {
    const known = out.get(r.id);
    if (known) known.technicians.push({ id: r.technician_id, name: r.technician_name });
    else out.set(r.id, toBooking(r, [{ id: r.technician_id, name: r.technician_name }]));
  }
  return [...out.values()];
}

/**
 * "My jobs": the signed-in technician's bookings from a day (today) for `days` days, and a visit of the day before
 * that runs on into the first day (started at 23:30, still going after midnight: a booking lasts at most a day);
 * none for a non-technician.
 */
export async function myBookings(
  db: Executor,
  userId: string,
  q: { date?: string | undefined; days: number },
): Promise<Booking[]> {
  const me = await findTechnicianOfUser(db, userId);
  if (!me) return [];
  const from = q.date ?? todayDate();
  const midnight = startOfDayInstant(from).getTime();
  const bookings = await listBookings(db, {
    from: addDays(from, -1),
    to: addDays(from, q.days - 1),
    technicianId: me.id,
  });
  return bookings.filter((b) => Date.parse(b.end) > midnight);
}

// ---------------------------------------------------------------- checking a slot

async function techniciansOf(trx: Executor, ids: readonly string[]): Promise<Technician[]> {
  const out: Technician[] = [];
  for (const [i, id] of [...new Set(ids)].entries()) {
    const t = await getTechnician(trx, id).catch(() => {
      throw bad('unknown_technician', `technicianIds.${i}`);
    });
    if (!t.active || t.archivedAt)
      throw new DomainError('conflict', 'technician_inactive', {
        field: `technicianIds.${i}`,
        params: { name: t.name },
      });
    out.push(t);
  }
  return out;
}

async function daysOffOf(
  db: Executor,
  from: string,
  to: string,
): Promise<(technicianId: string) => Set<string>> {
  const rows = await repo.daysOffIn(db, from, to);
  return (technicianId) =>
    new Set(
      rows.filter((r) => r.technician_id === null || r.technician_id === technicianId).map((r) => r.date),
    );
}

/** Every conflict of the slot for the technicians (their days off, hours, live bookings but `except`). */
async function conflictsOfSlot(
  trx: Executor,
  slot: Span,
  techs: readonly Technician[],
  except?: string,
): Promise<Conflict[]> {
  const date = wallClockOf(new Date(slot.start)).date;
  const offOf = await daysOffOf(trx, date, date);
  const busy = await repo.busyOf(
    trx,
    techs.map((t) => t.id),
    new Date(slot.start).toISOString(),
    new Date(slot.end).toISOString(),
    except,
  );
  return techs.flatMap((t) =>
    conflictsOf(
      slot,
      { id: t.id, hours: t.hours, daysOff: offOf(t.id) },
      busy
        .filter((b) => b.technician_id === t.id)
        .map<BusySlot>((b) => ({
          bookingId: b.booking_id,
          start: Date.parse(b.start_at),
          end: Date.parse(b.end_at),
        })),
    ),
  );
}

/**
 * Refuses a slot with conflicts (409, the first conflict's code naming it, all of them in `conflicts`) unless the
 * booker overrides with a reason; a reason from someone who may not override is 403. Answers the overridden ones.
 */
function judge(
  conflicts: Conflict[],
  booker: Booker,
  override: { reason: string } | undefined,
  names: Map<string, string>,
) {
  if (!conflicts.length) return [];
  if (!override) {
    const first = conflicts[0] as Conflict;
    throw new DomainError('conflict', first.code, {
      field: 'start',
      params: {
        technician: names.get(first.technicianId) ?? first.technicianId,
        day: 'date' in first ? first.date : wallClockOf(new Date(first.start)).date,
        start: 'start' in first ? localTime(first.start) : '',
        end: 'end' in first ? localTime(first.end) : '',
      },
      extra: { conflicts },
    });
  }
  if (!booker.mayOverride) throw forbidden('override_not_allowed', { field: 'override' });
  return conflicts;
}

/** Items whose category a technician lacks: warnings, the booking stands. */
function skillWarnings(techs: readonly Technician[], categories: readonly string[]): Warning[] {
  return techs.flatMap((t) =>
    categories
      .filter((c) => !t.skills.includes(c))
      .map((categoryCode) => ({ code: 'technician_lacks_skill' as const, technicianId: t.id, categoryCode })),
  );
}

function technicianRows(bookingId: string, ids: readonly string[], start: string, end: string, date: string) {
  return ids.map((technician_id) => ({
    id: newId(),
    booking_id: bookingId,
    technician_id,
    start_at: start,
    end_at: end,
    local_date: date,
  }));
}

// ---------------------------------------------------------------- writing

export async function createBooking(db: Db, booker: Booker, body: CreateBookingBody): Promise<BookingAnswer> {
  const { actor } = booker;
  const out = await db.transaction().execute(async (trx) => {
    let norm: number;
    let travel: number;
    let categories: string[] = [];
    let request: repo.RequestRow | undefined;
    const settings = await getVisitSettings(trx);
    if (body.requestId) {
      request = await lockedRequest(trx, body.requestId).catch(() => {
        throw bad('unknown_visit_request', 'requestId');
      });
      if (request.status !== 'new' && request.status !== 'planned')
        throw new DomainError('conflict', 'visit_request_closed', {
          field: 'requestId',
          params: { status: request.status },
        });
      const services = await repo.servicesOf(trx, request.id);
      norm = services.reduce((s, x) => s + x.norm_minutes, 0) || settings.defaultVisitMinutes;
      travel = Math.max(0, request.expected_minutes - norm);
      categories = await categoryCodesOf(trx, request.id);
    } else {
      const order = await getOrder(trx, body.orderId as string).catch(() => {
        throw bad('unknown_order', 'orderId');
      });
      if (!(OPEN_STATUSES as readonly string[]).includes(order.status))
        throw new DomainError('conflict', 'order_closed', {
          field: 'orderId',
          params: { number: order.number },
        });
      norm =
        order.lines.filter((l) => l.kind === 'labour').reduce((s, l) => s + (l.normMinutes ?? 0), 0) ||
        settings.defaultVisitMinutes;
      travel = 0;
    }
    const techs = await techniciansOf(trx, body.technicianIds);
    const minutes = body.durationMinutes ?? norm + travel;
    const slot = { start: Date.parse(body.start), end: Date.parse(body.start) + minutes * MINUTE };
    const start = new Date(slot.start).toISOString();
    const end = new Date(slot.end).toISOString();
    const date = wallClockOf(new Date(slot.start)).date;

    await repo.lockTechnicians(
      trx,
      techs.map((t) => t.id),
    );
    const names = new Map(techs.map((t) => [t.id, t.name]));
    const overridden = judge(await conflictsOfSlot(trx, slot, techs), booker, body.override, names);
    const warnings = skillWarnings(techs, categories);

    const id = newId();
    const now = nowIso();
    await repo.insertBooking(trx, {
      id,
      kind: request ? 'visit' : 'work_block',
      request_id: request?.id ?? null,
      order_id: request ? null : (body.orderId ?? null),
      status: 'planned',
      start_at: start,
      end_at: end,
      local_date: date,
      norm_minutes: norm,
      travel_minutes: travel,
      actual_minutes: null,
      override_reason: overridden.length ? (body.override?.reason ?? null) : null,
      overridden_by: overridden.length ? actor.userId : null,
      created_by: actor.userId,
      done_at: null,
      created_at: now,
      updated_at: now,
    });
    const techIds = techs.map((t) => t.id);
    await repo.replaceBookingTechnicians(trx, id, technicianRows(id, techIds, start, end, date));
    await repo.insertEvent(trx, {
      id: newId(),
      booking_id: id,
      action: 'book',
      from_start_at: null,
      from_end_at: null,
      to_start_at: start,
      to_end_at: end,
      technicians_before: null,
      technicians_after: JSON.stringify(techIds),
      override_reason: overridden.length ? (body.override?.reason ?? null) : null,
      reason: null,
      actor_id: actor.userId,
      created_at: now,
    });
    if (request && request.status === 'new') await moveRequestTx(trx, actor, request, 'planned');
    await recordAudit(trx, actor, {
      action: overridden.length ? 'visit_booking.override' : 'visit_booking.create',
      entity: 'visit_booking',
      entityId: id,
      after: {
        requestId: request?.id ?? null,
        orderId: body.orderId ?? null,
        technicianIds: techIds,
        start,
        end,
        ...(overridden.length ? { overrideReason: body.override?.reason, conflicts: overridden } : {}),
      },
    });
    return { id, warnings, overridden };
  });
  return { ...(await getBooking(db, out.id)), warnings: out.warnings, overridden: out.overridden };
}

export async function lockedPlanned(trx: Executor, id: string) {
  const row = await repo.lockBooking(trx, id);
  if (!row) throw notFound('visit_booking');
  if (row.status !== 'planned')
    throw new DomainError('conflict', 'booking_not_planned', { params: { status: row.status } });
  return row;
}

/** Moves (a new start or length) and/or re-assigns a planned booking; the same checks, its own slot aside. */
export async function moveBooking(
  db: Db,
  booker: Booker,
  id: string,
  body: MoveBookingBody,
): Promise<BookingAnswer> {
  const { actor } = booker;
  const out = await db.transaction().execute(async (trx) => {
    const row = await lockedPlanned(trx, id);
    const current = (await repo.techniciansOfBookings(trx, [id])).map((t) => t.technician_id);
    const techs = await techniciansOf(trx, body.technicianIds ?? current);
    const techIds = techs.map((t) => t.id);
    const startMs = body.start ? Date.parse(body.start) : Date.parse(row.start_at);
    const minutes =
      body.durationMinutes ?? Math.round((Date.parse(row.end_at) - Date.parse(row.start_at)) / MINUTE);
    const slot = { start: startMs, end: startMs + minutes * MINUTE };
    const start = new Date(slot.start).toISOString();
    const end = new Date(slot.end).toISOString();
    const date = wallClockOf(new Date(slot.start)).date;
    await repo.lockTechnicians(trx, [...techIds, ...current]);
    const names = new Map(techs.map((t) => [t.id, t.name]));
    const overridden = judge(await conflictsOfSlot(trx, slot, techs, id), booker, body.override, names);
    const categories = row.request_id ? await categoryCodesOf(trx, row.request_id) : [];
    const warnings = skillWarnings(techs, categories);
    const reassigned = [...techIds].sort().join() !== [...current].sort().join();
    const now = nowIso();
    await repo.updateBooking(trx, id, {
      start_at: start,
      end_at: end,
      local_date: date,
      ...(overridden.length
        ? { override_reason: body.override?.reason ?? null, overridden_by: actor.userId }
        : {}),
      updated_at: now,
    });
    await repo.replaceBookingTechnicians(trx, id, technicianRows(id, techIds, start, end, date));
    await repo.insertEvent(trx, {
      id: newId(),
      booking_id: id,
      action: reassigned ? 'reassign' : 'move',
      from_start_at: row.start_at,
      from_end_at: row.end_at,
      to_start_at: start,
      to_end_at: end,
      technicians_before: JSON.stringify(current),
      technicians_after: JSON.stringify(techIds),
      override_reason: overridden.length ? (body.override?.reason ?? null) : null,
      reason: body.reason ?? null,
      actor_id: actor.userId,
      created_at: now,
    });
    await recordAudit(trx, actor, {
      action: overridden.length
        ? 'visit_booking.override'
        : reassigned
          ? 'visit_booking.reassign'
          : 'visit_booking.move',
      entity: 'visit_booking',
      entityId: id,
      before: { start: iso(row.start_at), end: iso(row.end_at), technicianIds: current },
      after: {
        start,
        end,
        technicianIds: techIds,
        ...(overridden.length ? { overrideReason: body.override?.reason, conflicts: overridden } : {}),
      },
    });
    return { warnings, overridden };
  });
  return { ...(await getBooking(db, id)), ...out };
}

/** After a booking of a request leaves the plan: a planned request with no planned booking left is new again. */
async function settleRequest(trx: Executor, actor: Actor, requestId: string | null) {
  if (!requestId) return;
  const request = await lockedRequest(trx, requestId);
  const bookings = await repo.bookingsOfRequest(trx, requestId);
  const planned = bookings.filter((b) => b.status === 'planned').length;
  const done = bookings.filter((b) => b.status === 'done').length;
  if (planned === 0 && (request.status === 'planned' || request.status === 'in_progress'))
    await moveRequestTx(
      trx,
      actor,
      request,
      done > 0 ? 'done' : request.status === 'planned' ? 'new' : 'planned',
    );
}

export async function cancelBooking(
  db: Db,
  actor: Actor,
  id: string,
  reason: string | null,
): Promise<BookingDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await lockedPlanned(trx, id);
    const current = (await repo.techniciansOfBookings(trx, [id])).map((t) => t.technician_id);
    const now = nowIso();
    await repo.updateBooking(trx, id, { status: 'cancelled', updated_at: now });
    await repo.replaceBookingTechnicians(trx, id, []);
    await repo.insertEvent(trx, {
      id: newId(),
      booking_id: id,
      action: 'cancel',
      from_start_at: row.start_at,
      from_end_at: row.end_at,
      to_start_at: null,
      to_end_at: null,
      technicians_before: JSON.stringify(current),
      technicians_after: JSON.stringify([]),
      override_reason: null,
      reason,
      actor_id: actor.userId,
      created_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'visit_booking.cancel',
      entity: 'visit_booking',
      entityId: id,
      before: { status: 'planned', technicianIds: current },
      after: { status: 'cancelled', reason },
    });
    await settleRequest(trx, actor, row.request_id);
  });
  return getBooking(db, id);
}

/**
 * The technicians of a booking, after checking the booker may work on it: a dispatcher any, a technician only a
 * booking they are on (403 not_own_booking). Answers the technician the booker is, if one.
 */
export async function assertOwnBooking(
  trx: Executor,
  booker: Booker,
  id: string,
): Promise<{ technicianIds: string[]; me: Technician | null }> {
  const technicianIds = (await repo.techniciansOfBookings(trx, [id])).map((t) => t.technician_id);
  const me = booker.userId ? await findTechnicianOfUser(trx, booker.userId) : null;
  if (!booker.isDispatcher && (!me || !technicianIds.includes(me.id))) throw forbidden('not_own_booking');
  return { technicianIds, me };
}

/** Records the work done with its actual minutes; a technician finishes only a booking of theirs. */
export async function finishBooking(db: Db, booker: Booker, id: string, actualMinutes: number) {
  await db.transaction().execute(async (trx) => {
    const row = await lockedPlanned(trx, id);
    await finishBookingTx(trx, booker, row, actualMinutes);
  });
  return getBooking(db, id);
}

/** The booking's work is done (its actual minutes, its history, the audit row), in the caller's transaction. */
export async function finishBookingTx(
  trx: Executor,
  booker: Booker,
  row: repo.BookingRow,
  actualMinutes: number,
): Promise<void> {
  const { actor } = booker;
  const id = row.id;
  const current = (await assertOwnBooking(trx, booker, id)).technicianIds;
  const now = nowIso();
  await repo.updateBooking(trx, id, {
    status: 'done',
    actual_minutes: actualMinutes,
    done_at: now,
    updated_at: now,
  });
  await repo.insertEvent(trx, {
    id: newId(),
    booking_id: id,
    action: 'done',
    from_start_at: row.start_at,
    from_end_at: row.end_at,
    to_start_at: row.start_at,
    to_end_at: row.end_at,
    technicians_before: JSON.stringify(current),
    technicians_after: JSON.stringify(current),
    override_reason: null,
    reason: null,
    actor_id: actor.userId,
    created_at: now,
  });
  await recordAudit(trx, actor, {
    action: 'visit_booking.done',
    entity: 'visit_booking',
    entityId: id,
    before: { status: 'planned' },
    after: { status: 'done', actualMinutes },
  });
  await settleRequest(trx, actor, row.request_id);
}

/** A request's status moved by hand: cancelling it cancels its planned bookings; planned comes from booking it. */
export async function moveVisitRequest(db: Db, actor: Actor, id: string, to: string) {
  await db.transaction().execute(async (trx) => {
    const row = await lockedRequest(trx, id);
    if ((to === 'planned' || to === 'new') && row.status !== 'cancelled')
      throw new DomainError('conflict', 'visit_request_planned_by_booking', { field: 'to', params: { to } });
    await moveRequestTx(trx, actor, row, to as never);
    if (to === 'cancelled')
      for (const b of await repo.bookingsOfRequest(trx, id))
        if (b.status === 'planned') {
          await repo.updateBooking(trx, b.id, { status: 'cancelled', updated_at: nowIso() });
          await repo.replaceBookingTechnicians(trx, b.id, []);
          await repo.insertEvent(trx, {
            id: newId(),
            booking_id: b.id,
            action: 'cancel',
            from_start_at: b.start_at,
            from_end_at: b.end_at,
            to_start_at: null,
            to_end_at: null,
            technicians_before: null,
            technicians_after: JSON.stringify([]),
            override_reason: null,
            reason: 'visit_request_cancelled',
            actor_id: actor.userId,
            created_at: nowIso(),
          });
        }
  });
  return getRequestDetail(db, id);
}

// ---------------------------------------------------------------- occupancy and suggestions

/** Every live (not archived) technician, or the one asked for. */
async function rosterOf(db: Executor, technicianId?: string): Promise<RosterTechnician[]> {
  return technicianId ? [await getTechnician(db, technicianId)] : listRoster(db);
}

function periodOf(date: string, groupBy: 'day' | 'week' | 'month'): string {
  if (groupBy === 'day') return date;
  if (groupBy === 'month') return `${date.slice(0, 8)}01`;
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return addDays(date, 1 - weekday);
}

/**
 * Per technician and day (or week, or month): working minutes (their hours, none on a day off), booked minutes (the
 * length of their live bookings on the day), free minutes, the load in percent, and the norm and actual minutes of
 * the work done. At most 93 days.
 */
export async function occupancy(
  db: Executor,
  q: { from: string; to: string; technicianId?: string | undefined; groupBy: 'day' | 'week' | 'month' },
): Promise<OccupancyAnswer> {
  assertRange(q.from, q.to, 93);
  // Independent reads side by side (PostgreSQL's pool; one after another on SQLite).
  const [techs, offOf, slots] = await Promise.all([
    rosterOf(db, q.technicianId),
    daysOffOf(db, q.from, q.to),
    repo.slotsInDays(db, q.from, q.to, q.technicianId ? [q.technicianId] : undefined),
  ]);
  const days = daysFrom(q.from, q.to);
  const byTech = groupBy(slots, (s) => s.technician_id);
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    technicians: techs.map((t) => {
      const off = offOf(t.id);
      const own = byTech.get(t.id) ?? [];
      const periods = new Map<string, { working: number; booked: number; norm: number; actual: number }>();
      const total = { working: 0, booked: 0, norm: 0, actual: 0 };
      for (const date of days) {
        const working = minutesOf(workingSlots(t.hours, date, off.has(date)));
        const mine = own.filter((s) => s.local_date === date);
        const booked = mine.reduce(
          (s, x) => s + Math.round((Date.parse(x.end_at) - Date.parse(x.start_at)) / MINUTE),
          0,
        );
        const done = mine.filter((s) => s.status === 'done');
        const norm = done.reduce((s, x) => s + x.norm_minutes, 0);
        const actual = done.reduce((s, x) => s + (x.actual_minutes ?? 0), 0);
        const key = periodOf(date, q.groupBy);
        const p = periods.get(key) ?? { working: 0, booked: 0, norm: 0, actual: 0 };
        for (const acc of [p, total]) {
          acc.working += working;
          acc.booked += booked;
          acc.norm += norm;
          acc.actual += actual;
        }
        periods.set(key, p);
      }
      const load = (x: typeof total) => ({
        ...dayLoad(x.working, x.booked),
        normMinutes: x.norm,
        actualMinutes: x.actual,
      });
      return {
        technicianId: t.id,
        technicianName: t.name,
        periods: [...periods.entries()].map(([period, x]) => ({ period, ...load(x) })),
        total: load(total),
      };
    }),
  };
}

/**
 * For a request: the active technicians with the skill for each of its items, each with the earliest free slots
 * that fit its expected duration inside the customer's windows (any working time when it gave none), from a day
 * (today, never before now) for `days` days. Best first: the earliest slot, then the less loaded day, then the name.
 */
export async function suggest(
  db: Executor,
  requestId: string,
  q: { from?: string | undefined; days: number; perTechnician: number },
  now = Date.now(),
): Promise<SuggestAnswer> {
  const from = q.from ?? todayDate();
  const to = addDays(from, q.days - 1);
  // Independent reads side by side (PostgreSQL's pool; one after another on SQLite): three round trips on the
  // longest path, not seven.
  const [request, settings, categories, windowRows, roster, offOf] = await Promise.all([
    repo.findRequest(db, requestId),
    getVisitSettings(db),
    categoryCodesOf(db, requestId),
    repo.windowsOf(db, requestId),
    rosterOf(db),
    daysOffOf(db, from, to),
  ]);
  if (!request) throw notFound('visit_request');
  const windows = windowRows.map((w) => ({ start: Date.parse(w.start_at), end: Date.parse(w.end_at) }));
  const techs = roster.filter((t) => t.active && categories.every((c) => t.skills.includes(c)));
  const slots = techs.length
    ? await repo.busyInDays(
        db,
        addDays(from, -1),
        to,
        techs.map((t) => t.id),
      )
    : [];
  const minutes = request.expected_minutes;
  const days = daysFrom(from, to);
  const byTech = groupBy(slots, (s) => s.technicianId);
  const ranked = techs.flatMap((t) => {
    const off = offOf(t.id);
    // A booking lasts at most a day: what can overlap a day's working time starts on that day or the one before.
    const byDay = groupBy(
      (byTech.get(t.id) ?? []).sort((a, b) => a.start - b.start),
      (s) => s.date,
    );
    const found: Span[] = [];
    let firstDayLoad: number | null = null;
    for (const date of days) {
      if (found.length >= q.perTechnician) break;
      const working = workingSlots(t.hours, date, off.has(date));
      if (!working.length) continue;
      const own = byDay.get(date) ?? [];
      const gaps = freeGaps(working, [...(byDay.get(addDays(date, -1)) ?? []), ...own]);
      const allowed = windows.length ? intersect(gaps, windows) : gaps;
      const fits = earliestFits(
        allowed,
        minutes,
        settings.slotStepMinutes,
        now,
        q.perTechnician - found.length,
      );
      if (fits.length && !found.length) {
        const booked = own.reduce((s, b) => s + (b.end - b.start) / MINUTE, 0);
        firstDayLoad = dayLoad(minutesOf(working), Math.round(booked)).loadPercent;
      }
      found.push(...fits);
    }
    if (!found.length) return [];
    return [
      {
        technicianId: t.id,
        technicianName: t.name,
        slots: found.map((s) => ({
          start: new Date(s.start).toISOString(),
          end: new Date(s.end).toISOString(),
        })),
        loadPercent: firstDayLoad,
        first: (found[0] as Span).start,
      },
    ];
  });
  ranked.sort(
    (a, b) =>
      a.first - b.first ||
      (a.loadPercent ?? 0) - (b.loadPercent ?? 0) ||
      compareBg(a.technicianName, b.technicianName),
  );
  return {
    durationMinutes: minutes,
    categoryCodes: categories,
    suggestions: ranked.map(({ first: _first, ...s }) => s),
  };
}
