import { randomUUID } from 'node:crypto';
import type { Db, Executor } from '../../db/database';
import { mapPage } from '../../db/list';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import * as repo from './jobs.repository';
import type { Job, JobListQuery } from './jobs.schema';

/** What a running handler may do: read its payload, report progress (which renews its lease), let others run. */
export interface JobContext<Payload = unknown> {
  /** The runner's database. */
  db: Db;
  id: string;
  kind: string;
  /** 1 on the first try. */
  attempt: number;
  payload: Payload;
  /** The job's large text input, as queued (an import's file), or null. */
  text: string | null;
  createdBy: string | null;
  /** Aborted when the runner stops or the lease is lost; pause() and progress() then throw 'interrupted'. */
  signal: AbortSignal;
  /** Stores the progress on the job row and renews the lease. */
  progress(done: number, total?: number | null): Promise<void>;
  /** Gives the event loop to other requests (setImmediate) between slices of work. */
  pause(): Promise<void>;
}

export type JobHandler<Payload = unknown> = (ctx: JobContext<Payload>) => Promise<unknown>;

export interface JobKindOptions {
  /** How many times a job of this kind is tried (default 3); 1 for work that must not be repeated half-done. */
  maxAttempts?: number;
  /** Drops the payloads when the job ends (an import's file: megabytes nobody needs afterwards). */
  clearPayload?: boolean;
}

/** A failure a handler names; `retryable: false` fails the job at once whatever attempts are left. */
export class JobError extends Error {
  constructor(
    readonly code: string,
    readonly retryable = true,
  ) {
    super(code);
  }
}

/** A handler's final failure that still has a result to keep (an import refused for errors keeps its counts). */
export class JobFailure extends JobError {
  constructor(
    code: string,
    readonly result: unknown,
  ) {
    super(code, false);
  }
}

const INTERRUPTED = 'interrupted';

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Registered {
  handler: JobHandler<never>;
  options: Required<JobKindOptions>;
}

const handlers = new Map<string, Registered>();
const periodic = new Map<string, number>();

/** Makes jobs of `kind` runnable: every runner in this process takes them from the queue. */
export function registerJobHandler<Payload>(
  kind: string,
  handler: JobHandler<Payload>,
  options: JobKindOptions = {},
): void {
  handlers.set(kind, {
    handler: handler as JobHandler<never>,
    options: { maxAttempts: options.maxAttempts ?? 3, clearPayload: options.clearPayload ?? false },
  });
}

/** Forgets a kind's handler and schedule: a test that registered kinds of its own removes them when it ends. */
export function unregisterJobHandler(kind: string): void {
  handlers.delete(kind);
  periodic.delete(kind);
}

/** The kinds with a handler in this process. */
export function registeredJobKinds(): string[] {
  return [...handlers.keys()];
}

/** Runs `kind` every `everyMs` after the previous run ended: at most one job of the kind waits at any time. */
export function schedulePeriodic(kind: string, everyMs: number): void {
  if (!(everyMs > 0)) throw new Error(`schedulePeriodic(${kind}): everyMs must be positive`);
  periodic.set(kind, everyMs);
}

/** Stops scheduling `kind` (tests). */
export function unschedulePeriodic(kind: string): void {
  periodic.delete(kind);
}

