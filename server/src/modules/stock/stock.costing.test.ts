import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../kernel/money';
import { milliToUnits } from '../../kernel/quantity';
import { averageCost, receiptLineValue, suggestedReorderMilli, unitCostOf, valueOut } from './stock.costing';

describe('weighted-average costing on integers', () => {
  it('the average is value × 1000 / on hand, half away from zero, 0 with nothing on hand', () => {
    expect(averageCost(3850, 15_000)).toBe(257); // 2.5666…
    expect(averageCost(1000, 4000)).toBe(250);
    expect(averageCost(5, 2000)).toBe(3); // 2.5 → 3
    expect(averageCost(0, 0)).toBe(0);
    expect(averageCost(0, 5000)).toBe(0);
  });

  it('value out is proportional, and the last unit takes what is left', () => {
    expect(valueOut(4000, 9000, 2310)).toBe(1027); // 1026.67
    expect(valueOut(1000, 3000, 100)).toBe(33);
    expect(valueOut(3000, 3000, 100)).toBe(100);
    // Out one by one, three units worth 1.00 leave 0.33, 0.34 (0.335 rounds up), then the remaining 0.33.
    let onHand = 3000;
    let value = 100;
    const outs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const v = valueOut(1000, onHand, value);
      outs.push(v);
      onHand -= 1000;
      value -= v;
    }
    expect(outs).toEqual([33, 34, 33]);
    expect(value).toBe(0);
  });

  it('never drifts: any split of a level out takes exactly its value, and no part is negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (onHandStart, valueStart, takes) => {
          let onHand = onHandStart;
          let value = valueStart;
          let out = 0;
          for (const take of takes) {
            if (onHand === 0) break;
            const q = Math.min(take, onHand);
            const v = valueOut(q, onHand, value);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(value);
            onHand -= q;
            value -= v;
            out += v;
          }
          const last = valueOut(onHand, onHand, value);
          expect(out + last).toBe(valueStart);
        },
      ),
    );
  });

  it('receipt line value and shown unit cost round half away from zero', () => {
    expect(receiptLineValue(2500, 333)).toBe(833); // 832.5
    expect(receiptLineValue(1000, 0)).toBe(0);
    expect(unitCostOf(-666, -2000)).toBe(333);
    expect(unitCostOf(0, 0)).toBe(0);
  });
});

describe('landed costs by the largest remainder', () => {
  it('splits by weight and gives the leftover cents to the largest remainders', () => {
    expect(allocate(100, [3000, 3000])).toEqual([50, 50]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [1, 2, 7])).toEqual([1, 2, 7]);
    expect(allocate(7, [100, 250, 650])).toEqual([1, 2, 4]); // 0.7, 1.75, 4.55
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(0, [5, 5])).toEqual([0, 0]);
    expect(allocate(5, [])).toEqual([]);
  });

  it('the shares always sum to the total and each is within a cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const shares = allocate(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const w = weights.every((x) => x === 0) ? weights.map(() => 1) : weights;
          const sum = w.reduce((a, b) => a + b, 0);
          shares.forEach((s, i) => {
            const exact = (total * (w[i] ?? 0)) / sum;
            expect(Math.abs(s - exact)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});

describe('low stock and quantities', () => {
  it('suggests 2 × minimum − available rounded up to whole units, nothing when enough', () => {
    expect(suggestedReorderMilli(4000, 1500)).toBe(7000);
    expect(suggestedReorderMilli(1500, 250)).toBe(3000); // 2.75 → 3
    expect(suggestedReorderMilli(2000, 0)).toBe(4000);
    expect(suggestedReorderMilli(2000, 4000)).toBe(0);
    expect(suggestedReorderMilli(2000, -500)).toBe(5000);
  });

  it('quantities print as decimal units', () => {
    expect(milliToUnits(6000)).toBe('6');
    expect(milliToUnits(2500)).toBe('2.5');
    expect(milliToUnits(-1250)).toBe('-1.25');
    expect(milliToUnits(1)).toBe('0.001');
    expect(milliToUnits(0)).toBe('0');
  });
});
