import { columns, type Migration } from './helpers';

/** CSV import jobs: their progress and the report of rejected rows. */
export const imports: Migration = {
  name: '0006-imports',
  async up(db, dialect) {
    const c = columns(dialect);
    let job = db.schema.createTable('import_job');
    job = c.id(job);
    job = c.text(job, 'entity', (x) => x.notNull());
    job = c.text(job, 'file_name');
    job = c.text(job, 'status', (x) => x.notNull());
    job = c.bool(job, 'only_valid', false);
    job = c.int(job, 'total_rows', (x) => x.notNull().defaultTo(0));
    job = c.int(job, 'processed_rows', (x) => x.notNull().defaultTo(0));
    job = c.int(job, 'imported_rows', (x) => x.notNull().defaultTo(0));
    job = c.int(job, 'rejected_rows', (x) => x.notNull().defaultTo(0));
    job = c.json(job, 'report_json');
    job = c.text(job, 'message');
    job = c.text(job, 'created_by');
    job = c.instant(job, 'created_at', (x) => x.notNull());
    job = c.instant(job, 'updated_at', (x) => x.notNull());
    job = c.instant(job, 'finished_at');
    await job.execute();
    await db.schema.createIndex('import_job_created_at_idx').on('import_job').column('created_at').execute();
  },
};
