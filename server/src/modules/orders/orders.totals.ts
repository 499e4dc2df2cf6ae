/**
 * The money of an order's lines (issue 12, item 4), shared by the order page, the prints and repair quotes: a line's
 * net is round(quantity × unit price × (1 − discount)) to the cent, half away from zero, in one rounding; the
 * quantity is the used one once set, else the planned one. A line the customer does not pay (warranty, contract)
 * keeps its net as its list value and counts 0 for the customer. VAT per rate on the customer's nets (kernel/vat.ts).
 */
import { roundHalfAwayFromZero } from '../../kernel/money';
import { computeVat } from '../../kernel/vat';
import type { LineKind, LinePayer, OrderTotals, VatByRate } from './orders.schema';

export interface PricedLine {
  kind: LineKind;
  quantityMilli: number;
  usedQuantityMilli: number | null;
  unitPriceCents: number;
  discountBp: number;
  vatRateBp: number;
  payer: LinePayer;
}

/** The quantity a line is charged and issued by: the used quantity once set, else the planned one. */
export function chargedQuantityMilli(line: Pick<PricedLine, 'quantityMilli' | 'usedQuantityMilli'>): number {
  return line.usedQuantityMilli ?? line.quantityMilli;
}

/** round(quantity × price × (1 − discount)), exact in BigInt, half away from zero. */
export function lineNetCents(
  line: Pick<PricedLine, 'quantityMilli' | 'usedQuantityMilli' | 'unitPriceCents' | 'discountBp'>,
): number {
  const q = BigInt(chargedQuantityMilli(line));
  const product = q * BigInt(line.unitPriceCents) * BigInt(10_000 - line.discountBp);
  return Number(roundHalfAwayFromZero(product, 10_000_000n));
}

/** What the customer pays for the line, net: its net, or 0 when someone else pays. */
export function customerNetCents(line: PricedLine): number {
  return line.payer === 'customer' ? lineNetCents(line) : 0;
}

/** The order's totals and VAT per rate (VAT on the customer's nets only). */
export function orderTotals(
  lines: readonly PricedLine[],
  options: { vatRegistered?: boolean } = {},
): { totals: OrderTotals; vatByRate: VatByRate[] } {
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
  };
}
