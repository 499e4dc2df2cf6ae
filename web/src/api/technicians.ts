import type {
  CreateTechnicianBody,
  PayTermsInput,
  Technician,
  UpdateTechnicianBody,
} from '@servix/server/modules/technicians/technicians.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListQuery } from '../ui/list/use-list-state';
import { usePagedList } from '../ui/list/use-paged-list';
import { api } from './client';

export const techniciansKey = ['technicians'] as const;
export const TECHNICIANS_PATH = '/technicians';

const pathOf = (id: string) => `${TECHNICIANS_PATH}/${encodeURIComponent(id)}`;

export function useTechnicians(query: ListQuery) {
  return usePagedList<Technician>(techniciansKey, TECHNICIANS_PATH, query);
}

export function useTechnician(id: string | undefined) {
  return useQuery({
    queryKey: [...techniciansKey, 'one', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Technician>(pathOf(id ?? '')),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: techniciansKey });
}

export function useCreateTechnician() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateTechnicianBody) => api.post<Technician>(TECHNICIANS_PATH, body),
    onSuccess: invalidate,
  });
}

export function useUpdateTechnician() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateTechnicianBody }) =>
      api.patch<Technician>(pathOf(id), patch),
    onSuccess: invalidate,
  });
}

export function useSetTechnicianArchived() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      api.post<Technician>(`${pathOf(id)}/${archived ? 'archive' : 'unarchive'}`),
    onSuccess: invalidate,
  });
}

/** New pay terms from a date; the earlier terms stay as history. */
export function useAddPayTerms(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PayTermsInput) => api.post<Technician>(`${pathOf(id)}/pay-terms`, body),
    onSuccess: invalidate,
  });
}
