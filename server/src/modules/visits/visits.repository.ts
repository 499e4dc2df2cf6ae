/**
 * The rows of visit requests, bookings, days off and the planning settings (ADR 0031). Reads the customer's and the
 * site's name (party, site), a technician's name (technician), a service type's code and name
 * (catalog_service_type) and an order's number (service_order) for display only (ADR 9); writes only its own tables.
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listPage } from '../../db/list';
import { dialectOf, lockForUpdate, matchesSearch } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type {
  VisitBookingEventTable,
  VisitBookingTable,
  VisitBookingTechnicianTable,
  VisitPriority,
  VisitRequestItemTable,
  VisitRequestServiceTable,
  VisitRequestStatus,
  VisitRequestTable,
  VisitRequestWindowTable,
} from './visits.table';

export type RequestRow = Selectable<VisitRequestTable>;
export type BookingRow = Selectable<VisitBookingTable>;

// ---------------------------------------------------------------- requests

export interface RequestFilter {
  status?: VisitRequestStatus | undefined;
  open?: boolean | undefined;
  priority?: VisitPriority | undefined;
  partyId?: string | undefined;
  siteId?: string | undefined;
  q?: string | undefined;
}

function listed(db: Executor) {
  return db
    .selectFrom('visit_request as r')
    .innerJoin('party as p', 'p.id', 'r.party_id')
    .innerJoin('site as s', 's.id', 'r.site_id')
    .selectAll('r')
    .select([
      'p.name as customer_name',
      's.name as site_name',
      's.address as site_address',
      's.city as site_city',
    ])
    .select((eb) => [
      eb
        .selectFrom('visit_request_window as w')
        .select((e) => e.fn.min('w.start_at').as('m'))
        .whereRef('w.request_id', '=', 'r.id')
        .as('first_window_start'),
      eb
        .selectFrom('visit_booking as b')
        .select((e) => e.fn.min('b.start_at').as('m'))
        .whereRef('b.request_id', '=', 'r.id')
        .where('b.status', '=', 'planned')
        .as('next_booking_start'),
    ]);
}
export type ListedRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

/** Priority as a number to sort by: urgent first. */
export const REQUEST_SORT_KEYS = {
  createdAt: ['r.created_at', 'r.id'],
  status: ['r.status', 'r.created_at'],
  customer: ['p.name', 'r.created_at'],
  priority: ['r.priority', 'r.created_at'],
} as const;

export async function listRequests(db: Executor, f: RequestFilter, order: ListOrder, page: PageRequest) {
  let q = listed(db);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.open) q = q.where('r.status', 'in', ['new', 'planned', 'in_progress']);
  if (f.priority) q = q.where('r.priority', '=', f.priority);
  if (f.partyId) q = q.where('r.party_id', '=', f.partyId);
  if (f.siteId) q = q.where('r.site_id', '=', f.siteId);
  if (f.q) q = q.where(matchesSearch('r.search_text', f.q));
  return listPage(q, order, page);
}

export async function findRequest(db: Executor, id: string) {
  return listed(db).where('r.id', '=', id).executeTakeFirst();
}

export async function lockRequest(db: Executor, id: string): Promise<RequestRow | undefined> {
  return lockForUpdate(
    db.selectFrom('visit_request').selectAll().where('id', '=', id),
    db,
  ).executeTakeFirst();
}

export async function insertRequest(db: Executor, row: Insertable<VisitRequestTable>) {
  await db.insertInto('visit_request').values(row).execute();
}

export async function updateRequest(db: Executor, id: string, patch: Updateable<VisitRequestTable>) {
  await db.updateTable('visit_request').set(patch).where('id', '=', id).execute();
}

export async function itemsOf(db: Executor, requestId: string) {
  return db.selectFrom('visit_request_item').select('item_id').where('request_id', '=', requestId).execute();
}

export async function replaceItems(
  db: Executor,
  requestId: string,
  rows: Insertable<VisitRequestItemTable>[],
) {
  await db.deleteFrom('visit_request_item').where('request_id', '=', requestId).execute();
  if (rows.length) await db.insertInto('visit_request_item').values(rows).execute();
}

export async function servicesOf(db: Executor, requestId: string) {
  return db
    .selectFrom('visit_request_service as v')
    .innerJoin('catalog_service_type as s', 's.id', 'v.service_type_id')
    .selectAll('v')
    .select(['s.code', 's.name_bg', 's.name_en'])
    .where('v.request_id', '=', requestId)
    .orderBy('v.position')
    .execute();
}

