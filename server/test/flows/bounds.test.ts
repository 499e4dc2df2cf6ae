import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_AMOUNT_CENTS,
  MAX_DOCUMENT_CENTS,
  MAX_LINES,
  MAX_NORM_MINUTES,
  MAX_QUANTITY_MILLI,
  MAX_UNIT_CENTS,
} from '../../src/kernel/limits';
import { aSupplier, aWarehouse } from '../factories';
import { DIALECTS, type Session, useTestApp } from '../harness';
import { bySize } from '../property-size';
import { snapshotDatabase } from '../snapshot';

/** fast-check runs per property: 4, or 50 with SERVIX_PROPERTY_SIZE=large; FC_RUNS=n for another number. */
const RUNS = Number(process.env.FC_RUNS ?? bySize({ small: 4, large: 50 }));
const timeout = bySize({ small: 60_000, large: 900_000 });

interface Line {
  quantityMilli: number;
  unitCostCents: number;
}

/** Values near and at the bounds are what can overflow, so they come up often. */
const quantity = fc.oneof(fc.constant(MAX_QUANTITY_MILLI), fc.integer({ min: 1, max: MAX_QUANTITY_MILLI }));
const unitCost = fc.oneof(fc.constant(MAX_UNIT_CENTS), fc.integer({ min: 0, max: MAX_UNIT_CENTS }));
const landed = fc.oneof(fc.constant(MAX_AMOUNT_CENTS), fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }));
const lines = fc.array(fc.record({ quantityMilli: quantity, unitCostCents: unitCost }), {
  minLength: 1,
  maxLength: 40,
});

/** The exact total of a receipt, in BigInt: what the server must store. */
function exactTotal(ls: Line[], landedCents: number): bigint {
  let sum = BigInt(landedCents);
  for (const l of ls) {
    const product = BigInt(l.quantityMilli) * BigInt(l.unitCostCents);
    sum += (product + 500n) / 1000n; // non-negative: half away from zero is half up
  }
  return sum;
}

