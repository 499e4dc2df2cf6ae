/**
 * Stock benchmarks on SQLite and, when it answers, PostgreSQL, on the demo company (140 parts, a store, 3 vans):
 *  - posting: 600 receipts of 10 lines, 600 transfers of 5 lines to the vans, 600 issues of 3 lines, each drafted
 *    and posted in its own transactions through the service operations the routes call (documents/s, lines/s);
 *  - 20 issues at once against the same parts (the locked path);
 *  - reads over HTTP (app.inject, a signed-in storekeeper) with the ledger that leaves (~20,000 movements):
 *    levels page, part card of the busiest part, low stock, valuation today, the ledger check; median and worst
 *    of 20 runs each;
 *  - taking one part out over HTTP (app.inject), 500 documents drafted and posted in two calls, then 500 created
 *    with ?post=true in one (documents/s, median ms per document);
 *  - rebuilding every level from the ledger; resident memory.
 * Usage: npm run bench:stock [-- --pg postgres://postgres@127.0.0.1:5432/postgres]
 */
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { SYSTEM_ACTOR } from '../server/src/kernel/actor';
import { runSetup } from '../server/src/modules/setup';
import { CreateDocumentBody, createDraft, postDocument, rebuildLevels } from '../server/src/modules/stock';
import { onBothDatabases } from './databases';

const DOCS = 600;
const TAKE_OUTS = 500;

/** A small deterministic generator, so both databases post the same documents. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Taking one part out over HTTP, as an integration or the counter does: drafting and posting in two calls, then
 * creating with ?post=true in one; TAKE_OUTS documents each, timed per document (both calls for the first).
 */
