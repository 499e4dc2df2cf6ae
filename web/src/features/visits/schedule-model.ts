/**
 * The schedule calendar's pure logic (ADR 0034): bookings as calendar events (one per technician column), the
 * move a drag or a resize asks of the server, the days a view shows, a 409 conflict read out of the server's
 * problem, the occupancy level of a cell and whether a slot is in a technician's working hours. No React here.
 */
import type { WorkingInterval } from '@servix/server/modules/technicians/technicians.hours';
import type { Booking } from '@servix/server/modules/visits/visits.schema';
import { ApiError } from '../../api/client';

/** One booking in one technician's column (a booking with two technicians is two events). */
export interface ScheduleEvent {
  /** Unique per column: the booking id and the technician id. */
  id: string;
  bookingId: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  kind: Booking['kind'];
  status: Booking['status'];
  requestId: string | null;
  orderNumber: string | null;
  technicianIds: string[];
  overridden: boolean;
}

/** The bookings as events, one per technician, cancelled ones left out (they free the slot). */
export function eventsOf(bookings: readonly Booking[]): ScheduleEvent[] {
  const out: ScheduleEvent[] = [];
  for (const b of bookings) {
    if (b.status === 'cancelled') continue;
    const technicianIds = b.technicians.map((t) => t.id);
    for (const t of b.technicians)
      out.push({
        id: `${b.id}:${t.id}`,
        bookingId: b.id,
        title: b.kind === 'work_block' && b.orderNumber ? `${b.orderNumber} · ${b.title}` : b.title,
        start: new Date(b.start),
        end: new Date(b.end),
        resourceId: t.id,
        kind: b.kind,
        status: b.status,
        requestId: b.requestId,
        orderNumber: b.orderNumber,
        technicianIds,
        overridden: b.overrideReason !== null,
      });
  }
  return out;
}

/** The colours of an event: a visit by its status, a work block (shop work) in its own grey-violet. */
export function eventColor(e: Pick<ScheduleEvent, 'kind' | 'status'>): {
  background: string;
  border: string;
} {
  if (e.status === 'done')
    return { background: 'var(--mantine-color-green-1)', border: 'var(--mantine-color-green-7)' };
  if (e.kind === 'work_block')
    return { background: 'var(--mantine-color-violet-1)', border: 'var(--mantine-color-violet-7)' };
  return { background: 'var(--mantine-color-blue-1)', border: 'var(--mantine-color-blue-7)' };
}

const MINUTE = 60_000;

/** Whole minutes between two instants. */
export function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / MINUTE);
}

/**
 * The body of POST /visit-bookings/:id/move for a drag or a resize: the new start when it moved, the duration
 * when it changed, and the technicians with the dragged column's one replaced by the column it was dropped on.
 * Null when nothing changed.
 */
export function moveBodyOf(
  event: ScheduleEvent,
  start: Date,
  end: Date,
  resourceId: string | undefined,
): { start?: string; durationMinutes?: number; technicianIds?: string[] } | null {
  const body: { start?: string; durationMinutes?: number; technicianIds?: string[] } = {};
  if (start.getTime() !== event.start.getTime()) body.start = start.toISOString();
  const before = minutesBetween(event.start, event.end);
  const after = minutesBetween(start, end);
  if (after !== before) body.durationMinutes = after;
  if (resourceId !== undefined && resourceId !== event.resourceId) {
    const others = event.technicianIds.filter((id) => id !== event.resourceId && id !== resourceId);
    body.technicianIds = [...others, resourceId];
  }
  return Object.keys(body).length ? body : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date's day in the browser's time zone as an ISO date. */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The Monday of a date's week (weeks start on Monday), at midnight. */
export function mondayOf(d: Date): Date {
  const out = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  out.setDate(out.getDate() - ((out.getDay() + 6) % 7));
  return out;
}

/** The first and last ISO day a view shows: the day, or its week from Monday to Sunday. */
export function rangeOf(view: 'day' | 'week', date: Date): { from: string; to: string } {
  if (view === 'day') return { from: isoDay(date), to: isoDay(date) };
  const monday = mondayOf(date);
  const sunday = new Date(monday);
  sunday.setDate(monday.getDate() + 6);
  return { from: isoDay(monday), to: isoDay(sunday) };
}

/** The days off as a lookup: "technicianId:date", or "*:date" for everyone's. */
export function daysOffSet(days: readonly { technicianId: string | null; date: string }[]): Set<string> {
  return new Set(days.map((d) => `${d.technicianId ?? '*'}:${d.date}`));
}

/** Whether a technician is off on a day (their own day off or everyone's). */
export function isDayOff(daysOff: Set<string>, technicianId: string, date: Date): boolean {
  const day = isoDay(date);
  return daysOff.has(`${technicianId}:${day}`) || daysOff.has(`*:${day}`);
}

/** Whether a slot starting at `date` (browser time) is inside one of the technician's working intervals. */
export function isWorkingAt(hours: readonly WorkingInterval[], date: Date): boolean {
  const weekday = ((date.getDay() + 6) % 7) + 1;
  const minute = date.getHours() * 60 + date.getMinutes();
  return hours.some((h) => h.weekday === weekday && h.startMinute <= minute && minute < h.endMinute);
}

export const CONFLICT_CODES = ['booking_overlap', 'outside_working_hours', 'technician_day_off'] as const;
export type ConflictCode = (typeof CONFLICT_CODES)[number];

/** A refused booking: the server's message naming the conflict, and every conflict it found. */
export interface Refusal {
  code: ConflictCode;
  message: string;
  conflicts: { code: ConflictCode; technicianId: string; bookingId?: string }[];
}

/** The conflict of a 409 from booking or moving, or null when the error is something else. */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const code = error.code as ConflictCode;
  if (!CONFLICT_CODES.includes(code)) return null;
  const extra = error.problem as unknown as { conflicts?: Refusal['conflicts'] };
  return {
    code,
    message: error.problem.detail,
    conflicts: Array.isArray(extra.conflicts) ? extra.conflicts : [],
  };
}

/** How loaded a cell of the heat map is: no working time, free, busy (80 % or more) or over 100 %. */
export type LoadLevel = 'off' | 'free' | 'busy' | 'over';

export function loadLevel(loadPercent: number | null): LoadLevel {
  if (loadPercent === null) return 'off';
  if (loadPercent > 100) return 'over';
  if (loadPercent >= 80) return 'busy';
  return 'free';
}

export const LOAD_COLOR: Record<LoadLevel, string> = {
  off: 'var(--mantine-color-gray-1)',
  free: 'var(--mantine-color-green-1)',
  busy: 'var(--mantine-color-orange-2)',
  over: 'var(--mantine-color-red-3)',
};

/** Minutes as hours with one decimal where needed: 450 → "7,5" (bg) or "7.5" (en), 480 → "8". */
export function hoursOf(minutes: number, locale: 'bg' | 'en' = 'bg'): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  const text = Number.isInteger(h) ? String(h) : h.toFixed(1);
  return locale === 'bg' ? text.replace('.', ',') : text;
}
