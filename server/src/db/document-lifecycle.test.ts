import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../test/harness';
import type { Actor } from '../kernel/actor';
import { DomainError } from '../kernel/errors';
import type { Db, Executor } from './database';
import {
  type DocumentAuditChange,
  type DocumentHeader,
  type DocumentKind,
  documentPrintHeader,
  lockDraft,
  postDraft,
  reversePosted,
} from './document-lifecycle';
import { columns, type MigrationDb } from './migrations/helpers';

/** A kind of document that exists only in this test: a header with an amount, numbered from a scratch counter. */
interface ScratchDocument extends DocumentHeader {
  amount_cents: number;
  reason: string | null;
}

async function createScratchTables(db: MigrationDb, dialect: 'sqlite' | 'postgres') {
  const c = columns(dialect);
  let t = db.schema.createTable('scratch_document');
  t = c.id(t);
  t = c.text(t, 'status', (x) => x.notNull());
  t = c.text(t, 'series_id');
  t = c.text(t, 'number');
  t = c.date(t, 'document_date', (x) => x.notNull());
  t = c.text(t, 'reversal_of_id');
  t = c.text(t, 'reversed_by_id');
  t = c.instant(t, 'posted_at');
  t = c.ref(t, 'posted_by', 'app_user');
  t = c.ref(t, 'created_by', 'app_user');
  t = c.text(t, 'search_text', (x) => x.notNull());
  t = c.instant(t, 'created_at', (x) => x.notNull());
  t = c.instant(t, 'updated_at', (x) => x.notNull());
  t = c.bigint(t, 'amount_cents', (x) => x.notNull());
  t = c.text(t, 'reason');
  await t.execute();
  let counter = db.schema.createTable('scratch_counter');
  counter = c.id(counter);
  counter = c.bigint(counter, 'next_number', (x) => x.notNull());
  await counter.execute();
  await db.insertInto('scratch_counter').values({ id: 'S', next_number: 1 }).execute();
}

const raw = (db: Executor) => db as unknown as MigrationDb;

const audits: DocumentAuditChange[] = [];
/** The closed period the scratch kind reads, set by the tests that close one. */
let lockDate: string | null = null;

const SCRATCH: DocumentKind<ScratchDocument> = {
  table: 'scratch_document',
  entity: 'scratch_document',
  actions: { post: 'scratch_document.post', reverse: 'scratch_document.reverse' },
  async takeNumber(trx) {
    const row = await raw(trx)
      .updateTable('scratch_counter')
      .set((eb) => ({ next_number: eb('next_number', '+', 1) }))
      .where('id', '=', 'S')
      .returning('next_number')
      .executeTakeFirstOrThrow();
    return { seriesId: 'S', formatted: String(Number(row.next_number) - 1).padStart(4, '0') };
  },
  async audit(_trx, _actor, changes) {
    audits.push(...changes);
  },
  lockDate: async () => lockDate,
};

