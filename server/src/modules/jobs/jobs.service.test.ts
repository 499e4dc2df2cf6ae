import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../../test/harness';
import { type DatabaseHandle, openDatabase } from '../../db/database';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { DomainError, type ErrorKind } from '../../kernel/errors';
import {
  enqueueJob,
  getJob,
  JobError,
  JobRunner,
  registerJobHandler,
  retryDelayMs,
  schedulePeriodic,
  unregisterJobHandler,
  unschedulePeriodic,
} from './index';
import { ensurePeriodicJob } from './jobs.service';

/** Every run of every test job, by job id: a job that runs twice shows up twice. */
const runs: string[] = [];
let failuresLeft = new Map<string, number>();

// The kinds below are this file's: the next test file in the same worker (test modules are shared, vitest.config.ts)
// must not see them.
const TEST_KINDS = ['test.count', 'test.flaky', 'test.domain', 'test.slow', 'test.periodic'];
afterAll(() => {
  for (const kind of TEST_KINDS) unregisterJobHandler(kind);
});

registerJobHandler<{ n: number }>('test.count', async (ctx) => {
  runs.push(ctx.id);
  // Some work with pauses, so that a second runner gets its turn while this one holds the job.
  for (let i = 0; i < 3; i++) await ctx.pause();
  await ctx.progress(ctx.payload.n, ctx.payload.n);
  return { n: ctx.payload.n };
});

registerJobHandler('test.flaky', async (ctx) => {
  runs.push(ctx.id);
  const left = failuresLeft.get(ctx.id) ?? 0;
  if (left > 0) {
    failuresLeft.set(ctx.id, left - 1);
    throw new JobError('flaky_failure');
  }
  return 'ok';
});

/** Fails with a domain error of the kind in its payload, every time. */
registerJobHandler<{ kind: ErrorKind }>('test.domain', async (ctx) => {
  runs.push(ctx.id);
  throw new DomainError(ctx.payload.kind, `test_${ctx.payload.kind}`);
});

registerJobHandler(
  'test.slow',
  async (ctx) => {
    runs.push(ctx.id);
    const until = Date.now() + 400;
    while (Date.now() < until) await new Promise((r) => setTimeout(r, 20)).then(() => ctx.pause());
  },
  { maxAttempts: 2 },
);

registerJobHandler('test.periodic', async (ctx) => {
  runs.push(ctx.id);
});

