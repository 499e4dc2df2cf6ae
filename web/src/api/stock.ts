import type {
  CreateDocumentBody,
  CreateWarehouseBody,
  ReverseDocumentBody,
  StockDocument,
  UpdateDocumentBody,
  UpdateWarehouseBody,
  Warehouse,
} from '@servix/server/modules/stock/stock.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PageOf } from '../ui/list';
import { ApiError, api } from './client';

/**
 * Every cached stock answer: warehouses, documents, levels, part cards, low stock, valuation. A posting
 * changes levels, cards and valuation at once, so every stock write invalidates the whole key.
 */
export const stockKey = ['stock'] as const;
export const warehousesKey = [...stockKey, 'warehouses'] as const;
export const stockDocumentsKey = [...stockKey, 'documents'] as const;

const documentPath = (id: string) => `/stock/documents/${encodeURIComponent(id)}`;
const warehousePath = (id: string) => `/warehouses/${encodeURIComponent(id)}`;

/** The warehouses and vans in use, for pickers and filters (a company has a handful to a few dozen). */
export function useWarehouseOptions() {
  return useQuery({
    queryKey: [...warehousesKey, 'options'],
    queryFn: () => api.get<PageOf<Warehouse>>('/warehouses', { pageSize: 200, sort: 'code' }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}

function useAfterStockWrite() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: stockKey });
}

export function useCreateWarehouse() {
  const after = useAfterStockWrite();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateWarehouseBody>) => api.post<Warehouse>('/warehouses', body),
    onSuccess: after,
  });
}

export function useUpdateWarehouse() {
  const after = useAfterStockWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: z.input<typeof UpdateWarehouseBody> }) =>
      api.patch<Warehouse>(warehousePath(id), patch),
    onSuccess: after,
  });
}

export function useWarehouseAction() {
  const after = useAfterStockWrite();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'archive' | 'unarchive' }) =>
      api.post<Warehouse>(`${warehousePath(id)}/${action}`),
    onSuccess: after,
  });
}

export function useDeleteWarehouse() {
  const after = useAfterStockWrite();
  return useMutation({ mutationFn: (id: string) => api.delete(warehousePath(id)), onSuccess: after });
}

export function useStockDocument(id: string | undefined) {
  return useQuery({
    queryKey: [...stockDocumentsKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<StockDocument>(documentPath(id ?? '')),
  });
}

function useAfterDocumentWrite() {
  const queryClient = useQueryClient();
  return async (doc?: StockDocument) => {
    if (doc) queryClient.setQueryData([...stockDocumentsKey, 'one', doc.id], doc);
    await queryClient.invalidateQueries({ queryKey: stockKey });
  };
}

export function useCreateStockDocument() {
  const after = useAfterDocumentWrite();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateDocumentBody>) =>
      api.post<StockDocument>('/stock/documents', body),
    onSuccess: after,
  });
}

export function useUpdateStockDocument() {
  const after = useAfterDocumentWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof UpdateDocumentBody> }) =>
      api.put<StockDocument>(documentPath(id), body),
    onSuccess: after,
  });
}

export function usePostStockDocument() {
  const after = useAfterDocumentWrite();
  return useMutation({
    mutationFn: (id: string) => api.post<StockDocument>(`${documentPath(id)}/post`),
    onSuccess: after,
  });
}

export function useReverseStockDocument() {
  const after = useAfterDocumentWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof ReverseDocumentBody> }) =>
      api.post<StockDocument>(`${documentPath(id)}/reverse`, body),
    onSuccess: after,
  });
}

/** Drafts the return of a posted receipt's goods to its supplier: a new issue, dated today until the storekeeper edits it. */
export function useDraftSupplierReturn() {
  const after = useAfterDocumentWrite();
  return useMutation({
    mutationFn: (id: string) => api.post<StockDocument>(`${documentPath(id)}/supplier-return`),
    onSuccess: after,
  });
}

export function useDeleteStockDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(documentPath(id)),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: [...stockDocumentsKey, 'one', id] });
      return queryClient.invalidateQueries({ queryKey: stockKey });
    },
  });
}

/** The printable document (PDF) in the given language, to open in a new tab. */
export function stockDocumentPdfUrl(id: string, lang: 'bg' | 'en'): string {
  return `/api/v1${documentPath(id)}/pdf?lang=${lang}`;
}

/**
 * What a 409 insufficient_stock names: the part and warehouse, and how much is missing (thousandths); `date` when
 * the level would go below zero on a past day (a back-dated posting against what later documents already took).
 */
export interface Shortfall {
  partId: string;
  partCode: string;
  warehouseCode: string;
  requestedMilli: number;
  availableMilli: number;
  shortfallMilli: number;
  date: string | null;
}

export function shortfallOf(error: unknown): Shortfall | null {
  if (!(error instanceof ApiError) || error.code !== 'insufficient_stock') return null;
  const p: Record<string, unknown> = { ...error.problem };
  if (typeof p.partId !== 'string' || typeof p.shortfallMilli !== 'number') return null;
  return {
    partId: p.partId,
    partCode: String(p.partCode ?? ''),
    warehouseCode: String(p.warehouseCode ?? ''),
    requestedMilli: Number(p.requestedMilli ?? 0),
    availableMilli: Number(p.availableMilli ?? 0),
    shortfallMilli: p.shortfallMilli,
    date: typeof p.date === 'string' ? p.date : null,
  };
}

/** The vans of the technician linked to the signed-in user (none for most users). */
export function useMyVans() {
  return useQuery({
    queryKey: [...warehousesKey, 'mine'],
    queryFn: () => api.get<PageOf<Warehouse>>('/warehouses', { mine: 'true', pageSize: 10 }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
