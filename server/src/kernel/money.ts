/**
 * Money in Servix: integer minor units (cents) in a branded type. Every rounding of
 * money happens here, on integers (BigInt where a product could leave the safe range),
 * never on floats. The rounding rule is half away from zero (INV-14, EUR-01).
 */

/** An amount of money in integer minor units (euro or lev cents). */
export type Cents = number & { readonly __brand: 'Cents' };

/** Brands a safe integer as Cents; throws RangeError for anything else (floats, NaN, unsafe integers). */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Not a whole number of cents: ${n}`);
  }
  // Normalise -0 so that it never prints as "-0.00".
  return (n === 0 ? 0 : n) as Cents;
}

/** True when the value is a safe integer, i.e. acceptable as Cents. */
export function isCents(n: unknown): n is Cents {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

function requireSafeInteger(n: number, name: string): bigint {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${name} must be a safe integer, got ${n}`);
  }
  return BigInt(n);
}

function toSafeNumber(n: bigint, what: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} is outside the safe integer range: ${n}`);
  }
  const result = Number(n);
  return result === 0 ? 0 : result;
}

function splitDivision(numerator: bigint, denominator: bigint) {
  if (denominator === 0n) {
    throw new RangeError('Division by zero');
  }
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  return { negative, quotient: n / d, remainder: n % d, divisor: d };
}

/** Rounds the rational numerator/denominator to an integer, half away from zero (2.5 → 3, -2.5 → -3). */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const { negative, quotient, remainder, divisor } = splitDivision(numerator, denominator);
  const magnitude = 2n * remainder >= divisor ? quotient + 1n : quotient;
  return negative ? -magnitude : magnitude;
}

/** Rounds the rational numerator/denominator to an integer away from zero, i.e. up in magnitude (2.01 → 3, -2.01 → -3). */
export function roundAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const { negative, quotient, remainder } = splitDivision(numerator, denominator);
  const magnitude = remainder > 0n ? quotient + 1n : quotient;
  return negative ? -magnitude : magnitude;
}

/** round(a × b / c) half away from zero, computed exactly with BigInt; inputs and result must be safe integers. */
export function mulDivRound(a: number, b: number, c: number): number {
  const product = requireSafeInteger(a, 'a') * requireSafeInteger(b, 'b');
  return toSafeNumber(roundHalfAwayFromZero(product, requireSafeInteger(c, 'c')), 'mulDivRound result');
}

/** a × b / c rounded away from zero (up in magnitude), computed exactly with BigInt; inputs and result must be safe integers. */
export function mulDivRoundUp(a: number, b: number, c: number): number {
  const product = requireSafeInteger(a, 'a') * requireSafeInteger(b, 'b');
  return toSafeNumber(roundAwayFromZero(product, requireSafeInteger(c, 'c')), 'mulDivRoundUp result');
}

/** Line amount = quantity (thousandths) × unit price (cents) / 1000, rounded to the cent half away from zero (INV-14). */
export function lineAmount(quantityThousandths: number, unitPriceCents: number): Cents {
  return cents(mulDivRound(quantityThousandths, unitPriceCents, 1000));
}

function requireBasisPoints(bp: number): void {
  if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) {
    throw new RangeError(`Discount must be an integer number of basis points 0..10000, got ${bp}`);
  }
}

/** Discount amount = amount × discountBp / 10000 rounded half away from zero (10000 bp = 100 %). */
export function discountAmount(amount: Cents, discountBp: number): Cents {
  requireBasisPoints(discountBp);
  return cents(mulDivRound(amount, discountBp, 10_000));
}

/** Amount after discount = amount − discountAmount(amount, bp), so that printed amount − discount = net exactly. */
export function applyDiscount(amount: Cents, discountBp: number): Cents {
  return cents(amount - discountAmount(amount, discountBp));
}

/** Sums amounts exactly; throws RangeError if any term or the total is not a safe integer. */
export function sumCents(amounts: readonly number[]): Cents {
  let total = 0n;
  for (const amount of amounts) {
    total += requireSafeInteger(amount, 'amount');
  }
  return cents(toSafeNumber(total, 'sum'));
}

// Optional sign; integer digits either plain or grouped in threes by a space
// (regular, no-break U+00A0 or narrow no-break U+202F); optional "." or "," with 1–2 decimals.
const MONEY_PATTERN = /^([+-])?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/** Parses "1234.56", "1234,56", "1 234,56", "-3.5" into cents; throws RangeError on more than 2 decimals or anything else. */
export function parseMoney(text: string): Cents {
  const match = MONEY_PATTERN.exec(text.trim());
  if (!match) {
    throw new RangeError(`Not a money amount (up to 2 decimals, "." or "," as decimal separator): "${text}"`);
  }
  const [, sign, integerPart = '', fractionPart = ''] = match;
  const digits = integerPart.replace(/[ \u00a0\u202f]/g, '') + fractionPart.padEnd(2, '0');
  const value = BigInt(digits);
  return cents(toSafeNumber(sign === '-' ? -value : value, `Money amount "${text}"`));
}

/** Renders cents as a plain decimal string with a dot and exactly 2 decimals ("1234.56", "-0.05") for CSV and APIs. */
export function toDecimalString(c: Cents): string {
  const value = cents(c);
  const digits = String(Math.abs(value)).padStart(3, '0');
  const sign = value < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * Splits a whole amount over weights by the largest remainder (Hamilton's method): every share is
 * trunc(total × w / Σw), and the cents left over go one each to the largest remainders (the first line wins a
 * tie), so the shares sum to the total exactly (a landed cost over receipt lines, a discount over invoice lines).
 * A negative total splits as its opposite, negated. With all weights 0 the split is even. Weights are safe
 * integers; a negative weight counts as 0.
 */
export function allocate(totalCents: number, weights: readonly number[]): Cents[] {
  const total = requireSafeInteger(totalCents, 'total');
  if (weights.length === 0) return [];
  const clamped = weights.map((w) => (requireSafeInteger(w, 'weight') < 0n ? 0n : BigInt(w)));
  const w = clamped.every((x) => x === 0n) ? clamped.map(() => 1n) : clamped;
  const sum = w.reduce((a, b) => a + b, 0n);
  const magnitude = total < 0n ? -total : total;
  const shares = w.map((x) => (magnitude * x) / sum);
  const byRemainder = w
    .map((x, i) => ({ i, r: (magnitude * x) % sum }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  let left = magnitude - shares.reduce((a, b) => a + b, 0n);
  for (const { i } of byRemainder) {
    if (left <= 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((s) => cents(toSafeNumber(total < 0n ? -s : s, 'share')));
}
