import { type Access, type EntityRules, ROLE_GROUPS } from '../../kernel/access';
import type { FieldRule } from '../../kernel/fields';

/** Product categories: everyone on staff reads, the catalogue editors write (also by import). */
export const CATEGORY_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.catalogEditors,
} as const satisfies EntityRules;
/** Brands of serviced products. */
export const BRAND_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.catalogEditors,
} as const satisfies EntityRules;
/** Models of serviced products. */
export const MODEL_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.catalogEditors,
} as const satisfies EntityRules;
/** Labour and service types: they price the work. */
export const SERVICE_TYPE_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.catalogEditors,
} as const satisfies EntityRules;
/** Norm times and prices of a service type per brand or model. */
export const NORM_OVERRIDE_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.catalogEditors,
} as const satisfies EntityRules;
/** The spare-parts catalogue: the storekeeper writes it too. */
export const PART_RULES = {
  read: ROLE_GROUPS.staff,
  write: ROLE_GROUPS.partsEditors,
} as const satisfies EntityRules;

/** The standard routes of one catalogue, each under its entity's read or write rule. */
function resource(path: string, rules: EntityRules): Record<string, Access> {
  return {
    [`GET ${path}`]: rules.read,
    [`GET ${path}/export.csv`]: rules.read,
    [`GET ${path}/:id`]: rules.read,
    [`POST ${path}`]: rules.write,
    [`PATCH ${path}/:id`]: rules.write,
    [`POST ${path}/:id/archive`]: rules.write,
    [`POST ${path}/:id/unarchive`]: rules.write,
    [`DELETE ${path}/:id`]: rules.write,
  };
}

/** Who may call each route of the catalog module; merged into the one access table (server/src/access-table.ts). */
export const CATALOG_ACCESS: Record<string, Access> = {
  ...resource('/api/v1/categories', CATEGORY_RULES),
  ...resource('/api/v1/brands', BRAND_RULES),
  ...resource('/api/v1/models', MODEL_RULES),
  ...resource('/api/v1/service-types', SERVICE_TYPE_RULES),
  'GET /api/v1/service-types/:id/quote': SERVICE_TYPE_RULES.read,
  'GET /api/v1/service-types/:id/overrides': NORM_OVERRIDE_RULES.read,
  'POST /api/v1/service-types/:id/overrides': NORM_OVERRIDE_RULES.write,
  'PATCH /api/v1/service-types/:id/overrides/:overrideId': NORM_OVERRIDE_RULES.write,
  'DELETE /api/v1/service-types/:id/overrides/:overrideId': NORM_OVERRIDE_RULES.write,
  'GET /api/v1/norm-overrides/export.csv': NORM_OVERRIDE_RULES.read,
  ...resource('/api/v1/parts', PART_RULES),
};

/**
 * Who may see which confidential fields of a spare part (kernel/fields.ts): its typical purchase cost is a cost, so
 * only for the roles that may see the stock valuation (as STOCK_FIELDS in the stock module).
 */
export const PART_FIELDS = {
  cost: { roles: ROLE_GROUPS.stockValuers, keys: ['typicalCostCents'] },
} as const satisfies FieldRule;
