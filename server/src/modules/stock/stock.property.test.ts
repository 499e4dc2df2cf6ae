import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { bySize } from '../../../test/property-size';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { addDays, todayDate } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { checkLevels, issuePartsForOrder, rebuildLevels, releaseReservation, reserveParts } from './index';
import { type DraftInput, insertDraft, postDocumentTx, reverseDocument } from './stock.service';

/**
 * The ledger property: after any sequence of documents (receipts, issues, transfers, write-offs, counts,
 * reversals, with reservations made, released and consumed between them; refusals allowed), the stored levels are
 * exactly what rebuilding them from the ledger gives, nothing is negative, and on hand and reserved equal a plain
 * model of the same sequence, which also predicts every refusal. Step n is dated n days after the start, so every
 * document goes at the end of its ledger and every reversal is a later one (the back-dated orders are proved by the
 * date-order property in stock.dated.property.test.ts).
 */

/** Documents per sequence, and sequences per database: SERVIX_PROPERTY_SIZE=large for the long search. */
const DOCUMENTS = bySize({ small: 250, large: 1000 });
const SEQUENCES = bySize({ small: 2, large: 4 });
const PARTS = 4;
const WAREHOUSES = 3;

type Line = { part: number; q: number; cost: number };
type DocOp =
  | { kind: 'receipt'; wh: number; lines: Line[]; landed: number }
  | { kind: 'issue' | 'writeoff'; wh: number; lines: Line[] }
  | { kind: 'transfer'; wh: number; shift: number; lines: Line[] }
  | { kind: 'count'; wh: number; counts: { part: number; counted: number }[] }
  | { kind: 'reverse'; pick: number };
type ResOp =
  | { kind: 'reserve'; wh: number; part: number; q: number }
  | { kind: 'release'; pick: number }
  | { kind: 'orderIssue'; pick: number; q: number };

const wh = fc.nat(WAREHOUSES - 1);
const part = fc.nat(PARTS - 1);
const qty = fc.integer({ min: 1, max: 6000 });
const line = fc.record({ part, q: qty, cost: fc.integer({ min: 0, max: 5000 }) });
const lines = fc.array(line, { minLength: 1, maxLength: 3 });

const docOp: fc.Arbitrary<DocOp> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('receipt' as const),
      wh,
      lines,
      landed: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 999 })),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('issue' as const), wh, lines }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('writeoff' as const), wh, lines }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      wh,
      shift: fc.integer({ min: 1, max: WAREHOUSES - 1 }),
      lines,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('count' as const),
      wh,
      counts: fc.uniqueArray(fc.record({ part, counted: fc.integer({ min: 0, max: 9000 }) }), {
        selector: (c) => c.part,
        minLength: 1,
        maxLength: 3,
      }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
);
const resOp: fc.Arbitrary<ResOp> = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), wh, part, q: qty }),
  fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('orderIssue' as const), pick: fc.nat(), q: qty }),
);
const steps = fc.array(fc.record({ doc: docOp, before: fc.option(resOp, { freq: 8 }) }), {
  minLength: DOCUMENTS,
  maxLength: DOCUMENTS,
});

/** On hand and reserved per (warehouse, part), and what each posted document moved. */
class Model {
  onHand = new Map<string, number>();
  reserved = new Map<string, number>();
  docs: {
    id: string;
    moves: { wh: number; part: number; q: number }[][];
    reversed: boolean;
    isReversal: boolean;
  }[] = [];
  reservations: { id: string; wh: number; part: number; q: number; sourceId: string; active: boolean }[] = [];

  key(w: number, p: number) {
    return `${w}:${p}`;
  }
  get(w: number, p: number) {
    return { onHand: this.onHand.get(this.key(w, p)) ?? 0, reserved: this.reserved.get(this.key(w, p)) ?? 0 };
  }
  /** Applies signed moves in order on a copy; null when one would take more than is available. */
  try(moves: { wh: number; part: number; q: number; release?: number }[]): Map<string, number> | null {
    const next = new Map(this.onHand);
    const reserved = new Map(this.reserved);
    for (const m of moves) {
      const k = this.key(m.wh, m.part);
      const have = next.get(k) ?? 0;
      const held = (reserved.get(k) ?? 0) - (m.release ?? 0);
      if (m.q < 0 && -m.q > have - held) return null;
      next.set(k, have + m.q);
      reserved.set(k, held);
    }
    this.reserved = reserved;
    return next;
  }
}

const tally = { posted: 0, refused: 0, reversals: 0, counts: 0, consumed: 0 };

async function expectRefusal(run: Promise<unknown>, refuse: boolean, what: string) {
  try {
    await run;
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'conflict' && refuse) {
      tally.refused++;
      return false;
    }
    throw new Error(
      `${what}: ${refuse ? 'refused' : 'accepted'} expected, got ${String((e as DomainError).code ?? e)}`,
    );
  }
  if (refuse) throw new Error(`${what}: the model refuses it, the service accepted it`);
  tally.posted++;
  return true;
}

