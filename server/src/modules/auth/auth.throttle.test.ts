import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DIALECTS, USER_PASSWORD, useTestApp } from '../../../test/harness';
import { buildApp } from '../../app';
import type { DomainError } from '../../kernel/errors';
import { login as signIn } from './auth.service';
import { backoffSeconds, MAX_BACKOFF_SECONDS, THROTTLE_RULES, throttleKey } from './auth.throttle';

describe('backoff', () => {
  it('is free up to the limit, then doubles from 1 s and stops at 15 minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, 5))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => backoffSeconds(n, 5))).toEqual([1, 2, 4, 8, 16]);
    expect(backoffSeconds(14, 5)).toBe(512);
    expect(backoffSeconds(15, 5)).toBe(MAX_BACKOFF_SECONDS);
    expect(backoffSeconds(10_000, 5)).toBe(MAX_BACKOFF_SECONDS);
  });
});

function tally(responses: LightMyRequestResponse[]) {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.statusCode] = (out[r.statusCode] ?? 0) + 1;
  return out;
}

describe.each(DIALECTS)('sign-in throttling on %s', (dialect) => {
  const t = useTestApp(dialect);
  const login = (remoteAddress: string, username: string, password: string, headers = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers,
      payload: { username, password },
    });

  it('200 parallel wrong passwords for one username: only the free 5 reach the password check', async () => {
    await t.setup();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => login('192.0.2.10', 'admin', 'not-the-password')),
    );
    const seconds = (Date.now() - started) / 1000;
    const counts = tally(answers);
    console.log(`${dialect}: 200 parallel wrong passwords in ${seconds.toFixed(1)} s →`, counts);
    // The free 5, plus one more for each wait (1 s, 2 s, 4 s …) that ran out while the batch was answered.
    const waitsPassed = Math.floor(Math.log2(seconds + 1));
    expect(counts[401]).toBeGreaterThanOrEqual(THROTTLE_RULES.pair.free);
    expect(counts[401]).toBeLessThanOrEqual(THROTTLE_RULES.pair.free + waitsPassed);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(200);
    const refused = answers.find((a) => a.statusCode === 429);
    expect(refused?.headers['content-type']).toContain('application/problem+json');
    // 1 s from the attempt that started the wait (2 for one that began a moment before it).
    expect(refused?.json()).toMatchObject({ code: 'too_many_attempts' });
    expect(['1', '2']).toContain(refused?.headers['retry-after']);
    expect(refused?.json().retryAfterSeconds).toBe(Number(refused?.headers['retry-after']));
    const attempts = await t.db
      .selectFrom('login_attempt')
      .select(['ip', 'succeeded'])
      .where('username', '=', 'admin')
      .where('ip', '=', '192.0.2.10')
      .execute();
    expect(attempts).toHaveLength(counts[401] ?? 0);

    // The backoff start is noted in the audit log, once, with the username and the address.
    const notes = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.throttled')
      .execute();
    const noted = notes
      .map((n) => JSON.parse(n.after_json ?? '{}'))
      .sort((a, b) => String(a.scope).localeCompare(String(b.scope)));
    expect(noted).toMatchObject([
      { username: 'admin', address: '192.0.2.10', scope: 'address', waitSeconds: 1 },
      { username: 'admin', address: '192.0.2.10', scope: 'pair', waitSeconds: 1 },
    ]);

    // The admin, from their own address, still gets in with the right password.
    expect((await login('192.0.2.77', 'admin', ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it('with the clock standing still, exactly 5 of 200 parallel attempts reach the password check', async () => {
    const at = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        signIn(t.db, {
          username: 'admin',
          password: 'still-not-it',
          ip: '192.0.2.11',
          userAgent: null,
          sessionDays: 1,
          now: at,
        }).then(
          () => 'signed_in',
          (e: DomainError) => e.kind,
        ),
      ),
    );
    expect(answers.filter((s) => s === 'unauthenticated')).toHaveLength(THROTTLE_RULES.pair.free);
    expect(answers.filter((s) => s === 'rate_limited')).toHaveLength(200 - THROTTLE_RULES.pair.free);
  });

  it('each further failure doubles the wait: 1 s, 2 s, 4 s, 8 s', async () => {
    const from = '192.0.2.12';
    for (let i = 0; i < THROTTLE_RULES.pair.free; i++) {
      expect((await login(from, 'admin', 'not-the-password')).statusCode).toBe(401);
    }
    const waits = [(await login(from, 'admin', 'not-the-password')).headers['retry-after']];
    for (let i = 0; i < 3; i++) {
      // The wait has passed (moved into the past rather than slept through).
      await t.db
        .updateTable('login_throttle')
        .set({ blocked_until: new Date(Date.now() - 1000).toISOString() })
        .where('key', '=', throttleKey('pair', 'admin', from))
        .execute();
      expect((await login(from, 'admin', 'not-the-password')).statusCode).toBe(401);
      waits.push((await login(from, 'admin', 'not-the-password')).headers['retry-after']);
    }
    expect(waits).toEqual(['1', '2', '4', '8']);
  });

  it('X-Forwarded-For is ignored unless it comes from a trusted proxy', async () => {
    await t.signInAs('reception', 'spoofed');
    const answers: number[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await login('192.0.2.20', 'spoofed', 'wrong-password', {
        'x-forwarded-for': `198.51.100.${i}`,
      });
      answers.push(r.statusCode);
    }
    expect(answers).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);

    // Behind a configured proxy, its X-Forwarded-For names the client: each client has its own count.
    const proxied = await buildApp({
      config: { ...t.app.deps.config, trustedProxies: ['192.0.2.30'] },
      database: { db: t.db, dialect: t.dialect, close: async () => {} },
      logger: false,
    });
    try {
      const via = (client: string, password: string) =>
        proxied.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '192.0.2.30',
          headers: { 'x-forwarded-for': client },
          payload: { username: 'spoofed', password },
        });
      for (let i = 0; i < 5; i++) expect((await via('203.0.113.1', 'wrong-password')).statusCode).toBe(401);
      expect((await via('203.0.113.1', 'wrong-password')).statusCode).toBe(429);
      const other = await via('203.0.113.2', USER_PASSWORD);
      expect(other.statusCode).toBe(200);
      const session = await t.db
        .selectFrom('user_session')
        .select('ip')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(session.ip).toBe('203.0.113.2');
    } finally {
      await proxied.close();
    }
  });

  it('many addresses guessing one password hit the username ceiling; the user’s known address still gets in', async () => {
    await t.signInAs('manager', 'boss');
    // The service with a frozen clock, so that the 1 s wait cannot pass while the test runs.
    const at = Date.now();
    const attempt = (ip: string, password: string) =>
      signIn(t.db, { username: 'boss', password, ip, userAgent: null, sessionDays: 1, now: at }).then(
        () => 'signed_in',
        (e: DomainError) => e.kind,
      );
    expect(await attempt('192.0.2.50', USER_PASSWORD)).toBe('signed_in'); // a known address from now on
    const { free } = THROTTLE_RULES.username;
    const perAddress = THROTTLE_RULES.pair.free;
    const addresses = Array.from({ length: Math.ceil(free / perAddress) + 2 }, (_, i) => `10.9.${i}.1`);
    const answers = await Promise.all(
      addresses.flatMap((a) => Array.from({ length: perAddress }, () => attempt(a, 'guess-guess-1'))),
    );
    expect(answers.filter((s) => s === 'unauthenticated')).toHaveLength(free);
    expect(answers.filter((s) => s === 'rate_limited')).toHaveLength(answers.length - free);
    // A new address is made to wait even with the right password …
    expect(await attempt('10.200.0.1', USER_PASSWORD)).toBe('rate_limited');
    // … while the manager's usual address is not.
    expect(await attempt('192.0.2.50', USER_PASSWORD)).toBe('signed_in');
  });

  it('one address trying many usernames is slowed down after 20 attempts', async () => {
    const answers: number[] = [];
    for (let i = 0; i < THROTTLE_RULES.address.free + 2; i++) {
      answers.push((await login('192.0.2.99', `nobody${i}`, 'whatever-it-is')).statusCode);
    }
    expect(answers.filter((s) => s === 401)).toHaveLength(THROTTLE_RULES.address.free);
    expect(answers.slice(-2)).toEqual([429, 429]);
  });

  it('a right password resets the pair and gives back the attempt it counted', async () => {
    await t.signInAs('technician', 'typo');
    for (let i = 0; i < 4; i++)
      expect((await login('192.0.2.60', 'typo', 'typo-typo-typo')).statusCode).toBe(401);
    expect((await login('192.0.2.60', 'typo', USER_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await login('192.0.2.60', 'typo', 'typo-typo-typo')).statusCode).toBe(401);
    const pair = await t.db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', '=', throttleKey('pair', 'typo', '192.0.2.60'))
      .executeTakeFirstOrThrow();
    expect(pair).toMatchObject({ failures: 4, blocked_until: null });
    expect(pair.last_success_at).not.toBeNull();
  });
});
