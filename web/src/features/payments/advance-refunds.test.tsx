import type { Refundable } from '@servix/server/modules/payments/payments.schema';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Call, fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { AdvanceRefundDialog } from './advance-refunds';

const receipt = {
  id: 'sr-1',
  number: '0000000042',
  paymentId: 'p-1',
  date: '2026-12-07',
  method: 'cash' as const,
  fiscalStatus: 'no_device' as const,
  currency: 'EUR',
  totalCents: 10_000,
  leftCents: 10_000,
};
const advance = {
  paymentId: 'p-1',
  accountId: 'a-desk',
  method: 'cash' as const,
  number: '0000000101',
  date: '2026-12-07',
  refundableCents: 4000,
  receiptId: 'sr-1',
};
const refundable = (receipts = [receipt]): Refundable => ({
  partyId: 'c-1',
  creditNotes: [],
  advances: [advance],
  receipts,
  totalCents: 4000,
});
const accounts = {
  items: [
    { id: 'a-bank', name: 'Банка', kind: 'bank', archived: false, balanceCents: 50_000 },
    { id: 'a-desk', name: 'Каса 1', kind: 'cash', archived: false, balanceCents: 12_000 },
  ],
  total: 2,
  page: 1,
  pageSize: 100,
};
const problem = (code: string, field: string, detail: string) => ({
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  code,
  field,
  detail,
});

function server(refund: (call: Call) => Response) {
  return fakeServer((call) => {
    if (call.method === 'GET' && call.path.startsWith('/api/v1/money-accounts'))
      return jsonResponse(200, accounts);
    if (call.method === 'POST' && call.path === '/api/v1/refunds') return refund(call);
    return jsonResponse(404, {});
  });
}

describe("refunding a payment's advance (ADR 0044)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("offers what is left of the advance from the payment's own desk, with a storno of its receipt; a part goes back", async () => {
    const { calls } = server(() => jsonResponse(201, { id: 'r-1', number: '0000000102', amountCents: 1550 }));
    const onClose = vi.fn();
    renderScreen(
      <AdvanceRefundDialog
        partyId="c-1"
        advance={advance}
        refundable={refundable()}
        defaultAccountId="a-desk"
        defaultMethod="cash"
        onClose={onClose}
      />,
    );
    const amount = (await screen.findByTestId('refund-amount')) as HTMLInputElement;
    expect(amount.value).toBe('40,00');
    await waitFor(() =>
      expect((screen.getByTestId('refund-account') as HTMLInputElement).value).toMatch(/^Каса 1/),
    );
    expect((screen.getByTestId('refund-storno-receipt') as HTMLInputElement).value).toMatch(/0000000042/);
    fireEvent.change(amount, { target: { value: '15,50' } });
    fireEvent.click(screen.getByTestId('refund-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      partyId: 'c-1',
      accountId: 'a-desk',
      method: 'cash',
      allocations: [{ paymentId: 'p-1', amountCents: 1550 }],
      storno: { receiptId: 'sr-1', reason: 'refund' },
    });
  });

  it("shows the server's refusal at its field: more than the advance at the amount", async () => {
    server(() =>
      jsonResponse(
        409,
        problem('refund_exceeds_advance', 'allocations.0.amountCents', 'Остават само 40.00 € аванс.'),
      ),
    );
    renderScreen(
      <AdvanceRefundDialog partyId="c-1" advance={advance} refundable={refundable()} onClose={() => {}} />,
    );
    await waitFor(() =>
      expect((screen.getByTestId('refund-account') as HTMLInputElement).value).toMatch(/^Каса 1/),
    );
    fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: '40,01' } });
    fireEvent.click(screen.getByTestId('refund-save'));
    const amount = screen.getByTestId('refund-amount');
    await waitFor(() => expect(amount.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('Остават само 40.00 € аванс.').length).toBeGreaterThan(0);
  });

  it('with no receipt of ours and a device configured, the storno printed elsewhere is asked for at its field', async () => {
    server(() =>
      jsonResponse(409, problem('refund_needs_fiscal_storno', 'stornoReceipt', 'Нужен е сторно бон.')),
    );
    renderScreen(
      <AdvanceRefundDialog
        partyId="c-1"
        advance={{ ...advance, receiptId: null }}
        refundable={refundable([])}
        onClose={() => {}}
      />,
    );
    await screen.findByTestId('refund-amount');
    expect(screen.queryByTestId('refund-storno-receipt')).toBeNull();
    fireEvent.click(screen.getByTestId('refund-save'));
    const number = screen.getByTestId('refund-storno-number');
    await waitFor(() => expect(number.getAttribute('aria-invalid')).toBe('true'));
  });
});
