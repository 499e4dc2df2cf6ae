import type { Access } from '../../http/access-types';

/** Who may call each route of the items module; merged into the one access table (http/access.ts). */
export const ITEMS_ACCESS: Record<string, Access> = {};
