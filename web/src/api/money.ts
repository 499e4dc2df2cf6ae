import type {
  AccountMovements,
  CashEntryBody,
  CreateMoneyAccountBody,
  CreateMovementBody,
  MoneyAccount,
  Movement,
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

export function useReverseMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<Movement>(`/money-movements/${id}/reverse`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moneyKey }),
  });
}

/** The day report's PDF, opened by the browser from the API (the session cookie goes with it). */
export function dayReportPdfUrl(accountId: string, date: string, language: 'bg' | 'bg+en' = 'bg'): string {
  return `/api/v1/money-accounts/${accountId}/day-report/pdf?date=${date}&language=${encodeURIComponent(language)}`;
}
