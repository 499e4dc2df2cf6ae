import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../test/harness';
import {
  apiRoutes,
  bodyWith,
  concrete,
  type JsonSchema,
  leafPaths,
  minimalValue,
  schemaAt,
  typeOf,
} from '../../test/openapi-walk';
import { ACCESS } from '../access-table';

const FAKE_ID = '01900000-0000-7000-8000-000000000000';

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Values a careless client or an attacker puts where a field goes. */
const HOSTILE_VALUES: unknown[] = [
  1e308,
  -1e308,
  -0,
  -1,
  2 ** 53 + 2,
  1.5,
  'NaN',
  'Infinity',
  '',
  'x'.repeat(100_000),
  [],
  {},
  [{}],
  null,
  true,
  nested(50),
  '__proto__',
  '2026-02-30',
  '0000-01-01',
  'a\u0000b',
];

/** The JSON kind of a value, as a schema's type names it. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}

/** One value of each other kind, the most hostile of its kind, for a field that refuses that kind by its type. */
const ONE_OF_EACH_KIND: unknown[] = [2 ** 53 + 2, 'NaN', [{}], nested(50), null, true];

/**
 * The hostile values worth sending to a field of the schema: every value of its own kind, and one of each other
 * kind (the type check refuses a wrong kind in one place, whatever the value; twenty per field would send the same
 * refusal fourteen times). A field of no declared type gets them all.
 */
function hostileValuesFor(field: JsonSchema): unknown[] {
  const type = typeOf(field);
  if (type === undefined) return HOSTILE_VALUES;
  const kind = type === 'integer' ? 'number' : type;
  return [
    ...HOSTILE_VALUES.filter((v) => kindOf(v) === kind),
    ...ONE_OF_EACH_KIND.filter((v) => kindOf(v) !== kind),
  ];
}

/** Whole bodies that are not what any route expects. */
const HOSTILE_BODIES: unknown[] = [
  [],
  'text',
  42,
  nested(1000),
  JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": true}}}'),
  { constructor: 'x', toString: 'y', hasOwnProperty: 1 },
];

/** Query values that a number, a date, a flag or an enum must refuse (or ignore) without failing. */
const HOSTILE_QUERY = [
  '-1',
  '1e308',
  'NaN',
  '99999999999999999999',
  'x'.repeat(3000),
  '__proto__',
  '0000-01-01',
  '%',
];

