import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import type { CsvColumn } from '../../kernel/csv-cell';
import { IsoDate } from '../../kernel/dates';
import { IdParams, TrimmedId } from '../../kernel/ids';
import { ListQueryBase, Page, QueryBool } from '../../kernel/list-query';
import { ITEMS_CSV_COLUMNS } from './items.import';
import {
  CreateItemBody,
  Item,
  ItemHistory,
  ItemWarranty,
  ItemWarrantyQuery,
  TransferItemBody,
  UpdateItemBody,
} from './items.schema';
import * as items from './items.service';
import './items.links';

const IdFilter = TrimmedId.optional();

const ItemFilters = {
  partyId: IdFilter.describe('Items of this owner'),
  siteId: IdFilter.describe('Items installed at this site'),
  modelId: IdFilter,
  brandId: IdFilter,
  underWarranty: QueryBool.optional().describe(
    "Under the manufacturer's warranty on warrantyOn (true) or not",
  ),
  warrantyOn: IsoDate.optional().describe('The date for underWarranty; default today (Europe/Sofia)'),
  archived: QueryBool.optional().describe('true: only archived items; default: only items in use'),
};

const ItemListQuery = z.strictObject({
  ...ListQueryBase,
  sort: z
    .string()
    .max(64)
    .optional()
    .describe('serial | createdAt | warrantyEnd, "-" before for descending; default -createdAt'),
  ...ItemFilters,
});

const ItemExportQuery = z.strictObject({
  q: ListQueryBase.q,
  sort: z.string().max(64).optional(),
  ...ItemFilters,
});

/** The columns of server/seed-data/items.csv, so an export imports back unchanged. */
const CSV: CsvColumn<Item>[] = ITEMS_CSV_COLUMNS.map((header) => ({
  header,
  value: (i: Item) =>
    ({
      customer_name: i.partyName,
      site_name: i.siteName,
      brand_code: i.brandCode,
      model: i.modelName,
      serial: i.serialNumber,
      purchase_date: i.purchaseDate,
      warranty_doc: i.warrantyDocNumber,
      warranty_months: i.warrantyMonths,
    })[header],
}));

export async function itemsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['items'];

  r.get(
    '/api/v1/items',
    {
      schema: {
        tags,
        summary: "Customers' serviced items: search (serial, model, brand, owner), filter, sort, page",
        querystring: ItemListQuery,
        response: { 200: Page(Item) },
      },
    },
    async (req) => ({
      ...(await items.listItems(db, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  r.get(
    '/api/v1/items/export.csv',
    {
      schema: {
        tags,
        summary: 'The item list as CSV (the columns of the items import), same filters, no paging',
        querystring: ItemExportQuery,
      },
    },
    async (req, reply) => sendCsv(reply, 'items.csv', CSV, await items.exportItems(db, req.query)),
  );

  r.get(
    '/api/v1/items/:id',
    {
      schema: {
        tags,
        summary: 'An item with its warranty as of today',
        params: IdParams,
        response: { 200: Item },
      },
    },
    async (req) => items.getItem(db, req.params.id),
  );

  r.get(
    '/api/v1/items/:id/warranty',
    {
      schema: {
        tags,
        summary:
          "Is the item under the manufacturer's warranty on a date (covered through the end date inclusive)",
        params: IdParams,
        querystring: ItemWarrantyQuery,
        response: { 200: ItemWarranty },
      },
    },
    async (req) => items.getItemWarranty(db, req.params.id, req.query.date),
  );

  r.get(
    '/api/v1/items/:id/history',
    {
      schema: {
        tags,
        summary: "The item's owners and the records other modules keep about it (orders…)",
        params: IdParams,
        response: { 200: ItemHistory },
      },
    },
    async (req) => items.getItemHistory(db, req.params.id),
  );

  r.post(
    '/api/v1/items',
    {
      schema: {
        tags,
        summary: 'Register an item; 409 duplicate_serial when the model already has that serial',
        body: CreateItemBody,
        response: { 201: Item },
      },
    },
    async (req, reply) => reply.status(201).send(await items.createItem(db, actorOf(req), req.body)),
  );

  r.patch(
    '/api/v1/items/:id',
    {
      schema: {
        tags,
        summary: 'Change an item (the owner changes only by a transfer)',
        params: IdParams,
        body: UpdateItemBody,
        response: { 200: Item },
      },
    },
    async (req) => items.updateItem(db, actorOf(req), req.params.id, req.body, principalOf(req).role),
  );

  r.post(
    '/api/v1/items/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Move the item to another owner; it keeps its id and history',
        params: IdParams,
        body: TransferItemBody,
        response: { 200: Item },
      },
    },
    async (req) => items.transferItem(db, actorOf(req), req.params.id, req.body),
  );

  r.post(
    '/api/v1/items/:id/archive',
    { schema: { tags, summary: 'Archive an item', params: IdParams, response: { 200: Item } } },
    async (req) => items.archiveItem(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/items/:id/unarchive',
    { schema: { tags, summary: 'Bring an archived item back', params: IdParams, response: { 200: Item } } },
    async (req) => items.unarchiveItem(db, actorOf(req), req.params.id),
  );

  r.delete(
    '/api/v1/items/:id',
    {
      schema: {
        tags,
        summary: 'Delete an item registered by mistake; 409 in_use once it has a history (archive instead)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await items.deleteItem(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
