import type { SearchResult } from '@servix/server/modules/search/search.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

/** The global search: customers, items by serial and parts matching `q` (Cyrillic or Latin, any case). */
export function useGlobalSearch(q: string) {
  const needle = q.trim();
  return useQuery({
    queryKey: ['search', needle],
    enabled: needle.length > 0,
    queryFn: () => api.get<SearchResult>('/search', { q: needle, limit: 5 }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
