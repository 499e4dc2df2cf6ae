import { describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../test/harness';
import { ROLES, type Role } from '../modules/auth/auth.schema';
import { ACCESS, accessKey, allows, isOutsideAccessTable } from './access';

const FAKE_ID = '01900000-0000-7000-8000-000000000000';

/** Requests with a session end it (logout): those run last so the other rows keep their sessions. */
const ordered = Object.entries(ACCESS).sort(
  ([a], [b]) => Number(a.includes('logout')) - Number(b.includes('logout')),
);

describe.each(DIALECTS)('role matrix on %s', (dialect) => {
  const t = useTestApp(dialect);

  it('every API route is in the access table, and every table row is a route', async () => {
    await t.app.ready();
    const routes: string[] = [];
    for (const key of Object.keys(ACCESS)) {
      const [method, url] = key.split(' ') as [string, string];
      const found = t.app.hasRoute({ method: method as 'GET', url });
      if (!found) routes.push(key);
    }
    expect(routes, 'rows in the access table with no route').toEqual([]);
  });

  it('for every route, no session gets 401, a wrong role 403, and an allowed role gets through', async () => {
    await t.setup();
    const sessions = new Map<Role, Session>();
    for (const role of ROLES) sessions.set(role, await t.signInAs(role));
    const mismatches: string[] = [];
    for (const [key, access] of ordered) {
      const [method, pattern] = key.split(' ') as [string, string];
      const url = pattern.replace(':id', FAKE_ID);
      const anonymous = await t.request(null, method as 'GET', url, method === 'GET' ? undefined : {});
      if (access !== 'public' && anonymous.statusCode !== 401)
        mismatches.push(`${key} anonymous: ${anonymous.statusCode}`);
      if (access === 'public' && [401, 403].includes(anonymous.statusCode))
        mismatches.push(`${key} public: ${anonymous.statusCode}`);
      if (access === 'public') continue;
      for (const role of ROLES) {
        const session = sessions.get(role) as Session;
        const res = await t.request(session, method as 'GET', url, method === 'GET' ? undefined : {});
        const allowed = allows(access, role);
        if (allowed && [401, 403].includes(res.statusCode))
          mismatches.push(`${key} ${role} allowed but got ${res.statusCode} ${res.body}`);
        if (!allowed && res.statusCode !== 403)
          mismatches.push(`${key} ${role} not allowed but got ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('a route outside the table stops the app from starting', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerAuthHook } = await import('./auth-hook');
    const app = Fastify();
    registerAuthHook(app);
    expect(() => app.get('/api/v1/not-in-table', async () => 'open')).toThrow(/not in the access table/);
    expect(isOutsideAccessTable('/api/docs/static/index.html')).toBe(true);
    expect(accessKey('get', '/x')).toBe('GET /x');
  });
});
