import type { Technician } from '@servix/server/modules/technicians/technicians.schema';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { TechnicianPage } from './technician-page';

const IVAN: Technician = {
  id: 't-1',
  name: 'Иван Колев',
  phone: '+359888503721',
  userId: null,
  username: null,
  active: true,
  skills: ['WASHER'],
  hours: [{ weekday: 1, startMinute: 510, endMinute: 1050 }],
  hoursText: 'Mon 08:30-17:30',
  payTerms: [
    { id: 'p-1', validFrom: '2026-01-01', payType: 'commission', commissionBp: 3000, rateCents: null },
  ],
  currentPayTerms: {
    id: 'p-1',
    validFrom: '2026-01-01',
    payType: 'commission',
    commissionBp: 3000,
    rateCents: null,
  },
  notes: null,
  archivedAt: null,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
};
const OVERLAP = 'Интервалите на работното време се застъпват: Mon 08:30-17:30, 12:00-18:00.';

function renderTechnician(id: string, role: Parameters<typeof aMe>[0] = 'admin') {
  return renderScreen(
    <Routes>
      <Route path="/settings/technicians/:id" element={<TechnicianPage />} />
    </Routes>,
    { route: `/settings/technicians/${id}`, me: aMe(role) },
  );
}

describe('the technician form', () => {
  it('sends the working hours in minutes and shows the server’s overlap error above them', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path === '/api/v1/technicians/t-1' && call.method === 'GET') return jsonResponse(200, IVAN);
      if (call.method === 'PATCH')
        return jsonResponse(
          400,
          { status: 400, code: 'hours_overlap', detail: OVERLAP, field: 'hours' },
          'application/problem+json',
        );
      if (call.path.startsWith('/api/v1/categories'))
        return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 200 });
      return jsonResponse(200, { items: [] });
    });
    renderTechnician('t-1');

    expect(await screen.findByRole('heading', { name: 'Иван Колев' })).toBeTruthy();
    // A second interval on Monday that overlaps the first.
    fireEvent.click(screen.getByRole('button', { name: 'Интервал Понеделник' }));
    const froms = screen.getAllByLabelText('Понеделник от');
    const tos = screen.getAllByLabelText('Понеделник до');
    fireEvent.change(froms[1] as HTMLElement, { target: { value: '12:00' } });
    fireEvent.change(tos[1] as HTMLElement, { target: { value: '18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Запази' }));

    expect((await screen.findByTestId('hours-error')).textContent).toBe(OVERLAP);
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      name: 'Иван Колев',
      skills: ['WASHER'],
      hours: [
        { weekday: 1, startMinute: 510, endMinute: 1050 },
        { weekday: 1, startMinute: 720, endMinute: 1080 },
      ],
    });
    expect(patch?.body).not.toHaveProperty('payTerms');
    // The pay terms history, the ones in force marked.
    expect(screen.getByTestId('pay-terms').textContent).toContain('30 % от труда');
    expect(screen.getByTestId('pay-terms').textContent).toContain('в сила');
  });

  it('adds pay terms from a date as basis points', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path === '/api/v1/technicians/t-1' && call.method === 'GET') return jsonResponse(200, IVAN);
      if (call.path === '/api/v1/technicians/t-1/pay-terms') return jsonResponse(201, IVAN);
      return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 200 });
    });
    renderTechnician('t-1');
    await screen.findByRole('heading', { name: 'Иван Колев' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Комисионна' }), { target: { value: '32,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Добави условия' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/technicians/t-1/pay-terms')).toBe(true));
    expect(calls.find((c) => c.path === '/api/v1/technicians/t-1/pay-terms')?.body).toMatchObject({
      payType: 'commission',
      commissionBp: 3250,
    });
  });

  it('for reception, who may not see pay, the page has no pay terms panel and no blanks', async () => {
    const { payTerms: _p, currentPayTerms: _c, ...withoutPay } = IVAN;
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/technicians/t-1')) return jsonResponse(200, withoutPay);
      return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 50 });
    });
    renderTechnician('t-1', 'reception');
    expect(await screen.findByRole('heading', { name: 'Иван Колев' })).toBeTruthy();
    expect(screen.queryByTestId('pay-terms')).toBeNull();
    expect(document.body.textContent).not.toMatch(/undefined|NaN/);
  });
});
