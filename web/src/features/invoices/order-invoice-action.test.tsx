import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMe, type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { OrderInvoiceAction } from './order-invoice-action';

const order = (status: string) => ({ id: 'o-1', number: '0000000012', status }) as OrderDetail;
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 5 });
const anInvoice = { id: 'i-7', number: '0000000007', status: 'issued', orderId: 'o-1' };

/** The server: the order's issued invoices (none by default), and the answer to billing it. */
function server(billed: unknown[] = [], bill: (call: Call) => Response = () => jsonResponse(201, anInvoice)) {
  return fakeServer((call) => {
    if (call.method === 'GET' && call.path.startsWith('/api/v1/invoices?'))
      return jsonResponse(200, page(billed));
    if (call.method === 'POST' && call.path === '/api/v1/invoices/from-order') return bill(call);
    return jsonResponse(404, {});
  });
}

describe('"Issue invoice" on the order page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a ready order not yet billed: the dialog sends the order, the payment method and who received it', async () => {
    const { calls } = server();
    renderScreen(<OrderInvoiceAction order={order('ready')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Издай фактура' }));
    expect(await screen.findByText('Фактура по поръчка 0000000012')).toBeTruthy();
    fireEvent.change(screen.getByTestId('invoice-received-by'), { target: { value: 'Иван Петров' } });
    fireEvent.click(screen.getByRole('button', { name: 'Издай фактурата' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      orderId: 'o-1',
      paymentMethod: 'cash',
      dueDate: null,
      receivedBy: 'Иван Петров',
    });
    expect(calls[0]?.path).toContain('orderId=o-1');
  });

  it('the server’s refusal shows in the dialog, in the user’s words', async () => {
    server([], () =>
      jsonResponse(
        409,
        {
          type: 'x',
          title: 'Conflict',
          status: 409,
          code: 'order_already_billed',
          detail: 'Поръчката вече е фактурирана.',
        },
        'application/problem+json',
      ),
    );
    renderScreen(<OrderInvoiceAction order={order('delivered')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Издай фактура' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Издай фактурата' }));
    expect((await screen.findByTestId('invoice-issue-error')).textContent).toContain(
      'Поръчката вече е фактурирана.',
    );
  });

  it('a billed order links to its invoice instead', async () => {
    server([anInvoice]);
    renderScreen(<OrderInvoiceAction order={order('ready')} />);
    expect((await screen.findByRole('link', { name: 'Фактура 0000000007' })).getAttribute('href')).toBe(
      '/invoices/i-7',
    );
    expect(screen.queryByRole('button', { name: 'Издай фактура' })).toBeNull();
  });

  it('an order still in repair offers nothing', async () => {
    const { calls } = server();
    renderScreen(<OrderInvoiceAction order={order('in_repair')} />);
    await waitFor(() => expect(calls.length).toBe(1));
    expect(screen.queryByRole('button', { name: 'Издай фактура' })).toBeNull();
  });

  it('a technician neither sees nor asks for invoices', async () => {
    const { calls } = server();
    renderScreen(<OrderInvoiceAction order={order('ready')} />, { me: aMe('technician') });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Издай фактура' })).toBeNull();
  });
});