describe.each(DIALECTS)('hostile input on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
  });

  const url = (pattern: string) => pattern.replace(':entity', 'brands').replace(/:(\w+)/g, FAKE_ID);

  it('no body, field value or query value gives a 500 on any route (as admin)', async () => {
    const routes = apiRoutes(t.app.swagger(), Object.keys(ACCESS)).filter(
      (r) => !r.key.endsWith('/auth/logout'),
    );
    const failures = new Set<string>();
    let requests = 0;
    const send = async (method: string, target: string, body?: unknown, what = '') => {
      const res = await t.app.inject({
        method: method as 'POST',
        url: target,
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      requests++;
      if (res.statusCode >= 500)
        failures.add(`${method} ${target} ${what}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      // Whatever happened, the admin must still be signed in, or later answers would prove nothing.
      if (res.statusCode === 401 && !target.startsWith('/api/v1/auth/login'))
        failures.add(`${method} ${target} ${what}: the admin was signed out`);
      return res;
    };

    // Updates go to real records (another user than the admin), so that the hostile values reach the handlers.
    const realIds = new Map<string, string>();
    for (const { method, pattern } of routes) {
      if (method !== 'GET' || pattern.includes(':')) continue;
      const page = await t.request(admin, 'GET', `${pattern}?pageSize=5`);
      const items =
        page.statusCode === 200 && String(page.headers['content-type']).includes('json')
          ? (page.json().items as { id?: string }[] | undefined)
          : undefined;
      const id = items?.find((i) => i.id && i.id !== admin.userId)?.id;
      if (id) realIds.set(pattern, id);
    }
    const targetOf = (pattern: string) => {
      const [collection] = pattern.split('/:id');
      const id = realIds.get(collection as string);
      return id ? url(pattern.replace(':id', id)) : url(pattern);
    };

    for (const { method, pattern, operation } of routes) {
      const target = targetOf(pattern);
      for (const p of (operation?.parameters ?? []).filter((x) => x.in === 'query'))
        for (const v of HOSTILE_QUERY)
          await send(
            method,
            `${target}?${p.name}=${encodeURIComponent(v)}`,
            undefined,
            `${p.name}=${v.slice(0, 20)}`,
          );
      if (!['POST', 'PUT', 'PATCH'].includes(method)) continue;
      const schema = operation?.requestBody?.content['application/json']?.schema;
      if (!schema || typeOf(concrete(schema)) === 'string') continue;
      for (const body of HOSTILE_BODIES) await send(method, target, body, 'hostile body');
      for (const path of leafPaths(schema))
        for (const value of hostileValuesFor(schemaAt(schema, path)))
          await send(
            method,
            target,
            bodyWith(schema, path, value),
            `${path.join('.')}=${JSON.stringify(value)?.slice(0, 20)}`,
          );
      await send(method, target, minimalValue(schema), 'minimal body');
    }
    expect([...failures]).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Thousands of requests, more with every module: the one test here allowed minutes rather than the default.
  }, 240_000);

  it('every text field of every request has a maximum length', async () => {
    const unbounded: string[] = [];
    const walk = (schema: JsonSchema | undefined, where: string, depth = 0) => {
      if (!schema || depth > 6) return;
      for (const option of schema.anyOf ?? schema.oneOf ?? []) walk(option, where, depth + 1);
      const type = typeOf(schema);
      if (
        type === 'string' &&
        schema.maxLength === undefined &&
        !schema.enum &&
        !schema.format &&
        !schema.pattern
      )
        unbounded.push(where);
      for (const [k, v] of Object.entries(schema.properties ?? {})) walk(v, `${where}.${k}`, depth + 1);
      if (schema.items) walk(schema.items, `${where}.0`, depth + 1);
    };
    for (const { key, operation } of apiRoutes(t.app.swagger(), Object.keys(ACCESS))) {
      const body = operation?.requestBody?.content['application/json']?.schema;
      if (body && typeOf(concrete(body)) !== 'string') walk(body, `${key} body`);
      for (const p of operation?.parameters ?? [])
        walk((p as { schema?: JsonSchema }).schema, `${key} ${p.in} ${p.name}`);
    }
    expect(unbounded).toEqual([]);
  });

  it('sort=__proto__, constructor, toString on every list: never a 500, the default order instead', async () => {
    const lists = apiRoutes(t.app.swagger(), Object.keys(ACCESS)).filter(
      (r) =>
        r.method === 'GET' && r.operation?.parameters?.some((p) => p.in === 'query' && p.name === 'sort'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    for (const { pattern } of lists) {
      // A list under a record (a customer's sites) is tried on a real record of the list above it.
      const parent = pattern.split('/:id')[0] as string;
      const firstId = async (list: string) =>
        (await t.request(admin, 'GET', `${list}?pageSize=1`)).json().items?.[0]?.id as string | undefined;
      const parentId =
        parent === pattern ? undefined : ((await firstId(parent)) ?? (await firstId('/api/v1/parties')));
      const target = parentId ? pattern.replace(':id', parentId) : url(pattern);
      for (const sort of [
        '__proto__',
        '-__proto__',
        'constructor',
        '-constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
      ]) {
        const res = await t.request(admin, 'GET', `${target}?sort=${sort}`);
        if (res.statusCode >= 500 || ![200, 400].includes(res.statusCode))
          failures.push(`${pattern}?sort=${sort}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
