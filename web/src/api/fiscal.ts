import type {
  FiscalActionAnswer,
  FiscalDeviceSettings,
  FiscalDeviceSettingsBody,
  FiscalDeviceTestAnswer,
} from '@servix/server/modules/fiscal/fiscal.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export const fiscalDeviceKey = ['fiscal-device'] as const;

export function useFiscalDeviceSettings() {
  return useQuery({
    queryKey: fiscalDeviceKey,
    queryFn: () => api.get<FiscalDeviceSettings>('/fiscal-device'),
  });
}

export function useSaveFiscalDeviceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FiscalDeviceSettingsBody) => api.put<FiscalDeviceSettings>('/fiscal-device', body),
    onSuccess: (saved) => queryClient.setQueryData(fiscalDeviceKey, saved),
  });
}

export function useTestFiscalDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FiscalDeviceTestAnswer>('/fiscal-device/test'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: fiscalDeviceKey }),
  });
}

export type FiscalDeviceAction =
  | { action: 'x-report' | 'z-report' | 'duplicate' }
  | { action: 'deposit' | 'withdraw'; amountCents: number }
  | { action: 'retry'; taskId: string; afterUnknown?: 'reprint' };

export function useFiscalDeviceAction() {
  return useMutation({
    mutationFn: (a: FiscalDeviceAction) => {
      if (a.action === 'retry')
        return api.post<FiscalActionAnswer>(`/fiscal-device/tasks/${encodeURIComponent(a.taskId)}/retry`, {
          ...(a.afterUnknown ? { afterUnknown: a.afterUnknown } : {}),
        });
      if (a.action === 'deposit' || a.action === 'withdraw')
        return api.post<FiscalActionAnswer>(`/fiscal-device/${a.action}`, { amountCents: a.amountCents });
      return api.post<FiscalActionAnswer>(`/fiscal-device/${a.action}`);
    },
  });
}
