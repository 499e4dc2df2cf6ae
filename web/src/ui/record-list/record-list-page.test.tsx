import { Modal } from '@mantine/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeServer, jsonResponse, onPhone, renderScreen } from '../../test-utils';
import { useListState, usePagedList } from '../list';
import { OpenCell, RecordListPage } from './index';

interface Thing {
  id: string;
  code: string;
  city: string;
}

const THINGS: Thing[] = [
  { id: 't-1', code: 'ALPHA', city: 'София' },
  { id: 't-2', code: 'BETA', city: 'Пловдив' },
];

function ThingsPage() {
  const list = useListState({ defaultSort: 'code' });
  const result = usePagedList<Thing>(['things'], '/things', list.query);
  return (
    <RecordListPage
      title="Неща"
      canEdit
      addLabel="Ново нещо"
      list={list}
      result={result}
      searchPlaceholder="Код или град"
      exportPath="/things"
      data-testid="things"
      columns={(open) => [
        {
          key: 'code',
          header: 'Код',
          sortKey: 'code',
          render: (x) => <OpenCell onOpen={() => open(x)}>{x.code}</OpenCell>,
        },
        { key: 'city', header: 'Град', sortKey: 'city', render: (x) => x.city },
      ]}
      rowMenu={(x, open) => (
        <button type="button" onClick={open}>
          Меню {x.code}
        </button>
      )}
      dialog={(editing, setEditing) => (
        <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Нещо">
          {editing?.mode === 'edit' ? `Редакция ${editing.row?.code}` : 'Ново'}
        </Modal>
      )}
    />
  );
}

describe('a record list page', () => {
  it('lists the records in a table; the new button and a record open the dialog', async () => {
    fakeServer(() => jsonResponse(200, { items: THINGS, total: 2, page: 1, pageSize: 25 }));
    renderScreen(<ThingsPage />, { route: '/things' });
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Експорт в CSV' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ново нещо' }));
    expect(await screen.findByText('Ново')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'ALPHA' }));
    expect(await screen.findByText('Редакция ALPHA')).toBeTruthy();
  });

  it('on a phone the rows are cards with labelled values and a sort choice', async () => {
    onPhone(true);
    const { calls } = fakeServer(() => jsonResponse(200, { items: THINGS, total: 2, page: 1, pageSize: 25 }));
    renderScreen(<ThingsPage />, { route: '/things' });
    const cards = await screen.findAllByTestId('list-card');
    expect(cards).toHaveLength(2);
    expect(screen.queryByRole('table')).toBeNull();
    const first = within(cards[0] as HTMLElement);
    expect(first.getByText('Град')).toBeTruthy();
    expect(first.getByText('София')).toBeTruthy();
    const sort = screen.getAllByLabelText('Подреждане').find((el) => el.tagName === 'INPUT') as HTMLElement;
    fireEvent.click(sort);
    fireEvent.click(await screen.findByRole('option', { name: 'Град ↓', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.path.includes('sort=-city'))).toBe(true));
    fireEvent.click(
      within(screen.getAllByTestId('list-card')[0] as HTMLElement).getByRole('button', {
        name: 'Меню ALPHA',
      }),
    );
    expect(await screen.findByText('Редакция ALPHA')).toBeTruthy();
  });
});
