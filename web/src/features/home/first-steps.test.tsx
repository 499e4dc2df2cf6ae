import type { FirstStepKey, FirstSteps } from '@servix/server/modules/onboarding/onboarding.schema';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { FirstStepsChecklist } from './first-steps';

const KEYS: FirstStepKey[] = [
  'company',
  'warehouse',
  'catalog',
  'technicians',
  'users',
  'numbering',
  'stockReceipt',
];

function stepsWith(done: FirstStepKey[], mayAct: (k: FirstStepKey) => boolean = () => true): FirstSteps {
  const steps = KEYS.map((key) => ({ key, done: done.includes(key), count: null, mayAct: mayAct(key) }));
  return { steps, doneCount: done.length, total: KEYS.length, allDone: done.length === KEYS.length };
}

function server(steps: FirstSteps) {
  return fakeServer((call) =>
    call.path === '/api/v1/first-steps'
      ? jsonResponse(200, steps)
      : jsonResponse(404, { code: 'not_found', detail: 'Няма.' }),
  );
}

describe('the first steps on home', () => {
  it('lists the open steps in order, ticks the done ones, counts progress and links each to its screen', async () => {
    server(stepsWith(['company', 'warehouse', 'catalog']));
    renderScreen(<FirstStepsChecklist />);
    expect((await screen.findByTestId('first-steps-progress')).textContent).toBe('3 от 7');
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(KEYS.map((k) => `first-step-${k}`));
    const company = screen.getByTestId('first-step-company');
    expect(company.getAttribute('data-done')).toBe('true');
    expect(within(company).queryByRole('link')).toBeNull();
    const technicians = screen.getByTestId('first-step-technicians');
    expect(within(technicians).getByText(/поемат ремонтите/)).toBeTruthy();
    expect(within(technicians).getByRole('link', { name: 'Добавете техник' }).getAttribute('href')).toBe(
      '/settings/technicians/new',
    );
    expect(
      within(screen.getByTestId('first-step-stockReceipt'))
        .getByRole('link', { name: 'Нова доставка' })
        .getAttribute('href'),
    ).toBe('/stock/documents/new?type=receipt');
    expect(screen.getByText(/Следват сервизните поръчки, посещенията и фактурите/)).toBeTruthy();
  });

  it('shows a step the user may not do without a link, saying who does it', async () => {
    server(stepsWith([], (k) => k === 'stockReceipt' || k === 'warehouse' || k === 'catalog'));
    renderScreen(<FirstStepsChecklist />, { me: aMe('storekeeper') });
    const users = await screen.findByTestId('first-step-users');
    expect(within(users).queryByRole('link')).toBeNull();
    expect(within(users).getByText(/администраторът или управителят/)).toBeTruthy();
    // A storekeeper keeps the parts, not the models, and imports only what their role writes.
    const catalog = screen.getByTestId('first-step-catalog');
    expect(within(catalog).getByRole('link', { name: 'Резервни части' }).getAttribute('href')).toBe(
      '/catalog/parts',
    );
  });

  it('folds into one line once every step is done', async () => {
    server(stepsWith(KEYS));
    renderScreen(<FirstStepsChecklist />);
    expect((await screen.findByTestId('first-steps-done')).textContent).toBe('Първи стъпки: готово');
    expect(screen.queryByTestId('first-steps')).toBeNull();
  });
});
