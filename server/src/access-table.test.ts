import { describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../test/harness';
import { ACCESS } from './access-table';
import { accessKey, isOutsideAccessTable } from './http/access';
import { allows, allowsCall, ROLES, type Role } from './kernel/access';
import {
  BRAND_RULES,
  CATEGORY_RULES,
  MODEL_RULES,
  NORM_OVERRIDE_RULES,
  PART_RULES,
  SERVICE_TYPE_RULES,
} from './modules/catalog/catalog.access';
import { importAdapters } from './modules/imports';
import { ITEM_RULES } from './modules/items/items.access';
import { ORDER_RULES, TECHNICIAN_EARNINGS_RULES } from './modules/orders/orders.access';
import { PARTY_RULES, SITE_RULES } from './modules/parties/parties.access';
import { SALE_RECEIPT_RULES } from './modules/receipts/receipts.access';
import { INVOICE_RULES } from './modules/sales/sales.access';
import {
  STOCK_DOCUMENT_RULES,
  STOCK_LEVEL_RULES,
  STOCK_VALUATION_RULES,
  WAREHOUSE_RULES,
} from './modules/stock/stock.access';
import { TECHNICIAN_RULES } from './modules/technicians/technicians.access';

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
        const allowed = allowsCall(access, role, method);
        if (allowed && [401, 403].includes(res.statusCode))
          mismatches.push(`${key} ${role} allowed but got ${res.statusCode} ${res.body}`);
        if (!allowed && res.statusCode !== 403)
          mismatches.push(`${key} ${role} not allowed but got ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('FIS-05: the NAP auditor reads the sales documents, receipts, payments, cash desks, the VAT journal and the audit log, nothing else, and every write is refused 403', async () => {
    // Set up by the matrix above: another auditor of its own.
    const auditor = await t.signInAs('auditor', 'nap-auditor');
    const reads = [
      '/api/v1/invoices',
      '/api/v1/invoices/export.csv',
      '/api/v1/proformas',
      '/api/v1/goods-notes',
      '/api/v1/sale-receipts',
      '/api/v1/sale-receipts/export.csv',
      '/api/v1/payments',
      '/api/v1/refunds',
      '/api/v1/money-accounts',
      '/api/v1/vat/sales-journal?month=2026-01',
      '/api/v1/audit',
    ];
    for (const url of reads) expect((await t.request(auditor, 'GET', url)).statusCode, url).toBe(200);
    for (const url of [
      '/api/v1/parties',
      '/api/v1/service-orders',
      '/api/v1/stock/levels',
      '/api/v1/users',
      '/api/v1/receivables',
      '/api/v1/fiscal-device',
      '/api/v1/technicians',
    ])
      expect((await t.request(auditor, 'GET', url)).statusCode, url).toBe(403);
    // Every write in the table, whatever its rule lists, except signing out and one's own profile.
    const writes = Object.entries(ACCESS).filter(
      ([key, access]) => !key.startsWith('GET ') && access !== 'authenticated' && access !== 'public',
    );
    expect(writes.length).toBeGreaterThan(100);
    const passed: string[] = [];
    for (const [key] of writes) {
      const [method, pattern] = key.split(' ') as [string, string];
      const res = await t.request(auditor, method as 'POST', pattern.replace(':id', FAKE_ID), {});
      if (res.statusCode !== 403 || res.json().code !== 'forbidden') passed.push(`${key}: ${res.statusCode}`);
    }
    expect(passed).toEqual([]);
    expect(writes.filter(([key, access]) => allowsCall(access, 'auditor', key.split(' ')[0] ?? ''))).toEqual(
      [],
    );
  });

  it('FIS-05: the NAP audit file (Appendix 38, ADR 0039) is downloaded by the admin, the accountant and the auditor; every other role gets 403', async () => {
    const key = 'GET /api/v1/vat/audit-file.xml';
    const access = ACCESS[key] ?? [];
    expect(ROLES.filter((role) => allowsCall(access, role, 'GET'))).toEqual([
      'admin',
      'accountant',
      'auditor',
    ]);
    // Set up by the matrix above; a user of each role of its own.
    for (const role of ROLES) {
      const res = await t.request(
        await t.signInAs(role, `nap-file-${role}`),
        'GET',
        '/api/v1/vat/audit-file.xml?month=2026-01',
      );
      if (['admin', 'accountant', 'auditor'].includes(role))
        expect([401, 403], role).not.toContain(res.statusCode);
      else expect(res.json(), role).toMatchObject({ status: 403, code: 'forbidden' });
    }
  });

  it('a route outside the table stops the app from starting', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerAuthHook } = await import('./http/auth-hook');
    const app = Fastify();
    registerAuthHook(app, { access: ACCESS, resolvePrincipal: async () => null });
    expect(() => app.get('/api/v1/not-in-table', async () => 'open')).toThrow(/not in the access table/);
    expect(isOutsideAccessTable('/api/docs/static/index.html')).toBe(true);
    expect(accessKey('get', '/x')).toBe('GET /x');
  });
});

/** Every CSV export and the read rule of its entity: a new export must be added here, under its entity's rule. */
const EXPORT_RULES: Record<string, readonly Role[]> = {
  'GET /api/v1/parties/export.csv': PARTY_RULES.read,
  'GET /api/v1/sites/export.csv': SITE_RULES.read,
  'GET /api/v1/categories/export.csv': CATEGORY_RULES.read,
  'GET /api/v1/brands/export.csv': BRAND_RULES.read,
  'GET /api/v1/models/export.csv': MODEL_RULES.read,
  'GET /api/v1/service-types/export.csv': SERVICE_TYPE_RULES.read,
  'GET /api/v1/norm-overrides/export.csv': NORM_OVERRIDE_RULES.read,
  'GET /api/v1/parts/export.csv': PART_RULES.read,
  'GET /api/v1/items/export.csv': ITEM_RULES.read,
  'GET /api/v1/technicians/export.csv': TECHNICIAN_RULES.read,
  'GET /api/v1/warehouses/export.csv': WAREHOUSE_RULES.read,
  'GET /api/v1/stock/documents/export.csv': STOCK_DOCUMENT_RULES.read,
  'GET /api/v1/stock/levels/export.csv': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/low/export.csv': STOCK_LEVEL_RULES.read,
  'GET /api/v1/stock/valuation/export.csv': STOCK_VALUATION_RULES.read,
  'GET /api/v1/service-orders/export.csv': ORDER_RULES.read,
  'GET /api/v1/reports/technician-earnings/export.csv': TECHNICIAN_EARNINGS_RULES.read,
  'GET /api/v1/invoices/export.csv': INVOICE_RULES.read,
  'GET /api/v1/sale-receipts/export.csv': SALE_RECEIPT_RULES.read,
};

/** A file with every column of the entity and one row of empty cells: it passes the header check, imports nothing. */
function emptyRowFile(columns: readonly string[]): string {
  return `${columns.join(',')}\n${','.repeat(columns.length - 1)}\n`;
}

describe.each(DIALECTS)('imports and exports under the entity rules on %s', (dialect) => {
  const t = useTestApp(dialect);
  const sessions = new Map<Role, Session>();
  const postCsv = (session: Session, url: string, csv: string) => t.postCsv(session, url, csv);

  it('every import entity × role: preview and job allowed exactly when the entity write rule allows', async () => {
    sessions.set('admin', await t.setup());
    for (const role of ROLES) if (role !== 'admin') sessions.set(role, await t.signInAs(role));
    const adapters = importAdapters();
    expect(adapters.map((a) => a.entity)).toEqual(
      expect.arrayContaining(['customers', 'technicians', 'service-types', 'categories', 'brands', 'items']),
    );
    const mismatches: string[] = [];
    for (const role of ROLES) {
      const session = sessions.get(role) as Session;
      const listed = (await t.request(session, 'GET', '/api/v1/imports'))
        .json()
        .entities.map((e: { entity: string }) => e.entity);
      for (const adapter of adapters) {
        const allowed = allows(adapter.rule, role);
        if (listed.includes(adapter.entity) !== allowed)
          mismatches.push(`GET /imports ${role} ${adapter.entity}: listed ${!allowed}`);
        const file = emptyRowFile(adapter.columns);
        for (const [action, url, okStatus] of [
          ['preview', `/api/v1/imports/${adapter.entity}/preview`, 200],
          ['job', `/api/v1/imports/${adapter.entity}/jobs`, 202],
        ] as const) {
          const res = await postCsv(session, url, file);
          const expected = allowed ? okStatus : 403;
          if (res.statusCode !== expected || (!allowed && res.json().code !== 'forbidden'))
            mismatches.push(
              `${action} ${adapter.entity} ${role}: ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the storekeeper cannot import technicians, customers, service types, categories or brands (the attack)', async () => {
    const storekeeper = sessions.get('storekeeper') as Session;
    const res = await postCsv(
      storekeeper,
      '/api/v1/imports/technicians/jobs',
      'name,phone,pay_type,pay_value\nТех,0888333444,commission,90',
    );
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    for (const entity of ['customers', 'service-types', 'categories', 'brands'])
      expect((await postCsv(storekeeper, `/api/v1/imports/${entity}/jobs`, 'name\nX')).statusCode).toBe(403);
    expect(await t.db.selectFrom('technician').select('id').execute()).toEqual([]);
  });

  it("a job's status and report: its creator and an administrator, while their role may import its entity", async () => {
    const reception = sessions.get('reception') as Session;
    const created = await postCsv(reception, '/api/v1/imports/customers/jobs', 'type,name\nperson,\n');
    expect(created.statusCode).toBe(202);
    const id = created.json().id as string;
    for (const role of ROLES) {
      const session = sessions.get(role) as Session;
      const expected = role === 'reception' || role === 'admin' ? 200 : 403;
      expect((await t.request(session, 'GET', `/api/v1/imports/jobs/${id}`)).statusCode, role).toBe(expected);
      expect(
        (await t.request(session, 'GET', `/api/v1/imports/jobs/${id}/report.csv`)).statusCode,
        role,
      ).toBe(expected);
    }
  });

  it('every CSV export is in the table under its entity read rule, and every export × role follows it', async () => {
    const exports = Object.keys(ACCESS).filter((k) => k.startsWith('GET ') && k.endsWith('/export.csv'));
    expect(exports.sort()).toEqual(Object.keys(EXPORT_RULES).sort());
    const mismatches: string[] = [];
    for (const key of exports) {
      expect(ACCESS[key], key).toEqual(EXPORT_RULES[key]);
      const url = key.slice('GET '.length);
      for (const role of ROLES) {
        const res = await t.request(sessions.get(role) as Session, 'GET', url);
        const allowed = allows(EXPORT_RULES[key] as readonly Role[], role);
        if (allowed && (res.statusCode !== 200 || !String(res.headers['content-type']).includes('text/csv')))
          mismatches.push(`${key} ${role}: ${res.statusCode}`);
        if (!allowed && (res.statusCode !== 403 || res.json().code !== 'forbidden'))
          mismatches.push(`${key} ${role}: ${res.statusCode}, expected 403`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
