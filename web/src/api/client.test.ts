import { describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { fakeServer, jsonResponse } from '../test-utils';
import { ApiError, api, setCsrfToken } from './client';

describe('the API client', () => {
  it('sends the CSRF token on writes only, and the UI language on every call', async () => {
    const { calls } = fakeServer(() => jsonResponse(200, { ok: true }));
    setCsrfToken('csrf-abc');
    await setLanguage('en');

    await api.get('/company');
    await api.put('/company', { legalName: 'X' });
    await api.patch('/users/1', { active: false });
    await api.post('/auth/logout');

    const [get, put, patch, post] = calls;
    expect(get?.headers.get('X-CSRF-Token')).toBeNull();
    for (const write of [put, patch, post]) expect(write?.headers.get('X-CSRF-Token')).toBe('csrf-abc');
    for (const call of calls) expect(call.headers.get('X-Servix-Locale')).toBe('en');
    expect(put).toMatchObject({ method: 'PUT', path: '/api/v1/company', body: { legalName: 'X' } });
    expect(put?.headers.get('Content-Type')).toBe('application/json');
  });

  it('turns application/problem+json into an ApiError with the message and the field errors', async () => {
    fakeServer(() =>
      jsonResponse(
        400,
        {
          type: 'https://servix.dev/problems/invalid_uic',
          title: 'Invalid UIC',
          status: 400,
          code: 'invalid_uic',
          detail: 'Невалиден ЕИК: контролната цифра не съвпада.',
          field: 'uic',
          errors: [
            { field: 'uic', code: 'invalid_uic', message: 'Невалиден ЕИК: контролната цифра не съвпада.' },
            { field: 'bankAccounts.0.iban', code: 'invalid_iban', message: 'Невалиден IBAN.' },
          ],
        },
        'application/problem+json; charset=utf-8',
      ),
    );
    const error = await api.put('/company', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const problem = error as ApiError;
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('invalid_uic');
    expect(problem.message).toBe('Невалиден ЕИК: контролната цифра не съвпада.');
    expect(problem.fieldErrors()).toEqual({
      uic: 'Невалиден ЕИК: контролната цифра не съвпада.',
      'bankAccounts.0.iban': 'Невалиден IBAN.',
    });
  });

  it('puts a problem that names one field without an error list on that field', async () => {
    fakeServer(() =>
      jsonResponse(
        409,
        {
          status: 409,
          code: 'username_taken',
          detail: 'Потребителското име „ivan“ е заето.',
          field: 'username',
        },
        'application/problem+json',
      ),
    );
    const error = (await api.post('/users', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.fieldErrors()).toEqual({ username: 'Потребителското име „ivan“ е заето.' });
  });

  it('reports an unreachable server in the user’s language', async () => {
    fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await api.get('/company').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network_error');
    expect(error.message).toBe('Няма връзка със сървъра. Проверете мрежата и опитайте отново.');
  });

  it('answers 204 with nothing', async () => {
    fakeServer(() => new Response(null, { status: 204 }));
    await expect(api.delete('/api-tokens/1')).resolves.toBeUndefined();
  });
});
