import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** What a list asks the server for: q, page, pageSize, sort and its own filters (absent ones undefined). */
export type ListQuery = Record<string, string | number | undefined>;

export interface ListStateOptions<F extends string> {
  /** The names of this list's filters, as the server's query string names them: ['kind', 'role', 'archived']. */
  filters?: readonly F[];
  /** The sort when the URL names none: 'name' or '-createdAt'. */
  defaultSort?: string;
  pageSize?: number;
}

export interface ListState<F extends string = string> {
  q: string;
  page: number;
  pageSize: number;
  /** The sort as the server takes it: "name" ascending, "-name" descending. */
  sort: string | undefined;
  filters: Record<F, string | undefined>;
  /** The query for the list call: everything above. */
  query: ListQuery;
  /** The same without paging, for `<list>/export.csv`. */
  exportQuery: ListQuery;
  setQ: (q: string) => void;
  setPage: (page: number) => void;
  setSort: (sort: string | undefined) => void;
  /** Sets (or, with null/'' clears) one filter; back to the first page. */
  setFilter: (name: F, value: string | null | undefined) => void;
  /** Clears search and filters, keeps the sort. */
  reset: () => void;
}

const DEFAULT_PAGE_SIZE = 25;

/**
 * A list's search, filters, sort and page, kept in the URL's search params: the list survives a reload,
 * a shared link, and "back" from a record. Every change replaces the history entry (typing does not fill
 * the history), and any change but paging goes back to page 1.
 */
export function useListState<F extends string = never>(options: ListStateOptions<F> = {}): ListState<F> {
  const { filters: names = [], defaultSort, pageSize: fixedPageSize = DEFAULT_PAGE_SIZE } = options;
  const [params, setParams] = useSearchParams();
  const namesKey = names.join(',');

  const update = useCallback(
    (change: (next: URLSearchParams) => void, keepPage = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          if (!keepPage) next.delete('page');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return useMemo(() => {
    const q = params.get('q') ?? '';
    const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
    const sort = params.get('sort') || defaultSort;
    const filters = {} as Record<F, string | undefined>;
    for (const name of namesKey ? (namesKey.split(',') as F[]) : [])
      filters[name] = params.get(name) || undefined;
    const exportQuery: ListQuery = { q: q || undefined, sort, ...filters };
    const setOrDelete = (next: URLSearchParams, key: string, value: string | null | undefined) => {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    };
    return {
      q,
      page,
      pageSize: fixedPageSize,
      sort,
      filters,
      query: { ...exportQuery, page, pageSize: fixedPageSize },
      exportQuery,
      setQ: (value) => update((next) => setOrDelete(next, 'q', value.trim())),
      setPage: (value) => update((next) => setOrDelete(next, 'page', value > 1 ? String(value) : null), true),
      setSort: (value) => update((next) => setOrDelete(next, 'sort', value === defaultSort ? null : value)),
      setFilter: (name, value) => update((next) => setOrDelete(next, name, value)),
      reset: () =>
        update((next) => {
          next.delete('q');
          for (const name of namesKey.split(',')) if (name) next.delete(name);
        }),
    };
  }, [params, namesKey, defaultSort, fixedPageSize, update]);
}

/** The next sort when a column header is clicked: ascending first, then descending, then ascending again. */
export function nextSort(current: string | undefined, field: string): string {
  return current === field ? `-${field}` : field;
}

/** How a list is sorted by this field, if at all. */
export function sortDirection(current: string | undefined, field: string): 'asc' | 'desc' | null {
  if (current === field) return 'asc';
  if (current === `-${field}`) return 'desc';
  return null;
}
