import { isIP } from 'node:net';
import path from 'node:path';

/**
 * SQLite's `synchronous` setting: FULL syncs the WAL on every commit, so a commit that answered survives a power
 * cut; NORMAL syncs only at checkpoints and may lose the last commits (a printed document number issued again).
 */
export type SqliteSynchronous = 'full' | 'normal';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string; synchronous?: SqliteSynchronous }
  | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Set when the app is served behind TLS (cookies get Secure). */
  secureCookies: boolean;
  logLevel: string;
  /** Folder with the built web app; served when it exists. */
  webDist: string;
  sessionDays: number;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDRs, from TRUSTED_PROXIES). Empty: the client's
   * address is the socket's, so nobody can pick the address the sign-in throttle counts.
   */
  trustedProxies: string[];
  /**
   * The address customers reach this Servix at (PUBLIC_URL, e.g. https://servis.example.bg): printed QR codes and
   * status links point there. Unset: the address of the request that prints them.
   */
  publicUrl?: string | null;
}

/** Reads DATABASE_URL: unset means SQLite at ./data/servix.db, `sqlite:PATH` another file, `postgres://` PostgreSQL. */
export function parseDatabaseUrl(url: string | undefined, cwd = process.cwd()): DatabaseConfig {
  if (!url) return { kind: 'sqlite', file: path.resolve(cwd, 'data', 'servix.db') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got "${url}")`);
}

/** TRUSTED_PROXIES: comma-separated IPv4/IPv6 addresses or CIDRs, e.g. "127.0.0.1,10.0.0.0/8"; unset trusts none. */
export function parseTrustedProxies(value: string | undefined): string[] {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !validBits || rest.length) {
      throw new Error(`TRUSTED_PROXIES must list IP addresses or CIDRs separated by commas (got "${entry}")`);
    }
  }
  return list;
}

function withSqliteSynchronous(database: DatabaseConfig, value: string | undefined): DatabaseConfig {
  return database.kind === 'sqlite' ? { ...database, synchronous: parseSqliteSynchronous(value) } : database;
}

/** Reads SQLITE_SYNCHRONOUS: unset means full (durable); `normal` trades the last commits for speed. */
export function parseSqliteSynchronous(value: string | undefined): SqliteSynchronous {
  const v = (value ?? 'full').trim().toLowerCase();
  if (v === 'full' || v === 'normal') return v;
  throw new Error(`SQLITE_SYNCHRONOUS must be full or normal (got "${value}")`);
}

/** Reads PUBLIC_URL: an http(s) origin with an optional path, kept without its trailing slash; unset → null. */
export function parsePublicUrl(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`PUBLIC_URL must be an http(s) address (got "${value}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`PUBLIC_URL must be an http(s) address (got "${value}")`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    database: withSqliteSynchronous(parseDatabaseUrl(env.DATABASE_URL), env.SQLITE_SYNCHRONOUS),
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: env.WEB_DIST ?? path.resolve(import.meta.dirname, '../../web/dist'),
    sessionDays: Number(env.SESSION_DAYS ?? 14),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
  };
}
