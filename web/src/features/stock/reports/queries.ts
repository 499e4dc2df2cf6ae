import type { LowStock, PartCard, Valuation } from '@servix/server/modules/stock/stock.schema';
import type { Technician } from '@servix/server/modules/technicians/technicians.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { stockKey } from '../../../api/stock';
import { techniciansKey } from '../../../api/technicians';
import type { PageOf } from '../../../ui/list';

/** Under the stock key, so that every stock write (a posting, a new warehouse) reloads the reports too. */
export const levelsKey = [...stockKey, 'levels'] as const;

export interface CardFilter {
  warehouseId?: string;
  from?: string;
  to?: string;
}

/** A part's card: levels per warehouse and the movements with a running balance (from `from` when given). */
export function usePartCard(partId: string | undefined, filter: CardFilter) {
  return useQuery({
    queryKey: [...stockKey, 'card', partId, filter],
    enabled: partId !== undefined,
    queryFn: () => api.get<PartCard>(`/stock/parts/${encodeURIComponent(partId ?? '')}/card`, { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useLowStock() {
  return useQuery({ queryKey: [...stockKey, 'low'], queryFn: () => api.get<LowStock>('/stock/low') });
}

export function useValuation(date: string, warehouseId: string | undefined) {
  return useQuery({
    queryKey: [...stockKey, 'valuation', date, warehouseId],
    queryFn: () => api.get<Valuation>('/stock/valuation', { date, warehouseId }),
    placeholderData: keepPreviousData,
  });
}

/** The technicians in use, for the van's technician (a company has a handful to a few dozen). */
export function useTechnicianOptions(enabled: boolean) {
  return useQuery({
    queryKey: [...techniciansKey, 'options'],
    enabled,
    queryFn: () => api.get<PageOf<Technician>>('/technicians', { pageSize: 200, sort: 'name' }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
