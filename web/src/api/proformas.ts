import type {
  CancelProformaBody,
  ConvertProformaBody,
  ProformaDetail,
  ProformaFromOrderBody,
} from '@servix/server/modules/sales/proforma.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API_BASE, api } from './client';
import { invoicesKey } from './invoices';
import { ordersKey } from './orders';

/** Every cached proforma answer (lists and proformas); any proforma write invalidates the whole key. */
export const proformasKey = ['proformas'] as const;
export const proformaPath = (id: string) => `/proformas/${encodeURIComponent(id)}`;
/** The proforma PDF: bg, or bg_en (Bulgarian with English); never English only (INV-04). */
export const proformaPdfUrl = (id: string, language: 'bg' | 'bg_en') =>
  `${API_BASE}${proformaPath(id)}/pdf?language=${language}`;

export function useProforma(id: string | undefined) {
  return useQuery({
    queryKey: [...proformasKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<ProformaDetail>(proformaPath(id ?? '')),
  });
}

function useAfterProformaWrite() {
  const queryClient = useQueryClient();
  return async (proforma?: ProformaDetail) => {
    if (proforma) queryClient.setQueryData([...proformasKey, 'one', proforma.id], proforma);
    await queryClient.invalidateQueries({ queryKey: proformasKey });
    // Converting issues an invoice and may bill the order.
    await queryClient.invalidateQueries({ queryKey: invoicesKey });
    if (proforma?.orderId) await queryClient.invalidateQueries({ queryKey: ordersKey });
  };
}

/** A proforma of the order's lines the customer pays. */
export function useProformaFromOrder() {
  const after = useAfterProformaWrite();
  return useMutation({
    mutationFn: (body: z.input<typeof ProformaFromOrderBody>) =>
      api.post<ProformaDetail>('/proformas/from-order', body),
    onSuccess: after,
  });
}

/** Converts the proforma into an issued invoice (once: 409 proforma_already_converted). */
export function useConvertProforma() {
  const after = useAfterProformaWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof ConvertProformaBody> }) =>
      api.post<ProformaDetail>(`${proformaPath(id)}/convert`, body),
    onSuccess: after,
  });
}

export function useCancelProforma() {
  const after = useAfterProformaWrite();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof CancelProformaBody> }) =>
      api.post<ProformaDetail>(`${proformaPath(id)}/cancel`, body),
    onSuccess: after,
  });
}
