import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, principalOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import { recordRoutes } from '../../http/record-routes';
import { allows } from '../../kernel/access';
import { todayDate } from '../../kernel/calendar';
import type { CsvColumn } from '../../kernel/csv-cell';
import { IsoDate } from '../../kernel/dates';
import { forbidden } from '../../kernel/errors';
import { type GuardedCsvColumn, visibleFor } from '../../kernel/fields';
import { Id, IdParams } from '../../kernel/ids';
import { ListQueryBase, Page, QueryBool } from '../../kernel/list-query';
import { cents, toDecimalString } from '../../kernel/money';
import { milliToUnits } from '../../kernel/quantity';
import { sendPdf } from '../../pdf';
import { STOCK_FIELDS, STOCK_POSTING_RULE, type StockFieldGroup } from './stock.access';
import { WAREHOUSE_CSV_COLUMNS } from './stock.import';
import { stockDocumentPdf } from './stock.pdf';
import * as reports from './stock.reports';
import * as reservations from './stock.reservations';
import {
  CreateDocumentBody,
  CreateWarehouseBody,
  LevelCheck,
  LowStock,
  type LowStockPart,
  PartCard,
  Reservation,
  ReservationStatus,
  ReverseDocumentBody,
  StockAvailability,
  StockDocument,
  StockDocumentListItem,
  StockDocumentStatus,
  StockDocumentType,
  StockLevel,
  UpdateDocumentBody,
  UpdateWarehouseBody,
  Valuation,
  type ValuationLine,
  Warehouse,
  WarehouseKind,
} from './stock.schema';
import * as stock from './stock.service';
import * as warehouses from './stock.warehouses';
import './stock.links';

const PartParams = z.strictObject({ partId: Id });
const CreateDocumentQuery = z.strictObject({
  post: QueryBool.optional().describe(
    'true: draft and post in one transaction (the right to post is needed too)',
  ),
});
const eur = (c: number | null | undefined) =>
  c === null || c === undefined ? '' : toDecimalString(cents(c));
/** What the signed-in role may see of the stock's costs and values (STOCK_FIELDS): every answer goes through it. */
const fieldsOf = (req: FastifyRequest) => visibleFor(principalOf(req).role, STOCK_FIELDS);
type StockCsv<T> = GuardedCsvColumn<T, StockFieldGroup>[];

const WarehouseFilters = {
  kind: WarehouseKind.optional(),
  technicianId: Id.optional().describe('The van of this technician'),
  mine: QueryBool.optional().describe('true: the vans of the technician linked to the signed-in user'),
  archived: QueryBool.optional().describe('true: only archived warehouses; default: only those in use'),
};
/** `mine=true` becomes "the vans of the technician linked to this user" (none for a user without one). */
function withMine<Q extends { mine?: boolean }>(q: Q, userId: string | null) {
  const { mine, ...rest } = q;
  return mine ? { ...rest, technicianUserId: userId ?? '-' } : rest;
}

const WarehouseListQuery = z.strictObject({
  ...ListQueryBase,
  sort: z.string().max(64).optional().describe('code | name | kind | createdAt, "-" before for descending'),
  ...WarehouseFilters,
});
const WarehouseExportQuery = z.strictObject({
  q: ListQueryBase.q,
  sort: ListQueryBase.sort,
  ...WarehouseFilters,
});

const DocumentFilters = {
  type: StockDocumentType.optional(),
  status: StockDocumentStatus.optional(),
  warehouseId: Id.optional().describe('Documents from or to this warehouse'),
  supplierId: Id.optional(),
  from: IsoDate.optional().describe('Document date from (inclusive)'),
  to: IsoDate.optional().describe('Document date to (inclusive)'),
  sourceType: z.string().max(40).optional(),
  sourceId: Id.optional(),
};
const DocumentListQuery = z.strictObject({
  ...ListQueryBase,
  sort: z
    .string()
    .max(64)
    .optional()
    .describe('documentDate | number | createdAt | totalValueCents; default -documentDate (newest first)'),
  ...DocumentFilters,
});
const DocumentExportQuery = z.strictObject({
  q: ListQueryBase.q,
  sort: ListQueryBase.sort,
  ...DocumentFilters,
});

