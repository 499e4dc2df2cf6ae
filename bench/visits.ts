/**
 * The technicians' schedule (issue 14, ADR 0031) on SQLite and, when it answers, PostgreSQL: 30 technicians
 * (Mon-Fri 08:00-17:00, half of them with the air-conditioning skill), 2,000 bookings over four weeks written straight
 * into the tables (one visit request each), then through the HTTP API (app.inject, signed in), RUNS runs each after
 * WARM_UP untimed ones, median and p95 (target p95 < 30 ms):
 *  - the week view: every booking of the 30 technicians in one week (GET /visit-bookings?from&to);
 *  - occupancy of the 30 technicians for that week, per day;
 *  - suggest for a request with the skill over a month (GET /visit-requests/:id/suggestions?days=31);
 *  - "my jobs today" as a technician (GET /visit-bookings/mine).
 * Usage: npm run bench:visits [-- --pg postgres://postgres@127.0.0.1:5432/postgres] [--only sqlite|pg]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { addDays, instantAt } from '../server/src/kernel/calendar';
import { newId } from '../server/src/kernel/ids';
import { runSetup } from '../server/src/modules/setup';
import { onBothDatabases } from './databases';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const TECHNICIANS = 30;
const BOOKINGS = 2_000;
const RUNS = 50;
const WARM_UP = 8;
const MONDAY = '2030-01-07';
const SLOTS = [480, 600, 780, 900]; // 08:00, 10:00, 13:00, 15:00 — 90 minutes each
const HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 }));

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
};

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
    demo: false,
  });
  const db = handle.db;
  console.log(
    `\n${label} (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  const app = await buildApp({ config, database: handle, logger: false });
  const signIn = async (username: string, password: string) => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    return { cookie, 'x-csrf-token': String(login.json().csrfToken) };
  };
  const admin = await signIn('admin', 'bench-password');
  const call = async (
    headers: Record<string, string>,
    method: 'GET' | 'POST',
    url: string,
    status: number,
    payload?: object,
  ) => {
    const res = await app.inject({ method, url, headers, payload });
    if (res.statusCode !== status)
      throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    // biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers
    return res.json() as Record<string, any>;
  };

  const post = (headers: Record<string, string>, url: string, payload: object) =>
    call(headers, 'POST', url, 201, payload);

  // Master data through the API.
  const category = await post(admin, '/api/v1/categories', { code: 'AC', nameBg: 'Климатици' });
  const brand = await post(admin, '/api/v1/brands', { code: 'DAI', name: 'Daikin' });
  const model = await post(admin, '/api/v1/models', {
    name: 'FTXM35',
    brandId: brand.id,
    categoryId: category.id,
  });
  const service = await post(admin, '/api/v1/service-types', {
    code: 'SRV',
    nameBg: 'Профилактика',
    normMinutes: 60,
    pricing: 'hourly',
    priceCents: 6000,
  });
  const party = await post(admin, '/api/v1/parties', {
    kind: 'company',
    name: 'Клиент ООД',
    isCustomer: true,
    isSupplier: false,
  });
  const site = await post(admin, '/api/v1/sites', { partyId: party.id, name: 'Офис' });
  const item = await post(admin, '/api/v1/items', {
    modelId: model.id,
    partyId: party.id,
    siteId: site.id,
    serialNumber: 'SN-BENCH-1',
  });
  await post(admin, '/api/v1/users', {
    username: 'tech0',
    fullName: 'Техник 0',
    role: 'technician',
    password: 'bench-password',
  });
  const techUser = await signIn('tech0', 'bench-password');
  const me = await call(techUser, 'GET', '/api/v1/auth/me', 200);
  const techs: string[] = [];
  for (let i = 0; i < TECHNICIANS; i++)
    techs.push(
      (
        await post(admin, '/api/v1/technicians', {
          name: `Техник ${String(i).padStart(2, '0')}`,
          skills: i % 2 === 0 ? ['AC'] : [],
          hours: HOURS,
          ...(i === 0 ? { userId: me.user.id } : {}),
        })
      ).id as string,
    );

  // 2,000 bookings straight into the tables: each technician, each working day of four weeks, up to four slots.
  const started = performance.now();
  const now = new Date().toISOString();
  const requests: Record<string, unknown>[] = [];
  const bookings: Record<string, unknown>[] = [];
  const techRows: Record<string, unknown>[] = [];
  outer: for (let slot = 0; slot < SLOTS.length; slot++)
    for (let week = 0; week < 4; week++)
      for (let day = 0; day < 5; day++)
        for (const tech of techs) {
          if (bookings.length >= BOOKINGS) break outer;
          const date = addDays(MONDAY, week * 7 + day);
          const start = instantAt(date, SLOTS[slot] as number).toISOString();
          const end = instantAt(date, (SLOTS[slot] as number) + 90).toISOString();
          const requestId = newId();
          const bookingId = newId();
          requests.push({
            id: requestId,
            party_id: party.id,
            site_id: site.id,
            problem: 'Профилактика',
            priority: 'normal',
            status: 'planned',
            source: 'phone',
            expected_minutes: 90,
            search_text: 'профилактика',
            status_changed_at: now,
            created_at: now,
            updated_at: now,
          });
          bookings.push({
            id: bookingId,
            kind: 'visit',
            request_id: requestId,
            status: 'planned',
            start_at: start,
            end_at: end,
            local_date: date,
            norm_minutes: 60,
            travel_minutes: 30,
            created_at: now,
            updated_at: now,
          });
          techRows.push({
            id: newId(),
            booking_id: bookingId,
            technician_id: tech,
            start_at: start,
            end_at: end,
            local_date: date,
          });
        }
  await db.transaction().execute(async (trx) => {
    for (const [table, rows] of [
      ['visit_request', requests],
      ['visit_booking', bookings],
      ['visit_booking_technician', techRows],
    ] as const)
      for (let i = 0; i < rows.length; i += 400)
        // biome-ignore lint/suspicious/noExplicitAny: generated rows for the visit tables
        await (trx as any)
          .insertInto(table)
          .values(rows.slice(i, i + 400))
          .execute();
  });
  // Rows written straight into the tables leave PostgreSQL's planner statistics empty until autovacuum's analyze (due
  // after 50 + 10 % of a table's rows change, within a minute): refreshed at once here, as a live system would have
  // them. Without it the planner joins 1,000 slots to their bookings by 1,000 index look-ups instead of one hash.
  if (pg) await sql`analyze`.execute(db);
  console.log(
    `  generated ${TECHNICIANS} technicians and ${bookings.length} bookings in ${(performance.now() - started).toFixed(0)} ms`,
  );

  // The request to suggest for: the item (the AC skill), windows over the month.
  const request = await post(admin, '/api/v1/visit-requests', {
    partyId: party.id,
    siteId: site.id,
    itemIds: [item.id],
    services: [{ serviceTypeId: service.id, itemId: item.id, quantityMilli: 2000 }],
    problem: 'Не охлажда',
    windows: [0, 1, 2, 3].map((w) => ({
      start: instantAt(addDays(MONDAY, w * 7), 480).toISOString(),
      end: instantAt(addDays(MONDAY, w * 7 + 4), 1020).toISOString(),
    })),
  });

  console.log(`  ${RUNS} runs each                                        median      p95   target  met`);
  const timed = async (
    what: string,
    headers: Record<string, string>,
    url: (i: number) => string,
    check: (body: Record<string, unknown>) => void,
  ) => {
    for (let i = 0; i < WARM_UP; i++) check(await call(headers, 'GET', url(i), 200));
    const ms: number[] = [];
    // Timed: the server's answer, up to its last byte; the client's JSON.parse of it is not (the warm-ups check it).
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url: url(i), headers });
      ms.push(performance.now() - s);
      if (res.statusCode !== 200) throw new Error(`GET ${url(i)}: ${res.statusCode}`);
    }
    const st = stats(ms);
    console.log(
      `  ${what.padEnd(52)} ${st.median.toFixed(1).padStart(7)} ms ${st.p95.toFixed(1).padStart(7)} ms  <30 ms  ${st.p95 < 30 ? 'yes' : 'NO'}`,
    );
  };
  const week = (i: number) => addDays(MONDAY, (i % 4) * 7);
  await timed(
    'week view, 30 technicians (~500 bookings)',
    admin,
    (i) => `/api/v1/visit-bookings?from=${week(i)}&to=${addDays(week(i), 6)}`,
    (b) => {
      if ((b.items as unknown[]).length < 400)
        throw new Error(`week view: ${(b.items as unknown[]).length} bookings`);
    },
  );
  await timed(
    'occupancy, 30 technicians, one week by day',
    admin,
    (i) => `/api/v1/visit-occupancy?from=${week(i)}&to=${addDays(week(i), 6)}`,
    (b) => {
      if ((b.technicians as unknown[]).length !== TECHNICIANS)
        throw new Error('occupancy: technicians missing');
    },
  );
  await timed(
    'suggest over 30 technicians and a month',
    admin,
    () => `/api/v1/visit-requests/${request.id}/suggestions?from=${MONDAY}&days=31`,
    (b) => {
      if ((b.suggestions as unknown[]).length !== TECHNICIANS / 2)
        throw new Error(`suggest: ${(b.suggestions as unknown[]).length}`);
    },
  );
  await timed(
    'my jobs today (a technician)',
    techUser,
    (i) => `/api/v1/visit-bookings/mine?date=${addDays(MONDAY, i % 5)}`,
    (b) => {
      if ((b.items as unknown[]).length < 3) throw new Error('my jobs: none');
    },
  );
  console.log(`  resident memory ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  await app.close();
  await handle.close();
  await cleanup();
}

await onBothDatabases('visits', benchOne);
