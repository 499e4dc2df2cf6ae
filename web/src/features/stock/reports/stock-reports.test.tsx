import { todayDate } from '@servix/server/kernel/calendar';
import type {
  LowStock,
  PartCard,
  StockLevel,
  Valuation,
  Warehouse,
} from '@servix/server/modules/stock/stock.schema';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { aMe, type Call, fakeServer, jsonResponse, renderScreen } from '../../../test-utils';
import { StockLevelsPage } from './levels-page';
import { LowStockPage } from './low-stock-page';
import { PartCardPage } from './part-card-page';
import { ValuationPage } from './valuation-page';
import { WarehousesPage } from './warehouses-page';

const STAMPS = { createdAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T10:00:00.000Z' };
const MAIN: Warehouse = {
  id: 'w-1',
  code: 'MAIN',
  name: 'Централен склад',
  kind: 'store',
  technicianId: null,
  technicianName: null,
  molName: 'Петър Стоянов',
  archived: false,
  archivedAt: null,
  ...STAMPS,
};
const VAN: Warehouse = {
  ...MAIN,
  id: 'w-2',
  code: 'VAN-1',
  name: 'Бус на Иван',
  kind: 'van',
  technicianId: 't-1',
  technicianName: 'Иван Колев',
  molName: 'Иван Колев',
};
const BELT: StockLevel = {
  partId: 'p-1',
  partCode: 'WM-BELT-1',
  partName: 'Ремък за пералня',
  unit: 'бр.',
  warehouseId: 'w-1',
  warehouseCode: 'MAIN',
  warehouseName: 'Централен склад',
  warehouseKind: 'store',
  onHandMilli: 1_234_500,
  reservedMilli: 1_232_000,
  availableMilli: 2_500,
  avgCostCents: 1_250,
  valueCents: 1_543_125,
  minStockMilli: 5_000,
};
const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 25 });
const problem = (status: number, body: Record<string, unknown>) =>
  jsonResponse(status, { status, ...body }, 'application/problem+json');
const plain = (s: string | null | undefined) => (s ?? '').replace(/\u00a0/g, ' ');
const query = (call: Call | undefined) => new URL(call?.path ?? '/', 'http://servix.test').searchParams;

function errorOf(input: HTMLElement): string | undefined {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').find((text) => text.length > 0);
}

describe('stock levels', () => {
  it('sends the warehouse of the link and the "below minimum" switch to the server, in Bulgarian figures', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.includes('mine=true')) return jsonResponse(200, page([]));
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN, VAN]));
      return jsonResponse(200, page([BELT]));
    });
    renderScreen(<StockLevelsPage />, { route: '/stock/levels?warehouseId=w-1' });

    const table = within(await screen.findByTestId('stock-levels'));
    const levelCalls = () => calls.filter((c) => c.path.startsWith('/api/v1/stock/levels'));
    expect(query(levelCalls()[0]).get('warehouseId')).toBe('w-1');
    const row = table.getByText('Ремък за пералня').closest('tr') as HTMLElement;
    expect(plain(row.textContent)).toContain('1 234,5');
    expect(plain(row.textContent)).toContain('15 431,25 €');
    // 2,5 free against a minimum of 5: flagged.
    expect(plain(within(row).getByLabelText('Под минимума от 5').textContent)).toBe('2,5');
    expect(table.getByRole('link', { name: 'WM-BELT-1' }).getAttribute('href')).toBe(
      '/stock/parts/p-1?warehouseId=w-1',
    );

    fireEvent.click(screen.getByRole('switch', { name: 'Под минимум' }));
    await waitFor(() => expect(query(levelCalls().at(-1)).get('belowMinimum')).toBe('true'));
    expect(query(levelCalls().at(-1)).get('warehouseId')).toBe('w-1');
    expect(screen.getByRole('link', { name: /Експорт в CSV/ }).getAttribute('href')).toBe(
      '/api/v1/stock/levels/export.csv?sort=partCode&warehouseId=w-1&belowMinimum=true',
    );
  });
});

