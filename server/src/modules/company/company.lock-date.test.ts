import { beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';

describe.each(DIALECTS)('the lock date on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let accountant: Session;

  beforeAll(async () => {
    admin = await t.setup();
    accountant = await aUser(t, 'accountant');
  });

  const put = (session: Session, body: unknown) =>
    t.request(session, 'PUT', '/api/v1/company/lock-date', body);
  const audits = () =>
    t.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'before_json', 'after_json'])
      .where('action', '=', 'company.lock_date')
      .orderBy('at')
      .orderBy('id')
      .execute();

  it('the accountant closes, moves and reopens the period; each change audited with before and after', async () => {
    expect((await t.request(admin, 'GET', '/api/v1/company')).json().lockDate).toBeNull();
    const closed = await put(accountant, { lockDate: '2026-11-30' });
    expect([closed.statusCode, closed.json()]).toEqual([200, { lockDate: '2026-11-30' }]);
    expect((await t.request(accountant, 'GET', '/api/v1/company')).json().lockDate).toBe('2026-11-30');
    // Back as well as forward: the accountant reopens a month to correct it.
    expect((await put(accountant, { lockDate: '2026-10-31' })).statusCode).toBe(200);
    expect((await put(admin, { lockDate: null })).json()).toEqual({ lockDate: null });
    const rows = await audits();
    expect(
      rows.map((r) => [r.user_id, JSON.parse(r.before_json ?? '{}'), JSON.parse(r.after_json ?? '{}')]),
    ).toEqual([
      [accountant.userId, { lockDate: null }, { lockDate: '2026-11-30' }],
      [accountant.userId, { lockDate: '2026-11-30' }, { lockDate: '2026-10-31' }],
      [admin.userId, { lockDate: '2026-10-31' }, { lockDate: null }],
    ]);
  });

  it('only the admin and the accountant may set it (403), and a date that is not one is 400', async () => {
    for (const role of ['storekeeper', 'manager', 'reception', 'technician'] as const) {
      const res = await put(await aUser(t, role), { lockDate: '2026-11-30' });
      expect(res.statusCode, role).toBe(403);
    }
    for (const lockDate of ['2026-02-30', '30.11.2026', '', 20261130]) {
      const res = await put(accountant, { lockDate });
      expect(res.statusCode, String(lockDate)).toBe(400);
    }
    expect((await put(accountant, {})).statusCode).toBe(400);
    expect((await t.request(admin, 'GET', '/api/v1/company')).json().lockDate).toBeNull();
  });
});
