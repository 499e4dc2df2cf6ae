import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { aMe, type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { previewWarranty } from './item-form';
import { ItemEditPage, ItemNewPage } from './item-form-page';

const OWNER = {
  id: 'p-1',
  kind: 'company',
  name: 'Хладилни Системи Дунав ООД',
  uic: '204000003',
  city: 'Русе',
};
const SITE = { id: 's-1', partyId: 'p-1', name: 'Производствена база', city: 'Русе' };
const MODEL = {
  id: 'm-1',
  brandName: 'Daikin',
  name: 'FTXM35R',
  categoryNameBg: 'Климатици',
  categoryNameEn: 'Air conditioners',
  defaultWarrantyMonths: 36,
};
const EXISTING = {
  id: 'i-9',
  serialNumber: 'K-100',
  brandName: 'Daikin',
  modelName: 'FTXM35R',
  partyId: 'p-7',
  partyName: 'Хотел „Дунав Изток“ ООД',
};
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

function answer(call: Call): Response {
  if (call.method === 'POST')
    return jsonResponse(
      409,
      {
        status: 409,
        code: 'duplicate_serial',
        detail:
          'Вече има уред Daikin FTXM35R със сериен номер „K-100“ (собственик: Хотел „Дунав Изток“ ООД).',
        field: 'serialNumber',
        existingId: 'i-9',
        existingOwnerId: 'p-7',
      },
      'application/problem+json',
    );
  if (call.path.startsWith('/api/v1/parties/p-1')) return jsonResponse(200, OWNER);
  if (call.path.startsWith('/api/v1/customers/p-1/sites')) return jsonResponse(200, page([SITE]));
  if (call.path.startsWith('/api/v1/models')) return jsonResponse(200, page([MODEL]));
  if (call.path.startsWith('/api/v1/parties')) return jsonResponse(200, page([OWNER]));
  if (call.path.startsWith('/api/v1/items/i-9')) return jsonResponse(200, EXISTING);
  return jsonResponse(404, { code: 'not_found', detail: 'Няма.' }, 'application/problem+json');
}

describe('a new item', () => {
  it('comes with the customer and site of the link, and names the item that already has the serial', async () => {
    const { calls } = fakeServer(answer);
    renderScreen(
      <Routes>
        <Route path="/items/new" element={<ItemNewPage />} />
      </Routes>,
      { route: '/items/new?partyId=p-1&siteId=s-1' },
    );

    const owner = await screen.findByRole('combobox', { name: /Собственик/ });
    await waitFor(() => expect((owner as HTMLInputElement).value).toBe(OWNER.name));
    const site = screen.getByRole('combobox', { name: /Обект/ });
    await waitFor(() => expect((site as HTMLInputElement).value).toBe('Производствена база, Русе'));

    fireEvent.change(screen.getByRole('combobox', { name: /Модел/ }), { target: { value: 'ftxm' } });
    fireEvent.click(await screen.findByRole('option', { name: /^Daikin FTXM35R/, hidden: true }));
    expect(await screen.findByText('Празно: 36 месеца, колкото е за модела.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Сериен номер/), { target: { value: 'k-100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добави уреда' }));

    const alert = await screen.findByRole('alert');
    expect(
      (await within(alert).findByRole('link', { name: 'Daikin FTXM35R № K-100' })).getAttribute('href'),
    ).toBe('/items/i-9');
    expect(within(alert).getByRole('link', { name: EXISTING.partyName }).getAttribute('href')).toBe(
      '/customers/p-7',
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      partyId: 'p-1',
      siteId: 's-1',
      modelId: 'm-1',
      serialNumber: 'k-100',
      warrantyMonths: null,
    });
  });
});

describe('the warranty preview', () => {
  const values = {
    partyId: 'p-1',
    siteId: null,
    modelId: 'm-1',
    serialNumber: 'X',
    seller: '',
    warrantyDocNumber: '',
    warrantyEnd: null,
    notes: '',
  };

  it('uses the model’s months when none are typed, and an explicit end over both', () => {
    expect(previewWarranty({ ...values, purchaseDate: '2020-01-15', warrantyMonths: '' }, 24)).toMatchObject({
      underWarranty: false,
      warrantyEnd: '2022-01-15',
    });
    expect(
      previewWarranty(
        { ...values, purchaseDate: '2020-01-15', warrantyMonths: 12, warrantyEnd: '2099-12-31' },
        24,
      ),
    ).toMatchObject({ underWarranty: true, warrantyEnd: '2099-12-31' });
  });

  it('shows nothing for months that are not whole', () => {
    expect(previewWarranty({ ...values, purchaseDate: '2020-01-15', warrantyMonths: '1.5' }, 24)).toBeNull();
  });
});

describe('editing an item', () => {
  const ITEM = {
    id: 'i-1',
    modelId: 'm-1',
    modelName: 'FTXM35R',
    brandId: 'b-1',
    brandCode: 'DAIKIN',
    brandName: 'Daikin',
    categoryCode: 'AC',
    serialNumber: 'K-1',
    partyId: 'p-1',
    partyName: OWNER.name,
    siteId: null,
    siteName: null,
    purchaseDate: '2025-03-01',
    seller: null,
    warrantyDocNumber: 'ГК-1',
    warrantyMonths: 36,
    warrantyEnd: null,
    warranty: { underWarranty: true, warrantyEnd: '2028-03-01', daysLeft: 500 },
    notes: null,
    archivedAt: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
  };
  const server = (call: Call) =>
    call.path.startsWith('/api/v1/items/i-1')
      ? jsonResponse(200, ITEM)
      : call.path.startsWith('/api/v1/models/m-1')
        ? jsonResponse(200, MODEL)
        : answer(call);
  const edit = (role: 'technician' | 'reception') => {
    fakeServer(server);
    renderScreen(
      <Routes>
        <Route path="/items/:id/edit" element={<ItemEditPage />} />
      </Routes>,
      { route: '/items/i-1/edit', me: aMe(role) },
    );
  };

  it('a technician sees the warranty but cannot change it; notes stay editable', async () => {
    edit('technician');
    const card = (await screen.findByLabelText(/Гаранционна карта/)) as HTMLInputElement;
    expect(card.disabled).toBe(true);
    expect(screen.getByText(/Гаранцията се променя от офиса/)).toBeTruthy();
    expect((screen.getByLabelText(/Бележки/) as HTMLTextAreaElement).disabled).toBe(false);
  });

  it('reception changes the warranty', async () => {
    edit('reception');
    const card = (await screen.findByLabelText(/Гаранционна карта/)) as HTMLInputElement;
    expect(card.disabled).toBe(false);
  });
});
