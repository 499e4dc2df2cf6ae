import type { Category, Part } from '@servix/server/modules/catalog/catalog.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { CategoriesPage } from './categories-page';
import { PartsPage } from './parts-page';

const STAMPS = {
  archived: false,
  archivedAt: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};
const WASHER: Category = {
  id: 'cat-1',
  code: 'WASHER',
  nameBg: 'Пералня',
  nameEn: 'Washing machine',
  ...STAMPS,
};
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 25 });
const problem = (status: number, body: Record<string, unknown>) =>
  jsonResponse(status, { status, ...body }, 'application/problem+json');

function errorOf(input: HTMLElement): string | undefined {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').find((text) => text.length > 0);
}

describe('catalogue screens', () => {
  it('a duplicate code names the existing record and opens it', async () => {
    const { calls } = fakeServer((call) => {
      if (call.method === 'POST')
        return problem(409, {
          code: 'duplicate_code',
          detail: 'Кодът „WASHER“ вече е зает: „Пералня“.',
          field: 'code',
          existingId: 'cat-1',
        });
      if (call.path === '/api/v1/categories/cat-1') return jsonResponse(200, WASHER);
      return jsonResponse(200, page([WASHER]));
    });
    renderScreen(<CategoriesPage />, { route: '/catalog/categories' });

    fireEvent.click(await screen.findByRole('button', { name: 'Нова категория' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByLabelText(/^Код/), { target: { value: 'washer' } });
    fireEvent.change(dialog.getByLabelText(/Наименование \(БГ\)/), { target: { value: 'Перални' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Добави' }));

    await waitFor(() => expect(dialog.getByLabelText(/^Код/).getAttribute('aria-invalid')).toBe('true'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      code: 'WASHER',
      nameBg: 'Перални',
      nameEn: null,
    });
    expect(errorOf(dialog.getByLabelText(/^Код/))).toBe('Кодът „WASHER“ вече е зает: „Пералня“.');
    expect(dialog.getByTestId('conflict').textContent).toContain('Такъв запис вече има.');
    fireEvent.click(dialog.getByRole('button', { name: 'Отвори съществуващия запис' }));
    expect(await screen.findByRole('dialog', { name: 'Категория WASHER' })).toBeTruthy();
  });

  it('a record in use cannot be deleted: the server’s reasons are shown, with archiving instead', async () => {
    const { calls } = fakeServer((call) => {
      if (call.method === 'DELETE')
        return problem(409, {
          code: 'in_use',
          detail: 'Записът се използва.',
          errors: [{ field: 'catalog_model', code: 'used_by_models', message: 'Използва се от модели: 12.' }],
        });
      if (call.method === 'POST') return jsonResponse(200, { ...WASHER, archived: true });
      return jsonResponse(200, page([WASHER]));
    });
    renderScreen(<CategoriesPage />, { route: '/catalog/categories' });

    fireEvent.click(await screen.findByRole('button', { name: 'Действия WASHER' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Изтрий' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Изтрий' }));
    expect(await dialog.findByText('Използва се от модели: 12.')).toBeTruthy();
    fireEvent.click(dialog.getByRole('button', { name: 'Архивирай вместо това' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/categories/cat-1/archive')).toBe(true));
  });

  it('a read-only role sees the list without add, edit or delete', async () => {
    fakeServer(() => jsonResponse(200, page([WASHER])));
    renderScreen(<CategoriesPage />, { route: '/catalog/categories', me: aMe('reception') });
    expect(await screen.findByRole('button', { name: 'Преглед WASHER' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Нова категория' })).toBeNull();
    expect(screen.getByText('Само за преглед: вашата роля не може да променя тези данни.')).toBeTruthy();
  });

  it('a part’s price is sent in exact cents, and the server’s error on it lands on the price input', async () => {
    const { calls } = fakeServer((call) => {
      if (call.method === 'POST')
        return problem(400, {
          code: 'too_big',
          detail: 'Стойността в „salePriceCents“ е твърде голяма или дълга.',
          field: 'salePriceCents',
        });
      return jsonResponse(200, page<Part>([]));
    });
    renderScreen(<PartsPage />, { route: '/catalog/parts' });

    fireEvent.click(await screen.findByRole('button', { name: 'Нова част' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByLabelText(/^Код/), { target: { value: 'WM-BELT-1' } });
    fireEvent.change(dialog.getByLabelText(/Наименование \(БГ\)/), { target: { value: 'Ремък' } });
    const price = dialog.getByLabelText(/Продажна цена/);
    fireEvent.change(price, { target: { value: '-3' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Добави' }));
    await waitFor(() => expect(errorOf(price)).toBe('Сумата не може да е отрицателна.'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(price, { target: { value: '0,29' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Добави' }));
    await waitFor(() =>
      expect(errorOf(price)).toBe('Стойността в „salePriceCents“ е твърде голяма или дълга.'),
    );
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      code: 'WM-BELT-1',
      salePriceCents: 29,
      // ADR 0042: a new part names the standard kind, not a rate.
      vatRateKind: 'standard',
      vatReason: null,
      minStockMilli: 0,
    });
  });
});
