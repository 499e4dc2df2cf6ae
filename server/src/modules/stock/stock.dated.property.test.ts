import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIALECTS, useTestApp } from '../../../test/harness';
import { bySize } from '../../../test/property-size';
import type { Executor } from '../../db/database';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { addDays, todayDate } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { checkLevels } from './index';
import { type DraftInput, insertDraft, postDocumentTx, reverseDocument } from './stock.service';

/**
 * The date-order property (issue 10, ADR 0010): random receipts, issues, transfers, write-offs, counts and
 * reversals with random dates, posted in random order, give the same ledger as the documents that were accepted
 * replayed in date order (posting order within a date): the same levels, the same value on every issue, transfer,
 * write-off and count line, the same valuation on every date, and no level below zero at any point of its ledger.
 */

const DOCUMENTS = bySize({ small: 90, large: 400 });
const SEQUENCES = bySize({ small: 2, large: 5 });
const PARTS = 3;
const WAREHOUSES = 3;
const DAYS = 20;

type Line = { part: number; q: number; cost: number };
type Op =
  | { kind: 'receipt'; day: number; wh: number; lines: Line[] }
  | { kind: 'issue' | 'writeoff'; day: number; wh: number; lines: Line[] }
  | { kind: 'transfer'; day: number; wh: number; shift: number; lines: Line[] }
  | { kind: 'count'; day: number; wh: number; counts: { part: number; counted: number }[] }
  | { kind: 'reverse'; pick: number; later: number };

const day = fc.nat(DAYS - 1);
const wh = fc.nat(WAREHOUSES - 1);
const part = fc.nat(PARTS - 1);
const line = fc.record({
  part,
  q: fc.integer({ min: 1, max: 8 }).map((n) => n * 500),
  cost: fc.integer({ min: 100, max: 4000 }),
});
const lines = fc.array(line, { minLength: 1, maxLength: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('receipt' as const), day, wh, lines }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('issue' as const), day, wh, lines }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('writeoff' as const), day, wh, lines }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      day,
      wh,
      shift: fc.integer({ min: 1, max: WAREHOUSES - 1 }),
      lines,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('count' as const),
      day,
      wh,
      counts: fc.uniqueArray(
        fc.record({ part, counted: fc.integer({ min: 0, max: 12 }).map((n) => n * 500) }),
        {
          selector: (c) => c.part,
          minLength: 1,
          maxLength: 2,
        },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reverse' as const),
      pick: fc.nat(),
      later: fc.oneof(fc.constant(0), fc.nat(4)),
    }),
  },
);

interface Books {
  warehouses: string[];
  parts: string[];
}

/** A document as posted: what to post again, its date, and for a reversal which accepted document it undid. */
type Posted =
  | { kind: 'document'; input: (b: Books) => DraftInput; date: string; id: string }
  | { kind: 'reversal'; of: number; date: string; id: string };

async function postInput(db: Executor, input: DraftInput): Promise<string> {
  return db
    .transaction()
    .execute(
      async (trx) =>
        (await postDocumentTx(trx, SYSTEM_ACTOR, await insertDraft(trx, SYSTEM_ACTOR, input))).id,
    );
}

const tally = { accepted: 0, refused: 0, reversals: 0, counts: 0 };

