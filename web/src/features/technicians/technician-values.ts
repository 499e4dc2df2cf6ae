import { formatMoney } from '@servix/server/kernel/format';
import {
  findOverlap,
  formatMinute,
  formatWeekdayHours,
  minuteOf,
  sortHours,
} from '@servix/server/modules/technicians/technicians.hours';
import { formatPercentBp } from '@servix/server/modules/technicians/technicians.pay';
import type { PayTerms, WorkingInterval } from '@servix/server/modules/technicians/technicians.schema';
import type { TFunction } from 'i18next';
import type { Locale } from '../../i18n';

/** 1 = Monday … 7 = Sunday (ISO 8601), as the server counts them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One interval as the form edits it: times as typed "08:30"; the key keeps React's rows stable. */
export interface HoursRow {
  key: string;
  weekday: number;
  start: string;
  end: string;
}

let seq = 0;
export const newKey = () => `h-${++seq}`;

/** "08:30" → 510, "24:00" → 1440; NaN for anything else. */
export function parseTime(text: string): number {
  return minuteOf(text) ?? Number.NaN;
}

export function toRows(hours: readonly WorkingInterval[]): HoursRow[] {
  return sortHours(hours).map((h) => ({
    key: newKey(),
    weekday: h.weekday,
    start: formatMinute(h.startMinute),
    end: formatMinute(h.endMinute),
  }));
}

/** The rows as the server takes them, in the form's order (so "hours.3" names the same row on both sides). */
export function toIntervals(rows: readonly HoursRow[]): WorkingInterval[] {
  return rows.map((r) => ({
    weekday: r.weekday,
    startMinute: parseTime(r.start),
    endMinute: parseTime(r.end),
  }));
}

const dayKey = (n: number) => String(n) as '1' | '2' | '3' | '4' | '5' | '6' | '7';

/** Working hours in a few words, with the UI language's day names: "Пн–Пт 08:30–17:30; Сб 09:00–13:00". */
export function hoursText(hours: readonly WorkingInterval[], t: TFunction): string {
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return formatWeekdayHours(hours)
    .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/g, (d) =>
      t(`technicians.weekdayShort.${dayKey(names.indexOf(d) + 1)}`),
    )
    .replace(/(\d)-(\d)/g, '$1–$2')
    .replace(/([^\d\s])-([^\d\s])/g, '$1–$2');
}

/** Percent with up to 2 decimals: 3000 → bg "30", 2850 → bg "28,5" (the server's text, with the UI's decimal mark). */
export function percentText(bp: number, locale: Locale): string {
  const text = formatPercentBp(bp);
  return locale === 'bg' ? text.replace('.', ',') : text;
}

/** "40 % of labour" or "14,00 € per norm hour". */
export function payTermsText(
  p: Pick<PayTerms, 'payType' | 'commissionBp' | 'rateCents'>,
  t: TFunction,
  locale: Locale,
) {
  if (p.payType === 'commission')
    return t('technicians.pay.commissionText', { percent: percentText(p.commissionBp ?? 0, locale) });
  return t('technicians.pay.rateText', { rate: formatMoney(p.rateCents ?? 0, locale) });
}

export const PAY_TYPES = ['commission', 'per_norm_hour'] as const;

/** The technician form as typed: text as the user sees it; the pay terms only when adding a technician. */
export interface TechnicianValues {
  name: string;
  phone: string;
  userId: string | null;
  active: boolean;
  notes: string;
  skills: string[];
  hours: HoursRow[];
  withPay: boolean;
  payFrom: string | null;
  payType: (typeof PAY_TYPES)[number];
  payValue: string;
}

/** The row that overlaps an earlier one on the same day, and that earlier interval as "09:00–18:00"; or null. */
export function overlappingRow(rows: readonly HoursRow[]): { index: number; with: string } | null {
  const intervals = toIntervals(rows);
  const pair = findOverlap(
    intervals.filter((h) => !Number.isNaN(h.startMinute) && !Number.isNaN(h.endMinute)),
  );
  if (!pair) return null;
  const [first, second] = pair;
  const index = intervals.findIndex(
    (h) =>
      h.weekday === second.weekday &&
      h.startMinute === second.startMinute &&
      h.endMinute === second.endMinute,
  );
  return index < 0
    ? null
    : { index, with: `${formatMinute(first.startMinute)}–${formatMinute(first.endMinute)}` };
}
