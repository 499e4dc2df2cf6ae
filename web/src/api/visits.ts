import type { Technician } from '@servix/server/modules/technicians/technicians.schema';
import type {
  Booking,
  BookingAnswer,
  CreateVisitRequestBody,
  OccupancyAnswer,
  SuggestAnswer,
  VisitRequestDetail,
  VisitRequestListItem,
  VisitRequestStatus,
} from '@servix/server/modules/visits/visits.schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PageOf } from '../ui/list/use-paged-list';
import { api } from './client';

/** Every cached visit request answer. */
export const visitRequestsKey = ['visit-requests'] as const;
/** Every cached answer about the schedule: bookings, occupancy, suggestions. */
export const scheduleKey = ['visit-schedule'] as const;

export function useCreateVisitRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateVisitRequestBody>) =>
      api.post<VisitRequestDetail>('/visit-requests', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitRequestsKey }),
  });
}

export function useVisitRequest(id: string | undefined) {
  return useQuery({
    queryKey: [...visitRequestsKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<VisitRequestDetail>(`/visit-requests/${encodeURIComponent(id ?? '')}`),
  });
}

/** The requests waiting to be planned (status new), oldest first: the calendar's side list. */
export function useUnplannedRequests() {
  return useQuery({
    queryKey: [...visitRequestsKey, 'unplanned'],
    queryFn: () =>
      api.get<PageOf<VisitRequestListItem>>('/visit-requests', {
        status: 'new',
        sort: 'createdAt',
        pageSize: 100,
      }),
  });
}

export function useSuggestions(id: string | undefined) {
  return useQuery({
    queryKey: [...scheduleKey, 'suggestions', id],
    enabled: id !== undefined,
    queryFn: () => api.get<SuggestAnswer>(`/visit-requests/${encodeURIComponent(id ?? '')}/suggestions`),
  });
}

/** The live bookings on the days from–to (ISO dates, company time). */
export function useBookings(from: string, to: string) {
  return useQuery({
    queryKey: [...scheduleKey, 'bookings', from, to],
    queryFn: () => api.get<{ items: Booking[] }>('/visit-bookings', { from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useOccupancy(from: string, to: string, groupBy: 'day' | 'week' | 'month') {
  return useQuery({
    queryKey: [...scheduleKey, 'occupancy', from, to, groupBy],
    queryFn: () => api.get<OccupancyAnswer>('/visit-occupancy', { from, to, groupBy }),
    placeholderData: keepPreviousData,
  });
}

/** The days off (a technician's, or everyone's when technicianId is null) on the days from–to. */
export function useDaysOff(from: string, to: string) {
  return useQuery({
    queryKey: [...scheduleKey, 'days-off', from, to],
    queryFn: () =>
      api.get<{ items: { id: string; technicianId: string | null; date: string; note: string | null }[] }>(
        '/visit-days-off',
        { from, to },
      ),
    placeholderData: keepPreviousData,
  });
}

/** The active technicians, by name: the calendar's columns. */
export function useActiveTechnicians() {
  return useQuery({
    queryKey: ['technicians', 'schedule'],
    queryFn: async () => {
      const page = await api.get<PageOf<Technician>>('/technicians', { pageSize: 200, sort: 'name' });
      return page.items.filter((t) => t.active && !t.archivedAt);
    },
  });
}

/** A visit for a request, or a work block for a service order in the shop: one of the two. */
export interface BookBody {
  requestId?: string;
  orderId?: string;
  technicianIds: string[];
  start: string;
  durationMinutes?: number;
  override?: { reason: string };
}

export interface MoveBody {
  start?: string;
  technicianIds?: string[];
  durationMinutes?: number;
  override?: { reason: string };
}

function useInvalidateSchedule() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: scheduleKey }),
      queryClient.invalidateQueries({ queryKey: visitRequestsKey }),
    ]);
}

export function useBook() {
  const invalidate = useInvalidateSchedule();
  return useMutation({
    mutationFn: (body: BookBody) => api.post<BookingAnswer>('/visit-bookings', body),
    onSettled: invalidate,
  });
}

export function useMoveBooking() {
  const invalidate = useInvalidateSchedule();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MoveBody }) =>
      api.post<BookingAnswer>(`/visit-bookings/${encodeURIComponent(id)}/move`, body),
    onSettled: invalidate,
  });
}

export function useCancelBooking() {
  const invalidate = useInvalidateSchedule();
  return useMutation({
    mutationFn: (id: string) => api.post(`/visit-bookings/${encodeURIComponent(id)}/cancel`, {}),
    onSettled: invalidate,
  });
}

export function useRequestStatus(id: string) {
  const invalidate = useInvalidateSchedule();
  return useMutation({
    mutationFn: (to: VisitRequestStatus) =>
      api.post<VisitRequestDetail>(`/visit-requests/${encodeURIComponent(id)}/status`, { to }),
    onSettled: invalidate,
  });
}

export function useBookingDetail(id: string | undefined) {
  return useQuery({
    queryKey: [...scheduleKey, 'booking', id],
    enabled: id !== undefined,
    queryFn: () =>
      api.get<import('@servix/server/modules/visits/visits.schema').BookingDetail>(
        `/visit-bookings/${encodeURIComponent(id ?? '')}`,
      ),
  });
}