describe.each(DIALECTS)('job runner on %s', (dialect) => {
  let tdb: TestDatabase;
  let second: DatabaseHandle;

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    // A second connection to the same database, as a second app instance would have.
    second = openDatabase(tdb.config.database);
  });
  afterAll(async () => {
    await second?.close();
    await tdb?.drop();
  });

  const db = () => tdb.handle.db;

  it('two runners on one database claim 30 jobs between them, and each job runs exactly once', async () => {
    runs.length = 0;
    const ids: string[] = [];
    for (let n = 0; n < 30; n++)
      ids.push(await enqueueJob(db(), SYSTEM_ACTOR, { kind: 'test.count', payload: { n } }));
    const a = new JobRunner(db(), { owner: 'runner-a' });
    const b = new JobRunner(second.db, { owner: 'runner-b' });
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);
    expect(ranA + ranB).toBe(30);
    expect(ranA, 'both runners took part').toBeGreaterThan(0);
    expect(ranB, 'both runners took part').toBeGreaterThan(0);
    expect([...runs].sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const job = await getJob(db(), id);
      expect(job).toMatchObject({ status: 'done', attempts: 1, lastError: null });
      expect(job.progress.done).toBe(job.progress.total);
    }
  });

  it('a failing job is tried again after a growing delay, and fails for good after its last attempt', async () => {
    runs.length = 0;
    const runner = new JobRunner(db(), { backoffMs: 1, maxBackoffMs: 50 });
    const recovers = await enqueueJob(db(), SYSTEM_ACTOR, { kind: 'test.flaky' });
    const gives = await enqueueJob(db(), SYSTEM_ACTOR, { kind: 'test.flaky' });
    failuresLeft = new Map([
      [recovers, 2],
      [gives, 99],
    ]);
    for (let i = 0; i < 40 && runs.length < 6; i++) {
      await runner.drain();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await getJob(db(), recovers)).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(await getJob(db(), gives)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'flaky_failure',
    });
    expect(runs.filter((id) => id === gives)).toHaveLength(3);
    expect([1, 2, 3, 4, 20].map((n) => retryDelayMs(n, 1000, 60_000))).toEqual([
      1000, 2000, 4000, 8000, 60_000,
    ]);
  });

  it("a domain error fails the job at once with its code; only an 'internal' one is tried again", async () => {
    runs.length = 0;
    const runner = new JobRunner(db(), { backoffMs: 1, maxBackoffMs: 5 });
    const refused = await enqueueJob(db(), SYSTEM_ACTOR, {
      kind: 'test.domain',
      payload: { kind: 'conflict' },
    });
    const broken = await enqueueJob(db(), SYSTEM_ACTOR, {
      kind: 'test.domain',
      payload: { kind: 'internal' },
    });
    for (let i = 0; i < 40 && runs.length < 4; i++) {
      await runner.drain();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await getJob(db(), refused)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'test_conflict',
    });
    expect(await getJob(db(), broken)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'test_internal',
    });
  });

  it("a job whose process died (lease expired while running) is retried if attempts remain, else failed 'interrupted'", async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const insert = (id: string, attempts: number) =>
      db()
        .insertInto('job')
        .values({
          id,
          kind: 'test.count',
          payload: JSON.stringify({ n: 1 }),
          status: 'running',
          attempts,
          max_attempts: 2,
          run_after: past,
          lease_owner: 'dead-process',
          lease_until: past,
          created_by: null,
          created_at: past,
          updated_at: past,
          started_at: past,
        })
        .execute();
    await insert('01900000-0000-7000-8000-0000000000a1', 1);
    await insert('01900000-0000-7000-8000-0000000000a2', 2);
    runs.length = 0;
    await new JobRunner(db()).drain();
    expect(await getJob(db(), '01900000-0000-7000-8000-0000000000a1')).toMatchObject({
      status: 'done',
      attempts: 2,
    });
    expect(await getJob(db(), '01900000-0000-7000-8000-0000000000a2')).toMatchObject({
      status: 'failed',
      lastError: 'interrupted',
    });
    expect(runs).toEqual(['01900000-0000-7000-8000-0000000000a1']);
  });

  it('the heartbeat keeps a long job to its runner: another runner does not take it over', async () => {
    runs.length = 0;
    const id = await enqueueJob(db(), SYSTEM_ACTOR, { kind: 'test.slow' });
    const a = new JobRunner(db(), { owner: 'runner-a', leaseMs: 90 });
    const b = new JobRunner(second.db, { owner: 'runner-b', leaseMs: 90 });
    const first = a.runOnce();
    await new Promise((r) => setTimeout(r, 250)); // well past the first lease
    expect(await b.runOnce()).toBe(false);
    expect(await first).toBe(true);
    expect(runs).toEqual([id]);
    expect(await getJob(db(), id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('stopping the runner interrupts the running job, which waits in the queue for the next start', async () => {
    runs.length = 0;
    const id = await enqueueJob(db(), SYSTEM_ACTOR, { kind: 'test.slow' });
    const runner = new JobRunner(db(), { pollMs: 10 });
    runner.start();
    for (let i = 0; i < 100 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    await runner.stop();
    expect(await getJob(db(), id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'interrupted' });
    await new JobRunner(db()).drain();
    expect(await getJob(db(), id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('a periodic kind has at most one job waiting, and runs again after its interval', async () => {
    runs.length = 0;
    expect(await ensurePeriodicJob(db(), 'test.periodic', 60_000)).toBe(true);
    expect(await ensurePeriodicJob(second.db, 'test.periodic', 60_000)).toBe(false);
    const pending = await db()
      .selectFrom('job')
      .select('id')
      .where('kind', '=', 'test.periodic')
      .where('status', '=', 'queued')
      .execute();
    expect(pending).toHaveLength(1);
    schedulePeriodic('test.periodic', 60_000);
    try {
      const runner = new JobRunner(db(), { pollMs: 1 });
      expect(await runner.drain()).toBe(1);
      // The next run waits for its interval: queued, not due.
      await new Promise((r) => setTimeout(r, 15));
      expect(await runner.drain()).toBe(0);
      const next = await db()
        .selectFrom('job')
        .select(['run_after', 'status'])
        .where('kind', '=', 'test.periodic')
        .where('status', '=', 'queued')
        .execute();
      expect(next).toHaveLength(1);
      expect(new Date(next[0]?.run_after as string).getTime()).toBeGreaterThan(Date.now() + 50_000);
    } finally {
      unschedulePeriodic('test.periodic');
    }
    expect(runs).toHaveLength(1);
  });
});
