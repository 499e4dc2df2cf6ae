import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, jsonResponse, renderScreen } from '../../test-utils';
import { VatJournalPage } from './vat-journal-page';

const cells = (over: Record<string, number> = {}) => ({
  totalBaseCents: 0,
  totalVatCents: 0,
  base20Cents: 0,
  vat20Cents: 0,
  base9Cents: 0,
  vat9Cents: 0,
  base0Cents: 0,
  base0IntraEuCents: 0,
  base0SpecialCents: 0,
  baseServicesEuCents: 0,
  baseExemptCents: 0,
  ...over,
});
const row = (seq: number, number: string, over: Record<string, unknown> = {}) => ({
  seq,
  invoiceId: `i-${seq}`,
  kind: 'invoice',
  docType: '01',
  number,
  documentDate: '2026-11-03',
  cancelled: false,
  recipientId: '020469788',
  recipientName: 'Клиент Първи ООД',
  description: 'Ремонт',
  cells: cells(),
  ...over,
});
const journal = {
  month: '2026-11',
  currency: 'EUR',
  vatNumber: 'BG131129282',
  rows: [
    row(1, '0000000001', {
      cells: cells({ totalBaseCents: 10000, totalVatCents: 2000, base20Cents: 10000, vat20Cents: 2000 }),
    }),
    row(2, '0000000002', { cancelled: true }),
  ],
  totals: cells({ totalBaseCents: 10000, totalVatCents: 2000, base20Cents: 10000, vat20Cents: 2000 }),
};

describe('the VAT sales journal screen', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks for the month in the address, shows its rows, the cancelled one marked, the totals, and the month's CSV and NAP file", async () => {
    const { calls } = fakeServer((call) =>
      call.path.startsWith('/api/v1/vat/sales-journal?') ? jsonResponse(200, journal) : jsonResponse(404, {}),
    );
    renderScreen(<VatJournalPage />, { route: '/reports/vat-sales-journal?month=2026-11' });
    expect(await screen.findByText('0000000001')).toBeTruthy();
    expect(calls[0]?.path).toBe('/api/v1/vat/sales-journal?month=2026-11');
    expect(screen.getAllByTestId('journal-row')).toHaveLength(2);
    expect(screen.getByText('Анулирана')).toBeTruthy();
    expect(screen.getByText('Общо')).toBeTruthy();
    expect(screen.getAllByText(/100,00\s€/).length).toBeGreaterThan(0);
    expect(screen.getByTestId('nap-file').getAttribute('href')).toBe(
      '/api/v1/vat/sales-journal.txt?month=2026-11',
    );
    expect(screen.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(
      '/api/v1/vat/sales-journal?month=2026-11&format=csv',
    );
  });
});
