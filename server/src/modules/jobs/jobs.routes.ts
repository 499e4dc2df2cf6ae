import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database';
import { Page } from '../../kernel/list-query';
import { Job, JobIdParams, JobListQuery } from './jobs.schema';
import { getJob, JobRunner, listJobs, type RunnerOptions } from './jobs.service';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's job runner: started when the app is ready, stopped when it closes. */
    jobs: JobRunner;
  }
}

export interface JobRunnerSettings extends Omit<RunnerOptions, 'log'> {
  /** false: the app does not run jobs itself (another process or a test drives a runner). */
  autoStart?: boolean;
}

/** Gives the app its job runner; it runs from onReady to onClose, so `servix serve` and tests alike run jobs. */
export function attachJobRunner(app: FastifyInstance, db: Db, settings: JobRunnerSettings = {}): void {
  const runner = new JobRunner(db, { ...settings, log: app.log });
  app.decorate('jobs', runner);
  if (settings.autoStart === false) return;
  app.addHook('onReady', async () => runner.start());
  app.addHook('onClose', async () => runner.stop());
}

export async function jobsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/v1/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Background jobs, newest first: kind, status, progress, attempts and the last error',
        querystring: JobListQuery,
        response: { 200: Page(Job) },
      },
    },
    async (req) => listJobs(db, req.query),
  );

  r.get(
    '/api/v1/jobs/:id',
    {
      schema: { tags: ['jobs'], summary: 'One background job', params: JobIdParams, response: { 200: Job } },
    },
    async (req) => getJob(db, req.params.id),
  );
}
