import { describe, expect, it } from 'vitest';
import { DIALECTS, useTestApp } from '../../../test/harness';

describe.each(DIALECTS)('the session as the web app asks it on %s', (dialect) => {
  const t = useTestApp(dialect);

  it('answers 200 with no user before the sign-in, the user and CSRF token after it, and no user after sign-out', async () => {
    const admin = await t.setup();

    const anonymous = await t.request(null, 'GET', '/api/v1/auth/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null, csrfToken: null, technicianId: null });
    // The strict endpoint stays strict for API clients.
    expect((await t.request(null, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);

    const signedIn = await t.request(admin, 'GET', '/api/v1/auth/session');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({
      user: { id: admin.userId, role: 'admin' },
      csrfToken: admin.csrfToken,
    });

    expect((await t.request(admin, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    const after = await t.request(admin, 'GET', '/api/v1/auth/session');
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ user: null, csrfToken: null, technicianId: null });
  });
});
