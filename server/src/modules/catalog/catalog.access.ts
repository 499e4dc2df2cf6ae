import { type Access, ROLE_GROUPS } from '../../http/access-types';
import type { FieldRule } from '../../http/fields';

/** The standard routes of one catalogue: everyone on staff reads, the editors write. */
function resource(path: string, write: Access): Record<string, Access> {
  const read = ROLE_GROUPS.staff;
  return {
    [`GET ${path}`]: read,
    [`GET ${path}/export.csv`]: read,
    [`GET ${path}/:id`]: read,
    [`POST ${path}`]: write,
    [`PATCH ${path}/:id`]: write,
    [`POST ${path}/:id/archive`]: write,
    [`POST ${path}/:id/unarchive`]: write,
    [`DELETE ${path}/:id`]: write,
  };
}

/** Who may call each route of the catalog module; merged into the one access table (http/access.ts). */
export const CATALOG_ACCESS: Record<string, Access> = {
  ...resource('/api/v1/categories', ROLE_GROUPS.catalogEditors),
  ...resource('/api/v1/brands', ROLE_GROUPS.catalogEditors),
  ...resource('/api/v1/models', ROLE_GROUPS.catalogEditors),
  ...resource('/api/v1/service-types', ROLE_GROUPS.catalogEditors),
  'GET /api/v1/service-types/:id/quote': ROLE_GROUPS.staff,
  'GET /api/v1/service-types/:id/overrides': ROLE_GROUPS.staff,
  'POST /api/v1/service-types/:id/overrides': ROLE_GROUPS.catalogEditors,
  'PATCH /api/v1/service-types/:id/overrides/:overrideId': ROLE_GROUPS.catalogEditors,
  'DELETE /api/v1/service-types/:id/overrides/:overrideId': ROLE_GROUPS.catalogEditors,
  'GET /api/v1/norm-overrides/export.csv': ROLE_GROUPS.staff,
  ...resource('/api/v1/parts', ROLE_GROUPS.partsEditors),
};

/**
 * Who may see which confidential fields of a spare part (http/fields.ts): its typical purchase cost is a cost, so
 * only for the roles that may see the stock valuation (as STOCK_FIELDS in the stock module).
 */
export const PART_FIELDS = {
  cost: { roles: ROLE_GROUPS.stockValuers, keys: ['typicalCostCents'] },
} as const satisfies FieldRule;
