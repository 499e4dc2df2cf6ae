import type {
  BookingAnswer,
  SuggestAnswer,
  VisitRequestDetail,
} from '@servix/server/modules/visits/visits.schema';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMe, type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { VisitRequestPage } from './request-page';

const REQUEST: VisitRequestDetail = {
  id: 'r-1',
  partyId: 'p-1',
  customerName: 'Хотел Мусала ООД',
  siteId: 's-1',
  siteName: 'Лоби',
  siteAddress: 'Самоков',
  problem: 'Климатикът не охлажда',
  priority: 'urgent',
  status: 'new',
  source: 'phone',
  expectedMinutes: 90,
  firstWindowStart: null,
  nextBookingStart: null,
  createdAt: '2026-12-07T08:00:00.000Z',
  updatedAt: '2026-12-07T08:00:00.000Z',
  contactName: null,
  contactPhone: null,
  notes: null,
  items: [{ id: 'i-1', label: 'Daikin FTXM35, SN-1', categoryCode: 'AC' }],
  services: [],
  normMinutes: 0,
  travelMinutes: 30,
  windows: [],
  bookings: [],
  nextStatuses: ['cancelled'],
};

const SUGGESTIONS: SuggestAnswer = {
  durationMinutes: 90,
  categoryCodes: ['AC'],
  suggestions: [
    {
      technicianId: 't-1',
      technicianName: 'Асен',
      slots: [{ start: '2026-12-08T07:00:00.000Z', end: '2026-12-08T08:30:00.000Z' }],
      loadPercent: 25,
    },
  ],
};

const OVERLAP = {
  type: 'about:blank',
  status: 409,
  code: 'booking_overlap',
  detail: 'Асен вече има посещение от 08.12.2026 09:00 до 08.12.2026 10:30.',
  conflicts: [{ code: 'booking_overlap', technicianId: 't-1', bookingId: 'b-9' }],
};

function server() {
  return fakeServer((call: Call) => {
    if (call.method === 'GET' && call.path === '/api/v1/visit-requests/r-1')
      return jsonResponse(200, REQUEST);
    if (call.path.startsWith('/api/v1/visit-requests/r-1/suggestions')) return jsonResponse(200, SUGGESTIONS);
    if (call.method === 'POST' && call.path === '/api/v1/visit-bookings') {
      const body = call.body as { override?: { reason: string } };
      if (!body.override) return jsonResponse(409, OVERLAP, 'application/problem+json');
      return jsonResponse(201, {
        id: 'b-1',
        warnings: [],
        overridden: [],
        history: [],
      } as unknown as BookingAnswer);
    }
    return jsonResponse(404, { code: 'not_found', detail: 'Няма такъв запис.' }, 'application/problem+json');
  });
}

function renderPage(role: 'manager' | 'reception') {
  renderScreen(
    <Routes>
      <Route path="/visits/:id" element={<VisitRequestPage />} />
    </Routes>,
    { me: aMe(role), route: '/visits/r-1' },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('a visit request’s page', () => {
  it('books a suggested slot; a refused one names the conflict and a manager books anyway with a reason', async () => {
    const { calls } = server();
    renderPage('manager');
    expect(await screen.findByRole('heading', { level: 2, name: 'Хотел Мусала ООД' })).toBeTruthy();
    expect(screen.getByText('Daikin FTXM35, SN-1')).toBeTruthy();
    const book = await screen.findByRole('button', { name: /^Запиши 08\.12\.2026/ });
    fireEvent.click(book);
    expect((await screen.findByTestId('conflict-message')).textContent).toBe(OVERLAP.detail);
    expect(screen.getByText('Застъпване с друго посещение')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Причина/ }), {
      target: { value: 'Клиентът е хотел' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Запиши въпреки това' }));
    await waitFor(() => expect(screen.queryByTestId('conflict-message')).toBeNull());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.body)).toEqual([
      { requestId: 'r-1', technicianIds: ['t-1'], start: '2026-12-08T07:00:00.000Z' },
      {
        requestId: 'r-1',
        technicianIds: ['t-1'],
        start: '2026-12-08T07:00:00.000Z',
        override: { reason: 'Клиентът е хотел' },
      },
    ]);
  });

  it('shows the desk the conflict with no way around it', async () => {
    const { calls } = server();
    renderPage('reception');
    fireEvent.click(await screen.findByRole('button', { name: /^Запиши 08\.12\.2026/ }));
    expect(await screen.findByTestId('conflict-message')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Запиши въпреки това' })).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});
