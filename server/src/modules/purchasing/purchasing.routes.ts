/** The purchase requests API (ADR 0014): list, detail, CSV of one request, draft edits, status moves, receive. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import type { CsvColumn } from '../../kernel/csv-cell';
import { IdParams } from '../../kernel/ids';
import { milliToUnits } from '../../kernel/quantity';
import {
  PatchPurchaseRequestBody,
  PurchaseRequest,
  PurchaseRequestListQuery,
  PurchaseRequestPage,
  PurchaseRequestStatusBody,
  ReceiveAnswer,
  ReceivePurchaseRequestBody,
} from './purchasing.schema';
import * as service from './purchasing.service';

type CsvRow = PurchaseRequest['lines'][number] & { request: PurchaseRequest };

const REQUEST_CSV: CsvColumn<CsvRow>[] = [
  { header: 'request', value: (r) => r.request.number },
  { header: 'status', value: (r) => r.request.status },
  { header: 'supplier', value: (r) => r.request.supplierName },
  { header: 'part_code', value: (r) => r.partCode },
  { header: 'part_name', value: (r) => r.partName },
  { header: 'unit', value: (r) => r.unit },
  { header: 'quantity', value: (r) => milliToUnits(r.quantityMilli) },
  { header: 'needed', value: (r) => milliToUnits(r.neededMilli) },
  { header: 'orders', value: (r) => r.needs.map((n) => n.sourceLabel).join(' ') },
];

export async function purchasingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['purchase requests'];

  r.get(
    '/api/v1/purchase-requests',
    {
      schema: {
        tags,
        summary: 'Purchase requests, by supplier and status (or those serving one service order)',
        querystring: PurchaseRequestListQuery,
        response: { 200: PurchaseRequestPage },
      },
    },
    async (req) => service.listPurchaseRequests(db, req.query),
  );
  r.get(
    '/api/v1/purchase-requests/:id',
    {
      schema: {
        tags,
        summary: 'A purchase request with its lines and the waiting order lines each serves',
        params: IdParams,
        response: { 200: PurchaseRequest },
      },
    },
    async (req) => service.getPurchaseRequest(db, req.params.id),
  );
  r.get(
    '/api/v1/purchase-requests/:id/lines.csv',
    {
      schema: {
        tags,
        summary: 'A purchase request’s lines as CSV, to send to the supplier',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const request = await service.getPurchaseRequest(db, req.params.id);
      return sendCsv(
        reply,
        `purchase-request-${request.number}.csv`,
        REQUEST_CSV,
        request.lines.map((l) => ({ ...l, request })),
      );
    },
  );
  r.patch(
    '/api/v1/purchase-requests/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft: its supplier, notes, the quantities to order',
        params: IdParams,
        body: PatchPurchaseRequestBody,
        response: { 200: PurchaseRequest },
      },
    },
    async (req) => service.patchPurchaseRequest(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/purchase-requests/:id/status',
    {
      schema: {
        tags,
        summary:
          'Send a draft (ordered: its quantities are then fixed) or cancel a draft or a sent request (received comes from posting its receipt)',
        params: IdParams,
        body: PurchaseRequestStatusBody,
        response: { 200: PurchaseRequest },
      },
    },
    async (req) => service.movePurchaseRequest(db, actorOf(req), req.params.id, req.body.to),
  );
  r.post(
    '/api/v1/purchase-requests/:id/receive',
    {
      schema: {
        tags,
        summary:
          'Draft the stock receipt of a sent request (its supplier and lines); posting the receipt reserves the parts for the waiting orders',
        params: IdParams,
        body: ReceivePurchaseRequestBody,
        response: { 201: ReceiveAnswer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.receivePurchaseRequest(db, actorOf(req), req.params.id, req.body)),
  );
}
