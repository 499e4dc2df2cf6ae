/**
 * A technician's working hours: intervals per weekday (1 = Monday … 7 = Sunday) in minutes from midnight,
 * and the text form used by technicians.csv: `Mon-Fri 08:30-17:30; Sat 09:00-13:00`. Pure, no database.
 *
 * Text format: parts joined by ";", each part `DAYS HH:MM-HH:MM[, HH:MM-HH:MM…]` where DAYS is a day (`Mon`),
 * a range (`Mon-Fri`, never wrapping past Sunday) or a comma list of those (`Mon,Wed-Thu`). Days are English
 * three-letter names, any case. An end of `24:00` is allowed. Several intervals on one day are allowed as long
 * as they do not overlap (touching is fine: 08:00-12:00 and 12:00-17:00). An empty text means no hours.
 */

export interface WorkingInterval {
  /** 1 = Monday … 7 = Sunday (ISO 8601). */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export type HoursResult =
  | { ok: true; hours: WorkingInterval[] }
  | { ok: false; code: 'invalid_hours' | 'hours_overlap'; part: string };

const TIME = /^(\d{1,2}):(\d{2})$/;

/** "8:30" → 510 minutes after midnight; "24:00" is the end of the day; null when it is not a time of day. */
export function minuteOf(text: string): number | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

function weekdayOf(name: string): number | null {
  const i = WEEKDAY_NAMES.findIndex((d) => d.toLowerCase() === name.trim().toLowerCase());
  return i < 0 ? null : i + 1;
}

function daysOf(text: string): number[] | null {
  const out: number[] = [];
  for (const piece of text.split(',')) {
    const [from, to, ...rest] = piece.split('-');
    if (from === undefined || rest.length) return null;
    const a = weekdayOf(from);
    const b = to === undefined ? a : weekdayOf(to);
    if (a === null || b === null || b < a) return null;
    for (let d = a; d <= b; d++) out.push(d);
  }
  return out;
}

/** Sorts intervals by weekday and start; the first pair of overlapping intervals on one day, or null. */
export function findOverlap(hours: readonly WorkingInterval[]): [WorkingInterval, WorkingInterval] | null {
  const sorted = sortHours(hours);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as WorkingInterval;
    const cur = sorted[i] as WorkingInterval;
    if (prev.weekday === cur.weekday && cur.startMinute < prev.endMinute) return [prev, cur];
  }
  return null;
}

export function sortHours(hours: readonly WorkingInterval[]): WorkingInterval[] {
  return [...hours].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
}

/** Parses `Mon-Fri 08:30-17:30; Sat 09:00-13:00` into intervals, refusing bad syntax and overlaps. */
export function parseWeekdayHours(text: string): HoursResult {
  const hours: WorkingInterval[] = [];
  for (const raw of text.split(';')) {
    const part = raw.trim();
    if (!part) continue;
    const m = /^(\S+)\s+(.+)$/.exec(part);
    const days = m ? daysOf(m[1] as string) : null;
    if (!m || !days) return { ok: false, code: 'invalid_hours', part };
    for (const span of (m[2] as string).split(',')) {
      const [from, to, ...rest] = span.split('-');
      const start = from === undefined ? null : minuteOf(from);
      const end = to === undefined ? null : minuteOf(to);
      if (start === null || end === null || rest.length || start >= end)
        return { ok: false, code: 'invalid_hours', part };
      for (const weekday of days) hours.push({ weekday, startMinute: start, endMinute: end });
    }
  }
  const overlap = findOverlap(hours);
  if (overlap) return { ok: false, code: 'hours_overlap', part: formatWeekdayHours(overlap) };
  return { ok: true, hours: sortHours(hours) };
}

/** Minutes from midnight as HH:MM (1440 → 24:00). */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The text form, with consecutive days that share the same intervals grouped: `Mon-Fri 08:00-17:00; Sat 09:00-13:00`. */
export function formatWeekdayHours(hours: readonly WorkingInterval[]): string {
  const byDay = new Map<number, string>();
  for (const h of sortHours(hours)) {
    const span = `${formatMinute(h.startMinute)}-${formatMinute(h.endMinute)}`;
    byDay.set(h.weekday, byDay.has(h.weekday) ? `${byDay.get(h.weekday)}, ${span}` : span);
  }
  const parts: string[] = [];
  let d = 1;
  while (d <= 7) {
    const spans = byDay.get(d);
    if (!spans) {
      d++;
      continue;
    }
    let last = d;
    while (last < 7 && byDay.get(last + 1) === spans) last++;
    const days = last === d ? WEEKDAY_NAMES[d - 1] : `${WEEKDAY_NAMES[d - 1]}-${WEEKDAY_NAMES[last - 1]}`;
    parts.push(`${days} ${spans}`);
    d = last + 1;
  }
  return parts.join('; ');
}