export async function replaceServices(
  db: Executor,
  requestId: string,
  rows: Insertable<VisitRequestServiceTable>[],
) {
  await db.deleteFrom('visit_request_service').where('request_id', '=', requestId).execute();
  if (rows.length) await db.insertInto('visit_request_service').values(rows).execute();
}

export async function windowsOf(db: Executor, requestId: string) {
  return db
    .selectFrom('visit_request_window')
    .select(['start_at', 'end_at'])
    .where('request_id', '=', requestId)
    .orderBy('start_at')
    .execute();
}

export async function replaceWindows(
  db: Executor,
  requestId: string,
  rows: Insertable<VisitRequestWindowTable>[],
) {
  await db.deleteFrom('visit_request_window').where('request_id', '=', requestId).execute();
  if (rows.length) await db.insertInto('visit_request_window').values(rows).execute();
}

// ---------------------------------------------------------------- bookings

function bookingsView(db: Executor) {
  return (
    db
      .selectFrom('visit_booking as b')
      .leftJoin('visit_request as r', 'r.id', 'b.request_id')
      .leftJoin('party as p', 'p.id', 'r.party_id')
      .leftJoin('site as s', 's.id', 'r.site_id')
      .leftJoin('service_order as o', 'o.id', 'b.order_id')
      .leftJoin('service_order as vo', 'vo.id', 'b.visit_order_id')
      // The columns a booking shows (toBooking), not its audit columns: the week view reads hundreds of rows.
      .select([
        'b.id',
        'b.kind',
        'b.request_id',
        'b.order_id',
        'b.visit_order_id',
        'b.status',
        'b.start_at',
        'b.end_at',
        'b.local_date',
        'b.norm_minutes',
        'b.travel_minutes',
        'b.actual_minutes',
        'b.override_reason',
        'b.started_at',
      ])
      .select((eb) => [
        'p.name as customer_name',
        's.name as site_name',
        eb.fn.coalesce('o.number', 'vo.number').as('order_number'),
        eb.fn.coalesce('o.status', 'vo.status').as('order_status'),
      ])
  );
}
export type BookingViewRow = Awaited<ReturnType<typeof findBookingView>>[number];

export async function findBookingView(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return bookingsView(db).where('b.id', 'in', ids).orderBy('b.start_at').execute();
}

/**
 * The calendar in one query: a row per live booking and technician on the days from–to (of one technician, or
 * all), with the booking's display columns and the technician's name, by start.
 */
export async function bookingsInRange(db: Executor, from: string, to: string, technicianId?: string) {
  let q = bookingsView(db)
    .innerJoin('visit_booking_technician as bt', 'bt.booking_id', 'b.id')
    .innerJoin('technician as x', 'x.id', 'bt.technician_id')
    .select(['bt.technician_id', 'x.name as technician_name'])
    .where('bt.local_date', '>=', from)
    .where('bt.local_date', '<=', to);
  if (technicianId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('visit_booking_technician as mine')
          .select('mine.id')
          .whereRef('mine.booking_id', '=', 'b.id')
          .where('mine.technician_id', '=', technicianId),
      ),
    );
  return q.orderBy('b.start_at').orderBy('b.id').orderBy('x.name').execute();
}

/** Live bookings that have a technician on one of the days (the calendar; my jobs), by start. */
export async function bookingIdsInRange(db: Executor, from: string, to: string, technicianId?: string) {
  let q = db
    .selectFrom('visit_booking_technician as t')
    .select('t.booking_id')
    .distinct()
    .where('t.local_date', '>=', from)
    .where('t.local_date', '<=', to);
  if (technicianId) q = q.where('t.technician_id', '=', technicianId);
  return (await q.execute()).map((r) => r.booking_id);
}

export async function bookingsOfRequest(db: Executor, requestId: string) {
  return bookingsView(db).where('b.request_id', '=', requestId).orderBy('b.start_at').execute();
}

/** The live (not cancelled) bookings linked to a service order, earliest first: its work report prints them. */
export async function liveBookingsOfOrder(db: Executor, orderId: string) {
  return (
    db
      .selectFrom('visit_booking')
      .select(['id', 'start_at', 'end_at', 'status'])
      // A work block names its order in order_id; a visit the order was started from, in visit_order_id (ADR 0033).
      .where((eb) => eb.or([eb('order_id', '=', orderId), eb('visit_order_id', '=', orderId)]))
      .where('status', '!=', 'cancelled')
      .orderBy('start_at')
      .orderBy('id')
      .execute()
  );
}

