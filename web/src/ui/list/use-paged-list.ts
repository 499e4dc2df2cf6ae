import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ListQuery } from './use-list-state';

/** A page of a server list, as every `GET /api/v1/<things>` answers. */
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * One page of a server list. While the next page (or a new search) loads, the previous rows stay on
 * screen (`isPlaceholderData` tells they are stale), so the table does not flash empty.
 *
 * `key` is the list's cache prefix, e.g. ['parties']: invalidate it after a write and every page reloads.
 */
export function usePagedList<T>(
  key: readonly unknown[],
  path: string,
  query: ListQuery,
  enabled = true,
  options: {
    /** Asks the page again after this many ms while it says so (rows still changing on the server), else not. */
    refreshWhile?: (page: PageOf<T>) => number | false;
  } = {},
) {
  const { refreshWhile } = options;
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => api.get<PageOf<T>>(path, query),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: refreshWhile ? (q) => (q.state.data ? refreshWhile(q.state.data) : false) : undefined,
  });
}
