/**
 * Calendar dates as 'YYYY-MM-DD' strings (an invoice date, a warranty end, a due date): pure arithmetic on the
 * calendar, never a JS Date in between, so no time zone can move a day. Only "today" needs a time zone: the
 * company's (Bulgarian time), not the server's.
 */

/** The time zone the business runs on: "today" is today in Bulgaria, wherever the server stands. */
export const COMPANY_TIME_ZONE = 'Europe/Sofia';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Gregorian leap years: every 4th, but not every 100th unless every 400th (2000 is, 2100 is not). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the day exists on the calendar (no 2026-02-30, no month 13). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Year, month (1-12) and day of a 'YYYY-MM-DD' date; throws RangeError when it is not a date on the calendar. */
export function dateParts(date: string): [year: number, month: number, day: number] {
  const m = ISO_DATE.exec(date);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || !isCalendarDay(y, mo, d)) throw new RangeError(`Not a calendar date YYYY-MM-DD: "${date}"`);
  return [y, mo, d];
}

function formatDateParts(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** Days since 1970-01-01 of a calendar date, counted in UTC so no time zone moves it. */
function epochDay(date: string): number {
  const [y, m, d] = dateParts(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDay(day: number): string {
  const t = new Date(day * DAY_MS);
  return formatDateParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The date `days` later (earlier when negative): 2024-02-28 + 1 = 2024-02-29. */
export function addDays(date: string, days: number): string {
  requireInteger(days, 'Days');
  return fromEpochDay(epochDay(date) + days);
}

/** The same calendar day `months` later, clamped to the end of a shorter month (2024-01-31 + 1 = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  requireInteger(months, 'Months');
  const [y, m, d] = dateParts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDateParts(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The day a payment falls due: `termDays` calendar days after the document date (0: the same day). */
export function dueDate(documentDate: string, termDays: number): string {
  if (!Number.isInteger(termDays) || termDays < 0)
    throw new RangeError(`A payment term is a whole number of days from 0, got ${termDays}`);
  return addDays(documentDate, termDays);
}

/** Whole days from `from` to `to` (negative when `to` is earlier): the age of an open invoice, days left. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Building a formatter costs far more than formatting: one per time zone. */
const ISO_DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();
function isoDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = ISO_DATE_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    ISO_DATE_FORMATS.set(timeZone, format);
  }
  return format;
}

const WALL_CLOCK_FORMATS = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = WALL_CLOCK_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    WALL_CLOCK_FORMATS.set(timeZone, format);
  }
  return format;
}

/**
 * The last date formatted per time zone, by its quarter hour: every zone's offset has been a whole number of
 * quarter hours since 1980, so a day changes only on a quarter hour and every instant of one has the same date.
 * "Today" is asked many times a request; formatting it through ICU each time is most of its cost.
 */
const QUARTER_HOUR_MS = 900_000;
const SINCE_1980_MS = 315_532_800_000;
const lastDates = new Map<string, { quarter: number; date: string }>();

/** The calendar date of an instant in a time zone (the company's by default): 'YYYY-MM-DD'. */
export function calendarDateOf(instant: Date, timeZone = COMPANY_TIME_ZONE): string {
  const ms = instant.getTime();
  if (!(ms >= SINCE_1980_MS)) return isoDateFormat(timeZone).format(instant);
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const last = lastDates.get(timeZone);
  if (last?.quarter === quarter) return last.date;
  const date = isoDateFormat(timeZone).format(instant);
  lastDates.set(timeZone, { quarter, date });
  return date;
}

/** Today in the company's time zone, 'YYYY-MM-DD'. */
export function todayDate(timeZone = COMPANY_TIME_ZONE): string {
  return calendarDateOf(new Date(), timeZone);
}

/**
 * The instant a calendar day begins in a time zone (the company's by default): 2026-03-29 in Sofia begins at
 * 2026-03-28T22:00:00.000Z. For "finished between these dates" on columns that hold instants.
 */
export function startOfDayInstant(date: string, timeZone = COMPANY_TIME_ZONE): Date {
  const [y, m, d] = dateParts(date);
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The zone's offset at a moment: its wall clock read as if it were UTC, minus the moment.
  const offsetAt = (ms: number) => {
    const parts = wallClockFormat(timeZone).formatToParts(new Date(ms));
    const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - ms;
  };
  // Midnight local = midnight UTC − offset; the offset at that moment decides (a DST change in between moves it).
  const first = utcMidnight - offsetAt(utcMidnight);
  return new Date(utcMidnight - offsetAt(first));
}

/** The zone's offset in ms at a moment: its wall clock read as if it were UTC, minus the moment. */
function zoneOffsetAt(ms: number, timeZone: string): number {
  const parts = wallClockFormat(timeZone).formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - ms;
}

/**
 * The instant a wall-clock time begins on a calendar day in a time zone (the company's by default): 2026-07-01 at
 * minute 480 (08:00) in Sofia is 2026-07-01T05:00:00.000Z. For working hours and booked slots, which are local.
 */
export function instantAt(date: string, minute: number, timeZone = COMPANY_TIME_ZONE): Date {
  requireInteger(minute, 'Minute');
  const [y, m, d] = dateParts(date);
  const wall = Date.UTC(y, m - 1, d) + minute * 60_000;
  const first = wall - zoneOffsetAt(wall, timeZone);
  return new Date(wall - zoneOffsetAt(first, timeZone));
}

/** The calendar day, the minute from its midnight and the ISO weekday (1 = Monday) of an instant in a time zone. */
export function wallClockOf(
  instant: Date,
  timeZone = COMPANY_TIME_ZONE,
): { date: string; minute: number; weekday: number } {
  const ms = instant.getTime();
  const local = new Date(ms + zoneOffsetAt(ms, timeZone));
  const date = formatDateParts(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  return {
    date,
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
    weekday: ((local.getUTCDay() + 6) % 7) + 1,
  };
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** The month before `today`'s, as its first and last day: the period one pays for (earnings, monthly reports). */
export function lastMonth(today: string): { from: string; to: string } {
  const to = addDays(`${today.slice(0, 8)}01`, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}
