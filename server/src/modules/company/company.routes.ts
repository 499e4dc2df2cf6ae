import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { notFound } from '../../http/errors';
import { CompanySettings, CompanySettingsInput, LogoInput } from './company.schema';
import * as company from './company.service';

export async function companyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/v1/company',
    { schema: { tags: ['company'], summary: 'Company settings', response: { 200: CompanySettings } } },
    async () => company.getCompanySettings(db),
  );

  r.put(
    '/api/v1/company',
    {
      schema: {
        tags: ['company'],
        summary: 'Save company settings',
        body: CompanySettingsInput,
        response: { 200: CompanySettings },
      },
    },
    async (req) => company.saveCompanySettings(db, actorOf(req), req.body),
  );

  r.get(
    '/api/v1/company/logo',
    { schema: { tags: ['company'], summary: 'The company logo image' } },
    async (_req, reply) => {
      const logo = await company.getLogo(db);
      if (!logo) throw notFound('logo');
      return reply.type(logo.mime).header('cache-control', 'no-cache').send(logo.bytes);
    },
  );

  r.put(
    '/api/v1/company/logo',
    {
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['company'],
        summary: 'Set the logo (data URL)',
        body: LogoInput,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await company.setLogo(db, actorOf(req), req.body.dataUrl);
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/api/v1/company/logo',
    { schema: { tags: ['company'], summary: 'Remove the logo', response: { 204: z.null() } } },
    async (req, reply) => {
      await company.setLogo(db, actorOf(req), null);
      return reply.status(204).send(null);
    },
  );
}
