import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Db, Dialect } from '../db/database';
import type { Principal } from '../kernel/access';
import type { Actor } from '../kernel/actor';
import type { Locale } from '../kernel/messages';
import { AppError } from './errors';

export interface AppDeps {
  db: Db;
  dialect: Dialect;
  config: Config;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    principal: Principal | null;
    locale: Locale;
  }
}

/** The browser's workstation (ADR 0041), sent by the web app on every request; absent or malformed: none. */
function workstationHeaderOf(request: FastifyRequest): string | null {
  const value = request.headers['x-workstation-id'];
  return typeof value === 'string' && /^[0-9A-Za-z-]{1,60}$/.test(value) ? value : null;
}

export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.principal?.userId ?? null,
    requestId: request.id,
    apiTokenName: request.principal?.apiTokenName ?? null,
    workstationId: workstationHeaderOf(request),
  };
}

/** The signed-in principal; routes behind the access table always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(401, 'not_authenticated');
  return request.principal;
}
