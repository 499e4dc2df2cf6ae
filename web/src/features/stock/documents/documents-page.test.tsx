import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../../test-utils';
import { StockDocumentsPage } from './documents-page';

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 50 });
const RECEIPT = {
  id: 'd-1',
  type: 'receipt',
  status: 'posted',
  number: '0000000007',
  documentDate: '2026-10-14',
  warehouseId: 'w-1',
  warehouseCode: 'MAIN',
  warehouseName: 'Основен склад',
  toWarehouseId: null,
  toWarehouseCode: null,
  toWarehouseName: null,
  supplierId: 's-1',
  supplierName: 'Резервни части България ООД',
  supplierDocNumber: '0000051234',
  supplierDocDate: null,
  reason: null,
  reversalOfId: null,
  totalValueCents: 123_456,
  lineCount: 3,
};

describe('the stock documents list', () => {
  it('keeps the period in the address, asks the server for it, and shows the supplier’s document and the value', async () => {
    const { calls } = fakeServer((call) =>
      call.path.startsWith('/api/v1/warehouses')
        ? jsonResponse(200, page([]))
        : jsonResponse(200, page([RECEIPT])),
    );
    renderScreen(<StockDocumentsPage />, {
      route: '/stock/documents?from=2026-10-01&to=2026-10-31&type=receipt',
      me: aMe('storekeeper'),
    });
    const table = within(await screen.findByTestId('stock-documents-table'));
    const row = table.getByRole('link', { name: '0000000007' }).closest('tr') as HTMLElement;
    expect(row.textContent?.replace(/\s/g, ' ')).toContain('Резервни части България ООД · № 0000051234');
    expect(row.textContent?.replace(/\s/g, ' ')).toContain('1 234,56 €');
    const list = calls.find((c) => c.path.startsWith('/api/v1/stock/documents'));
    const query = new URL(list?.path ?? '', 'http://x').searchParams;
    expect([query.get('from'), query.get('to'), query.get('type')]).toEqual([
      '2026-10-01',
      '2026-10-31',
      'receipt',
    ]);
    expect((screen.getByRole('textbox', { name: 'От дата' }) as HTMLInputElement).value).toBe('01.10.2026');
    expect(screen.getByRole('button', { name: 'Нов документ' })).toBeTruthy();
  });

  it('a technician reads the documents but cannot draft one', async () => {
    fakeServer((call) =>
      call.path.startsWith('/api/v1/warehouses')
        ? jsonResponse(200, page([]))
        : jsonResponse(200, page([RECEIPT])),
    );
    renderScreen(<StockDocumentsPage />, { route: '/stock/documents', me: aMe('technician') });
    expect(await screen.findByRole('link', { name: '0000000007' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Нов документ' })).toBeNull();
  });

  it('an issue drafted as a return to the supplier says so in its type', async () => {
    const giveBack = {
      ...RECEIPT,
      id: 'd-2',
      type: 'issue',
      status: 'draft',
      number: null,
      supplierId: null,
      supplierName: null,
      supplierDocNumber: null,
      reason: 'Резервни части България ООД, 0000051234',
      sourceType: 'supplier_return',
      sourceId: 'd-1',
    };
    fakeServer((call) =>
      call.path.startsWith('/api/v1/warehouses')
        ? jsonResponse(200, page([]))
        : jsonResponse(200, page([giveBack, { ...RECEIPT, sourceType: null, sourceId: null }])),
    );
    renderScreen(<StockDocumentsPage />, { route: '/stock/documents', me: aMe('storekeeper') });
    const table = within(await screen.findByTestId('stock-documents-table'));
    expect(table.getByText('Изписване · връщане към доставчик')).toBeTruthy();
    expect(table.getByText('Складова разписка')).toBeTruthy();
  });
});
