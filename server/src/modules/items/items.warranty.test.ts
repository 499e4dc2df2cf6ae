import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { warrantyEndOf, warrantyStatus } from './items.warranty';

const REFERENCE = '2026-11-27';

describe('warrantyStatus', () => {
  const bought = (purchaseDate: string, warrantyMonths: number) => ({
    purchaseDate,
    warrantyMonths,
    warrantyEnd: null,
  });

  it('covers the item through the end date inclusive: the last day is covered, the next is not', () => {
    const item = bought('2024-11-27', 24);
    expect(warrantyStatus(item, '2026-11-26')).toEqual({
      underWarranty: true,
      warrantyEnd: '2026-11-27',
      daysLeft: 1,
    });
    expect(warrantyStatus(item, '2026-11-27')).toEqual({
      underWarranty: true,
      warrantyEnd: '2026-11-27',
      daysLeft: 0,
    });
    expect(warrantyStatus(item, '2026-11-28')).toEqual({
      underWarranty: false,
      warrantyEnd: '2026-11-27',
      daysLeft: -1,
    });
  });

  it('the boundary table of the seed data on the reference date 2026-11-27', () => {
    const cases: [string, number, boolean, number][] = [
      ['2024-11-25', 24, false, -2],
      ['2024-11-26', 24, false, -1],
      ['2024-11-27', 24, true, 0],
      ['2023-11-27', 36, true, 0],
      ['2024-11-28', 24, true, 1],
      ['2021-11-29', 60, true, 2],
      ['2023-11-30', 36, true, 3],
      ['2024-12-02', 24, true, 5],
    ];
    for (const [purchaseDate, months, under, days] of cases) {
      const s = warrantyStatus(bought(purchaseDate, months), REFERENCE);
      expect([purchaseDate, s.underWarranty, s.daysLeft]).toEqual([purchaseDate, under, days]);
    }
  });

  it('month-end clamping and leap years', () => {
    expect(warrantyStatus(bought('2024-02-29', 24), '2026-02-28')).toMatchObject({
      underWarranty: true,
      warrantyEnd: '2026-02-28',
    });
    expect(warrantyStatus(bought('2024-02-29', 24), '2026-03-01').underWarranty).toBe(false);
    expect(warrantyStatus(bought('2024-01-31', 1), '2024-02-29')).toMatchObject({
      underWarranty: true,
      warrantyEnd: '2024-02-29',
      daysLeft: 0,
    });
    expect(warrantyStatus(bought('2024-01-31', 1), '2024-03-01').underWarranty).toBe(false);
  });

  it('an explicit end overrides the computed one, with or without a purchase date', () => {
    const extended = { purchaseDate: '2022-03-15', warrantyMonths: 24, warrantyEnd: '2027-03-15' };
    expect(warrantyStatus(extended, REFERENCE)).toMatchObject({
      underWarranty: true,
      warrantyEnd: '2027-03-15',
    });
    const shortened = { purchaseDate: '2025-01-10', warrantyMonths: 24, warrantyEnd: '2026-01-10' };
    expect(warrantyStatus(shortened, REFERENCE)).toMatchObject({ underWarranty: false, daysLeft: -321 });
    const cardOnly = { purchaseDate: null, warrantyMonths: null, warrantyEnd: '2026-11-27' };
    expect(warrantyStatus(cardOnly, REFERENCE)).toEqual({
      underWarranty: true,
      warrantyEnd: '2026-11-27',
      daysLeft: 0,
    });
    expect(warrantyStatus(cardOnly, '2026-11-28').underWarranty).toBe(false);
  });

  it('no purchase date and no end, or no months: unknown, so not under warranty', () => {
    const unknown = { underWarranty: false, warrantyEnd: null, daysLeft: null };
    expect(warrantyStatus({ purchaseDate: null, warrantyMonths: 24, warrantyEnd: null }, REFERENCE)).toEqual(
      unknown,
    );
    expect(
      warrantyStatus({ purchaseDate: '2026-01-01', warrantyMonths: null, warrantyEnd: null }, REFERENCE),
    ).toEqual(unknown);
  });

  it('0 months: no manufacturer warranty at all (second-hand), even on the purchase day', () => {
    expect(warrantyStatus(bought('2025-06-14', 0), '2025-06-14')).toEqual({
      underWarranty: false,
      warrantyEnd: null,
      daysLeft: null,
    });
  });

  it('bought on the date itself is covered; before the purchase date is not', () => {
    expect(warrantyStatus(bought(REFERENCE, 36), REFERENCE)).toMatchObject({
      underWarranty: true,
      warrantyEnd: '2029-11-27',
    });
    expect(warrantyStatus(bought(REFERENCE, 36), '2026-11-26').underWarranty).toBe(false);
  });

  it('refuses an invalid date instead of guessing', () => {
    expect(() => warrantyStatus(bought('2024-11-27', 24), '2026-02-30')).toThrow(RangeError);
  });

  it('counts 40 of the 149 seed items under warranty on the reference date', () => {
    const file = fs.readFileSync(new URL('../../../seed-data/items.csv', import.meta.url), 'utf8');
    const rows = parse(file, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const covered = rows.filter(
      (r) =>
        warrantyStatus(
          {
            purchaseDate: r.purchase_date || null,
            warrantyMonths: r.warranty_months ? Number(r.warranty_months) : null,
            warrantyEnd: null,
          },
          REFERENCE,
        ).underWarranty,
    );
    expect(rows.length).toBe(149);
    expect(covered.length).toBe(40);
    expect(warrantyEndOf({ purchaseDate: '2023-12-31', warrantyMonths: 36, warrantyEnd: null })).toBe(
      '2026-12-31',
    );
  });
});
