import { todayDate } from '@servix/server/kernel/calendar';
import type { StockDocument } from '@servix/server/modules/stock/stock.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { aMe, fakeServer, jsonResponse, renderScreen } from '../../../test-utils';
import { StockDocumentPage } from './document-page';

const DRAFT: StockDocument = {
  id: 'doc-1',
  type: 'transfer',
  status: 'draft',
  number: null,
  documentDate: '2026-11-27',
  warehouseId: 'wh-main',
  warehouseCode: 'MAIN',
  warehouseName: 'Основен склад',
  toWarehouseId: 'van-1',
  toWarehouseCode: 'VAN-01',
  toWarehouseName: 'Сервизен бус',
  supplierId: null,
  supplierName: null,
  supplierDocNumber: null,
  supplierDocDate: null,
  reason: null,
  sourceType: null,
  sourceId: null,
  landedCostCents: 0,
  totalValueCents: 0,
  notes: null,
  reversalOfId: null,
  reversedById: null,
  postedAt: null,
  postedBy: null,
  postedByName: null,
  createdBy: 'u-1',
  createdByName: 'Петър Андонов',
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  lines: [
    {
      id: 'line-1',
      lineNo: 1,
      partId: 'part-heater',
      partCode: 'WM-HEAT-1900',
      partName: 'Нагревател 1900 W',
      unit: 'бр.',
      quantityMilli: 2000,
      countedMilli: null,
      bookMilli: null,
      differenceMilli: null,
      unitCostCents: null,
      landedCostCents: 0,
      valueCents: null,
      serialNumbers: null,
      reservationId: null,
      sourceLineId: null,
    },
  ],
};
const WAREHOUSES = {
  items: [
    { id: 'wh-main', code: 'MAIN', name: 'Основен склад', kind: 'store' },
    { id: 'van-1', code: 'VAN-01', name: 'Сервизен бус', kind: 'van' },
  ],
  total: 2,
  page: 1,
  pageSize: 200,
};
const LEVEL = {
  items: [{ partId: 'part-heater', warehouseId: 'wh-main', availableMilli: 22_000 }],
  total: 1,
};
const AVAILABLE_ON_DATE = {
  partId: 'part-heater',
  warehouseId: 'wh-main',
  date: '2026-11-27',
  onHandMilli: 22_000,
  reservedMilli: 0,
  availableMilli: 3000,
  limitedOn: '2026-12-01',
};
const SHORT = {
  status: 409,
  code: 'insufficient_stock',
  detail: 'Недостатъчна наличност на „WM-HEAT-1900“ в склад MAIN: нужни 30, налични 22, не достигат 8.',
  partId: 'part-heater',
  partCode: 'WM-HEAT-1900',
  warehouseId: 'wh-main',
  warehouseCode: 'MAIN',
  requestedMilli: 30_000,
  availableMilli: 22_000,
  shortfallMilli: 8_000,
};

function renderDraft(role: 'storekeeper' | 'technician' = 'storekeeper') {
  return renderScreen(
    <Routes>
      <Route path="/stock/documents/:id" element={<StockDocumentPage />} />
    </Routes>,
    { route: '/stock/documents/doc-1', me: aMe(role) },
  );
}

