import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Access, allowsCall, type Principal } from '../kernel/access';
import { pickLocale } from '../kernel/messages';
import { accessKey, isOutsideAccessTable } from './access';
import { AppError } from './errors';

export const SESSION_COOKIE = 'servix_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1] ?? null;
}

/** Routes that create or change users, API tokens or the caller's own password. */
function changesAccounts(url: string): boolean {
  return url.startsWith('/api/v1/users') || url.startsWith('/api/v1/api-tokens') || url === '/api/v1/auth/me';
}

/** The credentials a request brings: an API token (Authorization: Bearer) or a session cookie. */
export interface Credentials {
  bearer: string | null;
  sessionCookie: string | undefined;
}

export interface AuthHookOptions {
  /** "GET /api/v1/users" → who may call it: gathered by the app from the modules' maps (server/src/access-table.ts). */
  access: Readonly<Record<string, Access>>;
  /** Who the credentials belong to (null: nobody, or expired); the auth module answers, through the app. */
  resolvePrincipal: (credentials: Credentials) => Promise<Principal | null>;
}

/** Authentication, CSRF and the role table, for every API request, in one place. */
export function registerAuthHook(app: FastifyInstance, { access, resolvePrincipal }: AuthHookOptions): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'bg');

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (isOutsideAccessTable(route.url)) return;
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (!(accessKey(method, route.url) in access)) {
        throw new Error(
          `Route ${method} ${route.url} is not in the access table (server/src/access-table.ts)`,
        );
      }
    }
  });

  app.addHook('onRequest', async (request) => {
    const headerLocale = request.headers['x-servix-locale'];
    request.locale = pickLocale(
      undefined,
      typeof headerLocale === 'string' ? headerLocale : undefined,
      request.headers['accept-language'],
    );
    const url = request.routeOptions.url;
    if (!url || isOutsideAccessTable(url)) return;
    const rule = access[accessKey(request.method === 'HEAD' ? 'GET' : request.method, url)];
    if (!rule) throw new AppError(404, 'route_not_found');

    const bearer = bearerToken(request);
    const sessionCookie = request.cookies[SESSION_COOKIE];
    if (bearer || sessionCookie) request.principal = await resolvePrincipal({ bearer, sessionCookie });
    if (request.principal) request.locale = pickLocale(request.principal.locale, undefined, undefined);

    if (rule === 'public') return;
    if (!request.principal) throw new AppError(401, 'not_authenticated');
    if (!allowsCall(rule, request.principal.role, request.method)) throw new AppError(403, 'forbidden');
    // A read-only API token may look but not change anything, whatever its user's role allows.
    if (request.principal.tokenScope === 'read' && !SAFE_METHODS.has(request.method)) {
      throw new AppError(403, 'api_token_read_only');
    }
    // Accounts are changed by a person at a screen: a leaked write token must not mint users, tokens or passwords
    // that outlive its own revocation.
    if (request.principal.via === 'token' && !SAFE_METHODS.has(request.method) && changesAccounts(url)) {
      throw new AppError(403, 'api_token_no_accounts');
    }
    if (request.principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      // Synchronizer token: a cross-site form can send the cookie but cannot read or send this header.
      if (request.headers[CSRF_HEADER] !== request.principal.csrfToken)
        throw new AppError(403, 'csrf_failed');
    }
  });
}
