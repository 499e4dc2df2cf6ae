import type { SearchResult } from '@servix/server/modules/search/search.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { GlobalSearch, targetOf } from './global-search';

const RESULT: SearchResult = {
  q: 'дунав',
  customers: [
    {
      id: 'p-1',
      name: 'Хладилни Системи Дунав ООД',
      kind: 'company',
      uic: '204000003',
      phone: '+359 82 812 345',
      email: null,
      city: 'Русе',
    },
  ],
  items: [
    {
      id: 'i-1',
      serialNumber: 'E2E-FO-0426-7781',
      modelName: 'FTXM35R',
      brandName: 'Daikin',
      partyId: 'p-1',
      partyName: 'Хладилни Системи Дунав ООД',
      siteName: 'Производствена база Русе',
    },
  ],
  parts: [{ id: 'pt-1', code: 'DAI-2P-35', barcode: null, nameBg: 'Платка Daikin', nameEn: 'Daikin board' }],
};

function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="where">{pathname + search}</output>;
}

function renderSearch() {
  const server = fakeServer(() => jsonResponse(200, RESULT));
  renderScreen(
    <>
      <GlobalSearch />
      <Where />
    </>,
  );
  return server;
}

describe('the global search', () => {
  it('shows customers, items and parts in groups as one types, and asks the server once', async () => {
    const { calls } = renderSearch();
    const input = screen.getByTestId('global-search');
    fireEvent.change(input, { target: { value: 'дуна' } });
    fireEvent.change(input, { target: { value: 'дунав' } });

    const dropdown = await screen.findByTestId('global-search-results');
    await within(dropdown).findByText('Хладилни Системи Дунав ООД');
    for (const group of ['Клиенти', 'Уреди', 'Части']) expect(within(dropdown).getByText(group)).toBeTruthy();
    expect(within(dropdown).getByText('E2E-FO-0426-7781')).toBeTruthy();
    expect(within(dropdown).getByText('Платка Daikin')).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual([`/api/v1/search?q=${encodeURIComponent('дунав')}&limit=5`]);
  });

  it('opens the first result with Enter, and the next one after an arrow down', async () => {
    renderSearch();
    const input = screen.getByTestId('global-search');
    fireEvent.change(input, { target: { value: 'дунав' } });
    await screen.findByText('E2E-FO-0426-7781');
    await waitFor(() =>
      expect(
        screen
          .getByRole('option', { name: /^Хладилни/, hidden: true })
          .getAttribute('data-combobox-selected'),
      ).toBe('true'),
    );
    // Mantine's combobox reads the key's code.
    fireEvent.keyDown(input, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/items/i-1'));
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('sends a part to the parts list narrowed to its code', () => {
    expect(targetOf('part:DAI-2P-35')).toBe('/catalog/parts?q=DAI-2P-35');
    expect(targetOf('customer:p-1')).toBe('/customers/p-1');
    expect(targetOf('item:i-1')).toBe('/items/i-1');
  });

  it('says when nothing matches', async () => {
    fakeServer(() => jsonResponse(200, { q: 'zzz', customers: [], items: [], parts: [] }));
    renderScreen(<GlobalSearch />);
    fireEvent.change(screen.getByTestId('global-search'), { target: { value: 'zzz' } });
    expect(await screen.findByText('Нищо не е намерено за „zzz“.')).toBeTruthy();
  });
});
