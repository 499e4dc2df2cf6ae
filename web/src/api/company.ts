import type {
  CompanySettings,
  CompanySettingsInput,
  LockDate,
} from '@servix/server/modules/company/company.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export const companyKey = ['company'] as const;

export function useCompany(enabled = true) {
  return useQuery({
    queryKey: companyKey,
    enabled,
    queryFn: () => api.get<CompanySettings>('/company'),
  });
}

export function useSaveCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CompanySettingsInput) => api.put<CompanySettings>('/company', input),
    onSuccess: (saved) => queryClient.setQueryData(companyKey, saved),
  });
}

/** Closes the books up to a date, or reopens them with null (admin and accountant). */
export function useSetLockDate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lockDate: string | null) => api.put<LockDate>('/company/lock-date', { lockDate }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKey }),
  });
}

/** Sets the logo from a data URL (PNG, JPEG or WebP; stored re-encoded as PNG), or removes it with null. */
export function useCompanyLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dataUrl: string | null) =>
      dataUrl === null ? api.delete('/company/logo') : api.put<void>('/company/logo', { dataUrl }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKey }),
  });
}

/** The logo's address; the version makes the browser load a replaced logo again. */
export function logoUrl(version: string): string {
  return `/api/v1/company/logo?v=${encodeURIComponent(version)}`;
}