describe.each(DIALECTS)(
  'the dated ledger property on %s',
  { timeout: bySize({ small: 180_000, large: 900_000 }) },
  (dialect) => {
    const t = useTestApp(dialect);
    let run = 0;

    it(`${DOCUMENTS} documents posted out of date order equal the accepted ones replayed in date order`, async () => {
      Object.assign(tally, { accepted: 0, refused: 0, reversals: 0, counts: 0 });
      const admin = await t.setup();
      const create = async (url: string, body: unknown) => {
        const res = await t.request(admin, 'POST', url, body);
        if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        return res.json().id as string;
      };
      const supplierId = await create('/api/v1/parties', {
        kind: 'company',
        name: 'Доставчик',
        isSupplier: true,
        isCustomer: false,
      });
      const books = async (name: string): Promise<Books> => {
        const warehouses: string[] = [];
        const parts: string[] = [];
        for (let i = 0; i < WAREHOUSES; i++)
          warehouses.push(await create('/api/v1/warehouses', { code: `${name}W${i}`, name: `W${i}` }));
        for (let i = 0; i < PARTS; i++)
          parts.push(
            await create('/api/v1/parts', {
              code: `${name}P${i}`,
              nameBg: `P${i}`,
              salePriceCents: 100,
              typicalCostCents: 41 * (i + 1),
            }),
          );
        return { warehouses, parts };
      };
      const start = addDays(todayDate(), -(DAYS + 10));

      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: DOCUMENTS, maxLength: DOCUMENTS }), async (ops) => {
          run++;
          const a = await books(`A${run}`);
          const b = await books(`B${run}`);
          const posted: Posted[] = [];
          const reversed = new Set<number>();

          // Run A: in the order generated, dates all over the window; refusals allowed.
          for (const o of ops) {
            if (o.kind === 'reverse') {
              const open = posted.flatMap((p, i) => (p.kind === 'document' && !reversed.has(i) ? [i] : []));
              if (!open.length) continue;
              const of = open[o.pick % open.length] as number;
              const original = posted[of] as Posted;
              const date = addDays(original.date, o.later);
              try {
                const mirror = await reverseDocument(t.db, SYSTEM_ACTOR, original.id, { documentDate: date });
                posted.push({ kind: 'reversal', of, date, id: mirror.id });
                reversed.add(of);
                tally.reversals++;
              } catch (e) {
                if (!(e instanceof DomainError && e.code === 'insufficient_stock')) throw e;
                tally.refused++;
              }
              continue;
            }
            const date = addDays(start, o.day);
            const input = (x: Books): DraftInput => {
              const w = x.warehouses[o.wh] as string;
              const p = (i: number) => x.parts[i] as string;
              switch (o.kind) {
                case 'receipt':
                  return {
                    type: 'receipt',
                    documentDate: date,
                    warehouseId: w,
                    supplierId,
                    lines: o.lines.map((l) => ({
                      partId: p(l.part),
                      quantityMilli: l.q,
                      unitCostCents: l.cost,
                    })),
                  };
                case 'transfer':
                  return {
                    type: 'transfer',
                    documentDate: date,
                    warehouseId: w,
                    toWarehouseId: x.warehouses[(o.wh + o.shift) % WAREHOUSES] as string,
                    lines: o.lines.map((l) => ({ partId: p(l.part), quantityMilli: l.q })),
                  };
                case 'count':
                  return {
                    type: 'count',
                    documentDate: date,
                    warehouseId: w,
                    lines: o.counts.map((c) => ({ partId: p(c.part), countedMilli: c.counted })),
                  };
                default:
                  return {
                    type: o.kind,
                    documentDate: date,
                    warehouseId: w,
                    reason: 'проверка',
                    lines: o.lines.map((l) => ({ partId: p(l.part), quantityMilli: l.q })),
                  };
              }
            };
            try {
              posted.push({ kind: 'document', input, date, id: await postInput(t.db, input(a)) });
              tally.accepted++;
              if (o.kind === 'count') tally.counts++;
            } catch (e) {
              if (!(e instanceof DomainError && e.code === 'insufficient_stock')) throw e;
              tally.refused++;
            }
          }

          // Run B: the accepted ones in date order, posting order kept within a date; every one is accepted. A document
          // reversed on its own date was never posted, as far as stock goes: it and its reversal are left out.
          const cancelled = new Set<number>();
          for (const [i, p] of posted.entries())
            if (p.kind === 'reversal' && p.date === (posted[p.of] as Posted).date) cancelled.add(i).add(p.of);
          const replayed = posted
            .map((p, i) => ({ p, i }))
            .filter(({ i }) => !cancelled.has(i))
            .sort((x, y) => (x.p.date < y.p.date ? -1 : x.p.date > y.p.date ? 1 : x.i - y.i));
          const idInB = new Map<number, string>();
          for (const { p, i } of replayed) {
            if (p.kind === 'document') idInB.set(i, await postInput(t.db, p.input(b)));
            else
              idInB.set(
                i,
                (
                  await reverseDocument(t.db, SYSTEM_ACTOR, idInB.get(p.of) as string, {
                    documentDate: p.date,
                  })
                ).id,
              );
          }

          // The same value on every line of every document, the same total.
          const valuesOf = async (id: string) => {
            const doc = await t.db
              .selectFrom('stock_document')
              .select('total_value_cents')
              .where('id', '=', id)
              .executeTakeFirstOrThrow();
            const ls = await t.db
              .selectFrom('stock_document_line')
              .select(['line_no', 'value_cents', 'unit_cost_cents', 'book_milli'])
              .where('document_id', '=', id)
              .orderBy('line_no')
              .execute();
            return { total: doc.total_value_cents, lines: ls };
          };
          for (const [i, p] of posted.entries()) {
            if (cancelled.has(i)) continue;
            expect(await valuesOf(idInB.get(i) as string), `document ${i} (${p.kind} on ${p.date})`).toEqual(
              await valuesOf(p.id),
            );
          }

          // The same levels, and the same valuation at the end of every day of the window.
          const levelsOf = async (x: Books) =>
            (
              await t.db
                .selectFrom('stock_level')
                .select(['part_id', 'warehouse_id', 'on_hand_milli', 'value_cents'])
                .where('warehouse_id', 'in', x.warehouses)
                .execute()
            )
              .map((l) => ({
                at: `${x.warehouses.indexOf(l.warehouse_id)}:${x.parts.indexOf(l.part_id)}`,
                onHand: l.on_hand_milli,
                value: l.value_cents,
              }))
              .filter((l) => l.onHand !== 0 || l.value !== 0)
              .sort((m, n) => m.at.localeCompare(n.at));
          expect(await levelsOf(b)).toEqual(await levelsOf(a));
          const ledgerOf = async (x: Books) =>
            t.db
              .selectFrom('stock_movement')
              .select(['part_id', 'warehouse_id', 'movement_date', 'quantity_milli', 'value_cents'])
              .where('warehouse_id', 'in', x.warehouses)
              .orderBy('part_id')
              .orderBy('warehouse_id')
              .orderBy('movement_date')
              .orderBy('ledger_order')
              .execute();
          // Quantity and value of every level at the end of every day of the window, from the ledger.
          const dailyOf = async (x: Books) => {
            const rows = await ledgerOf(x);
            const out = new Map<string, { q: number; v: number }>();
            for (let d = 0; d <= DAYS + 5; d++) {
              const date = addDays(start, d);
              const sums = new Map<string, { q: number; v: number }>();
              for (const m of rows) {
                if (m.movement_date > date) continue;
                const at = `${x.warehouses.indexOf(m.warehouse_id)}:${x.parts.indexOf(m.part_id)}`;
                const r = sums.get(at) ?? { q: 0, v: 0 };
                r.q += m.quantity_milli;
                r.v += m.value_cents;
                sums.set(at, r);
              }
              for (const [at, r] of sums) {
                // Never below zero on any date, and no value without quantity.
                expect(r.q, `${at} on ${date}`).toBeGreaterThanOrEqual(0);
                expect(r.v, `${at} on ${date}`).toBeGreaterThanOrEqual(0);
                if (r.q === 0) expect(r.v, `${at} on ${date}`).toBe(0);
                else out.set(`${at}@${date}`, r);
              }
            }
            return out;
          };
          expect(await dailyOf(b)).toEqual(await dailyOf(a));
          expect((await checkLevels(t.db)).mismatches).toEqual([]);
        }),
        { numRuns: SEQUENCES, endOnFailure: true },
      );
      expect(tally.accepted).toBeGreaterThan((DOCUMENTS * SEQUENCES) / 3);
      for (const k of ['refused', 'reversals', 'counts'] as const) expect(tally[k], k).toBeGreaterThan(4);
      console.log(`dated stock property on ${dialect}: ${JSON.stringify(tally)}`);
    });
  },
);
