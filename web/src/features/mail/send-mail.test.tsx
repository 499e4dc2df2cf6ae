import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMe, type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { SendMailDialog } from './send-mail';

const DRAFT = {
  to: ['klient@example.bg'],
  subject: 'Фактура № 0000000007 – Тест Сервиз ООД',
  body: 'Здравейте,\n\nИзпращаме Ви фактура № 0000000007.',
  partyId: 'p-1',
  partyName: 'Клиент ООД',
  consentRequired: true,
  consent: null,
  mayRecordConsent: true,
  configured: true,
};

const ENTRY = {
  id: 'm-1',
  documentType: 'invoice',
  documentId: 'i-1',
  documentNumber: '0000000007',
  partyId: 'p-1',
  partyName: 'Клиент ООД',
  to: ['klient@example.bg'],
  subject: DRAFT.subject,
  body: DRAFT.body,
  language: 'bg',
  status: 'queued',
  attempts: 0,
  lastError: null,
  lastErrorDetail: null,
  createdBy: 'u-1',
  createdByName: 'Админ',
  createdAt: '2026-12-07T10:00:00.000Z',
  sentAt: null,
  attachments: [{ filename: 'Фактура 0000000007.pdf', sha256: null, sizeBytes: null }],
};

afterEach(() => vi.unstubAllGlobals());

const open = (draft: object, onPost: (call: Call) => Response, status = 'sent') =>
  fakeServer((call) => {
    if (call.method === 'GET' && call.path.startsWith('/api/v1/invoices/i-1/email'))
      return jsonResponse(200, {
        ...DRAFT,
        ...draft,
        subject: call.path.includes('bg_en') ? 'Фактура / Invoice' : DRAFT.subject,
      });
    if (call.method === 'POST' && call.path.startsWith('/api/v1/invoices/i-1/email')) return onPost(call);
    if (call.path === '/api/v1/mail/outbox/m-1') return jsonResponse(200, { ...ENTRY, status, attempts: 1 });
    return jsonResponse(404, { code: 'not_found', detail: 'Няма.' });
  });

const dialog = () =>
  renderScreen(
    <SendMailDialog
      document={{ type: 'invoice', id: 'i-1' }}
      title="Фактура № 0000000007"
      languages={['bg', 'bg_en']}
      onClose={() => {}}
    />,
  );

describe('the send-by-e-mail dialog', () => {
  it('prefills the customer’s address, subject and text; asks for the consent an invoice needs; sends it with the consent and follows it to "sent"', async () => {
    const server = open({}, () => jsonResponse(202, ENTRY));
    dialog();
    const to = (await screen.findByTestId('mail-to')) as HTMLInputElement;
    await waitFor(() => expect(to.value).toBe('klient@example.bg'));
    expect((screen.getByTestId('mail-subject') as HTMLInputElement).value).toBe(DRAFT.subject);
    expect(screen.getByText(/Клиент ООД не е дал съгласие/)).toBeTruthy();
    const submit = screen.getByTestId('mail-submit');
    // Without the consent the invoice does not go.
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText(/Клиентът е съгласен да получава електронни фактури/));
    expect(submit.hasAttribute('disabled')).toBe(false);
    fireEvent.change(to, { target: { value: 'klient@example.bg, office@example.bg' } });
    fireEvent.click(submit);
    expect(await screen.findByText('Изпратено')).toBeTruthy();
    const post = server.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/v1/invoices/i-1/email?language=bg');
    expect(post?.body).toEqual({
      to: ['klient@example.bg', 'office@example.bg'],
      subject: DRAFT.subject,
      body: DRAFT.body,
      recordConsent: true,
    });
  });

  it('the bilingual copy brings its own subject; a bad address is shown on the field', async () => {
    const server = open({ consent: { email: 'klient@example.bg', consentedOn: '2026-01-15' } }, () =>
      jsonResponse(400, {
        status: 400,
        code: 'invalid_email',
        detail: 'Невалиден адрес на е-поща.',
        field: 'to.1',
        errors: [{ field: 'to.1', code: 'invalid_email', message: 'Невалиден адрес на е-поща.' }],
      }),
    );
    dialog();
    expect(await screen.findByText(/Съгласие за електронни фактури от 15.01.2026/)).toBeTruthy();
    fireEvent.click(screen.getByText('Български и английски'));
    await waitFor(() =>
      expect((screen.getByTestId('mail-subject') as HTMLInputElement).value).toBe('Фактура / Invoice'),
    );
    fireEvent.change(screen.getByTestId('mail-to'), { target: { value: 'klient@example.bg, грешен' } });
    fireEvent.click(screen.getByTestId('mail-submit'));
    expect(await screen.findByText('Невалиден адрес: грешен')).toBeTruthy();
    expect(server.calls.find((c) => c.method === 'POST')?.path).toBe(
      '/api/v1/invoices/i-1/email?language=bg_en',
    );
    expect(screen.queryByTestId('mail-sent')).toBeNull();
  });

  it('says so when no e-mail server is set up, and a user who may not edit the customer cannot record the consent', async () => {
    open({ configured: false, mayRecordConsent: false }, () => jsonResponse(500, {}));
    dialog();
    expect(await screen.findByText(/Няма настроен сървър за имейл/)).toBeTruthy();
    expect(screen.getByText(/Само служител, който може да редактира клиента/)).toBeTruthy();
    expect(screen.queryByTestId('mail-record-consent')).toBeNull();
    expect(screen.getByTestId('mail-submit').hasAttribute('disabled')).toBe(true);
  });

  it('shows a failed message with its reason', async () => {
    open(
      { consent: { email: 'klient@example.bg', consentedOn: '2026-01-15' } },
      () => jsonResponse(202, ENTRY),
      'failed',
    );
    renderScreen(
      <SendMailDialog
        document={{ type: 'invoice', id: 'i-1' }}
        title="Фактура № 0000000007"
        languages={['bg']}
        onClose={() => {}}
      />,
      { me: aMe('reception') },
    );
    await waitFor(() =>
      expect((screen.getByTestId('mail-to') as HTMLInputElement).value).toBe('klient@example.bg'),
    );
    fireEvent.click(screen.getByTestId('mail-submit'));
    expect(await screen.findByText('Неуспешно')).toBeTruthy();
  });
});
