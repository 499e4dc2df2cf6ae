import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig, SqliteSynchronous } from '../config';
import type { Database } from './schema';
import { SqliteBooleanPlugin } from './sql';

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

function parseInstant(text: string): string {
  // pg sends "2026-11-27 10:00:00.123+00"; we keep instants as ISO-8601 UTC strings.
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

/**
 * Kysely asks better-sqlite3 to prepare every statement it runs; preparing is about as costly as running a small
 * query. The same SQL text reuses its prepared statement (SQLite re-prepares one itself after a schema change);
 * the least recently used are dropped beyond `size`. Kysely runs one statement at a time on its one connection and
 * never streams here, so a statement is never in use twice.
 */
export function withStatementCache(sqlite: SQLite.Database, size = 1000): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close() {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) cache.delete(sql);
      else statement = sqlite.prepare(sql);
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

/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool. */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === 'sqlite') {
    const sqlite = openSqlite(config.file, config.synchronous);
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new SqliteBooleanPlugin()],
    });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  const pool = createPgPool(config.url);
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
