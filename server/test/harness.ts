import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { type DatabaseHandle, type Db, type Dialect, openDatabase } from '../src/db/database';
import type { Role } from '../src/modules/auth/auth.schema';
import type { JobRunnerSettings } from '../src/modules/jobs';
import { createCopyOf } from './pg-admin';

/** The databases this run covers (decided in global-setup.ts): use with describe.each. */
export const DIALECTS: Dialect[] = inject('dialects');

export interface TestDatabase {
  handle: DatabaseHandle;
  config: Config;
  drop(): Promise<void>;
}

export interface FreshDatabaseOptions {
  /**
   * true: the database as production opens it (SQLite with synchronous=FULL, PostgreSQL sessions with
   * synchronous_commit=on). By default a test database does not wait for each commit to reach the disk (SQLite
   * synchronous=NORMAL, PostgreSQL synchronous_commit=off): a power cut is not what the tests are about, and syncing
   * every commit costs the suite minutes. The durability tests ask for production settings.
   */
  production?: boolean;
}

/** A fresh, migrated, empty database of the given dialect (a copy of this run's template); drop() lets go of it. */
export async function freshDatabase(
  dialect: Dialect,
  options: FreshDatabaseOptions = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-test-'));
    const file = path.join(dir, 'servix.db');
    fs.copyFileSync(inject('sqliteTemplate'), file);
    const env = {
      DATABASE_URL: `sqlite:${file}`,
      ...(options.production ? {} : { SQLITE_SYNCHRONOUS: 'normal' }),
    };
    const config = { ...loadConfig(env), webDist: path.join(dir, 'no-web') };
    const handle = openDatabase(config.database);
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
  const url = await createCopyOf(pgUrl, template);
  // Sessions of a test database need not wait for each commit to reach the disk (the URL's options win over the
  // pool's synchronous_commit=on); the durability tests ask for production settings.
  const sessionUrl = options.production
    ? url
    : `${url}?options=${encodeURIComponent('-c synchronous_commit=off')}`;
  const config = {
    ...loadConfig({ DATABASE_URL: sessionUrl }),
    webDist: path.join(os.tmpdir(), 'servix-no-web'),
  };
  const handle = openDatabase(config.database);
  return {
    handle,
    config,
    // The database itself is dropped with the run's other copies of the template (global-setup.ts).
    async drop(this: TestDatabase) {
      await this.handle.close();
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
  /**
   * A second app instance on the same database with a connection pool of its own, as a second server process would
   * be (sessions are in the database, so the same sessions work); closed after the block. Its setup and signInAs are
   * the first instance's.
   */
  anotherInstance(): Promise<TestApp>;
}

export const ADMIN_PASSWORD = 'admin-secret-1';
export const USER_PASSWORD = 'user-secret-1';

function cookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'servix_session');
  if (!c) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `servix_session=${c.value}`;
}

export interface TestAppOptions {
  /**
   * The app's job runner. By default it runs jobs in the background as `servix serve` does; with
   * `{ autoStart: false }` nothing runs until the test calls `t.app.jobs.drain()`, so a test waits for a job by
   * awaiting it instead of polling.
   */
  jobs?: JobRunnerSettings;
}

/** A fresh database and app for the enclosing describe block, torn down after it. */
export function useTestApp(dialect: Dialect, options: TestAppOptions = {}): TestApp {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  let admin: Session | null = null;
  let counter = 0;
  const others: { app: FastifyInstance; handle: DatabaseHandle }[] = [];

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    app = await buildApp({ config: tdb.config, database: tdb.handle, logger: false, jobs: options.jobs });
    await app.ready();
  });
  afterAll(async () => {
    for (const o of others) {
      await o.app.close();
      await o.handle.close();
    }
    await app?.close();
    await tdb?.drop();
  });
  const injectInto =
    (target: () => FastifyInstance): TestApp['request'] =>
    (session, method, url, body, headers = {}) =>
      target().inject({
        method,
        url,
        headers: {
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
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
    request: injectInto(() => app),
    postCsv(session, url, csv) {
      return t.request(session, 'POST', url, csv, { 'content-type': 'text/csv' });
    },
    async anotherInstance() {
      if (dialect === 'sqlite') throw new Error('a second instance shares a PostgreSQL database only');
      const handle = openDatabase(tdb.config.database);
      const other = await buildApp({
        config: tdb.config,
        database: handle,
        logger: false,
        jobs: options.jobs,
      });
      await other.ready();
      others.push({ app: other, handle });
      const request = injectInto(() => other);
      return {
        ...t,
        get app() {
          return other;
        },
        get db() {
          return handle.db;
        },
        request,
        postCsv: (session, url, csv) => request(session, 'POST', url, csv, { 'content-type': 'text/csv' }),
      };
    },
  };
  return t;
}
