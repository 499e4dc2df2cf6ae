/**
 * Proforma invoices (INV-13; ADR 0025) under /api/v1/proformas: list, read, make by hand or from a service order,
 * convert into an invoice (once), cancel, and the PDF.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context';
import { IdParams } from '../../kernel/ids';
import { sendPdf } from '../../pdf';
import { renderProforma } from './proforma.pdf';
import {
  CancelProformaBody,
  ConvertProformaBody,
  CreateProformaBody,
  ProformaDetail,
  ProformaFromOrderBody,
  ProformaListQuery,
  ProformaPage,
} from './proforma.schema';
import * as proformas from './proforma.service';
import { PdfQuery } from './sales.schema';

export async function proformaRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['proformas'];

  r.get(
    '/api/v1/proformas',
    {
      schema: {
        tags,
        summary: 'Proforma invoices: search (number, recipient, ЕИК), filter (status, customer, order), page',
        querystring: ProformaListQuery,
        response: { 200: ProformaPage },
      },
    },
    async (req) => proformas.listProformas(db, req.query),
  );
  r.get(
    '/api/v1/proformas/:id',
    {
      schema: {
        tags,
        summary: 'A proforma invoice: requisites, lines, VAT per rate, totals, the invoice it became',
        params: IdParams,
        response: { 200: ProformaDetail },
      },
    },
    async (req) => proformas.getProforma(db, req.params.id),
  );
  r.post(
    '/api/v1/proformas',
    {
      schema: {
        tags,
        summary: 'A proforma invoice for a customer, numbered in the proforma series; no tax effect (INV-13)',
        body: CreateProformaBody,
        response: { 201: ProformaDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await proformas.createProforma(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/proformas/from-order',
    {
      schema: {
        tags,
        summary: 'A proforma invoice of the service order’s lines the customer pays',
        body: ProformaFromOrderBody,
        response: { 201: ProformaDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await proformas.proformaFromOrder(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/proformas/:id/convert',
    {
      schema: {
        tags,
        summary:
          'Convert into an invoice in one step: issued with the next invoice number, citing the proforma; a second time is 409 proforma_already_converted',
        params: IdParams,
        body: ConvertProformaBody,
        response: { 200: ProformaDetail },
      },
    },
    async (req) => proformas.convertProforma(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/proformas/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an issued proforma invoice with a reason',
        params: IdParams,
        body: CancelProformaBody,
        response: { 200: ProformaDetail },
      },
    },
    async (req) => proformas.cancelProforma(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/proformas/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The proforma invoice as PDF, bg or bg_en (never English only, INV-04)',
        params: IdParams,
        querystring: PdfQuery,
      },
    },
    async (req, reply) => {
      const { pdf, number } = await renderProforma(db, req.params.id, req.query.language ?? 'bg');
      return sendPdf(reply, `Проформа фактура ${number}.pdf`, pdf, { inline: true });
    },
  );
}
