import type { Db, Executor } from '../../db/database';
import * as repo from './auth.repository';

/**
 * Sign-in throttling (docs/adr/0005, amendment of issue 8). Every attempt is counted before its password is checked,
 * on up to three keys, each a counter row read and bumped in one transaction under a row lock, so parallel attempts
 * cannot all read the same low count. Past a key's free attempts, each further attempt makes the next one wait twice as long
 * (1 s, 2 s, 4 s … at most 15 minutes); attempts refused while waiting are not counted.
 *
 * - address: any username from one address;
 * - pair: one username from one address: the tight limit, which an attacker elsewhere cannot touch;
 * - username: one username from any address not known for it (no successful sign-in from there for 30 days), a
 *   much higher ceiling against guessing from many addresses that never blocks the user's own known addresses.
 */
export const THROTTLE_RULES = {
  address: { free: 20 },
  pair: { free: 5 },
  username: { free: 50 },
} as const;
export type ThrottleScope = keyof typeof THROTTLE_RULES;

export const MAX_BACKOFF_SECONDS = 15 * 60;
/** A counter left alone this long starts again from zero; sign-in attempts older than this are no longer read. */
export const THROTTLE_WINDOW_MINUTES = 60;
/** An address the user signed in from within this many days is "known" and exempt from the username ceiling. */
export const KNOWN_ADDRESS_DAYS = 30;

/** Seconds the attempt after the `attempts`-th must wait: 0 while free, then 1, 2, 4 … capped at 15 minutes. */
export function backoffSeconds(attempts: number, free: number): number {
  if (attempts < free) return 0;
  return Math.min(2 ** Math.min(attempts - free, 30), MAX_BACKOFF_SECONDS);
}

export function throttleKey(scope: ThrottleScope, username: string, address: string): string {
  if (scope === 'address') return `ip:${address}`;
  if (scope === 'pair') return `pair:${username}|${address}`;
  return `user:${username}`;
}

export type Reservation =
  | { allowed: true; key: string; attempts: number; waitSeconds: number; lastSuccessAt: string | null }
  | { allowed: false; key: string; retryAfterSeconds: number };

/**
 * Counts one attempt on the key, or refuses it while the key's backoff lasts: read and write in one transaction,
 * the row locked on PostgreSQL (SQLite runs one write transaction at a time), so no two attempts read the same count.
 */
export async function reserveAttempt(
  db: Db,
  scope: ThrottleScope,
  key: string,
  now: number,
): Promise<Reservation> {
  const { free } = THROTTLE_RULES[scope];
  const at = new Date(now).toISOString();
  return db.transaction().execute(async (trx) => {
    await repo.insertThrottleIfAbsent(trx, {
      key,
      failures: 0,
      blocked_until: null,
      last_success_at: null,
      updated_at: at,
    });
    const row = await repo.findThrottleForUpdate(trx, key);
    if (!row) throw new Error(`throttle counter ${key} vanished`);
    if (row.blocked_until && Date.parse(row.blocked_until) > now) {
      const retryAfterSeconds = Math.ceil((Date.parse(row.blocked_until) - now) / 1000);
      return { allowed: false as const, key, retryAfterSeconds };
    }
    const quiet = now - Date.parse(row.updated_at) > THROTTLE_WINDOW_MINUTES * 60_000;
    const attempts = (quiet ? 0 : row.failures) + 1;
    const waitSeconds = backoffSeconds(attempts, free);
    // Guarded as well: the count moves only from the value just read.
    const counted = await repo.updateThrottleIfUnchanged(trx, key, row, {
      failures: attempts,
      blocked_until: waitSeconds ? new Date(now + waitSeconds * 1000).toISOString() : null,
      updated_at: at,
    });
    if (!counted) return { allowed: false as const, key, retryAfterSeconds: 1 };
    return { allowed: true as const, key, attempts, waitSeconds, lastSuccessAt: row.last_success_at };
  });
}

export interface ThrottlePass {
  /** Keys counted for this attempt, to give back or reset when the password is right. */
  counted: { scope: ThrottleScope; key: string; attempts: number; waitSeconds: number }[];
}

export class Throttled {
  constructor(
    readonly scope: ThrottleScope,
    readonly retryAfterSeconds: number,
    /** The keys counted before the one that refused (their backoff may have started with this attempt). */
    readonly counted: ThrottlePass['counted'],
  ) {}
}

/** Counts a sign-in attempt on the address, the pair and (from an unknown address) the username, in that order. */
export async function admitAttempt(
  db: Db,
  username: string,
  address: string,
  now: number,
): Promise<ThrottlePass | Throttled> {
  const counted: ThrottlePass['counted'] = [];
  let knownAddress = false;
  for (const scope of ['address', 'pair', 'username'] as const) {
    if (scope === 'username' && knownAddress) break;
    const key = throttleKey(scope, username, address);
    const r = await reserveAttempt(db, scope, key, now);
    if (!r.allowed) return new Throttled(scope, r.retryAfterSeconds, counted);
    if (scope === 'pair' && r.lastSuccessAt) {
      knownAddress = now - Date.parse(r.lastSuccessAt) < KNOWN_ADDRESS_DAYS * 86_400_000;
    }
    counted.push({ scope, key, attempts: r.attempts, waitSeconds: r.waitSeconds });
  }
  return { counted };
}

/** The counted keys whose run of waits this attempt started (a later doubling is not news). */
export function backoffsStarted(counted: ThrottlePass['counted']): ThrottlePass['counted'] {
  return counted.filter((c) => c.waitSeconds === 1);
}

/** The password was right: the pair starts again from zero (and marks the address known); the others get one back. */
export async function recordSuccess(db: Executor, pass: ThrottlePass, now: number): Promise<void> {
  const at = new Date(now).toISOString();
  for (const c of pass.counted) {
    if (c.scope === 'pair') await repo.markThrottleSuccess(db, c.key, at);
    else await repo.releaseThrottleAttempt(db, c.key);
  }
}