export async function techniciansOfBookings(db: Executor, bookingIds: readonly string[]) {
  if (!bookingIds.length) return [];
  return db
    .selectFrom('visit_booking_technician as t')
    .innerJoin('technician as x', 'x.id', 't.technician_id')
    .select(['t.booking_id', 't.technician_id', 'x.name'])
    .where('t.booking_id', 'in', bookingIds)
    .orderBy('x.name')
    .execute();
}

/** Who a cancelled booking was for: the last history row's technicians. */
export async function historyOf(db: Executor, bookingId: string) {
  return db
    .selectFrom('visit_booking_event')
    .selectAll()
    .where('booking_id', '=', bookingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * What the technician's phone shows of the requests behind their jobs: the customer and their phone, the site and
 * its address and contact (display reads of party and site, ADR 9).
 */
export async function jobRequests(db: Executor, requestIds: readonly string[]) {
  if (!requestIds.length) return [];
  return db
    .selectFrom('visit_request as r')
    .innerJoin('party as p', 'p.id', 'r.party_id')
    .innerJoin('site as s', 's.id', 'r.site_id')
    .select([
      'r.id',
      'r.problem',
      'r.status',
      'r.contact_name',
      'r.contact_phone',
      'p.name as customer_name',
      'p.phone as customer_phone',
      's.name as site_name',
      's.city as site_city',
      's.address as site_address',
      's.contact_person as site_contact',
      's.contact_phone as site_phone',
    ])
    .where('r.id', 'in', requestIds)
    .execute();
}

/** The items of requests with their labels (brand, model, serial: display reads of item and catalog), in order. */
export async function itemsOfRequests(db: Executor, requestIds: readonly string[]) {
  if (!requestIds.length) return [];
  return db
    .selectFrom('visit_request_item as v')
    .innerJoin('item as i', 'i.id', 'v.item_id')
    .innerJoin('catalog_model as m', 'm.id', 'i.model_id')
    .innerJoin('catalog_brand as b', 'b.id', 'm.brand_id')
    .select(['v.request_id', 'v.item_id', 'i.serial_number', 'm.name as model_name', 'b.name as brand_name'])
    .where('v.request_id', 'in', requestIds)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}

/** The planned services of requests (code, name, norm minutes), in order. */
export async function servicesOfRequests(db: Executor, requestIds: readonly string[]) {
  if (!requestIds.length) return [];
  return db
    .selectFrom('visit_request_service as v')
    .innerJoin('catalog_service_type as s', 's.id', 'v.service_type_id')
    .select(['v.request_id', 's.code', 's.name_bg', 'v.norm_minutes'])
    .where('v.request_id', 'in', requestIds)
    .orderBy('v.position')
    .execute();
}

export async function lockBooking(db: Executor, id: string): Promise<BookingRow | undefined> {
  return lockForUpdate(
    db.selectFrom('visit_booking').selectAll().where('id', '=', id),
    db,
  ).executeTakeFirst();
}

export async function insertBooking(db: Executor, row: Insertable<VisitBookingTable>) {
  await db.insertInto('visit_booking').values(row).execute();
}

export async function updateBooking(db: Executor, id: string, patch: Updateable<VisitBookingTable>) {
  await db.updateTable('visit_booking').set(patch).where('id', '=', id).execute();
}

export async function replaceBookingTechnicians(
  db: Executor,
  bookingId: string,
  rows: Insertable<VisitBookingTechnicianTable>[],
) {
  await db.deleteFrom('visit_booking_technician').where('booking_id', '=', bookingId).execute();
  if (rows.length) await db.insertInto('visit_booking_technician').values(rows).execute();
}

export async function insertEvent(db: Executor, row: Insertable<VisitBookingEventTable>) {
  await db.insertInto('visit_booking_event').values(row).execute();
}

/** Live bookings of the technicians that overlap [start, end), except one booking (the one being moved). */
export async function busyOf(
  db: Executor,
  technicianIds: readonly string[],
  start: string,
  end: string,
  exceptBookingId?: string,
) {
  if (!technicianIds.length) return [];
  let q = db
    .selectFrom('visit_booking_technician')
    .select(['booking_id', 'technician_id', 'start_at', 'end_at'])
    .where('technician_id', 'in', technicianIds)
    .where('start_at', '<', end)
    .where('end_at', '>', start);
  if (exceptBookingId) q = q.where('booking_id', '!=', exceptBookingId);
  return q.execute();
}

/** The technicians' live booked slots on the days (suggest, occupancy), with the booking's figures. */
export async function slotsInDays(db: Executor, from: string, to: string, technicianIds?: readonly string[]) {
  let q = db
    .selectFrom('visit_booking_technician as t')
    .innerJoin('visit_booking as b', 'b.id', 't.booking_id')
    .select([
      't.booking_id',
      't.technician_id',
      't.start_at',
      't.end_at',
      't.local_date',
      'b.status',
      'b.norm_minutes',
      'b.travel_minutes',
      'b.actual_minutes',
    ])
    .where('t.local_date', '>=', from)
    .where('t.local_date', '<=', to);
  if (technicianIds) q = q.where('t.technician_id', 'in', technicianIds);
  return q.execute();
}

/** A technician's booked time: instants in ms since the epoch, and the calendar day it starts on. */
export interface BusyTime {
  technicianId: string;
  start: number;
  end: number;
  date: string;
}

/**
 * The technicians' live booked slots on the days, times only (suggest): no join to the booking. PostgreSQL sends one
 * row per technician, its slots packed as text ("start,end,date;…", epoch seconds): a month of a technician's slots
 * costs one row to decode instead of sixty.
 */
export async function busyInDays(
  db: Executor,
  from: string,
  to: string,
  technicianIds: readonly string[],
): Promise<BusyTime[]> {
  const q = db
    .selectFrom('visit_booking_technician')
    .where('local_date', '>=', from)
    .where('local_date', '<=', to)
    .where('technician_id', 'in', technicianIds);
  if (dialectOf(db) === 'postgres') {
    // date_part's double prints faster than extract's numeric: seconds, with a fraction only when there is one.
    const epoch = (column: 'start_at' | 'end_at') =>
      sql<string>`date_part('epoch', ${sql.ref(column)})::text`;
    const rows = await q
      .select([
        'technician_id',
        sql<string>`string_agg(${epoch('start_at')} || ',' || ${epoch('end_at')} || ',' || local_date::text, ';')`.as(
          'slots',
        ),
      ])
      .groupBy('technician_id')
      .execute();
    return rows.flatMap((r) =>
      r.slots.split(';').map((slot) => {
        const [start, end, date] = slot.split(',') as [string, string, string];
        return {
          technicianId: r.technician_id,
          start: Math.round(Number(start) * 1000),
          end: Math.round(Number(end) * 1000),
          date,
        };
      }),
    );
  }
  const rows = await q.select(['technician_id', 'start_at', 'end_at', 'local_date']).execute();
  return rows.map((r) => ({
    technicianId: r.technician_id,
    start: Date.parse(r.start_at),
    end: Date.parse(r.end_at),
    date: r.local_date,
  }));
}

/**
 * Serialises bookings per technician: on PostgreSQL, makes each technician's lock row and locks it FOR UPDATE in id
 * order (so two bookings of shared technicians never deadlock), until the transaction ends; another instance on
 * the same database waits here. SQLite has one writer connection: its transactions never interleave.
 */
export async function lockTechnicians(db: Executor, technicianIds: readonly string[]): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  const ids = [...new Set(technicianIds)].sort();
  if (!ids.length) return;
  await db
    .insertInto('visit_technician_lock')
    .values(ids.map((technician_id) => ({ technician_id })))
    .onConflict((oc) => oc.column('technician_id').doNothing())
    .execute();
  await db
    .selectFrom('visit_technician_lock')
    .select('technician_id')
    .where('technician_id', 'in', ids)
    .orderBy('technician_id')
    .forUpdate()
    .execute();
}

// ---------------------------------------------------------------- days off, travel, settings

export async function daysOffIn(db: Executor, from: string, to: string, technicianId?: string) {
  let q = db.selectFrom('visit_day_off').selectAll().where('date', '>=', from).where('date', '<=', to);
  if (technicianId)
    q = q.where((eb) => eb.or([eb('technician_id', '=', technicianId), eb('technician_id', 'is', null)]));
  return q.orderBy('date').orderBy('id').execute();
}

export async function findDayOff(db: Executor, technicianId: string | null, date: string) {
  const q = db.selectFrom('visit_day_off').selectAll().where('date', '=', date);
  return (
    technicianId ? q.where('technician_id', '=', technicianId) : q.where('technician_id', 'is', null)
  ).executeTakeFirst();
}

export async function findSiteTravel(db: Executor, siteId: string) {
  return db.selectFrom('visit_site_travel').selectAll().where('site_id', '=', siteId).executeTakeFirst();
}

export async function findSettings(db: Executor) {
  return db.selectFrom('visit_settings').selectAll().executeTakeFirst();
}
