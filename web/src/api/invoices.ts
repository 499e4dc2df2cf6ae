import type {
  AdvanceInvoiceBody,
  CancelInvoiceBody,
  CreateNoteBody,
  FromOrderBody,
  InvoiceDetail,
} from '@servix/server/modules/sales/sales.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API_BASE, api } from './client';
import { ordersKey } from './orders';

/** Every cached invoice answer (lists and invoices); any invoice write invalidates the whole key. */
export const invoicesKey = ['invoices'] as const;
export const invoicePath = (id: string) => `/invoices/${encodeURIComponent(id)}`;
/** The invoice PDF: bg, or bg_en (Bulgarian with English); never English only (INV-04). */
export const invoicePdfUrl = (id: string, language: 'bg' | 'bg_en') =>
  `${API_BASE}${invoicePath(id)}/pdf?language=${language}`;

export function useInvoice(id: string | undefined) {
  return useQuery({
    queryKey: [...invoicesKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<InvoiceDetail>(invoicePath(id ?? '')),
  });
}

function useAfterInvoiceWrite() {
  const queryClient = useQueryClient();
  return async (invoice?: InvoiceDetail) => {
    if (invoice) queryClient.setQueryData([...invoicesKey, 'one', invoice.id], invoice);
    await queryClient.invalidateQueries({ queryKey: invoicesKey });
    // Billing or cancelling changes what the order page offers.
    if (invoice?.orderId) await queryClient.invalidateQueries({ queryKey: ordersKey });
  };
}

/** An advance invoice (INV-06), issued at once. */
export function useAdvanceInvoice() {
  const after = useAfterInvoiceWrite();
  return useMutation({
    mutationFn: (body: z.input<typeof AdvanceInvoiceBody>) =>
      api.post<InvoiceDetail>('/invoices/advance', body),
    onSuccess: after,
  });
}

/** Bills a ready or delivered service order in one step: the issued invoice. */
export function useInvoiceFromOrder() {
  const after = useAfterInvoiceWrite();
  return useMutation({
    mutationFn: (body: z.input<typeof FromOrderBody>) =>
      api.post<InvoiceDetail>('/invoices/from-order', body),
    onSuccess: after,
  });
}

export function useIssueInvoice() {
  const after = useAfterInvoiceWrite();
  return useMutation({
    mutationFn: (id: string) => api.post<InvoiceDetail>(`${invoicePath(id)}/issue`),
    onSuccess: after,
  });
}

export function useCancelInvoice() {
  const after = useAfterInvoiceWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof CancelInvoiceBody> }) =>
      api.post<InvoiceDetail>(`${invoicePath(id)}/cancel`, body),
    onSuccess: after,
  });
}

/** The cancellation protocol of a cancelled invoice or note (INV-12): bg, or bg_en. */
export const cancellationProtocolUrl = (id: string, language: 'bg' | 'bg_en') =>
  `${API_BASE}${invoicePath(id)}/cancellation-protocol.pdf?language=${language}`;

/** A credit or debit note against an issued invoice (INV-11), issued at once unless asked otherwise. */
export function useCreateNote() {
  const after = useAfterInvoiceWrite();
  return useMutation({
    mutationFn: ({
      id,
      kind,
      body,
    }: {
      id: string;
      kind: 'credit_note' | 'debit_note';
      body: z.input<typeof CreateNoteBody>;
    }) =>
      api.post<InvoiceDetail>(
        `${invoicePath(id)}/${kind === 'credit_note' ? 'credit-note' : 'debit-note'}`,
        body,
      ),
    onSuccess: after,
  });
}
