import { ACCESS } from '@servix/server/access-table';
import { allowsCall } from '@servix/server/kernel/access';
import type { Role } from '@servix/server/modules/auth/auth.schema';

/** The server's own access table decides what a role may see and do: "GET /api/v1/users" and so on. */
export type Route = keyof typeof ACCESS & string;

export function canCall(role: Role | null | undefined, route: Route): boolean {
  const access = ACCESS[route];
  return access !== undefined && allowsCall(access, role ?? null, route.split(' ')[0] ?? 'GET');
}
