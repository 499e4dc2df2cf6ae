/**
 * Weighted-average costing on integers (D4, STK-07): a level's value in cents is the source of truth, its average
 * is value / quantity. Quantities are thousandths of the unit, unit costs cents per whole unit.
 */
import { lineAmount, mulDivRound, mulDivRoundUp } from '../../kernel/money';

/** The average cost per unit, round(value × 1000 / on hand) half away from zero; 0 when nothing is on hand. */
export function averageCost(valueCents: number, onHandMilli: number): number {
  return onHandMilli > 0 ? mulDivRound(valueCents, 1000, onHandMilli) : 0;
}

/**
 * The value that leaves with `quantityMilli` out of a level at its average: round(qty × value / on hand). Taking
 * the last unit takes the remaining value exactly, so the value never drifts from the quantity.
 */
export function valueOut(quantityMilli: number, onHandMilli: number, valueCents: number): number {
  if (quantityMilli >= onHandMilli) return valueCents;
  return mulDivRound(quantityMilli, valueCents, onHandMilli);
}

/** A receipt line's value: quantity × unit cost, rounded to the cent (the landed-cost share comes on top). */
export function receiptLineValue(quantityMilli: number, unitCostCents: number): number {
  return lineAmount(quantityMilli, unitCostCents);
}

/** The unit cost a movement shows: |value| × 1000 / |quantity|, rounded half away from zero. */
export function unitCostOf(valueCents: number, quantityMilli: number): number {
  const q = Math.abs(quantityMilli);
  return q === 0 ? 0 : mulDivRound(Math.abs(valueCents), 1000, q);
}

/**
 * Splits a whole amount over weights by the largest remainder: every share is floor(total × w / Σw), and the cents
 * left over go one each to the largest remainders (the first line wins a tie), so the shares sum to the total
 * exactly. With all weights 0 the split is even.
 */
export function allocateByWeight(totalCents: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) throw new RangeError(`Bad amount ${totalCents}`);
  const w = weights.every((x) => x === 0) ? weights.map(() => 1) : weights.map((x) => Math.max(0, x));
  const sum = w.reduce((a, b) => a + BigInt(b), 0n);
  const total = BigInt(totalCents);
  const shares = w.map((x) => (total * BigInt(x)) / sum);
  const remainders = w.map((x, i) => ({ i, r: (total * BigInt(x)) % sum }));
  let left = Number(total - shares.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1;
  }
  return shares.map((s) => Number(s));
}

/** Suggested reorder quantity for a part below its minimum: 2 × minimum − available, rounded up to whole units. */
export function suggestedReorderMilli(minStockMilli: number, availableMilli: number): number {
  const need = 2 * minStockMilli - availableMilli;
  if (need <= 0) return 0;
  return mulDivRoundUp(need, 1, 1000) * 1000;
}

/** Quantities as decimal units for CSV and messages: 6000 → "6", 2500 → "2.5", -1250 → "-1.25". */
export function milliToUnits(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const m = Math.abs(milli);
  const whole = Math.trunc(m / 1000);
  const fraction = String(m % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${fraction ? `${whole}.${fraction}` : String(whole)}`;
}
