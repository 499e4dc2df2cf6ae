import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, useTestApp } from '../../../test/harness';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { checkLevels } from './index';
import { LevelBook, PostingBook } from './stock.ledger';
import { insertDraft } from './stock.service';

describe.each(DIALECTS)('the level book on %s', (dialect) => {
  const t = useTestApp(dialect);
  let warehouseId: string;
  let partId: string;
  let documentId: string;
  let lineId: string;

  beforeAll(async () => {
    const admin = await t.setup();
    const post = async (url: string, body: unknown) => {
      const res = await t.request(admin, 'POST', url, body);
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    warehouseId = await post('/api/v1/warehouses', { code: 'LB', name: 'Level book' });
    partId = await post('/api/v1/parts', { code: 'LB-1', nameBg: 'Част', salePriceCents: 100 });
    // A draft only gives the ledger rows a document and a line to name; the book is driven by hand below.
    documentId = await t.db.transaction().execute((trx) =>
      insertDraft(trx, SYSTEM_ACTOR, {
        type: 'writeoff',
        warehouseId,
        reason: 'x',
        lines: [{ partId, quantityMilli: 1 }],
      }),
    );
    lineId = (
      await t.db
        .selectFrom('stock_document_line')
        .select('id')
        .where('document_id', '=', documentId)
        .executeTakeFirstOrThrow()
    ).id;
  });

  const labels = () => ({ parts: new Map([[partId, 'LB-1']]), warehouses: new Map([[warehouseId, 'LB']]) });
  const level = () =>
    t.db
      .selectFrom('stock_level')
      .select(['on_hand_milli', 'value_cents', 'avg_cost_cents'])
      .where('part_id', '=', partId)
      .executeTakeFirst();
  const movements = () =>
    t.db
      .selectFrom('stock_movement')
      .select(['quantity_milli', 'value_cents', 'seq', 'line_id', 'movement_date'])
      .where('document_id', '=', documentId)
      .orderBy('at')
      .orderBy('seq')
      .execute();

  it('writes one ledger row with every movement, in the order they happened', async () => {
    const k = { partId, warehouseId };
    const { settled, movements: count } = await t.db.transaction().execute((trx) =>
      PostingBook.post(trx, { documentId, date: '2026-01-05' }, [k], labels(), (book) => {
        book.fixed(lineId, k, 3000, 900);
        book.average(lineId, k, 1000);
      }),
    );
    expect([settled.rows.map((r) => r.v), count]).toEqual([[900, -300], 2]);
    expect(await movements()).toEqual([
      { quantity_milli: 3000, value_cents: 900, seq: 1, line_id: lineId, movement_date: '2026-01-05' },
      { quantity_milli: -1000, value_cents: -300, seq: 2, line_id: lineId, movement_date: '2026-01-05' },
    ]);
    expect(await level()).toEqual({ on_hand_milli: 2000, value_cents: 600, avg_cost_cents: 300 });
    expect((await checkLevels(t.db)).consistent).toBe(true);
  });

  it('a refused movement leaves neither the level nor the ledger changed', async () => {
    const k = { partId, warehouseId };
    const err = await t.db
      .transaction()
      .execute((trx) =>
        PostingBook.post(trx, { documentId, date: '2026-01-06' }, [k], labels(), (book) => {
          book.average(lineId, k, 500);
          book.average(lineId, k, 5000);
        }),
      )
      .catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect([err.kind, err.code, err.options.extra.shortfallMilli]).toEqual([
      'conflict',
      'insufficient_stock',
      3500,
    ]);
    expect(await movements()).toHaveLength(2);
    expect(await level()).toMatchObject({ on_hand_milli: 2000, value_cents: 600 });
  });

  it('a book opened for reservations holds quantity but cannot move it', async () => {
    const book = await t.db
      .transaction()
      .execute((trx) => LevelBook.open(trx, [{ partId, warehouseId }], labels()));
    expect('fixed' in book || 'average' in book || 'count' in book).toBe(false);
  });
});
