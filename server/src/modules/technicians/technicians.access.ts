import type { Access } from '../../http/access-types';

/** Who may call each route of the technicians module; merged into the one access table (http/access.ts). */
export const TECHNICIANS_ACCESS: Record<string, Access> = {};
