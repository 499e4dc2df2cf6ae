/**
 * Display formatting of money, dates and quantities for the two UI languages.
 *
 * Numbers are never turned into floats: the integer digits and the fraction digits are
 * built from the integer minor units as strings, and Intl.NumberFormat only supplies the
 * locale's layout (sign, currency symbol and its place, decimal and group separators)
 * from a template number. Grouping is applied to every number of four or more integer
 * digits: CLDR's Bulgarian default (minimumGroupingDigits 2) would print "1234,56 €".
 *
 * Intl's output is kept as it is: in Bulgarian the group separator and the space before
 * "€" / "лв." are NO-BREAK SPACE (U+00A0), so an amount never wraps across lines. Compare
 * with `.replace(/\u00a0/g, ' ')` in tests.
 */
import { isCalendarDay } from './calendar';
import { eurToBgn } from './eur';
import { cents } from './money';

/** UI languages Servix formats for. */
export type Locale = 'bg' | 'en';

const groupSeparators = new Map<Locale, string>();

function groupSeparator(locale: Locale): string {
  let separator = groupSeparators.get(locale);
  if (separator === undefined) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1_234_567);
    separator = parts.find((p) => p.type === 'group')?.value ?? '';
    groupSeparators.set(locale, separator);
  }
  return separator;
}

/** Groups integer digits in threes (both bg and en group by thousands). */
function groupDigits(digits: string, separator: string): string {
  if (digits.length < 4) return digits;
  const head = digits.length % 3;
  const groups = head > 0 ? [digits.slice(0, head)] : [];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join(separator);
}

/**
 * The locale's layout of ±1 with that many fraction digits (and currency): building an Intl.NumberFormat costs far
 * more than formatting, and an invoice formats a few hundred amounts; a handful of templates serve them all.
 */
const templates = new Map<string, Intl.NumberFormatPart[]>();

function templateOf(
  negative: boolean,
  fractionLength: number,
  locale: Locale,
  options: { style?: 'currency'; currency?: string },
): Intl.NumberFormatPart[] {
  const key = `${locale}|${options.style ?? ''}|${options.currency ?? ''}|${fractionLength}|${negative ? '-' : '+'}`;
  let template = templates.get(key);
  if (!template) {
    template = new Intl.NumberFormat(locale, {
      ...options,
      useGrouping: false,
      minimumFractionDigits: fractionLength,
      maximumFractionDigits: fractionLength,
    }).formatToParts(negative ? -1 : 1);
    templates.set(key, template);
  }
  return template;
}

/** Lays out an exact decimal (sign, integer digits, fraction digits) with the locale's pattern. */
function formatExactDecimal(
  negative: boolean,
  integerDigits: string,
  fractionDigits: string,
  locale: Locale,
  options: { style?: 'currency'; currency?: string } = {},
): string {
  const template = templateOf(negative, fractionDigits.length, locale, options);
  return template
    .map((part) => {
      if (part.type === 'integer') return groupDigits(integerDigits, groupSeparator(locale));
      if (part.type === 'fraction') return fractionDigits;
      return part.value;
    })
    .join('');
}

/** Splits a safe integer of minor units into sign, integer digits and `scale` fraction digits, exactly. */
function splitMinorUnits(
  value: number,
  scale: number,
): { negative: boolean; integerDigits: string; fraction: string } {
  const digits = String(Math.abs(value)).padStart(scale + 1, '0');
  return {
    negative: value < 0,
    integerDigits: digits.slice(0, digits.length - scale),
    fraction: digits.slice(digits.length - scale),
  };
}

/** Formats cents as a currency amount with 2 decimals: bg "1 234,56 €", en "€1,234.56" (separators U+00A0 in bg). */
export function formatMoney(c: number, locale: Locale, currency = 'EUR'): string {
  const { negative, integerDigits, fraction } = splitMinorUnits(cents(c), 2);
  return formatExactDecimal(negative, integerDigits, fraction, locale, { style: 'currency', currency });
}

/**
 * The unit cost a line's value really divides into: value ÷ quantity with up to 4 decimals, so that
 * 13 × the shown unit cost gives the shown value (51,44 € ÷ 13 → "3,9569 €", not a rounded "3,96 €").
 * Exact costs keep 2 decimals ("3,96 €"). Null when there is no quantity to divide by.
 */
export function formatUnitCost(
  valueCents: number,
  quantityMilli: number,
  locale: Locale,
  currency = 'EUR',
): string | null {
  if (quantityMilli === 0) return null;
  const negative = valueCents < 0 !== quantityMilli < 0 && valueCents !== 0;
  // In ten-thousandths of the currency: cents × 100 × 1000 ÷ milli, rounded half up, in integers.
  const numerator = Math.abs(cents(valueCents)) * 100_000;
  const denominator = Math.abs(quantityMilli);
  const units = Math.floor((2 * numerator + denominator) / (2 * denominator));
  const { integerDigits, fraction } = splitMinorUnits(units, 4);
  let shown = fraction;
  while (shown.length > 2 && shown.endsWith('0')) shown = shown.slice(0, -1);
  return formatExactDecimal(negative, integerDigits, shown, locale, {
    style: 'currency',
    currency,
  });
}

/** Formats the informative BGN equivalent of a EUR amount, converted with EUR-01: bg "2 411,58 лв.". */
export function formatBgnEquivalent(eurCents: number, locale: Locale): string {
  return formatMoney(eurToBgn(eurCents), locale, 'BGN');
}

/** Formats a quantity in thousandths without trailing zeros: 1500 → bg "1,5", en "1.5"; 2000 → "2". */
export function formatQuantity(thousandths: number, locale: Locale): string {
  if (!Number.isSafeInteger(thousandths)) {
    throw new RangeError(`Quantity must be an integer number of thousandths, got ${thousandths}`);
  }
  const { negative, integerDigits, fraction } = splitMinorUnits(thousandths, 3);
  return formatExactDecimal(negative, integerDigits, fraction.replace(/0+$/, ''), locale);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats a calendar date 'YYYY-MM-DD' (no time zone involved): bg "27.11.2026", en "27/11/2026"; throws RangeError on an invalid date. */
export function formatDate(isoDate: string, locale: Locale): string {
  const match = ISO_DATE.exec(isoDate);
  const [, year = '', month = '', day = ''] = match ?? [];
  const m = Number(month);
  const d = Number(day);
  if (!match || !isCalendarDay(Number(year), m, d)) {
    throw new RangeError(`Not a calendar date YYYY-MM-DD: "${isoDate}"`);
  }
  return locale === 'bg' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}