async function takeOnePartOut(
  app: Awaited<ReturnType<typeof buildApp>>,
  csrfToken: string,
  cookie: string,
  warehouseId: string,
  supplierId: string,
  partId: string,
  post: (body: z.input<typeof CreateDocumentBody>) => Promise<void>,
): Promise<string[]> {
  await post({
    type: 'receipt',
    warehouseId,
    supplierId,
    lines: [{ partId, quantityMilli: 2 * TAKE_OUTS * 1000, unitCostCents: 1_000 }],
  });
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const payload = { type: 'issue', warehouseId, reason: 'На гише', lines: [{ partId, quantityMilli: 1000 }] };
  const call = async (url: string, body: unknown, status: number) => {
    const res = await app.inject({ method: 'POST', url, headers, payload: body as object });
    if (res.statusCode !== status) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; status: string };
  };
  const run = async (label: string, calls: number, one: () => Promise<unknown>) => {
    const ms: number[] = [];
    const start = performance.now();
    for (let i = 0; i < TAKE_OUTS; i++) {
      const s = performance.now();
      await one();
      ms.push(performance.now() - s);
    }
    const total = performance.now() - start;
    return `${label}: ${TAKE_OUTS} in ${total.toFixed(0)} ms = ${((TAKE_OUTS / total) * 1000).toFixed(0)} documents/s, median ${median(ms).toFixed(2)} ms per document (${calls} ${calls === 1 ? 'call' : 'calls'})`;
  };
  const twoCalls = await run('take one part out, draft then post', 2, async () => {
    const draft = await call('/api/v1/stock/documents', payload, 201);
    await call(`/api/v1/stock/documents/${draft.id}/post`, undefined, 200);
  });
  const oneCall = await run('take one part out, ?post=true', 1, () =>
    call('/api/v1/stock/documents?post=true', payload, 201),
  );
  return [twoCalls, oneCall];
}

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
  const main = warehouses.find((w) => w.kind === 'store')?.id ?? '';
  const vans = warehouses.filter((w) => w.kind === 'van').map((w) => w.id);
  const supplier = (
    await db.selectFrom('party').select('id').where('is_supplier', '=', true).executeTakeFirstOrThrow()
  ).id;
  const pick = random(42);
  const distinct = (n: number) => {
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(parts[pick(parts.length)] ?? '');
    return [...chosen];
  };
  // Parsed by the same schema as POST /api/v1/stock/documents.
  const post = async (body: z.input<typeof CreateDocumentBody>) => {
    const draft = await createDraft(db, SYSTEM_ACTOR, CreateDocumentBody.parse(body));
    await postDocument(db, SYSTEM_ACTOR, draft.id);
  };

  let t0 = performance.now();
  for (let i = 0; i < DOCS; i++)
    await post({
      type: 'receipt',
      warehouseId: main,
      supplierId: supplier,
      supplierDocNumber: `B-${i}`,
      landedCostCents: i % 5 === 0 ? 1_250 : null,
      lines: distinct(10).map((partId) => ({
        partId,
        quantityMilli: (1 + pick(20)) * 1000,
        unitCostCents: 100 + pick(20_000),
      })),
    });
  const receiptsMs = performance.now() - t0;

  t0 = performance.now();
  for (let i = 0; i < DOCS; i++)
    await post({
      type: 'transfer',
      warehouseId: main,
      toWarehouseId: vans[i % vans.length] ?? '',
      lines: distinct(5).map((partId) => ({ partId, quantityMilli: 1000 })),
    });
  const transfersMs = performance.now() - t0;

  t0 = performance.now();
  for (let i = 0; i < DOCS; i++)
    await post({
      type: 'issue',
      warehouseId: main,
      reason: 'Бенчмарк',
      lines: distinct(3).map((partId) => ({ partId, quantityMilli: 1000 })),
    });
  const issuesMs = performance.now() - t0;

  const hot = distinct(2);
  t0 = performance.now();
  const concurrent = await Promise.allSettled(
    Array.from({ length: 20 }, () =>
      post({
        type: 'issue',
        warehouseId: main,
        reason: 'Бенчмарк',
        lines: hot.map((partId) => ({ partId, quantityMilli: 1000 })),
      }),
    ),
  );
  const concurrentMs = performance.now() - t0;

  const movements = Number(
    (
      await db
        .selectFrom('stock_movement')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const busiest = (
    await db
      .selectFrom('stock_movement')
      .select(['part_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('part_id')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow()
  ).part_id;

  const app = await buildApp({ config, database: handle, logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'bench-password' },
  });
  const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  const timed = async (url: string) => {
    const ms: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      ms.push(performance.now() - s);
    }
    return `median ${median(ms).toFixed(1)} ms, worst ${Math.max(...ms).toFixed(1)} ms`;
  };
  const reads = {
    'GET /stock/levels (page of 50)': await timed('/api/v1/stock/levels?pageSize=50'),
    'GET /stock/levels?q=помпа': await timed(`/api/v1/stock/levels?q=${encodeURIComponent('помпа')}`),
    'GET /stock/parts/:id/card (busiest part)': await timed(`/api/v1/stock/parts/${busiest}/card`),
    'GET /stock/low': await timed('/api/v1/stock/low'),
    'GET /stock/valuation': await timed('/api/v1/stock/valuation'),
    'GET /stock/documents (page of 50)': await timed('/api/v1/stock/documents?pageSize=50'),
    'GET /stock/check': await timed('/api/v1/stock/check'),
  };
  const part = distinct(1)[0] ?? '';
  const takeOut = await takeOnePartOut(app, login.json().csrfToken, cookie, main, supplier, part, post);
  t0 = performance.now();
  await rebuildLevels(db);
  const rebuildMs = performance.now() - t0;
  await app.close();
  await handle.close();
  await cleanup();

  const rate = (docs: number, lines: number, ms: number) =>
    `${docs} in ${ms.toFixed(0)} ms = ${((docs / ms) * 1000).toFixed(0)} documents/s, ${(((docs * lines) / ms) * 1000).toFixed(0)} lines/s`;
  console.log(`\n${label}`);
  console.log(`  receipts of 10 lines: ${rate(DOCS, 10, receiptsMs)}`);
  console.log(`  transfers of 5 lines: ${rate(DOCS, 5, transfersMs)}`);
  console.log(`  issues of 3 lines: ${rate(DOCS, 3, issuesMs)}`);
  console.log(
    `  20 concurrent issues of the same 2 parts: ${concurrentMs.toFixed(0)} ms (${concurrent.filter((r) => r.status === 'fulfilled').length} posted)`,
  );
  console.log(`  ledger: ${movements} movements`);
  for (const [what, result] of Object.entries(reads)) console.log(`  ${what}: ${result}`);
  for (const line of takeOut) console.log(`  ${line}`);
  console.log(`  rebuild every level from the ledger: ${rebuildMs.toFixed(0)} ms`);
  console.log(`  RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
}

await onBothDatabases('stock', benchOne);
