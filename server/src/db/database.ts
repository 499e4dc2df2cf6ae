import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
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

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
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

export function createPgPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: url, max, types: pgTypes });
}

/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool. */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.kind === 'sqlite') {
    const sqlite = openSqlite(config.file);
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
