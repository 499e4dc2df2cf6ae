/** How often the jobs screen asks for its page again while a job on it is queued or running. */
export const JOBS_POLL_MS = 2000;
