/**
 * Global search on 100,000 customers (issue: "answers in under 100 ms on 100,000 customers").
 * Generates realistic Bulgarian persons and companies with phones and e-mails, then times GET /api/v1/search
 * (customers + items + parts) and searchParties alone for several kinds of needle, on SQLite and PostgreSQL.
 * Usage: npm run bench:search [-- --count 100000] [-- --pg URL]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrate';
import { SYSTEM_ACTOR } from '../server/src/kernel/actor';
import { foldSearchText, transliterateBg } from '../server/src/kernel/search-text';
import { draftFromCreate, insertPartyDrafts, searchParties } from '../server/src/modules/parties';
import { runSetup } from '../server/src/modules/setup';
import { onBothDatabases } from './databases';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const COUNT = Number(arg('--count') ?? 100_000);

const FIRST = [
  'Георги',
  'Иван',
  'Димитър',
  'Николай',
  'Петър',
  'Мария',
  'Елена',
  'Йорданка',
  'Десислава',
  'Стоян',
  'Цветелина',
  'Калоян',
  'Радослав',
  'Милена',
  'Веселин',
];
const LAST = [
  'Петров',
  'Иванов',
  'Георгиев',
  'Димитров',
  'Николов',
  'Стоянов',
  'Христов',
  'Тодоров',
  'Колев',
  'Маринов',
  'Атанасов',
  'Ангелов',
  'Попов',
  'Костадинов',
];
const COMPANY = [
  'Техно',
  'Строй',
  'Климат',
  'Енерджи',
  'Хотел',
  'Ресторант',
  'Агро',
  'Медикал',
  'Логистик',
  'Софт',
];
const CITIES = ['София', 'Пловдив', 'Варна', 'Бургас', 'Русе', 'Стара Загора', 'Плевен', 'Благоевград'];

/** A valid 9-digit ЕИК from 8 digits (check digit as in kernel/identifiers). */
function uicFrom(n: number): string {
  const d = String(n % 100_000_000)
    .padStart(8, '0')
    .split('')
    .map(Number);
  let sum = d.reduce((s, x, i) => s + x * (i + 1), 0) % 11;
  if (sum === 10) sum = (d.reduce((s, x, i) => s + x * (i + 3), 0) % 11) % 10;
  return d.join('') + String(sum);
}

function customer(i: number) {
  const company = i % 4 === 0;
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
  const phone = `+35988${String(1_000_000 + i).slice(-7)}`;
  return draftFromCreate({
    kind: company ? 'company' : 'person',
    name: company ? `${COMPANY[i % COMPANY.length]} ${last} ${i} ЕООД` : `${first} ${last} ${i}`,
    uic: company ? uicFrom(10_000_000 + i) : null,
    vatNumber: null,
    mol: company ? `${first} ${last}` : null,
    egn: null,
    wantsInvoices: false,
    isCustomer: true,
    isSupplier: false,
    notes: null,
    phones: [{ label: 'mobile', number: phone }],
    emails: [{ label: 'main', email: `client${i}@example.com` }],
    addresses: [
      {
        label: 'registered',
        city: CITIES[i % CITIES.length] as string,
        address: `ул. „Тестова“ ${i % 300}`,
        postcode: null,
        country: 'BG',
      },
    ],
    contacts: [],
  } as Parameters<typeof draftFromCreate>[0]);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function run(label: string, databaseUrl: string, cleanup: () => Promise<void>) {
  const config = { ...loadConfig({ DATABASE_URL: databaseUrl }), webDist: '/nonexistent' };
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
  for (let start = 0; start < COUNT; start += 1000) {
    const drafts = Array.from({ length: Math.min(1000, COUNT - start) }, (_, k) => customer(start + k));
    await handle.db.transaction().execute((trx) => insertPartyDrafts(trx, SYSTEM_ACTOR, drafts));
  }
  const loadMs = performance.now() - t0;
  await sql`analyze`.execute(handle.db);

  const app = await buildApp({ config, database: handle, logger: false });
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'bench-password' },
  });
  const cookie = `servix_session=${login.cookies.find((c) => c.name === 'servix_session')?.value}`;

  const needles = [
    ['name, Cyrillic lower case', customer(4711).name.toLocaleLowerCase('bg')],
    ['name, Latin', transliterateBg(foldSearchText(customer(4711).name))],
    ['common surname', 'иванов'],
    ['phone, spaced', '088 100 4711'],
    ['ЕИК', uicFrom(10_000_000 + 4712)],
    ['e-mail', 'client4711@'],
    ['no match', 'няма-такъв-клиент'],
  ] as const;
  console.log(
    `\n${label}: ${COUNT.toLocaleString('en')} customers loaded in ${(loadMs / 1000).toFixed(1)} s`,
  );
  for (const [what, q] of needles) {
    const direct: number[] = [];
    const http: number[] = [];
    let hits = 0;
    for (let i = 0; i < 15; i++) {
      t0 = performance.now();
      hits = (await searchParties(handle.db, q, 5)).length;
      direct.push(performance.now() - t0);
      t0 = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/search?q=${encodeURIComponent(q)}`,
        headers: { cookie },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
      http.push(performance.now() - t0);
    }
    console.log(
      `  ${what.padEnd(26)} "${q}": ${hits} hits; customers query median ${median(direct).toFixed(1)} ms (max ${Math.max(...direct).toFixed(1)}); GET /api/v1/search median ${median(http).toFixed(1)} ms (max ${Math.max(...http).toFixed(1)})`,
    );
  }
  console.log(`  RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  await app.close();
  await handle.close();
  await cleanup();
}

await onBothDatabases('search', run);