describe.each(DIALECTS)('number bounds on %s', { timeout }, (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let supplierId: string;
  let warehouseId: string;
  let counter = 0;

  const newPart = async () => {
    counter++;
    const res = await t.request(admin, 'POST', '/api/v1/parts', {
      code: `B-${counter}`,
      nameBg: `Част ${counter}`,
      salePriceCents: MAX_UNIT_CENTS,
      typicalCostCents: MAX_UNIT_CENTS,
      minStockMilli: 0,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  const receipt = (partId: string, ls: Line[], landedCostCents: number) => ({
    type: 'receipt',
    warehouseId,
    supplierId,
    landedCostCents,
    lines: ls.map((l) => ({ partId, ...l })),
  });

  /** A receipt at the given values is saved with the exact total, posts, and every list still answers. */
  const acceptedAndListed = async (ls: Line[], landedCostCents: number) => {
    const partId = await newPart(); // a fresh level each time: levels add up over documents
    const created = await t.request(
      admin,
      'POST',
      '/api/v1/stock/documents',
      receipt(partId, ls, landedCostCents),
    );
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json();
    const total = exactTotal(ls, landedCostCents);
    expect(BigInt(doc.totalValueCents)).toBe(total);
    expect(total <= BigInt(MAX_DOCUMENT_CENTS)).toBe(true);
    const posted = await t.request(admin, 'POST', `/api/v1/stock/documents/${doc.id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    const list = await t.request(admin, 'GET', '/api/v1/stock/documents?pageSize=200');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(doc.id);
    const levels = await t.request(admin, 'GET', `/api/v1/stock/levels?partId=${partId}`);
    expect(levels.statusCode, levels.body).toBe(200);
    expect(BigInt(levels.json().items[0].valueCents)).toBe(total);
  };

  beforeAll(async () => {
    admin = await t.setup();
    supplierId = (await aSupplier(t, admin, { name: 'Доставчик ООД', uic: '206114589' })).id;
    warehouseId = (await aWarehouse(t, admin, { code: 'MAIN', name: 'Склад' })).id;
  });

  it('the largest document allowed (500 lines at every bound) is saved, posted and listed', async () => {
    const worst = Array.from({ length: MAX_LINES }, () => ({
      quantityMilli: MAX_QUANTITY_MILLI,
      unitCostCents: MAX_UNIT_CENTS,
    }));
    await acceptedAndListed(worst, MAX_AMOUNT_CENTS);
    expect(MAX_DOCUMENT_CENTS * 16).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('any receipt within the bounds is saved with its exact total, posted and listed', async () => {
    await fc.assert(
      fc.asyncProperty(lines, landed, async (ls, landedCents) => acceptedAndListed(ls, landedCents)),
      { numRuns: RUNS },
    );
  });

  it('one value just above its bound is 400 naming the field, and nothing is written', async () => {
    const partId = await newPart();
    const over = fc.record({
      ls: lines,
      which: fc.constantFrom('quantityMilli', 'unitCostCents', 'landedCostCents', 'lines'),
      at: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(over, async ({ ls, which, at }) => {
        const i = at % ls.length;
        let body: ReturnType<typeof receipt>;
        let field: string;
        if (which === 'landedCostCents') {
          body = receipt(partId, ls, MAX_AMOUNT_CENTS + 1);
          field = 'landedCostCents';
        } else if (which === 'lines') {
          const many = Array.from({ length: MAX_LINES + 1 }, (_, k) => ls[k % ls.length] as Line);
          body = receipt(partId, many, 0);
          field = 'lines';
        } else {
          const bumped = ls.map((l, k) =>
            k === i
              ? { ...l, [which]: (which === 'quantityMilli' ? MAX_QUANTITY_MILLI : MAX_UNIT_CENTS) + 1 }
              : l,
          );
          body = receipt(partId, bumped, 0);
          field = `lines.${i}.${which}`;
        }
        const before = await snapshotDatabase(t.db);
        const res = await t.request(admin, 'POST', '/api/v1/stock/documents', body);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ code: 'too_big', field });
        expect(await snapshotDatabase(t.db)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('the receipt from the report (10 lines of 10^9 units at 10,000 €) is refused; the lists keep answering', async () => {
    const partId = await newPart();
    const before = await snapshotDatabase(t.db);
    const ls = Array.from({ length: 10 }, () => ({
      quantityMilli: 1_000_000_000_000,
      unitCostCents: 1_000_000,
    }));
    const res = await t.request(admin, 'POST', '/api/v1/stock/documents', receipt(partId, ls, 0));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'too_big', field: 'lines.0.quantityMilli' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect((await t.request(admin, 'GET', '/api/v1/stock/documents')).statusCode).toBe(200);
  });

  it('a posting that would take a stock level outside the safe range is 422 and writes nothing', async () => {
    // One thousandth of a unit carrying the largest landed cost: an average cost of about 10^13 cents a unit.
    const partId = await newPart();
    const dear = await t.request(admin, 'POST', '/api/v1/stock/documents', {
      ...receipt(partId, [{ quantityMilli: 1, unitCostCents: MAX_UNIT_CENTS }], MAX_AMOUNT_CENTS),
    });
    expect(dear.statusCode, dear.body).toBe(201);
    expect(
      (await t.request(admin, 'POST', `/api/v1/stock/documents/${dear.json().id}/post`)).statusCode,
    ).toBe(200);
    // Counting ten million units of it would be worth 10^20 cents.
    const count = await t.request(admin, 'POST', '/api/v1/stock/documents', {
      type: 'count',
      warehouseId,
      lines: [{ partId, countedMilli: 10_000_000_000 }],
    });
    expect(count.statusCode, count.body).toBe(201);
    const before = await snapshotDatabase(t.db);
    const posted = await t.request(admin, 'POST', `/api/v1/stock/documents/${count.json().id}/post`);
    expect(posted.statusCode, posted.body).toBe(422);
    expect(posted.headers['content-type']).toContain('application/problem+json');
    expect(posted.json()).toMatchObject({ code: 'amount_out_of_range' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect((await t.request(admin, 'GET', '/api/v1/stock/levels')).statusCode).toBe(200);
  });

  it('a service quote at the largest rate, norm time and quantity stays exact', async () => {
    const service = await t.request(admin, 'POST', '/api/v1/service-types', {
      code: 'MAXH',
      nameBg: 'Най-дълъг ремонт',
      pricing: 'hourly',
      priceCents: MAX_UNIT_CENTS,
      normMinutes: MAX_NORM_MINUTES,
    });
    expect(service.statusCode, service.body).toBe(201);
    const quote = await t.request(
      admin,
      'GET',
      `/api/v1/service-types/${service.json().id}/quote?quantityMilli=${MAX_QUANTITY_MILLI}`,
    );
    expect(quote.statusCode, quote.body).toBe(200);
    const tooMuch = await t.request(
      admin,
      'GET',
      `/api/v1/service-types/${service.json().id}/quote?quantityMilli=${MAX_QUANTITY_MILLI + 1}`,
    );
    expect(tooMuch.json()).toMatchObject({ status: 400, code: 'too_big', field: 'quantityMilli' });
    const overNorm = await t.request(admin, 'PATCH', `/api/v1/service-types/${service.json().id}`, {
      normMinutes: MAX_NORM_MINUTES + 1,
    });
    expect(overNorm.json()).toMatchObject({ status: 400, code: 'too_big', field: 'normMinutes' });
  });
});
