/**
 * The schedule's arithmetic (ADR 0031), pure: working slots of a day from weekday hours and days off, the conflicts
 * of a booking, free gaps, the earliest slot that fits a duration in the customer's windows, and occupancy. Instants
 * are milliseconds since the epoch; working hours are wall-clock minutes in the company's time zone.
 */
import { addDays, instantAt, wallClockOf, weekdayOf } from '../../kernel/calendar';
import type { WorkingInterval } from '../technicians';

export interface Span {
  start: number;
  end: number;
}

const MINUTE = 60_000;

/** instantAt in ms, remembered: the zone's offset costs a formatter call, and every schedule read asks the same. */
const INSTANTS = new Map<string, number>();
function wallInstant(date: string, minute: number): number {
  const key = `${date}|${minute}`;
  let ms = INSTANTS.get(key);
  if (ms === undefined) {
    if (INSTANTS.size > 50_000) INSTANTS.clear();
    ms = instantAt(date, minute).getTime();
    INSTANTS.set(key, ms);
  }
  return ms;
}

/** Rows grouped by a key, in their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** A technician's working slots on a calendar day (none on a day off). */
export function workingSlots(hours: readonly WorkingInterval[], date: string, dayOff: boolean): Span[] {
  if (dayOff) return [];
  const weekday = weekdayOf(date);
  return hours
    .filter((h) => h.weekday === weekday)
    .map((h) => ({
      start: wallInstant(date, h.startMinute),
      end: wallInstant(date, h.endMinute),
    }))
    .sort((a, b) => a.start - b.start);
}

/** Minutes of a set of spans (they must not overlap). */
export function minutesOf(spans: readonly Span[]): number {
  return spans.reduce((s, x) => s + Math.round((x.end - x.start) / MINUTE), 0);
}

export type Conflict =
  | { code: 'technician_day_off'; technicianId: string; date: string }
  | { code: 'outside_working_hours'; technicianId: string; date: string }
  | { code: 'booking_overlap'; technicianId: string; bookingId: string; start: string; end: string };

export interface TechnicianCalendar {
  id: string;
  hours: readonly WorkingInterval[];
  /** Calendar days off (their own and the company's holidays). */
  daysOff: ReadonlySet<string>;
}

export interface BusySlot extends Span {
  bookingId: string;
}

/**
 * What stands against booking `slot` for a technician: a day off on its day, a slot not inside one working interval
 * of that day, and every live booking it overlaps (touching is fine: 10:00-11:00 and 11:00-12:00).
 */
export function conflictsOf(slot: Span, tech: TechnicianCalendar, busy: readonly BusySlot[]): Conflict[] {
  const out: Conflict[] = [];
  const { date } = wallClockOf(new Date(slot.start));
  if (tech.daysOff.has(date)) out.push({ code: 'technician_day_off', technicianId: tech.id, date });
  else {
    const inside = workingSlots(tech.hours, date, false).some(
      (w) => w.start <= slot.start && slot.end <= w.end,
    );
    if (!inside) out.push({ code: 'outside_working_hours', technicianId: tech.id, date });
  }
  for (const b of busy)
    if (b.start < slot.end && slot.start < b.end)
      out.push({
        code: 'booking_overlap',
        technicianId: tech.id,
        bookingId: b.bookingId,
        start: new Date(b.start).toISOString(),
        end: new Date(b.end).toISOString(),
      });
  return out;
}

const byStart = (a: Span, b: Span) => a.start - b.start;

/** The parts of `within` not covered by `busy` (sorted here unless already sorted by start). */
export function freeGaps(within: readonly Span[], busy: readonly Span[]): Span[] {
  const sorted = busy.every((b, i) => i === 0 || (busy[i - 1] as Span).start <= b.start)
    ? busy
    : [...busy].sort(byStart);
  const out: Span[] = [];
  for (const w of within) {
    let cursor = w.start;
    for (const b of sorted) {
      if (b.start >= w.end) break;
      if (b.end <= cursor) continue;
      if (b.start > cursor) out.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (cursor < w.end) out.push({ start: cursor, end: w.end });
  }
  return out;
}

/** The intersection of two sets of spans. */
export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a)
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start < end) out.push({ start, end });
    }
  return out.sort((p, q) => p.start - q.start);
}

/**
 * The earliest starts (at most `limit`) of `minutes` inside the gaps, on the step grid (starts on whole multiples
 * of `step` minutes from the hour), not before `notBefore`.
 */
export function earliestFits(
  gaps: readonly Span[],
  minutes: number,
  step: number,
  notBefore: number,
  limit: number,
): Span[] {
  const out: Span[] = [];
  const stepMs = step * MINUTE;
  const length = minutes * MINUTE;
  for (const g of gaps) {
    let start = Math.max(g.start, notBefore);
    start = Math.ceil(start / stepMs) * stepMs;
    if (start + length <= g.end) {
      out.push({ start, end: start + length });
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** Calendar days from `from` to `to` inclusive. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export interface DayLoad {
  workingMinutes: number;
  bookedMinutes: number;
  freeMinutes: number;
  /** booked / working in whole percent, half away from zero; null on a day with no working time. */
  loadPercent: number | null;
}

/**
 * Occupancy of a day (or of several summed): free = working − booked, never below zero (overbooked days show 0
 * free and more than 100 %); the percentage is rounded half away from zero.
 */
export function dayLoad(workingMinutes: number, bookedMinutes: number): DayLoad {
  return {
    workingMinutes,
    bookedMinutes,
    freeMinutes: Math.max(0, workingMinutes - bookedMinutes),
    loadPercent:
      workingMinutes > 0
        ? Math.floor((bookedMinutes * 100 * 2 + workingMinutes) / (2 * workingMinutes))
        : null,
  };
}