describe('a technician’s van', () => {
  it('is never flagged under the minimum: the minimum is the store’s', async () => {
    const inVan: StockLevel = {
      ...BELT,
      warehouseId: 'w-2',
      warehouseCode: 'VAN-01',
      warehouseName: 'Бус на Иван',
      warehouseKind: 'van',
    };
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([]));
      return jsonResponse(200, page([BELT, inVan]));
    });
    renderScreen(<StockLevelsPage />, { route: '/stock/levels' });
    const table = within(await screen.findByTestId('stock-levels'));
    // Each row names its warehouse (the code is for typing, not reading).
    const rowOf = (name: string) => table.getByText(name).closest('tr') as HTMLElement;
    expect(within(rowOf('Централен склад')).queryByLabelText('Под минимума от 5')).not.toBeNull();
    expect(within(rowOf('Бус на Иван')).queryByLabelText('Под минимума от 5')).toBeNull();
  });

  it('opens the levels on the technician’s own van; "all warehouses" stays a click away', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.includes('mine=true')) return jsonResponse(200, page([VAN]));
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN, VAN]));
      return jsonResponse(200, page([BELT]));
    });
    renderScreen(<StockLevelsPage />, { route: '/stock/levels', me: aMe('technician') });
    const levelCalls = () => calls.filter((c) => c.path.startsWith('/api/v1/stock/levels'));
    // The van arrives with its own request: on a busy machine that takes more than waitFor's default second.
    await waitFor(() => expect(query(levelCalls().at(-1)).get('warehouseId')).toBe(VAN.id), {
      timeout: 4000,
    });
    expect(screen.getByRole('button', { name: `Моят бус ${VAN.code}` })).toBeTruthy();
  });

  it('does not narrow the list for the office, who see their van only as a button', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.includes('mine=true')) return jsonResponse(200, page([VAN]));
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN, VAN]));
      return jsonResponse(200, page([BELT]));
    });
    renderScreen(<StockLevelsPage />, { route: '/stock/levels', me: aMe('storekeeper') });
    fireEvent.click(await screen.findByRole('button', { name: `Моят бус ${VAN.code}` }));
    const levelCalls = () => calls.filter((c) => c.path.startsWith('/api/v1/stock/levels'));
    expect(query(levelCalls()[0]).get('warehouseId')).toBeNull();
    await waitFor(() => expect(query(levelCalls().at(-1)).get('warehouseId')).toBe(VAN.id));
  });
});

