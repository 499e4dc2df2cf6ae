/**
 * What the visits module tells the modules it builds on, at import time: customers, sites, items, service types,
 * and technicians named by requests and bookings are in use (service orders are never deleted: not guarded).
 */
import { registerReference } from '../../db/usage';
import { registerOrderVisitSource } from '../orders';
import { liveBookingsOfOrder, techniciansOfBookings } from './visits.repository';

registerReference('party', {
  table: 'visit_request',
  column: 'party_id',
  usedBy: 'visit_requests',
  code: 'party_has_visit_requests',
});
registerReference('site', {
  table: 'visit_request',
  column: 'site_id',
  usedBy: 'visit_requests',
  code: 'site_has_visit_requests',
});
registerReference('item', {
  table: 'visit_request_item',
  column: 'item_id',
  usedBy: 'visit_requests',
  code: 'item_has_visit_requests',
});
registerReference('item', {
  table: 'visit_request_service',
  column: 'item_id',
  usedBy: 'visit_requests',
  code: 'item_has_visit_requests',
});
registerReference('catalog_service_type', {
  table: 'visit_request_service',
  column: 'service_type_id',
  usedBy: 'visit_requests',
  code: 'service_type_has_visit_requests',
});
registerReference('technician', {
  table: 'visit_booking_technician',
  column: 'technician_id',
  usedBy: 'visit_bookings',
  code: 'technician_has_bookings',
});
registerReference('technician', {
  table: 'visit_day_off',
  column: 'technician_id',
  usedBy: 'visit_days_off',
  code: 'technician_has_days_off',
});
// The travel time of a site and a technician's lock row (made by their first booking) count as use too.
registerReference('site', {
  table: 'visit_site_travel',
  column: 'site_id',
  usedBy: 'visit_requests',
  code: 'site_has_visit_requests',
});
registerReference('technician', {
  table: 'visit_technician_lock',
  column: 'technician_id',
  usedBy: 'visit_bookings',
  code: 'technician_has_bookings',
});

// The work report of a service order prints the visits booked for it: when, and which technicians.
registerOrderVisitSource(async (db, orderId) => {
  const bookings = await liveBookingsOfOrder(db, orderId);
  const technicians = await techniciansOfBookings(
    db,
    bookings.map((b) => b.id),
  );
  return bookings.map((b) => ({
    startAt: new Date(b.start_at).toISOString(),
    endAt: new Date(b.end_at).toISOString(),
    status: b.status === 'done' ? 'done' : 'planned',
    technicians: technicians.filter((t) => t.booking_id === b.id).map((t) => t.name),
  }));
});
