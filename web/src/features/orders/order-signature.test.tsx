import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { OrderSignature } from './order-signature';

const SIGNED = {
  id: 'a-1',
  signerName: 'Стоян Клиентов',
  signedAt: '2026-12-07T09:25:00.000Z',
  contentType: 'image/png',
  sizeBytes: 1234,
  sha256: 'abcdef0123456789abcdef',
  width: 600,
  height: 180,
  createdByName: 'Георги Техников',
};

const serve = (signature: unknown) =>
  fakeServer((call) =>
    call.path === '/api/v1/service-orders/o-1/signature'
      ? jsonResponse(200, signature)
      : jsonResponse(404, { code: 'not_found', detail: 'Няма.' }),
  );

afterEach(() => vi.unstubAllGlobals());

describe('the customer’s signature on an order', () => {
  it('on an open order without one: the pad, the signer’s name offered from the customer, nothing to save yet', async () => {
    serve(null);
    renderScreen(<OrderSignature order={{ id: 'o-1', editable: true, customerName: 'Иван Петров' }} />);
    expect(await screen.findByLabelText('Поле за подпис: подпишете се с пръст или с мишката')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Име на подписващия/ }) as HTMLInputElement).value).toBe(
      'Иван Петров',
    );
    expect(screen.getByRole('button', { name: 'Запиши подписа' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('link', { name: /Протокол за извършена работа/ }).getAttribute('href')).toBe(
      '/api/v1/service-orders/o-1/work-report.pdf?language=bg',
    );
  });

  it('shows the stored signature with the signer and time; sign again and delete while open', async () => {
    serve(SIGNED);
    renderScreen(<OrderSignature order={{ id: 'o-1', editable: true }} />);
    expect(await screen.findByText('Подписал: Стоян Клиентов')).toBeTruthy();
    const image = screen.getByRole('img', { name: 'Подпис на Стоян Клиентов' });
    expect(image.getAttribute('src')).toBe('/api/v1/service-orders/o-1/signature/image?v=abcdef0123456789');
    expect(screen.getByText(/Георги Техников/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Подпиши отново' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Изтрий подписа' })).toBeTruthy();
    expect(screen.queryByTestId('signature-pad')).toBeNull();
  });

  it('is read only once the order is finished, and for a role that may not sign', async () => {
    serve(SIGNED);
    const { unmount } = renderScreen(<OrderSignature order={{ id: 'o-1', editable: false }} />);
    expect(await screen.findByText('Подписал: Стоян Клиентов')).toBeTruthy();
    expect(screen.getByText('Поръчката е завършена: подписът вече не се променя.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Подпиши отново' })).toBeNull();
    unmount();

    serve(null);
    renderScreen(<OrderSignature order={{ id: 'o-1', editable: true }} />, { me: aMe('storekeeper') });
    await waitFor(() => expect(screen.getByText('Поръчката не е подписана.')).toBeTruthy());
    expect(screen.queryByTestId('signature-pad')).toBeNull();
  });
});
