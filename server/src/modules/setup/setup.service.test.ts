import { describe, expect, it } from 'vitest';
import { aCustomer } from '../../../test/factories';
import { ADMIN_PASSWORD, DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase, tableRows } from '../../../test/snapshot';
import { DEMO_COMPANY_NAME, DEMO_PASSWORD } from './setup.schema';

/** Rows per table, leaving out the migrations record and SQLite's FTS5 index tables (kept in step by triggers). */
async function rowCounts(t: { db: Parameters<typeof tableRows>[0] }): Promise<Record<string, number>> {
  const all = await tableRows(t.db, []);
  return Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => !name.startsWith('servix_migration') && !name.includes('_search_fts'))
      .map(([name, rows]) => [name, rows.length]),
  );
}

const owner = {
  adminUsername: 'owner',
  adminFullName: 'Мария Иванова',
  adminPassword: ADMIN_PASSWORD,
};

describe.each(DIALECTS)('the demo company on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  it('"try with a demo company" makes a clearly named demo company, demo users, and the owner’s own admin', async () => {
    // A company name sent along is not used: the demo's name is fixed.
    const res = await t.request(null, 'POST', '/api/v1/setup', {
      ...owner,
      companyName: 'Моята фирма',
      demo: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ username: 'owner', fullName: 'Мария Иванова', role: 'admin' });
    const cookie = res.cookies.find((c) => c.name === 'servix_session')?.value;
    admin = {
      cookie: `servix_session=${cookie}`,
      csrfToken: res.json().csrfToken,
      userId: res.json().user.id,
      role: 'admin',
    };

    const company = (await t.request(admin, 'GET', '/api/v1/company')).json();
    expect(company).toMatchObject({ legalName: DEMO_COMPANY_NAME, isDemo: true, uic: '206417593' });
    expect(company.legalName).toBe('Демо Сервиз ЕООД (демо)');

    const users = (await t.request(admin, 'GET', '/api/v1/users')).json().items as {
      username: string;
      fullName: string;
      role: string;
    }[];
    expect(users.map((u) => u.role).sort()).toEqual(
      ['accountant', 'admin', 'manager', 'reception', 'storekeeper', 'technician'].sort(),
    );
    for (const u of users.filter((x) => x.username !== 'owner')) expect(u.fullName).toMatch(/\(демо\)$/);
  });

  it('the seed is the system’s doing: no audit row carries the owner’s id but their own sign-in', async () => {
    const rows = await t.db.selectFrom('audit_log').select(['action', 'user_id']).execute();
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.user_id === admin.userId).map((r) => r.action)).toEqual(['auth.login']);
    expect(rows.filter((r) => r.user_id !== null && r.user_id !== admin.userId)).toEqual([]);
    // The audit log answers them without a user: the screen shows "System".
    const page = (await t.request(admin, 'GET', '/api/v1/audit?entity=company')).json();
    expect(
      page.items.map((e: { action: string; username: string | null }) => [e.action, e.username]),
    ).toEqual(
      expect.arrayContaining([
        ['company.create', null],
        ['company.seed_demo', null],
      ]),
    );
  });

  it('leaving the demo is refused to everyone but an administrator, and writes nothing', async () => {
    // The demo's own manager signs in with the demo password.
    const login = await t.request(null, 'POST', '/api/v1/auth/login', {
      username: 'manager',
      password: DEMO_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
    const manager: Session = {
      cookie: `servix_session=${login.cookies.find((c) => c.name === 'servix_session')?.value}`,
      csrfToken: login.json().csrfToken,
      userId: login.json().user.id,
      role: 'manager',
    };
    const before = await snapshotDatabase(t.db);
    const res = await t.request(manager, 'POST', '/api/v1/setup/leave-demo');
    expect(res.statusCode).toBe(403);
    expect((await t.request(null, 'POST', '/api/v1/setup/leave-demo')).statusCode).toBe(401);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('leaving the demo empties every table, ends every session, and the setup runs again for a real company', async () => {
    expect(Object.values(await rowCounts(t)).some((n) => n > 0)).toBe(true);
    const res = await t.request(admin, 'POST', '/api/v1/setup/leave-demo');
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'servix_session')?.value).toBe('');

    const counts = await rowCounts(t);
    expect(Object.keys(counts)).toEqual(
      expect.arrayContaining(['company', 'app_user', 'user_session', 'audit_log']),
    );
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
    const migrations = await snapshotDatabase(t.db, []);
    expect(migrations.servix_migration?.length).toBeGreaterThan(10);

    expect((await t.request(admin, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.request(null, 'GET', '/api/v1/setup')).json()).toMatchObject({ needsSetup: true });

    const real = await t.setup();
    const company = (await t.request(real, 'GET', '/api/v1/company')).json();
    expect(company).toMatchObject({ legalName: 'Тест Сервиз ООД', isDemo: false, uic: null });
    // Nothing of the demo is left to find, in the search index either; new records are found.
    expect((await t.request(real, 'GET', '/api/v1/search?q=Тошева')).json().customers).toEqual([]);
    await aCustomer(t, real, { name: 'Тошева и синове ООД' });
    const hits = (await t.request(real, 'GET', '/api/v1/search?q=Тошева')).json().customers;
    expect(hits.map((h: { name: string }) => h.name)).toEqual(['Тошева и синове ООД']);
    const users = (await t.request(real, 'GET', '/api/v1/users')).json().items;
    expect(users.map((u: { username: string }) => u.username)).toEqual(['admin']);
  });
});

describe.each(DIALECTS)('the owner’s own company on %s', (dialect) => {
  const t = useTestApp(dialect);

  it('"start my company" needs the company’s name; nothing is written without it', async () => {
    const before = await snapshotDatabase(t.db);
    const res = await t.request(null, 'POST', '/api/v1/setup', owner);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'required',
      errors: [{ field: 'companyName', code: 'required' }],
    });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('is not a demo: no demo data, and leaving the demo is refused with not_a_demo, writing nothing', async () => {
    const admin = await t.setup();
    const company = (await t.request(admin, 'GET', '/api/v1/company')).json();
    expect(company).toMatchObject({ legalName: 'Тест Сервиз ООД', isDemo: false, uic: null });
    expect((await t.request(admin, 'GET', '/api/v1/users')).json().items).toHaveLength(1);
    // Setup itself is the system's: the owner's id is on their own sign-in only.
    const mine = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('user_id', '=', admin.userId)
      .execute();
    expect(mine.map((r) => r.action)).toEqual(['auth.login']);

    const before = await snapshotDatabase(t.db);
    const res = await t.request(admin, 'POST', '/api/v1/setup/leave-demo');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'not_a_demo',
      detail: 'Това не е демо фирма: данните ѝ не се изтриват оттук.',
    });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect((await t.request(admin, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });
});
