import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DIALECTS, type Session, USER_PASSWORD, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { AUTH_PURGE_JOB } from '../../app';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { newId } from '../../kernel/ids';
import { enqueueJob, JobRunner } from '../jobs';
import { throttleKey } from './auth.throttle';
import { createUser, purgeExpiredAuthData } from './index';

const DAY = 86_400_000;

describe.each(DIALECTS)('users, passwords and API tokens on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  it('setup refuses a short or common admin password, naming the field, and writes nothing', async () => {
    const before = await snapshotDatabase(t.db);
    const body = { companyName: 'Фирма', adminUsername: 'admin', adminFullName: 'Админ' };
    const short = await t.request(null, 'POST', '/api/v1/setup', { ...body, adminPassword: '12345678' });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.json()).toMatchObject({
      code: 'password_too_short',
      field: 'adminPassword',
      detail: 'Паролата в „adminPassword“ трябва да е поне 12 знака.',
    });
    const common = await t.request(
      null,
      'POST',
      '/api/v1/setup',
      { ...body, adminPassword: 'password1234' },
      { 'x-servix-locale': 'en' },
    );
    expect(common.statusCode).toBe(400);
    expect(common.json()).toMatchObject({
      code: 'password_too_common',
      field: 'adminPassword',
      detail: 'The password in "adminPassword" is common or easy to guess. Choose a longer, unusual one.',
    });
    const mixed = await t.request(null, 'POST', '/api/v1/setup', {
      ...body,
      adminUsername: '\u0430dmin',
      adminPassword: ADMIN_PASSWORD,
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json()).toMatchObject({ code: 'username_mixed_scripts', field: 'adminUsername' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    admin = await t.setup();
  });

  it('new users: 12 characters, not common, a username in one script, NFKC-normalised', async () => {
    const add = (username: string, password: string) =>
      t.request(admin, 'POST', '/api/v1/users', {
        username,
        fullName: 'Иван Петров',
        role: 'reception',
        password,
      });
    expect((await add('ivan', 'short-pw')).json()).toMatchObject({
      code: 'password_too_short',
      field: 'password',
    });
    for (const weak of ['123456789012', 'qwertyuiop12', 'iloveyou1234', 'ivanivanivan']) {
      const res = await add('ivan', weak);
      expect(res.statusCode, weak).toBe(400);
      expect(res.json(), weak).toMatchObject({ code: 'password_too_common', field: 'password' });
    }
    const lookalike = await add('\u0430dmin', USER_PASSWORD);
    expect(lookalike.statusCode).toBe(400);
    expect(lookalike.json()).toMatchObject({
      code: 'username_mixed_scripts',
      field: 'username',
      detail:
        'Потребителското име в „username“ смесва азбуки (напр. латиница и кирилица). Използвайте само една.',
    });
    const wide = await add('ＩＶＡＮ.petrov', USER_PASSWORD);
    expect(wide.statusCode).toBe(201);
    expect(wide.json().username).toBe('ivan.petrov');
    expect((await add('IVAN.PETROV', USER_PASSWORD)).json()).toMatchObject({ code: 'username_taken' });
    const cyrillic = await add('иван', USER_PASSWORD);
    expect(cyrillic.statusCode).toBe(201);

    // The CLI and the seed go through the service: the same rules.
    await expect(
      createUser(t.db, SYSTEM_ACTOR, {
        username: 'cli-user',
        password: 'password1234',
        role: 'reception',
        fullName: 'CLI',
        locale: 'bg',
        email: null,
      }),
    ).rejects.toMatchObject({ kind: 'invalid', code: 'password_too_common', options: { field: 'password' } });
  });

  it('a password change or reset follows the same rules', async () => {
    const tech = await t.signInAs('technician', 'tech-pw');
    const mine = await t.request(tech, 'PATCH', '/api/v1/auth/me', {
      currentPassword: USER_PASSWORD,
      newPassword: 'abcdefghijkl',
    });
    expect(mine.statusCode, mine.body).toBe(400);
    expect(mine.json()).toMatchObject({ code: 'password_too_common', field: 'newPassword' });
    const reset = await t.request(admin, 'PATCH', `/api/v1/users/${tech.userId}`, {
      password: 'aaaaaaaaaaaa',
    });
    expect(reset.statusCode, reset.body).toBe(400);
    expect(reset.json()).toMatchObject({ code: 'password_too_common', field: 'password' });
    const ok = await t.request(admin, 'PATCH', `/api/v1/users/${tech.userId}`, {
      password: 'Зелена-ябълка-7',
    });
    expect(ok.statusCode).toBe(200);
  });

  it('API tokens: read-only by default, 90 days unless chosen, at most a year; expired ones get 401', async () => {
    const made = await t.request(admin, 'POST', '/api/v1/api-tokens', { name: 'Отчети' });
    expect(made.statusCode).toBe(201);
    const read = made.json();
    expect(read.scope).toBe('read');
    expect(Math.abs(Date.parse(read.expiresAt) - (Date.now() + 90 * DAY))).toBeLessThan(60_000);
    const bearer = { authorization: `Bearer ${read.token}` };
    expect((await t.request(null, 'GET', '/api/v1/numbering-series', undefined, bearer)).statusCode).toBe(
      200,
    );
    const refused = await t.request(
      null,
      'POST',
      '/api/v1/numbering-series',
      { docType: 'invoice', code: 'RO', name: 'x' },
      bearer,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'api_token_read_only',
      detail: 'Този API ключ е само за четене.',
    });

    const past = await t.request(admin, 'POST', '/api/v1/api-tokens', {
      name: 'x',
      expiresAt: new Date(Date.now() - DAY).toISOString(),
    });
    expect(past.json()).toMatchObject({ code: 'api_token_expiry_past', field: 'expiresAt' });
    const far = await t.request(admin, 'POST', '/api/v1/api-tokens', {
      name: 'x',
      expiresAt: new Date(Date.now() + 400 * DAY).toISOString(),
    });
    expect(far.statusCode).toBe(400);
    expect(far.json()).toMatchObject({ code: 'api_token_expiry_too_far', field: 'expiresAt' });
    const badScope = await t.request(admin, 'POST', '/api/v1/api-tokens', { name: 'x', scope: 'admin' });
    expect(badScope.json()).toMatchObject({ field: 'scope' });

    await t.db
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', read.id)
      .execute();
    expect((await t.request(null, 'GET', '/api/v1/numbering-series', undefined, bearer)).statusCode).toBe(
      401,
    );
  });

  it('a write made with a token carries the token name in the audit log', async () => {
    const made = (
      await t.request(admin, 'POST', '/api/v1/api-tokens', {
        name: 'Склад интеграция',
        scope: 'write',
        expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
      })
    ).json();
    expect(made.scope).toBe('write');
    // Even a write token of an admin cannot make users or tokens, nor change a password.
    const tokenAuth = { authorization: `Bearer ${made.token}` };
    const user = await t.request(
      null,
      'POST',
      '/api/v1/users',
      { username: 'planted', fullName: 'X', role: 'admin', password: 'planted-admin-2026-x' },
      tokenAuth,
    );
    expect(user.statusCode).toBe(403);
    expect(user.json()).toMatchObject({ code: 'api_token_no_accounts' });
    const token = await t.request(null, 'POST', '/api/v1/api-tokens', { name: 'second' }, tokenAuth);
    expect(token.json()).toMatchObject({ code: 'api_token_no_accounts' });
    expect((await t.request(null, 'GET', '/api/v1/users', undefined, tokenAuth)).statusCode).toBe(200);
    const created = await t.request(
      null,
      'POST',
      '/api/v1/numbering-series',
      { docType: 'invoice', code: 'API', name: 'От интеграция' },
      { authorization: `Bearer ${made.token}` },
    );
    expect(created.statusCode).toBe(201);
    const log = await t.request(
      admin,
      'GET',
      `/api/v1/audit?entity=numbering_series&entityId=${created.json().id}`,
    );
    expect(log.json().items).toMatchObject([
      { action: 'numbering_series.create', userId: admin.userId, apiTokenName: 'Склад интеграция' },
    ]);
    const bySession = await t.request(admin, 'POST', '/api/v1/numbering-series', {
      docType: 'invoice',
      code: 'SES',
      name: 'През сесия',
    });
    const row = await t.db
      .selectFrom('audit_log')
      .select('api_token_name')
      .where('entity_id', '=', bySession.json().id)
      .executeTakeFirstOrThrow();
    expect(row.api_token_name).toBeNull();
  });

  it('purgeExpiredAuthData deletes expired sessions, old attempts and quiet counters, and keeps the rest', async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const session = (id: string, expiresAt: string) => ({
      id,
      user_id: admin.userId,
      csrf_token: 'x',
      created_at: ago(20 * DAY),
      expires_at: expiresAt,
      last_seen_at: ago(20 * DAY),
      ip: null,
      user_agent: null,
    });
    await t.db
      .insertInto('user_session')
      .values([session('expired-session', ago(1000)), session('live-session', ago(-DAY))])
      .execute();
    await t.db
      .insertInto('login_attempt')
      .values([
        { id: newId(), username: 'old', ip: '192.0.2.1', succeeded: false, at: ago(2 * 3_600_000) },
        { id: newId(), username: 'recent', ip: '192.0.2.1', succeeded: false, at: ago(60_000) },
      ])
      .execute();
    const counter = (key: string, updatedAgo: number, lastSuccessAgo: number | null) => ({
      key,
      failures: 3,
      blocked_until: null,
      last_success_at: lastSuccessAgo === null ? null : ago(lastSuccessAgo),
      updated_at: ago(updatedAgo),
    });
    await t.db
      .insertInto('login_throttle')
      .values([
        counter(throttleKey('pair', 'old', '192.0.2.1'), 2 * 3_600_000, null),
        counter(throttleKey('pair', 'known', '192.0.2.1'), 2 * 3_600_000, 5 * DAY),
        counter(throttleKey('pair', 'forgotten', '192.0.2.1'), 40 * DAY, 40 * DAY),
        counter(throttleKey('pair', 'recent', '192.0.2.1'), 60_000, null),
        {
          ...counter(throttleKey('address', 'x', '192.0.2.2'), 2 * 3_600_000, null),
          blocked_until: ago(-60_000),
        },
      ])
      .execute();

    const purged = await purgeExpiredAuthData(t.db, now);
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.throttleCounters).toBe(2);
    const sessions = (await t.db.selectFrom('user_session').select('id').execute()).map((r) => r.id);
    expect(sessions).toContain('live-session');
    expect(sessions).not.toContain('expired-session');
    const attempts = (await t.db.selectFrom('login_attempt').select('username').execute()).map(
      (r) => r.username,
    );
    expect(attempts).toContain('recent');
    expect(attempts).not.toContain('old');
    const keys = (await t.db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        throttleKey('pair', 'known', '192.0.2.1'),
        throttleKey('pair', 'recent', '192.0.2.1'),
        throttleKey('address', 'x', '192.0.2.2'),
      ]),
    );
    expect(keys).not.toContain(throttleKey('pair', 'old', '192.0.2.1'));
    expect(keys).not.toContain(throttleKey('pair', 'forgotten', '192.0.2.1'));
    // API tokens are kept, expired or not: the list shows them.
    expect((await t.request(admin, 'GET', '/api/v1/api-tokens')).json().items.length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('the hourly auth.purge job, run by the job runner, deletes expired sessions', async () => {
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    await t.db
      .insertInto('user_session')
      .values({
        id: 'expired-again',
        user_id: admin.userId,
        csrf_token: 'x',
        created_at: ago(20 * DAY),
        expires_at: ago(1000),
        last_seen_at: ago(20 * DAY),
        ip: null,
        user_agent: null,
      })
      .execute();
    await enqueueJob(t.db, SYSTEM_ACTOR, { kind: AUTH_PURGE_JOB });
    expect(await new JobRunner(t.db).runOnce()).toBe(true);
    const ids = (await t.db.selectFrom('user_session').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain('expired-again');
    const job = await t.db
      .selectFrom('job')
      .select('status')
      .where('kind', '=', AUTH_PURGE_JOB)
      .executeTakeFirst();
    expect(job?.status).toBe('done');
  });
});

