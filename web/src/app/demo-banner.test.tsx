import type { Role } from '@servix/server/modules/auth/auth.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../test-utils';
import { AppLayout } from './app-layout';

function layoutOf(role: Role, isDemo: boolean) {
  const server = fakeServer((call) =>
    call.path === '/api/v1/setup/leave-demo'
      ? new Response(null, { status: 204 })
      : jsonResponse(200, { legalName: isDemo ? 'Демо Сервиз ЕООД (демо)' : 'Сервиз Тест ЕООД', isDemo }),
  );
  renderScreen(<AppLayout />, { me: aMe(role) });
  return server;
}

describe('the demo banner', () => {
  it('says on a demo company that its data is invented, and offers an administrator to start their own', async () => {
    layoutOf('admin', true);
    const banner = await screen.findByTestId('demo-banner');
    expect(banner.textContent).toContain('Това е демо фирма с измислени данни.');
    expect(within(banner).getByRole('button', { name: 'Започни своята фирма' })).toBeTruthy();
  });

  it('shows other roles the banner without the way out', async () => {
    layoutOf('manager', true);
    const banner = await screen.findByTestId('demo-banner');
    expect(within(banner).queryByRole('button')).toBeNull();
  });

  it('is not there on a real company', async () => {
    layoutOf('admin', false);
    await screen.findByTestId('header-company');
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });

  it('deletes the demo only after the administrator ticks that they understand; cancel sends nothing', async () => {
    const { calls } = layoutOf('admin', true);
    const banner = await screen.findByTestId('demo-banner');
    fireEvent.click(within(banner).getByRole('button', { name: 'Започни своята фирма' }));
    const dialog = await screen.findByRole('dialog', { name: 'Започване на своя фирма' });
    const confirm = within(dialog).getByRole('button', { name: 'Изтрий демо данните' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    fireEvent.click(within(banner).getByRole('button', { name: 'Започни своята фирма' }));
    const again = await screen.findByRole('dialog', { name: 'Започване на своя фирма' });
    fireEvent.click(within(again).getByRole('checkbox', { name: /Разбирам/ }));
    fireEvent.click(within(again).getByRole('button', { name: 'Изтрий демо данните' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
        '/api/v1/setup/leave-demo',
      ]),
    );
  });
});