const drafter: Actor = { userId: 'u-drafter', requestId: 'r1' } as Actor;
const poster: Actor = { userId: 'u-poster', requestId: 'r2' } as Actor;

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe.each(DIALECTS)('document lifecycle on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Db;
  let seq = 0;

  async function aDraft(amount = 100, date = '2026-01-10'): Promise<string> {
    const id = `d${++seq}`;
    await raw(db)
      .insertInto('scratch_document')
      .values({
        id,
        status: 'draft',
        document_date: date,
        created_by: drafter.userId,
        search_text: `draft ${id}`,
        created_at: '2026-01-10T08:00:00.000Z',
        updated_at: '2026-01-10T08:00:00.000Z',
        amount_cents: amount,
      })
      .execute();
    return id;
  }

  const post = (
    id: string,
    work = async () => ({ audit: { amountCents: 100 }, patch: { reason: 'posted' } }),
  ) => db.transaction().execute((trx) => postDraft(trx, SCRATCH, poster, id, work));

  const read = (id: string) =>
    raw(db).selectFrom('scratch_document').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  const counter = async () =>
    Number(
      (await raw(db).selectFrom('scratch_counter').select('next_number').executeTakeFirstOrThrow())
        .next_number,
    );

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = tdb.handle.db;
    await createScratchTables(raw(db), dialect);
    for (const [id, name] of [
      ['u-drafter', 'Драгомир Чернов'],
      ['u-poster', 'Петя Осчетоводена'],
    ])
      await raw(db)
        .insertInto('app_user')
        .values({
          id,
          username: id,
          full_name: name,
          role: 'admin',
          password_hash: 'x',
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
  });
  afterAll(async () => tdb?.drop());

  it('posts a draft: number taken at posting, poster, search text, the kind’s columns and one audit row', async () => {
    const id = await aDraft();
    audits.length = 0;
    const { number } = await post(id);
    const row = await read(id);
    expect(row).toMatchObject({
      status: 'posted',
      number,
      series_id: 'S',
      posted_by: poster.userId,
      search_text: `${number} draft ${id}`,
      reason: 'posted',
    });
    expect(row.posted_at).toBeTruthy();
    expect(audits).toEqual([
      {
        action: 'scratch_document.post',
        entity: 'scratch_document',
        entityId: id,
        after: { number, amountCents: 100 },
      },
    ]);
  });

  it('refuses to post or edit what is not a draft (409 document_not_draft), and 404 for no document', async () => {
    const id = await aDraft();
    const { number } = await post(id);
    const again = await refusal(post(id));
    expect([again.kind, again.code, again.options.params, again.options.extra]).toEqual([
      'conflict',
      'document_not_draft',
      { number },
      { status: 'posted', documentId: id },
    ]);
    const edit = await refusal(db.transaction().execute((trx) => lockDraft(trx, SCRATCH, id)));
    expect(edit.code).toBe('document_not_draft');
    const none = await refusal(post('missing'));
    expect([none.kind, none.options.params]).toEqual(['not_found', { entity: 'scratch_document' }]);
  });

  it('takes no number when the kind’s work refuses: the transaction writes nothing', async () => {
    const id = await aDraft();
    const before = await counter();
    const e = await refusal(
      post(id, async () => {
        throw new DomainError('conflict', 'insufficient_stock');
      }),
    );
    expect(e.code).toBe('insufficient_stock');
    expect(await counter()).toBe(before);
    expect((await read(id)).status).toBe('draft');
  });

  it('refuses posting or reversing on or before the lock date (409 period_closed), before any work or number', async () => {
    const posted = await aDraft(10, '2026-01-05');
    await post(posted);
    const onLock = await aDraft(10, '2026-01-15');
    const after = await aDraft(10, '2026-01-16');
    lockDate = '2026-01-15';
    try {
      const before = await counter();
      let worked = false;
      const e = await refusal(
        post(onLock, async () => {
          worked = true;
          return { audit: { amountCents: 10 }, patch: { reason: 'posted' } };
        }),
      );
      expect([e.kind, e.code, e.options.params]).toEqual([
        'conflict',
        'period_closed',
        { date: '2026-01-15' },
      ]);
      expect([worked, await counter(), (await read(onLock)).status]).toEqual([false, before, 'draft']);
      const reverse = (docId: string, documentDate?: string) =>
        db.transaction().execute((trx) =>
          reversePosted(trx, SCRATCH, drafter, docId, {
            documentDate,
            today: '2026-02-01',
            work: async () => ({}),
          }),
        );
      // The original lies in the closed period, even when the mirror would be dated after it.
      expect((await refusal(reverse(posted, '2026-01-20'))).code).toBe('period_closed');
      expect((await read(posted)).status).toBe('posted');
      await post(after);
      // The lock date moves forward over a posted document: it cannot be reversed any more.
      lockDate = '2026-01-17';
      expect((await refusal(reverse(after, '2026-01-20'))).code).toBe('period_closed');
      lockDate = '2026-01-15';
      expect((await reverse(after, '2026-01-20')).number).toBeTruthy();
    } finally {
      lockDate = null;
    }
  });

  it('posts a draft once when two postings race for it', async () => {
    const id = await aDraft();
    const results = await Promise.allSettled([post(id), post(id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as DomainError).code).toBe('document_not_draft');
  });

  it('reverses by a mirror linked both ways, numbered in the same series, with the audit pair', async () => {
    const id = await aDraft(250);
    const { number } = await post(id);
    audits.length = 0;
    let seenMirror: ScratchDocument | undefined;
    const { mirrorId, number: mirrorNumber } = await db.transaction().execute((trx) =>
      reversePosted(trx, SCRATCH, drafter, id, {
        documentDate: '2026-01-12',
        today: '2026-02-01',
        mirror: () => ({ reason: 'грешка' }),
        work: async (original, mirror) => {
          seenMirror = mirror;
          return {
            patch: { amount_cents: -original.amount_cents },
            audit: { amountCents: -250 },
            searchText: 'грешка',
          };
        },
      }),
    );
    expect(seenMirror).toMatchObject({ id: mirrorId, status: 'draft', reversal_of_id: id, reason: 'грешка' });
    expect(await read(id)).toMatchObject({ status: 'reversed', reversed_by_id: mirrorId, number });
    expect(await read(mirrorId)).toMatchObject({
      status: 'posted',
      number: mirrorNumber,
      reversal_of_id: id,
      reversed_by_id: null,
      document_date: '2026-01-12',
      amount_cents: -250,
      created_by: drafter.userId,
      posted_by: drafter.userId,
      // Found by its own number and by everything the original is found by (its number too).
      search_text: `${mirrorNumber} ${number} draft ${id} грешка`,
    });
    expect(Number(mirrorNumber)).toBe(Number(number) + 1);
    expect(audits).toEqual([
      {
        action: 'scratch_document.reverse',
        entity: 'scratch_document',
        entityId: id,
        before: { status: 'posted' },
        after: { status: 'reversed', reversedById: mirrorId },
      },
      {
        action: 'scratch_document.post',
        entity: 'scratch_document',
        entityId: mirrorId,
        after: { number: mirrorNumber, reversalOfId: id, amountCents: -250 },
      },
    ]);

    const reverse = (docId: string, documentDate?: string) =>
      refusal(
        db.transaction().execute((trx) =>
          reversePosted(trx, SCRATCH, drafter, docId, {
            documentDate,
            today: '2026-02-01',
            work: async () => ({}),
          }),
        ),
      );
    const twice = await reverse(id);
    expect([twice.code, twice.options.extra]).toEqual(['already_reversed', { reversedById: mirrorId }]);
    expect((await reverse(mirrorId)).code).toBe('reversal_not_reversible');
    const draft = await aDraft();
    expect([(await reverse(draft)).code, (await reverse(draft)).options.extra]).toEqual([
      'document_not_posted',
      { documentId: draft },
    ]);
    const other = await aDraft(10, '2026-01-20');
    await post(other);
    const early = await reverse(other, '2026-01-19');
    expect([early.kind, early.code, early.options.field]).toEqual([
      'invalid',
      'reversal_before_original',
      'documentDate',
    ]);
    expect((await reverse(other, '2026-02-02')).code).toBe('date_in_future');
  });

  it('reads the print header: number, dates, drafter and poster by name, reversal links', async () => {
    const id = await aDraft();
    const draft = await documentPrintHeader(db, SCRATCH, id);
    expect(draft).toMatchObject({ status: 'draft', number: null, createdByName: 'Драгомир Чернов' });
    expect(draft?.compiledByName).toBe('Драгомир Чернов');
    const { number } = await post(id);
    const { mirrorId, number: mirrorNumber } = await db.transaction().execute((trx) =>
      reversePosted(trx, SCRATCH, poster, id, {
        today: '2026-02-01',
        documentDate: '2026-02-01',
        work: async () => ({}),
      }),
    );
    expect(await documentPrintHeader(db, SCRATCH, id)).toMatchObject({
      number,
      status: 'reversed',
      postedByName: 'Петя Осчетоводена',
      compiledByName: 'Петя Осчетоводена',
      reversalOf: null,
      reversedBy: { id: mirrorId, number: mirrorNumber, documentDate: '2026-02-01' },
    });
    expect(await documentPrintHeader(db, SCRATCH, mirrorId)).toMatchObject({
      reversalOf: { id, number, documentDate: '2026-01-10' },
      reversedBy: null,
    });
    expect(await documentPrintHeader(db, SCRATCH, 'missing')).toBeUndefined();
  });
});