describe.each(DIALECTS)('the last admin under concurrency on %s', (dialect) => {
  const t = useTestApp(dialect);

  /** Signs in from its own address; the harness's admin session dies when that admin is deactivated. */
  async function signIn(username: string, password: string): Promise<Session & { username: string }> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: `192.0.2.${100 + (username.length % 50)}`,
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'servix_session');
    const me = res.json();
    return {
      cookie: `servix_session=${cookie?.value}`,
      csrfToken: me.csrfToken,
      userId: me.user.id,
      role: 'admin',
      username,
    };
  }

  async function activeAdmins(): Promise<string[]> {
    const rows = await t.db
      .selectFrom('app_user')
      .select('id')
      .where('role', '=', 'admin')
      .where('active', '=', true)
      .execute();
    return rows.map((r) => r.id);
  }

  it('two admins demoting or deactivating each other at the same moment leave one; the other is refused', async () => {
    await t.setup();
    let a = await signIn('admin', ADMIN_PASSWORD);
    await t.signInAs('admin', 'admin2');
    let b = await signIn('admin2', USER_PASSWORD);
    const outcomes: number[] = [];
    for (let round = 0; round < 8; round++) {
      const change = round % 2 ? { active: false } : { role: 'manager' };
      const [ra, rb] = await Promise.all([
        t.request(a, 'PATCH', `/api/v1/users/${b.userId}`, change),
        t.request(b, 'PATCH', `/api/v1/users/${a.userId}`, change),
      ]);
      const codes = [ra.statusCode, rb.statusCode].sort((x, y) => x - y);
      expect(codes[0]).toBe(200);
      // Refused by the last-admin rule (409), or, when the winner finished first, no longer an admin (403) or
      // signed out by the deactivation (401).
      expect([401, 403, 409]).toContain(codes[1]);
      outcomes.push(codes[1] ?? 0);
      const loser = ra.statusCode === 200 ? rb : ra;
      if (loser.statusCode === 409) expect(loser.json()).toMatchObject({ code: 'last_admin' });
      const left = await activeAdmins();
      expect(left).toHaveLength(1);
      const survivor = left[0] === a.userId ? a : b;
      const other = survivor === a ? b : a;
      const restored = await t.request(survivor, 'PATCH', `/api/v1/users/${other.userId}`, {
        role: 'admin',
        active: true,
      });
      expect(restored.statusCode).toBe(200);
      const again = await signIn(other.username, other === a ? ADMIN_PASSWORD : USER_PASSWORD);
      if (other === a) a = again;
      else b = again;
    }
    console.log(`${dialect}: the refused side of 8 simultaneous demotions answered`, outcomes);
  });

  it('five admins demoting or deactivating one another all at once never leave none', async () => {
    const boss = await signIn('admin', ADMIN_PASSWORD);
    const admins = [boss];
    for (const name of ['boss1', 'boss2', 'boss3']) {
      const made = await t.request(boss, 'POST', '/api/v1/users', {
        username: name,
        fullName: name,
        role: 'admin',
        password: USER_PASSWORD,
      });
      expect(made.statusCode).toBe(201);
      admins.push(await signIn(name, USER_PASSWORD));
    }
    admins.push(await signIn('admin2', USER_PASSWORD));
    expect(await activeAdmins()).toHaveLength(5);
    const answers = await Promise.all(
      admins.flatMap((actor) =>
        admins
          .filter((target) => target !== actor)
          .map((target, i) =>
            t.request(
              actor,
              'PATCH',
              `/api/v1/users/${target.userId}`,
              i % 2 ? { active: false } : { role: 'manager' },
            ),
          ),
      ),
    );
    expect(await activeAdmins()).toHaveLength(1);
    for (const r of answers) {
      expect([200, 401, 403, 409]).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json().code).toBe('last_admin');
    }
  });
});
