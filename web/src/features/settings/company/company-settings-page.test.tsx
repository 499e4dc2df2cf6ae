import type { CompanySettings } from '@servix/server/modules/company/company.schema';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../../test-utils';
import { CompanySettingsPage } from './company-settings-page';

const COMPANY: CompanySettings = {
  id: 'c-1',
  legalName: 'Сервиз Техноплюс ЕООД',
  uic: '131468980',
  vatNumber: 'BG131468980',
  vatRegistered: true,
  vatRegisteredFrom: '2019-03-01',
  country: 'BG',
  city: 'София',
  address: 'бул. „Княгиня Мария Луиза“ 102',
  postcode: '1202',
  mol: 'Николай Димитров',
  phone: null,
  email: null,
  website: null,
  defaultVatRateBp: 2000,
  fiscalDeviceRequired: true,
  dualDisplayUntil: '2026-08-08',
  invoiceOtherCurrency: false,
  hasLogo: false,
  lockDate: null,
  isDemo: false,
  bankAccounts: [
    {
      id: 'b-1',
      iban: 'BG80BNBG96611020345678',
      bic: 'BNBGBGSD',
      bankName: 'БНБ',
      currency: 'EUR',
      isDefault: true,
    },
  ],
  updatedAt: '2026-11-27T10:00:00.000Z',
};

const UIC_ERROR = 'Невалиден ЕИК: контролната цифра не съвпада.';
const IBAN_ERROR = 'Невалиден IBAN.';

function errorOf(input: HTMLElement): string | undefined {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').find((text) => text.length > 0);
}

describe('company settings', () => {
  it('puts the server’s field errors on the matching inputs, bank account rows included', async () => {
    const { calls } = fakeServer((call) => {
      if (call.method === 'GET') return jsonResponse(200, COMPANY);
      return jsonResponse(
        400,
        {
          status: 400,
          code: 'invalid_uic',
          detail: UIC_ERROR,
          field: 'uic',
          errors: [
            { field: 'uic', code: 'invalid_uic', message: UIC_ERROR },
            { field: 'bankAccounts.0.iban', code: 'invalid_iban', message: IBAN_ERROR },
          ],
        },
        'application/problem+json',
      );
    });
    renderScreen(<CompanySettingsPage />);

    const uic = await screen.findByLabelText('ЕИК / БУЛСТАТ');
    fireEvent.change(uic, { target: { value: '123456789' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'IBAN' }), { target: { value: 'BG00 0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Запази' }));

    await waitFor(() => expect(uic.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(uic)).toBe(UIC_ERROR);
    const iban = screen.getByRole('textbox', { name: 'IBAN' });
    expect(iban.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(iban)).toBe(IBAN_ERROR);
    // Fields the server did not name stay clean.
    expect(screen.getByLabelText('ИН по ДДС').getAttribute('aria-invalid')).not.toBe('true');

    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(put?.body).toMatchObject({
      uic: '123456789',
      defaultVatRateBp: 2000,
      phone: null,
      bankAccounts: [{ id: 'b-1', iban: 'BG00 0000', currency: 'EUR', isDefault: true }],
    });
  });

  it('maps an error on the VAT rate in basis points onto the percent input', async () => {
    fakeServer((call) =>
      call.method === 'GET'
        ? jsonResponse(200, COMPANY)
        : jsonResponse(
            400,
            {
              status: 400,
              code: 'too_big',
              detail: 'Стойността в „defaultVatRateBp“ е твърде голяма или дълга.',
              errors: [{ field: 'defaultVatRateBp', code: 'too_big', message: 'Твърде голяма.' }],
            },
            'application/problem+json',
          ),
    );
    renderScreen(<CompanySettingsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Запази' }));
    const rate = screen.getByLabelText('ДДС ставка по подразбиране');
    await waitFor(() => expect(rate.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(rate)).toBe('Твърде голяма.');
  });

  it('accepts only PNG, JPEG or WebP as the logo: an SVG is refused before anything is sent', async () => {
    const { calls } = fakeServer((call) =>
      call.method === 'GET' ? jsonResponse(200, COMPANY) : new Response(null, { status: 204 }),
    );
    renderScreen(<CompanySettingsPage />);
    await screen.findByRole('button', { name: 'Качи лого' });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    expect(input?.accept).toBe('image/png,image/jpeg,image/webp');
    const svg = new File(
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      'logo.svg',
      {
        type: 'image/svg+xml',
      },
    );
    fireEvent.change(input as HTMLInputElement, { target: { files: [svg] } });
    expect(
      await screen.findByText('За лого се приемат само изображения PNG, JPEG или WebP (SVG не се приема).'),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'logo.png', {
      type: 'image/png',
    });
    fireEvent.change(input as HTMLInputElement, { target: { files: [png] } });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    const put = calls.find((c) => c.method === 'PUT');
    expect(String((put?.body as { dataUrl?: string } | undefined)?.dataUrl)).toMatch(
      /^data:image\/png;base64,/,
    );
  });

  it('is read-only for a role that may not change the company', async () => {
    fakeServer(() => jsonResponse(200, COMPANY));
    renderScreen(<CompanySettingsPage />, { me: aMe('technician') });

    const legalName = await screen.findByLabelText(/^Наименование/);
    expect(legalName.closest('fieldset')?.disabled).toBe(true);
    expect(screen.getByText('Само за преглед: вашата роля не може да променя тези данни.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Запази' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Качи лого' })).toBeNull();
  });

  it('lets the accountant reopen a closed period; the others only see the lock date', async () => {
    const closed = { ...COMPANY, lockDate: '2026-11-30' };
    const { calls } = fakeServer((call) =>
      call.method === 'GET' ? jsonResponse(200, closed) : jsonResponse(200, { lockDate: null }),
    );
    const { unmount } = renderScreen(<CompanySettingsPage />, { me: aMe('accountant') });
    expect(await screen.findByText('Приключен до 30.11.2026 включително.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Отвори всички периоди' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    const put = calls.find((c) => c.method === 'PUT');
    expect([put?.path, put?.body]).toEqual(['/api/v1/company/lock-date', { lockDate: null }]);
    unmount();

    fakeServer(() => jsonResponse(200, closed));
    renderScreen(<CompanySettingsPage />, { me: aMe('storekeeper') });
    expect(await screen.findByText('Приключен до 30.11.2026 включително.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Приключи периода' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Отвори всички периоди' })).toBeNull();
  });
});
