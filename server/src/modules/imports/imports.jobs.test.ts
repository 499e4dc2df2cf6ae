import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { JobRunner } from '../jobs';

describe.each(DIALECTS)('imports on the job runner on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  beforeAll(async () => {
    admin = await t.setup();
  });

  const postCsv = (session: Session, url: string, csv: string) => t.postCsv(session, url, csv);

  it('/api/health and a list answer while a 5,000-row import runs, before it finishes', async () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, i) => `person,Клиент ${i},,,,0888${String(i).padStart(6, '0')},,София,ул. ${i}`,
    );
    const file = ['type,name,uic,vat_number,mol,phone,email,city,address', ...rows].join('\n');
    const started = await postCsv(admin, '/api/v1/imports/customers/jobs', file);
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id as string;

    let answeredDuringImport = 0;
    let status = 'queued';
    for (let i = 0; i < 20_000 && status !== 'done' && status !== 'failed'; i++) {
      const before = (await t.request(admin, 'GET', `/api/v1/imports/jobs/${id}`)).json().status;
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      const list = await t.request(admin, 'GET', '/api/v1/parties?pageSize=1');
      status = (await t.request(admin, 'GET', `/api/v1/imports/jobs/${id}`)).json().status;
      expect(health.statusCode).toBe(200);
      expect(list.statusCode).toBe(200);
      // Both answered between two looks that saw the import writing rows (the phase that held SQLite's one
      // connection for the whole import when it was one transaction).
      if (before === 'importing' && status === 'importing') answeredDuringImport++;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(status).toBe('done');
    expect(answeredDuringImport, 'health answered while the import was writing').toBeGreaterThan(0);
    const job = (await t.request(admin, 'GET', `/api/v1/imports/jobs/${id}`)).json();
    expect(job).toMatchObject({ importedRows: 5_000, processedRows: 5_000, totalRows: 5_000 });
    const generic = (await t.request(admin, 'GET', `/api/v1/jobs/${id}`)).json();
    expect(generic).toMatchObject({
      kind: 'import',
      status: 'done',
      progress: { done: 5_000, total: 5_000 },
    });
    // The file is not kept once the job has ended.
    const stored = await t.db
      .selectFrom('job')
      .select('payload')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.payload).toBeNull();
  }, 120_000);

  it("an import whose process died while writing is failed 'interrupted' with the rows it had written", async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const id = '01900000-0000-7000-8000-0000000000b1';
    await t.db
      .insertInto('import_job')
      .values({
        id,
        entity: 'customers',
        file_name: 'big.csv',
        status: 'importing',
        only_valid: false,
        total_rows: 5000,
        processed_rows: 1500,
        imported_rows: 1500,
        created_by: admin.userId,
        created_at: past,
        updated_at: past,
      })
      .execute();
    await t.db
      .insertInto('job')
      .values({
        id,
        kind: 'import',
        payload: '{}',
        status: 'running',
        attempts: 1,
        max_attempts: 1,
        run_after: past,
        lease_owner: 'a-process-that-died',
        lease_until: past,
        progress_done: 1500,
        progress_total: 5000,
        created_by: admin.userId,
        created_at: past,
        updated_at: past,
        started_at: past,
      })
      .execute();
    expect((await t.request(admin, 'GET', `/api/v1/imports/jobs/${id}`)).json().status).toBe('importing');
    await new JobRunner(t.db).runOnce();
    expect((await t.request(admin, 'GET', `/api/v1/imports/jobs/${id}`)).json()).toMatchObject({
      status: 'failed',
      message: 'interrupted',
      importedRows: 1500,
      totalRows: 5000,
    });
  });

  it('the job list shows jobs to the office managers only, newest first, without their files', async () => {
    const manager = await t.signInAs('manager');
    const list = await t.request(manager, 'GET', '/api/v1/jobs?pageSize=5');
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.total).toBeGreaterThanOrEqual(2);
    const at = page.items.map((j: { createdAt: string }) => j.createdAt);
    expect(at).toEqual([...at].sort().reverse());
    expect(page.items).toContainEqual(
      expect.objectContaining({
        kind: 'import',
        status: 'failed',
        lastError: 'interrupted',
        createdByName: expect.any(String),
      }),
    );
    expect(page.items[0]).not.toHaveProperty('payload');
    const technician = await t.signInAs('technician');
    expect((await t.request(technician, 'GET', '/api/v1/jobs')).statusCode).toBe(403);
  });
});
