import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../http/auth-hook';
import { actorOf, principalOf } from '../../http/context';
import { DomainError } from '../../kernel/errors';
import { IdParams } from '../../kernel/ids';
import {
  ApiToken,
  CreateApiTokenBody,
  CreatedApiToken,
  CreateUserBody,
  LoginBody,
  Me,
  SessionState,
  UpdateMeBody,
  UpdateUserBody,
  User,
} from './auth.schema';
import * as auth from './auth.service';

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when served over TLS. */
export function setSessionCookie(
  app: FastifyInstance,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.deps.config.secureCookies,
    expires: new Date(expiresAt),
  });
}

/** A throttled sign-in (429) tells the client when to try again, in the Retry-After header as well. */
export async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const seconds = e instanceof DomainError ? e.options.extra?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    throw e;
  }
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password',
        body: LoginBody,
        response: { 200: Me },
      },
    },
    async (req, reply) => {
      const result = await withRetryAfter(reply, () =>
        auth.login(db, {
          ...req.body,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          sessionDays: app.deps.config.sessionDays,
          requestId: req.id,
        }),
      );
      setSessionCookie(app, reply, result.sessionToken, result.expiresAt);
      return auth.meOf(db, result.user, result.csrfToken);
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (req, reply) => {
      await auth.logout(db, principalOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary:
          'The signed-in user, or null: answers 200 either way (the web app asks it before the sign-in)',
        response: { 200: SessionState },
      },
    },
    async (req) => {
      const p = req.principal;
      if (!p) return { user: null, csrfToken: null, technicianId: null };
      return auth.meOf(db, await auth.getUser(db, p.userId), p.csrfToken);
    },
  );

  r.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me } } },
    async (req) => {
      const p = principalOf(req);
      return auth.meOf(db, await auth.getUser(db, p.userId), p.csrfToken);
    },
  );

  r.patch(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my language, name or password',
        body: UpdateMeBody,
        response: { 200: Me },
      },
    },
    async (req) => {
      const p = principalOf(req);
      return auth.meOf(db, await auth.updateMe(db, p, req.body), p.csrfToken);
    },
  );

  r.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'All users',
        response: { 200: z.object({ items: z.array(User) }) },
      },
    },
    async () => ({
      items: await auth.listAllUsers(db),
    }),
  );

  r.get(
    '/api/v1/users/:id',
    { schema: { tags: ['users'], params: IdParams, response: { 200: User } } },
    async (req) => auth.getUser(db, req.params.id),
  );

  r.post(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'Add a user', body: CreateUserBody, response: { 201: User } } },
    async (req, reply) => {
      const user = await db.transaction().execute((trx) => auth.createUser(trx, actorOf(req), req.body));
      return reply.status(201).send(user);
    },
  );

  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    async (req) => auth.updateUser(db, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/api-tokens',
    { schema: { tags: ['api tokens'], response: { 200: z.object({ items: z.array(ApiToken) }) } } },
    async () => ({
      items: await auth.listTokens(db),
    }),
  );

  r.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['api tokens'],
        summary: 'Issue an API token (shown once)',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      const created = await auth.createApiToken(
        db,
        { userId: p.userId, requestId: req.id, apiTokenName: p.apiTokenName },
        req.body,
      );
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/api/v1/api-tokens/:id',
    {
      schema: {
        tags: ['api tokens'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await auth.revokeApiToken(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