const timeout = bySize({ small: 180_000, large: 900_000 });

describe.each(DIALECTS)('stock ledger property on %s', { timeout }, (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let supplierId: string;
  let run = 0;

  it(`after ${DOCUMENTS} random documents the levels equal the ledger and the model, nothing is negative`, async () => {
    Object.assign(tally, { posted: 0, refused: 0, reversals: 0, counts: 0, consumed: 0 });
    admin = await t.setup();
    const post = async (url: string, body: unknown) => {
      const res = await t.request(admin, 'POST', url, body);
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    supplierId = await post('/api/v1/parties', {
      kind: 'company',
      name: 'Доставчик',
      isSupplier: true,
      isCustomer: false,
    });

    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        run++;
        const whIds: string[] = [];
        for (let i = 0; i < WAREHOUSES; i++)
          whIds.push(await post('/api/v1/warehouses', { code: `R${run}W${i}`, name: `W${i}` }));
        const partIds: string[] = [];
        for (let i = 0; i < PARTS; i++)
          partIds.push(
            await post('/api/v1/parts', {
              code: `R${run}P${i}`,
              nameBg: `P${i}`,
              salePriceCents: 100,
              typicalCostCents: 37 * (i + 1),
            }),
          );
        const model = new Model();
        const atWh = (w: number) => whIds[w] as string;
        const atPart = (p: number) => partIds[p] as string;
        const postDraft = (input: DraftInput) =>
          t.db
            .transaction()
            .execute(async (trx) =>
              postDocumentTx(trx, SYSTEM_ACTOR, await insertDraft(trx, SYSTEM_ACTOR, input)),
            );

        const start = addDays(todayDate(), -(DOCUMENTS + 10));
        for (const [n, { doc, before }] of sequence.entries()) {
          const documentDate = addDays(start, n);
          if (before?.kind === 'reserve') {
            const next = model.try([{ wh: before.wh, part: before.part, q: -before.q }]);
            const sourceId = `order-${run}-${n}`;
            let id = '';
            const ok = await expectRefusal(
              t.db.transaction().execute(async (trx) => {
                const [r] = await reserveParts(trx, SYSTEM_ACTOR, {
                  warehouseId: atWh(before.wh),
                  sourceType: 'service_order',
                  sourceId,
                  lines: [{ partId: atPart(before.part), quantityMilli: before.q }],
                });
                id = r?.id ?? '';
              }),
              next === null,
              `reserve #${n}`,
            );
            if (ok) {
              const k = model.key(before.wh, before.part);
              model.reserved.set(k, (model.reserved.get(k) ?? 0) + before.q);
              model.reservations.push({
                id,
                wh: before.wh,
                part: before.part,
                q: before.q,
                sourceId,
                active: true,
              });
            }
          }
          const active = model.reservations.filter((r) => r.active);
          if (before?.kind === 'release' && active.length) {
            const r = active[before.pick % active.length] as (typeof active)[number];
            await t.db.transaction().execute((trx) => releaseReservation(trx, SYSTEM_ACTOR, r.id));
            const k = model.key(r.wh, r.part);
            model.reserved.set(k, (model.reserved.get(k) ?? 0) - r.q);
            r.active = false;
          }
          if (before?.kind === 'orderIssue' && active.length) {
            const r = active[before.pick % active.length] as (typeof active)[number];
            const saved = new Map(model.reserved);
            const next = model.try([{ wh: r.wh, part: r.part, q: -before.q, release: r.q }]);
            if (next === null) model.reserved = saved;
            const ok = await expectRefusal(
              t.db.transaction().execute((trx) =>
                issuePartsForOrder(trx, SYSTEM_ACTOR, {
                  warehouseId: atWh(r.wh),
                  sourceType: 'service_order',
                  sourceId: r.sourceId,
                  documentDate,
                  lines: [{ partId: atPart(r.part), quantityMilli: before.q, reservationId: r.id }],
                }),
              ),
              next === null,
              `order issue #${n}`,
            );
            if (ok && next) {
              model.onHand = next;
              r.active = false;
              tally.consumed++;
            }
          }

          if (doc.kind === 'reverse') {
            const target = model.docs.length ? model.docs[doc.pick % model.docs.length] : undefined;
            if (!target) continue;
            const refuse409 = target.reversed || target.isReversal;
            const mirror: { wh: number; part: number; q: number }[][] = [];
            let next: Map<string, number> | null = null;
            const saved = new Map(model.reserved);
            if (!refuse409) {
              const flat: { wh: number; part: number; q: number }[] = [];
              for (const lineMoves of target.moves) {
                const m = [
                  ...lineMoves.filter((x) => x.q > 0).map((x) => ({ ...x, q: -x.q })),
                  ...lineMoves.filter((x) => x.q < 0).map((x) => ({ ...x, q: -x.q })),
                ];
                mirror.push(m);
                flat.push(...m);
              }
              next = model.try(flat);
              if (next === null) model.reserved = saved;
            }
            let mirrorId = '';
            const ok = await expectRefusal(
              reverseDocument(t.db, SYSTEM_ACTOR, target.id, { documentDate }).then((d) => {
                mirrorId = d.id;
              }),
              refuse409 || next === null,
              `reverse #${n}`,
            );
            if (ok && next) {
              model.onHand = next;
              target.reversed = true;
              tally.reversals++;
              model.docs.push({ id: mirrorId, moves: mirror, reversed: false, isReversal: true });
            }
            continue;
          }

          let input: DraftInput;
          let moves: { wh: number; part: number; q: number }[][];
          if (doc.kind === 'count') {
            input = {
              type: 'count',
              warehouseId: atWh(doc.wh),
              lines: doc.counts.map((c) => ({ partId: atPart(c.part), countedMilli: c.counted })),
            };
            moves = doc.counts.map((c) => {
              const diff = c.counted - model.get(doc.wh, c.part).onHand;
              return diff === 0 ? [] : [{ wh: doc.wh, part: c.part, q: diff }];
            });
          } else {
            const base = {
              warehouseId: atWh(doc.wh),
              lines: doc.lines.map((l) => ({ partId: atPart(l.part), quantityMilli: l.q })),
            };
            if (doc.kind === 'receipt') {
              input = {
                ...base,
                type: 'receipt',
                supplierId,
                landedCostCents: doc.landed,
                lines: doc.lines.map((l) => ({
                  partId: atPart(l.part),
                  quantityMilli: l.q,
                  unitCostCents: l.cost,
                })),
              };
              moves = doc.lines.map((l) => [{ wh: doc.wh, part: l.part, q: l.q }]);
            } else if (doc.kind === 'transfer') {
              const to = (doc.wh + doc.shift) % WAREHOUSES;
              input = { ...base, type: 'transfer', toWarehouseId: atWh(to) };
              moves = doc.lines.map((l) => [
                { wh: doc.wh, part: l.part, q: -l.q },
                { wh: to, part: l.part, q: l.q },
              ]);
            } else {
              input = { ...base, type: doc.kind, reason: 'проверка' };
              moves = doc.lines.map((l) => [{ wh: doc.wh, part: l.part, q: -l.q }]);
            }
          }
          const saved = new Map(model.reserved);
          const next = model.try(moves.flat());
          if (next === null) model.reserved = saved;
          let id = '';
          const ok = await expectRefusal(
            postDraft({ ...input, documentDate }).then((d) => {
              id = d.id;
            }),
            next === null,
            `${doc.kind} #${n}`,
          );
          if (ok && next) {
            model.onHand = next;
            model.docs.push({ id, moves, reversed: false, isReversal: false });
            if (doc.kind === 'count') tally.counts++;
          }
        }

        // The stored levels equal the model, nothing is negative, value goes with quantity.
        const levels = await t.db
          .selectFrom('stock_level')
          .selectAll()
          .where('warehouse_id', 'in', whIds)
          .execute();
        for (const l of levels) {
          const w = whIds.indexOf(l.warehouse_id);
          const p = partIds.indexOf(l.part_id);
          expect(l.on_hand_milli, `on hand ${w}:${p}`).toBe(model.get(w, p).onHand);
          expect(l.reserved_milli, `reserved ${w}:${p}`).toBe(model.get(w, p).reserved);
          expect(l.on_hand_milli).toBeGreaterThanOrEqual(l.reserved_milli);
          expect(l.reserved_milli).toBeGreaterThanOrEqual(0);
          expect(l.value_cents).toBeGreaterThanOrEqual(0);
          if (l.on_hand_milli === 0) expect(l.value_cents).toBe(0);
        }
        // Rebuilding from the ledger changes nothing, and the check finds nothing.
        const stored = await t.db.selectFrom('stock_level').selectAll().orderBy('id').execute();
        expect(await rebuildLevels(t.db)).toBe(0);
        expect(await t.db.selectFrom('stock_level').selectAll().orderBy('id').execute()).toEqual(stored);
        expect((await checkLevels(t.db)).mismatches).toEqual([]);
      }),
      // Large: four sequences of 1,000 documents per database, about 30 s on SQLite and 70 s on PostgreSQL.
      { numRuns: SEQUENCES, endOnFailure: true },
    );
    // The sequences did exercise every path: postings, refusals, reversals, counts and consumed reservations.
    expect(tally.posted).toBeGreaterThan((DOCUMENTS * SEQUENCES) / 2);
    for (const k of ['refused', 'reversals', 'counts', 'consumed'] as const)
      expect(tally[k], k).toBeGreaterThan(10);
    console.log(`stock property on ${dialect}: ${JSON.stringify(tally)}`);
  });
});
