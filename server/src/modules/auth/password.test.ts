import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dummyHash, hashPassword, PASSWORD_COST, setPasswordCostForTests, verifyPassword } from './password';

describe('password hashing at the production cost', () => {
  // The other tests hash at a lower cost (server/test/setup.ts); this one runs as production does.
  beforeAll(() => setPasswordCostForTests(undefined));
  afterAll(() => setPasswordCostForTests(2 ** 10));

  it('is scrypt N = 2^15, r = 8, p = 1 with a random salt, stored with the hash; only the password verifies', async () => {
    expect(PASSWORD_COST).toEqual({ N: 32768, r: 8, p: 1 });
    const hash = await hashPassword('Парола-2026');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await hashPassword('Парола-2026')).not.toBe(hash);
    expect(await verifyPassword('Парола-2026', hash)).toBe(true);
    expect(await verifyPassword('парола-2026', hash)).toBe(false);
    expect(await dummyHash()).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('verifies a hash made at another cost by the cost stored in it', async () => {
    setPasswordCostForTests(2 ** 10);
    const cheap = await hashPassword('x-secret-1');
    setPasswordCostForTests(undefined);
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('x-secret-1', cheap)).toBe(true);
    expect(await verifyPassword('x-secret-2', cheap)).toBe(false);
    expect(await verifyPassword('x-secret-1', 'bcrypt$whatever')).toBe(false);
  });
});
