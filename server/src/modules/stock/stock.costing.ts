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

/** Suggested reorder quantity for a part below its minimum: 2 × minimum − available, rounded up to whole units. */
export function suggestedReorderMilli(minStockMilli: number, availableMilli: number): number {
  const need = 2 * minStockMilli - availableMilli;
  if (need <= 0) return 0;
  return mulDivRoundUp(need, 1, 1000) * 1000;
}
