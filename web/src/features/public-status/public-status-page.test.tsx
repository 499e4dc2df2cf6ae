import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n';
import { fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import type { PublicOrderStatus } from './public-status.types';
import { PublicStatusPage } from './public-status-page';

const ORDER: PublicOrderStatus = {
  number: '0000000042',
  status: 'awaiting_parts',
  statusChangedAt: '2026-11-25T12:10:00.000Z',
  promisedDate: '2026-12-18',
  customerNotes: 'Частта пристига в петък.',
  itemLabel: 'Bosch WAN28263BY',
  companyName: 'Сервиз Бяла техника ЕООД',
};

function renderAt(token: string) {
  return renderScreen(
    <Routes>
      <Route path="/s/:token" element={<PublicStatusPage />} />
    </Routes>,
    { me: null, route: `/s/${token}` },
  );
}

describe('the public status page', () => {
  beforeEach(() => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['bg-BG', 'bg']);
    localStorage.removeItem('servix.locale');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await setLanguage('bg');
    localStorage.removeItem('servix.locale');
  });

  it('shows the company, the number, the status in words, the promised date and the notes, asking no session', async () => {
    const { calls } = fakeServer(() => jsonResponse(200, ORDER));
    renderAt('tok-123');
    expect(await screen.findByText('Очаква части')).toBeTruthy();
    expect(screen.getByText('Сервиз Бяла техника ЕООД')).toBeTruthy();
    expect(screen.getByText('0000000042')).toBeTruthy();
    expect(screen.getByText('Bosch WAN28263BY')).toBeTruthy();
    expect(screen.getByText('18.12.2026')).toBeTruthy();
    expect(screen.getByText('Частта пристига в петък.')).toBeTruthy();
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/public/orders/tok-123']);
  });

  it('speaks English to a browser in English, without remembering it as a choice', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'en']);
    fakeServer(() => jsonResponse(200, ORDER));
    renderAt('tok-123');
    expect(await screen.findByText('Waiting for parts')).toBeTruthy();
    expect(screen.getByText('18/12/2026')).toBeTruthy();
    expect(localStorage.getItem('servix.locale')).toBeNull();
  });

  it('says the link is not valid when the server does not know the token', async () => {
    fakeServer(() =>
      jsonResponse(
        404,
        { status: 404, code: 'not_found', detail: 'Няма такава поръчка' },
        'application/problem+json',
      ),
    );
    renderAt('revoked');
    expect(await screen.findByRole('heading', { name: 'Връзката не е валидна' })).toBeTruthy();
    expect(screen.queryByText('0000000042')).toBeNull();
  });
});
