import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { aMe, type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { ItemNewPage } from './item-form-page';

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });
const GREE = {
  id: 'm-new',
  brandId: 'b-new',
  brandName: 'Gree',
  categoryId: 'c-new',
  categoryNameBg: 'Климатици',
  categoryNameEn: null,
  name: 'Pular 12',
  defaultWarrantyMonths: 24,
};

/** An empty catalogue that takes a new brand, category and model. */
function emptyCatalogue(call: Call): Response {
  if (call.method === 'POST' && call.path === '/api/v1/brands')
    return jsonResponse(201, { id: 'b-new', code: 'GREE', name: 'Gree', country: null });
  if (call.method === 'POST' && call.path === '/api/v1/categories')
    return jsonResponse(201, { id: 'c-new', code: 'KLIMATITSI', nameBg: 'Климатици', nameEn: null });
  if (call.method === 'POST' && call.path === '/api/v1/models') return jsonResponse(201, GREE);
  if (call.path.startsWith('/api/v1/models/m-new')) return jsonResponse(200, GREE);
  if (call.path.startsWith('/api/v1/models')) return jsonResponse(200, page([]));
  if (call.path.startsWith('/api/v1/brands')) return jsonResponse(200, page([]));
  if (call.path.startsWith('/api/v1/categories')) return jsonResponse(200, page([]));
  if (call.path.startsWith('/api/v1/parties')) return jsonResponse(200, page([]));
  return jsonResponse(404, { code: 'not_found', detail: 'Няма.' }, 'application/problem+json');
}

function openNewItem(role: Parameters<typeof aMe>[0]) {
  renderScreen(
    <Routes>
      <Route path="/items/new" element={<ItemNewPage />} />
    </Routes>,
    { route: '/items/new', me: aMe(role) },
  );
}

describe('a model missing from the catalogue, on the item form', () => {
  it('is added in place with a new brand and category, and comes back chosen', async () => {
    const { calls } = fakeServer(emptyCatalogue);
    openNewItem('admin');
    const picker = await screen.findByRole('combobox', { name: /Модел/ });
    picker.focus();
    fireEvent.change(picker, { target: { value: 'Gree Pular 12' } });
    fireEvent.click(
      await screen.findByRole('option', { name: 'Добави модел „Gree Pular 12“', hidden: true }),
    );

    const dialog = await screen.findByRole('dialog', { name: 'Нов модел в каталога' });
    await waitFor(() =>
      expect((within(dialog).getByRole('textbox', { name: /^Модел/ }) as HTMLInputElement).value).toBe(
        'Pular 12',
      ),
    );
    expect((within(dialog).getByRole('combobox', { name: /Марка/ }) as HTMLInputElement).value).toBe(
      'Нова марка „Gree“',
    );
    const category = within(dialog).getByRole('combobox', { name: /Категория/ });
    category.focus();
    fireEvent.change(category, { target: { value: 'Климатици' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Нова категория „Климатици“', hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Добави модела' }));

    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: /Модел/ }) as HTMLInputElement).value).toBe(
        'Gree Pular 12',
      ),
    );
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => [c.path, c.body])).toEqual([
      ['/api/v1/brands', { code: 'GREE', name: 'Gree' }],
      ['/api/v1/categories', { code: 'KLIMATITSI', nameBg: 'Климатици', nameEn: null }],
      [
        '/api/v1/models',
        { brandId: 'b-new', categoryId: 'c-new', name: 'Pular 12', defaultWarrantyMonths: 24 },
      ],
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('tells a user who may not add models who can, and offers nothing', async () => {
    fakeServer(emptyCatalogue);
    openNewItem('reception');
    const picker = await screen.findByRole('combobox', { name: /Модел/ });
    picker.focus();
    fireEvent.change(picker, { target: { value: 'Gree Pular 12' } });
    expect(
      await screen.findByText('Моделът не е в каталога. Модели добавят администраторът и управителят.'),
    ).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Добави модел/, hidden: true })).toBeNull();
  });
});
