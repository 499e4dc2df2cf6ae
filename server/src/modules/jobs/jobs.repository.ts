import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listPage } from '../../db/list';
import { dialectOf } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type { JobTable } from './jobs.table';

/** Every column but the payloads, which may be megabytes and is read only by the runner that claims the job. */
export const JOB_SUMMARY_COLUMNS = [
  'job.id',
  'job.kind',
  'job.status',
  'job.attempts',
  'job.max_attempts',
  'job.run_after',
  'job.lease_owner',
  'job.lease_until',
  'job.progress_done',
  'job.progress_total',
  'job.result_json',
  'job.last_error',
  'job.created_by',
  'job.created_at',
  'job.updated_at',
  'job.started_at',
  'job.finished_at',
] as const;

export type JobRow = Selectable<JobTable>;
export type JobSummaryRow = Omit<JobRow, 'payload' | 'unique_key'>;

export async function insertJob(db: Executor, row: Insertable<JobTable>): Promise<boolean> {
  const r = await db
    .insertInto('job')
    .values(row)
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Takes the next due job for `owner` in one guarded statement: the row must still be queued when it is updated, so
 * two runners never take the same job. On PostgreSQL the pick skips rows another runner has locked.
 */
export async function claimNextJob(
  db: Executor,
  owner: string,
  now: string,
  leaseUntil: string,
  kinds: readonly string[],
): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  let pick = db
    .selectFrom('job')
    .select('id')
    .where('status', '=', 'queued')
    .where('run_after', '<=', now)
    .where('kind', 'in', kinds)
    .orderBy('run_after')
    .orderBy('id')
    .limit(1);
  if (dialectOf(db) === 'postgres') pick = pick.forUpdate().skipLocked();
  return db
    .updateTable('job')
    .set((eb) => ({
      status: 'running',
      lease_owner: owner,
      lease_until: leaseUntil,
      attempts: eb('attempts', '+', 1),
      started_at: now,
      updated_at: now,
    }))
    .where('id', '=', pick)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/** Extends the lease of a running job this owner holds; false when the lease was lost (another runner recovered it). */
export async function renewLease(
  db: Executor,
  id: string,
  owner: string,
  leaseUntil: string,
  progress?: { done: number; total: number | null },
): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({
      lease_until: leaseUntil,
      updated_at: new Date().toISOString(),
      ...(progress ? { progress_done: progress.done, progress_total: progress.total } : {}),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a running job this owner holds: done or failed for good; its unique key is freed for the next one. */
export async function endJob(
  db: Executor,
  id: string,
  owner: string,
  end: {
    status: 'done' | 'failed';
    resultJson: string | null;
    lastError: string | null;
    clearPayload: boolean;
  },
): Promise<boolean> {
  const now = new Date().toISOString();
  const r = await db
    .updateTable('job')
    .set({
      status: end.status,
      result_json: end.resultJson,
      last_error: end.lastError,
      lease_owner: null,
      lease_until: null,
      unique_key: null,
      finished_at: now,
      updated_at: now,
      ...(end.clearPayload ? { payload: null } : {}),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  if (end.clearPayload) await deleteJobText(db, id);
  return true;
}

/** Characters of a job's text per row. */
const TEXT_PIECE_CHARS = 256 * 1024;

/** Stores a job's large text a piece per statement, with `pause` between pieces, before the job row exists. */
export async function insertJobText(
  db: Executor,
  jobId: string,
  text: string,
  pause: () => Promise<void>,
): Promise<void> {
  const now = new Date().toISOString();
  for (let seq = 0, at = 0; at < text.length || seq === 0; seq++, at += TEXT_PIECE_CHARS) {
    await db
      .insertInto('job_text')
      .values({ job_id: jobId, seq, text: text.slice(at, at + TEXT_PIECE_CHARS), created_at: now })
      .execute();
    await pause();
  }
}

/** A job's large text, read a piece at a time with `pause` between pieces; null when it has none. */
export async function findJobText(
  db: Executor,
  jobId: string,
  pause: () => Promise<void>,
): Promise<string | null> {
  const parts: string[] = [];
  for (let seq = 0; ; seq++) {
    const r = await db
      .selectFrom('job_text')
      .select('text')
      .where('job_id', '=', jobId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    if (!r) break;
    parts.push(r.text);
    await pause();
  }
  return parts.length ? parts.join('') : null;
}

export async function deleteJobText(db: Executor, jobId: string): Promise<void> {
  await db.deleteFrom('job_text').where('job_id', '=', jobId).execute();
}

/**
 * Texts nobody will read again: of jobs that ended, and pieces an enqueue stored before it died (older than an
 * hour and with no job row).
 */
export async function deleteStaleJobTexts(db: Executor, now: string): Promise<void> {
  const hourAgo = new Date(new Date(now).getTime() - 3_600_000).toISOString();
  await db
    .deleteFrom('job_text')
    .where((eb) =>
      eb.or([
        eb('job_id', 'in', eb.selectFrom('job').select('id').where('status', 'in', ['done', 'failed'])),
        eb.and([
          eb('created_at', '<', hourAgo),
          eb.not(eb.exists(eb.selectFrom('job').select('id').whereRef('job.id', '=', 'job_text.job_id'))),
        ]),
      ]),
    )
    .execute();
}

/** Puts a running job back in the queue to be tried again at runAfter. */
export async function requeueJob(
  db: Executor,
  id: string,
  owner: string,
  runAfter: string,
  lastError: string,
): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({
      status: 'queued',
      lease_owner: null,
      lease_until: null,
      run_after: runAfter,
      last_error: lastError,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Jobs still marked running whose lease ran out: their process died or hung. Those with attempts left go back to
 * the queue; the others fail with 'interrupted'. Each update is guarded, so two runners recover a job once.
 */
export async function recoverExpiredJobs(
  db: Executor,
  now: string,
): Promise<{ requeued: number; failed: number }> {
  const requeued = await db
    .updateTable('job')
    .set({
      status: 'queued',
      lease_owner: null,
      lease_until: null,
      run_after: now,
      last_error: 'interrupted',
      updated_at: now,
    })
    .where('status', '=', 'running')
    .where('lease_until', '<', now)
    .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
    .executeTakeFirst();
  const failed = await db
    .updateTable('job')
    .set({
      status: 'failed',
      lease_owner: null,
      lease_until: null,
      unique_key: null,
      last_error: 'interrupted',
      finished_at: now,
      updated_at: now,
    })
    .where('status', '=', 'running')
    .where('lease_until', '<', now)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  // A job that ended here will not run again: its large input goes.
  if (Number(failed.numUpdatedRows) > 0) await deleteStaleJobTexts(db, now);
  return { requeued: Number(requeued.numUpdatedRows), failed: Number(failed.numUpdatedRows) };
}

export async function findJob(db: Executor, id: string): Promise<JobSummaryRow | undefined> {
  return db.selectFrom('job').select(JOB_SUMMARY_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** When the last job of a kind ended, for spacing periodic runs. */
export async function lastFinishedAt(db: Executor, kind: string): Promise<string | null> {
  const r = await db
    .selectFrom('job')
    .select((eb) => eb.fn.max('finished_at').as('at'))
    .where('kind', '=', kind)
    .executeTakeFirst();
  return (r?.at as string | null | undefined) ?? null;
}

/** Newest first; the id breaks ties of one instant. */
const NEWEST_FIRST: ListOrder = { terms: ['job.created_at', 'job.id'], direction: 'desc' };

export async function listJobs(db: Executor, filter: { kind?: string; status?: string }, page: PageRequest) {
  let q = db.selectFrom('job');
  if (filter.kind) q = q.where('job.kind', '=', filter.kind);
  if (filter.status) q = q.where('job.status', '=', filter.status as JobRow['status']);
  const query = q
    .leftJoin('app_user', 'app_user.id', 'job.created_by')
    .select(JOB_SUMMARY_COLUMNS)
    .select('app_user.full_name as created_by_name');
  return listPage(query, NEWEST_FIRST, page);
}
