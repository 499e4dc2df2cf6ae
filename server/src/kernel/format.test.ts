import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBgnEquivalent, formatDate, formatMoney, formatQuantity, formatUnitCost } from './format';
import { cents } from './money';

/** Intl puts NO-BREAK SPACE (U+00A0) in Bulgarian numbers; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('lays out every sign, currency, locale and number of digits alike, in whatever order they are asked', () => {
    // The layouts are built once and kept: asked in turn, each keeps its own.
    for (let round = 0; round < 2; round++) {
      expect(plain(formatMoney(-5, 'bg'))).toBe('-0,05 €');
      expect(formatMoney(-5, 'en')).toBe('-€0.05');
      expect(plain(formatMoney(123456, 'bg', 'BGN'))).toBe('1 234,56 лв.');
      expect(plain(formatMoney(123456, 'bg'))).toBe('1 234,56 €');
      expect(formatMoney(cents(123456), 'en')).toBe('€1,234.56');
      expect(formatQuantity(1500, 'bg')).toBe('1,5');
      expect(formatQuantity(-1500, 'en')).toBe('-1.5');
      expect(formatQuantity(1000, 'en')).toBe('1');
      expect(formatQuantity(1250, 'en')).toBe('1.25');
    }
  });

  it('formats Bulgarian with space groups, comma and a trailing €', () => {
    expect(plain(formatMoney(cents(123456), 'bg'))).toBe('1 234,56 €');
    expect(formatMoney(cents(123456), 'bg')).toBe('1\u00a0234,56\u00a0€');
    expect(plain(formatMoney(5, 'bg'))).toBe('0,05 €');
    expect(plain(formatMoney(100, 'bg'))).toBe('1,00 €');
    expect(plain(formatMoney(-5, 'bg'))).toBe('-0,05 €');
    expect(plain(formatMoney(-123456789, 'bg'))).toBe('-1 234 567,89 €');
    expect(plain(formatMoney(12345, 'bg'))).toBe('123,45 €');
  });

  it('formats English with comma groups and a leading €', () => {
    expect(formatMoney(cents(123456), 'en')).toBe('€1,234.56');
    expect(formatMoney(-5, 'en')).toBe('-€0.05');
    expect(formatMoney(0, 'en')).toBe('€0.00');
    expect(formatMoney(100000000, 'en')).toBe('€1,000,000.00');
  });

  it('formats other currencies', () => {
    expect(plain(formatMoney(123456, 'bg', 'BGN'))).toBe('1 234,56 лв.');
  });

  it('stays exact at the edge of the safe range, where cents / 100 as a float would not', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'en')).toBe('€90,071,992,547,409.91');
    expect(formatMoney(Number.MAX_SAFE_INTEGER - 2, 'en')).toBe('€90,071,992,547,409.89');
  });

  it('keeps every digit of random amounts', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const en = formatMoney(n, 'en');
        const digits = en.replace(/[^\d]/g, '').replace(/^0+(?=\d{3}$)/, '');
        expect(digits).toBe(String(Math.abs(n)).padStart(3, '0'));
        expect(en.startsWith('-')).toBe(n < 0);
      }),
    );
  });

  it('refuses fractional cents', () => {
    expect(() => formatMoney(1.5, 'bg')).toThrow(RangeError);
  });
});

describe('formatBgnEquivalent', () => {
  it('converts with EUR-01 and formats in leva', () => {
    expect(plain(formatBgnEquivalent(123456, 'bg'))).toBe('2 414,59 лв.'); // 1234.56 × 1.95583 = 2414.5895…
    expect(plain(formatBgnEquivalent(511, 'en'))).toBe('BGN 9.99'); // Intl: U+00A0 after the code
  });
});

describe('formatQuantity', () => {
  it('drops trailing zeros and uses the locale separator', () => {
    expect(formatQuantity(1500, 'bg')).toBe('1,5');
    expect(formatQuantity(1500, 'en')).toBe('1.5');
    expect(formatQuantity(2000, 'bg')).toBe('2');
    expect(formatQuantity(1, 'en')).toBe('0.001');
    expect(formatQuantity(1250, 'en')).toBe('1.25');
    expect(formatQuantity(-500, 'bg')).toBe('-0,5');
    expect(formatQuantity(0, 'bg')).toBe('0');
    expect(plain(formatQuantity(1234500, 'bg'))).toBe('1 234,5');
    expect(formatQuantity(1234500, 'en')).toBe('1,234.5');
  });

  it('refuses fractional thousandths', () => {
    expect(() => formatQuantity(1.5, 'en')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('formats calendar dates per locale', () => {
    expect(formatDate('2026-11-27', 'bg')).toBe('27.11.2026');
    expect(formatDate('2026-11-27', 'en')).toBe('27/11/2026');
    expect(formatDate('2024-02-29', 'bg')).toBe('29.02.2024');
    expect(formatDate('2026-01-01', 'en')).toBe('01/01/2026');
  });

  it('rejects invalid dates and instants', () => {
    for (const bad of [
      '2026-02-29',
      '2100-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '27.11.2026',
      '2026-11-27T10:00:00Z',
      '',
    ]) {
      expect(() => formatDate(bad, 'bg'), bad).toThrow(RangeError);
    }
  });
});

describe('formatUnitCost', () => {
  const plain = (s: string | null) => s?.replace(/\u00a0/g, ' ');
  it('shows the unit cost the value really divides into, so quantity × unit cost = value', () => {
    // 13 pieces worth 51,44 €: 3,9569… €, not the rounded 3,96 € (13 × 3,96 = 51,48).
    expect(plain(formatUnitCost(5144, 13_000, 'bg'))).toBe('3,9569 €');
    expect(plain(formatUnitCost(5144, 13_000, 'en'))).toBe('€3.9569');
    expect(plain(formatUnitCost(1000, 3_000, 'bg'))).toBe('3,3333 €');
    expect(plain(formatUnitCost(2000, 3_000, 'bg'))).toBe('6,6667 €');
  });

  it('keeps two decimals when the cost is exact and trims only zeros beyond them', () => {
    expect(plain(formatUnitCost(5148, 13_000, 'bg'))).toBe('3,96 €');
    expect(plain(formatUnitCost(1000, 4_000, 'bg'))).toBe('2,50 €');
    expect(plain(formatUnitCost(1001, 4_000, 'bg'))).toBe('2,5025 €');
    expect(plain(formatUnitCost(125, 2_500, 'bg'))).toBe('0,50 €');
    expect(plain(formatUnitCost(123456789, 1_000, 'bg'))).toBe('1 234 567,89 €');
  });

  it('carries the sign of a count’s shortage and has nothing to show without a quantity', () => {
    expect(plain(formatUnitCost(-5144, -13_000, 'bg'))).toBe('3,9569 €');
    expect(plain(formatUnitCost(-5144, 13_000, 'bg'))).toBe('-3,9569 €');
    expect(formatUnitCost(5144, 0, 'bg')).toBeNull();
  });
});
