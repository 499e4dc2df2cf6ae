/**
 * Totals of a service order's lines: a pure rule, values in and values out (shared later by repair quotes).
 *
 * - A line's net is round(quantity_milli × unit_price_cents × (10000 − discount_bp) / (1000 × 10000)), rounded once,
 *   half away from zero (kernel/money), so 3 × 0.333 € at 10 % is not rounded twice.
 * - The quantity billed is the used quantity once it is set (used wins over planned), else the planned one.
 * - A line the customer does not pay (manufacturer's or shop warranty, a contract) counts 0 for the customer but
 *   keeps its list value: quantity × the catalogue price before any override, without the line discount, for the
 *   warranty claim to the brand or supplier.
 * - VAT is computed per rate on the customer's lines only (kernel/vat computeVat: nets summed per rate, VAT once).
 */
import { type Cents, cents, roundHalfAwayFromZero, sumCents } from '../../kernel/money';
import { computeVat, type VatSummary } from '../../kernel/vat';

export const PAYERS = ['customer', 'manufacturer_warranty', 'shop_warranty', 'contract'] as const;
export type Payer = (typeof PAYERS)[number];

/** A line as the totals see it. */
export interface TotalsLine {
  quantityMilli: number;
  /** Set once the technician says what was used; wins over the planned quantity. */
  usedQuantityMilli?: number | null;
  unitPriceCents: number;
  /** The catalogue price before an override (null: the unit price is the list price). */
  listPriceCents?: number | null;
  discountBp: number;
  vatRateBp: number;
  payer: Payer;
}

export interface LineTotal {
  /** The quantity the totals counted (used, else planned). */
  quantityMilli: number;
  /** The line's net without VAT, after its discount, whoever pays it. */
  netCents: Cents;
  /** What the customer pays of it without VAT: the net, or 0 when someone else pays. */
  customerNetCents: Cents;
  /** Quantity × list price, without the discount: the value of the line in a warranty claim. */
  listValueCents: Cents;
}

export interface OrderTotals {
  lines: LineTotal[];
  /** VAT per rate of the customer's lines, and their totals. */
  vat: VatSummary;
  /** Σ customer nets = vat.totalBaseCents. */
  customerNetCents: Cents;
  customerVatCents: Cents;
  customerTotalCents: Cents;
  /** List value of the lines paid by others, per payer (the warranty claim's amounts). */
  claims: Record<Exclude<Payer, 'customer'>, Cents>;
}

function requireQuantity(q: number, name: string): void {
  if (!Number.isSafeInteger(q) || q < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${q}`);
}

function requireBasisPoints(bp: number, name: string): void {
  if (!Number.isInteger(bp) || bp < 0 || bp > 10_000)
    throw new RangeError(`${name} must be 0..10000 bp, got ${bp}`);
}

/** round(qty_milli × price × (10000 − discount_bp) / 10 000 000), half away from zero, exact (BigInt). */
export function lineNet(quantityMilli: number, unitPriceCents: number, discountBp = 0): Cents {
  requireQuantity(quantityMilli, 'quantityMilli');
  requireBasisPoints(discountBp, 'discountBp');
  if (!Number.isSafeInteger(unitPriceCents)) throw new RangeError(`unitPriceCents: ${unitPriceCents}`);
  const numerator = BigInt(quantityMilli) * BigInt(unitPriceCents) * BigInt(10_000 - discountBp);
  const n = roundHalfAwayFromZero(numerator, 10_000_000n);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError(`Line net outside the safe range: ${n}`);
  return cents(Number(n));
}

/** The quantity a line bills: the used quantity once set, else the planned one. */
export function billedQuantity(line: Pick<TotalsLine, 'quantityMilli' | 'usedQuantityMilli'>): number {
  return line.usedQuantityMilli ?? line.quantityMilli;
}

/** One line's net, the customer's part of it and its list value. */
export function lineTotal(line: TotalsLine): LineTotal {
  const quantityMilli = billedQuantity(line);
  const netCents = lineNet(quantityMilli, line.unitPriceCents, line.discountBp);
  return {
    quantityMilli,
    netCents,
    customerNetCents: line.payer === 'customer' ? netCents : cents(0),
    listValueCents: lineNet(quantityMilli, line.listPriceCents ?? line.unitPriceCents, 0),
  };
}

/** The order's totals: each line, VAT per rate on what the customer pays, and the claims per other payer. */
export function orderTotals(
  lines: readonly TotalsLine[],
  options: { vatRegistered?: boolean } = {},
): OrderTotals {
  const totals = lines.map(lineTotal);
  const customerLines = lines.flatMap((l, i) =>
    l.payer === 'customer' ? [{ netCents: totals[i]?.customerNetCents ?? 0, vatRateBp: l.vatRateBp }] : [],
  );
  const vat = computeVat(customerLines, options);
  const claim = (payer: Payer) =>
    sumCents(lines.flatMap((l, i) => (l.payer === payer ? [totals[i]?.listValueCents ?? 0] : [])));
  return {
    lines: totals,
    vat,
    customerNetCents: vat.totalBaseCents,
    customerVatCents: vat.totalVatCents,
    customerTotalCents: vat.totalCents,
    claims: {
      manufacturer_warranty: claim('manufacturer_warranty'),
      shop_warranty: claim('shop_warranty'),
      contract: claim('contract'),
    },
  };
}
