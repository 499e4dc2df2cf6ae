import { describe, expect, it } from 'vitest';
import { conflict, DomainError, forbidden, invalid, notFound } from '../kernel/errors';
import { fromDomainError } from './error-handler';

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
