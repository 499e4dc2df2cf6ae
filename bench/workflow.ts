/**
 * The end-to-end workflow over real HTTP (issue 13, "Speed"): a server listening on 127.0.0.1 in a child process (its
 * CPU and memory its own), driven by C concurrent clients, each signed in once (cookie + x-csrf-token), through the
 * same API the web uses, one call at a time:
 *   new customer (POST /parties), new item (POST /items), intake (POST /service-orders), two part lines and one
 *   labour line (POST /service-orders/:id/lines ×3), diagnosing and in_repair (POST …/status ×2), finish (→ ready:
 *   the parts are issued from stock), invoice from the order (POST /invoices/from-order: issued, numbered), payment
 *   allocated to the invoice (POST /payments) — 11 calls a workflow.
 * Stock for the parts is received first, untimed (a pool of parts, two a workflow, so that the workflows do not all
 * queue on one part's level). Each configuration runs a short untimed warm-up, then N workflows.
 * Configurations: SQLite with 1 and with 8 clients; PostgreSQL with 1 and 8; two app instances (two child processes)
 * on one PostgreSQL database with 8 clients (half on each).
 * Printed: workflows/s, p50/p95/p99 per call kind, failures (any non-2xx, the first few bodies), the server's peak
 * RSS (VmHWM of /proc/<pid>/status, and the highest RSS polled every 100 ms during the run), the load average, the
 * client process's own CPU, and a check read back from the database: the run's invoice numbers consecutive with no
 * gap and none else in their range, every order of the run billed exactly once.
 * SQLITE_SYNCHRONOUS=normal in the environment runs the SQLite server without an fsync on every commit (for comparison).
 * Usage: npm run bench:workflow [-- --n 200] [--clients 1,8] [--only sqlite|pg|pg2] [--warmup 20]
 *        [--pg postgres://…] [--cpu-prof (the server child of the first SQLite configuration; CPU_PROF_DIR)]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresUrl } from './databases';

const PASSWORD = 'bench-password-1';
const PARTS = 10;

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

// ---------------------------------------------------------------- the server child

/** A server on `url`: migrated, the demo company set up when `--setup`, listening on a free port that it prints. */
async function serve(url: string, setup: boolean) {
  const { buildApp } = await import('../server/src/app');
  const { loadConfig } = await import('../server/src/config');
  const { openDatabase } = await import('../server/src/db/database');
  const { migrateToLatest } = await import('../server/src/db/migrate');
  const { runSetup } = await import('../server/src/modules/setup');
  // SQLITE_SYNCHRONOUS=normal in the environment: SQLite without an fsync on every commit, for comparison.
  const synchronous = process.env.SQLITE_SYNCHRONOUS;
  const env = { DATABASE_URL: url, PORT: '0', ...(synchronous ? { SQLITE_SYNCHRONOUS: synchronous } : {}) };
  const config = { ...loadConfig(env), webDist: '/nonexistent' };
  const handle = openDatabase(config.database);
  if (setup) {
    await migrateToLatest(handle);
    await runSetup(handle.db, {
      companyName: 'Бенчмарк ООД',
      adminUsername: 'admin',
      adminFullName: 'A',
      adminPassword: PASSWORD,
      locale: 'bg',
      demo: true,
    });
  }
  const app = await buildApp({ config, database: handle, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  // SIGUSR2: report the event-loop delay and garbage collections since the last SIGUSR2 (on stderr), then start anew.
  const { monitorEventLoopDelay, PerformanceObserver } = await import('node:perf_hooks');
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const gc = { count: 0, total: 0, max: 0, over50: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.total += e.duration;
      gc.max = Math.max(gc.max, e.duration);
      if (e.duration > 50) gc.over50++;
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => {
    if (process.argv.includes('--report'))
      console.error(
        `  server ${process.pid}: event loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(0)} ms; ` +
          `GC ${gc.count}×, ${gc.total.toFixed(0)} ms in all, longest ${gc.max.toFixed(0)} ms, ${gc.over50} over 50 ms`,
      );
    process.argv.push('--report');
    loop.reset();
    Object.assign(gc, { count: 0, total: 0, max: 0, over50: 0 });
  });
  const address = app.server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
  process.on('SIGTERM', () => {
    void app.close().then(() => handle.close().then(() => process.exit(0)));
  });
}

type Server = {
  child: ChildProcess;
  base: string;
  peakRss: number;
  poll?: NodeJS.Timeout;
  cpuTicks?: number;
};

/** The CPU time a process has used (user + system, all its threads), in clock ticks of 10 ms, from /proc/<pid>/stat. */
const cpuTicks = (pid: number) => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
};

const statusKiB = (pid: number, key: string) => {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${key}:\\s+(\\d+)`));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

async function startServer(url: string, setup: boolean, profile: boolean): Promise<Server> {
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROF_DIR ?? process.cwd()}`] : [];
  const child = spawn(
    process.execPath,
    [...flags, '--import', 'tsx', import.meta.filename, '--serve', url, ...(setup ? ['--setup'] : [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The server's stderr: read by the runs for its SIGUSR2 report; anything else is passed through.
  child.stderr?.on('data', (d) => {
    if (!String(d).includes('event loop delay')) process.stderr.write(d);
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, base: `http://127.0.0.1:${(JSON.parse(firstLine) as { port: number }).port}`, peakRss: 0 };
}

async function stopServer(s: Server) {
  clearInterval(s.poll);
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

// ---------------------------------------------------------------- the client side

type Failure = { call: string; status: number; body: string };
type Stats = { ms: Map<string, number[]>; failures: Failure[]; failureCount: number };

class Client {
  headers: Record<string, string> = {};
  constructor(
    readonly base: string,
    readonly stats: Stats,
  ) {}

  async signIn() {
    const res = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    this.headers = { cookie, 'x-csrf-token': csrfToken };
  }

  /** One call; timed under `kind` when given; a non-2xx is a failure (recorded) and throws. */
  async call(method: string, url: string, body?: unknown, kind?: string) {
    const s = performance.now();
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: body === undefined ? this.headers : { ...this.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ms = performance.now() - s;
    if (res.status < 200 || res.status > 299) {
      this.stats.failureCount++;
      if (this.stats.failures.length < 5)
        this.stats.failures.push({
          call: kind ?? `${method} ${url}`,
          status: res.status,
          body: text.slice(0, 400),
        });
      throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
    }
    if (kind) {
      const list = this.stats.ms.get(kind) ?? [];
      list.push(ms);
      this.stats.ms.set(kind, list);
    }
    // biome-ignore lint/suspicious/noExplicitAny: the answers are read loosely, as a client would
    return (text ? JSON.parse(text) : null) as any;
  }
}

type Fixture = {
  modelId: string;
  serviceTypeId: string;
  technicianId: string;
  warehouseId: string;
  accountId: string;
  parts: string[];
};

const today = () => new Date().toISOString().slice(0, 10);

/** What a workflow needs, over the API, untimed: the catalogue's ids, a pool of parts with plenty of stock. */
async function prepare(c: Client, workflows: number, tag: string): Promise<Fixture> {
  const first = async (url: string) => {
    const page = await c.call('GET', url);
    const item = page.items?.[0];
    if (!item) throw new Error(`nothing at ${url}`);
    return item as Record<string, unknown>;
  };
  const model = await first('/api/v1/models?pageSize=1');
  const serviceType = await first('/api/v1/service-types?pageSize=1');
  const technician = await first('/api/v1/technicians?pageSize=1');
  const warehouses = (await c.call('GET', '/api/v1/warehouses?pageSize=100')).items as {
    id: string;
    kind: string;
  }[];
  const warehouse = warehouses.find((w) => w.kind === 'store');
  // The demo company has no cash desk: one is opened (a second run on the same database finds it).
  const accounts = (await c.call('GET', '/api/v1/money-accounts')).items as { id: string; kind: string }[];
  const account =
    accounts.find((a) => a.kind === 'cash') ??
    ((await c.call('POST', '/api/v1/money-accounts', { kind: 'cash', name: 'Каса бенчмарк' })) as {
      id: string;
    });
  const supplier = (await c.call('GET', '/api/v1/parties?role=supplier&pageSize=1')).items?.[0] as
    | { id: string }
    | undefined;
  if (!warehouse || !account || !supplier)
    throw new Error(`no store, cash desk or supplier: ${JSON.stringify({ warehouses, accounts, supplier })}`);
  const parts: string[] = [];
  for (let i = 0; i < PARTS; i++) {
    const part = await c.call('POST', '/api/v1/parts', {
      code: `WF-${tag}-${i}`,
      nameBg: `Част за работния поток ${tag} ${i}`,
      salePriceCents: 1_500 + i * 100,
      typicalCostCents: 800,
    });
    parts.push(part.id);
  }
  // Each workflow takes one unit of two parts of the pool: enough of each for all of them, and some over.
  const perPart = Math.ceil((workflows * 2) / PARTS) + 10;
  await c.call('POST', '/api/v1/stock/documents?post=true', {
    type: 'receipt',
    warehouseId: warehouse.id,
    supplierId: supplier.id,
    lines: parts.map((partId) => ({ partId, quantityMilli: perPart * 1000, unitCostCents: 800 })),
  });
  return {
    modelId: String(model.id),
    serviceTypeId: String(serviceType.id),
    technicianId: String(technician.id),
    warehouseId: warehouse.id,
    accountId: account.id,
    parts,
  };
}

/** A valid ЕГН, different for neighbouring n: born 1960–1999, the check digit of weights 2,4,8,5,10,9,7,3,6. */
function egn(n: number): string {
  const two = (x: number) => String(x).padStart(2, '0');
  const head = `${two(60 + (n % 40))}${two(1 + (Math.floor(n / 40) % 12))}${two(1 + (Math.floor(n / 480) % 28))}${String(n % 1000).padStart(3, '0')}`;
  const r = [2, 4, 8, 5, 10, 9, 7, 3, 6].reduce((sum, w, i) => sum + w * Number(head[i]), 0) % 11;
  return `${head}${r === 10 ? 0 : r}`;
}

type Done = { orderId: string; invoiceId: string; number: string };

/** One whole workflow, call after call, as the screens make them. */
async function workflow(c: Client, f: Fixture, n: number, tag: string): Promise<Done> {
  const phone = `+35987${String(n % 10_000_000).padStart(7, '0')}`;
  const party = await c.call(
    'POST',
    '/api/v1/parties',
    {
      kind: 'person',
      name: `Клиент ${tag} ${n}`,
      // An invoice to a person carries the ЕГН (a requisite): the customer asks for invoices.
      wantsInvoices: true,
      egn: egn(n),
      phones: [{ number: phone }],
      addresses: [{ city: 'Русе', address: `ул. „Борисова“ ${n}` }],
    },
    'new customer',
  );
  const item = await c.call(
    'POST',
    '/api/v1/items',
    { modelId: f.modelId, serialNumber: `WF${tag}N${n}`, partyId: party.id },
    'new item',
  );
  const order = await c.call(
    'POST',
    '/api/v1/service-orders',
    { partyId: party.id, itemId: item.id, complaint: 'Не работи', technicianId: f.technicianId },
    'intake',
  );
  const lines = `/api/v1/service-orders/${order.id}/lines`;
  for (const k of [0, 1])
    await c.call(
      'POST',
      lines,
      {
        kind: 'part',
        partId: f.parts[(n * 2 + k) % f.parts.length],
        warehouseId: f.warehouseId,
        quantityMilli: 1000,
      },
      'part line',
    );
  await c.call(
    'POST',
    lines,
    { kind: 'labour', serviceTypeId: f.serviceTypeId, quantityMilli: 1000 },
    'labour line',
  );
  const status = `/api/v1/service-orders/${order.id}/status`;
  await c.call('POST', status, { to: 'diagnosing' }, 'status → diagnosing');
  await c.call('POST', status, { to: 'in_repair' }, 'status → in_repair');
  await c.call('POST', status, { to: 'ready' }, 'finish (→ ready)');
  const invoice = await c.call(
    'POST',
    '/api/v1/invoices/from-order',
    { orderId: order.id },
    'invoice from order',
  );
  await c.call(
    'POST',
    '/api/v1/payments',
    {
      partyId: party.id,
      accountId: f.accountId,
      method: 'cash',
      date: today(),
      amountCents: invoice.totalCents,
      allocations: [{ invoiceId: invoice.id, amountCents: invoice.totalCents }],
    },
    'payment',
  );
  return { orderId: order.id, invoiceId: invoice.id, number: invoice.number };
}

// ---------------------------------------------------------------- a run

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

const KINDS = [
  'new customer',
  'new item',
  'intake',
  'part line',
  'labour line',
  'status → diagnosing',
  'status → in_repair',
  'finish (→ ready)',
  'invoice from order',
  'payment',
];

/** Reads back what the run billed, straight from the database. */
type Reader = (orderIds: string[]) => Promise<{ orderId: string; number: string | null; status: string }[]>;

function sqliteReader(file: string): Reader {
  return async (orderIds) => {
    const db = new Database(file, { readonly: true });
    try {
      const rows: { orderId: string; number: string | null; status: string }[] = [];
      for (let i = 0; i < orderIds.length; i += 500) {
        const ids = orderIds.slice(i, i + 500);
        rows.push(
          ...(db
            .prepare(
              `select order_id as orderId, number, status from sales_invoice where kind = 'invoice' and order_id in (${ids.map(() => '?').join(',')})`,
            )
            .all(...ids) as { orderId: string; number: string | null; status: string }[]),
        );
      }
      return rows;
    } finally {
      db.close();
    }
  };
}

function pgReader(url: string): Reader {
  return async (orderIds) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const r = await client.query(
        `select order_id as "orderId", number, status from sales_invoice where kind = 'invoice' and order_id = any($1)`,
        [orderIds],
      );
      return r.rows;
    } finally {
      await client.end();
    }
  };
}

/** Numbers in [min, max] of the same series in the database, to prove that nothing else took one in between. */
type RangeCounter = (min: string, max: string) => Promise<number>;

async function runConfiguration(
  label: string,
  servers: Server[],
  clients: number,
  workflows: number,
  warmup: number,
  tag: string,
  fixture: Fixture,
  read: Reader,
  inRange: RangeCounter,
) {
  // Warm-up, untimed (a separate stats object), one client.
  const warmStats: Stats = { ms: new Map(), failures: [], failureCount: 0 };
  const warm = new Client(servers[0]?.base ?? '', warmStats);
  await warm.signIn();
  for (let i = 0; i < warmup; i++) await workflow(warm, fixture, i, `${tag}W`);

  const stats: Stats = { ms: new Map(), failures: [], failureCount: 0 };
  const pool = Array.from(
    { length: clients },
    (_, i) => new Client(servers[i % servers.length]?.base ?? '', stats),
  );
  for (const c of pool) await c.signIn();
  const loadBefore = load();
  for (const s of servers) s.child.kill('SIGUSR2'); // the server's event-loop and GC figures start now
  for (const s of servers) {
    s.cpuTicks = cpuTicks(s.child.pid ?? 0);
    s.peakRss = statusKiB(s.child.pid ?? 0, 'VmRSS');
    s.poll = setInterval(() => {
      s.peakRss = Math.max(s.peakRss, statusKiB(s.child.pid ?? 0, 'VmRSS'));
    }, 100);
  }
  const done: Done[] = [];
  let next = 0;
  let failedWorkflows = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    pool.map(async (c) => {
      for (;;) {
        const n = next++;
        if (n >= workflows) return;
        try {
          done.push(await workflow(c, fixture, n, tag));
        } catch {
          failedWorkflows++;
        }
      }
    }),
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  for (const s of servers) clearInterval(s.poll);
  const serverCpuMs = servers.reduce(
    (sum, s) => sum + (cpuTicks(s.child.pid ?? 0) - (s.cpuTicks ?? 0)) * 10,
    0,
  );
  const loadAfter = load();
  const reported = servers.map(
    (s) => new Promise((r) => s.child.stderr?.once('data', (d) => r(String(d).trimEnd()))),
  );
  for (const s of servers) s.child.kill('SIGUSR2');
  const serverLines = await Promise.race([
    Promise.all(reported),
    new Promise<string[]>((r) => setTimeout(() => r([]), 2000)),
  ]);

  console.log(
    `\n${label}, ${clients} client${clients > 1 ? 's' : ''}${servers.length > 1 ? `, ${servers.length} app instances` : ''}: ${workflows} workflows`,
  );
  console.log(
    `  ${((done.length / wall) * 1000).toFixed(1)} workflows/s (${((done.length * 11 * 1000) / wall).toFixed(0)} calls/s), ${(wall / 1000).toFixed(1)} s; load average before ${loadBefore}, after ${loadAfter}`,
  );
  console.log(
    `  client process CPU ${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(0)} % of one core (the HTTP clients share the machine with the server)`,
  );
  console.log(
    `  server CPU ${(serverCpuMs / Math.max(1, done.length)).toFixed(1)} ms a workflow (all its threads, the PDF renderings included; less sensitive to the machine's load than the times)`,
  );
  console.log(
    `  ${'call'.padEnd(22)}${'count'.padStart(7)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}`,
  );
  let sumP50 = 0;
  for (const kind of KINDS) {
    const xs = [...(stats.ms.get(kind) ?? [])].sort((a, b) => a - b);
    const p50 = quantile(xs, 0.5);
    sumP50 += kind === 'part line' ? 2 * p50 : p50;
    console.log(
      `  ${kind.padEnd(22)}${String(xs.length).padStart(7)}${p50.toFixed(2).padStart(9)}${quantile(xs, 0.95).toFixed(2).padStart(9)}${quantile(xs, 0.99).toFixed(2).padStart(9)}  ms`,
    );
  }
  console.log(`  sum of the medians of a workflow's 11 calls: ${sumP50.toFixed(1)} ms`);
  console.log(`  failures: ${stats.failureCount} calls, ${failedWorkflows} workflows`);
  for (const f of stats.failures) console.log(`    ${f.call}: ${f.status} ${f.body}`);
  for (const [i, s] of servers.entries())
    console.log(
      `  server${servers.length > 1 ? ` ${i + 1}` : ''} RSS: highest during the run ${(s.peakRss / 1024).toFixed(0)} MiB, VmHWM ${(statusKiB(s.child.pid ?? 0, 'VmHWM') / 1024).toFixed(0)} MiB (since it started)`,
    );

  // The invoice numbers and the orders billed, read back from the database.
  for (const l of serverLines) console.log(l);
  const rows = await read(done.map((d) => d.orderId));
  const perOrder = new Map<string, number>();
  for (const r of rows) perOrder.set(r.orderId, (perOrder.get(r.orderId) ?? 0) + 1);
  const billedTwice = [...perOrder.values()].filter((x) => x > 1).length;
  const notBilled = done.filter((d) => !perOrder.has(d.orderId)).length;
  const numbers = rows.map((r) => r.number ?? '').sort();
  const asInt = numbers.map((x) => Number(x));
  const distinct = new Set(numbers).size;
  const first = asInt[0] ?? 0;
  const last = asInt.at(-1) ?? 0;
  const consecutive =
    numbers.length > 0 && distinct === numbers.length && last - first + 1 === numbers.length;
  const others = numbers.length
    ? (await inRange(numbers[0] ?? '', numbers.at(-1) ?? '')) - numbers.length
    : 0;
  const answered = done.filter((d) => !numbers.includes(d.number)).length;
  console.log(
    `  invoices: ${numbers.length} issued, ${numbers[0]}…${numbers.at(-1)}; consecutive without a gap: ${consecutive ? 'yes' : 'NO'}; ` +
      `other invoices inside the range: ${others}; orders billed twice: ${billedTwice}, not billed: ${notBilled}; answered numbers not in the database: ${answered}`,
  );
  return {
    label,
    clients,
    instances: servers.length,
    wps: (done.length / wall) * 1000,
    failures: stats.failureCount,
  };
}

async function main() {
  const workflows = Number(arg('--n') ?? 200);
  const warmup = Number(arg('--warmup') ?? 20);
  const clientCounts = (arg('--clients') ?? '1,8').split(',').map(Number);
  const only = arg('--only');
  const profile = process.argv.includes('--cpu-prof');
  const results: Awaited<ReturnType<typeof runConfiguration>>[] = [];
  console.log(
    `Servix workflow benchmark: ${os.cpus().length} cores, Node ${process.version}, load average ${load()}; ${workflows} workflows a configuration (+${warmup} untimed warm-up)`,
  );

  if (!only || only === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-bench-workflow-'));
    const file = path.join(dir, 'bench.db');
    let server: Server | undefined;
    try {
      server = await startServer(`sqlite:${file}`, true, profile);
      const admin = new Client(server.base, { ms: new Map(), failures: [], failureCount: 0 });
      await admin.signIn();
      const fixture = await prepare(admin, (workflows + warmup) * clientCounts.length, 'S');
      const inRange: RangeCounter = async (min, max) => {
        const db = new Database(file, { readonly: true });
        try {
          return (
            db
              .prepare(
                `select count(*) as n from sales_invoice where number between ? and ? and series_id = (select series_id from sales_invoice where number = ?)`,
              )
              .get(min, max, min) as { n: number }
          ).n;
        } finally {
          db.close();
        }
      };
      for (const [i, c] of clientCounts.entries())
        results.push(
          await runConfiguration(
            `SQLite (file, WAL, synchronous=${process.env.SQLITE_SYNCHRONOUS ?? 'full'})`,
            [server],
            c,
            workflows,
            warmup,
            `S${i}`,
            fixture,
            sqliteReader(file),
            inRange,
          ),
        );
    } finally {
      if (server) await stopServer(server);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  if (!only || only === 'pg' || only === 'pg2') {
    const pgUrl = postgresUrl();
    const admin = new pg.Client({ connectionString: pgUrl });
    try {
      await admin.connect();
    } catch (e) {
      console.log(`\nPostgreSQL skipped: ${(e as Error).message}`);
      return summary(results);
    }
    const database = `servix_bench_workflow_${process.pid}`;
    await admin.query(`create database ${database}`);
    const url = new URL(pgUrl);
    url.pathname = `/${database}`;
    const servers: Server[] = [];
    try {
      servers.push(await startServer(url.toString(), true, false));
      const first = servers[0] as Server;
      const setupClient = new Client(first.base, { ms: new Map(), failures: [], failureCount: 0 });
      await setupClient.signIn();
      const runs = (only === 'pg2' ? 0 : clientCounts.length) + (only === 'pg' ? 0 : 1);
      const fixture = await prepare(setupClient, (workflows + warmup) * runs, 'P');
      const inRange: RangeCounter = async (min, max) => {
        const c = new pg.Client({ connectionString: url.toString() });
        await c.connect();
        try {
          const q = await c.query(
            `select count(*)::int as n from sales_invoice where number between $1 and $2 and series_id = (select series_id from sales_invoice where number = $1 limit 1)`,
            [min, max],
          );
          return q.rows[0].n as number;
        } finally {
          await c.end();
        }
      };
      if (only !== 'pg2')
        for (const [i, c] of clientCounts.entries())
          results.push(
            await runConfiguration(
              'PostgreSQL',
              [first],
              c,
              workflows,
              warmup,
              `P${i}`,
              fixture,
              pgReader(url.toString()),
              inRange,
            ),
          );
      if (only !== 'pg') {
        servers.push(await startServer(url.toString(), false, false));
        const c = Math.max(...clientCounts, 2);
        results.push(
          await runConfiguration(
            'PostgreSQL',
            servers,
            c,
            workflows,
            warmup,
            'P2',
            fixture,
            pgReader(url.toString()),
            inRange,
          ),
        );
      }
    } finally {
      for (const s of servers) await stopServer(s);
      await admin.query(`drop database ${database} with (force)`).catch(() => {});
      await admin.end().catch(() => {});
    }
  }
  summary(results);
}

function summary(
  results: { label: string; clients: number; instances: number; wps: number; failures: number }[],
) {
  console.log(
    '\nSummary (targets on 2 cores, SQLite: 270 workflows/s with 1 client, 450 with 8; no failure)',
  );
  for (const r of results)
    console.log(
      `  ${`${r.label}, ${r.clients} client(s)${r.instances > 1 ? `, ${r.instances} instances` : ''}`.padEnd(48)} ${r.wps.toFixed(1).padStart(7)} workflows/s, ${r.failures} failures`,
    );
}

if (process.argv.includes('--serve')) {
  await serve(process.argv[process.argv.indexOf('--serve') + 1] as string, process.argv.includes('--setup'));
} else await main();
