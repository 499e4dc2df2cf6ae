import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { CustomerNewPage } from './customer-form-page';

const EXISTING = {
  id: 'p-9',
  kind: 'company',
  name: 'Хладилни Системи Дунав ООД',
  uic: '204000003',
  egnMasked: false,
};

function errorOf(input: HTMLElement): string | undefined {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').find((text) => text.length > 0);
}

function renderNew(role: Parameters<typeof aMe>[0] = 'reception') {
  renderScreen(
    <Routes>
      <Route path="/customers/new" element={<CustomerNewPage />} />
      <Route path="/customers/:id" element={<p>открит клиент</p>} />
    </Routes>,
    { route: '/customers/new', me: aMe(role) },
  );
}

describe('a new customer', () => {
  it('shows the customer who already has the ЕИК, with a link to open them', async () => {
    const detail = `Вече има контрагент с ЕИК 204000003: „${EXISTING.name}“.`;
    const { calls } = fakeServer((call) => {
      if (call.method === 'POST')
        return jsonResponse(
          409,
          { status: 409, code: 'duplicate_uic', detail, field: 'uic', existingId: 'p-9' },
          'application/problem+json',
        );
      return jsonResponse(200, EXISTING);
    });
    renderNew();

    fireEvent.change(screen.getByLabelText(/Наименование на фирмата/), {
      target: { value: 'Друга фирма ООД' },
    });
    fireEvent.change(screen.getByLabelText('ЕИК / БУЛСТАТ'), { target: { value: '204000003' } });
    expect(screen.getByText('Контролната цифра е вярна')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Създай клиента' }));

    const alert = await screen.findByRole('alert');
    const link = await within(alert).findByRole('link', { name: EXISTING.name });
    expect(link.getAttribute('href')).toBe('/customers/p-9');
    expect(errorOf(screen.getByLabelText('ЕИК / БУЛСТАТ'))).toBe(detail);
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      kind: 'company',
      name: 'Друга фирма ООД',
      uic: '204000003',
    });
  });

  it('puts the server’s error on the phone row it names', async () => {
    fakeServer(() =>
      jsonResponse(
        400,
        {
          status: 400,
          code: 'invalid_phone',
          detail: 'Невалиден телефонен номер.',
          errors: [
            { field: 'phones.0.number', code: 'invalid_phone', message: 'Сървърът: невалиден номер.' },
          ],
        },
        'application/problem+json',
      ),
    );
    renderNew();
    fireEvent.change(screen.getByLabelText(/Наименование на фирмата/), { target: { value: 'Алфа ООД' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добави телефон' }));
    const phones = screen.getAllByLabelText('Телефон');
    // The first row stays empty (not sent); the server's "phones.0" is the second row.
    fireEvent.change(phones[1] as HTMLElement, { target: { value: '0888 123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Създай клиента' }));
    await waitFor(() => expect(phones[1]?.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(phones[1] as HTMLElement)).toBe('Сървърът: невалиден номер.');
    expect(phones[0]?.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('shows the ЕГН input to a person who wants invoices, only for the roles that may see it', async () => {
    fakeServer(() => jsonResponse(500, {}));
    renderNew('manager');
    fireEvent.click(screen.getByText('Физическо лице'));
    expect(screen.queryByLabelText('ЕГН / ЛНЧ')).toBeNull();
    fireEvent.click(screen.getByLabelText('Желае фактури'));
    expect(await screen.findByLabelText('ЕГН / ЛНЧ')).toBeTruthy();
  });

  it('never shows the ЕГН input to reception', async () => {
    fakeServer(() => jsonResponse(500, {}));
    renderNew('reception');
    fireEvent.click(screen.getByText('Физическо лице'));
    fireEvent.click(screen.getByLabelText('Желае фактури'));
    expect(screen.queryByLabelText('ЕГН / ЛНЧ')).toBeNull();
  });
});
