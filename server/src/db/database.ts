import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig, SqliteSynchronous } from '../config';
import type { Database } from './schema';
import { LiteralLimitsPostgresDialect } from './sql';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Any executor: the root connection or a transaction; repositories take it first. */
export type Executor = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The raw better-sqlite3 connection (SQLite only), for the online backup API. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;
const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;

/** pg returns int8 and numeric as strings: we read them as numbers, and refuse what a number cannot hold exactly. */
export function parseSafeInteger(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Database value ${text} is not a safe integer`);
  return n;
}

/** What the pool's UTC sessions send for a timestamptz: "2026-11-27 10:00:00.123456+00" (the fraction optional). */
const UTC_INSTANT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * An instant from pg as an ISO-8601 UTC string with milliseconds, as Date#toISOString writes it (a list of a few
 * hundred rows reads a thousand of them: the common UTC form is rewritten as text, without a Date). Microseconds are
 * cut to milliseconds, as a Date would.
 */
export function parseInstant(text: string): string {
  const utc = UTC_INSTANT.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  // Any other offset or form: through a Date.
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Unreadable timestamp from the database: ${text}`);
  return date.toISOString();
}

const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return parseSafeInteger;
    // Calendar dates stay 'YYYY-MM-DD': pg would otherwise make a local-midnight Date (off by a day).
    if (oid === PG_DATE) return (text: string) => text;
    if (oid === PG_TIMESTAMPTZ) return parseInstant;
    if (oid === PG_TIMESTAMP) return (text: string) => parseInstant(`${text}Z`);
    // biome-ignore lint/suspicious/noExplicitAny: pg's type parser signature is overloaded
    return pg.types.getTypeParser(oid, format as any);
  },
} as pg.CustomTypesConfig;

/**
 * Opens SQLite in WAL mode with synchronous=FULL unless told otherwise: every commit that answered is on disk, so
 * a power cut cannot take back a document number that was already printed.
 */
export function openSqlite(file: string, synchronous: SqliteSynchronous = 'full'): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** SQLite cannot bind booleans: a boolean parameter is bound as 1 or 0 (columns of `SqlBool` hold 0/1). */
function bindable(parameters: readonly unknown[]): readonly unknown[] {
  for (const value of parameters)
    if (typeof value === 'boolean') return parameters.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
  return parameters;
}

type CachedStatement = ReturnType<SqliteDatabase['prepare']>;

/** A prepared statement whose boolean parameters are bound as 1/0. */
function bindingBooleans(statement: SQLite.Statement): CachedStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(...([bindable(parameters)] as [unknown[]])),
    run: (parameters) => statement.run(...([bindable(parameters)] as [unknown[]])),
    iterate: (parameters) => statement.iterate(...([bindable(parameters)] as [unknown[]])),
  };
}

/**
 * Kysely asks better-sqlite3 to prepare every statement it runs; preparing is about as costly as running a small
 * query. The same SQL text reuses its prepared statement (SQLite re-prepares one itself after a schema change);
 * the least recently used are dropped beyond `size`. Kysely runs one statement at a time on its one connection and
 * never streams here, so a statement is never in use twice. Boolean parameters are bound as 1/0 here, on the
 * statement's way out, rather than by a Kysely plugin that copied every query's whole tree to find them.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 1000): SqliteDatabase {
  const cache = new Map<string, CachedStatement>();
  return {
    close() {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else statement = bindingBooleans(sqlite.prepare(sql));
      cache.set(sql, statement);
      if (cache.size > size) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}

/** The application_name of every Servix session on PostgreSQL: `servix restore` looks for it. */
export const PG_APPLICATION_NAME = 'servix';

/**
 * A pool whose sessions name themselves `servix` and commit synchronously (synchronous_commit on, whatever the
 * server's or role's default): a commit that answered survives a crash of the database server.
 */
export function createPgPool(url: string, max = 10, applicationName = PG_APPLICATION_NAME): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    types: pgTypes,
    application_name: applicationName,
    options: '-c synchronous_commit=on',
  });
}

/** How many reads one session keeps prepared; past that, new statements run unnamed (parsed and planned each time). */
const PREPARED_PER_SESSION = 500;
const READ_STATEMENT = /^\s*(select|with)\s/i;
/** A search (LIKE on a pattern): only a plan made for the pattern uses the trigram index well; it stays unnamed. */
const SEARCH_STATEMENT = /\slike\s/i;
const preparedNames = new Map<string, string>();

function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (name === undefined) {
    name = `sx_${createHash('sha1').update(text).digest('base64url')}`;
    if (preparedNames.size > 10_000) preparedNames.clear();
    preparedNames.set(text, name);
  }
  return name;
}

