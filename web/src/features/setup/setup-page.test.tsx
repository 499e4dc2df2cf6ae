import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { SetupPage } from './setup-page';

const PASSWORD = 'a-long-Парола-2026';

function fillAccount() {
  fireEvent.change(screen.getByLabelText(/Име и фамилия/), { target: { value: 'Мария Иванова' } });
  fireEvent.change(screen.getByRole('textbox', { name: /Потребителско име/ }), {
    target: { value: 'maria' },
  });
  fireEvent.change(screen.getByLabelText(/^Парола/), { target: { value: PASSWORD } });
  fireEvent.change(screen.getByLabelText(/Повторете паролата/), { target: { value: PASSWORD } });
}

describe('the first-run setup', () => {
  it('"start my company" asks for the company name and sends it, without demo data', async () => {
    const { calls } = fakeServer(() => jsonResponse(201, aMe('admin')));
    renderScreen(<SetupPage version="1.0.0" />, { me: null });
    expect(screen.getByRole('radio', { name: /Започни своята фирма/ }).getAttribute('aria-checked')).toBe(
      'true',
    );
    fillAccount();
    fireEvent.click(screen.getByRole('button', { name: 'Създай и влез' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Име на фирмата/).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(calls).toEqual([]);

    fireEvent.change(screen.getByLabelText(/Име на фирмата/), { target: { value: 'Сервиз Иванови ООД' } });
    fireEvent.click(screen.getByRole('button', { name: 'Създай и влез' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({
      companyName: 'Сервиз Иванови ООД',
      demo: false,
      adminUsername: 'maria',
    });
  });

  it('"try with a demo company" shows the demo’s fixed name instead of the name field and sends demo: true', async () => {
    const { calls } = fakeServer(() => jsonResponse(201, aMe('admin')));
    renderScreen(<SetupPage version="1.0.0" />, { me: null });
    fireEvent.click(screen.getByRole('radio', { name: /Опитай с демо фирма/ }));
    expect(screen.queryByLabelText(/Име на фирмата/)).toBeNull();
    expect(screen.getByTestId('setup-demo-company').textContent).toContain('Фирма: Демо Сервиз ЕООД (демо)');
    fillAccount();
    fireEvent.click(screen.getByRole('button', { name: 'Създай и влез' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toEqual({
      adminUsername: 'maria',
      adminFullName: 'Мария Иванова',
      adminPassword: PASSWORD,
      locale: 'bg',
      demo: true,
    });
  });
});