const LevelFilters = {
  warehouseId: Id.optional(),
  partId: Id.optional(),
  belowMinimum: QueryBool.optional().describe(
    "Store rows whose available quantity is below the part's minimum stock (vans have no minimum)",
  ),
  includeEmpty: QueryBool.optional().describe('Also rows with nothing on hand or reserved'),
};
const LevelListQuery = z.strictObject({
  ...ListQueryBase,
  q: ListQueryBase.q.describe('Part code, barcode or name'),
  sort: z
    .string()
    .max(64)
    .optional()
    .describe('partCode | partName | warehouse | onHandMilli | valueCents | avgCostCents'),
  ...LevelFilters,
});
const AvailabilityQuery = z.strictObject({
  partId: Id,
  warehouseId: Id,
  date: IsoDate.describe('The document date'),
});
const LevelExportQuery = z.strictObject({ q: ListQueryBase.q, sort: ListQueryBase.sort, ...LevelFilters });

const PdfQuery = z.strictObject({
  lang: z.enum(['bg', 'en']).optional().describe('The language of the printed document; default bg'),
});
const CardQuery = z.strictObject({
  warehouseId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
const ValuationQuery = z.strictObject({
  date: IsoDate.optional().describe('The end of this day; default today'),
  warehouseId: Id.optional(),
});
const ReservationQuery = z.strictObject({
  page: ListQueryBase.page,
  pageSize: ListQueryBase.pageSize,
  warehouseId: Id.optional(),
  partId: Id.optional(),
  status: ReservationStatus.optional(),
  sourceType: z.string().max(40).optional(),
  sourceId: Id.optional(),
});

/** The columns of the warehouses import, so an export imports back. */
const WAREHOUSE_CSV: CsvColumn<Warehouse>[] = WAREHOUSE_CSV_COLUMNS.map((header) => ({
  header,
  value: (w: Warehouse) =>
    ({
      code: w.code,
      name: w.name,
      kind: w.kind,
      technician: w.technicianName,
      mol: w.kind === 'van' && w.molName === w.technicianName ? null : w.molName,
    })[header],
}));

const DOCUMENT_CSV: StockCsv<StockDocumentListItem> = [
  { header: 'type', value: (d) => d.type },
  { header: 'number', value: (d) => d.number },
  { header: 'document_date', value: (d) => d.documentDate },
  { header: 'status', value: (d) => d.status },
  { header: 'warehouse_code', value: (d) => d.warehouseCode },
  { header: 'to_warehouse_code', value: (d) => d.toWarehouseCode },
  { header: 'supplier', value: (d) => d.supplierName },
  { header: 'supplier_doc_number', value: (d) => d.supplierDocNumber },
  { header: 'supplier_doc_date', value: (d) => d.supplierDocDate },
  { header: 'reason', value: (d) => d.reason },
  { header: 'lines', value: (d) => d.lineCount },
  { header: 'total_value_eur', group: 'cost', value: (d) => eur(d.totalValueCents) },
  { header: 'reversal_of', value: (d) => d.reversalOfId },
];

const LEVEL_CSV: StockCsv<StockLevel> = [
  { header: 'warehouse_code', value: (l) => l.warehouseCode },
  { header: 'part_code', value: (l) => l.partCode },
  { header: 'name_bg', value: (l) => l.partName },
  { header: 'unit', value: (l) => l.unit },
  { header: 'on_hand', value: (l) => milliToUnits(l.onHandMilli) },
  { header: 'reserved', value: (l) => milliToUnits(l.reservedMilli) },
  { header: 'available', value: (l) => milliToUnits(l.availableMilli) },
  { header: 'min_stock', value: (l) => milliToUnits(l.minStockMilli) },
  { header: 'avg_cost_eur', group: 'cost', value: (l) => eur(l.avgCostCents) },
  { header: 'value_eur', group: 'cost', value: (l) => eur(l.valueCents) },
];

type LowRow = LowStockPart & { supplierName: string | null };
const LOW_CSV: StockCsv<LowRow> = [
  { header: 'supplier', value: (p) => p.supplierName },
  { header: 'part_code', value: (p) => p.partCode },
  { header: 'name_bg', value: (p) => p.partName },
  { header: 'unit', value: (p) => p.unit },
  { header: 'min_stock', value: (p) => milliToUnits(p.minStockMilli) },
  { header: 'on_hand', value: (p) => milliToUnits(p.onHandMilli) },
  { header: 'reserved', value: (p) => milliToUnits(p.reservedMilli) },
  { header: 'available', value: (p) => milliToUnits(p.availableMilli) },
  { header: 'suggested', value: (p) => milliToUnits(p.suggestedMilli) },
  { header: 'last_unit_cost_eur', group: 'cost', value: (p) => eur(p.lastUnitCostCents) },
  { header: 'last_receipt_date', value: (p) => p.lastReceiptDate ?? '' },
];

type ValuationRow = ValuationLine & { warehouseCode: string; date: string };
const VALUATION_CSV: StockCsv<ValuationRow> = [
  { header: 'date', value: (r) => r.date },
  { header: 'warehouse_code', value: (r) => r.warehouseCode },
  { header: 'part_code', value: (r) => r.partCode },
  { header: 'name_bg', value: (r) => r.partName },
  { header: 'unit', value: (r) => r.unit },
  { header: 'quantity', value: (r) => milliToUnits(r.quantityMilli) },
  { header: 'value_eur', group: 'cost', value: (r) => eur(r.valueCents) },
];

export async function stockRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  // ------------------------------------------------------------ warehouses
  recordRoutes(app, {
    path: '/api/v1/warehouses',
    tag: 'warehouses',
    noun: 'a warehouse',
    summaries: {
      list: 'Warehouses and technicians’ vans: search (code, name, МОЛ, technician), filter, sort, page',
      csv: 'The warehouse list as CSV, same filters, no paging',
      get: 'A warehouse',
      create: 'Add a store or a technician’s van (one van per technician)',
      update: 'Rename or recode a warehouse, change its МОЛ, or hand a van to another technician',
      archive: 'Archive an empty warehouse (409 warehouse_has_stock while it holds stock)',
      unarchive: 'Bring an archived warehouse back',
      delete: 'Delete a warehouse no document names (409 in_use otherwise: archive it)',
    },
    csvName: 'warehouses.csv',
    Item: Warehouse,
    Input: CreateWarehouseBody,
    Patch: UpdateWarehouseBody,
    Query: WarehouseListQuery,
    ExportQuery: WarehouseExportQuery,
    csv: WAREHOUSE_CSV,
    list: (db, q, actor) => warehouses.listWarehouses(db, withMine(q, actor.userId)),
    exportRows: (db, q, actor) => warehouses.exportWarehouses(db, withMine(q, actor.userId)),
    get: warehouses.getWarehouse,
    create: warehouses.createWarehouse,
    update: warehouses.updateWarehouse,
    setArchived: (db, actor, id, archived) =>
      archived ? warehouses.archiveWarehouse(db, actor, id) : warehouses.unarchiveWarehouse(db, actor, id),
    remove: warehouses.deleteWarehouse,
  });

  // ------------------------------------------------------------ documents
  {
    const tags = ['stock documents'];
    r.get(
      '/api/v1/stock/documents',
      {
        schema: {
          tags,
          summary: 'Stock documents: search (number, supplier, their document, reason), filter, sort, page',
          querystring: DocumentListQuery,
          response: { 200: Page(StockDocumentListItem) },
        },
      },
      async (req) => {
        const fields = fieldsOf(req);
        return fields.strip(
          await stock.listDocuments(db, { ...req.query, sort: fields.sort(req.query.sort) }),
        );
      },
    );
    r.get(
      '/api/v1/stock/documents/export.csv',
      {
        schema: {
          tags,
          summary: 'The document list as CSV, same filters, no paging',
          querystring: DocumentExportQuery,
        },
      },
      async (req, reply) => {
        const fields = fieldsOf(req);
        return sendCsv(
          reply,
          'stock-documents.csv',
          fields.columns(DOCUMENT_CSV),
          await stock.exportDocuments(db, { ...req.query, sort: fields.sort(req.query.sort) }),
        );
      },
    );
    r.get(
      '/api/v1/stock/documents/:id',
      {
        schema: {
          tags,
          summary: 'A stock document with its lines',
          params: IdParams,
          response: { 200: StockDocument },
        },
      },
      async (req) => fieldsOf(req).strip(await stock.getDocument(db, req.params.id)),
    );
    r.get(
      '/api/v1/stock/documents/:id/pdf',
      {
        schema: {
          tags,
          summary:
            'The printed document (складова разписка, искане, протокол, опис) as PDF, inline; drafts print as "ЧЕРНОВА"',
          params: IdParams,
          querystring: PdfQuery,
        },
      },
      async (req, reply) => {
        const { filename, pdf } = await stockDocumentPdf(
          db,
          req.params.id,
          req.query.lang ?? 'bg',
          fieldsOf(req),
        );
        return sendPdf(reply, filename, pdf, { inline: true });
      },
    );
    r.post(
      '/api/v1/stock/documents',
      {
        schema: {
          tags,
          summary:
            'Draft a receipt, issue, transfer, write-off or count; nothing moves and no number is taken until it is posted (with ?post=true: drafted and posted at once)',
          description:
            'With `post=true` the document is drafted and posted in one transaction, for integrations and the counter: the answer is the posted document with its number, or nothing is written (a refused posting, such as 409 insufficient_stock, leaves no draft and takes no number). It needs the right to post as well as to draft (403 otherwise). The flag is in the query, not the body, because it says what to do with the document, not what the document is: the body stays the same schema as a draft.',
          querystring: CreateDocumentQuery,
          body: CreateDocumentBody,
          response: { 201: StockDocument },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        if (req.query.post && !allows(STOCK_POSTING_RULE, principalOf(req).role)) throw forbidden();
        const doc = req.query.post
          ? await stock.createAndPostDocument(db, actor, req.body)
          : await stock.createDraft(db, actor, req.body);
        return reply.status(201).send(fieldsOf(req).strip(doc));
      },
    );
    r.put(
      '/api/v1/stock/documents/:id',
      {
        schema: {
          tags,
          summary: 'Replace a draft’s header and lines (409 document_not_draft once posted)',
          params: IdParams,
          body: UpdateDocumentBody,
          response: { 200: StockDocument },
        },
      },
      async (req) => fieldsOf(req).strip(await stock.updateDraft(db, actorOf(req), req.params.id, req.body)),
    );
    r.delete(
      '/api/v1/stock/documents/:id',
      {
        schema: { tags, summary: 'Delete a draft (a posted document is reversed instead)', params: IdParams },
      },
      async (req, reply) => {
        await stock.deleteDraft(db, actorOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/v1/stock/documents/:id/post',
      {
        schema: {
          tags,
          summary:
            'Post a draft: move the stock through the ledger and take its number, all or nothing (409 insufficient_stock names the part and the shortfall)',
          params: IdParams,
          response: { 200: StockDocument },
        },
      },
      async (req) => fieldsOf(req).strip(await stock.postDocument(db, actorOf(req), req.params.id)),
    );
    r.post(
      '/api/v1/stock/documents/:id/reverse',
      {
        schema: {
          tags,
          summary: 'Reverse a posted document by its mirror document (own number, linked both ways)',
          params: IdParams,
          body: ReverseDocumentBody.optional(),
          response: { 201: StockDocument },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            fieldsOf(req).strip(await stock.reverseDocument(db, actorOf(req), req.params.id, req.body ?? {})),
          ),
    );
    r.post(
      '/api/v1/stock/documents/:id/supplier-return',
      {
        schema: {
          tags,
          summary:
            "Draft a return of goods to the supplier of a posted receipt: a new issue dated today (edit the date and quantities, then post it; it leaves at that day's average). Unlike a reversal, the receipt stays as it was",
          params: IdParams,
          response: { 201: StockDocument },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(fieldsOf(req).strip(await stock.draftSupplierReturn(db, actorOf(req), req.params.id))),
    );
  }

  // ------------------------------------------------------------ levels and reports
  {
    const tags = ['stock'];
    r.get(
      '/api/v1/stock/levels',
      {
        schema: {
          tags,
          summary: 'On hand, reserved, available, average cost and value per part and warehouse',
          querystring: LevelListQuery,
          response: { 200: Page(StockLevel) },
        },
      },
      async (req) => {
        const fields = fieldsOf(req);
        return fields.strip(
          await reports.listLevels(db, { ...req.query, sort: fields.sort(req.query.sort) }),
        );
      },
    );
    r.get(
      '/api/v1/stock/availability',
      {
        schema: {
          tags,
          summary:
            'What a document of a date may take from a part in a warehouse (back-dated documents included)',
          querystring: AvailabilityQuery,
          response: { 200: StockAvailability },
        },
      },
      async (req) => reports.availabilityOn(db, req.query),
    );
    r.get(
      '/api/v1/stock/levels/export.csv',
      {
        schema: {
          tags,
          summary: 'The levels as CSV, same filters, no paging',
          querystring: LevelExportQuery,
        },
      },
      async (req, reply) => {
        const fields = fieldsOf(req);
        return sendCsv(
          reply,
          'stock-levels.csv',
          fields.columns(LEVEL_CSV),
          await reports.exportLevels(db, { ...req.query, sort: fields.sort(req.query.sort) }),
        );
      },
    );
    r.get(
      '/api/v1/stock/parts/:partId/card',
      {
        schema: {
          tags,
          summary: 'A part’s card: levels and average cost per warehouse, movements with a running balance',
          params: PartParams,
          querystring: CardQuery,
          response: { 200: PartCard },
        },
      },
      async (req) => fieldsOf(req).strip(await reports.partCard(db, req.params.partId, req.query)),
    );
    r.get(
      '/api/v1/stock/low',
      {
        schema: {
          tags,
          summary:
            'Parts below their minimum stock, with a suggested reorder quantity, grouped by the last supplier that delivered them',
          response: { 200: LowStock },
        },
      },
      async (req) => fieldsOf(req).strip(await reports.lowStock(db)),
    );
    r.get(
      '/api/v1/stock/low/export.csv',
      { schema: { tags, summary: 'The low-stock list as CSV' } },
      async (req, reply) => {
        const low = await reports.lowStock(db);
        const rows = low.groups.flatMap((g) => g.parts.map((p) => ({ ...p, supplierName: g.supplierName })));
        return sendCsv(reply, 'stock-low.csv', fieldsOf(req).columns(LOW_CSV), rows);
      },
    );
    r.get(
      '/api/v1/stock/valuation',
      {
        schema: {
          tags,
          summary: 'Stock value per warehouse and part at the end of a date, from the ledger',
          querystring: ValuationQuery,
          response: { 200: Valuation },
        },
      },
      async (req) =>
        fieldsOf(req).strip(
          await reports.valuation(db, req.query.date ?? todayDate(), req.query.warehouseId),
        ),
    );
    r.get(
      '/api/v1/stock/valuation/export.csv',
      { schema: { tags, summary: 'The valuation as CSV', querystring: ValuationQuery } },
      async (req, reply) => {
        const v = await reports.valuation(db, req.query.date ?? todayDate(), req.query.warehouseId);
        const rows = v.warehouses.flatMap((w) =>
          w.parts.map((p) => ({ ...p, warehouseCode: w.warehouseCode, date: v.date })),
        );
        return sendCsv(reply, `stock-valuation-${v.date}.csv`, fieldsOf(req).columns(VALUATION_CSV), rows);
      },
    );
    r.get(
      '/api/v1/stock/reservations',
      {
        schema: {
          tags,
          summary: 'Reservations (parts held for service orders), newest first',
          querystring: ReservationQuery,
          response: { 200: Page(Reservation) },
        },
      },
      async (req) => fieldsOf(req).strip(await reservations.listReservations(db, req.query)),
    );
    r.get(
      '/api/v1/stock/check',
      {
        schema: {
          tags,
          summary: 'Proves the levels equal the ledger: the differences, none when consistent',
          response: { 200: LevelCheck },
        },
      },
      async () => reports.checkLevels(db),
    );
  }
}
