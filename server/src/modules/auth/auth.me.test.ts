import { describe, expect, it } from 'vitest';
import { aTechnician } from '../../../test/factories';
import { DIALECTS, USER_PASSWORD, useTestApp } from '../../../test/harness';

describe.each(DIALECTS)('the signed-in user’s linked technician on %s', (dialect) => {
  const t = useTestApp(dialect);

  it('login, session and me answer the technician linked to the user (null when none, or archived)', async () => {
    const admin = await t.setup();
    const reception = await t.signInAs('reception', 'desk');
    const tech = await t.signInAs('technician', 'ivan');
    expect((await t.request(reception, 'GET', '/api/v1/auth/me')).json()).toMatchObject({
      technicianId: null,
    });
    expect((await t.request(tech, 'GET', '/api/v1/auth/me')).json()).toMatchObject({ technicianId: null });

    const linked = await aTechnician(t, admin, { userId: tech.userId });
    expect((await t.request(tech, 'GET', '/api/v1/auth/me')).json()).toMatchObject({
      user: { username: 'ivan' },
      technicianId: linked.id,
    });
    expect((await t.request(tech, 'GET', '/api/v1/auth/session')).json()).toMatchObject({
      technicianId: linked.id,
    });
    const login = await t.request(null, 'POST', '/api/v1/auth/login', {
      username: 'ivan',
      password: USER_PASSWORD,
    });
    expect(login.json()).toMatchObject({ technicianId: linked.id });
    expect((await t.request(tech, 'PATCH', '/api/v1/auth/me', { locale: 'en' })).json()).toMatchObject({
      technicianId: linked.id,
    });
    expect((await t.request(null, 'GET', '/api/v1/auth/session')).json()).toEqual({
      user: null,
      csrfToken: null,
      technicianId: null,
    });

    // Archived, the technician has no orders of their own any more.
    expect((await t.request(admin, 'POST', `/api/v1/technicians/${linked.id}/archive`)).statusCode).toBe(200);
    expect((await t.request(tech, 'GET', '/api/v1/auth/me')).json()).toMatchObject({ technicianId: null });
  });
});
