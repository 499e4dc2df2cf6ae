import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BGN_PER_EUR, bgnToEur, bgnToEurWages, eurToBgn } from './eur';
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
