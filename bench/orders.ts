/**
 * Service-order benchmarks on SQLite and, when it answers, PostgreSQL, on the demo company plus a generated history:
 * ORDERS service orders over two years (a realistic spread of statuses: old ones delivered or cancelled, recent ones
 * open), LINES_PER_ORDER lines each on average (labour with one or two technicians and their shares, parts issued
 * from the store), CUSTOMERS customers with phones, ITEMS items with serials, a warranty record per finished order.
 * The history is written straight into the tables in batches inside transactions (not through the service: that
 * would take hours), then everything is read and written through the HTTP API (app.inject, a signed-in admin),
 * RUNS runs each after WARM_UP untimed ones, median and p95:
 *  - the open repairs page as the screen asks for it (open=true), with a status filter and with a search; the
 *    board (delivered and cancelled: the last 30 days);
 *  - an item's history (GET /items/:id/history) and its warranty records by serial;
 *  - the intake form's look-ups: intake-check by serial and the parties search by phone;
 *  - a year of technician earnings;
 *  - taking in an order with a new customer and a new item (POST /service-orders);
 *  - finishing an order with 5 part lines (stock received first; order created, lines added, moved to in_repair
 *    untimed), timing only POST /service-orders/:id/status {to: 'ready'}.
 * Server time is the inject round trip (no network). Resident memory at the end of each database.
 * Usage: npm run bench:orders [-- --pg postgres://postgres@127.0.0.1:5432/postgres] [--orders 100000] [--only sqlite|pg] [--keep: leave the database]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { dialectOf } from '../server/src/db/sql';
import { SYSTEM_ACTOR } from '../server/src/kernel/actor';
import { newId } from '../server/src/kernel/ids';
import { toSearchText } from '../server/src/kernel/search-text';
import { recordAllEarnings } from '../server/src/modules/orders';
import { runSetup } from '../server/src/modules/setup';
import { CreateDocumentBody, createDraft, postDocument } from '../server/src/modules/stock';
import { onBothDatabases } from './databases';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ORDERS = Number(arg('--orders') ?? 100_000);
const LINES_PER_ORDER = 5;
const CUSTOMERS = 4_000;
const ITEMS = 6_000;
const RUNS = 50;
// A running server's pooled PostgreSQL sessions have prepared their reads long ago and plan them generically from
// the sixth run in each session on (ADR 0027). A list reads its page and its count side by side, on two or three
// sessions, so 8 warm-ups left the first timed runs still planning (22-39 ms against 5-9 after): 30.
const WARM_UP = 30;
const ORDERS_PER_TX = 2_000;
const ROWS_PER_INSERT = 400;
const DAY = 86_400_000;

/** A small deterministic generator, so both databases hold the same history. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const stats = (xs: number[]) => {
  const s = sorted(xs);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
};

type Db = ReturnType<typeof openDatabase>['db'];

async function insertChunks(db: Db, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    // biome-ignore lint/suspicious/noExplicitAny: generated rows for any of the order tables
    await (db as any)
      .insertInto(table)
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
}

const FIRST = [
  'Иван',
  'Мария',
  'Георги',
  'Елена',
  'Петър',
  'Николай',
  'Десислава',
  'Стоян',
  'Радка',
  'Димитър',
];
const LAST = ['Иванов', 'Петрова', 'Георгиев', 'Димитрова', 'Николов', 'Стоянова', 'Колев', 'Маринова'];
const COMPLAINTS = [
  'Не включва',
  'Тече вода',
  'Не загрява',
  'Шуми при центрофуга',
  'Грешка E21',
  'Не охлажда',
];

/** The generated history: customers, items, orders with lines, technicians' shares and warranty records. */
async function generate(db: Db, pg: boolean) {
  const pick = random(7);
  const bool = (b: boolean) => (pg ? b : b ? 1 : 0);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const date = (ms: number) => iso(ms).slice(0, 10);

  const models = await db
    .selectFrom('catalog_model')
    .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
    .select(['catalog_model.id', 'catalog_model.name', 'catalog_brand.name as brand'])
    .execute();
  const parts = await db
    .selectFrom('catalog_part')
    .select(['id', 'name_bg as name'])
    .orderBy('code')
    .execute();
  const serviceTypes = await db
    .selectFrom('catalog_service_type')
    .select(['id', 'name_bg as name'])
    .execute();
  const main =
    (await db.selectFrom('stock_warehouse').select('id').where('kind', '=', 'store').executeTakeFirst())
      ?.id ?? '';
  const series = (
    await db
      .selectFrom('numbering_series')
      .select(['id', 'width'])
      .where('doc_type', '=', 'service_order')
      .where('is_default', '=', bool(true) as never)
      .executeTakeFirstOrThrow()
  ).id;
  const admin = (await db.selectFrom('app_user').select('id').executeTakeFirstOrThrow()).id;
  let technicians = (await db.selectFrom('technician').select('id').execute()).map((t) => t.id);
  if (technicians.length < 6) {
    const rows = Array.from({ length: 8 }, (_, i) => ({
      id: newId(),
      name: `Техник ${i + 1}`,
      active: bool(true),
      search_text: toSearchText(`Техник ${i + 1}`),
      created_at: iso(now),
      updated_at: iso(now),
    }));
    await insertChunks(db, 'technician', rows);
    technicians = [...technicians, ...rows.map((r) => r.id)];
  }

  const t0 = performance.now();
  const customers: { id: string; name: string; phone: string }[] = [];
  await db.transaction().execute(async (tx) => {
    const party: Record<string, unknown>[] = [];
    const phones: Record<string, unknown>[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const name = `${FIRST[pick(FIRST.length)]} ${LAST[pick(LAST.length)]} ${i}`;
      const phone = `+35988${String(1_000_000 + i)
        .slice(1)
        .padStart(7, '0')}`;
      const id = newId();
      const at = iso(now - 730 * DAY + pick(730) * DAY);
      customers.push({ id, name, phone });
      party.push({
        id,
        kind: 'person',
        name,
        sort_name: name.toLocaleLowerCase('bg'),
        is_customer: bool(true),
        is_supplier: bool(false),
        wants_invoices: bool(false),
        phone,
        // As the parties module spells it: the words, then the phone and its digit-only variants.
        search_text: `${toSearchText(name)} ${phone} ${phone.slice(1)} 0${phone.slice(4)}`,
        created_at: at,
        updated_at: at,
      });
      phones.push({
        id: newId(),
        party_id: id,
        number: phone,
        sort_order: 0,
        created_at: at,
        updated_at: at,
      });
    }
    await insertChunks(tx, 'party', party);
    await insertChunks(tx, 'party_phone', phones);
  });
  const items: { id: string; serial: string; owner: number; model: number }[] = [];
  await db.transaction().execute(async (tx) => {
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const owner = pick(CUSTOMERS);
      const model = pick(models.length);
      const serial = `SN${String(10_000_000 + i * 7919)}`;
      const m = models[model];
      const at = iso(now - 730 * DAY + pick(700) * DAY);
      const id = newId();
      items.push({ id, serial, owner, model });
      rows.push({
        id,
        model_id: m?.id,
        serial_number: serial,
        party_id: customers[owner]?.id,
        purchase_date: date(now - 900 * DAY + pick(800) * DAY),
        warranty_months: 24,
        search_text: toSearchText(serial, m?.name, m?.brand, customers[owner]?.name),
        created_at: at,
        updated_at: at,
      });
    }
    await insertChunks(tx, 'item', rows);
  });
  const peopleMs = performance.now() - t0;

  const t1 = performance.now();
  let lineCount = 0;
  for (let start = 0; start < ORDERS; start += ORDERS_PER_TX) {
    const orders: Record<string, unknown>[] = [];
    const lines: Record<string, unknown>[] = [];
    const shares: Record<string, unknown>[] = [];
    const warranties: Record<string, unknown>[] = [];
    for (let n = start; n < Math.min(ORDERS, start + ORDERS_PER_TX); n++) {
      // Evenly over two years, oldest first; the last ~3 weeks still open.
      const received = now - 730 * DAY + Math.floor((n / ORDERS) * 730 * DAY) + pick(3_600_000);
      const ageDays = (now - received) / DAY;
      const r = pick(100);
      const status =
        ageDays > 21
          ? r < 93
            ? 'delivered'
            : r < 98
              ? 'cancelled'
              : 'ready'
          : ([
              'received',
              'diagnosing',
              'awaiting_approval',
              'awaiting_parts',
              'in_repair',
              'ready',
              'delivered',
            ][r % 7] as string);
      const finished = status === 'ready' || status === 'delivered' ? received + (1 + pick(5)) * DAY : null;
      const delivered = status === 'delivered' && finished ? finished + pick(3) * DAY : null;
      const cancelled = status === 'cancelled' ? received + 2 * DAY : null;
      const changed = delivered ?? cancelled ?? finished ?? received + pick(2) * DAY;
      const it = items[pick(items.length)] ?? items[0];
      const customer = customers[it?.owner ?? 0];
      const model = models[it?.model ?? 0];
      const number = String(n + 1).padStart(10, '0');
      const id = newId();
      const technician = technicians[pick(technicians.length)] ?? null;
      orders.push({
        id,
        series_id: series,
        number,
        status,
        status_changed_at: iso(Math.min(changed, now)),
        location: pick(10) === 0 ? 'on_site' : 'shop',
        party_id: customer?.id,
        item_id: it?.id,
        complaint: COMPLAINTS[pick(COMPLAINTS.length)],
        accessories: '[]',
        received_by: admin,
        received_at: iso(received),
        promised_date: date(received + 7 * DAY),
        diagnosis: finished ? 'Сменена част' : null,
        technician_id: status === 'received' ? null : technician,
        finished_at: finished ? iso(finished) : null,
        delivered_at: delivered ? iso(delivered) : null,
        cancelled_at: cancelled ? iso(cancelled) : null,
        cancel_reason: cancelled ? 'Отказ' : null,
        refused_repair: bool(false),
        search_text: toSearchText(
          number,
          String(n + 1),
          customer?.name,
          customer?.phone,
          customer?.phone.replace(/\D/g, ''),
          it?.serial,
          model?.brand,
          model?.name,
        ),
        created_by: admin,
        created_at: iso(received),
        updated_at: iso(Math.min(changed, now)),
      });
      // 1–3 labour lines, the rest parts: LINES_PER_ORDER on average.
      const count = LINES_PER_ORDER - 2 + pick(5);
      const labour = 1 + pick(3);
      let firstLabour: string | null = null;
      for (let p = 0; p < count; p++) {
        const lineId = newId();
        const isLabour = p < labour;
        const part = parts[pick(parts.length)];
        const st = serviceTypes[pick(Math.max(1, serviceTypes.length))];
        const payer =
          pick(10) === 0 ? 'manufacturer_warranty' : pick(20) === 0 ? 'shop_warranty' : 'customer';
        lines.push({
          id: lineId,
          order_id: id,
          position: p + 1,
          kind: isLabour ? 'labour' : 'part',
          part_id: isLabour ? null : part?.id,
          service_type_id: isLabour ? (st?.id ?? null) : null,
          description: isLabour ? (st?.name ?? 'Труд') : (part?.name ?? 'Част'),
          warehouse_id: isLabour ? null : main,
          quantity_milli: isLabour ? 1000 : (1 + pick(3)) * 1000,
          used_quantity_milli: finished && !isLabour ? 1000 : null,
          unit: isLabour ? 'ч' : 'бр',
          unit_price_cents: 500 + pick(20_000),
          list_price_cents: 500 + pick(20_000),
          discount_bp: 0,
          vat_rate_bp: 2000,
          payer,
          norm_minutes: isLabour ? 15 + pick(120) : null,
          actual_minutes: isLabour && finished ? 15 + pick(150) : null,
          unit_cost_cents: finished && !isLabour ? 300 + pick(10_000) : null,
          created_at: iso(received),
          updated_at: iso(Math.min(changed, now)),
        });
        if (isLabour) {
          firstLabour ??= lineId;
          const a = technicians[pick(technicians.length)] ?? '';
          const b = technicians[pick(technicians.length)] ?? '';
          if (pick(4) === 0 && a !== b) {
            shares.push({ line_id: lineId, technician_id: a, share_bp: 6000 });
            shares.push({ line_id: lineId, technician_id: b, share_bp: 4000 });
          } else shares.push({ line_id: lineId, technician_id: a, share_bp: 10_000 });
        }
      }
      lineCount += count;
      if (finished && firstLabour)
        warranties.push({
          id: newId(),
          order_id: id,
          line_id: firstLabour,
          item_id: it?.id,
          kind: 'labour',
          serial: it?.serial,
          fitted_on: date(finished),
          months: 3,
          valid_until: date(finished + 91 * DAY),
          status: 'active',
          created_at: iso(finished),
          updated_at: iso(finished),
        });
    }
    await db.transaction().execute(async (tx) => {
      await insertChunks(tx, 'service_order', orders);
      await insertChunks(tx, 'service_order_line', lines);
      await insertChunks(tx, 'service_order_line_technician', shares);
      await insertChunks(tx, 'warranty_record', warranties);
    });
  }
  // The next order taken in gets the next number.
  await db
    .updateTable('numbering_series')
    .set({ next_number: ORDERS + 1 })
    .where('id', '=', series)
    .execute();
  // The earnings report's copy of the finished orders' labour shares, as finishing takes it (migration 0022).
  await recordAllEarnings(db);
  // Planner statistics and, on PostgreSQL, the visibility map, as a live database has them (autovacuum): otherwise
  // autovacuum's pass over the freshly written 600,000 rows runs during the measurements.
  await (dialectOf(db) === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
  const ordersMs = performance.now() - t1;
  return { peopleMs, ordersMs, lineCount, customers, items, models, parts, main, technicians };
}

