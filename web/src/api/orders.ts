import type {
  AddLineBody,
  Board,
  IntakeAnswer,
  IntakeBody,
  IntakeCheck,
  OrderDetail,
  OrderStatus,
  PatchLineBody,
  PatchOrderBody,
  ServiceSettings,
  ServiceSettingsBody,
  StatusLinkAnswer,
  TimelineEvent,
} from '@servix/server/modules/orders/orders.schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import { itemsKey } from './items';
import { partiesKey } from './parties';
import { stockKey } from './stock';

/** Every cached order answer: lists, board, "mine", records, timelines. Any order write invalidates the whole key. */
export const ordersKey = ['service-orders'] as const;
export const serviceSettingsKey = ['service-settings'] as const;

export const orderPath = (id: string) => `/service-orders/${encodeURIComponent(id)}`;

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: [...ordersKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<OrderDetail>(orderPath(id ?? '')),
  });
}

export function useOrderTimeline(id: string) {
  return useQuery({
    queryKey: [...ordersKey, 'timeline', id],
    queryFn: () => api.get<{ items: TimelineEvent[] } | TimelineEvent[]>(`${orderPath(id)}/timeline`),
  });
}

export function useOrderBoard(query: { technicianId?: string | null } = {}) {
  return useQuery({
    queryKey: [...ordersKey, 'board', query],
    queryFn: () => api.get<Board>('/service-orders/board', { technicianId: query.technicianId }),
    placeholderData: keepPreviousData,
  });
}

/**
 * What the desk must know before taking the item in: the manufacturer's warranty, the shop's warranty of earlier
 * repairs, the customer's overdue money. Asked as soon as the customer and the item (or its serial) are known.
 */
export function useIntakeCheck(params: {
  partyId?: string | null;
  itemId?: string | null;
  serial?: string | null;
}) {
  const enabled = Boolean(params.partyId || params.itemId || params.serial);
  return useQuery({
    queryKey: [...ordersKey, 'intake-check', params],
    enabled,
    queryFn: () =>
      api.get<IntakeCheck>('/service-orders/intake-check', {
        partyId: params.partyId,
        itemId: params.itemId,
        serial: params.itemId ? undefined : params.serial,
      }),
    placeholderData: keepPreviousData,
  });
}

function useAfterOrderWrite() {
  const queryClient = useQueryClient();
  return async (order?: OrderDetail) => {
    if (order && typeof order === 'object' && 'id' in order)
      queryClient.setQueryData([...ordersKey, 'one', order.id], order);
    await queryClient.invalidateQueries({ queryKey: ordersKey });
  };
}

export function useIntake() {
  const after = useAfterOrderWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof IntakeBody>) => api.post<IntakeAnswer>('/service-orders', body),
    onSuccess: async (order) => {
      await after(order);
      // A new customer or a new item may have come with the order.
      await queryClient.invalidateQueries({ queryKey: partiesKey });
      await queryClient.invalidateQueries({ queryKey: itemsKey });
    },
  });
}

export function useUpdateOrder() {
  const after = useAfterOrderWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: z.input<typeof PatchOrderBody> }) =>
      api.patch<OrderDetail>(orderPath(id), patch),
    onSuccess: after,
  });
}

/** Moves an order to another status; finishing and reopening post and reverse stock documents. */
export function useChangeStatus() {
  const after = useAfterOrderWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      to,
      reason,
      refused,
    }: {
      id: string;
      to: OrderStatus;
      reason?: string;
      refused?: boolean;
    }) => api.post<OrderDetail>(`${orderPath(id)}/status`, { to, reason: reason || undefined, refused }),
    onSuccess: async (order) => {
      await after(order);
      await queryClient.invalidateQueries({ queryKey: stockKey });
      await queryClient.invalidateQueries({ queryKey: itemsKey });
    },
  });
}

/** A line's write (add, change, remove): reservations change with it. */
export function useLineWrite() {
  const after = useAfterOrderWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      orderId,
      lineId,
      method,
      body,
    }: {
      orderId: string;
      lineId?: string;
      method: 'POST' | 'PATCH' | 'DELETE';
      body?: z.input<typeof AddLineBody> | z.input<typeof PatchLineBody>;
    }) => {
      const path = `${orderPath(orderId)}/lines${lineId ? `/${encodeURIComponent(lineId)}` : ''}`;
      if (method === 'DELETE') return api.delete<OrderDetail | undefined>(path);
      if (method === 'PATCH') return api.patch<OrderDetail>(path, body);
      return api.post<OrderDetail>(path, body);
    },
    onSuccess: async () => {
      await after();
      await queryClient.invalidateQueries({ queryKey: stockKey });
    },
  });
}

export function useCreateLink() {
  const after = useAfterOrderWrite();
  return useMutation({
    mutationFn: (id: string) => api.post<StatusLinkAnswer>(`${orderPath(id)}/link`),
    onSuccess: () => after(),
  });
}

export function useRevokeLink() {
  const after = useAfterOrderWrite();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${orderPath(id)}/link`),
    onSuccess: () => after(),
  });
}

export function useServiceSettings() {
  return useQuery({
    queryKey: serviceSettingsKey,
    queryFn: () => api.get<ServiceSettings>('/service-settings'),
  });
}

export function useSaveServiceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ServiceSettingsBody>) =>
      api.put<ServiceSettings>('/service-settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(serviceSettingsKey, saved);
      return queryClient.invalidateQueries({ queryKey: ordersKey });
    },
  });
}

/** The PDF of an order's document, in the chosen language: a plain link the browser opens. */
export function orderPdfUrl(
  id: string,
  doc: 'intake' | 'work-report' | 'warranty-protocol' | 'warranty-card',
  language: string,
  /** The intake only: the status link's token the intake answered, so the protocol prints its QR code. */
  token?: string | null,
): string {
  const base = `/api/v1${orderPath(id)}/pdf/${doc}?language=${language}`;
  return token ? `${base}&token=${encodeURIComponent(token)}` : base;
}
