import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { Actor } from '../kernel/actor';
import { type FieldRule, type GuardedCsvColumn, visibleFor } from '../kernel/fields';
import { IdParams } from '../kernel/ids';
import { Page, type PageOf } from '../kernel/list-query';
import { actorOf, principalOf } from './context';
import { sendCsv } from './csv';

/** The eight routes of a record kept in a list: list, CSV export, one, add, change, archive, restore, delete. */
export type RecordRouteName =
  | 'list'
  | 'csv'
  | 'get'
  | 'create'
  | 'update'
  | 'archive'
  | 'unarchive'
  | 'delete';

export interface RecordResource<
  Item extends z.ZodType,
  Input extends z.ZodType,
  Patch extends z.ZodType,
  Query extends z.ZodType,
  ExportQuery extends z.ZodType = Query,
> {
  path: string;
  tag: string;
  /** "a category": used in the default route summaries. */
  noun: string;
  /** Summaries that say more than the default ones (the rule a route enforces). */
  summaries?: Partial<Record<RecordRouteName, string>>;
  csvName: string;
  Item: Item;
  Input: Input;
  Patch: Patch;
  Query: Query;
  /** The export's query: the list's filters without paging; the list's query when not given. */
  ExportQuery?: ExportQuery;
  csv: GuardedCsvColumn<z.output<Item>>[];
  /** Confidential fields, left out of every answer for the roles that may not see them (kernel/fields.ts). */
  fields?: FieldRule;
  list(db: Db, q: z.output<Query>, actor: Actor): Promise<PageOf<z.output<Item>>>;
  exportRows(db: Db, q: z.output<ExportQuery>, actor: Actor): Promise<z.output<Item>[]>;
  get(db: Db, id: string): Promise<z.output<Item>>;
  create(db: Db, actor: Actor, input: z.output<Input>): Promise<z.output<Item>>;
  update(db: Db, actor: Actor, id: string, patch: z.output<Patch>): Promise<z.output<Item>>;
  setArchived(db: Db, actor: Actor, id: string, archived: boolean): Promise<z.output<Item>>;
  remove(db: Db, actor: Actor, id: string): Promise<void>;
}

/**
 * The same eight routes for every record kept in a list (catalogue lists, warehouses, …), each calling the one
 * service function named for it; who may call them is the module's access map, as for any route.
 */
export function recordRoutes<
  Item extends z.ZodType,
  Input extends z.ZodType,
  Patch extends z.ZodType,
  Query extends z.ZodType,
  ExportQuery extends z.ZodType = Query,
>(app: FastifyInstance, res: RecordResource<Item, Input, Patch, Query, ExportQuery>) {
  // Generic over the resource, the type provider cannot infer the handlers' types: the schemas (typed as plain
  // FastifySchema here) still validate every request and response, and the handlers read the validated values.
  const { db } = app.deps;
  const tags = [res.tag];
  const said = res.summaries ?? {};
  const schema = (s: FastifySchema) => s;
  const query = <Q>(req: FastifyRequest) => req.query as Q;
  const id = (req: FastifyRequest) => (req.params as z.output<typeof IdParams>).id;
  const fieldsOf = (req: FastifyRequest) => visibleFor(principalOf(req).role, res.fields ?? {});
  const shown = async <T>(req: FastifyRequest, value: Promise<T>) => fieldsOf(req).strip(await value);

  app.get(
    res.path,
    {
      schema: schema({
        tags,
        summary:
          said.list ?? `List ${res.noun}s: search q (Cyrillic or Latin, any case), filters, sort, pages`,
        querystring: res.Query,
        response: { 200: Page(res.Item) },
      }),
    },
    async (req) => shown(req, res.list(db, query<z.output<Query>>(req), actorOf(req))),
  );

  app.get(
    `${res.path}/export.csv`,
    {
      schema: schema({
        tags,
        summary: said.csv ?? `${res.noun}s as CSV (the list's filters, no paging; the import's columns)`,
        querystring: res.ExportQuery ?? res.Query,
      }),
    },
    async (req, reply) =>
      sendCsv(
        reply,
        res.csvName,
        fieldsOf(req).columns(res.csv),
        await res.exportRows(db, query<z.output<ExportQuery>>(req), actorOf(req)),
      ),
  );

  app.get(
    `${res.path}/:id`,
    {
      schema: schema({
        tags,
        summary: said.get ?? `One ${res.noun}`,
        params: IdParams,
        response: { 200: res.Item },
      }),
    },
    async (req) => shown(req, res.get(db, id(req))),
  );

  app.post(
    res.path,
    {
      schema: schema({
        tags,
        summary: said.create ?? `Add ${res.noun}`,
        body: res.Input,
        response: { 201: res.Item },
      }),
    },
    async (req, reply) =>
      reply.status(201).send(await shown(req, res.create(db, actorOf(req), req.body as z.output<Input>))),
  );

  app.patch(
    `${res.path}/:id`,
    {
      schema: schema({
        tags,
        summary: said.update ?? `Change ${res.noun} (only the fields sent)`,
        params: IdParams,
        body: res.Patch,
        response: { 200: res.Item },
      }),
    },
    async (req) => shown(req, res.update(db, actorOf(req), id(req), req.body as z.output<Patch>)),
  );

  app.post(
    `${res.path}/:id/archive`,
    {
      schema: schema({
        tags,
        summary:
          said.archive ?? `Archive ${res.noun}: kept for history, hidden from pickers and default lists`,
        params: IdParams,
        response: { 200: res.Item },
      }),
    },
    async (req) => shown(req, res.setArchived(db, actorOf(req), id(req), true)),
  );

  app.post(
    `${res.path}/:id/unarchive`,
    {
      schema: schema({
        tags,
        summary: said.unarchive ?? `Restore an archived ${res.noun}`,
        params: IdParams,
        response: { 200: res.Item },
      }),
    },
    async (req) => shown(req, res.setArchived(db, actorOf(req), id(req), false)),
  );

  app.delete(
    `${res.path}/:id`,
    {
      schema: schema({
        tags,
        summary: said.delete ?? `Delete ${res.noun} that nothing uses (else 409 in_use: archive it instead)`,
        params: IdParams,
        response: { 204: z.null() },
      }),
    },
    async (req, reply) => {
      await res.remove(db, actorOf(req), id(req));
      return reply.status(204).send(null);
    },
  );
}