async function benchOne(label: string, databaseUrl: string, cleanup: () => Promise<void>) {
  const pg = databaseUrl.startsWith('postgres');
  const only = arg('--only');
  if (only && only !== (pg ? 'pg' : 'sqlite')) return cleanup();
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
  console.log(
    `\n${label} (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  const g = await generate(db, pg);
  console.log(
    `  generated ${CUSTOMERS} customers + ${ITEMS} items in ${g.peopleMs.toFixed(0)} ms; ${ORDERS} orders + ${g.lineCount} lines in ${(g.ordersMs / 1000).toFixed(1)} s (${((ORDERS / g.ordersMs) * 1000).toFixed(0)} orders/s)`,
  );

  const app = await buildApp({ config, database: handle, logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'bench-password' },
  });
  const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  const headers = { cookie, 'x-csrf-token': String(login.json().csrfToken) };
  const call = async (method: 'GET' | 'POST', url: string, status: number, payload?: object) => {
    const res = await app.inject({ method, url, headers, payload });
    if (res.statusCode !== status)
      throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json() as Record<string, unknown>;
  };
  // A target of null: none on this database (the issue sets the two writes' 20 ms on SQLite only).
  type Row = [string, { median: number; p95: number }, number | null];
  const results: Row[] = [];
  const show = ([what, st, target]: Row) =>
    console.log(
      `  ${what.padEnd(56)} ${st.median.toFixed(1).padStart(7)} ms ${st.p95.toFixed(1).padStart(7)} ms  ${
        target === null ? '     —       (SQLite only)' : `<${target} ms  ${st.p95 < target ? 'yes' : 'NO'}`
      }`,
    );
  const writeTarget = pg ? null : 20;
  const record = (r: Row) => {
    results.push(r);
    show(r);
  };
  console.log(`  ${RUNS} runs each                                          median      p95   target  met`);
  const timedGet = async (what: string, url: (i: number) => string, target: number) => {
    const ms: number[] = [];
    // Warm-up (see WARM_UP).
    for (let i = 0; i < WARM_UP; i++) await call('GET', url(RUNS + i), 200);
    // Timed: the server's answer, up to its last byte; the client's JSON.parse of it is not.
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: url(i), headers });
      ms.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`GET ${url(i)}: ${res.statusCode}`);
    }
    record([what, stats(ms), target]);
  };
  const pick = random(99);
  const someItem = (i: number) => g.items[(i * 997 + 13) % g.items.length] ?? g.items[0];
  const someCustomer = (i: number) => g.customers[(i * 331 + 7) % g.customers.length] ?? g.customers[0];
  const year = new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  const open = 'status=received,diagnosing,awaiting_approval,awaiting_parts,in_repair';

  await timedGet(
    'open repairs page as the screen asks (open=true, first page)',
    () => '/api/v1/service-orders?open=true&sort=receivedAt',
    20,
  );
  await timedGet('open repairs page (status filter, first page)', () => `/api/v1/service-orders?${open}`, 20);
  await timedGet(
    'open repairs page with q = customer name',
    (i) =>
      `/api/v1/service-orders?${open}&q=${encodeURIComponent(someCustomer(i)?.name.split(' ')[0] ?? '')}`,
    20,
  );
  await timedGet(
    'all orders with q = serial',
    (i) => `/api/v1/service-orders?q=${encodeURIComponent(someItem(i)?.serial ?? '')}`,
    20,
  );
  await timedGet('board', () => '/api/v1/service-orders/board', 20);
  await timedGet(
    'item history (GET /items/:id/history)',
    (i) => `/api/v1/items/${someItem(i)?.id}/history`,
    20,
  );
  await timedGet(
    'warranty records by serial',
    (i) => `/api/v1/warranty-records?serial=${encodeURIComponent(someItem(i)?.serial ?? '')}`,
    20,
  );
  await timedGet(
    'intake-check by serial',
    (i) => `/api/v1/service-orders/intake-check?serial=${encodeURIComponent(someItem(i)?.serial ?? '')}`,
    20,
  );
  await timedGet(
    'parties search by phone (intake form)',
    (i) => `/api/v1/parties?q=${encodeURIComponent(someCustomer(i)?.phone.slice(-7) ?? '')}`,
    20,
  );
  await timedGet(
    'technician earnings, one year',
    () => `/api/v1/reports/technician-earnings?from=${year}&to=${today}`,
    300,
  );

  // Taking in: a new customer and a new item each time.
  const intake: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const model = g.models[pick(g.models.length)];
    const body = {
      newCustomer: { name: `Нов Клиент ${i}`, phone: `+35989${String(1_000_000 + i).slice(1)}` },
      serialNumber: `NEW${label.length}X${i}`,
      modelId: model?.id,
      complaint: 'Не работи',
    };
    const s = performance.now();
    await call('POST', '/api/v1/service-orders', 201, body);
    intake.push(performance.now() - s);
  }
  record(['take in: new customer + new item (POST /service-orders)', stats(intake), writeTarget]);

  // Finishing: 5 part lines, stock received first. Parts of their own: the history's waiting lines would take a
  // receipt of its parts first (oldest first, ADR 0014).
  const partIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const part = await call('POST', '/api/v1/parts', 201, {
      code: `BENCH-FIN-${i}`,
      nameBg: `Част за приключване ${i}`,
      salePriceCents: 2_000,
      typicalCostCents: 1_000,
    });
    partIds.push(String(part.id));
  }
  const supplier = (
    await db
      .selectFrom('party')
      .select('id')
      .where('is_supplier', '=', (pg ? true : 1) as never)
      .executeTakeFirst()
  )?.id;
  const receipt = await createDraft(
    db,
    SYSTEM_ACTOR,
    CreateDocumentBody.parse({
      type: 'receipt',
      warehouseId: g.main,
      supplierId: supplier,
      lines: partIds.map((partId) => ({ partId, quantityMilli: (RUNS + 5) * 1000, unitCostCents: 1_000 })),
    }),
  );
  await postDocument(db, SYSTEM_ACTOR, receipt.id);
  const finish: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const it = someItem(i + 500);
    const order = await call('POST', '/api/v1/service-orders', 201, {
      partyId: g.customers[it?.owner ?? 0]?.id,
      itemId: it?.id,
      complaint: 'Не загрява',
      technicianId: g.technicians[0],
    });
    const id = String(order.id);
    for (const partId of partIds)
      await call('POST', `/api/v1/service-orders/${id}/lines`, 201, {
        kind: 'part',
        partId,
        warehouseId: g.main,
        quantityMilli: 1000,
      });
    await call('POST', `/api/v1/service-orders/${id}/status`, 200, { to: 'diagnosing' });
    await call('POST', `/api/v1/service-orders/${id}/status`, 200, { to: 'in_repair' });
    const s = performance.now();
    await call('POST', `/api/v1/service-orders/${id}/status`, 200, { to: 'ready' });
    finish.push(performance.now() - s);
  }
  record(['finish an order with 5 part lines (status → ready)', stats(finish), writeTarget]);
  const rss = process.memoryUsage().rss / 1024 / 1024;
  await app.close();
  await handle.close();
  // --keep: leave the SQLite file or the PostgreSQL database for EXPLAIN (its address is printed).
  if (process.argv.includes('--keep')) console.log(`  kept ${databaseUrl}`);
  else await cleanup();

  console.log(`  ${label}, ${ORDERS} orders: the table again`);
  for (const r of results) show(r);
  console.log(
    `  RSS ${rss.toFixed(0)} MiB (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
}

await onBothDatabases('orders', benchOne);
