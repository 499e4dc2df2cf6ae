import type { Page } from '@servix/server/kernel/list-query';
import type { Job } from '@servix/server/modules/jobs/jobs.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './client';

export type JobsPage = z.infer<ReturnType<typeof Page<typeof Job>>>;

/** How often the list is asked again while a job on it is queued or running. */
export const JOBS_POLL_MS = 2000;

/** The background jobs, newest first; refreshed while any shown job is still queued or running. */
export function useJobs(params: { status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['jobs', params],
    queryFn: () => api.get<JobsPage>('/jobs', params),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((j) => j.status === 'queued' || j.status === 'running')
        ? JOBS_POLL_MS
        : false,
  });
}
