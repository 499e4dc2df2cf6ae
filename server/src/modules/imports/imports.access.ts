import type { Access } from '../../kernel/access';

/**
 * The import routes are open to every signed-in user at the route level: the entity in the URL (or the job's entity)
 * decides, by the rule its adapter declares (ImportAdapter.rule, the entity's write rule), in imports.service.ts.
 */
export const IMPORTS_ACCESS: Record<string, Access> = {
  'GET /api/v1/imports': 'authenticated',
  'GET /api/v1/imports/:entity/template': 'authenticated',
  'POST /api/v1/imports/:entity/preview': 'authenticated',
  'POST /api/v1/imports/:entity/jobs': 'authenticated',
  'GET /api/v1/imports/jobs/:id': 'authenticated',
  'GET /api/v1/imports/jobs/:id/report.csv': 'authenticated',
};
