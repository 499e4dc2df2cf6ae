import type { EarningsLines, TechnicianEarnings } from '@servix/server/modules/orders/orders.earnings.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

export const reportsKey = ['reports'] as const;

export interface EarningsFilter {
  from: string;
  to: string;
  technicianId?: string;
}

export function useTechnicianEarnings(filter: EarningsFilter) {
  return useQuery({
    queryKey: [...reportsKey, 'technician-earnings', filter],
    queryFn: () => api.get<TechnicianEarnings>('/reports/technician-earnings', { ...filter }),
    placeholderData: keepPreviousData,
  });
}

export function useEarningsLines(
  filter: { from: string; to: string; technicianId: string; serviceTypeId?: string } | null,
) {
  return useQuery({
    queryKey: [...reportsKey, 'technician-earnings-lines', filter],
    enabled: filter !== null,
    queryFn: () => api.get<EarningsLines>('/reports/technician-earnings/lines', { ...filter }),
  });
}
