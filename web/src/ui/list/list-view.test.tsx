import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, jsonResponse, onPhone, renderScreen } from '../../test-utils';
import { FilterSelect, ListView, useListState, usePagedList } from './index';

interface Thing {
  id: string;
  name: string;
  city: string;
}

const THINGS: Thing[] = [
  { id: 't-1', name: 'Алфа ООД', city: 'София' },
  { id: 't-2', name: 'Бета ЕООД', city: 'Пловдив' },
];

function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="where">{pathname + search}</output>;
}

function ThingsList() {
  const list = useListState({ filters: ['kind'] as const, defaultSort: 'name', pageSize: 2 });
  const result = usePagedList<Thing>(['things'], '/things', list.query);
  return (
    <>
      <ListView
        list={list}
        result={result}
        searchPlaceholder="Име или град"
        filters={
          <FilterSelect
            list={list}
            name="kind"
            label="Вид"
            placeholder="Всички видове"
            data={[
              { value: 'person', label: 'Лице' },
              { value: 'company', label: 'Фирма' },
            ]}
          />
        }
        exportPath="/things"
        columns={[
          { key: 'name', header: 'Име', sortKey: 'name', render: (r) => r.name },
          { key: 'city', header: 'Град', render: (r) => r.city },
        ]}
        rowKey={(r) => r.id}
        rowHref={(r) => `/things/${r.id}`}
      />
      <Where />
    </>
  );
}

const listCalls = (calls: { path: string }[]) => calls.filter((c) => c.path.startsWith('/api/v1/things'));

describe('a server list', () => {
  it('reads its filters from the URL, sends them, and links the CSV export with the same filters', async () => {
    const { calls } = fakeServer(() => jsonResponse(200, { items: THINGS, total: 5, page: 2, pageSize: 2 }));
    renderScreen(<ThingsList />, { route: '/things?kind=company&q=%D0%B0%D0%BB&page=2' });

    expect(await screen.findByText('Алфа ООД')).toBeTruthy();
    const sent = new URL(listCalls(calls)[0]?.path ?? '', 'http://x');
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      q: 'ал',
      kind: 'company',
      sort: 'name',
      page: '2',
      pageSize: '2',
    });
    expect((screen.getByLabelText('Име или град') as HTMLInputElement).value).toBe('ал');
    expect(screen.getByText('5 записа')).toBeTruthy();
    const href = screen.getByRole('link', { name: 'Експорт в CSV' }).getAttribute('href') ?? '';
    expect(href.startsWith('/api/v1/things/export.csv?')).toBe(true);
    expect(Object.fromEntries(new URL(href, 'http://x').searchParams)).toEqual({
      q: 'ал',
      kind: 'company',
      sort: 'name',
    });
  });

  it('searches after the typing pauses, sorts by a header click, and starts again from page 1', async () => {
    const { calls } = fakeServer(() => jsonResponse(200, { items: THINGS, total: 2, page: 1, pageSize: 2 }));
    renderScreen(<ThingsList />, { route: '/things?page=3' });
    await screen.findByText('Бета ЕООД');

    fireEvent.change(screen.getByLabelText('Име или град'), { target: { value: 'Бе' } });
    fireEvent.change(screen.getByLabelText('Име или град'), { target: { value: 'Бет' } });
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/things?q=%D0%91%D0%B5%D1%82'));
    await waitFor(() =>
      expect(listCalls(calls).some((c) => c.path.includes('q=%D0%91%D0%B5%D1%82'))).toBe(true),
    );
    // One call for the typing, not one per keystroke.
    expect(listCalls(calls).filter((c) => c.path.includes('q=%D0%91%D0%B5&'))).toHaveLength(0);

    const header = screen.getByRole('columnheader', { name: /Име/ });
    fireEvent.click(within(header).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toContain('sort=-name'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    await waitFor(() => expect(listCalls(calls).at(-1)?.path).toContain('sort=-name'));
  });

  it('opens the record when a row is clicked', async () => {
    fakeServer(() => jsonResponse(200, { items: THINGS, total: 2, page: 1, pageSize: 2 }));
    renderScreen(<ThingsList />, { route: '/things' });
    fireEvent.click(await screen.findByText('Пловдив'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/things/t-2'));
  });

  it('says when nothing matches and clears the search and filters on request', async () => {
    fakeServer(() => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 2 }));
    renderScreen(<ThingsList />, { route: '/things?q=zzz&kind=person&sort=-name' });
    expect(await screen.findByText('Нищо не отговаря на търсенето и филтрите.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Изчисти филтрите' }));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/things?sort=-name'));
    await waitFor(() => expect((screen.getByLabelText('Име или град') as HTMLInputElement).value).toBe(''));
  });

  it('shows the server’s message when the list fails to load', async () => {
    fakeServer(() =>
      jsonResponse(500, { code: 'boom', detail: 'Базата данни не отговаря.' }, 'application/problem+json'),
    );
    renderScreen(<ThingsList />, { route: '/things' });
    expect(await screen.findByText('Базата данни не отговаря.')).toBeTruthy();
  });

  describe('on a phone', () => {
    afterEach(() => vi.restoreAllMocks());

    it('shows the rows as cards that open the record, the filters behind a button that counts them', async () => {
      onPhone();
      fakeServer(() => jsonResponse(200, { items: THINGS, total: 2, page: 1, pageSize: 2 }));
      renderScreen(<ThingsList />, { route: '/things?kind=company' });
      expect(await screen.findAllByTestId('list-card')).toHaveLength(2);
      expect(screen.queryByRole('table')).toBeNull();
      expect(screen.queryByLabelText('Вид')).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Филтри (1)' }));
      expect(screen.getAllByLabelText('Вид').length).toBeGreaterThan(0);
      fireEvent.click(screen.getByText('Пловдив'));
      await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/things/t-2'));
    });
  });
});
