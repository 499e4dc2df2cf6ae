import type {
  CreateVatRateBody,
  VatRate,
  VatRateList,
} from '@servix/server/modules/company/vat-rates.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export const vatRatesKey = ['vat-rates'] as const;

/** The company's dated VAT rates (INV-08). */
export function useVatRates() {
  return useQuery({ queryKey: vatRatesKey, queryFn: () => api.get<VatRateList>('/vat-rates') });
}

export function useCreateVatRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVatRateBody) => api.post<VatRate>('/vat-rates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vatRatesKey }),
  });
}