describe('a stock document draft', () => {
  it('saves the whole draft in thousandths, and a refused posting names the part and marks its line', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, WAREHOUSES);
      if (call.path.startsWith('/api/v1/stock/levels')) return jsonResponse(200, LEVEL);
      if (call.path.startsWith('/api/v1/stock/availability')) return jsonResponse(200, AVAILABLE_ON_DATE);
      if (call.method === 'PUT')
        return jsonResponse(200, { ...DRAFT, lines: [{ ...DRAFT.lines[0], quantityMilli: 30_000 }] });
      if (call.method === 'POST') return jsonResponse(409, SHORT, 'application/problem+json');
      return jsonResponse(200, DRAFT);
    });
    renderDraft();

    const quantity = await screen.findByLabelText('Количество 1');
    expect((quantity as HTMLInputElement).value).toBe('2');
    // Dated 27.11, the draft may take what that date allows: a later movement needs all but 3 of the 22.
    expect(
      await screen.findByText('Свободни към 27.11.2026: 3 (заради движение на 01.12.2026)'),
    ).toBeTruthy();
    const asked = calls.find((c) => c.path.startsWith('/api/v1/stock/availability'));
    expect(asked?.path).toBe(
      '/api/v1/stock/availability?warehouseId=wh-main&partId=part-heater&date=2026-11-27',
    );
    fireEvent.change(quantity, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Осчетоводи' }));
    fireEvent.click(await screen.findByTestId('confirm-post'));

    expect((await screen.findByTestId('shortfall')).textContent).toBe(SHORT.detail);
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/v1/stock/documents/doc-1');
    expect(put?.body).toEqual({
      documentDate: '2026-11-27',
      warehouseId: 'wh-main',
      toWarehouseId: 'van-1',
      notes: null,
      lines: [{ partId: 'part-heater', quantityMilli: 30_000, serialNumbers: null }],
    });
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/stock/documents/doc-1/post')).toBe(
      true,
    );
    // The refusal comes back as a visit of the draft carrying it, which draws the editor afresh: look the line up again.
    await waitFor(() =>
      expect(screen.getByLabelText('Количество 1').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(screen.getByText('Не достигат 8 от WM-HEAT-1900 в склад MAIN.')).toBeTruthy();
  });

  it('a zero quantity is refused on the line before anything is sent', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, WAREHOUSES);
      if (call.path.startsWith('/api/v1/stock/levels')) return jsonResponse(200, LEVEL);
      if (call.path.startsWith('/api/v1/stock/availability')) return jsonResponse(200, AVAILABLE_ON_DATE);
      return jsonResponse(200, DRAFT);
    });
    renderDraft();
    const quantity = await screen.findByLabelText('Количество 1');
    fireEvent.change(quantity, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Запази черновата' }));
    await waitFor(() => expect(quantity.getAttribute('aria-invalid')).toBe('true'));
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('a scanned barcode adds a unit to its line; an unknown one says so and changes nothing', async () => {
    const heater = {
      id: 'part-heater',
      code: 'WM-HEAT-1900',
      barcode: '3800123456786',
      nameBg: 'Нагревател 1900 W',
      nameEn: null,
      unit: 'бр.',
      typicalCostCents: 1050,
    };
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, WAREHOUSES);
      if (call.path.startsWith('/api/v1/stock/levels')) return jsonResponse(200, LEVEL);
      if (call.path.startsWith('/api/v1/stock/availability')) return jsonResponse(200, AVAILABLE_ON_DATE);
      if (call.path.startsWith('/api/v1/parts'))
        return jsonResponse(200, { items: call.path.includes('3800123456786') ? [heater] : [], total: 1 });
      return jsonResponse(200, DRAFT);
    });
    renderDraft();
    const quantity = await screen.findByLabelText('Количество 1');
    const scan = screen.getByTestId('scan-input');
    fireEvent.change(scan, { target: { value: '3800123456786' } });
    fireEvent.keyDown(scan, { key: 'Enter' });
    await waitFor(() => expect((quantity as HTMLInputElement).value).toBe('3'));
    expect((scan as HTMLInputElement).value).toBe('');
    fireEvent.change(scan, { target: { value: '0000000000000' } });
    fireEvent.keyDown(scan, { key: 'Enter' });
    expect(await screen.findByText('Няма част с баркод или код „0000000000000“.')).toBeTruthy();
    expect((quantity as HTMLInputElement).value).toBe('3');
    expect(screen.queryByLabelText('Количество 2')).toBeNull();
  });

  it('a technician reads the draft but cannot edit or post it', async () => {
    fakeServer((call) =>
      call.path.startsWith('/api/v1/warehouses') ? jsonResponse(200, WAREHOUSES) : jsonResponse(200, DRAFT),
    );
    renderDraft('technician');
    expect(
      await screen.findByText('Черновата не движи наличностите. Номер получава при осчетоводяване.'),
    ).toBeTruthy();
    expect(screen.getByText('WM-HEAT-1900')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Осчетоводи' })).toBeNull();
    expect(screen.queryByLabelText('Количество 1')).toBeNull();
  });
});

const RECEIPT: StockDocument = {
  ...DRAFT,
  id: 'rec-1',
  type: 'receipt',
  status: 'posted',
  number: '0000000007',
  documentDate: '2026-11-16',
  toWarehouseId: null,
  toWarehouseCode: null,
  toWarehouseName: null,
  supplierId: 'sup-1',
  supplierName: 'Резервни части ООД',
  supplierDocNumber: 'F-1234',
  postedAt: '2026-11-16T10:00:00.000Z',
  lines: DRAFT.lines.map((l) => ({ ...l, unitCostCents: 1_000, valueCents: 20_000 })),
};
const RETURN: StockDocument = {
  ...DRAFT,
  id: 'ret-1',
  type: 'issue',
  toWarehouseId: null,
  toWarehouseCode: null,
  toWarehouseName: null,
  documentDate: '2026-12-06',
  reason: 'Резервни части ООД, F-1234',
  sourceType: 'supplier_return',
  sourceId: 'rec-1',
};

function renderPage(route: string) {
  return renderScreen(
    <Routes>
      <Route path="/stock/documents/:id" element={<StockDocumentPage />} />
    </Routes>,
    { route, me: aMe('storekeeper') },
  );
}

