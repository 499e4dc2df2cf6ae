import type {
  GoodsNote,
  GoodsNoteFromOrderBody,
} from '@servix/server/modules/goods-notes/goods-notes.schema';
import type { ReceiptFromOrderBody, SaleReceipt } from '@servix/server/modules/receipts/receipts.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API_BASE, api } from './client';
import { moneyKey } from './money';
import { ordersKey } from './orders';

/** The PDFs of the closing documents that have no page of their own (ADR 0022, 0024). */
export const goodsNotePdfUrl = (id: string) => `${API_BASE}/goods-notes/${encodeURIComponent(id)}/pdf`;
export const saleReceiptPdfUrl = (id: string) => `${API_BASE}/sale-receipts/${encodeURIComponent(id)}/pdf`;

/** Closes a ready order with a goods delivery note (a zero-value handover when the customer pays nothing). */
export function useGoodsNoteFromOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof GoodsNoteFromOrderBody>) =>
      api.post<GoodsNote>('/goods-notes/from-order', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ordersKey }),
  });
}

/** Closes a ready order with a sale receipt paid into a cash desk. */
export function useReceiptFromOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ReceiptFromOrderBody>) =>
      api.post<SaleReceipt>('/sale-receipts/from-order', body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ordersKey });
      await queryClient.invalidateQueries({ queryKey: moneyKey });
    },
  });
}
