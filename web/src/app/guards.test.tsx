import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../i18n';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../test-utils';
import { AppRoot } from './guards';

function app(route: string) {
  return renderScreen(
    <Routes>
      <Route element={<AppRoot />}>
        <Route path="*" element={<p>signed-in screen</p>} />
      </Route>
    </Routes>,
    { me: 'ask-server', route },
  );
}

describe('the start of the app', () => {
  it('shows the first-run setup on any path while the installation is new', async () => {
    fakeServer((call) =>
      call.path === '/api/v1/setup'
        ? jsonResponse(200, { needsSetup: true, version: '0.1.0' })
        : jsonResponse(200, { user: null, csrfToken: null }),
    );
    app('/settings/users');
    expect(await screen.findByRole('heading', { name: 'Добре дошли в Servix' })).toBeTruthy();
    expect(screen.queryByText('signed-in screen')).toBeNull();
  });

  it('lets the signed-in user’s saved language win over the browser’s', async () => {
    await setLanguage('en');
    const me = aMe();
    fakeServer((call) =>
      call.path === '/api/v1/setup'
        ? jsonResponse(200, { needsSetup: false, version: '0.1.0' })
        : jsonResponse(200, { ...me, user: { ...me.user, locale: 'bg' } }),
    );
    app('/');
    expect(await screen.findByText('signed-in screen')).toBeTruthy();
    await waitFor(() => expect(i18n.language).toBe('bg'));
    expect(localStorage.getItem('servix.locale')).toBe('bg');
  });
});