/**
 * A pool whose sessions prepare the reads they run (a named statement per SQL text): PostgreSQL parses and plans
 * an unnamed statement on every call, which for the order lists and the board costs more than running it (10–25
 * ms of planning against 2–9 ms of execution). A session prepares a statement once and, after five runs, keeps a
 * generic plan when it is as good as the custom ones (plan_cache_mode auto). Only single SELECTs (no `;`) without a
 * LIKE: writes plan cheaply, raw SQL may hold several commands, and a generic plan cannot
 * know how selective a search pattern is (a search by serial went from 26 to 130 ms). LIMIT and OFFSET are
 * literals (LiteralLimitsCompiler in db/sql.ts) for the same reason.
 */
export function withPreparedReads(pool: pg.Pool): {
  connect(): Promise<pg.PoolClient>;
  end(): Promise<void>;
} {
  const patched = new WeakSet<pg.PoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      if (!patched.has(client)) {
        patched.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        const prepared = new Set<string>();
        // biome-ignore lint/suspicious/noExplicitAny: pg's query() is overloaded; Kysely calls it as (text, values)
        (client as any).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
          if (
            typeof text === 'string' &&
            Array.isArray(values) &&
            READ_STATEMENT.test(text) &&
            !text.includes(';') &&
            !SEARCH_STATEMENT.test(text)
          ) {
            const name = preparedName(text);
            if (prepared.has(name) || prepared.size < PREPARED_PER_SESSION) {
              prepared.add(name);
              return query({ name, text, values });
            }
          }
          return query(text, values, ...rest);
        };
      }
      return client;
    },
    end: () => pool.end(),
  };
}

/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool. */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === 'sqlite') {
    const sqlite = openSqlite(config.file, config.synchronous);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  const pool = createPgPool(config.url);
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = new Kysely<Database>({
    dialect: new LiteralLimitsPostgresDialect({ pool: withPreparedReads(pool) }),
  });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** The durability settings as the database reports them (read back at start, and by the tests). */
export type Durability =
  | { dialect: 'sqlite'; journalMode: string; synchronous: string }
  | { dialect: 'postgres'; synchronousCommit: string; fsync: string };

const SQLITE_SYNCHRONOUS_NAMES = ['off', 'normal', 'full', 'extra'];

export async function readDurability(handle: DatabaseHandle): Promise<Durability> {
  if (handle.dialect === 'sqlite') {
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
    const level = sync.rows[0]?.synchronous ?? -1;
    return {
      dialect: 'sqlite',
      journalMode: String(journal.rows[0]?.journal_mode ?? '').toLowerCase(),
      synchronous: SQLITE_SYNCHRONOUS_NAMES[level] ?? String(level),
    };
  }
  const r = await sql<{ synchronous_commit: string; fsync: string }>`
    select current_setting('synchronous_commit') as synchronous_commit, current_setting('fsync') as fsync`.execute(
    handle.db,
  );
  return {
    dialect: 'postgres',
    synchronousCommit: r.rows[0]?.synchronous_commit ?? '',
    fsync: r.rows[0]?.fsync ?? '',
  };
}

/**
 * Who else uses the database, or null when nobody does. SQLite: the database's own lock; every open connection
 * (a running server, a command) holds a shared lock in WAL mode, so an exclusive lock is refused while one is open.
 * PostgreSQL: sessions named `servix` on the same database; sessions that are just closing get a moment to go.
 */
export async function findDatabaseUsers(config: DatabaseConfig): Promise<string | null> {
  if (config.kind === 'sqlite') {
    if (config.file === ':memory:' || !fs.existsSync(config.file)) return null;
    const probe = new SQLite(config.file, { fileMustExist: true, timeout: 0 });
    try {
      probe.pragma('locking_mode = EXCLUSIVE');
      probe.exec('BEGIN EXCLUSIVE');
      probe.exec('ROLLBACK');
      return null;
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY'))
        return 'another connection holds the SQLite database open';
      throw e;
    } finally {
      probe.close();
    }
  }
  const client = new pg.Client({
    connectionString: config.url,
    application_name: `${PG_APPLICATION_NAME}-restore`,
  });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      const r = await client.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where datname = current_database() and application_name = $1 and pid <> pg_backend_pid()`,
        [PG_APPLICATION_NAME],
      );
      const n = Number(r.rows[0]?.n ?? 0);
      if (n === 0) return null;
      if (attempt >= 20) return `${n} Servix session(s) are connected to the PostgreSQL database`;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
