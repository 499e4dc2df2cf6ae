export { JOB_RULES, JOBS_ACCESS } from './jobs.access';
export { attachJobRunner, type JobRunnerSettings, jobsRoutes } from './jobs.routes';
export type { Job } from './jobs.schema';
export {
  enqueueJob,
  findJobRow,
  getJob,
  type JobContext,
  JobError,
  JobFailure,
  type JobHandler,
  JobRunner,
  registerJobHandler,
  retryDelayMs,
  schedulePeriodic,
  storeJobText,
  unregisterJobHandler,
  unschedulePeriodic,
} from './jobs.service';
