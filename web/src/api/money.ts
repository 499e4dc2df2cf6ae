import type {
  AccountMovements,
  CashEntryBody,
  CreateMoneyAccountBody,
  CreateMovementBody,
  DayReport,
  MoneyAccount,
  Movement,
  PatchMoneyAccountBody,
} from '@servix/server/modules/money/money.schema';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export const moneyKey = ['money'] as const;

export function useMoneyAccounts() {
  return useQuery({
    queryKey: [...moneyKey, 'accounts'],
    queryFn: () => api.get<{ items: MoneyAccount[] }>('/money-accounts'),
  });
}

export function useMoneyAccount(id: string) {
  return useQuery({
    queryKey: [...moneyKey, 'account', id],
    queryFn: () => api.get<MoneyAccount>(`/money-accounts/${id}`),
  });
}

export function useAccountMovements(id: string, period: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...moneyKey, 'movements', id, period],
    queryFn: () => api.get<AccountMovements>(`/money-accounts/${id}/movements`, { ...period }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateMoneyAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMoneyAccountBody) => api.post<MoneyAccount>('/money-accounts', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moneyKey }),
  });
}

export function useCreateMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMovementBody) => api.post<Movement>('/money-movements', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moneyKey }),
  });
}

export function useCreateCashEntry(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CashEntryBody) => api.post<Movement>(`/money-accounts/${accountId}/cash`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moneyKey }),
  });
}

export function useUpdateMoneyAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: PatchMoneyAccountBody) => api.patch<MoneyAccount>(`/money-accounts/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moneyKey }),
  });
}

/** A cash desk's day: with the reconciliation against the fiscal device on its till (FIS-03). */
export function useDayReport(accountId: string, date: string, deviceCash: 'z_report' | 'live') {
  return useQuery({
    queryKey: [...moneyKey, 'day-report', accountId, date, deviceCash],
    queryFn: () => api.get<DayReport>(`/money-accounts/${accountId}/day-report`, { date, deviceCash }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The fiscal till's Z report: answers today's day report with the reconciliation. */
export function useCashDeskZReport(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<DayReport>(`/money-accounts/${accountId}/z-report`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moneyKey }),
  });
}

export function useReverseMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; reason: string; taskId?: string }) =>
      api.post<Movement>(`/money-movements/${id}/reverse`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moneyKey }),
  });
}

/** The day report's PDF, opened by the browser from the API (the session cookie goes with it). */
export function dayReportPdfUrl(accountId: string, date: string, language: 'bg' | 'bg+en' = 'bg'): string {
  return `/api/v1/money-accounts/${accountId}/day-report/pdf?date=${date}&language=${encodeURIComponent(language)}`;
}
