/**
 * A sale receipt's amounts (ADR 0022), as the fiscal device counts them: a line's unit price with VAT, the line's
 * total with VAT after its discount, and the VAT inside it. The payment is the sum of the lines' totals, so what the
 * device prints and what goes into the cash desk are the same cents. Pure: no database, no network, only the kernel
 * (the counter-sale screen shows its totals with these same functions).
 */
import { mulDivRound } from '../../kernel/money';

export interface ReceiptLineInput {
  quantityMilli: number;
  unitPriceCents: number;
  discountBp: number;
  vatRateBp: number;
}

export interface ReceiptLineAmounts {
  /** The unit price with VAT, as printed. */
  unitGrossCents: number;
  /** The discount in cents off quantity × unit price with VAT. */
  discountCents: number;
  totalCents: number;
  netCents: number;
  vatCents: number;
}

export function receiptLineAmounts(l: ReceiptLineInput): ReceiptLineAmounts {
  const unitGrossCents = mulDivRound(l.unitPriceCents, 10_000 + l.vatRateBp, 10_000);
  // round(quantity × price × (1 − discount)), half away from zero, exact: as an order line's net (orders.totals).
  const beforeDiscount = mulDivRound(l.quantityMilli, unitGrossCents * 10_000, 10_000_000);
  const totalCents = mulDivRound(l.quantityMilli, unitGrossCents * (10_000 - l.discountBp), 10_000_000);
  const netCents = mulDivRound(totalCents, 10_000, 10_000 + l.vatRateBp);
  return {
    unitGrossCents,
    discountCents: beforeDiscount - totalCents,
    totalCents,
    netCents,
    vatCents: totalCents - netCents,
  };
}

/**
 * How a storno of `amountCents` is shared over the original receipt's lines (FIS-02, ADR 0040): in proportion to
 * what is left of each line (its total less earlier stornos), floored, the cents left over going to the lines with
 * the largest remainders (then the first), never more than a line has left. The shares add up to the amount, which
 * the caller has checked is at most the sum of what is left.
 */
export function stornoShares(lines: { position: number; leftCents: number }[], amountCents: number) {
  const left = lines.filter((l) => l.leftCents > 0);
  const total = left.reduce((s, l) => s + l.leftCents, 0);
  if (total <= 0 || amountCents <= 0) return [];
  const shares = left.map((l, i) => {
    const exact = BigInt(l.leftCents) * BigInt(amountCents);
    const floor = Number(exact / BigInt(total));
    return { position: l.position, cents: floor, rest: Number(exact % BigInt(total)), max: l.leftCents, i };
  });
  let missing = amountCents - shares.reduce((s, x) => s + x.cents, 0);
  const order = [...shares].sort((a, b) => b.rest - a.rest || a.i - b.i);
  while (missing > 0) {
    let moved = false;
    for (const s of order) {
      if (missing === 0) break;
      if (s.cents < s.max) {
        s.cents += 1;
        missing -= 1;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return shares.filter((s) => s.cents > 0).map((s) => ({ position: s.position, totalCents: s.cents }));
}
