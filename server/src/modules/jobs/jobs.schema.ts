import { z } from 'zod';
import { IdParams } from '../../kernel/ids';

/**
 * Every kind of job the server runs: the web shows each by name in Bulgarian and English (web/src/i18n/i18n.test.ts),
 * and jobs.kinds.test.ts checks this list against the handlers the app registers.
 */
export const JOB_KINDS = ['auth.purge', 'import', 'mail.send', 'sales.rendering'] as const;

export const JobStatus = z.enum(['queued', 'running', 'done', 'failed']);

export const Job = z.object({
  id: z.string(),
  kind: z.string().describe('What the job does, e.g. import'),
  status: JobStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAfter: z.string().describe('Not started before this instant (retries wait with growing delays)'),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  lastError: z.string().nullable().describe('The error code of the last failed attempt'),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobListQuery = z.strictObject({
  kind: z.string().max(64).optional(),
  status: JobStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobListQuery = z.infer<typeof JobListQuery>;

export const JobIdParams = IdParams;
