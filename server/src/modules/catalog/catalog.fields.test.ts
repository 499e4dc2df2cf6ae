import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { ROLE_GROUPS, ROLES, type Role } from '../../kernel/access';

/** Who may see a part's typical cost: the stock valuers, written out so a change of the rule fails here. */
const VALUERS: readonly Role[] = ['admin', 'manager', 'storekeeper', 'accountant'];

describe.each(DIALECTS)("a spare part's typical cost only for the stock valuers on %s", (dialect) => {
  const t = useTestApp(dialect);
  const sessions = new Map<Role, Session>();
  let partId: string;

  beforeAll(async () => {
    const admin = await t.setup({ demo: true });
    sessions.set('admin', admin);
    for (const role of ROLES) if (role !== 'admin') sessions.set(role, await t.signInAs(role));
    const parts = (await t.request(admin, 'GET', '/api/v1/parts?pageSize=200')).json().items;
    partId = parts.find((p: { typicalCostCents: number | null }) => (p.typicalCostCents ?? 0) > 0).id;
  });

  // The staff's roles: the read-only NAP auditor reads none of this (ADR 0037, access-table.test.ts).
  it.each(ROLE_GROUPS.staff.map((role) => [role, VALUERS.includes(role)] as const))(
    'as %s the typical cost is in the list, the part and parts.csv = %s',
    async (role, sees) => {
      const s = sessions.get(role) as Session;
      const list = (await t.request(s, 'GET', '/api/v1/parts?pageSize=200')).json().items as object[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((p) => 'typicalCostCents' in p)).toBe(sees);
      const one = await t.request(s, 'GET', `/api/v1/parts/${partId}`);
      expect(one.statusCode).toBe(200);
      expect('typicalCostCents' in one.json()).toBe(sees);
      expect('salePriceCents' in one.json()).toBe(true);
      const csv = await t.request(s, 'GET', '/api/v1/parts/export.csv');
      const header = (parse(csv.body, { bom: true, to_line: 1 }) as string[][])[0];
      expect(header).toContain('sale_price_eur');
      expect(header?.includes('typical_cost_eur')).toBe(sees);
    },
  );
});
