import type { StockLevel } from '@servix/server/modules/stock/stock.schema';
import type { BookingDetail, Job } from '@servix/server/modules/visits/visits.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PageOf } from '../ui/list';
import { api } from './client';
import { itemsKey } from './items';
import { ordersKey } from './orders';
import { stockKey } from './stock';
import { visitRequestsKey } from './visits';

/** The technician's jobs on the phone (ADR 0033): my bookings with who, where and what. */
export const fieldJobsKey = ['visit-bookings', 'jobs'] as const;

const bookingPath = (id: string) => `/visit-bookings/${encodeURIComponent(id)}`;

/** The signed-in technician's jobs from a day for `days` days. */
export function useMyJobs(date: string, days = 1) {
  return useQuery({
    queryKey: [...fieldJobsKey, 'mine', date, days],
    queryFn: () => api.get<{ items: Job[] }>('/visit-bookings/mine', { date, days: String(days) }),
    select: (answer) => answer.items,
  });
}

export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: [...fieldJobsKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Job>(`${bookingPath(id ?? '')}/job`),
  });
}

/** The free quantity of each part in a warehouse (on hand less reserved): what the van can give now. */
export function useWarehouseLevels(warehouseId: string | undefined) {
  return useQuery({
    queryKey: [...stockKey, 'levels', 'of', warehouseId],
    enabled: warehouseId !== undefined,
    queryFn: () =>
      api.get<PageOf<StockLevel>>('/stock/levels', { warehouseId, pageSize: 200, sort: 'partName' }),
    select: (page) => page.items,
  });
}

function useAfterVisitWrite() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['visit-bookings'] });
    await queryClient.invalidateQueries({ queryKey: visitRequestsKey });
    await queryClient.invalidateQueries({ queryKey: ordersKey });
    await queryClient.invalidateQueries({ queryKey: stockKey });
    await queryClient.invalidateQueries({ queryKey: itemsKey });
  };
}

/** Starts the visit: it becomes an on-site service order (again: the same one). */
export function useStartVisit() {
  const after = useAfterVisitWrite();
  return useMutation({
    mutationFn: (id: string) => api.post<BookingDetail>(`${bookingPath(id)}/start`, {}),
    onSuccess: after,
  });
}

/** Finishes the visit: the order is finished (the van's parts issued) and the booking done with its minutes. */
export function useFinishVisit() {
  const after = useAfterVisitWrite();
  return useMutation({
    mutationFn: ({ id, actualMinutes }: { id: string; actualMinutes: number }) =>
      api.post<BookingDetail>(`${bookingPath(id)}/finish`, { actualMinutes }),
    onSuccess: after,
  });
}
