import type { CreateVisitRequestBody, VisitRequestDetail } from '@servix/server/modules/visits/visits.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';

/** Every cached visit request answer. */
export const visitRequestsKey = ['visit-requests'] as const;

export function useCreateVisitRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateVisitRequestBody>) =>
      api.post<VisitRequestDetail>('/visit-requests', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitRequestsKey }),
  });
}
