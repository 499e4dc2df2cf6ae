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
