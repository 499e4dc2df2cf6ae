import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directionOf, milliToUnits, signedQty } from './quantity';

describe('milliToUnits', () => {
  it('prints thousandths as decimal units with a dot, without trailing zeros', () => {
    expect(milliToUnits(6000)).toBe('6');
    expect(milliToUnits(2500)).toBe('2.5');
    expect(milliToUnits(1)).toBe('0.001');
    expect(milliToUnits(0)).toBe('0');
  });
  it('keeps the sign in front of negatives, also below one unit', () => {
    expect(milliToUnits(-1250)).toBe('-1.25');
    expect(milliToUnits(-500)).toBe('-0.5');
    expect(milliToUnits(-1)).toBe('-0.001');
    expect(milliToUnits(-3000)).toBe('-3');
  });
  it('reads back to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (milli) => {
        expect(Math.round(Number(milliToUnits(milli)) * 1000)).toBe(milli);
      }),
    );
  });
});

describe('signedQty', () => {
  it('is positive coming in and negative going out', () => {
    expect(signedQty('in', 2500)).toBe(2500);
    expect(signedQty('out', 2500)).toBe(-2500);
    expect(Object.is(signedQty('out', 0), 0)).toBe(true);
  });
  it('refuses a negative or fractional quantity (the direction carries the sign)', () => {
    expect(() => signedQty('in', -1)).toThrow(RangeError);
    expect(() => signedQty('out', 1.5)).toThrow(RangeError);
  });
  it('goes back to its direction', () => {
    expect(directionOf(signedQty('out', 7))).toBe('out');
    expect(directionOf(signedQty('in', 7))).toBe('in');
  });
});
