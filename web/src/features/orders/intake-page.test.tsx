import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { IntakePage, looksLikePhone } from './intake-page';

const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 20 });
const MODEL = {
  id: 'm-1',
  name: 'WW90T534',
  brandName: 'Samsung',
  categoryNameBg: 'Перални',
  categoryNameEn: 'Washing machines',
  defaultWarrantyMonths: 24,
};
const ITEM = {
  id: 'i-1',
  modelId: 'm-1',
  modelName: 'WW90T534',
  brandName: 'Samsung',
  serialNumber: 'SN-KNOWN-1',
  partyId: 'p-9',
  partyName: 'Иван Петров',
  warranty: { underWarranty: true, warrantyEnd: '2027-05-31', daysLeft: 176 },
};
const CHECK = {
  itemId: 'i-1',
  itemLabel: 'Samsung WW90T534',
  ownerPartyId: 'p-9',
  warranty: { underWarranty: true, warrantyEnd: '2027-05-31', daysLeft: 176 },
  shopWarranty: [
    {
      id: 'w-1',
      orderId: 'o-0',
      orderNumber: '0000000007',
      lineId: 'l-0',
      itemId: 'i-1',
      kind: 'part',
      partId: 'pt-1',
      serviceTypeId: null,
      description: 'Помпа за източване',
      serial: 'P-77',
      fittedOn: '2026-10-01',
      months: 6,
      validUntil: '2027-04-01',
      status: 'active',
    },
  ],
  openOrders: [],
  overdueCents: 12_050,
  overduePolicy: 'warn',
};

function Where() {
  const { pathname } = useLocation();
  return <output data-testid="where">{pathname}</output>;
}

function server(items: unknown[] = []) {
  return fakeServer((call: Call) => {
    if (call.method === 'POST' && call.path === '/api/v1/service-orders')
      return jsonResponse(201, { id: 'o-1', number: '0000000001', statusLink: { token: 't', url: '/s/t' } });
    if (call.path.startsWith('/api/v1/service-orders/intake-check')) return jsonResponse(200, CHECK);
    if (call.path.startsWith('/api/v1/parties')) return jsonResponse(200, page([]));
    if (call.path.startsWith('/api/v1/items')) return jsonResponse(200, page(items));
    if (call.path.startsWith('/api/v1/models')) return jsonResponse(200, page([MODEL]));
    if (call.path.startsWith('/api/v1/technicians')) return jsonResponse(200, page([]));
    return jsonResponse(404, { code: 'not_found', detail: 'Няма.' });
  });
}

function renderIntake() {
  renderScreen(
    <Routes>
      <Route path="/orders/new" element={<IntakePage />} />
      <Route path="*" element={<Where />} />
    </Routes>,
    { route: '/orders/new' },
  );
}

const enter = (el: Element, extra: { ctrlKey?: boolean } = {}) =>
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', ...extra });

describe('the fast intake', () => {
  it('tells a phone number from a name', () => {
    expect(looksLikePhone('0888 123 456')).toBe(true);
    expect(looksLikePhone('+359 (88) 812-3456')).toBe(true);
    expect(looksLikePhone('Иван 0888')).toBe(false);
    expect(looksLikePhone('123')).toBe(false);
  });

  it('takes a new customer and a new item by keyboard alone: Enter moves on, an unknown serial asks for the model, Ctrl+Enter takes it in', async () => {
    const { calls } = server();
    renderIntake();
    const customer = screen.getByRole('combobox', { name: /Клиент/ });
    fireEvent.change(customer, { target: { value: '0888 123 456' } });
    await screen.findByRole('option', { name: '+ Нов клиент „0888 123 456“', hidden: true });
    fireEvent.keyDown(customer, { key: 'ArrowDown', code: 'ArrowDown' });
    enter(customer);

    // The typed phone went to the phone field; the name is next to type.
    const name = await screen.findByRole('textbox', { name: /^Име/ });
    expect((screen.getByRole('textbox', { name: /^Телефон/ }) as HTMLInputElement).value).toBe(
      '0888 123 456',
    );
    await waitFor(() => expect(document.activeElement).toBe(name));
    fireEvent.change(name, { target: { value: 'Петя Колева' } });
    enter(name);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Телефон/ }));
    enter(document.activeElement as Element);
    const serial = screen.getByRole('textbox', { name: /Сериен №/ });
    expect(document.activeElement).toBe(serial);

    // A scanner types the serial and ends with Enter: unknown, so the model is asked, and gets the focus.
    fireEvent.change(serial, { target: { value: 'sn-new-1' } });
    enter(serial);
    await screen.findByText(/Нов сериен номер/);
    const model = screen.getByRole('combobox', { name: /^Модел/ });
    await waitFor(() => expect(document.activeElement).toBe(model));
    expect(calls.some((c) => c.path === '/api/v1/items?q=SN-NEW-1&pageSize=20')).toBe(true);
    fireEvent.change(model, { target: { value: 'ww90' } });
    fireEvent.click(await screen.findByRole('option', { name: /Samsung WW90T534/, hidden: true }));

    const complaint = screen.getByRole('textbox', { name: /Оплакване/ });
    await waitFor(() => expect(document.activeElement).toBe(complaint));
    fireEvent.change(complaint, { target: { value: 'Не центрофугира, тече отдолу' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Захранващ кабел' }));
    enter(complaint, { ctrlKey: true });

    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/orders/o-1'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({
      newCustomer: { name: 'Петя Колева', phone: '0888 123 456' },
      modelId: 'm-1',
      serialNumber: 'sn-new-1',
      complaint: 'Не центрофугира, тече отдолу',
      accessories: ['Захранващ кабел'],
      location: 'shop',
    });
  });

  it('finds a known serial, takes its owner as the customer and shows the warranty check at once', async () => {
    const { calls } = server([ITEM]);
    renderIntake();
    const serial = screen.getByRole('textbox', { name: /Сериен №/ });
    fireEvent.change(serial, { target: { value: 'sn-known-1' } });
    enter(serial);
    await screen.findByTestId('known-item');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Оплакване/ })),
    );
    expect((screen.getByRole('combobox', { name: /Клиент/ }) as HTMLInputElement).value).toBe('Иван Петров');

    expect((await screen.findByTestId('manufacturer-warranty')).textContent).toBe('В гаранция до 31.05.2027');
    expect((await screen.findByTestId('shop-warranty')).textContent).toContain('Помпа за източване № P-77');
    expect(screen.getByText(/Клиентът дължи/).textContent).toContain('120,50');
    expect(calls.some((c) => c.path === '/api/v1/service-orders/intake-check?partyId=p-9&itemId=i-1')).toBe(
      true,
    );
  });

  it('does not send an intake without a complaint, and says what is missing', async () => {
    const { calls } = server();
    renderIntake();
    fireEvent.click(screen.getByRole('button', { name: /Приеми/ }));
    expect(await screen.findByText('Изберете клиент или въведете нов.')).toBeTruthy();
    expect(screen.getByText('Въведете сериен номер и натиснете Enter.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
