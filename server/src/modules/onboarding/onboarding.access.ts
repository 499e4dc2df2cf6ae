import type { Access } from '../../kernel/access';

/** Who may call each route of the onboarding module; merged into the one access table (server/src/access-table.ts). */
export const ONBOARDING_ACCESS: Record<string, Access> = {
  // Everyone sees how far the company is; each step says whether this user may act on it.
  'GET /api/v1/first-steps': 'authenticated',
};
