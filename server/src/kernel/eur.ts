/**
 * Lev ↔ euro conversion (EUR-01, ЗВЕРБ): 1 EUR = 1.95583 BGN, kept as an exact
 * fraction. Conversion divides (or multiplies) by the full rate and rounds to the cent
 * half away from zero. "Half-up on the 3rd decimal" gives the same result: truncating
 * to 3 decimals never moves a value across the .xx5 boundary.
 */
import { type Cents, cents, mulDivRound, mulDivRoundUp } from './money';

/** The fixed conversion rate, BGN per 1 EUR, as an exact fraction (1.95583). */
export const BGN_PER_EUR = Object.freeze({ numerator: 195583, denominator: 100000 });

/** BGN cents → EUR cents: divide by the full rate 1.95583, round half away from zero (EUR-01). */
export function bgnToEur(bgnCents: number): Cents {
  return cents(mulDivRound(bgnCents, BGN_PER_EUR.denominator, BGN_PER_EUR.numerator));
}

/** EUR cents → BGN cents: multiply by the full rate 1.95583, round half away from zero (EUR-01). */
export function eurToBgn(eurCents: number): Cents {
  return cents(mulDivRound(eurCents, BGN_PER_EUR.numerator, BGN_PER_EUR.denominator));
}

/** BGN wages → EUR cents: divide by the full rate and round up in magnitude (never to the employee's loss) (EUR-01). */
export function bgnToEurWages(bgnCents: number): Cents {
  return cents(mulDivRoundUp(bgnCents, BGN_PER_EUR.denominator, BGN_PER_EUR.numerator));
}

/** The first day consumer prices were shown in both currencies (EUR-02: from 08.08.2025). */
export const DUAL_DISPLAY_FROM = '2025-08-08';
/** The first day of the euro: documents dated from it are in EUR (EUR-03, EUR-04). */
export const EURO_FROM = '2026-01-01';

/** How a consumer document's totals show the other currency on a day (EUR-02, EUR-07). */
export type DualDisplay =
  /** 08.08.2025–31.12.2025: the BGN amount, then its EUR equivalent, then the rate. */
  | { primary: 'BGN'; secondary: 'EUR' }
  /** 01.01.2026 to the end of dual display (a setting): the EUR amount, then its BGN equivalent, then the rate. */
  | { primary: 'EUR'; secondary: 'BGN' };

/**
 * Whether a consumer document (quote, sale receipt) dated `date` shows its totals in both currencies, and in which
 * order (EUR-02, EUR-07): from 2025-08-08 to `until` inclusive (the company's setting, 2026-08-08 by default); null
 * before and after. Invoices and notes never ask this (EUR-03).
 */
export function dualDisplayOn(date: string, until: string): DualDisplay | null {
  if (date < DUAL_DISPLAY_FROM || date > until) return null;
  return date < EURO_FROM ? { primary: 'BGN', secondary: 'EUR' } : { primary: 'EUR', secondary: 'BGN' };
}

/** An amount in one currency converted to the other by EUR-01. */
export function convertCents(amountCents: number, from: 'BGN' | 'EUR'): Cents {
  return from === 'BGN' ? bgnToEur(amountCents) : eurToBgn(amountCents);
}

/** The fixed rate as printed beside dual amounts: "1 EUR = 1,95583 BGN" (bg) or "1 EUR = 1.95583 BGN". */
export function printedRate(locale: 'bg' | 'en'): string {
  return locale === 'bg' ? '1 EUR = 1,95583 лв.' : '1 EUR = 1.95583 BGN';
}

/** A consumer document's total in the other currency during dual display (EUR-02, EUR-07), or null. */
export interface DualTotal {
  /** The other currency: EUR on a 2025 document in BGN, BGN on a 2026 document in EUR. */
  currency: 'BGN' | 'EUR';
  /** The document's total converted by EUR-01. */
  totalCents: number;
}

/** The total of a consumer document (quote, sale receipt) in the other currency, when its date is in dual display. */
export function dualTotalOf(
  date: string,
  currency: string,
  totalCents: number,
  dualDisplayUntil: string,
): DualTotal | null {
  if (!dualDisplayOn(date, dualDisplayUntil) || (currency !== 'BGN' && currency !== 'EUR')) return null;
  return {
    currency: currency === 'BGN' ? 'EUR' : 'BGN',
    totalCents: Number(convertCents(totalCents, currency)),
  };
}
