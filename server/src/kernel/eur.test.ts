import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BGN_PER_EUR, bgnToEur, bgnToEurWages, dualDisplayOn, eurToBgn } from './eur';
import { parseMoney, toDecimalString } from './money';

const convert = (bgn: string) => toDecimalString(bgnToEur(parseMoney(bgn)));

describe('EUR-01 conversion', () => {
  it('stores the rate 1.95583 with five decimals', () => {
    expect(BGN_PER_EUR).toEqual({ numerator: 195583, denominator: 100000 });
    expect(Object.isFrozen(BGN_PER_EUR)).toBe(true);
  });

  it.each([
    ['10.00', '5.11'],
    ['5.99', '3.06'],
    ['65.00', '33.23'],
    ['1.95', '1.00'],
    ['2000.00', '1022.58'],
  ])('converts %s BGN to %s EUR', (bgn, eur) => {
    expect(convert(bgn)).toBe(eur);
  });

  it('rounds wages up: 2000.00 BGN → 1022.59 EUR', () => {
    expect(toDecimalString(bgnToEurWages(parseMoney('2000.00')))).toBe('1022.59');
    expect(bgnToEurWages(195583)).toBe(100000); // exact: no rounding
    expect(bgnToEurWages(0)).toBe(0);
  });

  it('is symmetric for negative amounts (storno, credit notes)', () => {
    expect(bgnToEur(-1000)).toBe(-511);
    expect(eurToBgn(-511)).toBe(-999);
  });

  it('converts EUR to BGN by multiplying by the full rate', () => {
    expect(eurToBgn(100)).toBe(196); // 1.95583
    expect(eurToBgn(100000)).toBe(195583);
    expect(eurToBgn(511)).toBe(999); // 9.9942913
  });

  it('round trip BGN → EUR → BGN loses at most one cent per document', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (bgn) => {
        expect(Math.abs(eurToBgn(bgnToEur(bgn)) - bgn)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('rejects fractional cents', () => {
    expect(() => bgnToEur(10.5)).toThrow(RangeError);
  });
});

describe('EUR-02, EUR-07: dual display of consumer totals by date', () => {
  it('shows nothing before 08.08.2025, BGN then EUR in 2025, EUR then BGN in 2026 up to the set end, then EUR only', () => {
    expect(dualDisplayOn('2025-08-07', '2026-08-08')).toBeNull();
    expect(dualDisplayOn('2025-08-08', '2026-08-08')).toEqual({ primary: 'BGN', secondary: 'EUR' });
    expect(dualDisplayOn('2025-12-31', '2026-08-08')).toEqual({ primary: 'BGN', secondary: 'EUR' });
    expect(dualDisplayOn('2026-01-01', '2026-08-08')).toEqual({ primary: 'EUR', secondary: 'BGN' });
    expect(dualDisplayOn('2026-08-08', '2026-08-08')).toEqual({ primary: 'EUR', secondary: 'BGN' });
    expect(dualDisplayOn('2026-08-09', '2026-08-08')).toBeNull();
    // The end is a setting (EUR-07: some sources say 31.12.2026).
    expect(dualDisplayOn('2026-12-31', '2026-12-31')).toEqual({ primary: 'EUR', secondary: 'BGN' });
    expect(dualDisplayOn('2027-01-01', '2026-12-31')).toBeNull();
  });
});
