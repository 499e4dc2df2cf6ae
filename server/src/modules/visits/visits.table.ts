import type { CalendarDate, Instant } from '../../db/sql';

export type VisitRequestStatus = 'new' | 'planned' | 'in_progress' | 'done' | 'cancelled';
export type VisitPriority = 'low' | 'normal' | 'high' | 'urgent';
export type VisitSource = 'phone' | 'email' | 'web' | 'contract' | 'other';
export type BookingKind = 'visit' | 'work_block';
export type BookingStatus = 'planned' | 'done' | 'cancelled';
export type BookingAction = 'book' | 'move' | 'reassign' | 'cancel' | 'done';

/** A customer's request for someone to come to a site (заявка за посещение, ADR 0031). */
export interface VisitRequestTable {
  id: string;
  party_id: string;
  site_id: string;
  problem: string;
  priority: VisitPriority;
  status: VisitRequestStatus;
  source: VisitSource;
  contact_name: string | null;
  contact_phone: string | null;
  notes: string | null;
  /** Norm minutes of the planned services (model overrides applied) plus the site's travel time. */
  expected_minutes: number;
  search_text: string;
  created_by: string | null;
  status_changed_at: Instant;
  created_at: Instant;
  updated_at: Instant;
}

/** An installed item of the request's site that the visit is about. */
export interface VisitRequestItemTable {
  id: string;
  request_id: string;
  item_id: string;
  created_at: Instant;
}

/** A planned service of the request, with its norm minutes as the catalogue priced them when it was saved. */
export interface VisitRequestServiceTable {
  id: string;
  request_id: string;
  service_type_id: string;
  item_id: string | null;
  quantity_milli: number;
  norm_minutes: number;
  position: number;
  created_at: Instant;
}

/** When the customer can receive the technician. */
export interface VisitRequestWindowTable {
  id: string;
  request_id: string;
  start_at: Instant;
  end_at: Instant;
}

/** A slot on one or more technicians' schedule: a visit for a request, or a work block for a service order. */
export interface VisitBookingTable {
  id: string;
  kind: BookingKind;
  request_id: string | null;
  order_id: string | null;
  status: BookingStatus;
  start_at: Instant;
  end_at: Instant;
  /** The company-time calendar day of start_at. */
  local_date: CalendarDate;
  norm_minutes: number;
  travel_minutes: number;
  actual_minutes: number | null;
  /** Set when a manager booked it despite a conflict. */
  override_reason: string | null;
  overridden_by: string | null;
  created_by: string | null;
  done_at: Instant | null;
  /** The on-site service order a visit became when the technician started it (migration 0038). */
  visit_order_id: string | null;
  /** When the technician started the visit. */
  started_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A technician on a live booking, with the booking's slot copied for the overlap check and the calendar. */
export interface VisitBookingTechnicianTable {
  id: string;
  booking_id: string;
  technician_id: string;
  start_at: Instant;
  end_at: Instant;
  local_date: CalendarDate;
}

/** A booking's history: booked, moved, re-assigned, cancelled, done. */
export interface VisitBookingEventTable {
  id: string;
  booking_id: string;
  action: BookingAction;
  from_start_at: Instant | null;
  from_end_at: Instant | null;
  to_start_at: Instant | null;
  to_end_at: Instant | null;
  /** JSON array of technician ids. */
  technicians_before: string | null;
  technicians_after: string | null;
  override_reason: string | null;
  reason: string | null;
  actor_id: string | null;
  created_at: Instant;
}

/** A day a technician (or, with no technician, everyone: a holiday) does not work. */
export interface VisitDayOffTable {
  id: string;
  technician_id: string | null;
  date: CalendarDate;
  note: string | null;
  created_at: Instant;
}

/** The travel time to a site, when known. */
export interface VisitSiteTravelTable {
  site_id: string;
  travel_minutes: number;
  updated_at: Instant;
}

export interface VisitSettingsTable {
  id: string;
  default_travel_minutes: number;
  default_visit_minutes: number;
  slot_step_minutes: number;
  updated_at: Instant;
}

/** One row per technician, locked FOR UPDATE while a booking of theirs is checked and written (PostgreSQL). */
export interface VisitTechnicianLockTable {
  technician_id: string;
}

export interface VisitsTables {
  visit_request: VisitRequestTable;
  visit_request_item: VisitRequestItemTable;
  visit_request_service: VisitRequestServiceTable;
  visit_request_window: VisitRequestWindowTable;
  visit_booking: VisitBookingTable;
  visit_booking_technician: VisitBookingTechnicianTable;
  visit_booking_event: VisitBookingEventTable;
  visit_day_off: VisitDayOffTable;
  visit_site_travel: VisitSiteTravelTable;
  visit_settings: VisitSettingsTable;
  visit_technician_lock: VisitTechnicianLockTable;
}
