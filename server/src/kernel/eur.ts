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