/** Queues a job; it runs on whichever runner claims it first. Pass the caller's transaction to queue it atomically. */
export async function enqueueJob(
  db: Executor,
  actor: Actor,
  job: {
    kind: string;
    payload?: unknown;
    text?: string;
    runAfter?: string;
    maxAttempts?: number;
    id?: string;
  },
): Promise<string> {
  const registered = handlers.get(job.kind);
  const now = nowIso();
  const id = job.id ?? newId();
  await repo.insertJob(db, {
    id,
    kind: job.kind,
    payload: job.payload === undefined ? null : JSON.stringify(job.payload),
    status: 'queued',
    max_attempts: job.maxAttempts ?? registered?.options.maxAttempts ?? 3,
    run_after: job.runAfter ?? now,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/**
 * Stores a large text input (an import's file) for the job `jobId` about to be queued, in pieces with pauses between
 * them, so other requests run meanwhile; call it before enqueueJob with the same id. The handler reads it as ctx.text.
 */
export async function storeJobText(db: Executor, jobId: string, text: string): Promise<void> {
  await repo.insertJobText(db, jobId, text, immediate);
}

/** Queues the next run of a periodic kind unless one is already waiting or running (the unique key guards races). */
export async function ensurePeriodicJob(db: Executor, kind: string, everyMs: number): Promise<boolean> {
  const last = await repo.lastFinishedAt(db, kind);
  const now = Date.now();
  const runAt = last ? Math.max(now, new Date(last).getTime() + everyMs) : now;
  const stamp = nowIso();
  return repo.insertJob(db, {
    id: newId(),
    kind,
    payload: null,
    status: 'queued',
    max_attempts: handlers.get(kind)?.options.maxAttempts ?? 3,
    run_after: new Date(runAt).toISOString(),
    unique_key: `periodic:${kind}`,
    created_by: null,
    created_at: stamp,
    updated_at: stamp,
  });
}

function toJob(r: repo.JobSummaryRow & { created_by_name?: string | null }): Job {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAfter: r.run_after,
    progress: { done: r.progress_done, total: r.progress_total },
    lastError: r.last_error,
    createdBy: r.created_by,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/** One job without its payload. */
export async function getJob(db: Executor, id: string): Promise<Job> {
  const row = await repo.findJob(db, id);
  if (!row) throw notFound('job');
  return toJob(row);
}

/** The raw job row without its payload, for modules that keep their own view of a job (imports). */
export async function findJobRow(db: Executor, id: string): Promise<repo.JobSummaryRow | undefined> {
  return repo.findJob(db, id);
}

/** Jobs newest first, without payloads. */
export async function listJobs(db: Executor, query: JobListQuery): Promise<PageOf<Job>> {
  const page = await repo.listJobs(db, { kind: query.kind, status: query.status }, query);
  return mapPage(page, (rows) => rows.map(toJob));
}

export interface RunnerOptions {
  /** This runner's name in lease_owner; unique per process by default. */
  owner?: string;
  /** How often an idle runner looks for due jobs. */
  pollMs?: number;
  /** How long a claimed job is ours without a heartbeat; a dead process's jobs are recovered after this. */
  leaseMs?: number;
  /** First retry delay; doubled on every further attempt, up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  log?: { error(obj: unknown, msg?: string): void; warn?(obj: unknown, msg?: string): void };
}

/** The delay before retry number `attempt` (1 after the first failure): exponential, capped. */
export function retryDelayMs(attempt: number, backoffMs: number, maxBackoffMs: number): number {
  return Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, attempt - 1));
}

function errorCode(e: unknown): { code: string; retryable: boolean } {
  if (e instanceof JobError) return { code: e.code, retryable: e.retryable };
  // Bad input does not get better by trying again.
  if (e instanceof DomainError) return { code: e.code, retryable: e.kind === 'internal' };
  return { code: 'internal_error', retryable: true };
}

/**
 * Takes due jobs from the `job` table and runs them, one at a time, each under a lease that a heartbeat renews.
 * Several runners (processes or instances) may share one database: a job is claimed by one guarded update.
 */
export class JobRunner {
  readonly owner: string;
  readonly #db: Db;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #backoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #log: RunnerOptions['log'];
  #loop: Promise<void> | null = null;
  #stopping = false;
  #wake: (() => void) | null = null;
  #current: AbortController | null = null;
  readonly #periodicCheckedAt = new Map<string, number>();

  constructor(db: Db, options: RunnerOptions = {}) {
    this.#db = db;
    this.owner = options.owner ?? `runner-${randomUUID()}`;
    this.#pollMs = options.pollMs ?? 1000;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#backoffMs = options.backoffMs ?? 5_000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
    this.#log = options.log;
  }

  /** Starts polling in the background until stop(). */
  start(): void {
    if (this.#loop) return;
    this.#stopping = false;
    this.#loop = this.#run();
  }

  /** Looks for work now instead of at the next poll (after queuing a job in this process). */
  wake(): void {
    this.#wake?.();
  }

  /** Stops taking jobs, interrupts the running one at its next slice and waits for it to let go. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#current?.abort();
    this.#wake?.();
    await this.#loop;
    this.#loop = null;
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      let ran = false;
      try {
        ran = await this.runOnce();
      } catch (err) {
        this.#log?.error({ err }, 'job runner tick failed');
      }
      if (this.#stopping) continue;
      if (ran) {
        // Requests waiting meanwhile go first: on SQLite a job's reads and writes never leave the microtask queue, so
        // without this turn a queue of jobs (a PDF each) would hold every request for as long as it lasts.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#pollMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }

  /** Runs jobs until none is due (tests drive a runner with this). */
  async drain(): Promise<number> {
    let n = 0;
    while (await this.runOnce()) n++;
    return n;
  }

  /** One turn: recover expired jobs, queue due periodic jobs, claim one due job and run it. True if a job ran. */
  async runOnce(): Promise<boolean> {
    const db = this.#db;
    await repo.recoverExpiredJobs(db, nowIso());
    await this.#ensurePeriodic();
    if (this.#stopping) return false;
    const now = Date.now();
    const row = await repo.claimNextJob(
      db,
      this.owner,
      new Date(now).toISOString(),
      new Date(now + this.#leaseMs).toISOString(),
      [...handlers.keys()],
    );
    if (!row) return false;
    await this.#execute(row);
    return true;
  }

  async #ensurePeriodic(): Promise<void> {
    const now = Date.now();
    for (const [kind, everyMs] of periodic) {
      if (!handlers.has(kind)) continue;
      const checked = this.#periodicCheckedAt.get(kind) ?? 0;
      if (now - checked < Math.min(everyMs, this.#pollMs * 10)) continue;
      await ensurePeriodicJob(this.#db, kind, everyMs);
      this.#periodicCheckedAt.set(kind, now);
    }
  }

  async #execute(row: repo.JobRow): Promise<void> {
    const db = this.#db;
    const registered = handlers.get(row.kind) as Registered;
    const text = await repo.findJobText(db, row.id, immediate);
    const abort = new AbortController();
    this.#current = abort;
    if (this.#stopping) abort.abort();
    const leaseUntil = () => new Date(Date.now() + this.#leaseMs).toISOString();
    const interrupted = () => new JobError(INTERRUPTED);
    const heartbeat = setInterval(
      () => {
        repo
          .renewLease(db, row.id, this.owner, leaseUntil())
          .then((held) => {
            if (!held) abort.abort();
          })
          .catch((err) => this.#log?.error({ err, jobId: row.id }, 'job lease renewal failed'));
      },
      Math.max(10, Math.floor(this.#leaseMs / 3)),
    );
    const ctx: JobContext<never> = {
      db,
      id: row.id,
      kind: row.kind,
      attempt: row.attempts,
      payload: (row.payload === null ? null : JSON.parse(row.payload)) as never,
      text,
      createdBy: row.created_by,
      signal: abort.signal,
      progress: async (done, total) => {
        if (abort.signal.aborted) throw interrupted();
        const held = await repo.renewLease(db, row.id, this.owner, leaseUntil(), {
          done,
          total: total === undefined ? row.progress_total : total,
        });
        if (!held) {
          abort.abort();
          throw interrupted();
        }
      },
      pause: async () => {
        await immediate();
        if (abort.signal.aborted) throw interrupted();
      },
    };
    try {
      const result = await registered.handler(ctx);
      await repo.endJob(db, row.id, this.owner, {
        status: 'done',
        resultJson: result === undefined ? null : JSON.stringify(result),
        lastError: null,
        clearPayload: registered.options.clearPayload,
      });
    } catch (e) {
      const { code, retryable } = abort.signal.aborted
        ? { code: INTERRUPTED, retryable: true }
        : errorCode(e);
      if (code === 'internal_error')
        this.#log?.error({ err: e, jobId: row.id, kind: row.kind }, 'job failed');
      if (retryable && row.attempts < row.max_attempts) {
        const delay =
          code === INTERRUPTED ? 0 : retryDelayMs(row.attempts, this.#backoffMs, this.#maxBackoffMs);
        await repo.requeueJob(db, row.id, this.owner, new Date(Date.now() + delay).toISOString(), code);
      } else {
        await repo.endJob(db, row.id, this.owner, {
          status: 'failed',
          resultJson: e instanceof JobFailure ? JSON.stringify(e.result) : null,
          lastError: code,
          clearPayload: registered.options.clearPayload,
        });
      }
    } finally {
      clearInterval(heartbeat);
      this.#current = null;
    }
  }
}
