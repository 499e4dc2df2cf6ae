/**
 * The bounds of every number a request may carry, chosen so that no line, document total or
 * price computed from them can leave JavaScript's safe integer range (2^53 − 1 ≈ 9.007 × 10^15).
 * The arithmetic is in docs/adr/0002-money-and-quantities.md ("Bounds").
 */

/** A quantity on one line, in thousandths: 100,000 units. */
export const MAX_QUANTITY_MILLI = 100_000_000;
/** A quantity counted on the shelf or kept as a minimum, in thousandths: 10 million units. */
export const MAX_LEVEL_MILLI = 10_000_000_000;
/** A unit price or unit cost, in cents: 100,000.00 €. */
export const MAX_UNIT_CENTS = 10_000_000;
/** A one-off amount on a document (landed costs), in cents: 100 million €. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;
/** Lines on one document. */
export const MAX_LINES = 500;
/** Norm time of one unit of a service: 10,000 minutes (about 166 hours). */
export const MAX_NORM_MINUTES = 10_000;

/** The largest line value: quantity × unit price = 10^8 × 10^7 / 1000 = 10^12 cents. */
export const MAX_LINE_CENTS = (MAX_QUANTITY_MILLI * MAX_UNIT_CENTS) / 1000;
/** The largest document total: 500 lines and the landed costs, about 5 × 10^14 cents (18× below 2^53). */
export const MAX_DOCUMENT_CENTS = MAX_LINES * MAX_LINE_CENTS + MAX_AMOUNT_CENTS;

/** Query-string page numbers: far beyond any list, small enough that page × size stays an integer. */
export const MAX_PAGE = 1_000_000;
