import type {
  CreateQuoteBody,
  FromOrderBody,
  PatchQuoteBody,
  PatchQuoteLineBody,
  QuoteDetail,
  QuoteLineBody,
  QuoteStatusBody,
} from '@servix/server/modules/quotes/quotes.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';
import { ordersKey } from './orders';
import { stockKey } from './stock';

/** Every cached quote answer (lists and quotes); any quote write invalidates the whole key. */
export const quotesKey = ['repair-quotes'] as const;
export const quotePath = (id: string) => `/repair-quotes/${encodeURIComponent(id)}`;
export const quotePdfUrl = (id: string, language: string) =>
  `/api/v1${quotePath(id)}/pdf?language=${language}`;

export function useQuote(id: string | undefined) {
  return useQuery({
    queryKey: [...quotesKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<QuoteDetail>(quotePath(id ?? '')),
  });
}

function useAfterQuoteWrite() {
  const queryClient = useQueryClient();
  return async (quote?: QuoteDetail) => {
    if (quote && typeof quote === 'object' && 'id' in quote)
      queryClient.setQueryData([...quotesKey, 'one', quote.id], quote);
    await queryClient.invalidateQueries({ queryKey: quotesKey });
  };
}

export function useCreateQuote() {
  const after = useAfterQuoteWrite();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateQuoteBody>) => api.post<QuoteDetail>('/repair-quotes', body),
    onSuccess: after,
  });
}

/** A quote from an order in diagnosis. */
export function useQuoteFromOrder() {
  const after = useAfterQuoteWrite();
  return useMutation({
    mutationFn: (body: z.input<typeof FromOrderBody>) =>
      api.post<QuoteDetail>('/repair-quotes/from-order', body),
    onSuccess: after,
  });
}

export function usePatchQuote() {
  const after = useAfterQuoteWrite();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: z.input<typeof PatchQuoteBody> }) =>
      api.patch<QuoteDetail>(quotePath(id), patch),
    onSuccess: after,
  });
}

/** Moves a quote; sending one made from an order moves that order to awaiting approval. */
export function useQuoteStatus() {
  const after = useAfterQuoteWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, to }: { id: string } & z.input<typeof QuoteStatusBody>) =>
      api.post<QuoteDetail>(`${quotePath(id)}/status`, { to }),
    onSuccess: async (quote) => {
      await after(quote);
      await queryClient.invalidateQueries({ queryKey: ordersKey });
    },
  });
}

/** Converts an accepted quote into a service order (or adds its lines to its order); parts are reserved. */
export function useConvertQuote() {
  const after = useAfterQuoteWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<QuoteDetail & { orderCreated: boolean }>(`${quotePath(id)}/convert`),
    onSuccess: async (quote) => {
      await after(quote);
      await queryClient.invalidateQueries({ queryKey: ordersKey });
      await queryClient.invalidateQueries({ queryKey: stockKey });
    },
  });
}

export function useQuoteLineWrite() {
  const after = useAfterQuoteWrite();
  return useMutation({
    mutationFn: ({
      quoteId,
      lineId,
      method,
      body,
    }: {
      quoteId: string;
      lineId?: string;
      method: 'POST' | 'PATCH' | 'DELETE';
      body?: z.input<typeof QuoteLineBody> | z.input<typeof PatchQuoteLineBody>;
    }) => {
      const path = `${quotePath(quoteId)}/lines${lineId ? `/${encodeURIComponent(lineId)}` : ''}`;
      if (method === 'DELETE') return api.delete<QuoteDetail>(path);
      if (method === 'PATCH') return api.patch<QuoteDetail>(path, body);
      return api.post<QuoteDetail>(path, body);
    },
    onSuccess: (q) => after(q ?? undefined),
  });
}