describe('a part’s card', () => {
  const CARD: PartCard = {
    part: {
      id: 'p-1',
      code: 'WM-BELT-1',
      name: 'Ремък за пералня',
      unit: 'бр.',
      minStockMilli: 5_000,
      typicalCostCents: null,
    },
    levels: [BELT],
    openingMilli: 3_000,
    openingValueCents: 3_600,
    movements: [
      {
        id: 'm-1',
        at: '2026-11-03T09:00:00.000Z',
        date: '2026-11-03',
        documentId: 'd-1',
        documentType: 'receipt',
        documentNumber: '0000000012',
        isReversal: false,
        warehouseId: 'w-1',
        warehouseCode: 'MAIN',
        warehouseName: 'Основен склад',
        quantityMilli: 10_000,
        unitCostCents: 1_300,
        valueCents: 13_000,
        balanceMilli: 13_000,
        balanceValueCents: 16_600,
      },
      {
        id: 'm-2',
        at: '2026-11-04T09:00:00.000Z',
        date: '2026-11-04',
        documentId: 'd-2',
        documentType: 'issue',
        documentNumber: '0000000013',
        isReversal: true,
        warehouseId: 'w-1',
        warehouseCode: 'MAIN',
        warehouseName: 'Основен склад',
        quantityMilli: -2_500,
        unitCostCents: 1_277,
        valueCents: -3_193,
        balanceMilli: 10_500,
        balanceValueCents: 13_407,
      },
    ],
  };

  it('starts from the opening balance and links every movement to its document', async () => {
    const { calls } = fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN]));
      if (call.path.startsWith('/api/v1/stock/parts/p-1/card')) return jsonResponse(200, CARD);
      return problem(404, { code: 'not_found', detail: 'Няма.' });
    });
    renderScreen(
      <Routes>
        <Route path="/stock/parts/:partId" element={<PartCardPage />} />
      </Routes>,
      { route: '/stock/parts/p-1?from=2026-11-01&warehouseId=w-1' },
    );

    const movements = within(await screen.findByTestId('card-movements'));
    const cardCall = calls.find((c) => c.path.startsWith('/api/v1/stock/parts/p-1/card'));
    expect(query(cardCall).get('from')).toBe('2026-11-01');
    expect(query(cardCall).get('warehouseId')).toBe('w-1');
    expect(plain(movements.getByTestId('opening').textContent)).toContain('Начално салдо към 01.11.2026');
    expect(movements.getByRole('link', { name: 'Складова разписка 0000000012' }).getAttribute('href')).toBe(
      '/stock/documents/d-1',
    );
    const issue = movements.getByRole('link', { name: 'Изписване 0000000013' });
    expect(issue.getAttribute('href')).toBe('/stock/documents/d-2');
    const row = issue.closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Сторно');
    expect(plain(row.textContent)).toContain('-2,5');
    expect(plain(row.textContent)).toContain('10,5');
  });

  it('a count that found the books right shows its row as “no difference”, and the card says values follow the dates', async () => {
    const count = {
      ...CARD.movements[0],
      id: 'm-3',
      at: '2026-11-05T09:00:00.000Z',
      date: '2026-11-05',
      documentId: 'd-3',
      documentType: 'count' as const,
      documentNumber: '0000000014',
      quantityMilli: 0,
      unitCostCents: 1_300,
      valueCents: 0,
    };
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN]));
      if (call.path.startsWith('/api/v1/stock/parts/p-1/card'))
        return jsonResponse(200, { ...CARD, movements: [...CARD.movements, count] });
      return problem(404, { code: 'not_found', detail: 'Няма.' });
    });
    renderScreen(
      <Routes>
        <Route path="/stock/parts/:partId" element={<PartCardPage />} />
      </Routes>,
      { route: '/stock/parts/p-1' },
    );
    const movements = within(await screen.findByTestId('card-movements'));
    const row = movements
      .getByRole('link', { name: 'Инвентаризация 0000000014' })
      .closest('tr') as HTMLElement;
    expect(within(row).getByTestId('no-difference').textContent).toBe('без разлика');
    const cells = within(row).getAllByRole('cell');
    expect([cells[4]?.textContent, cells[5]?.textContent]).toEqual(['—', '—']);
    expect(screen.getByTestId('card-dates-hint').textContent).toContain('документ с минала дата преоценява');
  });
});

describe('costs only for those who may see them', () => {
  /** What the server answers a role that may not see costs: the keys are not there at all. */
  function withoutCosts<T>(value: T): T {
    const costKeys = [
      'avgCostCents',
      'valueCents',
      'unitCostCents',
      'balanceValueCents',
      'openingValueCents',
    ];
    return JSON.parse(JSON.stringify(value), (k, v) => (costKeys.includes(k) ? undefined : v));
  }
  const { avgCostCents: _a, valueCents: _v, ...BELT_NO_COST } = BELT;

  it('a technician sees the levels without the cost columns: no header, no blank, no NaN', async () => {
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN]));
      return jsonResponse(200, page([BELT_NO_COST]));
    });
    renderScreen(<StockLevelsPage />, { route: '/stock/levels', me: aMe('technician') });
    const table = await screen.findByTestId('stock-levels');
    await within(table).findByText('WM-BELT-1');
    const text = table.textContent ?? '';
    expect(text).toContain('Налично');
    for (const word of ['Средна цена', 'Стойност', 'NaN', 'undefined', '€']) expect(text).not.toContain(word);
  });

  it('a storekeeper sees the average cost and the value', async () => {
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN]));
      return jsonResponse(200, page([BELT]));
    });
    renderScreen(<StockLevelsPage />, { route: '/stock/levels', me: aMe('storekeeper') });
    const table = await screen.findByTestId('stock-levels');
    await within(table).findByText('WM-BELT-1');
    expect(table.textContent).toContain('Средна цена');
    expect(plain(table.textContent)).toContain('12,50 €');
  });

  it('a reception user sees the part card with quantities only', async () => {
    const card: PartCard = withoutCosts({
      part: { id: 'p-1', code: 'WM-BELT-1', name: 'Ремък', unit: 'бр.', minStockMilli: 0 },
      levels: [BELT, { ...BELT, warehouseId: 'w-2', warehouseCode: 'VAN-1' }],
      openingMilli: 3_000,
      openingValueCents: 3_600,
      movements: [
        {
          id: 'm-1',
          at: '2026-11-03T09:00:00.000Z',
          date: '2026-11-03',
          documentId: 'd-1',
          documentType: 'receipt',
          documentNumber: '0000000012',
          isReversal: false,
          warehouseId: 'w-1',
          warehouseCode: 'MAIN',
          quantityMilli: 10_000,
          unitCostCents: 1_300,
          valueCents: 13_000,
          balanceMilli: 13_000,
          balanceValueCents: 16_600,
        },
      ],
    } as PartCard);
    fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN]));
      return jsonResponse(200, card);
    });
    renderScreen(
      <Routes>
        <Route path="/stock/parts/:partId" element={<PartCardPage />} />
      </Routes>,
      { route: '/stock/parts/p-1?from=2026-11-01', me: aMe('reception') },
    );
    const movements = await screen.findByTestId('card-movements');
    const levels = screen.getByTestId('card-levels');
    for (const el of [movements, levels]) {
      const text = el.textContent ?? '';
      for (const word of ['Стойност', 'Ед. цена', 'Средна цена', 'NaN', 'undefined', '€'])
        expect(text, word).not.toContain(word);
    }
    expect(plain(movements.textContent)).toContain('13');
    // Every row has as many cells as the header has columns.
    const widths = [...movements.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('td,th')].reduce((n, c) => n + Number(c.getAttribute('colspan') ?? 1), 0),
    );
    expect(new Set(widths).size).toBe(1);
  });
});

