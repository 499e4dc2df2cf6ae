/**
 * Foundation benchmarks on SQLite and, when it answers, PostgreSQL:
 *  - numbering: document numbers taken in their own transactions, one after another and 200 at once;
 *  - HTTP: GET /api/v1/company over a real socket with 20 requests in flight (session cookie auth);
 *  - memory: resident set size after the run.
 * Usage: npm run bench [-- --pg postgres://postgres@127.0.0.1:5432/postgres]
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { takeNumber } from '../server/src/modules/numbering';
import { runSetup } from '../server/src/modules/setup';
import { onBothDatabases } from './databases';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
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

  let t0 = performance.now();
  const sequential = 2000;
  for (let i = 0; i < sequential; i++)
    await handle.db.transaction().execute((trx) => takeNumber(trx, 'invoice'));
  const seqMs = performance.now() - t0;

  t0 = performance.now();
  await Promise.all(
    Array.from({ length: 200 }, () => handle.db.transaction().execute((trx) => takeNumber(trx, 'quote'))),
  );
  const concMs = performance.now() - t0;

  const app = await buildApp({ config, database: handle, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const total = 4000;
  const inFlight = 20;
  const latencies: number[] = [];
  let next = 0;
  t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        next++;
        const s = performance.now();
        const res = await fetch(`${base}/api/v1/company`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const httpMs = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  await app.close();
  await handle.close();
  await cleanup();

  console.log(`\n${label}`);
  console.log(
    `  numbering, sequential: ${sequential} numbers in ${seqMs.toFixed(0)} ms = ${((sequential / seqMs) * 1000).toFixed(0)}/s`,
  );
  console.log(`  numbering, 200 concurrent: ${concMs.toFixed(0)} ms`);
  console.log(
    `  GET /api/v1/company: ${total} requests, ${inFlight} in flight: ${((total / httpMs) * 1000).toFixed(0)} req/s, p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
  );
  console.log(`  RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
}

await onBothDatabases('foundation', benchOne);
