import { describe, expect, it } from 'vitest';
import { formatDocumentNumber } from './numbering';

describe('formatDocumentNumber', () => {
  it('pads to ten digits by default (INV-02)', () => {
    expect(formatDocumentNumber(1)).toBe('0000000001');
    expect(formatDocumentNumber(1234567)).toBe('0001234567');
    expect(formatDocumentNumber(9_999_999_999)).toBe('9999999999');
  });

  it('supports other widths', () => {
    expect(formatDocumentNumber(42, 7)).toBe('0000042');
    expect(formatDocumentNumber(9, 1)).toBe('9');
  });

  it('refuses numbers that overflow the width', () => {
    expect(() => formatDocumentNumber(10_000_000_000)).toThrow(RangeError);
    expect(() => formatDocumentNumber(10, 1)).toThrow(RangeError);
  });

  it('refuses zero, negatives, fractions and bad widths', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => formatDocumentNumber(bad), String(bad)).toThrow(RangeError);
    }
    expect(() => formatDocumentNumber(1, 0)).toThrow(RangeError);
    expect(() => formatDocumentNumber(1, 2.5)).toThrow(RangeError);
  });
});
