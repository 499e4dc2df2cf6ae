import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import type { CsvColumn } from '../../kernel/csv-cell';
import { DomainError } from '../../kernel/errors';
import { visibleFor } from '../../kernel/fields';
import { IdParams } from '../../kernel/ids';
import { ORDER_FIELDS } from './orders.access';
import {
  Board,
  BoardQuery,
  IntakeAnswer,
  IntakeBody,
  IntakeCheck,
  IntakeCheckQuery,
  OrderDetail,
  type OrderListItem,
  OrderListQuery,
  OrderPage,
  PatchOrderBody,
  PublicOrder,
  PublicOrderParams,
  ServiceSettings,
  ServiceSettingsBody,
  StatusBody,
  StatusLinkAnswer,
  TimelineEvent,
} from './orders.schema';
import * as orders from './orders.service';
import { getServiceSettings, updateServiceSettings } from './orders.settings';
import './orders.links';

const fieldsOf = (req: FastifyRequest) => visibleFor(principalOf(req).role, ORDER_FIELDS);

const ExportQuery = OrderListQuery.omit({ page: true, pageSize: true });

const ORDER_CSV: CsvColumn<OrderListItem>[] = [
  { header: 'number', value: (o) => o.number },
  { header: 'status', value: (o) => o.status },
  { header: 'overdue', value: (o) => o.overdue },
  { header: 'received_at', value: (o) => o.receivedAt },
  { header: 'status_changed_at', value: (o) => o.statusChangedAt },
  { header: 'promised_date', value: (o) => o.promisedDate },
  { header: 'customer', value: (o) => o.customerName },
  { header: 'phone', value: (o) => o.customerPhone },
  { header: 'item', value: (o) => o.itemLabel },
  { header: 'serial_number', value: (o) => o.serialNumber },
  { header: 'complaint', value: (o) => o.complaint },
  { header: 'technician', value: (o) => o.technicianName },
  { header: 'location', value: (o) => o.location },
];

/** The public status page: a small per-address budget, so tokens cannot be guessed by brute force. */
const PUBLIC_WINDOW_MS = 60_000;
const PUBLIC_PER_WINDOW = 60;
const publicHits = new Map<string, { start: number; n: number }>();
function throttlePublic(ip: string): void {
  const now = Date.now();
  const hit = publicHits.get(ip);
  if (!hit || now - hit.start > PUBLIC_WINDOW_MS) {
    if (publicHits.size > 10_000) publicHits.clear();
    publicHits.set(ip, { start: now, n: 1 });
    return;
  }
  hit.n += 1;
  if (hit.n > PUBLIC_PER_WINDOW)
    throw new DomainError('rate_limited', 'too_many_requests', {
      params: { seconds: Math.ceil((hit.start + PUBLIC_WINDOW_MS - now) / 1000) },
    });
}

