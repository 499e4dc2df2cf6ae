/**
 * Repair quotes (issue 12, item 1) under /api/v1/repair-quotes: list, read, create (or from an order in diagnosis),
 * edit a draft and its lines, move through the statuses, convert into a service order, print.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { IdParams } from '../../kernel/ids';
import { sendPdf } from '../../pdf';
import { quotePdf } from './quotes.pdf';
import {
  ConvertAnswer,
  CreateQuoteBody,
  FromOrderBody,
  PatchQuoteBody,
  PatchQuoteLineBody,
  QuoteDetail,
  QuoteLineAnswer,
  QuoteLineBody,
  QuoteLineParams,
  QuoteListQuery,
  QuotePage,
  QuoteStatusBody,
} from './quotes.schema';
import * as quotes from './quotes.service';

const PdfQuery = z.strictObject({
  language: z.enum(['bg', 'en']).optional().describe('The language of the printed quote; default bg'),
});

export async function quotesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['repair quotes'];

  r.get(
    '/api/v1/repair-quotes',
    {
      schema: {
        tags,
        summary:
          'Repair quotes: search (number, customer, phone, serial, model), filter (status as it reads today, customer, item, order), sort, page',
        querystring: QuoteListQuery,
        response: { 200: QuotePage },
      },
    },
    async (req) => quotes.listQuotes(db, req.query),
  );
  r.get(
    '/api/v1/repair-quotes/:id',
    {
      schema: {
        tags,
        summary: 'A quote: header, lines, totals and VAT per rate, next statuses',
        params: IdParams,
        response: { 200: QuoteDetail },
      },
    },
    async (req) => quotes.getQuote(db, req.params.id),
  );
  r.post(
    '/api/v1/repair-quotes',
    {
      schema: {
        tags,
        summary: 'A new draft quote for a customer’s item, numbered in the quote series',
        body: CreateQuoteBody,
        response: { 201: QuoteDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await quotes.createQuote(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/repair-quotes/from-order',
    {
      schema: {
        tags,
        summary:
          'A draft quote from an order in diagnosis (its customer, item and complaint); one open quote per order (409 quote_open_exists)',
        body: FromOrderBody,
        response: { 201: QuoteDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await quotes.createFromOrder(db, actorOf(req), req.body)),
  );
  r.patch(
    '/api/v1/repair-quotes/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft’s complaint, validity date or notes for the customer',
        params: IdParams,
        body: PatchQuoteBody,
        response: { 200: QuoteDetail },
      },
    },
    async (req) => quotes.patchQuote(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/repair-quotes/:id/status',
    {
      schema: {
        tags,
        summary:
          'Move the quote: draft → sent (its order in diagnosis goes to awaiting approval); sent → accepted, rejected, expired, or back to draft to revise; expired → draft',
        params: IdParams,
        body: QuoteStatusBody,
        response: { 200: QuoteDetail },
      },
    },
    async (req) => quotes.changeQuoteStatus(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/repair-quotes/:id/convert',
    {
      schema: {
        tags,
        summary:
          'Convert an accepted quote: its lines go to the order it was made from (which moves on to in repair or awaiting parts), or to a new service order; parts are reserved',
        params: IdParams,
        response: { 200: ConvertAnswer },
      },
    },
    async (req) => quotes.convertQuote(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/v1/repair-quotes/:id/lines',
    {
      schema: {
        tags,
        summary:
          'Add a planned part (with the warehouse the order will reserve from), labour (norm and price for the item’s model) or a charge to a draft',
        params: IdParams,
        body: QuoteLineBody,
        response: { 201: QuoteLineAnswer },
      },
    },
    async (req, reply) => {
      const lineId = await quotes.addQuoteLine(db, actorOf(req), req.params.id, req.body);
      return reply.status(201).send({ ...(await quotes.getQuote(db, req.params.id)), lineId });
    },
  );
  r.patch(
    '/api/v1/repair-quotes/:id/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Change a line of a draft',
        params: QuoteLineParams,
        body: PatchQuoteLineBody,
        response: { 200: QuoteLineAnswer },
      },
    },
    async (req) => {
      await quotes.changeQuoteLine(db, actorOf(req), req.params.id, req.params.lineId, req.body);
      return { ...(await quotes.getQuote(db, req.params.id)), lineId: req.params.lineId };
    },
  );
  r.delete(
    '/api/v1/repair-quotes/:id/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Remove a line of a draft',
        params: QuoteLineParams,
        response: { 200: QuoteLineAnswer },
      },
    },
    async (req) => {
      await quotes.removeQuoteLine(db, actorOf(req), req.params.id, req.params.lineId);
      return { ...(await quotes.getQuote(db, req.params.id)), lineId: null };
    },
  );
  r.get(
    '/api/v1/repair-quotes/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The quote as PDF (оферта за ремонт), bg or en, inline',
        params: IdParams,
        querystring: PdfQuery,
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await quotePdf(db, req.params.id, req.query.language ?? 'bg');
      return sendPdf(reply, filename, pdf, { inline: true });
    },
  );
}
