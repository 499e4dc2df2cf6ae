import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { lazyScreen } from '../app/lazy-screen';
import { AppProviders } from '../app/providers';
import { setLanguage } from '../i18n';
import { RouteError } from './states';

/** A screen whose download fails, as Chromium reports it when the network drops or a new version replaced it. */
function renderScreenThatDoesNotLoad() {
  const NotLoaded = lazyScreen<'Page', { Page: () => null }>(
    () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/screens-1.js')),
    'Page',
  );
  const router = createMemoryRouter([{ path: '/', element: <NotLoaded />, errorElement: <RouteError /> }]);
  // React reports the caught error on the console; here it is the point of the test.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  render(
    <AppProviders queryClient={new QueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('a screen that fails to download', () => {
  it('says so and reloads the page on request', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    renderScreenThatDoesNotLoad();
    expect(await screen.findByRole('heading', { name: 'Екранът не се зареди' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Презареди' }));
    expect(reload).toHaveBeenCalled();
  });

  it('says so in English', async () => {
    await setLanguage('en');
    renderScreenThatDoesNotLoad();
    expect(await screen.findByRole('heading', { name: 'This screen did not load' })).toBeTruthy();
    expect(screen.getByText('The connection dropped or the app was updated. Reload the page.')).toBeTruthy();
  });
});
