import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  applyDiscount,
  type Cents,
  cents,
  discountAmount,
  isCents,
  lineAmount,
  mulDivRound,
  mulDivRoundUp,
  parseMoney,
  roundAwayFromZero,
  roundHalfAwayFromZero,
  sumCents,
  toDecimalString,
} from './money';

describe('cents', () => {
  it('accepts safe integers and normalises -0', () => {
    expect(cents(123)).toBe(123);
    expect(cents(-5)).toBe(-5);
    expect(Object.is(cents(-0), 0)).toBe(true);
    expect(cents(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rejects floats, NaN, infinities and unsafe integers', () => {
    for (const bad of [0.5, 1.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => cents(bad)).toThrow(RangeError);
    }
  });

  it('isCents tells safe integers apart', () => {
    expect(isCents(10)).toBe(true);
    expect(isCents(10.5)).toBe(false);
    expect(isCents('10')).toBe(false);
  });
});

describe('roundHalfAwayFromZero', () => {
  it('rounds halves away from zero in both directions', () => {
    expect(roundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(roundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(roundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(roundHalfAwayFromZero(-5n, -2n)).toBe(3n);
    expect(roundHalfAwayFromZero(7n, 3n)).toBe(2n); // 2.33
    expect(roundHalfAwayFromZero(8n, 3n)).toBe(3n); // 2.67
    expect(roundHalfAwayFromZero(-8n, 3n)).toBe(-3n);
    expect(roundHalfAwayFromZero(0n, 7n)).toBe(0n);
  });

  it('rounds up in magnitude with roundAwayFromZero', () => {
    expect(roundAwayFromZero(201n, 100n)).toBe(3n);
    expect(roundAwayFromZero(-201n, 100n)).toBe(-3n);
    expect(roundAwayFromZero(200n, 100n)).toBe(2n);
  });

  it('refuses division by zero', () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
  });
});

describe('mulDivRound', () => {
  it('is exact where floats are not', () => {
    // 1.005 * 100 is 100.49999999999999 in floating point; the exact value rounds to 101.
    expect(mulDivRound(1005, 100, 1000)).toBe(101);
    expect(mulDivRound(-1005, 100, 1000)).toBe(-101);
    // A product far beyond 2^53 stays exact.
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 1000, 1000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('matches exact rational rounding on random inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        (a, b, c) => {
          const r = mulDivRound(a, b, c);
          // |a*b/c - r| <= 1/2, and exactly 1/2 only when r is further from zero.
          const diff2 = 2n * (BigInt(a) * BigInt(b) - BigInt(r) * BigInt(c));
          const absDiff2 = diff2 < 0n ? -diff2 : diff2;
          expect(absDiff2 <= BigInt(c)).toBe(true);
          if (absDiff2 === BigInt(c)) {
            const abs = (x: bigint) => (x < 0n ? -x : x);
            expect(abs(BigInt(r)) * BigInt(c) > abs(BigInt(a) * BigInt(b))).toBe(true);
          }
          expect(mulDivRound(-a, b, c)).toBe(r === 0 ? 0 : -r);
        },
      ),
    );
  });

  it('throws when the result is not a safe integer', () => {
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 10, 1)).toThrow(RangeError);
    expect(() => mulDivRound(1.5, 2, 1)).toThrow(RangeError);
  });

  it('mulDivRoundUp rounds any remainder up in magnitude', () => {
    expect(mulDivRoundUp(1, 1, 3)).toBe(1);
    expect(mulDivRoundUp(-1, 1, 3)).toBe(-1);
    expect(mulDivRoundUp(3, 1, 3)).toBe(1);
  });
});

describe('lineAmount', () => {
  it('multiplies quantity in thousandths by the unit price', () => {
    expect(lineAmount(1000, 1999)).toBe(1999); // 1 × 19.99
    expect(lineAmount(1500, 1000)).toBe(1500); // 1.5 × 10.00
    expect(lineAmount(2500, 1)).toBe(3); // 2.5 cents → 3
    expect(lineAmount(333, 100)).toBe(33); // 0.333 × 1.00 = 0.333
    expect(lineAmount(335, 1)).toBe(0); // 0.335 cents
    expect(lineAmount(-2500, 1)).toBe(-3); // storno line, symmetric
  });
});

