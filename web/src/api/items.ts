import type {
  CreateItemBody,
  Item,
  ItemHistory,
  ItemWarranty,
  TransferItemBody,
  UpdateItemBody,
} from '@servix/server/modules/items/items.schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Every cached item list and record; invalidated after any write to an item. */
export const itemsKey = ['items'] as const;

const itemPath = (id: string) => `/items/${encodeURIComponent(id)}`;

export function useItem(id: string | undefined) {
  return useQuery({
    queryKey: [...itemsKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Item>(itemPath(id ?? '')),
  });
}

/** The manufacturer's warranty of the item on a date ('YYYY-MM-DD'). */
export function useItemWarranty(id: string, date: string | null) {
  return useQuery({
    queryKey: [...itemsKey, 'warranty', id, date],
    enabled: date !== null,
    queryFn: () => api.get<ItemWarranty>(`${itemPath(id)}/warranty`, { date: date ?? undefined }),
    placeholderData: keepPreviousData,
  });
}

export function useItemHistory(id: string) {
  return useQuery({
    queryKey: [...itemsKey, 'history', id],
    queryFn: () => api.get<ItemHistory>(`${itemPath(id)}/history`),
  });
}

function useAfterItemWrite() {
  const queryClient = useQueryClient();
  return async (item?: Item) => {
    if (item) queryClient.setQueryData([...itemsKey, 'one', item.id], item);
    await queryClient.invalidateQueries({ queryKey: itemsKey });
  };
}

export function useCreateItem() {
  const after = useAfterItemWrite();
  return useMutation({
    mutationFn: (body: CreateItemBody) => api.post<Item>('/items', body),
    onSuccess: after,
  });
}

export function useUpdateItem() {
  const after = useAfterItemWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateItemBody }) =>
      api.patch<Item>(itemPath(id), patch),
    onSuccess: after,
  });
}

export function useTransferItem() {
  const after = useAfterItemWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TransferItemBody }) =>
      api.post<Item>(`${itemPath(id)}/transfer`, body),
    onSuccess: after,
  });
}

export function useItemAction() {
  const after = useAfterItemWrite();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'archive' | 'unarchive' }) =>
      api.post<Item>(`${itemPath(id)}/${action}`),
    onSuccess: after,
  });
}

export function useDeleteItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(itemPath(id)),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: [...itemsKey, 'one', id] });
      return queryClient.invalidateQueries({ queryKey: itemsKey });
    },
  });
}
