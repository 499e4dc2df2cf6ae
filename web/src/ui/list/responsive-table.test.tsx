import { fireEvent, screen, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onPhone, renderScreen } from '../../test-utils';
import { type Column, ResponsiveTable } from './index';

interface Level {
  id: string;
  code: string;
  name: string;
  warehouse: string;
  onHand: string;
  available: string;
  minimum: string;
  supplier: string;
}

const LEVELS: Level[] = [
  {
    id: 'p-1',
    code: 'CAP-35UF',
    name: 'Кондензатор 35 µF',
    warehouse: 'Основен склад',
    onHand: '1 250,5',
    available: '1 200',
    minimum: '10',
    supplier: 'Електроснаб ООД',
  },
];

const COLUMNS: Column<Level>[] = [
  { key: 'code', header: 'Код', nowrap: true, phone: 'secondary', render: (l) => l.code },
  { key: 'name', header: 'Част', phone: 'title', render: (l) => l.name },
  { key: 'warehouse', header: 'Склад', render: (l) => l.warehouse },
  { key: 'onHand', header: 'Наличност', align: 'right', phone: 'primary', render: (l) => l.onHand },
  { key: 'available', header: 'Свободни', align: 'right', phone: 'primary', render: (l) => l.available },
  { key: 'minimum', header: 'Минимум', align: 'right', render: (l) => l.minimum },
  { key: 'supplier', header: 'Доставчик', render: (l) => l.supplier },
];

function Where() {
  return <output data-testid="where">{useLocation().pathname}</output>;
}

const page = () => (
  <>
    <ResponsiveTable
      columns={COLUMNS}
      rows={LEVELS}
      rowKey={(l) => l.id}
      rowHref={(l) => `/stock/parts/${l.id}`}
      totals={{ label: 'Общо', cells: { onHand: '1 250,5' } }}
      data-testid="levels"
    />
    <Where />
  </>
);

afterEach(() => vi.restoreAllMocks());

describe('rows the page holds', () => {
  it('are a table with every column and a totals row on a wide screen', () => {
    onPhone(false);
    renderScreen(page());
    const table = screen.getByTestId('levels');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(7);
    expect(within(table).getByRole('cell', { name: 'Електроснаб ООД' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Общо' })).toBeTruthy();
  });

  it('are cards on a phone: the name, the quantities at once, the rest behind "More", figures never broken', () => {
    onPhone(true);
    renderScreen(page());
    expect(screen.queryByRole('table')).toBeNull();
    const card = within(screen.getByTestId('list-card'));
    expect(card.getByText('Кондензатор 35 µF')).toBeTruthy();
    // The quantities are on the card at once, whole: a figure is never split over two lines.
    const onHand = card.getByText('1 250,5');
    expect(onHand.style.whiteSpace).toBe('nowrap');
    expect(card.getByText('Свободни')).toBeTruthy();
    // The code and the supplier wait behind "More".
    expect(card.queryByText('Електроснаб ООД')).toBeNull();
    const more = card.getByRole('button', { name: 'Още' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(card.getByText('Електроснаб ООД')).toBeTruthy();
    expect(card.getByText('CAP-35UF')).toBeTruthy();
    expect(card.getByRole('button', { name: 'По-малко' }).getAttribute('aria-expanded')).toBe('true');
    // A name wraps between words, never inside one ("Конденза-тор").
    expect(card.getByText('Кондензатор 35 µF').closest('div')?.style.wordBreak).toBe('normal');
    expect(within(screen.getByTestId('list-totals')).getByText('1 250,5')).toBeTruthy();
  });

  it('open the record when a card is tapped', () => {
    onPhone(true);
    renderScreen(page(), { route: '/stock/levels' });
    fireEvent.click(screen.getByText('Свободни'));
    expect(screen.getByTestId('where').textContent).toBe('/stock/parts/p-1');
  });
});

describe('the sort choice on a phone', () => {
  it('shows the order a list starts in: newest first, not an empty select; a column’s order is offered too', () => {
    onPhone(true);
    const sorted: string[] = [];
    const columns = COLUMNS.map((c) => (c.key === 'code' ? { ...c, sortKey: 'code' } : c));
    renderScreen(
      <ResponsiveTable
        columns={columns}
        rows={LEVELS}
        rowKey={(l) => l.id}
        sort="-createdAt"
        onSort={(s) => sorted.push(s)}
      />,
    );
    const select = screen
      .getAllByLabelText('Подреждане')
      .find((el) => el.tagName === 'INPUT') as HTMLInputElement;
    expect(select.value).toBe('Най-новите първо');
    fireEvent.click(select);
    fireEvent.click(screen.getByRole('option', { name: 'Код ↑' }));
    expect(sorted).toEqual(['code']);
  });

  it('a list with its own "created" column offers that column’s order once', () => {
    onPhone(true);
    const columns = [
      ...COLUMNS,
      { key: 'created', header: 'Създаден', sortKey: 'createdAt', render: (l: Level) => l.id },
    ];
    renderScreen(
      <ResponsiveTable
        columns={columns}
        rows={LEVELS}
        rowKey={(l) => l.id}
        sort="-createdAt"
        onSort={() => {}}
      />,
    );
    const select = screen
      .getAllByLabelText('Подреждане')
      .find((el) => el.tagName === 'INPUT') as HTMLInputElement;
    expect(select.value).toBe('Създаден ↓');
  });
});

describe('a long list the page holds', () => {
  const [first] = LEVELS as [Level];
  const many: Level[] = Array.from({ length: 120 }, (_, i) => ({
    ...first,
    id: `p-${i + 1}`,
    code: `CODE-${i + 1}`,
    name: `Част ${i + 1}`,
  }));
  const long = () => (
    <ResponsiveTable
      columns={COLUMNS}
      rows={many}
      rowKey={(l) => l.id}
      pageSize={50}
      totals={{ label: 'Общо', cells: { onHand: '150 060' } }}
      data-testid="levels"
    />
  );

  it('shows fifty rows at a time with pages below; the last page holds the rest; the totals stay the whole list’s', () => {
    onPhone(false);
    renderScreen(long());
    const table = screen.getByTestId('levels');
    // 50 rows, the header and the totals row.
    expect(within(table).getAllByRole('row')).toHaveLength(52);
    expect(within(table).getByText('Част 1')).toBeTruthy();
    expect(within(table).queryByText('Част 51')).toBeNull();
    const pages = within(screen.getByTestId('table-pages'));
    expect(pages.getByText('1–50 от 120')).toBeTruthy();
    fireEvent.click(pages.getByRole('button', { name: '3' }));
    expect(within(table).getAllByRole('row')).toHaveLength(22);
    expect(within(table).getByText('Част 120')).toBeTruthy();
    expect(within(table).queryByText('Част 1')).toBeNull();
    expect(pages.getByText('101–120 от 120')).toBeTruthy();
    expect(within(table).getByRole('cell', { name: '150 060' })).toBeTruthy();
  });

  it('on a phone draws only a page of cards', () => {
    onPhone(true);
    renderScreen(long());
    expect(screen.getAllByTestId('list-card')).toHaveLength(50);
    fireEvent.click(within(screen.getByTestId('table-pages')).getByRole('button', { name: '3' }));
    expect(screen.getAllByTestId('list-card')).toHaveLength(20);
  });

  it('has no pages when the rows fit on one', () => {
    onPhone(false);
    renderScreen(page());
    expect(screen.queryByTestId('table-pages')).toBeNull();
  });
});