describe('discounts', () => {
  it('applies basis points and keeps amount − discount = net', () => {
    expect(applyDiscount(cents(10000), 1000)).toBe(9000);
    expect(applyDiscount(cents(10000), 10000)).toBe(0);
    expect(applyDiscount(cents(10000), 0)).toBe(10000);
    // 5 % of 0.50 = 2.5 cents → discount 3, net 47
    expect(discountAmount(cents(50), 500)).toBe(3);
    expect(applyDiscount(cents(50), 500)).toBe(47);
    expect(applyDiscount(cents(-50), 500)).toBe(-47);
  });

  it('rejects basis points outside 0..10000 or fractional', () => {
    expect(() => applyDiscount(cents(100), -1)).toThrow(RangeError);
    expect(() => applyDiscount(cents(100), 10001)).toThrow(RangeError);
    expect(() => applyDiscount(cents(100), 12.5)).toThrow(RangeError);
  });

  it('never produces a discount larger than the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 10000 }), (a, bp) => {
        const amount = cents(a);
        const net = applyDiscount(amount, bp);
        expect(Math.abs(net)).toBeLessThanOrEqual(Math.abs(amount));
        expect(net + discountAmount(amount, bp)).toBe(amount);
      }),
    );
  });
});

describe('sumCents', () => {
  it('sums exactly and refuses unsafe totals', () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(sumCents([])).toBe(0);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumCents([0.1, 0.2])).toThrow(RangeError);
  });
});

describe('parseMoney', () => {
  it('accepts dot, comma and space-grouped amounts', () => {
    expect(parseMoney('1234.56')).toBe(123456);
    expect(parseMoney('1234,56')).toBe(123456);
    expect(parseMoney('1 234,56')).toBe(123456);
    expect(parseMoney('1\u00a0234,56')).toBe(123456);
    expect(parseMoney('1 234 567')).toBe(123456700);
    expect(parseMoney('-3.5')).toBe(-350);
    expect(parseMoney('+3,05')).toBe(305);
    expect(parseMoney('  42 ')).toBe(4200);
    expect(parseMoney('0.01')).toBe(1);
    expect(Object.is(parseMoney('-0.00'), 0)).toBe(true);
  });

  it('rejects more than 2 decimals and garbage with a RangeError', () => {
    for (const bad of [
      '1.234',
      '1,234.56',
      '12 34,56',
      '1 2345',
      'abc',
      '',
      '.5',
      '5.',
      '1e3',
      '€12',
      '12 €',
      '--1',
      '0x10',
      '1_000',
      '99999999999999999',
    ]) {
      expect(() => parseMoney(bad), bad).toThrow(RangeError);
    }
  });

  it('round-trips with toDecimalString', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseMoney(toDecimalString(cents(n)))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('toDecimalString', () => {
  it('renders two decimals with a dot, including negatives below one unit', () => {
    expect(toDecimalString(cents(123456))).toBe('1234.56');
    expect(toDecimalString(cents(0))).toBe('0.00');
    expect(toDecimalString(cents(5))).toBe('0.05');
    expect(toDecimalString(cents(-5))).toBe('-0.05');
    expect(toDecimalString(cents(-350))).toBe('-3.50');
    expect(toDecimalString(cents(Number.MAX_SAFE_INTEGER))).toBe('90071992547409.91');
  });

  it('refuses non-integer input even when the brand was forged', () => {
    expect(() => toDecimalString(1.5 as Cents)).toThrow(RangeError);
  });
});

describe('allocate by the largest remainder', () => {
  it('splits by weight and gives the leftover cents to the largest remainders, the first on a tie', () => {
    expect(allocate(100, [3000, 3000])).toEqual([50, 50]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(7, [100, 250, 650])).toEqual([1, 2, 4]); // 0.7, 1.75, 4.55
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(5, [])).toEqual([]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('refuses what is not a whole number of cents or a safe integer weight', () => {
    expect(() => allocate(10.5, [1])).toThrow(RangeError);
    expect(() => allocate(10, [0.5])).toThrow(RangeError);
  });

  it('always sums to the total, and each share is within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          const shares = allocate(total, weights);
          expect(shares).toHaveLength(weights.length);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const w = weights.every((x) => x === 0) ? weights.map(() => 1) : weights;
          const sum = w.reduce((a, b) => a + b, 0);
          shares.forEach((s, i) => {
            expect(Number.isSafeInteger(s)).toBe(true);
            const exact = (total * (w[i] ?? 0)) / sum;
            expect(Math.abs(s - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});
