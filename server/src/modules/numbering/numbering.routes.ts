import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { IdParams } from '../../kernel/ids';
import { CreateSeriesBody, NumberingSeries, UpdateSeriesBody } from './numbering.schema';
import * as numbering from './numbering.service';

export async function numberingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get(
    '/api/v1/numbering-series',
    {
      schema: {
        tags: ['numbering'],
        summary: 'Document numbering series',
        response: { 200: z.object({ items: z.array(NumberingSeries) }) },
      },
    },
    async () => ({ items: await numbering.listNumberingSeries(db) }),
  );

  r.post(
    '/api/v1/numbering-series',
    {
      schema: {
        tags: ['numbering'],
        summary: 'Add a series',
        body: CreateSeriesBody,
        response: { 201: NumberingSeries },
      },
    },
    async (req, reply) => reply.status(201).send(await numbering.createSeries(db, actorOf(req), req.body)),
  );

  r.patch(
    '/api/v1/numbering-series/:id',
    {
      schema: {
        tags: ['numbering'],
        summary: 'Change a series',
        params: IdParams,
        body: UpdateSeriesBody,
        response: { 200: NumberingSeries },
      },
    },
    async (req) => numbering.updateSeries(db, actorOf(req), req.params.id, req.body),
  );
}
