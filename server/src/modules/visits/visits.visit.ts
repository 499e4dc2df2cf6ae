/**
 * The visit on the technician's phone (issue 14 item 5, ADR 0033): "my jobs" with who, where and what, starting a
 * booked visit (it becomes an on-site service order through the orders module's own intake, lines and status
 * change) and finishing it (the order's finishing — the parts issued from the van, the warranty records — and the
 * booking's actual minutes in one transaction). Visits call orders; orders never call visits (ADR 9).
 */
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { DomainError, notFound } from '../../kernel/errors';
import { recordAudit } from '../audit';
import { addLineTx, changeStatusTx, getOrder, intakeTx, type OrderStatus } from '../orders';
import type { Technician } from '../technicians';
import {
  assertOwnBooking,
  type Booker,
  finishBookingTx,
  getBooking,
  lockedPlanned,
  myBookings,
  toBookings,
} from './visits.bookings';
import * as repo from './visits.repository';
import type { Booking, BookingDetail, Job } from './visits.schema';
import { lockedRequest, moveRequestTx } from './visits.service';

// ---------------------------------------------------------------- reading

async function toJobs(db: Executor, bookings: Booking[]): Promise<Job[]> {
  const ids = [...new Set(bookings.flatMap((b) => (b.requestId ? [b.requestId] : [])))];
  const [requests, items, services] = await Promise.all([
    repo.jobRequests(db, ids),
    repo.itemsOfRequests(db, ids),
    repo.servicesOfRequests(db, ids),
  ]);
  const byId = new Map(requests.map((r) => [r.id, r]));
  return bookings.map((b) => {
    const r = b.requestId ? byId.get(b.requestId) : undefined;
    return {
      ...b,
      customerName: r?.customer_name ?? null,
      phone: r?.contact_phone ?? r?.site_phone ?? r?.customer_phone ?? null,
      contactName: r?.contact_name ?? r?.site_contact ?? null,
      siteName: r?.site_name ?? null,
      siteAddress: r ? [r.site_address, r.site_city].filter(Boolean).join(', ') || null : null,
      problem: r?.problem ?? null,
      requestStatus: r?.status ?? null,
      items: items
        .filter((i) => i.request_id === b.requestId)
        .map((i) => ({ id: i.item_id, label: `${i.brand_name} ${i.model_name}, ${i.serial_number}` })),
      services: services
        .filter((s) => s.request_id === b.requestId)
        .map((s) => ({ code: s.code, name: s.name_bg, normMinutes: s.norm_minutes })),
    };
  });
}

/** "My jobs": the signed-in technician's bookings from a day for `days` days, with the customer, site and items. */
export async function myJobs(
  db: Executor,
  userId: string,
  q: { date?: string | undefined; days: number },
): Promise<Job[]> {
  return toJobs(db, await myBookings(db, userId, q));
}

/** One job for the phone; a technician sees only a booking they are on (403 not_own_booking). */
export async function getJob(db: Db, booker: Booker, id: string): Promise<Job> {
  const [row] = await repo.findBookingView(db, [id]);
  if (!row) throw notFound('visit_booking');
  await assertOwnBooking(db, booker, id);
  const [job] = await toJobs(db, await toBookings(db, [row]));
  return job as Job;
}

// ---------------------------------------------------------------- starting

/** The order statuses a second visit of the same request keeps working in (it is not finished yet). */
const WORKING: readonly OrderStatus[] = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'awaiting_parts',
  'in_repair',
];

/** Moves the order on to in_repair the way the workflow goes (received → diagnosing → in_repair). */
async function toRepair(trx: Executor, booker: Booker, orderId: string, status: OrderStatus) {
  const cause = { cause: 'visit_started' };
  if (status === 'received') {
    await changeStatusTx(trx, booker.actor, orderId, { to: 'diagnosing', reason: null }, cause);
    status = 'diagnosing';
  }
  if (status === 'diagnosing' || status === 'awaiting_approval')
    await changeStatusTx(trx, booker.actor, orderId, { to: 'in_repair', reason: null }, cause);
}

/** The booked technicians share a labour line equally (the first takes the remainder). */
function sharesOf(technicianIds: readonly string[]) {
  const each = Math.floor(10_000 / technicianIds.length);
  return technicianIds.map((technicianId, i) => ({
    technicianId,
    shareBp: i === 0 ? 10_000 - each * (technicianIds.length - 1) : each,
  }));
}

