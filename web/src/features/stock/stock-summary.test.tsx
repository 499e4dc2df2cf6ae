import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { StockSummary } from './stock-summary';

const VAN = { id: 'van-1', code: 'VAN-01', name: 'Бус', kind: 'van' };
const page = (items: unknown[], total = items.length) => ({ items, total, page: 1, pageSize: 1 });

function server(vans: unknown[]) {
  return fakeServer((call) => {
    if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page(vans));
    if (call.path.startsWith('/api/v1/stock/low')) return jsonResponse(200, { groups: [], partCount: 23 });
    if (call.path.startsWith('/api/v1/stock/documents')) return jsonResponse(200, page([], 2));
    if (call.path.startsWith('/api/v1/stock/levels')) return jsonResponse(200, page([], 17));
    return jsonResponse(404, { code: 'not_found', detail: 'Няма.' });
  });
}

describe('the stock at a glance on the home page', () => {
  it('tells a storekeeper how many parts to reorder and how many drafts wait', async () => {
    const { calls } = server([]);
    renderScreen(<StockSummary />, { me: aMe('storekeeper') });
    await waitFor(() => expect(screen.getByTestId('stock-tile-/stock/low').textContent).toBe('23'));
    await waitFor(() =>
      expect(screen.getByTestId('stock-tile-/stock/documents?status=draft').textContent).toBe('2'),
    );
    expect(calls.some((c) => c.path.includes('/stock/documents') && c.path.includes('status=draft'))).toBe(
      true,
    );
    expect(screen.queryByText(/Моят бус/)).toBeNull();
  });

  it('shows a technician their van, and nothing else', async () => {
    server([VAN]);
    renderScreen(<StockSummary />, { me: aMe('technician') });
    await waitFor(() =>
      expect(screen.getByTestId('stock-tile-/stock/levels?warehouseId=van-1').textContent).toBe('17'),
    );
    expect(screen.getByRole('link', { name: 'Моят бус VAN-01' })).toBeTruthy();
    expect(screen.queryByText('Чернови документи')).toBeNull();
  });

  it('is not there for the front desk without a van', async () => {
    const { calls } = server([]);
    renderScreen(<StockSummary />, { me: aMe('reception') });
    await waitFor(() => expect(calls.some((c) => c.path.includes('mine=true'))).toBe(true));
    expect(screen.queryByText('Склад')).toBeNull();
    expect(calls.filter((c) => c.path.startsWith('/api/v1/stock'))).toEqual([]);
  });
});
