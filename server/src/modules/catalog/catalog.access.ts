import type { Access } from '../../http/access-types';

/** Who may call each route of the catalog module; merged into the one access table (http/access.ts). */
export const CATALOG_ACCESS: Record<string, Access> = {};
