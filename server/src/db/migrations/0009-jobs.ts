import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * The job runner's queue: one row per job with its lease, retries and progress, so that several app instances on
 * one database run each job once and a job whose process died is found again (DESIGN.md "Jobs").
 */
export const jobs: Migration = {
  name: '0009-jobs',
  async up(db, dialect) {
    const c = columns(dialect);
    let job = db.schema.createTable('job');
    job = c.id(job);
    job = c.text(job, 'kind', (x) => x.notNull());
    job = c.json(job, 'payload');
    job = c.text(job, 'status', (x) =>
      x.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`),
    );
    job = c.int(job, 'attempts', (x) => x.notNull().defaultTo(0));
    job = c.int(job, 'max_attempts', (x) => x.notNull().defaultTo(3).check(sql`max_attempts >= 1`));
    job = c.instant(job, 'run_after', (x) => x.notNull());
    job = c.text(job, 'lease_owner');
    job = c.instant(job, 'lease_until');
    job = c.bigint(job, 'progress_done', (x) => x.notNull().defaultTo(0));
    job = c.bigint(job, 'progress_total');
    job = c.json(job, 'result_json');
    job = c.text(job, 'last_error');
    job = c.text(job, 'unique_key');
    job = c.text(job, 'created_by');
    job = c.instant(job, 'created_at', (x) => x.notNull());
    job = c.instant(job, 'updated_at', (x) => x.notNull());
    job = c.instant(job, 'started_at');
    job = c.instant(job, 'finished_at');
    await job.execute();
    await db.schema
      .createIndex('job_status_run_after_idx')
      .on('job')
      .columns(['status', 'run_after'])
      .execute();
    await db.schema.createIndex('job_created_at_idx').on('job').column('created_at').execute();
    // A pending periodic job holds its key; the key is cleared when the job ends, so at most one waits per kind.
    await db.schema.createIndex('job_unique_key_idx').on('job').column('unique_key').unique().execute();

    // A job's large text input (an import's CSV file, up to 20 MiB) in pieces of its own table: SQLite rewrites a
    // whole row on every update (the job row changes at every heartbeat), and writing or reading 20 MB in one
    // statement holds the event loop for a few hundred milliseconds. Stored before its job row, so no foreign key.
    let text = db.schema.createTable('job_text');
    text = c.text(text, 'job_id', (x) => x.notNull());
    text = c.int(text, 'seq', (x) => x.notNull());
    text = c.text(text, 'text', (x) => x.notNull());
    text = c.instant(text, 'created_at', (x) => x.notNull());
    text = text.addPrimaryKeyConstraint('job_text_pk', ['job_id', 'seq'] as never[]);
    await text.execute();
  },
};
