import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { ROLE_GROUPS, ROLES, type Role } from '../../kernel/access';
import type { Technician } from './technicians.schema';

/** Who may see pay, written out here so a change of the rule shows up as a failing test. */
const PAY_VIEWERS: readonly Role[] = ['admin', 'manager', 'accountant'];

describe.each(DIALECTS)('technician pay only for admin, manager and accountant on %s', (dialect) => {
  const t = useTestApp(dialect);
  const sessions = new Map<Role, Session>();
  let someone: Technician;

  beforeAll(async () => {
    const admin = await t.setup({ demo: true });
    sessions.set('admin', admin);
    for (const role of ROLES) if (role !== 'admin') sessions.set(role, await t.signInAs(role));
    someone = (await t.request(admin, 'GET', '/api/v1/technicians?q=Стоян')).json().items[0];
    expect(someone.currentPayTerms).toMatchObject({ payType: 'per_norm_hour', rateCents: 1400 });
  });

  // The staff's roles: the read-only NAP auditor reads none of this (ADR 0037, access-table.test.ts).
  const each = () => ROLE_GROUPS.staff.map((role) => [role, PAY_VIEWERS.includes(role)] as const);

  it.each(each())('as %s the pay terms are in the JSON = %s (absent, not null)', async (role, sees) => {
    const s = sessions.get(role) as Session;
    const list = await t.request(s, 'GET', '/api/v1/technicians?pageSize=200');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Technician[];
    expect(items.length).toBe(10);
    for (const x of items) {
      expect('payTerms' in x, `${role} ${x.name}`).toBe(sees);
      expect('currentPayTerms' in x, `${role} ${x.name}`).toBe(sees);
      expect(x.hoursText).toBeTypeOf('string');
    }
    const one = await t.request(s, 'GET', `/api/v1/technicians/${someone.id}`);
    expect(one.statusCode).toBe(200);
    expect('payTerms' in one.json()).toBe(sees);
    expect(one.body.includes('per_norm_hour')).toBe(sees);
    expect(one.body.includes('rateCents')).toBe(sees);
  });

  it.each(each())('as %s the CSV export has the pay columns = %s', async (role, sees) => {
    const s = sessions.get(role) as Session;
    const res = await t.request(s, 'GET', '/api/v1/technicians/export.csv');
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { bom: true }) as string[][];
    const header = rows[0] ?? [];
    expect(header).toContain('name');
    expect(header).toContain('weekday_hours');
    expect(header.includes('pay_type')).toBe(sees);
    expect(header.includes('pay_value')).toBe(sees);
    expect(rows.slice(1).every((r) => r.length === header.length)).toBe(true);
    expect(res.body.includes('per_norm_hour')).toBe(sees);
  });

  it('the answers of the writes carry the pay terms for those who may write them', async () => {
    const manager = sessions.get('manager') as Session;
    const patched = await t.request(manager, 'PATCH', `/api/v1/technicians/${someone.id}`, { notes: 'x' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().currentPayTerms).toMatchObject({ rateCents: 1400 });
  });
});
