import type {
  FiscalActionAnswer,
  FiscalDeviceBody,
  FiscalDevicePatch,
  FiscalDeviceSettings,
  FiscalDeviceSettingsBody,
  FiscalDeviceTestAnswer,
  FiscalSite,
  FiscalSiteBody,
  FiscalWorkstation,
  FiscalWorkstationBody,
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

// ---------------------------------------------------------------- sites, devices, workstations (ADR 0041)

export const fiscalSitesKey = ['fiscal-sites'] as const;
export const fiscalWorkstationsKey = ['fiscal-workstations'] as const;

export function useFiscalSites() {
  return useQuery({
    queryKey: fiscalSitesKey,
    queryFn: () => api.get<{ items: FiscalSite[] }>('/fiscal-sites'),
  });
}

export function useFiscalWorkstations() {
  return useQuery({
    queryKey: fiscalWorkstationsKey,
    queryFn: () => api.get<{ items: FiscalWorkstation[] }>('/fiscal-workstations'),
  });
}

export type FiscalSiteWrite =
  | { entity: 'site'; body: FiscalSiteBody }
  | { entity: 'device'; body: FiscalDeviceBody }
  | { entity: 'workstation'; body: FiscalWorkstationBody }
  | { entity: 'device-patch'; id: string; body: FiscalDevicePatch };

/** Creates a site, a device or a workstation, or changes a device; the sites and workstations are read again. */
export function useWriteFiscalSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (w: FiscalSiteWrite): Promise<unknown> => {
      if (w.entity === 'site') return api.post('/fiscal-sites', w.body);
      if (w.entity === 'device') return api.post('/fiscal-devices', w.body);
      if (w.entity === 'workstation') return api.post('/fiscal-workstations', w.body);
      return api.patch(`/fiscal-devices/${encodeURIComponent(w.id)}`, w.body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: fiscalSitesKey });
      void queryClient.invalidateQueries({ queryKey: fiscalWorkstationsKey });
      void queryClient.invalidateQueries({ queryKey: fiscalDeviceKey });
    },
  });
}
