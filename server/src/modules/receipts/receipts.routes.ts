import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { sendPdf } from '../../pdf';
import { receiptPdf } from './receipts.pdf';
import { ReceiptFromOrderBody, ReceiptParams, SaleReceipt, StornoBody } from './receipts.schema';
import * as receipts from './receipts.service';

/** Sale receipts (касова бележка, issue 13 items 3 and 4; ADR 0022). */
export async function receiptsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['sale-receipts'];

  r.post(
    '/api/v1/sale-receipts/from-order',
    {
      schema: {
        tags,
        summary:
          'Close a ready order with a sale receipt: its customer lines, paid in cash or by card, printed',
        body: ReceiptFromOrderBody,
        response: { 201: SaleReceipt },
      },
    },
    async (req, reply) => reply.code(201).send(await receipts.receiptFromOrder(db, actorOf(req), req.body)),
  );

  r.get(
    '/api/v1/sale-receipts/:id',
    { schema: { tags, summary: 'A sale receipt', params: ReceiptParams, response: { 200: SaleReceipt } } },
    async (req) => receipts.getReceipt(db, req.params.id),
  );

  r.post(
    '/api/v1/sale-receipts/:id/print',
    {
      schema: {
        tags,
        summary: 'Print a receipt the device has not printed yet (the same УНП: never printed twice)',
        params: ReceiptParams,
        response: { 200: SaleReceipt },
      },
    },
    async (req) => receipts.printReceipt(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/sale-receipts/:id/storno',
    {
      schema: {
        tags,
        summary:
          'Reverse a receipt (сторно) with its reason; the payment reversed, the order free to bill again',
        params: ReceiptParams,
        body: StornoBody,
        response: { 200: SaleReceipt },
      },
    },
    async (req) => receipts.stornoReceipt(db, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/sale-receipts/:id/pdf',
    {
      schema: {
        tags,
        summary: "The customer's copy of a sale receipt as a PDF, bg or bg_en",
        params: ReceiptParams,
        querystring: z.strictObject({ language: z.enum(['bg', 'bg_en']).optional() }),
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await receiptPdf(db, req.params.id, req.query.language ?? 'bg');
      return sendPdf(reply, filename, pdf, { inline: true });
    },
  );
}