export async function ordersRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['service orders'];

  r.get(
    '/api/v1/service-orders',
    {
      schema: {
        tags,
        summary:
          'Service orders: search (number, customer, phone, serial, model), filter (status, technician, customer, item, overdue), sort, page',
        querystring: OrderListQuery,
        response: { 200: OrderPage },
      },
    },
    async (req) => orders.listOrders(db, req.query),
  );
  r.get(
    '/api/v1/service-orders/export.csv',
    { schema: { tags, summary: 'The order list as CSV, same filters, no paging', querystring: ExportQuery } },
    async (req, reply) =>
      sendCsv(reply, 'service-orders.csv', ORDER_CSV, await orders.exportOrders(db, req.query)),
  );
  r.get(
    '/api/v1/service-orders/board',
    {
      schema: {
        tags,
        summary:
          'The order board: per status its count, overdue count and first 30 cards (the rest through the list); the allowed moves',
        querystring: BoardQuery,
        response: { 200: Board },
      },
    },
    async (req) => orders.getBoard(db, req.query),
  );
  r.get(
    '/api/v1/service-orders/mine',
    {
      schema: {
        tags,
        summary: 'The open orders of the technician linked to the signed-in user (empty for other users)',
        querystring: OrderListQuery,
        response: { 200: OrderPage },
      },
    },
    async (req) => orders.myOrders(db, principalOf(req).userId, req.query),
  );
  r.get(
    '/api/v1/service-orders/intake-check',
    {
      schema: {
        tags,
        summary:
          'For the intake form: the item’s manufacturer warranty, its active shop warranties and open orders, the customer’s overdue money and the policy',
        querystring: IntakeCheckQuery,
        response: { 200: IntakeCheck },
      },
    },
    async (req) => orders.intakeCheck(db, req.query),
  );
  r.get(
    '/api/v1/service-orders/:id',
    {
      schema: {
        tags,
        summary:
          'An order: header, lines with reservation state, totals and VAT per rate, next statuses, overdue, warranty, documents',
        params: IdParams,
        response: { 200: OrderDetail },
      },
    },
    async (req) => fieldsOf(req).strip(await orders.getOrder(db, req.params.id)),
  );
  r.get(
    '/api/v1/service-orders/:id/timeline',
    {
      schema: {
        tags,
        summary: 'The order’s timeline: every change, who and when, newest first',
        params: IdParams,
        response: { 200: z.array(TimelineEvent) },
      },
    },
    async (req) => orders.getTimeline(db, req.params.id),
  );
  r.post(
    '/api/v1/service-orders',
    {
      schema: {
        tags,
        summary:
          'Take in an item for repair: an existing or new customer, an existing item or a serial (unknown: created with its model); answers the order, its status link (once), the warranty and the overdue flag',
        body: IntakeBody,
        response: { 201: IntakeAnswer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(fieldsOf(req).strip(await orders.intake(db, actorOf(req), req.body))),
  );
  r.patch(
    '/api/v1/service-orders/:id',
    {
      schema: {
        tags,
        summary:
          'Change the diagnosis, notes, promised date, lead technician, condition, accessories or complaint (409 order_closed once delivered or cancelled)',
        params: IdParams,
        body: PatchOrderBody,
        response: { 200: OrderDetail },
      },
    },
    async (req) => fieldsOf(req).strip(await orders.patchOrder(db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/service-orders/:id/status',
    {
      schema: {
        tags,
        summary:
          'Move the order to another status (only the allowed moves; a cancel needs a reason and releases the reservations; in repair → ready finishes it)',
        params: IdParams,
        body: StatusBody,
        response: { 200: OrderDetail },
      },
    },
    async (req) => fieldsOf(req).strip(await orders.changeStatus(db, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/service-orders/:id/link',
    {
      schema: {
        tags,
        summary: 'A new public status link (the old one stops working); the token is answered only now',
        params: IdParams,
        response: { 201: StatusLinkAnswer },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await orders.createStatusLink(db, actorOf(req), req.params.id)),
  );
  r.delete(
    '/api/v1/service-orders/:id/link',
    { schema: { tags, summary: 'Stop the order’s public status link', params: IdParams } },
    async (req, reply) => {
      await orders.revokeStatusLink(db, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/service-settings',
    {
      schema: {
        tags: ['service settings'],
        summary:
          'Status time limits, diagnostic fee, overdue customers, warranty terms (defaults until saved)',
        response: { 200: ServiceSettings },
      },
    },
    async () => getServiceSettings(db),
  );
  r.put(
    '/api/v1/service-settings',
    {
      schema: {
        tags: ['service settings'],
        summary:
          'Change the service settings (only the fields sent; statusLimits by status, null removes a limit)',
        body: ServiceSettingsBody,
        response: { 200: ServiceSettings },
      },
    },
    async (req) =>
      db
        .transaction()
        .execute((trx) => updateServiceSettings(trx, actorOf(req), req.body, orders.assertServiceType)),
  );

  r.get(
    '/api/v1/public/orders/:token',
    {
      schema: {
        tags: ['public'],
        summary:
          'The public status page of an order, by its link’s token (no login): number, status, promised date, customer notes, item, company',
        params: PublicOrderParams,
        response: { 200: PublicOrder },
      },
    },
    async (req, reply) => {
      throttlePublic(req.ip);
      reply.header('cache-control', 'no-store');
      reply.header('x-robots-tag', 'noindex');
      return orders.publicOrder(db, req.params.token);
    },
  );
}
