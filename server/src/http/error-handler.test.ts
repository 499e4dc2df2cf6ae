import { describe, expect, it } from 'vitest';
import { conflict, DomainError, forbidden, invalid, notFound } from '../kernel/errors';
import { fromDomainError, toAppError } from './error-handler';

describe('domain errors', () => {
  it('carry a kind and a code, and http/ alone turns the kind into a status', () => {
    expect(fromDomainError(invalid('too_small', 'qty')).status).toBe(400);
    expect(fromDomainError(notFound('part')).status).toBe(404);
    expect(fromDomainError(conflict('duplicate_code', { code: 'A1' })).status).toBe(409);
    expect(fromDomainError(forbidden()).status).toBe(403);
    const e = fromDomainError(
      new DomainError('rate_limited', 'too_many_attempts', { extra: { retryAfterSeconds: 3 } }),
    );
    expect([e.status, e.code, e.options.extra?.retryAfterSeconds]).toEqual([429, 'too_many_attempts', 3]);
  });
});

describe('database refusals', () => {
  it('a deadlock or serialization failure PostgreSQL broke is 409 busy_try_again (nothing was written), not 500', () => {
    for (const code of ['40P01', '40001']) {
      const e = toAppError(Object.assign(new Error('deadlock detected'), { code }) as never);
      expect([e.status, e.code]).toEqual([409, 'busy_try_again']);
    }
    expect(toAppError(Object.assign(new Error('x'), { code: '23505' }) as never).status).toBe(500);
  });
});
