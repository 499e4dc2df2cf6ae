import { instantAt, todayDate } from '@servix/server/kernel/calendar';
import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import type { BookingAnswer } from '@servix/server/modules/visits/visits.schema';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMe, type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { PlanWorkBlock, workMinutesOf } from './plan-work-block';

/** A shop order with two labour lines (45 + 30 norm minutes) and a part, assigned to Асен. */
const ORDER = {
  id: 'o-1',
  number: '0000000042',
  technicianId: 't-1',
  location: 'shop',
  editable: true,
  lines: [
    { kind: 'labour', normMinutes: 45 },
    { kind: 'labour', normMinutes: 30 },
    { kind: 'part', normMinutes: null },
  ],
} as unknown as OrderDetail;

function server() {
  return fakeServer((call: Call) => {
    if (call.method === 'GET' && call.path.startsWith('/api/v1/technicians?'))
      return jsonResponse(200, {
        items: [
          { id: 't-1', name: 'Асен', active: true, archivedAt: null },
          { id: 't-2', name: 'Борис', active: true, archivedAt: null },
        ],
        total: 2,
        page: 1,
        pageSize: 200,
      });
    if (call.method === 'POST' && call.path === '/api/v1/visit-bookings')
      return jsonResponse(201, { id: 'b-1', warnings: [], history: [] } as unknown as BookingAnswer);
    return jsonResponse(404, { code: 'not_found', detail: 'Няма такъв запис.' }, 'application/problem+json');
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('planning a shop order on the schedule', () => {
  it('lasts the norm minutes of its labour, or an hour without any', () => {
    expect(workMinutesOf(ORDER)).toBe(75);
    expect(workMinutesOf({ lines: [] })).toBe(60);
  });

  it('books a work block for the order: its technician, today at 09:00, for its norm minutes', async () => {
    const { calls } = server();
    renderScreen(<PlanWorkBlock order={ORDER} />, { me: aMe('manager') });
    fireEvent.click(await screen.findByRole('button', { name: 'Планирай в графика' }));
    // The order's technician is chosen once the technicians have come.
    expect(await screen.findByDisplayValue('Асен')).toBeTruthy();
    expect((screen.getByLabelText('Продължителност (мин)') as HTMLInputElement).value).toBe('75');
    fireEvent.click(screen.getByRole('button', { name: 'Запиши в графика' }));
    expect(await screen.findByText('Работата е записана в графика.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      {
        orderId: 'o-1',
        technicianIds: ['t-1'],
        start: instantAt(todayDate(), 9 * 60).toISOString(),
        durationMinutes: 75,
      },
    ]);
  });
});
