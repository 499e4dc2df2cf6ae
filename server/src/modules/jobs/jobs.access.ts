import { type Access, ROLE_GROUPS } from '../../kernel/access';

/** The background job list: the office managers watch it (jobs carry no business data, only their state). */
export const JOB_RULES = { read: ROLE_GROUPS.settings } as const;

/** Who may call each route of the jobs module; merged into the one access table (server/src/access-table.ts). */
export const JOBS_ACCESS: Record<string, Access> = {
  'GET /api/v1/jobs': JOB_RULES.read,
  'GET /api/v1/jobs/:id': JOB_RULES.read,
};
