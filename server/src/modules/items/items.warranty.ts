/**
 * The manufacturer's warranty of a serviced item: a pure rule on calendar dates ('YYYY-MM-DD'), no database.
 *
 * The rule (Bulgarian practice, and the way the seed data's boundary table counts):
 * - the warranty ends on the same calendar day `warrantyMonths` months after the purchase date, clamped to the
 *   last day of a shorter month (2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 24 months = 2026-02-28);
 * - the item is covered from the purchase date THROUGH the end date inclusive: on the end date it is still under
 *   warranty, the day after it is not (bought 2024-11-27 with 24 months: covered on 2026-11-27, not on 2026-11-28);
 * - an explicit warranty end (e.g. an extended warranty, a warranty card with its own date) replaces the computed
 *   one, and needs no purchase date;
 * - 0 months means the item has no manufacturer's warranty (bought second-hand): not under warranty, no end;
 * - no explicit end and no purchase date (or no months): unknown, which answers "not under warranty" with
 *   warrantyEnd and daysLeft null;
 * - before the purchase date the item is not under warranty (it was not sold yet).
 */

export interface WarrantyInput {
  purchaseDate: string | null;
  /** Months from the purchase date; null when unknown. */
  warrantyMonths: number | null;
  /** An explicit end date that overrides purchaseDate + warrantyMonths. */
  warrantyEnd: string | null;
}

export interface WarrantyStatus {
  underWarranty: boolean;
  /** The last day covered (inclusive), or null when it cannot be known or there is no warranty. */
  warrantyEnd: string | null;
  /** Days from onDate to warrantyEnd: 0 on the last covered day, negative once it has ended; null with no end. */
  daysLeft: number | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date YYYY-MM-DD: "${date}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
    throw new RangeError(`Not a calendar date YYYY-MM-DD: "${date}"`);
  return [y, mo, d];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same calendar day `months` later, clamped to the end of a shorter month (2024-01-31 + 1 = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer, got ${months}`);
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Days since 1970-01-01 of a calendar date, computed in UTC so no time zone moves it. */
function epochDay(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The calendar date of an instant in a time zone (the business runs on Bulgarian time): 'YYYY-MM-DD'. */
export function calendarDateOf(instant: Date, timeZone = 'Europe/Sofia'): string {
  return isoDateFormat(timeZone).format(instant);
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

/** Today in Bulgaria, 'YYYY-MM-DD'. */
export function todayDate(): string {
  return calendarDateOf(new Date());
}

/** The effective last day of the warranty: the explicit end, else purchase date + months; null when unknown or none. */
export function warrantyEndOf(item: WarrantyInput): string | null {
  if (item.warrantyEnd) return item.warrantyEnd;
  if (!item.purchaseDate || item.warrantyMonths === null || item.warrantyMonths <= 0) return null;
  return addMonths(item.purchaseDate, item.warrantyMonths);
}

/** Is the item under the manufacturer's warranty on `onDate` (covered through the end date inclusive)? */
export function warrantyStatus(item: WarrantyInput, onDate: string): WarrantyStatus {
  parts(onDate);
  const end = warrantyEndOf(item);
  if (end === null) return { underWarranty: false, warrantyEnd: null, daysLeft: null };
  const daysLeft = daysBetween(onDate, end);
  const sold = item.purchaseDate === null || daysBetween(item.purchaseDate, onDate) >= 0;
  return { underWarranty: sold && daysLeft >= 0, warrantyEnd: end, daysLeft };
}
