import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { type DatabaseHandle, type Db, type Dialect, openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import type { Role } from '../src/modules/auth/auth.schema';
import { createDatabaseFrom, dropDatabase } from './pg-admin';

/** The databases this run covers (decided in global-setup.ts): use with describe.each. */
export const DIALECTS: Dialect[] = inject('dialects');

export interface TestDatabase {
  handle: DatabaseHandle;
  config: Config;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database of the given dialect, dropped by drop(). */
export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-test-'));
    const file = path.join(dir, 'servix.db');
    const config = { ...loadConfig({ DATABASE_URL: `sqlite:${file}` }), webDist: path.join(dir, 'no-web') };
    const handle = openDatabase(config.database);
    await migrateToLatest(handle, file);
    return {
      handle,
      config,
      async drop(this: TestDatabase) {
        await this.handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const pgUrl = inject('pgUrl');
  const template = inject('pgTemplate');
  if (!pgUrl || !template) throw new Error('PostgreSQL is not available in this run');
  const url = await createDatabaseFrom(pgUrl, template);
  const config = { ...loadConfig({ DATABASE_URL: url }), webDist: path.join(os.tmpdir(), 'servix-no-web') };
  const handle = openDatabase(config.database);
  return {
    handle,
    config,
    async drop(this: TestDatabase) {
      await this.handle.close();
      await dropDatabase(pgUrl, new URL(url).pathname.slice(1));
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
  role: Role;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: Db;
  readonly dialect: Dialect;
  /** Runs first-run setup and returns the admin's session. */
  setup(opts?: { demo?: boolean }): Promise<Session>;
  /** Creates a user with the role (through the API, as the admin) and signs them in. */
  signInAs(role: Role, username?: string): Promise<Session>;
  request(
    session: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** POSTs a CSV file as the import screen sends it (text/csv), with the session's cookie and CSRF token. */
  postCsv(session: Session, url: string, csv: string): Promise<LightMyRequestResponse>;
}

export const ADMIN_PASSWORD = 'admin-secret-1';
export const USER_PASSWORD = 'user-secret-1';

function cookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'servix_session');
  if (!c) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `servix_session=${c.value}`;
}

/** A fresh database and app for the enclosing describe block, torn down after it. */
export function useTestApp(dialect: Dialect): TestApp {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let admin: Session | null = null;
  let counter = 0;

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    app = await buildApp({ config: tdb.config, database: tdb.handle, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.drop();
  });

  const t: TestApp = {
    get app() {
      return app;
    },
    get db() {
      return tdb.handle.db;
    },
    dialect,
    async setup(opts = {}) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: {
          companyName: 'Тест Сервиз ООД',
          adminUsername: 'admin',
          adminFullName: 'Админ Админов',
          adminPassword: ADMIN_PASSWORD,
          demo: opts.demo ?? false,
        },
      });
      if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
      const me = res.json();
      admin = { cookie: cookieOf(res), csrfToken: me.csrfToken, userId: me.user.id, role: 'admin' };
      return admin;
    },
    async signInAs(role, username) {
      if (!admin) throw new Error('call setup() first');
      const name = username ?? `${role}${++counter}`;
      const created = await t.request(admin, 'POST', '/api/v1/users', {
        username: name,
        fullName: `${role} user`,
        role,
        password: USER_PASSWORD,
      });
      if (created.statusCode !== 201) throw new Error(`create user failed: ${created.body}`);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: name, password: USER_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const me = res.json();
      return { cookie: cookieOf(res), csrfToken: me.csrfToken, userId: me.user.id, role };
    },
    request(session, method, url, body, headers = {}) {
      return app.inject({
        method,
        url,
        headers: {
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
      });
    },
    postCsv(session, url, csv) {
      return t.request(session, 'POST', url, csv, { 'content-type': 'text/csv' });
    },
  };
  return t;
}
