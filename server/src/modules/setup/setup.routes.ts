import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../http/auth-hook';
import { principalOf } from '../../http/context';
import { VERSION } from '../../version';
import { login, Me, meOf, setSessionCookie, withRetryAfter } from '../auth';
import { hasCompany } from '../company';
import { SetupBody, SetupStatus } from './setup.schema';
import { leaveDemo, runSetup } from './setup.service';

export async function setupRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/v1/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'Does this installation still need its first-run setup?',
        response: { 200: SetupStatus },
      },
    },
    async () => ({
      needsSetup: !(await hasCompany(db)),
      version: VERSION,
    }),
  );

  r.post(
    '/api/v1/setup',
    {
      schema: {
        tags: ['setup'],
        summary:
          "First-run setup: the owner's company, or the demo company (demo: true); the first administrator; signs them in",
        body: SetupBody,
        response: { 201: Me },
      },
    },
    async (req, reply) => {
      await runSetup(db, req.body);
      const result = await withRetryAfter(reply, () =>
        login(db, {
          username: req.body.adminUsername,
          password: req.body.adminPassword,
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          sessionDays: app.deps.config.sessionDays,
          requestId: req.id,
        }),
      );
      setSessionCookie(app, reply, result.sessionToken, result.expiresAt);
      return reply.status(201).send(await meOf(db, result.user, result.csrfToken));
    },
  );

  r.post(
    '/api/v1/setup/leave-demo',
    {
      schema: {
        tags: ['setup'],
        summary:
          "Leave the demo: delete all the demo company's data (users and sessions too) and return to the first-run setup",
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const { tables } = await leaveDemo(db);
      req.log.warn({ userId: principalOf(req).userId, tables: tables.length }, 'demo company deleted');
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
