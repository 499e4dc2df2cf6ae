import type { Role } from '@servix/server/modules/auth/auth.schema';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../test-utils';
import { AppLayout } from './app-layout';

async function menuOf(role: Role): Promise<string[]> {
  fakeServer(() => jsonResponse(200, { legalName: 'Сервиз Тест ЕООД' }));
  renderScreen(<AppLayout />, { me: aMe(role) });
  const nav = await screen.findByRole('navigation', { name: 'Основно меню' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

describe('the main menu', () => {
  it('shows an administrator every settings screen', async () => {
    expect(await menuOf('admin')).toEqual([
      'Начало',
      'Фирма',
      'Номерация на документи',
      'Потребители',
      'API ключове',
      'Журнал на промените',
    ]);
  });

  it('shows only the screens the server lets each role use', async () => {
    expect(await menuOf('manager')).toEqual([
      'Начало',
      'Фирма',
      'Номерация на документи',
      'Потребители',
      'Журнал на промените',
    ]);
  });

  it('gives an accountant numbering and the audit log but not users', async () => {
    expect(await menuOf('accountant')).toEqual([
      'Начало',
      'Фирма',
      'Номерация на документи',
      'Журнал на промените',
    ]);
  });

  it('gives a technician the company details only', async () => {
    expect(await menuOf('technician')).toEqual(['Начало', 'Фирма']);
  });
});
