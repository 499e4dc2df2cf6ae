import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DIALECTS, type Session, USER_PASSWORD, useTestApp } from '../harness';
import { snapshotDatabase } from '../snapshot';

const VALID_COMPANY = {
  legalName: 'Сервиз Техноплюс ЕООД',
  uic: '131468980',
  vatNumber: 'BG131468980',
  vatRegistered: true,
  vatRegisteredFrom: '2020-01-01',
  country: 'BG',
  city: 'София',
  address: 'бул. „Витоша“ 1',
  postcode: '1000',
  mol: 'Иван Иванов',
  phone: '+359 2 000 0000',
  email: 'office@example.com',
  website: null,
  defaultVatRateBp: 2000,
  fiscalDeviceRequired: true,
  bankAccounts: [
    {
      iban: 'BG80 BNBG 9661 1020 3456 78',
      bic: 'BNBGBGSD',
      bankName: 'БНБ',
      currency: 'EUR',
      isDefault: true,
    },
  ],
};

describe.each(DIALECTS)('foundation flow on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  it('an empty installation needs setup; setup signs the admin in; a second setup is refused', async () => {
    const status = await t.request(null, 'GET', '/api/v1/setup');
    expect(status.json()).toMatchObject({ needsSetup: true });
    expect((await t.request(null, 'GET', '/api/v1/company')).statusCode).toBe(401);

    admin = await t.setup({ demo: true });
    expect((await t.request(null, 'GET', '/api/v1/setup')).json()).toMatchObject({ needsSetup: false });
    const me = await t.request(admin, 'GET', '/api/v1/auth/me');
    expect(me.json()).toMatchObject({ user: { username: 'admin', role: 'admin' } });

    const before = await snapshotDatabase(t.db);
    const again = await t.request(null, 'POST', '/api/v1/setup', {
      companyName: 'Друга фирма',
      adminUsername: 'intruder',
      adminFullName: 'X',
      adminPassword: 'whatever-1234',
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'already_set_up' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('demo data: the demo company has valid requisites and one user per role', async () => {
    const company = (await t.request(admin, 'GET', '/api/v1/company')).json();
    expect(company).toMatchObject({ uic: '206417593', vatRegistered: true, city: 'София' });
    const users = (await t.request(admin, 'GET', '/api/v1/users')).json().items as { role: string }[];
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['admin', 'manager', 'reception', 'technician', 'storekeeper', 'accountant']),
    );
    const series = (await t.request(admin, 'GET', '/api/v1/numbering-series')).json().items as {
      docType: string;
      nextNumber: number;
    }[];
    expect(series.find((s) => s.docType === 'invoice')).toMatchObject({ nextNumber: 1 });
  });

  it('a wrong password and an unknown user get the same 401, which does not say which part was wrong', async () => {
    const before = await snapshotDatabase(t.db);
    const wrongPassword = await t.request(null, 'POST', '/api/v1/auth/login', {
      username: 'admin',
      password: 'nope-nope',
    });
    const unknownUser = await t.request(null, 'POST', '/api/v1/auth/login', {
      username: 'ghost',
      password: ADMIN_PASSWORD,
    });
    for (const res of [wrongPassword, unknownUser]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'invalid_credentials',
        detail: 'Грешно потребителско име или парола.',
      });
      expect(res.cookies).toHaveLength(0);
    }
    expect(wrongPassword.json()).toEqual(unknownUser.json());
    expect(await snapshotDatabase(t.db)).toEqual(before);
    const english = await t.request(
      null,
      'POST',
      '/api/v1/auth/login',
      { username: 'admin', password: 'x' },
      { 'x-servix-locale': 'en' },
    );
    expect(english.json().detail).toBe('Wrong username or password.');
  });

  it('too many failed sign-ins for one username from one address make that address wait, not the user', async () => {
    await t.signInAs('reception', 'lockme');
    const from = (remoteAddress: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { username: 'LockMe', password },
      });
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7', 'wrong-password')).statusCode).toBe(401);
    const waiting = await from('203.0.113.7', USER_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('1');
    expect(waiting.json()).toMatchObject({ code: 'too_many_attempts', status: 429 });
    // The user, from their own address, is not locked out by someone else's failures.
    expect((await from('198.51.100.20', USER_PASSWORD)).statusCode).toBe(200);
  });

  it('saves company settings, normalising the IBAN, with an audit row holding before and after', async () => {
    const res = await t.request(admin, 'PUT', '/api/v1/company', VALID_COMPANY);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      uic: '131468980',
      bankAccounts: [{ iban: 'BG80BNBG96611020345678', isDefault: true }],
    });
    const audit = (await t.request(admin, 'GET', '/api/v1/audit?entity=company')).json();
    const entry = audit.items.find((e: { action: string }) => e.action === 'company.update');
    expect(entry).toMatchObject({
      username: 'admin',
      before: { uic: '206417593' },
      after: { uic: '131468980' },
    });
  });

  it('bad input: 400 problem+json naming the field, 413 for an oversized body; nothing is written', async () => {
    const before = await snapshotDatabase(t.db);
    const cases: [unknown, number, string, string][] = [
      [{ ...VALID_COMPANY, uic: '131468981' }, 400, 'invalid_uic', 'uic'],
      [{ ...VALID_COMPANY, surprise: 1 }, 400, 'unknown_field', 'surprise'],
      [{ ...VALID_COMPANY, vatRegistered: 'yes' }, 400, 'invalid_type', 'vatRegistered'],
      [{ ...VALID_COMPANY, defaultVatRateBp: 20.5 }, 400, 'invalid_type', 'defaultVatRateBp'],
      [{ ...VALID_COMPANY, legalName: undefined }, 400, 'required', 'legalName'],
      [
        { ...VALID_COMPANY, bankAccounts: [{ iban: 'BG80BNBG96611020345679' }] },
        400,
        'invalid_iban',
        'bankAccounts.0.iban',
      ],
      [{ ...VALID_COMPANY, vatRegistered: true, vatNumber: null }, 400, 'required', 'vatNumber'],
      [{ ...VALID_COMPANY, address: 'x'.repeat(1_100_000) }, 413, 'body_too_large', ''],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await t.request(admin, 'PUT', '/api/v1/company', body);
      expect(res.statusCode, JSON.stringify(res.json()).slice(0, 300)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status, code });
      if (field) expect(res.json().field).toBe(field);
      expect(res.json().detail.length).toBeGreaterThan(0);
    }
    const notJson = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/company',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      payload: '{"legalName": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('invalid_json');
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('a cookie-authenticated write without the CSRF token is refused; API tokens need none', async () => {
    const before = await snapshotDatabase(t.db);
    const noCsrf = await t.request({ ...admin, csrfToken: '' }, 'PUT', '/api/v1/company', VALID_COMPANY);
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    expect(await snapshotDatabase(t.db)).toEqual(before);

    const created = await t.request(admin, 'POST', '/api/v1/api-tokens', {
      name: 'Интеграция',
      scope: 'write',
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^svx_/);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/company', headers: bearer })).statusCode).toBe(
      200,
    );
    const write = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/company',
      headers: bearer,
      payload: VALID_COMPANY,
    });
    expect(write.statusCode).toBe(200);
    const list = (await t.request(admin, 'GET', '/api/v1/api-tokens')).json().items;
    expect(JSON.stringify(list)).not.toContain(token);

    expect((await t.request(admin, 'DELETE', `/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/company', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('numbering series: a new series starts where the old system stopped; its start cannot change once used', async () => {
    const created = await t.request(admin, 'POST', '/api/v1/numbering-series', {
      docType: 'invoice',
      code: 'PLV',
      name: 'Пловдив',
      nextNumber: 4521,
    });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    const moved = await t.request(admin, 'PATCH', `/api/v1/numbering-series/${s.id}`, { nextNumber: 5000 });
    expect(moved.json()).toMatchObject({ nextNumber: 5000, used: false });
    const dup = await t.request(admin, 'POST', '/api/v1/numbering-series', {
      docType: 'invoice',
      code: 'PLV',
      name: 'x',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'series_code_taken', field: 'code' });
  });

  it('users: the last admin cannot be demoted; a deactivated user is signed out at once', async () => {
    const lastAdmin = await t.request(admin, 'PATCH', `/api/v1/users/${admin.userId}`, { role: 'manager' });
    expect(lastAdmin.statusCode).toBe(409);
    expect(lastAdmin.json().code).toBe('last_admin');

    const tech = await t.signInAs('technician', 'tech-to-disable');
    expect((await t.request(tech, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect(
      (await t.request(admin, 'PATCH', `/api/v1/users/${tech.userId}`, { active: false })).statusCode,
    ).toBe(200);
    expect((await t.request(tech, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const dup = await t.request(admin, 'POST', '/api/v1/users', {
      username: 'ADMIN',
      fullName: 'x',
      role: 'admin',
      password: 'long-enough-1',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'username_taken', field: 'username' });
  });

  it('the language choice is saved on the user and used for messages', async () => {
    const tech = await t.signInAs('technician');
    const res = await t.request(tech, 'PATCH', '/api/v1/auth/me', { locale: 'en' });
    expect(res.json().user.locale).toBe('en');
    const forbidden = await t.request(tech, 'GET', '/api/v1/users');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().detail).toBe('You are not allowed to do this.');
  });

  it('signing out ends the session', async () => {
    const s = await t.signInAs('accountant');
    expect((await t.request(s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await t.request(s, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('health checks the database; OpenAPI describes the routes from the same schemas', async () => {
    expect((await t.request(null, 'GET', '/api/health')).json()).toMatchObject({
      status: 'ok',
      database: dialect,
    });
    const doc = (await t.request(null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const put = doc.paths['/api/v1/company'].put;
    expect(put.requestBody.content['application/json'].schema.properties).toHaveProperty('uic');
    expect((await t.request(null, 'GET', '/api/docs')).statusCode).toBeLessThan(400);
    expect((await t.request(null, 'GET', '/api/v1/nothing-here')).json()).toMatchObject({
      status: 404,
      code: 'route_not_found',
    });
  });
});
