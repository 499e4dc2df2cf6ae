import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Db, Dialect } from '../db/database';
import type { Actor } from '../kernel/actor';
import type { Principal } from '../modules/auth';
import { AppError } from './errors';
import type { Locale } from './messages';

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

export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.principal?.userId ?? null,
    requestId: request.id,
    apiTokenName: request.principal?.apiTokenName ?? null,
  };
}

/** The signed-in principal; routes behind the access table always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(401, 'not_authenticated');
  return request.principal;
}
