import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/context';
import { Page } from '../../kernel/list-query';
import { sendPdf } from '../../pdf';
import './goods-notes.pdf';
import {
  GoodsNote,
  GoodsNoteFromOrderBody,
  GoodsNoteListItem,
  GoodsNoteListQuery,
  GoodsNoteParams,
  GoodsNotePdfQuery,
} from './goods-notes.schema';
import * as notes from './goods-notes.service';

/** Goods delivery notes (стокова разписка, issue 13 items 3 and 5; ADR 0024). */
export async function goodsNotesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['goods-notes'];

  r.post(
    '/api/v1/goods-notes/from-order',
    {
      schema: {
        tags,
        summary:
          'Close a ready order with a goods delivery note of the lines the customer pays (a handover of zero value when nothing is to pay)',
        body: GoodsNoteFromOrderBody,
        response: { 201: GoodsNote },
      },
    },
    async (req, reply) => reply.code(201).send(await notes.goodsNoteFromOrder(db, actorOf(req), req.body)),
  );

  r.get(
    '/api/v1/goods-notes',
    {
      schema: {
        tags,
        summary: 'Goods delivery notes, newest first',
        querystring: GoodsNoteListQuery,
        response: { 200: Page(GoodsNoteListItem) },
      },
    },
    async (req) => notes.listGoodsNotes(db, req.query),
  );

  r.get(
    '/api/v1/goods-notes/:id',
    {
      schema: {
        tags,
        summary: 'A goods delivery note',
        params: GoodsNoteParams,
        response: { 200: GoodsNote },
      },
    },
    async (req) => notes.getGoodsNote(db, req.params.id),
  );

  r.get(
    '/api/v1/goods-notes/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The goods delivery note as PDF, bg or bg_en, served from its stored rendering',
        params: GoodsNoteParams,
        querystring: GoodsNotePdfQuery,
      },
    },
    async (req, reply) => {
      const { pdf, sha256, number } = await notes.goodsNotePdf(db, req.params.id, req.query.language ?? 'bg');
      reply.header('x-content-sha256', sha256);
      return sendPdf(reply, `Стокова разписка ${number}.pdf`, pdf, { inline: true });
    },
  );
}
