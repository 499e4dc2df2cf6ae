import { ORDER_LIFECYCLE } from '@servix/server/modules/orders/orders.lifecycle';
import type { Board, BoardCard } from '@servix/server/modules/orders/orders.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { allowedMove, BoardPage } from './board-page';

const CARD: BoardCard = {
  id: 'o-1',
  number: '0000000012',
  status: 'received',
  statusChangedAt: '2026-12-01T08:00:00.000Z',
  overdue: true,
  location: 'shop',
  customerName: 'Петя Колева',
  itemLabel: 'Samsung WW90T534, SN-1',
  technicianName: null,
  promisedDate: null,
  partsArrivedAt: null,
};

const BOARD: Board = {
  columns: ORDER_LIFECYCLE.statuses.map((status) => ({
    status,
    count: status === 'received' ? 1 : 0,
    overdueCount: status === 'received' ? 1 : 0,
    since: status === 'delivered' || status === 'cancelled' ? '2026-11-06T08:00:00.000Z' : null,
    cards: status === 'received' ? [CARD] : [],
  })),
  closedDays: 30,
  transitions: Object.fromEntries(
    ORDER_LIFECYCLE.statuses.map((s) => [s, [...ORDER_LIFECYCLE.transitions[s]]]),
  ),
};

function server() {
  return fakeServer((call: Call) => {
    if (call.path.startsWith('/api/v1/service-orders/board')) return jsonResponse(200, BOARD);
    if (call.method === 'POST' && call.path === '/api/v1/service-orders/o-1/status')
      return jsonResponse(200, { ...CARD, status: 'diagnosing' });
    if (call.path.startsWith('/api/v1/technicians'))
      return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 200 });
    return jsonResponse(404, { code: 'not_found', detail: 'Няма.' });
  });
}

function drag(from: HTMLElement, to: HTMLElement) {
  fireEvent.dragStart(from);
  fireEvent.dragOver(to);
  fireEvent.drop(to);
}

describe('the order board', () => {
  it('knows the allowed moves from the server’s table', () => {
    expect(allowedMove(BOARD, 'received', 'diagnosing')).toBe(true);
    expect(allowedMove(BOARD, 'received', 'ready')).toBe(false);
    expect(allowedMove(BOARD, 'delivered', 'cancelled')).toBe(false);
  });

  it('says that the delivered and cancelled columns hold the last 30 days only', async () => {
    server();
    renderScreen(<BoardPage />, { route: '/orders/board' });
    expect((await screen.findByTestId('board-window-delivered')).textContent).toBe('Последните 30 дни');
    expect(screen.getByTestId('board-window-cancelled').textContent).toBe('Последните 30 дни');
    expect(screen.queryByTestId('board-window-received')).toBeNull();
  });

  it('refuses a drop the workflow does not allow, says why, and sends nothing', async () => {
    const { calls } = server();
    renderScreen(<BoardPage />, { route: '/orders/board' });
    const card = await screen.findByTestId('board-card-0000000012');
    expect(within(card).getByTestId('overdue')).toBeTruthy();
    drag(card, screen.getByTestId('board-column-ready'));
    expect(await screen.findByText('0000000012 не може да мине от „Приета“ в „Готова“.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('moves a card dropped on an allowed status', async () => {
    const { calls } = server();
    renderScreen(<BoardPage />, { route: '/orders/board' });
    const card = await screen.findByTestId('board-card-0000000012');
    drag(card, screen.getByTestId('board-column-diagnosing'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ to: 'diagnosing' }]),
    );
  });

  it('asks the reason before cancelling by a drop', async () => {
    const { calls } = server();
    renderScreen(<BoardPage />, { route: '/orders/board' });
    const card = await screen.findByTestId('board-card-0000000012');
    drag(card, screen.getByTestId('board-column-cancelled'));
    expect(await screen.findByRole('dialog', { name: 'Отказ на поръчката' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
