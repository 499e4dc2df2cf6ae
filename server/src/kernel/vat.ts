/**
 * VAT per document (INV-14): line nets are summed per VAT rate first, and VAT is
 * computed once per rate on that summed base, rounded to the cent half away from zero.
 * Totals are then plain integer sums, so printed base + VAT = printed total exactly.
 */
import { type Cents, cents, mulDivRound, sumCents } from './money';

/** One document line as seen by the VAT calculation. */
export interface VatLineInput {
  /** Line net amount (after line discount) in cents; negative for storno or discount lines. */
  netCents: number;
  /** VAT rate in basis points (2000 = 20 %). Ignored when the line is exempt. */
  vatRateBp: number;
  /** Exempt or no-VAT line (INV-09): base counted, no VAT, grouped apart from a 0 % rate. */
  vatExempt?: boolean;
}

/** Base and VAT of one rate on a document. */
export interface VatRateTotal {
  /** Rate in basis points; 0 for exempt lines. */
  vatRateBp: number;
  /** True for the group of exempt / no-VAT lines, which is kept apart from a 0 % rate. */
  vatExempt: boolean;
  baseCents: Cents;
  vatCents: Cents;
}

/** VAT breakdown and totals of a document. */
export interface VatSummary {
  /** One entry per rate, highest rate first; the exempt group comes after the 0 % rate. */
  byRate: VatRateTotal[];
  totalBaseCents: Cents;
  totalVatCents: Cents;
  /** totalBaseCents + totalVatCents, exactly. */
  totalCents: Cents;
}

/** Options of the VAT calculation. */
export interface VatOptions {
  /** A company that is not VAT-registered charges no VAT (INV-10); defaults to true. */
  vatRegistered?: boolean;
}

/** VAT of a base at a rate: round(base × rateBp / 10000) half away from zero. */
export function vatOf(baseCents: number, vatRateBp: number): Cents {
  requireRate(vatRateBp);
  return cents(mulDivRound(baseCents, vatRateBp, 10_000));
}

function requireRate(vatRateBp: number): void {
  if (!Number.isInteger(vatRateBp) || vatRateBp < 0 || vatRateBp > 10_000) {
    throw new RangeError(`VAT rate must be an integer number of basis points 0..10000, got ${vatRateBp}`);
  }
}

/** Sums line nets per rate, computes VAT once per rate on the summed base (INV-14); not VAT-registered ⇒ all lines exempt, zero VAT. */
export function computeVat(lines: readonly VatLineInput[], options: VatOptions = {}): VatSummary {
  const vatRegistered = options.vatRegistered ?? true;
  const groups = new Map<string, { vatRateBp: number; vatExempt: boolean; bases: number[] }>();

  for (const line of lines) {
    cents(line.netCents);
    requireRate(line.vatRateBp);
    const vatExempt = !vatRegistered || line.vatExempt === true;
    const vatRateBp = vatExempt ? 0 : line.vatRateBp;
    const key = vatExempt ? 'exempt' : `rate:${vatRateBp}`;
    let group = groups.get(key);
    if (!group) {
      group = { vatRateBp, vatExempt, bases: [] };
      groups.set(key, group);
    }
    group.bases.push(line.netCents);
  }

  const byRate: VatRateTotal[] = [...groups.values()]
    .map(({ vatRateBp, vatExempt, bases }) => {
      const baseCents = sumCents(bases);
      return {
        vatRateBp,
        vatExempt,
        baseCents,
        vatCents: vatExempt ? cents(0) : vatOf(baseCents, vatRateBp),
      };
    })
    .sort((a, b) => b.vatRateBp - a.vatRateBp || Number(a.vatExempt) - Number(b.vatExempt));

  const totalBaseCents = sumCents(byRate.map((r) => r.baseCents));
  const totalVatCents = sumCents(byRate.map((r) => r.vatCents));
  return { byRate, totalBaseCents, totalVatCents, totalCents: sumCents([totalBaseCents, totalVatCents]) };
}
