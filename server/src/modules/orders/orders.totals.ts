/**
 * The money of an order's lines (issue 12, item 4), shared by the order page, the prints and repair quotes: a pure
 * rule, values in and values out.
 *
 * - A line's net is round(quantity_milli × unit_price_cents × (10000 − discount_bp) / (1000 × 10000)), rounded once,
 *   half away from zero (kernel/money), so 0.333 × 10.00 € at 50 % is 1.67 €, not 1.66 € as two roundings give.
 * - The quantity is the used one once set (used wins over planned), else the planned one.
 * - A line the customer does not pay (manufacturer's or shop warranty, a contract) counts 0 for the customer but
 *   keeps its net, and its list value (quantity × the catalogue price before any override, without the discount)
 *   is what the warranty claim to the brand or supplier asks, per payer.
 * - VAT is computed per rate on the customer's nets only (kernel/vat computeVat: nets summed per rate, VAT once).
 */
import { type Cents, cents, roundHalfAwayFromZero, sumCents } from '../../kernel/money';
import { computeVat } from '../../kernel/vat';
import type { LineKind, LinePayer, OrderTotals, VatByRate } from './orders.schema';

export interface PricedLine {
  kind: LineKind;
  quantityMilli: number;
  /** Set once the technician says what was used; wins over the planned quantity. */
  usedQuantityMilli: number | null;
  unitPriceCents: number;
  /** The catalogue price before an override (left out: the unit price is the list price). */
  listPriceCents?: number | null;
  discountBp: number;
  vatRateBp: number;
  payer: LinePayer;
}

/** The payers other than the customer: each gets a warranty or contract claim of the lines it pays. */
export type ClaimPayer = Exclude<LinePayer, 'customer'>;

function requireBasisPoints(bp: number, name: string): void {
  if (!Number.isInteger(bp) || bp < 0 || bp > 10_000)
    throw new RangeError(`${name} must be 0..10000 bp, got ${bp}`);
}

/** round(qty_milli × price × (10000 − discount_bp) / 10 000 000), half away from zero, exact (BigInt). */
export function lineNet(quantityMilli: number, unitPriceCents: number, discountBp = 0): Cents {
  if (!Number.isSafeInteger(quantityMilli) || quantityMilli < 0)
    throw new RangeError(`quantityMilli must be a whole number ≥ 0, got ${quantityMilli}`);
  if (!Number.isSafeInteger(unitPriceCents)) throw new RangeError(`unitPriceCents: ${unitPriceCents}`);
  requireBasisPoints(discountBp, 'discountBp');
  const numerator = BigInt(quantityMilli) * BigInt(unitPriceCents) * BigInt(10_000 - discountBp);
  const n = roundHalfAwayFromZero(numerator, 10_000_000n);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError(`Line net outside the safe range: ${n}`);
  return cents(Number(n));
}

/** The quantity a line is charged and issued by: the used quantity once set, else the planned one. */
export function chargedQuantityMilli(line: Pick<PricedLine, 'quantityMilli' | 'usedQuantityMilli'>): number {
  return line.usedQuantityMilli ?? line.quantityMilli;
}

/** The line's net without VAT, after its discount, whoever pays it. */
export function lineNetCents(
  line: Pick<PricedLine, 'quantityMilli' | 'usedQuantityMilli' | 'unitPriceCents' | 'discountBp'>,
): Cents {
  return lineNet(chargedQuantityMilli(line), line.unitPriceCents, line.discountBp);
}

/** What the customer pays for the line, net: its net, or 0 when someone else pays. */
export function customerNetCents(line: PricedLine): Cents {
  return line.payer === 'customer' ? lineNetCents(line) : cents(0);
}

/** Quantity × list price, without the discount: the line's value in a warranty or contract claim. */
export function listValueCents(
  line: Pick<PricedLine, 'quantityMilli' | 'usedQuantityMilli' | 'unitPriceCents' | 'listPriceCents'>,
): Cents {
  return lineNet(chargedQuantityMilli(line), line.listPriceCents ?? line.unitPriceCents, 0);
}

/** The order's totals, VAT per rate (on the customer's nets only) and the claims per other payer. */
export function orderTotals(
  lines: readonly PricedLine[],
  options: { vatRegistered?: boolean } = {},
): { totals: OrderTotals; vatByRate: VatByRate[]; claims: Record<ClaimPayer, Cents> } {
  let listNet = 0;
  let warranty = 0;
  const byKind = { part: 0, labour: 0, charge: 0 };
  const vatLines = lines.map((l) => {
    const net = lineNetCents(l);
    const customer = l.payer === 'customer' ? net : 0;
    listNet += net;
    if (l.payer !== 'customer') warranty += net;
    byKind[l.kind] += customer;
    return { netCents: customer, vatRateBp: l.vatRateBp };
  });
  const vat = computeVat(
    vatLines.filter((l) => l.netCents !== 0),
    { vatRegistered: options.vatRegistered ?? true },
  );
  const claim = (payer: ClaimPayer) => sumCents(lines.filter((l) => l.payer === payer).map(listValueCents));
  return {
    totals: {
      listNetCents: listNet,
      netCents: vat.totalBaseCents,
      vatCents: vat.totalVatCents,
      totalCents: vat.totalCents,
      partsNetCents: byKind.part,
      labourNetCents: byKind.labour,
      chargesNetCents: byKind.charge,
      warrantyNetCents: warranty,
    },
    vatByRate: vat.byRate.map((r) => ({
      vatRateBp: r.vatRateBp,
      vatExempt: r.vatExempt,
      baseCents: r.baseCents,
      vatCents: r.vatCents,
    })),
    claims: {
      manufacturer_warranty: claim('manufacturer_warranty'),
      shop_warranty: claim('shop_warranty'),
      contract: claim('contract'),
    },
  };
}
