import type { OutboxEntry } from '@servix/server/modules/mail/mail.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMe, fakeServer, jsonResponse, onPhone, renderScreen } from '../../test-utils';
import { OutboxPage } from './outbox-page';

const entry = (patch: Partial<OutboxEntry>): OutboxEntry => ({
  id: 'm-1',
  documentType: 'invoice',
  documentId: 'i-1',
  documentNumber: '0000000007',
  partyId: 'p-1',
  partyName: 'Клиент ООД',
  to: ['klient@example.bg'],
  subject: 'Фактура № 0000000007',
  body: 'Здравейте',
  language: 'bg',
  status: 'sent',
  attempts: 1,
  lastError: null,
  lastErrorDetail: null,
  createdBy: 'u-1',
  createdByName: 'Мария Иванова',
  createdAt: '2026-12-07T10:00:00.000Z',
  sentAt: '2026-12-07T10:00:02.000Z',
  attachments: [],
  ...patch,
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the outbox', () => {
  it('lists each message with its document, recipients, status and reason; a failed one is sent again', async () => {
    const failed = entry({
      id: 'm-2',
      documentType: 'work_report',
      documentId: 'o-1',
      documentNumber: '0000000003',
      status: 'failed',
      lastError: 'smtp_rejected',
      lastErrorDetail: '550 Mailbox unavailable',
    });
    const { calls } = fakeServer((call) => {
      if (call.method === 'POST') return jsonResponse(200, { ...failed, status: 'queued' });
      return jsonResponse(200, { items: [failed, entry({})], total: 2, page: 1, pageSize: 25 });
    });
    renderScreen(<OutboxPage />, { me: aMe('manager'), route: '/settings/outbox' });
    const rows = within(await screen.findByTestId('outbox-list')).getAllByTestId('outbox-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Протокол за извършена работа 0000000003');
    expect(rows[0]?.textContent).toContain('Неуспешно');
    expect(rows[0]?.textContent).toContain('Сървърът за имейл отказа писмото — 550 Mailbox unavailable');
    expect(rows[1]?.textContent).toContain('Изпратено');
    expect(rows[1]?.textContent).toContain('klient@example.bg');
    expect(within(rows[1] as HTMLElement).queryByTestId('outbox-retry')).toBeNull();
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('outbox-retry'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.path).toBe('/api/v1/mail/outbox/m-2/retry');
  });

  it('on a phone, shows each message as a card with its recipients, status and reason, and the retry', async () => {
    onPhone();
    const failed = entry({ id: 'm-2', status: 'failed', lastError: 'smtp_rejected', lastErrorDetail: null });
    fakeServer(() => jsonResponse(200, { items: [failed, entry({})], total: 2, page: 1, pageSize: 25 }));
    renderScreen(<OutboxPage />, { me: aMe('manager'), route: '/settings/outbox?status=failed' });
    const cards = await screen.findAllByTestId('outbox-row');
    expect(cards).toHaveLength(2);
    expect(screen.queryByRole('table')).toBeNull();
    expect(cards[0]?.textContent).toContain('Фактура / известие 0000000007');
    expect(cards[0]?.textContent).toContain('klient@example.bg');
    expect(cards[0]?.textContent).toContain('Неуспешно');
    expect(cards[0]?.textContent).toContain('Сървърът за имейл отказа писмото');
    expect(within(cards[0] as HTMLElement).getByTestId('outbox-retry')).toBeTruthy();
    expect(within(cards[1] as HTMLElement).queryByTestId('outbox-retry')).toBeNull();
  });
});
