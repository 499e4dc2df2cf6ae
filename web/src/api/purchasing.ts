import type {
  PatchPurchaseRequestBody,
  PurchaseRequest,
  PurchaseRequestListItem,
  PurchaseRequestStatus,
} from '@servix/server/modules/purchasing/purchasing.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PageOf } from '../ui/list';
import { api } from './client';
import { ordersKey } from './orders';
import { stockKey } from './stock';

/** Every cached purchase request answer; a write also changes stock documents and the orders they serve. */
export const purchaseRequestsKey = ['purchase-requests'] as const;
const requestPath = (id: string) => `/purchase-requests/${encodeURIComponent(id)}`;

export function usePurchaseRequest(id: string | undefined) {
  return useQuery({
    queryKey: [...purchaseRequestsKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<PurchaseRequest>(requestPath(id ?? '')),
  });
}

/** The requests serving one service order, with their lines: which request each waiting line is on. */
export function useRequestsOfOrder(orderId: string) {
  return useQuery({
    queryKey: [...purchaseRequestsKey, 'of-order', orderId],
    queryFn: async () => {
      const page = await api.get<PageOf<PurchaseRequestListItem>>('/purchase-requests', {
        sourceId: orderId,
        pageSize: 50,
      });
      return Promise.all(page.items.map((r) => api.get<PurchaseRequest>(requestPath(r.id))));
    },
    staleTime: 10_000,
  });
}

function useAfterWrite() {
  const queryClient = useQueryClient();
  return async (request?: PurchaseRequest) => {
    if (request) queryClient.setQueryData([...purchaseRequestsKey, 'one', request.id], request);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: purchaseRequestsKey }),
      queryClient.invalidateQueries({ queryKey: stockKey }),
      queryClient.invalidateQueries({ queryKey: ordersKey }),
    ]);
  };
}

export function usePatchPurchaseRequest() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: z.input<typeof PatchPurchaseRequestBody> }) =>
      api.patch<PurchaseRequest>(requestPath(id), patch),
    onSuccess: after,
  });
}

export function useMovePurchaseRequest() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: ({ id, to }: { id: string; to: PurchaseRequestStatus }) =>
      api.post<PurchaseRequest>(`${requestPath(id)}/status`, { to }),
    onSuccess: after,
  });
}

export function useReceivePurchaseRequest() {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ receiptId: string; request: PurchaseRequest }>(`${requestPath(id)}/receive`, {}),
    onSuccess: (answer) => after(answer.request),
  });
}
