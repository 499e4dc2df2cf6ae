import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt's cost: N = 2^15, r = 8, p = 1 (32 MiB and tens of milliseconds per hash). */
export const PASSWORD_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

let cost: { N: number; r: number; p: number } = PASSWORD_COST;
let dummy: Promise<string> | null = null;

/**
 * Tests only (server/test/setup.ts): hash new passwords at a lower scrypt N so that the suite's hundreds of users
 * cost milliseconds. Verifying follows the cost stored in each hash, so nothing else changes; undefined restores
 * the production cost.
 */
export function setPasswordCostForTests(N: number | undefined): void {
  cost = N === undefined ? PASSWORD_COST : { ...PASSWORD_COST, N };
  dummy = null;
}

/** scrypt (RFC 7914) with a random salt; the parameters are stored with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = cost;
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, KEY_LENGTH, {
    N,
    r,
    p,
    maxmem: 128 * N * r * 2,
  });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !rr || !pp || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const cost = { N: Number(n), r: Number(rr), p: Number(pp) };
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    ...cost,
    maxmem: 128 * cost.N * cost.r * 2,
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a password no one knows, at the current cost: compared against when the username does not exist, so
 * timing reveals nothing. Made once, on first use.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
