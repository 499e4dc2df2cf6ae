import { lineAmount } from '@servix/server/kernel/money';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { onPhone, renderScreen } from '../../test-utils';
import { groupedTextToMilli, textToCents } from '../typed-values';
import { type LineColumn, LinesEditor, lineInputOf, sentRows } from './index';

interface Line {
  key: string;
  name: string;
  quantity: string;
  price: string;
}

let seq = 0;
const aLine = (patch: Partial<Line> = {}): Line => ({
  key: `k-${++seq}`,
  name: '',
  quantity: '',
  price: '',
  ...patch,
});

const COLUMNS: LineColumn<Line>[] = [
  { key: 'name', kind: 'text', header: 'Описание', field: 'name' },
  { key: 'quantity', kind: 'quantity', header: 'Количество', field: 'quantity', unit: () => 'бр.' },
  { key: 'price', kind: 'money', header: 'Цена', field: 'price' },
  {
    key: 'total',
    kind: 'computed',
    header: 'Сума',
    render: ({ row, index }) => {
      const q = groupedTextToMilli(row.quantity);
      const c = textToCents(row.price);
      return <span data-testid={`total-${index}`}>{q > 0 && c >= 0 ? lineAmount(q, c) : '—'}</span>;
    },
  },
];

function Editor({ initial, errors = {} }: { initial: Line[]; errors?: Record<string, string> }) {
  const [rows, setRows] = useState(initial);
  return (
    <LinesEditor
      rows={rows}
      rowKey={(l) => l.key}
      columns={COLUMNS}
      errors={errors}
      onChange={(i, field, value) =>
        setRows((r) => r.map((l, j) => (j === i ? { ...l, [field]: value } : l)))
      }
      onAdd={() => setRows((r) => [...r, aLine()])}
      onRemove={(i) => setRows((r) => r.filter((_, j) => j !== i))}
      addLabel="Добави ред"
      removeLabel="Премахни реда"
      data-testid="lines"
    />
  );
}

describe('the lines editor', () => {
  it('edits typed columns, computes the line total, adds and removes rows', () => {
    renderScreen(<Editor initial={[aLine()]} />);
    fireEvent.change(screen.getByLabelText('Количество 1'), { target: { value: '1 200' } });
    fireEvent.change(screen.getByLabelText('Цена 1'), { target: { value: '0,07' } });
    expect(screen.getByTestId('total-0').textContent).toBe('8400');
    fireEvent.click(screen.getByRole('button', { name: 'Добави ред' }));
    expect(screen.getByLabelText('Описание 2')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Описание 2'), { target: { value: 'Втори' } });
    fireEvent.click(screen.getByRole('button', { name: 'Премахни реда 1' }));
    expect(screen.queryByLabelText('Описание 2')).toBeNull();
    expect((screen.getByLabelText('Описание 1') as HTMLInputElement).value).toBe('Втори');
  });

  it('Enter moves to the same input on the next row, adding a row after the last, and does not submit', async () => {
    const submit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    renderScreen(
      <form onSubmit={submit}>
        <Editor initial={[aLine(), aLine()]} />
      </form>,
    );
    fireEvent.keyDown(screen.getByLabelText('Количество 1'), { key: 'Enter' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Количество 2')));
    fireEvent.keyDown(screen.getByLabelText('Количество 2'), { key: 'Enter' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Количество 3')));
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows each error on its row and input, and the lines’ own error below them', () => {
    renderScreen(
      <Editor
        initial={[aLine(), aLine({ name: 'A' }), aLine(), aLine({ name: 'B' })]}
        errors={{ 'lines.3.quantity': 'Не достигат 2', lines: 'Няма редове' }}
      />,
    );
    const row = screen.getByTestId('line-3');
    expect(within(row).getByText('Не достигат 2')).toBeTruthy();
    expect(within(screen.getByTestId('line-1')).queryByText('Не достигат 2')).toBeNull();
    expect(screen.getByText('Няма редове')).toBeTruthy();
  });

  it('on a phone every row is a card with labelled inputs', () => {
    onPhone();
    renderScreen(<Editor initial={[aLine({ name: 'A', quantity: '2', price: '3' })]} />);
    const lines = screen.getByTestId('lines');
    expect(within(lines).queryByRole('table')).toBeNull();
    const card = within(lines).getByTestId('line-0');
    expect(within(card).getByText('Цена')).toBeTruthy();
    expect(within(card).getByText('Сума')).toBeTruthy();
    expect(within(card).getByTestId('total-0').textContent).toBe('600');
  });
});

describe('server errors back on the editor rows', () => {
  it('skips the empty rows that were not sent', () => {
    const rows = ['', 'a', '', 'b'];
    const sent = sentRows(rows, (r) => r === '');
    expect(sent).toEqual([1, 3]);
    const inputs = { quantityMilli: 'quantity', partId: 'partId' };
    expect(lineInputOf('lines.1.quantityMilli', sent, inputs)).toBe('lines.3.quantity');
    expect(lineInputOf('lines.0.partId', sent, inputs)).toBe('lines.1.partId');
    expect(lineInputOf('lines.5.partId', sent, inputs)).toBeNull();
    expect(lineInputOf('lines.0.lineNo', sent, inputs)).toBeNull();
    expect(lineInputOf('lines', sent, inputs)).toBe('lines');
    expect(lineInputOf('warehouseId', sent, inputs)).toBeUndefined();
  });
});
