/**
 * Back-dated stock postings (issue 10, ADR 0010) on SQLite and, when it answers, PostgreSQL:
 *  - a part with 10,000 later movements in its store (1,000 issues of 10 lines, spread over the last 29 days):
 *    posting a receipt dated 30 days back re-costs all of them, their 1,000 documents and 10,000 lines;
 *  - a part that feeds a van through 1,000 later transfers (and the van's 1,000 issues): a receipt dated 30 days
 *    back re-costs the store's transfers, and through them the van's receipts and issues;
 * each posted 5 times (every posting re-costs everything after it again), median and worst in ms, and what the
 * posting re-costed.
 * Usage: npm run bench:stock-dated [-- --pg postgres://postgres@127.0.0.1:5432/postgres]
 */
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { SYSTEM_ACTOR } from '../server/src/kernel/actor';
import { addDays, todayDate } from '../server/src/kernel/calendar';
import { runSetup } from '../server/src/modules/setup';
import { CreateDocumentBody, createDraft, postDocument } from '../server/src/modules/stock';
import { onBothDatabases } from './databases';

const LATER_ISSUES = 1_000;
const LINES_PER_ISSUE = 10;
const TRANSFERS = 1_000;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function benchOne(label: string, databaseUrl: string, cleanup: () => Promise<void>) {
  const config = { ...loadConfig({ DATABASE_URL: databaseUrl, PORT: '0' }), webDist: '/nonexistent' };
  const handle = openDatabase(config.database);
  await migrateToLatest(handle);
  await runSetup(handle.db, {
    companyName: 'Бенчмарк ООД',
    adminUsername: 'admin',
    adminFullName: 'A',
    adminPassword: 'bench-password',
    locale: 'bg',
    demo: true,
  });
  const db = handle.db;
  const parts = (await db.selectFrom('catalog_part').select('id').orderBy('code').execute()).map((p) => p.id);
  const warehouses = await db.selectFrom('stock_warehouse').select(['id', 'kind']).orderBy('code').execute();
  const store = warehouses.find((w) => w.kind === 'store')?.id ?? '';
  const van = warehouses.find((w) => w.kind === 'van')?.id ?? '';
  const supplier = (
    await db.selectFrom('party').select('id').where('is_supplier', '=', true).executeTakeFirstOrThrow()
  ).id;
  const today = todayDate();
  const post = async (body: z.input<typeof CreateDocumentBody>) => {
    const draft = await createDraft(db, SYSTEM_ACTOR, CreateDocumentBody.parse(body));
    const s = performance.now();
    const done = await postDocument(db, SYSTEM_ACTOR, draft.id);
    return { ms: performance.now() - s, id: done.id };
  };
  const receipt = (partId: string, warehouseId: string, date: string, units: number, cents: number) =>
    post({
      type: 'receipt',
      warehouseId,
      supplierId: supplier,
      documentDate: date,
      lines: [{ partId, quantityMilli: units * 1000, unitCostCents: cents }],
    });
  const recosted = async (id: string) => {
    const row = await db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', id)
      .where('action', '=', 'stock_document.post')
      .executeTakeFirstOrThrow();
    return JSON.stringify(JSON.parse(String(row.after_json)).recosted ?? {});
  };
  const backDated = async (partId: string) => {
    const ms: number[] = [];
    let last = '';
    for (let i = 0; i < RUNS; i++) {
      const r = await receipt(partId, store, addDays(today, -30), 10, 1_000 + 100 * i);
      ms.push(r.ms);
      last = r.id;
    }
    return `median ${median(ms).toFixed(0)} ms, worst ${Math.max(...ms).toFixed(0)} ms; re-costed ${await recosted(last)}`;
  };

  // 1. 10,000 later movements of one part in the store.
  const busy = parts[0] ?? '';
  await receipt(busy, store, addDays(today, -40), LATER_ISSUES * LINES_PER_ISSUE + 500, 1_000);
  let t0 = performance.now();
  for (let i = 0; i < LATER_ISSUES; i++)
    await post({
      type: 'issue',
      warehouseId: store,
      documentDate: addDays(today, -29 + (i % 30)),
      reason: 'Бенчмарк',
      lines: Array.from({ length: LINES_PER_ISSUE }, () => ({ partId: busy, quantityMilli: 1000 })),
    });
  const setup1 = performance.now() - t0;
  const issuesResult = await backDated(busy);

  // 2. One part fed to a van through 1,000 later transfers, each issued there.
  const fed = parts[1] ?? '';
  await receipt(fed, store, addDays(today, -40), TRANSFERS + 100, 1_000);
  t0 = performance.now();
  for (let i = 0; i < TRANSFERS; i++) {
    const date = addDays(today, -29 + (i % 30));
    await post({
      type: 'transfer',
      warehouseId: store,
      toWarehouseId: van,
      documentDate: date,
      lines: [{ partId: fed, quantityMilli: 1000 }],
    });
    await post({
      type: 'issue',
      warehouseId: van,
      documentDate: date,
      reason: 'На място',
      lines: [{ partId: fed, quantityMilli: 1000 }],
    });
  }
  const setup2 = performance.now() - t0;
  const transfersResult = await backDated(fed);

  // 3. The same receipt dated today, for the ordinary path.
  const ordinary: number[] = [];
  for (let i = 0; i < 50; i++) ordinary.push((await receipt(parts[2] ?? '', store, today, 1, 1_000)).ms);

  await handle.close();
  await cleanup();
  console.log(`\n${label}`);
  console.log(
    `  setup: ${LATER_ISSUES} issues of ${LINES_PER_ISSUE} lines in ${(setup1 / 1000).toFixed(1)} s; ${TRANSFERS} transfers and van issues in ${(setup2 / 1000).toFixed(1)} s`,
  );
  console.log(
    `  receipt dated 30 days back, ${LATER_ISSUES * LINES_PER_ISSUE} later movements: ${issuesResult}`,
  );
  console.log(`  receipt dated 30 days back, ${TRANSFERS} later transfers to a van: ${transfersResult}`);
  console.log(
    `  receipt dated today, nothing after it: median ${median(ordinary).toFixed(2)} ms (post only)`,
  );
  console.log(`  RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
}

await onBothDatabases('stock_dated', benchOne);
