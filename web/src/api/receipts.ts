import type {
  CounterSaleBody,
  SaleReceipt,
  SaleReceiptStorno,
  StornoBody,
} from '@servix/server/modules/receipts/receipts.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API_BASE, api } from './client';
import { moneyKey } from './money';
import { stockKey } from './stock';

/** Every cached sale receipt answer (lists and receipts); any receipt write invalidates the whole key. */
export const receiptsKey = ['sale-receipts'] as const;
export const receiptPath = (id: string) => `/sale-receipts/${encodeURIComponent(id)}`;
/** The customer's copy as a PDF: bg, or bg_en (Bulgarian with English). */
export const receiptPdfUrl = (id: string, language: 'bg' | 'bg_en') =>
  `${API_BASE}${receiptPath(id)}/pdf?language=${language}`;

export function useReceipt(id: string | undefined) {
  return useQuery({
    queryKey: [...receiptsKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<SaleReceipt>(receiptPath(id ?? '')),
  });
}

function useAfterReceiptWrite() {
  const queryClient = useQueryClient();
  return async (receipt?: SaleReceipt) => {
    if (receipt) queryClient.setQueryData([...receiptsKey, 'one', receipt.id], receipt);
    await queryClient.invalidateQueries({ queryKey: receiptsKey });
    // A sale moves money into the cash desk and parts out of the warehouse.
    await queryClient.invalidateQueries({ queryKey: moneyKey });
    await queryClient.invalidateQueries({ queryKey: stockKey });
  };
}

/** Sells parts over the counter (ADR 0026): the receipt, paid, printed, the stock issued. */
export function useCounterSale() {
  const after = useAfterReceiptWrite();
  return useMutation({
    mutationFn: (body: z.input<typeof CounterSaleBody>) =>
      api.post<SaleReceipt>('/sale-receipts/counter-sale', body),
    onSuccess: after,
  });
}

/** Prints a receipt the fiscal device has not printed yet (the same УНП). */
export function usePrintReceipt() {
  const after = useAfterReceiptWrite();
  return useMutation({
    mutationFn: (id: string) => api.post<SaleReceipt>(`${receiptPath(id)}/print`),
    onSuccess: after,
  });
}

/** Reverses a receipt (сторно) with its reason. */
export function useStornoReceipt() {
  const after = useAfterReceiptWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof StornoBody> }) =>
      api.post<SaleReceipt>(`${receiptPath(id)}/storno`, body),
    onSuccess: after,
  });
}

/** Prints a refund's storno the device has not printed yet (FIS-02, ADR 0040); refunds and payments reload. */
export function usePrintStorno() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<SaleReceiptStorno>(`/sale-receipt-stornos/${encodeURIComponent(id)}/print`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: receiptsKey });
      await queryClient.invalidateQueries({ queryKey: ['payments'] });
    },
  });
}
