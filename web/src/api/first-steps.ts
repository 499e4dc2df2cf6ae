import type { FirstSteps } from '@servix/server/modules/onboarding/onboarding.schema';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export const firstStepsKey = ['first-steps'] as const;

/** How far a new company is with its first steps; asked afresh each time home opens, so the ticks follow the work. */
export function useFirstSteps() {
  return useQuery({
    queryKey: firstStepsKey,
    queryFn: () => api.get<FirstSteps>('/first-steps'),
    refetchOnMount: 'always',
  });
}
