import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { notFound } from '../../kernel/errors';
import { CompanySettings, CompanySettingsInput, LockDate, LockDateInput, LogoInput } from './company.schema';
import * as company from './company.service';
import { CreateVatRateBody, VatRate, VatRateList, VatRateListQuery } from './vat-rates.schema';
import { createVatRate, listVatRates } from './vat-rates.service';

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
    '/api/v1/vat-rates',
    {
      schema: {
        tags: ['company'],
        summary:
          'The VAT rates by kind with the day each takes effect (INV-08), and the rate of each kind valid today or on `date`',
        querystring: VatRateListQuery,
        response: { 200: VatRateList },
      },
    },
    async (req) => listVatRates(db, req.query.date),
  );

  r.post(
    '/api/v1/vat-rates',
    {
      schema: {
        tags: ['company'],
        summary:
          'Add a rate of a kind from a day (a change by law): document lines of that kind take it from their tax event date on; 409 vat_rate_exists, period_closed',
        body: CreateVatRateBody,
        response: { 201: VatRate },
      },
    },
    async (req, reply) => reply.status(201).send(await createVatRate(db, actorOf(req), req.body)),
  );

  r.put(
    '/api/v1/company/lock-date',
    {
      schema: {
        tags: ['company'],
        summary:
          'Close the books up to a date (nothing is posted or reversed on or before it), or reopen with null',
        body: LockDateInput,
        response: { 200: LockDate },
      },
    },
    async (req) => ({ lockDate: await company.setLockDate(db, actorOf(req), req.body.lockDate) }),
  );

  r.get(
    '/api/v1/company/logo',
    { schema: { tags: ['company'], summary: 'The company logo (a PNG re-encoded on upload)' } },
    async (_req, reply) => {
      const png = await company.getLogo(db);
      if (!png) throw notFound('logo');
      // Even a browser that opens it on its own never runs anything from it: an inert PNG in a sandbox.
      return reply
        .type('image/png')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', 'inline; filename="logo.png"')
        .header('cache-control', 'no-store')
        .send(png);
    },
  );

  r.put(
    '/api/v1/company/logo',
    {
      // A 2 MiB image as base64 in JSON.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: ['company'],
        summary: 'Set the logo: a PNG, JPEG or WebP data URL, stored re-encoded as PNG (SVG is refused)',
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