describe('warehouses', () => {
  it('a new van sends its technician, and the server’s refusal lands on the technician input', async () => {
    const { calls } = fakeServer((call) => {
      if (call.method === 'POST')
        return problem(409, {
          code: 'technician_has_van',
          detail: 'Иван Колев вече има бус: VAN-1.',
          field: 'technicianId',
          existingId: 'w-2',
        });
      if (call.path.startsWith('/api/v1/technicians'))
        return jsonResponse(200, page([{ id: 't-1', name: 'Иван Колев' }]));
      return jsonResponse(200, page([MAIN, VAN]));
    });
    renderScreen(<WarehousesPage />, { route: '/stock/warehouses' });

    fireEvent.click(await screen.findByRole('button', { name: 'Нов склад' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByLabelText(/^Код/), { target: { value: 'van-2' } });
    fireEvent.change(dialog.getByLabelText(/^Наименование/), { target: { value: 'Бус 2' } });
    fireEvent.click(dialog.getByRole('radio', { name: 'Бус (на техник)' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Добави' }));
    const technician = await dialog.findByRole('combobox', { name: /^Техник/ });
    await waitFor(() => expect(errorOf(technician)).toBe('Полето е задължително.'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(technician);
    fireEvent.click(await screen.findByRole('option', { name: 'Иван Колев', hidden: true }));
    fireEvent.click(dialog.getByRole('button', { name: 'Добави' }));
    await waitFor(() => expect(errorOf(technician)).toBe('Иван Колев вече има бус: VAN-1.'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      code: 'VAN-2',
      name: 'Бус 2',
      kind: 'van',
      technicianId: 't-1',
      molName: null,
    });
  });

  it('a warehouse in use cannot be deleted: the server’s reasons show, and a read-only role sees no actions', async () => {
    fakeServer((call) => {
      if (call.method === 'DELETE')
        return problem(409, {
          code: 'in_use',
          detail: 'Записът се използва.',
          errors: [
            { field: 'stock_documents', code: 'used_by_stock_documents', message: 'Има 3 документа.' },
          ],
        });
      return jsonResponse(200, page([MAIN, VAN]));
    });
    const { unmount } = renderScreen(<WarehousesPage />, { route: '/stock/warehouses' });

    const table = within(await screen.findByTestId('warehouses'));
    expect(table.getByRole('link', { name: 'Наличности в MAIN' }).getAttribute('href')).toBe(
      '/stock/levels?warehouseId=w-1',
    );
    expect(table.getByText('Бус').closest('tr')?.textContent).toContain('Иван Колев');
    fireEvent.click(table.getByRole('button', { name: 'Действия MAIN' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Изтрий' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.click(dialog.getByRole('button', { name: 'Изтрий' }));
    expect(await dialog.findByText('Има 3 документа.')).toBeTruthy();
    expect(dialog.getByRole('button', { name: 'Архивирай вместо това' })).toBeTruthy();
    unmount();

    renderScreen(<WarehousesPage />, { route: '/stock/warehouses', me: aMe('technician') });
    await screen.findByTestId('warehouses');
    expect(screen.queryByRole('button', { name: 'Нов склад' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Действия MAIN' })).toBeNull();
  });
});

describe('low stock and valuation', () => {
  it('groups the parts to order by their last supplier, parts never received last', async () => {
    const LOW: LowStock = {
      partCount: 2,
      groups: [
        {
          supplierId: 's-1',
          supplierName: 'Бош Сървиз ООД',
          parts: [
            {
              partId: 'p-1',
              partCode: 'WM-BELT-1',
              partName: 'Ремък за пералня',
              unit: 'бр.',
              minStockMilli: 5_000,
              onHandMilli: 3_000,
              reservedMilli: 1_000,
              availableMilli: 2_000,
              suggestedMilli: 8_000,
              lastUnitCostCents: 1_250,
              lastReceiptDate: '2026-11-03',
            },
          ],
        },
        {
          supplierId: null,
          supplierName: null,
          parts: [
            {
              partId: 'p-2',
              partCode: 'FLT-1',
              partName: 'Филтър',
              unit: 'бр.',
              minStockMilli: 2_000,
              onHandMilli: 0,
              reservedMilli: 0,
              availableMilli: 0,
              suggestedMilli: 4_000,
              lastUnitCostCents: null,
              lastReceiptDate: null,
            },
          ],
        },
      ],
    };
    fakeServer(() => jsonResponse(200, LOW));
    renderScreen(<LowStockPage />, { route: '/stock/low' });

    const groups = await screen.findAllByTestId('low-group');
    expect(screen.getByTestId('low-count').textContent).toBe('2 части под минимума');
    expect(within(groups[0] as HTMLElement).getByRole('link', { name: 'Бош Сървиз ООД' })).toBeTruthy();
    const belt = within(groups[0] as HTMLElement)
      .getByText('Ремък за пералня')
      .closest('tr') as HTMLElement;
    expect(plain(belt.textContent)).toContain('12,50 €');
    expect(belt.textContent).toContain('03.11.2026');
    expect(within(groups[1] as HTMLElement).getByText('Без доставка досега')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Експорт в CSV/ }).getAttribute('href')).toBe(
      '/api/v1/stock/low/export.csv',
    );
  });

  it('values the stock at the end of today by default, per warehouse', async () => {
    const VALUATION: Valuation = {
      date: todayDate(),
      totalValueCents: 123_456_78,
      warehouses: [
        {
          warehouseId: 'w-1',
          warehouseCode: 'MAIN',
          warehouseName: 'Централен склад',
          valueCents: 123_456_78,
          parts: [
            {
              partId: 'p-1',
              partCode: 'WM-BELT-1',
              partName: 'Ремък за пералня',
              unit: 'бр.',
              quantityMilli: 1_234_500,
              valueCents: 123_456_78,
            },
          ],
        },
      ],
    };
    const { calls } = fakeServer((call) => {
      if (call.path.startsWith('/api/v1/warehouses')) return jsonResponse(200, page([MAIN]));
      return jsonResponse(200, VALUATION);
    });
    renderScreen(<ValuationPage />, { route: '/stock/valuation' });

    expect(plain((await screen.findByTestId('valuation-total')).textContent)).toBe('123 456,78 €');
    const valuationCall = calls.find((c) => c.path.startsWith('/api/v1/stock/valuation'));
    expect(query(valuationCall).get('date')).toBe(todayDate());
    const row = screen.getByText('Ремък за пералня').closest('tr') as HTMLElement;
    expect(plain(row.textContent)).toContain('1 234,5');
    expect(screen.getByRole('link', { name: /Експорт в CSV/ }).getAttribute('href')).toBe(
      `/api/v1/stock/valuation/export.csv?date=${todayDate()}`,
    );
  });
});
