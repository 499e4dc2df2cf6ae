import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { ACCESS } from './access-table';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import { registerAuthHook } from './http/auth-hook';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './http/error-handler';
import { registerInputGuard } from './http/input-guard';
import { registerSecurityHeaders } from './http/security-headers';
import { auditRoutes } from './modules/audit';
import { authRoutes, purgeExpiredAuthData, resolveApiToken, resolveSession } from './modules/auth';
import { catalogRoutes } from './modules/catalog';
import { companyRoutes } from './modules/company';
import { fiscalRoutes } from './modules/fiscal';
import { goodsNotesRoutes } from './modules/goods-notes';
import { importsRoutes } from './modules/imports';
import { itemsRoutes } from './modules/items';
import { attachJobRunner, type JobRunnerSettings, jobsRoutes, registerJobHandler } from './modules/jobs';
import { mailRoutes } from './modules/mail';
import { moneyRoutes } from './modules/money';
import { numberingRoutes } from './modules/numbering';
import { onboardingRoutes } from './modules/onboarding';
import {
  earningsRoutes,
  orderLineRoutes,
  orderPdfRoutes,
  orderPhotoRoutes,
  orderSignatureRoutes,
  ordersRoutes,
} from './modules/orders';
import { partiesRoutes } from './modules/parties';
import { paymentsRoutes } from './modules/payments';
import { purchasingRoutes } from './modules/purchasing';
import { quotesRoutes } from './modules/quotes';
import { napAuditRoutes, receiptsRoutes } from './modules/receipts';
import { proformaRoutes, salesRoutes, vatJournalRoutes } from './modules/sales';
import { searchRoutes } from './modules/search';
import { setupRoutes } from './modules/setup';
import { stockRoutes } from './modules/stock';
import { technicianRoutes } from './modules/technicians';
import { visitsRoutes } from './modules/visits';
import { VERSION } from './version';

/**
 * Deletes expired sessions and old sign-in counters; `servix serve` schedules it every hour (AUTH_PURGE_EVERY_MS),
 * and whichever instance's runner claims it runs it.
 */
export const AUTH_PURGE_JOB = 'auth.purge';
export const AUTH_PURGE_EVERY_MS = 60 * 60 * 1000;
registerJobHandler(AUTH_PURGE_JOB, async (ctx) => {
  await purgeExpiredAuthData(ctx.db, new Date());
});

export const BODY_LIMIT = 1024 * 1024;

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: FastifyServerOptions['logger'];
  /** The job runner's poll interval and lease; autoStart false leaves running jobs to the caller (tests). */
  jobs?: JobRunnerSettings;
}

/** Builds the whole app without listening, so tests can inject requests. */
export async function buildApp({ config, database, logger, jobs }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: BODY_LIMIT,
    // Only the configured proxies may say who the client is (X-Forwarded-For); by default nobody may.
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors,
    clientErrorHandler,
  });
  app.decorate('deps', { db: database.db, dialect: database.dialect, config });
  attachJobRunner(app, database.db, jobs);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const indexHtml = path.join(config.webDist, 'index.html');
  const spaIndex = fs.existsSync(indexHtml) ? fs.readFileSync(indexHtml) : undefined;
  registerErrorHandler(app, spaIndex);
  await registerSecurityHeaders(app, { tls: config.secureCookies });
  await app.register(fastifyCookie);
  registerAuthHook(app, {
    access: ACCESS,
    resolvePrincipal: ({ bearer, sessionCookie }) =>
      bearer
        ? resolveApiToken(database.db, bearer)
        : sessionCookie
          ? resolveSession(database.db, sessionCookie, config.sessionDays)
          : Promise.resolve(null),
  });
  registerInputGuard(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Servix API',
        version: VERSION,
        description: 'Repair and field-service management. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'servix_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (svx_...)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    { schema: { tags: ['health'], summary: 'Liveness and database check' } },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(database.db);
        return { status: 'ok', database: database.dialect, version: VERSION };
      } catch {
        return reply
          .status(503)
          .send({ status: 'unavailable', database: database.dialect, version: VERSION });
      }
    },
  );

  await app.register(setupRoutes);
  await app.register(authRoutes);
  await app.register(companyRoutes);
  await app.register(numberingRoutes);
  await app.register(auditRoutes);
  await app.register(partiesRoutes);
  await app.register(catalogRoutes);
  await app.register(itemsRoutes);
  await app.register(technicianRoutes);
  await app.register(stockRoutes);
  await app.register(importsRoutes);
  await app.register(searchRoutes);
  await app.register(jobsRoutes);
  await app.register(onboardingRoutes);
  await app.register(ordersRoutes);
  await app.register(orderLineRoutes);
  await app.register(orderPdfRoutes);
  await app.register(earningsRoutes);
  await app.register(quotesRoutes);
  await app.register(purchasingRoutes);
  await app.register(orderPhotoRoutes);
  await app.register(orderSignatureRoutes);
  await app.register(fiscalRoutes);
  await app.register(salesRoutes);
  await app.register(proformaRoutes);
  await app.register(moneyRoutes);
  await app.register(vatJournalRoutes);
  await app.register(paymentsRoutes);
  await app.register(receiptsRoutes);
  await app.register(napAuditRoutes);
  await app.register(goodsNotesRoutes);
  await app.register(visitsRoutes);
  await app.register(mailRoutes);

  if (spaIndex) {
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html').header('cache-control', 'no-cache').send(spaIndex),
    );
    await app.register(fastifyStatic, {
      root: config.webDist,
      index: false,
      // The build writes .br and .gz beside each asset (web/scripts/precompress.ts): sent to browsers that take them.
      preCompressed: true,
      setHeaders: (reply, file) => {
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}
