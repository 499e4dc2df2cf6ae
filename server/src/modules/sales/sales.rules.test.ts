import { describe, expect, it } from 'vitest';
import { checkLines, currencyOf, invoiceVat, issuedLate, lineBase, vatRegisteredOn } from './sales.rules';

const line = (over: Partial<Parameters<typeof lineBase>[0]> & Record<string, unknown> = {}) => ({
  quantityMilli: 1000,
  unitPriceCents: 1000,
  discountBp: 0,
  vatRateBp: 2000,
  vatExempt: false,
  vatReason: null,
  ...over,
});

describe('invoice rules', () => {
  it('EUR-04: the date fixes the currency, and the other one is refused naming the field', () => {
    expect(currencyOf('2025-12-31')).toBe('BGN');
    expect(currencyOf('2026-01-01')).toBe('EUR');
    expect(() => currencyOf('2026-01-01', 'BGN')).toThrow(
      expect.objectContaining({
        code: 'currency_not_of_date',
        options: expect.objectContaining({ field: 'currency' }),
      }),
    );
    expect(() => currencyOf('2025-12-31', 'EUR')).toThrow(
      expect.objectContaining({ code: 'currency_not_of_date' }),
    );
  });

  it('a line’s base is rounded once, half away from zero', () => {
    expect(lineBase({ quantityMilli: 333, unitPriceCents: 1000, discountBp: 5000 })).toBe(167);
    expect(lineBase({ quantityMilli: 3000, unitPriceCents: 1235, discountBp: 1000 })).toBe(3335);
  });

  it('INV-14: VAT on the summed base per rate, not per line', () => {
    const vat = invoiceVat(
      [line({ unitPriceCents: 3 }), line({ unitPriceCents: 3 }), line({ unitPriceCents: 3 })],
      true,
    );
    // Per line: 3 × round(0.6) = 3 cents; on the sum: round(1.8) = 2 cents.
    expect(vat.totalVatCents).toBe(2);
    expect(vat.totalCents).toBe(vat.totalBaseCents + vat.totalVatCents);
  });

  it('INV-10: not registered for VAT, no VAT on any line', () => {
    expect(invoiceVat([line(), line({ vatRateBp: 900 })], false)).toMatchObject({
      totalVatCents: 0,
      totalCents: 2000,
    });
    expect(vatRegisteredOn({ vatRegistered: true, vatRegisteredFrom: '2026-06-01' }, '2026-05-31')).toBe(
      false,
    );
    expect(vatRegisteredOn({ vatRegistered: true, vatRegisteredFrom: '2026-06-01' }, '2026-06-01')).toBe(
      true,
    );
  });

  it('INV-09: a 0 % or exempt line needs its ground; an empty invoice is refused', () => {
    expect(() => checkLines([], true)).toThrow(
      expect.objectContaining({
        code: 'invoice_empty',
        options: expect.objectContaining({ field: 'lines' }),
      }),
    );
    expect(() => checkLines([line(), line({ vatExempt: true })], true)).toThrow(
      expect.objectContaining({
        code: 'vat_reason_required',
        options: expect.objectContaining({ field: 'lines.1.vatReason' }),
      }),
    );
    expect(() => checkLines([line({ vatRateBp: 0, vatReason: 'чл. 28 ЗДДС' })], true)).not.toThrow();
    // Outside VAT the document's ground covers every line.
    expect(() => checkLines([line({ vatRateBp: 0 })], false)).not.toThrow();
  });

  it('INV-06: more than 5 days after the tax event is late', () => {
    expect(issuedLate('2026-12-01', '2026-12-06')).toBe(false);
    expect(issuedLate('2026-12-01', '2026-12-07')).toBe(true);
  });
});
