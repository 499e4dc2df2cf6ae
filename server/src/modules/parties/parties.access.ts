import type { Access } from '../../http/access-types';

/** Who may call each route of the parties module; merged into the one access table (http/access.ts). */
export const PARTIES_ACCESS: Record<string, Access> = {};