describe('a posted receipt', () => {
  it('offers a reversal on its own date, and a return to the supplier that drafts an issue marked as a return', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, WAREHOUSES);
      if (call.path.startsWith('/api/v1/stock/levels')) return jsonResponse(200, LEVEL);
      if (call.path.startsWith('/api/v1/stock/availability')) return jsonResponse(200, AVAILABLE_ON_DATE);
      if (call.method === 'POST' && call.path.endsWith('/supplier-return')) return jsonResponse(201, RETURN);
      if (call.path === '/api/v1/stock/documents/ret-1') return jsonResponse(200, RETURN);
      return jsonResponse(200, RECEIPT);
    });
    renderPage('/stock/documents/rec-1');

    fireEvent.click(await screen.findByRole('button', { name: 'Сторнирай' }));
    const reversal = within(await screen.findByRole('dialog'));
    expect(reversal.getByTestId('reverse-explanation').textContent).toContain(
      'все едно не е бил осчетоводяван',
    );
    expect(
      reversal.getByText('Ако връщате стоката на доставчика, изберете „Върни на доставчика“.'),
    ).toBeTruthy();
    expect((reversal.getByRole('textbox', { name: /Дата на сторното/ }) as HTMLInputElement).value).toBe(
      '16.11.2026',
    );
    fireEvent.click(reversal.getByRole('button', { name: 'Отказ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Върни на доставчика' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByTestId('supplier-return-explanation').textContent).toContain(
      'Доставката остава, както е.',
    );
    fireEvent.click(dialog.getByTestId('confirm-supplier-return'));

    expect(await screen.findByTestId('supplier-return-badge')).toBeTruthy();
    expect(
      calls.some((c) => c.method === 'POST' && c.path === '/api/v1/stock/documents/rec-1/supplier-return'),
    ).toBe(true);
    expect(screen.getByTestId('supplier-return-of').getAttribute('href')).toBe('/stock/documents/rec-1');
    expect(screen.getByLabelText('Количество 1')).toBeTruthy();
  });

  it('an issue offers only the reversal', async () => {
    fakeServer((call) =>
      call.path.startsWith('/api/v1/warehouses')
        ? jsonResponse(200, WAREHOUSES)
        : jsonResponse(200, { ...RECEIPT, type: 'issue', supplierId: null }),
    );
    renderPage('/stock/documents/rec-1');
    expect(await screen.findByRole('button', { name: 'Сторнирай' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Върни на доставчика' })).toBeNull();
  });

  it('a refusal for a past date names the date on the line', async () => {
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, WAREHOUSES);
      if (call.path.startsWith('/api/v1/stock/levels')) return jsonResponse(200, LEVEL);
      if (call.path.startsWith('/api/v1/stock/availability')) return jsonResponse(200, AVAILABLE_ON_DATE);
      if (call.method === 'PUT') return jsonResponse(200, DRAFT);
      if (call.method === 'POST')
        return jsonResponse(
          409,
          {
            ...SHORT,
            date: '2026-11-30',
            detail: 'Към 30.11.2026 не достигат 8 от WM-HEAT-1900 в склад MAIN.',
          },
          'application/problem+json',
        );
      return jsonResponse(200, DRAFT);
    });
    renderDraft();
    await screen.findByLabelText('Количество 1');
    fireEvent.click(screen.getByRole('button', { name: 'Осчетоводи' }));
    fireEvent.click(await screen.findByTestId('confirm-post'));
    expect((await screen.findByTestId('shortfall')).textContent).toContain('30.11.2026');
    expect(await screen.findByText('На 30.11.2026 не достигат 8 от WM-HEAT-1900 в склад MAIN.')).toBeTruthy();
  });
});

describe('a posted line’s unit cost', () => {
  it('is what the value divides into, so quantity × unit cost gives the value shown', async () => {
    // 13 pieces worth 51,44 €: the stored unit cost is rounded to 3,96 €, but 13 × 3,96 € would be 51,48 €.
    const odd: StockDocument = {
      ...RECEIPT,
      lines: RECEIPT.lines.map((l) => ({
        ...l,
        quantityMilli: 13_000,
        unitCostCents: 396,
        valueCents: 5_144,
      })),
    };
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, WAREHOUSES);
      if (call.path.startsWith('/api/v1/stock/levels')) return jsonResponse(200, LEVEL);
      if (call.path.startsWith('/api/v1/stock/availability')) return jsonResponse(200, AVAILABLE_ON_DATE);
      return jsonResponse(200, odd);
    });
    renderPage('/stock/documents/rec-1');
    const row = (await screen.findByText('Нагревател 1900 W')).closest('tr') as HTMLElement;
    const text = (row.textContent ?? '').replace(/\u00a0/g, ' ');
    expect(text).toContain('3,9569 €');
    expect(text).toContain('51,44 €');
    expect(text).not.toContain('3,96 €');
  });
});

describe('a draft dated today', () => {
  it('shows what is free now, from the levels', async () => {
    const today = { ...DRAFT, documentDate: todayDate() };
    const { calls } = fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, WAREHOUSES);
      if (call.path.startsWith('/api/v1/stock/levels')) return jsonResponse(200, LEVEL);
      if (call.path.startsWith('/api/v1/stock/availability')) return jsonResponse(200, AVAILABLE_ON_DATE);
      return jsonResponse(200, today);
    });
    renderDraft();
    expect(await screen.findByText('Свободни: 22')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/v1/stock/availability'))).toBe(false);
  });
});
