import type {
  CreateSeriesBody,
  NumberingSeries,
  UpdateSeriesBody,
} from '@servix/server/modules/numbering/numbering.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export const numberingKey = ['numbering-series'] as const;

export function useNumberingSeries() {
  return useQuery({
    queryKey: numberingKey,
    queryFn: async () => (await api.get<{ items: NumberingSeries[] }>('/numbering-series')).items,
  });
}

export function useCreateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSeriesBody) => api.post<NumberingSeries>('/numbering-series', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: numberingKey }),
  });
}

export function useUpdateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateSeriesBody }) =>
      api.patch<NumberingSeries>(`/numbering-series/${encodeURIComponent(id)}`, patch),
    // Making one series the default changes the others of its kind too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: numberingKey }),
  });
}
