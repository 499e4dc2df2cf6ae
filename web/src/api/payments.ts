import type {
  AllocateBody,
  BankImportBody,
  BankPreview,
  BankPreviewBody,
  CreatePaymentBody,
  CreateRefundBody,
  InvoiceSettlement,
  OpenInvoices,
  Payment,
  Receivables,
  Refund,
  Refundable,
} from '@servix/server/modules/payments/payments.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { invoicesKey } from './invoices';
import { moneyKey } from './money';

/** Every cached payments and receivables answer; any payment write invalidates it, the invoices and the money. */
export const paymentsKey = ['payments'] as const;

function useAfterPaymentWrite() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: paymentsKey }),
      queryClient.invalidateQueries({ queryKey: invoicesKey }),
      queryClient.invalidateQueries({ queryKey: moneyKey }),
    ]);
  };
}

export function usePayment(id: string | undefined) {
  return useQuery({
    queryKey: [...paymentsKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Payment>(`/payments/${encodeURIComponent(id ?? '')}`),
  });
}

export function useOpenInvoices(partyId: string | null) {
  return useQuery({
    queryKey: [...paymentsKey, 'open', partyId],
    enabled: partyId !== null,
    queryFn: () => api.get<OpenInvoices>('/payments/open-invoices', { partyId: partyId ?? '' }),
  });
}

export function useInvoicePayments(invoiceId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...paymentsKey, 'invoice', invoiceId],
    enabled: enabled && invoiceId !== undefined,
    queryFn: () => api.get<InvoiceSettlement>(`/invoices/${encodeURIComponent(invoiceId ?? '')}/payments`),
  });
}

export function useReceivables(query: { date?: string; overdueOnly?: 'true' }) {
  return useQuery({
    queryKey: [...paymentsKey, 'receivables', query],
    queryFn: () => api.get<Receivables>('/receivables', query),
  });
}

export function useCreatePayment() {
  const after = useAfterPaymentWrite();
  return useMutation({
    mutationFn: (body: CreatePaymentBody) => api.post<Payment>('/payments', body),
    onSuccess: after,
  });
}

export function useAllocatePayment(id: string) {
  const after = useAfterPaymentWrite();
  return useMutation({
    mutationFn: (body: AllocateBody) =>
      api.post<Payment>(`/payments/${encodeURIComponent(id)}/allocations`, body),
    onSuccess: after,
  });
}

export function useUndoAllocation() {
  const after = useAfterPaymentWrite();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<void>(`/payment-allocations/${encodeURIComponent(id)}/undo`, { reason }),
    onSuccess: after,
  });
}

export const ageingCsvUrl = (date: string) => `/api/v1/receivables/ageing.csv?date=${date}`;

/** Reads a bank statement against a bank account: each line with its proposed match; writes nothing. */
export function usePreviewBankStatement(accountId: string) {
  return useMutation({
    mutationFn: (body: BankPreviewBody) =>
      api.post<BankPreview>(`/money-accounts/${encodeURIComponent(accountId)}/bank-statement/preview`, body),
  });
}

/** Imports the confirmed lines of a bank statement as bank transfer payments. */
export function useImportBankStatement(accountId: string) {
  const after = useAfterPaymentWrite();
  return useMutation({
    mutationFn: (body: BankImportBody) =>
      api.post<{ imported: number; payments: { hash: string; paymentId: string; number: string }[] }>(
        `/money-accounts/${encodeURIComponent(accountId)}/bank-statement/import`,
        body,
      ),
    onSuccess: after,
  });
}

/** What a customer may be paid back now: credit notes on paid invoices and unused advances (ADR 0029). */
export function useRefundable(partyId: string | null, enabled = true) {
  return useQuery({
    queryKey: [...paymentsKey, 'refundable', partyId],
    enabled: enabled && partyId !== null,
    queryFn: () => api.get<Refundable>('/refunds/refundable', { partyId: partyId ?? '' }),
  });
}

/** The refunds paid against one credit note, newest first. */
export function useNoteRefunds(noteId: string, enabled = true) {
  return useQuery({
    queryKey: [...paymentsKey, 'refunds', noteId],
    enabled,
    queryFn: () => api.get<{ items: Refund[] }>('/refunds', { creditNoteId: noteId, pageSize: 100 }),
  });
}

/** The refunds of one payment's advance, newest first (ADR 0044). */
export function usePaymentRefunds(paymentId: string, enabled = true) {
  return useQuery({
    queryKey: [...paymentsKey, 'refunds', 'payment', paymentId],
    enabled,
    queryFn: () => api.get<{ items: Refund[] }>('/refunds', { paymentId, pageSize: 100 }),
  });
}

export function useCreateRefund() {
  const after = useAfterPaymentWrite();
  return useMutation({
    mutationFn: (body: CreateRefundBody) => api.post<Refund>('/refunds', body),
    onSuccess: after,
  });
}

export function useUndoRefund() {
  const after = useAfterPaymentWrite();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<Refund>(`/refunds/${encodeURIComponent(id)}/undo`, { reason }),
    onSuccess: after,
  });
}
