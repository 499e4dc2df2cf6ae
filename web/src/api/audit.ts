import type { Page } from '@servix/server/kernel/list-query';
import type { AuditEntry } from '@servix/server/modules/audit/audit.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';

export type AuditPage = z.infer<ReturnType<typeof Page<typeof AuditEntry>>>;

export function useAuditLog(params: { entity?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => api.get<AuditPage>('/audit', params),
    placeholderData: keepPreviousData,
  });
}
