import type { Signature } from '@servix/server/modules/attachments/attachments.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_BASE, api, request } from './client';
import { orderPath, ordersKey } from './orders';

const signatureKey = (orderId: string) => [...ordersKey, 'signature', orderId] as const;

/** The address of the signature's PNG; `version` (its sha256) makes a new signature a new address for the browser. */
export function orderSignatureImageUrl(orderId: string, version?: string): string {
  const path = `${API_BASE}${orderPath(orderId)}/signature/image`;
  return version ? `${path}?v=${encodeURIComponent(version.slice(0, 16))}` : path;
}

/** The work report of the order as a PDF (bg by default; en on request). */
export function orderWorkReportUrl(orderId: string, language: string): string {
  return `${API_BASE}${orderPath(orderId)}/work-report.pdf?language=${language === 'en' ? 'en' : 'bg'}`;
}

/** Who signed the order and when; null while it is not signed. */
export function useOrderSignature(orderId: string) {
  return useQuery({
    queryKey: signatureKey(orderId),
    queryFn: () => api.get<Signature | null>(`${orderPath(orderId)}/signature`),
  });
}

/** Saves the drawn signature (the PNG itself as the body) with the signer's name; replaces the one the order had. */
export function useSignOrder(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ png, signerName }: { png: Blob; signerName: string }) =>
      request<Signature>('PUT', `${orderPath(orderId)}/signature`, {
        text: { body: await png.arrayBuffer(), contentType: 'image/png' },
        query: { signerName },
      }),
    onSuccess: (signature) => queryClient.setQueryData(signatureKey(orderId), signature),
    onSettled: () => queryClient.invalidateQueries({ queryKey: signatureKey(orderId) }),
  });
}

export function useDeleteOrderSignature(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`${orderPath(orderId)}/signature`),
    onSuccess: () => queryClient.setQueryData(signatureKey(orderId), null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: signatureKey(orderId) }),
  });
}
