import { describe, expect, it } from 'vitest';
import {
  chargedQuantityMilli,
  customerNetCents,
  lineNet,
  lineNetCents,
  listValueCents,
  orderTotals,
  type PricedLine,
} from './orders.totals';

const line = (l: Partial<PricedLine>): PricedLine => ({
  kind: 'part',
  quantityMilli: 1000,
  usedQuantityMilli: null,
  unitPriceCents: 0,
  discountBp: 0,
  vatRateBp: 2000,
  payer: 'customer',
  ...l,
});

describe('lineNet', () => {
  it('quantity × price: 2 pcs × 45.90 € = 91.80 €', () => {
    expect(lineNet(2000, 4590)).toBe(9180);
  });

  it('with a discount: 2 pcs × 45.90 € − 10 % = 82.62 €', () => {
    expect(lineNet(2000, 4590, 1000)).toBe(8262);
  });

  it('rounds once, not twice: 0.333 × 10.00 € − 50 % = 1.665 → 1.67 € (rounding the amount first would give 1.66)', () => {
    expect(lineNet(333, 1000, 5000)).toBe(167);
  });

  it('half away from zero: 1.5 × 3.33 € = 4.995 → 5.00 €; a negative price −4.995 → −5.00 €', () => {
    expect(lineNet(1500, 333)).toBe(500);
    expect(lineNet(1500, -333)).toBe(-500);
  });

  it('2.5 m × 1.01 € − 15 % = 2.14625 → 2.15 €; 100 % discount = 0', () => {
    expect(lineNet(2500, 101, 1500)).toBe(215);
    expect(lineNet(2500, 101, 10_000)).toBe(0);
  });

  it('refuses a negative quantity and a discount outside 0..100 %', () => {
    expect(() => lineNet(-1, 100)).toThrow(RangeError);
    expect(() => lineNet(1000, 100, 10_001)).toThrow(RangeError);
    expect(() => lineNet(1000, 100, -1)).toThrow(RangeError);
  });
});

describe('one line', () => {
  it('the used quantity wins over the planned one', () => {
    const l = line({ quantityMilli: 2000, usedQuantityMilli: 1000, unitPriceCents: 4590 });
    expect(chargedQuantityMilli(l)).toBe(1000);
    expect(lineNetCents(l)).toBe(4590);
    expect(customerNetCents(l)).toBe(4590);
  });

  it('used 0 bills nothing', () => {
    expect(lineNetCents(line({ quantityMilli: 2000, usedQuantityMilli: 0, unitPriceCents: 4590 }))).toBe(0);
  });

  it('a warranty line costs the customer nothing and keeps its list value (catalogue price, no discount)', () => {
    const l = line({
      unitPriceCents: 10_000,
      listPriceCents: 12_000,
      discountBp: 500,
      payer: 'manufacturer_warranty',
    });
    expect(lineNetCents(l)).toBe(9500);
    expect(customerNetCents(l)).toBe(0);
    expect(listValueCents(l)).toBe(12_000);
  });
});

describe('orderTotals', () => {
  it('a repair with parts, labour, a charge and warranty lines: hand-computed totals and VAT per rate', () => {
    const t = orderTotals([
      // Drum bearing 2 × 45.90 € − 10 % = 82.62 €, 20 %
      line({ quantityMilli: 2000, unitPriceCents: 4590, discountBp: 1000 }),
      // Labour 1 × 48.00 €, 20 %
      line({ kind: 'labour', unitPriceCents: 4800 }),
      // Transport 1 × 15.00 €, 9 %
      line({ kind: 'charge', unitPriceCents: 1500, vatRateBp: 900 }),
      // Pump under the manufacturer's warranty: list 120.00 €, price overridden to 100.00 € − 5 %
      line({
        unitPriceCents: 10_000,
        listPriceCents: 12_000,
        discountBp: 500,
        payer: 'manufacturer_warranty',
      }),
      // Labour under the shop's warranty of an earlier repair: 30.00 €
      line({ kind: 'labour', unitPriceCents: 3000, payer: 'shop_warranty' }),
    ]);
    // 20 %: base 82.62 + 48.00 = 130.62 €, VAT 26.124 → 26.12 €; 9 %: base 15.00 €, VAT 1.35 €
    expect(t.vatByRate).toEqual([
      { vatRateBp: 2000, vatExempt: false, baseCents: 13_062, vatCents: 2612 },
      { vatRateBp: 900, vatExempt: false, baseCents: 1500, vatCents: 135 },
    ]);
    expect(t.totals).toEqual({
      // Every line's net, whoever pays: 82.62 + 48.00 + 15.00 + 95.00 + 30.00
      listNetCents: 27_062,
      netCents: 14_562,
      vatCents: 2747,
      totalCents: 17_309,
      partsNetCents: 8262,
      labourNetCents: 4800,
      chargesNetCents: 1500,
      warrantyNetCents: 12_500,
    });
    expect(t.claims).toEqual({ manufacturer_warranty: 12_000, shop_warranty: 3000, contract: 0 });
  });

  it('VAT once per rate on the summed base: two lines of 0.05 € at 9 % → 0.01 € (per line it would be 0)', () => {
    const t = orderTotals([
      line({ unitPriceCents: 5, vatRateBp: 900 }),
      line({ unitPriceCents: 5, vatRateBp: 900 }),
    ]);
    expect(t.vatByRate).toEqual([{ vatRateBp: 900, vatExempt: false, baseCents: 10, vatCents: 1 }]);
    expect(t.totals.totalCents).toBe(11);
  });

  it('an order wholly under warranty: nothing for the customer, no VAT rates', () => {
    const t = orderTotals([line({ unitPriceCents: 4590, payer: 'manufacturer_warranty' })]);
    expect(t.vatByRate).toEqual([]);
    expect(t.totals.totalCents).toBe(0);
    expect(t.claims.manufacturer_warranty).toBe(4590);
  });

  it('a company not registered for VAT charges none', () => {
    const t = orderTotals([line({ unitPriceCents: 4800 })], { vatRegistered: false });
    expect(t.totals.vatCents).toBe(0);
    expect(t.totals.totalCents).toBe(4800);
  });
});
