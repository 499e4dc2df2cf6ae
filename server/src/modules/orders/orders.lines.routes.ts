/**
 * The lines of a service order (add, change, remove) and the shop's warranty records. Each line route answers the
 * whole order as its page shows it (the status may have moved to awaiting_parts), with the id of the line touched.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../../http/context';
import { visibleFor } from '../../kernel/fields';
import { Id, IdParams } from '../../kernel/ids';
import { ORDER_FIELDS } from './orders.access';
import { addLine, changeLine, removeLine } from './orders.lines';
import { AddLineBody, LineParams, OrderDetail, PatchLineBody, WarrantyRecord } from './orders.schema';
import { getOrder } from './orders.service';
import { listWarrantyRecords } from './orders.warranty';

const fieldsOf = (req: FastifyRequest) => visibleFor(principalOf(req).role, ORDER_FIELDS);

const LineAnswer = OrderDetail.extend({
  lineId: z.string().nullable().describe('The line added or changed; null after a removal'),
});

const WarrantyQuery = z.strictObject({
  itemId: Id.optional().describe('The warranty records of this item'),
  serial: z.string().trim().min(1).max(100).optional().describe('The records of a fitted part by its serial'),
});
const WarrantyList = z.object({ items: z.array(WarrantyRecord) });

export async function orderLineRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['service orders'];

  r.post(
    '/api/v1/service-orders/:id/lines',
    {
      schema: {
        tags,
        summary:
          'Add a part (reserved in its warehouse; what is missing waits), labour (norm time and price for the item’s model) or a charge; the payer follows the item’s warranty unless overridden with a reason',
        params: IdParams,
        body: AddLineBody,
        response: { 201: LineAnswer },
      },
    },
    async (req, reply) => {
      const change = await addLine(db, actorOf(req), req.params.id, req.body);
      const order = await getOrder(db, req.params.id);
      return reply.status(201).send(fieldsOf(req).strip({ ...order, lineId: change.lineId }));
    },
  );
  r.patch(
    '/api/v1/service-orders/:id/lines/:lineId',
    {
      schema: {
        tags,
        summary:
          'Change a line of an open order (a new quantity holds the stock again; the used quantity only in repair, never above what the line holds plus the free stock)',
        params: LineParams,
        body: PatchLineBody,
        response: { 200: LineAnswer },
      },
    },
    async (req) => {
      const change = await changeLine(db, actorOf(req), req.params.id, req.params.lineId, req.body);
      return fieldsOf(req).strip({ ...(await getOrder(db, req.params.id)), lineId: change.lineId });
    },
  );
  r.delete(
    '/api/v1/service-orders/:id/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Remove a line of an open order; what it held in stock is released',
        params: LineParams,
        response: { 200: LineAnswer },
      },
    },
    async (req) => {
      await removeLine(db, actorOf(req), req.params.id, req.params.lineId);
      return fieldsOf(req).strip({ ...(await getOrder(db, req.params.id)), lineId: null });
    },
  );

  r.get(
    '/api/v1/warranty-records',
    {
      schema: {
        tags,
        summary:
          'The shop’s warranty records of an item, or of a fitted part by its serial (across items and owners), newest first',
        querystring: WarrantyQuery,
        response: { 200: WarrantyList },
      },
    },
    async (req) => ({ items: await listWarrantyRecords(db, req.query) }),
  );
}
