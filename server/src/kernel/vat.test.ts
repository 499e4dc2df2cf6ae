import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeVat, type VatLineInput, vatOf } from './vat';

describe('vatOf', () => {
  it('rounds half away from zero', () => {
    expect(vatOf(13, 2000)).toBe(3); // 2.6
    expect(vatOf(12, 2000)).toBe(2); // 2.4
    expect(vatOf(25, 1000)).toBe(3); // 2.5
    expect(vatOf(-25, 1000)).toBe(-3); // storno: symmetric
    expect(vatOf(50, 900)).toBe(5); // 4.5
    expect(vatOf(1250, 900)).toBe(113); // 112.5
    expect(vatOf(1249, 900)).toBe(112); // 112.41
    expect(vatOf(10000, 0)).toBe(0);
  });

  it('rejects rates that are not basis points 0..10000', () => {
    expect(() => vatOf(100, 20.5)).toThrow(RangeError);
    expect(() => vatOf(100, -1)).toThrow(RangeError);
    expect(() => vatOf(100, 10001)).toThrow(RangeError);
  });
});

describe('computeVat', () => {
  it('computes a three-rate document by hand', () => {
    const summary = computeVat([
      { netCents: 1000, vatRateBp: 2000 },
      { netCents: 1250, vatRateBp: 900 },
      { netCents: 500, vatRateBp: 0 },
      { netCents: 2550, vatRateBp: 2000 },
      { netCents: 333, vatRateBp: 900 },
      { netCents: 700, vatRateBp: 2000, vatExempt: true },
    ]);
    expect(summary.byRate).toEqual([
      { vatRateBp: 2000, vatExempt: false, baseCents: 3550, vatCents: 710 },
      { vatRateBp: 900, vatExempt: false, baseCents: 1583, vatCents: 142 }, // 142.47
      { vatRateBp: 0, vatExempt: false, baseCents: 500, vatCents: 0 },
      { vatRateBp: 0, vatExempt: true, baseCents: 700, vatCents: 0 },
    ]);
    expect(summary.totalBaseCents).toBe(6333);
    expect(summary.totalVatCents).toBe(852);
    expect(summary.totalCents).toBe(7185);
  });

  it('computes VAT on the summed base per rate, not per line', () => {
    // Per line: 2.6 → 3 twice = 6. Per document: 26 × 20 % = 5.2 → 5.
    const summary = computeVat([
      { netCents: 13, vatRateBp: 2000 },
      { netCents: 13, vatRateBp: 2000 },
    ]);
    expect(summary.byRate).toEqual([{ vatRateBp: 2000, vatExempt: false, baseCents: 26, vatCents: 5 }]);
    expect(summary.totalCents).toBe(31);
  });

  it('rounds a half cent of VAT away from zero, also on credit notes', () => {
    expect(computeVat([{ netCents: 1250, vatRateBp: 900 }]).totalVatCents).toBe(113);
    expect(computeVat([{ netCents: -1250, vatRateBp: 900 }]).totalVatCents).toBe(-113);
  });

  it('charges no VAT at all for a company that is not VAT-registered', () => {
    const summary = computeVat(
      [
        { netCents: 1000, vatRateBp: 2000 },
        { netCents: 500, vatRateBp: 900 },
      ],
      { vatRegistered: false },
    );
    expect(summary.byRate).toEqual([{ vatRateBp: 0, vatExempt: true, baseCents: 1500, vatCents: 0 }]);
    expect(summary.totalVatCents).toBe(0);
    expect(summary.totalCents).toBe(1500);
  });

  it('returns zeros for an empty document', () => {
    expect(computeVat([])).toEqual({ byRate: [], totalBaseCents: 0, totalVatCents: 0, totalCents: 0 });
  });

  it('rejects fractional cents and bad rates', () => {
    expect(() => computeVat([{ netCents: 10.5, vatRateBp: 2000 }])).toThrow(RangeError);
    expect(() => computeVat([{ netCents: 10, vatRateBp: 2000.5 }])).toThrow(RangeError);
  });

  it('keeps the invariants on random documents', () => {
    const line = fc.record({
      netCents: fc.integer({ min: -1_000_000, max: 10_000_000 }),
      vatRateBp: fc.constantFrom(0, 900, 2000),
      vatExempt: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines: VatLineInput[], vatRegistered) => {
        const s = computeVat(lines, { vatRegistered });
        // Printed base + VAT = printed total.
        expect(s.totalCents).toBe(s.totalBaseCents + s.totalVatCents);
        // Totals equal the sums of the rate rows and of the lines.
        expect(s.totalBaseCents).toBe(s.byRate.reduce((t, r) => t + r.baseCents, 0));
        expect(s.totalVatCents).toBe(s.byRate.reduce((t, r) => t + r.vatCents, 0));
        expect(s.totalBaseCents).toBe(lines.reduce((t, l) => t + l.netCents, 0));
        // Each rate row's VAT is within half a cent of the exact VAT.
        for (const r of s.byRate) {
          expect(Math.abs(r.vatCents * 10000 - r.baseCents * r.vatRateBp)).toBeLessThanOrEqual(5000);
          if (r.vatExempt) expect(r.vatCents).toBe(0);
        }
        // Sorted by rate, highest first; one row per rate and exemption.
        const rates = s.byRate.map((r) => r.vatRateBp);
        expect(rates).toEqual([...rates].sort((a, b) => b - a));
        expect(new Set(s.byRate.map((r) => `${r.vatRateBp}/${r.vatExempt}`)).size).toBe(s.byRate.length);
        if (!vatRegistered) expect(s.totalVatCents).toBe(0);
      }),
    );
  });
});
