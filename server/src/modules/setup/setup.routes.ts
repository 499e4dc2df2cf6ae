import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { VERSION } from '../../version';
import { login, Me, setSessionCookie, withRetryAfter } from '../auth';
import { hasCompany } from '../company';
import { SetupBody, SetupStatus } from './setup.schema';
import { runSetup } from './setup.service';

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
        summary: 'First-run setup: company, first administrator, optional demo data; signs the admin in',
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
      return reply.status(201).send({ user: result.user, csrfToken: result.csrfToken });
    },
  );
}
