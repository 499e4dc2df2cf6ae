import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../test/harness';
import {
  concrete,
  type JsonSchema,
  minimalValue,
  type OpenApiOperation,
  stringPaths,
  typeOf,
} from '../../test/openapi-walk';
import { snapshotDatabase } from '../../test/snapshot';
import { ACCESS } from '../access-table';
import { hasControlCharacter } from '../kernel/text';
import { findControlCharacter } from './input-guard';

const NUL = 'a\u0000b';
const NUL_IN_URL = 'a%00b';

/** The minimal body with a NUL string put at the path (array items built from their schema). */
function bodyWithNul(schema: JsonSchema, path: string[]): unknown {
  const s = concrete(schema);
  if (path.length === 0) return NUL;
  const [head, ...rest] = path as [string, ...string[]];
  if (typeOf(s) === 'array') return [bodyWithNul(s.items ?? {}, rest)];
  const base = (minimalValue(s) ?? {}) as Record<string, unknown>;
  return { ...base, [head]: bodyWithNul(s.properties?.[head] ?? {}, rest) };
}

describe('findControlCharacter', () => {
  it('names the path of the first string with a control character, and lets clean text through', () => {
    const text = hasControlCharacter;
    expect(findControlCharacter({ a: 'ok', lines: [{ note: 'x' }, { note: NUL }] }, text)).toBe(
      'lines.1.note',
    );
    expect(findControlCharacter({ a: 'line one\nline two\ttab' }, text)).toBeNull();
  });
});

describe.each(DIALECTS)('control characters on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
  });

  it('a NUL in any path parameter, query parameter or body string of any route: 400 naming the field, nothing written', async () => {
    const spec = t.app.swagger() as unknown as { paths: Record<string, Record<string, OpenApiOperation>> };
    const before = await snapshotDatabase(t.db);
    const failures: string[] = [];
    let requests = 0;

    const expectRefused = async (
      key: string,
      session: Session | null,
      url: string,
      field: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => {
      const [method] = key.split(' ') as [string];
      const res = await t.request(session, method as 'GET', url, body, headers);
      requests++;
      const problem = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : {};
      if (session === null) {
        // Without a session a protected route stops at 401 before any parameter is read; never 500.
        if (res.statusCode >= 500 || ![400, 401].includes(res.statusCode))
          failures.push(`${key} anonymous ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        return;
      }
      if (res.statusCode !== 400 || problem.field !== field || !/control_character/.test(problem.code))
        failures.push(`${key} ${url} field ${field}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    };

    const entities = (await t.request(admin, 'GET', '/api/v1/imports')).json().entities as {
      entity: string;
    }[];
    for (const key of Object.keys(ACCESS)) {
      if (key.endsWith('/auth/logout')) continue; // checked last: a refused logout still must not sign out
      const [method, pattern] = key.split(' ') as [string, string];
      const operation = spec.paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      const pathParams = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      const fill = (except?: string) =>
        pattern.replace(/:(\w+)/g, (_, name: string) =>
          name === except ? NUL_IN_URL : name === 'entity' ? (entities[0]?.entity ?? 'x') : 'x',
        );

      for (const name of pathParams) {
        await expectRefused(key, admin, fill(name), name);
        await expectRefused(key, null, fill(name), name);
      }
      const queryNames = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      // A route without a query schema still reads no query parameter with a NUL.
      for (const name of queryNames.length ? queryNames : ['q']) {
        await expectRefused(key, admin, `${fill()}?${name}=${NUL_IN_URL}`, name);
        await expectRefused(key, null, `${fill()}?${name}=${NUL_IN_URL}`, name);
      }
      if (!['POST', 'PUT', 'PATCH'].includes(method)) continue;
      const content = operation?.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const text = Object.entries(content).find(([type]) => type.startsWith('text/'));
      if (json && typeOf(concrete(json)) !== 'string') {
        const paths = stringPaths(json);
        for (const path of paths)
          await expectRefused(key, admin, fill(), path.join('.'), bodyWithNul(json, path));
        if (paths[0]) await expectRefused(key, null, fill(), paths[0].join('.'), bodyWithNul(json, paths[0]));
      } else if (json || text) {
        // A CSV file (of the first importable entity, brands: code and name required): its parser names the cell.
        await expectRefused(key, admin, fill(), 'name', `code,name\nX,${NUL}\n`, {
          'content-type': 'text/csv',
        });
      }
    }
    await expectRefused('POST /api/v1/auth/logout', admin, `/api/v1/auth/logout?q=${NUL_IN_URL}`, 'q');
    expect((await t.request(admin, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);

    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(200);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('the examples from the report: login, a search and a record id with a NUL answer 400', async () => {
    const login = await t.request(null, 'POST', '/api/v1/auth/login', { username: NUL, password: 'x' });
    expect(login.statusCode).toBe(400);
    expect(login.headers['content-type']).toContain('application/problem+json');
    expect(login.json()).toMatchObject({ code: 'control_character', field: 'username' });
    const search = await t.request(admin, 'GET', `/api/v1/parties?q=${NUL_IN_URL}`);
    expect(search.json()).toMatchObject({ status: 400, field: 'q' });
    const byId = await t.request(admin, 'GET', `/api/v1/parties/${NUL_IN_URL}`);
    expect(byId.json()).toMatchObject({ status: 400, field: 'id' });
    // Tabs and line breaks stay allowed inside body text; other controls, DEL and lone surrogates do not.
    const party = await t.request(admin, 'POST', '/api/v1/parties', {
      kind: 'person',
      name: 'Иван Петров',
      notes: 'ред 1\r\nред 2\tтаб',
    });
    expect(party.statusCode).toBe(201);
    for (const bad of ['a\u0007b', 'a\u007fb', 'a\ud800b', 'a\u001bb']) {
      const res = await t.request(admin, 'POST', '/api/v1/parties', {
        kind: 'person',
        name: 'X',
        notes: bad,
      });
      expect(res.json(), JSON.stringify(bad)).toMatchObject({
        status: 400,
        code: 'control_character',
        field: 'notes',
      });
    }
    const tabInQuery = await t.request(admin, 'GET', '/api/v1/parties?q=a%09b');
    expect(tabInQuery.json()).toMatchObject({ status: 400, field: 'q' });
  });

  it('a NUL in a CSV cell refuses the file, naming the row and column', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/brands/preview',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
      payload: `code,name\nACME,Ac${'\u0000'}me\n`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'csv_control_character', field: 'name' });
  });
});