/**
 * Starts a booked visit: it becomes an on-site service order (the request's customer, site and first item, its
 * problem as the complaint, the starting technician as the lead, the planned services as labour lines priced by the
 * catalogue) in repair, the booking keeps the order and the instant, the request is in progress. Started already:
 * the same order (idempotent). Another open order of the same request (an earlier visit) is reused.
 */
export async function startVisit(db: Db, booker: Booker, id: string): Promise<BookingDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await repo.lockBooking(trx, id);
    if (!row) throw notFound('visit_booking');
    if (row.kind !== 'visit' || !row.request_id)
      throw new DomainError('conflict', 'booking_not_a_visit', { params: { kind: row.kind } });
    const { technicianIds, me } = await assertOwnBooking(trx, booker, id);
    if (row.status !== 'planned')
      throw new DomainError('conflict', 'booking_not_planned', { params: { status: row.status } });
    if (row.visit_order_id) return;
    const request = await lockedRequest(trx, row.request_id);
    if (request.status !== 'planned' && request.status !== 'in_progress')
      throw new DomainError('conflict', 'visit_request_closed', { params: { status: request.status } });
    const [item] = await repo.itemsOfRequests(trx, [request.id]);
    if (!item)
      throw new DomainError('conflict', 'visit_request_without_item', {
        params: { problem: request.problem },
      });
    const lead: Technician['id'] =
      me && technicianIds.includes(me.id) ? me.id : (technicianIds[0] ?? (me?.id as string));

    const earlier = (await repo.bookingsOfRequest(trx, request.id)).find(
      (b) => b.id !== id && b.visit_order_id && WORKING.includes(b.order_status as OrderStatus),
    );
    let orderId: string;
    if (earlier?.visit_order_id) {
      orderId = earlier.visit_order_id;
      await toRepair(trx, booker, orderId, earlier.order_status as OrderStatus);
    } else {
      const order = await intakeTx(trx, booker.actor, {
        partyId: request.party_id,
        siteId: request.site_id,
        itemId: item.item_id,
        complaint: request.problem,
        location: 'on_site',
        technicianId: lead,
        accessories: [],
        conditionNotes: null,
        customerNotes: null,
      });
      orderId = order.id;
      const shares = sharesOf(technicianIds.length ? technicianIds : [lead]);
      for (const s of await repo.servicesOf(trx, request.id))
        await addLineTx(trx, booker.actor, orderId, {
          kind: 'labour',
          serviceTypeId: s.service_type_id,
          quantityMilli: Number(s.quantity_milli),
          discountBp: 0,
          technicians: shares,
          priceOverrideReason: null,
          payerReason: null,
          fittedSerial: null,
          removedSerial: null,
        });
      await toRepair(trx, booker, orderId, 'received');
    }
    const now = nowIso();
    await repo.updateBooking(trx, id, { visit_order_id: orderId, started_at: now, updated_at: now });
    await moveRequestTx(trx, booker.actor, request, 'in_progress');
    await recordAudit(trx, booker.actor, {
      action: 'visit_booking.start',
      entity: 'visit_booking',
      entityId: id,
      before: { status: 'planned', orderId: null },
      after: { orderId, startedAt: now, reused: Boolean(earlier) },
    });
  });
  return getBooking(db, id);
}

// ---------------------------------------------------------------- finishing

/**
 * Finishes a started visit in one transaction: the order is finished (in repair → ready: the parts issued from
 * their warehouses, the van's, the warranty records) unless the office finished it already, and the booking is done
 * with its actual minutes (its request is done with its last booking).
 */
export async function finishVisit(
  db: Db,
  booker: Booker,
  id: string,
  actualMinutes: number,
): Promise<BookingDetail> {
  await db.transaction().execute(async (trx) => {
    const row = await lockedPlanned(trx, id);
    await assertOwnBooking(trx, booker, id);
    if (!row.visit_order_id)
      throw new DomainError('conflict', 'visit_not_started', { params: { status: row.status } });
    const order = await getOrder(trx, row.visit_order_id);
    if (order.status === 'in_repair')
      await changeStatusTx(
        trx,
        booker.actor,
        order.id,
        { to: 'ready', reason: null },
        { cause: 'visit_finished' },
      );
    else if (order.status !== 'ready')
      throw new DomainError('conflict', 'visit_order_not_in_repair', {
        params: { number: order.number, status: order.status },
      });
    await finishBookingTx(trx, booker, row, actualMinutes);
  });
  return getBooking(db, id);
}
