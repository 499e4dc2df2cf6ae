/**
 * The visits module seen from other modules: visit requests and the technicians' schedule (issue 14, ADR 0031).
 * Nothing below it imports it; the calendar, the phone view and the work report build on its API.
 */
import './visits.links';

export {
  getBooking,
  listBookings,
  myBookings,
  occupancy,
  suggest,
} from './visits.bookings';
export { OPEN_VISIT_STATUSES, VISIT_REQUEST_LIFECYCLE, VISIT_REQUEST_STATUSES } from './visits.lifecycle';
export { visitsRoutes } from './visits.routes';
export type { Booking, Job, VisitRequestDetail, VisitRequestListItem } from './visits.schema';
export { getVisitSettings } from './visits.service';
export { finishVisit, myJobs, startVisit } from './visits.visit';
