import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { type AuditAction, type AuditEntity, recordAudit } from '../audit';
import { registerImportAdapter } from './imports.registry';
import type { ImportEntity } from './imports.schema';
import type { RowError } from './imports.types';

/** A tiny importable entity for testing the import machinery: users' audit notes keyed by a unique code. */
registerImportAdapter({
  entity: 'test-notes' as string as ImportEntity, // the test's own, which no module imports
  rule: ['admin', 'manager', 'storekeeper'],
  columns: ['code', 'amount_eur', 'note'],
  requiredColumns: ['code', 'amount_eur'],
  row: z.object({
    code: z.string().min(1),
    amount_eur: z.string().refine((v) => /^\d+(\.\d{1,2})?$/.test(v), { params: { code: 'invalid_value' } }),
    note: z.string(),
  }),
  async check(db, rows) {
    const errors = new Map<number, RowError[]>();
    const existing = new Set(
      (await db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'test_note').execute()).map(
        (r) => r.entity_id,
      ),
    );
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (existing.has(r.code) || seen.has(r.code))
        errors.set(i, [{ field: 'code', code: 'duplicate_code' }]);
      seen.add(r.code);
    });
    return errors;
  },
  async insert(trx, actor, rows) {
    for (const r of rows)
      await recordAudit(trx, actor, {
        // The test's own record, which no module writes.
        action: 'test.note' as string as AuditAction,
        entity: 'test_note' as string as AuditEntity,
        entityId: r.code,
        after: r,
      });
  },
});

function csv(rows: string[]): string {
  return ['code,amount_eur,note', ...rows].join('\n');
}

describe.each(DIALECTS)('CSV import on %s', (dialect) => {
  // No background runner: a test runs the queued import itself and then reads it.
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;

  const post = (url: string, body: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
      payload: body,
    });

  /** Runs the queued jobs to their end and answers the import as the API shows it. */
  async function finished(id: string) {
    await t.app.jobs.drain();
    const job = (await t.request(admin, 'GET', `/api/v1/imports/jobs/${id}`)).json();
    expect(['done', 'failed'], `import ${id} ended`).toContain(job.status);
    return job;
  }

  const notes = async () =>
    (
      await t.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity', '=', 'test_note')
        .orderBy('entity_id')
        .execute()
    ).map((r) => r.entity_id);

  beforeAll(async () => {
    admin = await t.setup();
  });

  it('lists every importable entity with the columns of its file, before any file is chosen', async () => {
    const { entities } = (await t.request(admin, 'GET', '/api/v1/imports')).json();
    expect(entities).toContainEqual(
      expect.objectContaining({
        entity: 'test-notes',
        columns: ['code', 'amount_eur', 'note'],
        requiredColumns: ['code', 'amount_eur'],
      }),
    );
    const names = entities.map((e: { entity: string }) => e.entity);
    expect(names).toEqual(expect.arrayContaining(['customers', 'parts', 'items', 'warehouses']));
    expect(names).toEqual([...names].sort());
  });

  it('previews the first rows with their errors and writes nothing', async () => {
    const before = await snapshotDatabase(t.db);
    const res = await post(
      '/api/v1/imports/test-notes/preview',
      csv(['A1,1.50,първи', 'A2,abc,втори', 'A1,2,дубликат', '"A4","3.00","с, запетая"']),
    );
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ totalRows: 4, validRows: 2, errorRows: 2 });
    expect(p.errors).toEqual([
      { row: 3, field: 'amount_eur', code: 'invalid_value', message: 'Невалидна стойност в „amount_eur“.' },
      { row: 4, field: 'code', code: 'duplicate_code', message: expect.any(String) },
    ]);
    expect(p.sample[3].values.note).toBe('с, запетая');
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('refuses unknown or missing columns and empty files', async () => {
    expect(
      (await post('/api/v1/imports/test-notes/preview', 'code,amount_eur,colour\nA,1,red')).json(),
    ).toMatchObject({ code: 'unknown_column', field: 'colour' });
    expect((await post('/api/v1/imports/test-notes/preview', 'note\nx')).json()).toMatchObject({
      code: 'missing_column',
      field: 'code',
    });
    expect((await post('/api/v1/imports/test-notes/preview', 'code,amount_eur\n')).json()).toMatchObject({
      code: 'empty_file',
    });
    expect((await post('/api/v1/imports/nothing/preview', 'a\n1')).statusCode).toBe(404);
  });

  it('a file with errors imports nothing; asked for only the valid rows, it imports those and reports the rest', async () => {
    const file = csv(['B1,1,x', 'B2,-1,y', 'B3,2,z']);
    const refused = await finished((await post('/api/v1/imports/test-notes/jobs', file)).json().id);
    expect(refused).toMatchObject({
      status: 'failed',
      message: 'has_errors',
      importedRows: 0,
      rejectedRows: 1,
      totalRows: 3,
    });
    expect(await notes()).toEqual([]);

    const partial = await post('/api/v1/imports/test-notes/jobs?onlyValid=true', file);
    expect(partial.statusCode).toBe(202);
    const job = await finished(partial.json().id);
    expect(job).toMatchObject({ status: 'done', importedRows: 2, rejectedRows: 1, processedRows: 3 });
    expect(await notes()).toEqual(['B1', 'B3']);
    const report = await t.request(admin, 'GET', `/api/v1/imports/jobs/${job.id}/report.csv`);
    expect(report.headers['content-type']).toContain('text/csv');
    expect(report.body).toContain('row,field,code,message');
    expect(report.body).toContain('3,amount_eur,invalid_value');
  });

  it('a clean file imports every row', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `C${i},${i}.10,ред ${i}`);
    const job = await finished((await post('/api/v1/imports/test-notes/jobs', csv(rows))).json().id);
    expect(job).toMatchObject({ status: 'done', importedRows: 600, rejectedRows: 0 });
    expect((await notes()).filter((n) => n?.startsWith('C'))).toHaveLength(600);
  });
});
