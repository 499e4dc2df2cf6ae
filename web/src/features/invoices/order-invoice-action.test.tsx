import type { OrderDetail } from '@servix/server/modules/orders/orders.schema';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMe, type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { OrderClosingAction } from '../orders/order-closing';
import { OrderInvoiceAction } from './order-invoice-action';

const order = (status: string) =>
  ({
    id: 'o-1',
    number: '0000000012',
    status,
    billedById: null,
    billedByKind: null,
    finishedAt: '2026-12-01T10:00:00.000Z',
    lines: [],
    totals: { netCents: 21_000, vatCents: 4200, totalCents: 25_200 },
  }) as unknown as OrderDetail;
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 5 });
const anInvoice = { id: 'i-7', number: '0000000007', status: 'issued', orderId: 'o-1', advance: false };
const anAdvance = {
  id: 'i-3',
  number: '0000000003',
  status: 'issued',
  kind: 'invoice',
  orderId: 'o-1',
  advance: true,
  documentDate: '2026-12-01',
  netCents: 10_000,
  currency: 'EUR',
};

/** The server: the order's issued invoices (none by default), and the answer to billing it. */
function server(issued: unknown[] = [], bill: (call: Call) => Response = () => jsonResponse(201, anInvoice)) {
  return fakeServer((call) => {
    if (call.method === 'GET' && call.path.startsWith('/api/v1/invoices?'))
      return jsonResponse(200, page(issued));
    if (call.method === 'GET' && call.path.startsWith('/api/v1/money-accounts'))
      return jsonResponse(200, page([]));
    if (call.method === 'POST' && call.path === '/api/v1/invoices/from-order') return bill(call);
    return jsonResponse(404, {});
  });
}

describe('billing the order with an invoice from "Close with a document"', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('INV-07, INV-06: a ready order: the tax event is the day it was finished; the invoice gets who received it, and the order’s advance is deducted in full', async () => {
    const { calls } = server([anAdvance]);
    renderScreen(<OrderClosingAction order={order('ready')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Приключи с документ' }));
    fireEvent.click(await screen.findByTestId('closing-kind-invoice'));
    fireEvent.change(screen.getByTestId('closing-received-by'), { target: { value: 'Иван Петров' } });
    const advance = await screen.findByTestId('invoice-deduct-0000000003');
    expect((advance as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('closing-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      orderId: 'o-1',
      paymentMethod: 'cash',
      dueDate: null,
      receivedBy: 'Иван Петров',
      taxEventDate: '2026-12-01',
      deductAdvances: [{ invoiceId: 'i-3', netCents: 10_000 }],
    });
    // Finished more than 5 days before today: the dialog warned before issuing (INV-06).
    expect(screen.getByTestId('closing-issued-late')).toBeTruthy();
  });

  it('an advance unticked stays on the customer’s account; the server’s refusal shows in the user’s words', async () => {
    const { calls } = server([anAdvance], () =>
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
    renderScreen(<OrderClosingAction order={order('delivered')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Приключи с документ' }));
    fireEvent.click(await screen.findByTestId('closing-kind-invoice'));
    fireEvent.click(await screen.findByTestId('invoice-deduct-0000000003'));
    fireEvent.click(screen.getByTestId('closing-submit'));
    expect((await screen.findByTestId('closing-error')).textContent).toContain(
      'Поръчката вече е фактурирана.',
    );
    expect(calls.find((c) => c.method === 'POST')?.body).not.toHaveProperty('deductAdvances');
  });
});

describe('the invoice actions on the order page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a billed order links to its invoice', async () => {
    server([anInvoice]);
    renderScreen(<OrderInvoiceAction order={order('ready')} />);
    expect((await screen.findByRole('link', { name: 'Фактура 0000000007' })).getAttribute('href')).toBe(
      '/invoices/i-7',
    );
  });

  it('a technician neither sees nor asks for invoices', async () => {
    const { calls } = server();
    renderScreen(<OrderInvoiceAction order={order('ready')} />, { me: aMe('technician') });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([]);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
