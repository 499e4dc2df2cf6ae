import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../test-utils';
import { LanguageSwitch } from './language-switch';

describe('the language switch', () => {
  it('before sign-in: switches at once and is remembered by the browser only', async () => {
    const { calls } = fakeServer(() => jsonResponse(500, {}));
    renderScreen(<LanguageSwitch />, { me: null });

    fireEvent.click(screen.getByText('EN'));
    await waitFor(() => expect(i18n.language).toBe('en'));
    expect(localStorage.getItem('servix.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(calls).toHaveLength(0);
  });

  it('after sign-in: also saves the choice to the user', async () => {
    const me = aMe();
    const { calls } = fakeServer((call) =>
      jsonResponse(200, { ...me, user: { ...me.user, locale: (call.body as { locale: string }).locale } }),
    );
    renderScreen(<LanguageSwitch />, { me });

    fireEvent.click(screen.getByText('EN'));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(i18n.language).toBe('en');
    expect(calls[0]).toMatchObject({ method: 'PATCH', path: '/api/v1/auth/me', body: { locale: 'en' } });
    expect(calls[0]?.headers.get('X-CSRF-Token')).toBe(me.csrfToken);
  });
});
