import { type Insertable, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { listAll, listPage } from '../../db/list';
import type { Database } from '../../db/schema';
import { countAll, lockForUpdate, matchesSearch, matchesSearchIndexed, sumInt } from '../../db/sql';
import { averageCost } from './stock.costing';
import type {
  StockDocumentLineTable,
  StockDocumentTable,
  StockLevelTable,
  StockMovementTable,
  StockReservationTable,
  StockWarehouseTable,
} from './stock.table';

export type SortDirection = 'asc' | 'desc';

// Names of parts, technicians and parties come from their modules' tables through read-only joins, so lists can
// filter, sort and page in SQL; every write and every check of those records goes through the modules' index.ts.

// biome-ignore lint/suspicious/noExplicitAny: the helper only adds order/limit clauses to a stock list query
type AnyQuery<O> = SelectQueryBuilder<Database, any, O>;

/** Sorted rows of a window (or all rows) and, for a window, the total count of the filtered query; the id breaks ties. */
async function page<O>(
  filtered: AnyQuery<O>,
  sort: { columns: string[]; direction: SortDirection },
  idColumn: string,
  window?: { limit: number; offset: number },
): Promise<{ rows: O[]; total: number }> {
  const order = { terms: [...sort.columns, idColumn], direction: sort.direction };
  if (!window) {
    const rows = await listAll(filtered, order);
    return { rows, total: rows.length };
  }
  // The services page by page × pageSize, so the offset is a whole number of windows.
  const request = { page: window.offset / window.limit + 1, pageSize: window.limit };
  const { items, total } = await listPage(filtered, order, request);
  return { rows: items, total };
}

// ---------------------------------------------------------------- warehouses

export interface WarehouseFilter {
  q?: string;
  kind?: 'store' | 'van';
  technicianId?: string;
  /** Only the vans of the technician record linked to this user. */
  technicianUserId?: string;
  archived?: boolean;
}

function warehouseView(db: Executor) {
  return db
    .selectFrom('stock_warehouse')
    .leftJoin('technician', 'technician.id', 'stock_warehouse.technician_id')
    .selectAll('stock_warehouse')
    .select('technician.name as technician_name');
}
export type WarehouseRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof warehouseView>['executeTakeFirst']>>
>;

function filteredWarehouses(db: Executor, f: WarehouseFilter) {
  let q = warehouseView(db);
  if (f.q) q = q.where(matchesSearch('stock_warehouse.search_text', f.q));
  if (f.kind) q = q.where('stock_warehouse.kind', '=', f.kind);
  if (f.technicianId) q = q.where('stock_warehouse.technician_id', '=', f.technicianId);
  if (f.technicianUserId) q = q.where('technician.user_id', '=', f.technicianUserId);
  q = f.archived
    ? q.where('stock_warehouse.archived_at', 'is not', null)
    : q.where('stock_warehouse.archived_at', 'is', null);
  return q;
}

export async function listWarehouses(
  db: Executor,
  f: WarehouseFilter,
  sort: { columns: string[]; direction: SortDirection },
  window?: { limit: number; offset: number },
) {
  return page(filteredWarehouses(db, f), sort, 'stock_warehouse.id', window);
}

export async function findWarehouse(db: Executor, id: string) {
  return warehouseView(db).where('stock_warehouse.id', '=', id).executeTakeFirst();
}

export async function findWarehouseByCode(db: Executor, code: string) {
  return warehouseView(db).where('stock_warehouse.code', '=', code).executeTakeFirst();
}

export async function findVanOfTechnician(db: Executor, technicianId: string) {
  return warehouseView(db).where('stock_warehouse.technician_id', '=', technicianId).executeTakeFirst();
}

export async function countWarehouses(db: Executor): Promise<number> {
  return (await db.selectFrom('stock_warehouse').select(countAll().as('n')).executeTakeFirstOrThrow()).n;
}

export async function insertWarehouse(db: Executor, row: Insertable<StockWarehouseTable>): Promise<void> {
  await db.insertInto('stock_warehouse').values(row).execute();
}

export async function updateWarehouseRow(
  db: Executor,
  id: string,
  patch: Updateable<StockWarehouseTable>,
): Promise<void> {
  await db.updateTable('stock_warehouse').set(patch).where('id', '=', id).execute();
}

export async function deleteWarehouseRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('stock_warehouse').where('id', '=', id).execute();
}

/** Documents (drafts too), levels and reservations that name the warehouse. */
/** Documents from or to the warehouse (a transfer names two). */
export async function countDocumentsOfWarehouse(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('stock_document')
    .select(countAll().as('n'))
    .where((eb) => eb.or([eb('warehouse_id', '=', id), eb('to_warehouse_id', '=', id)]))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function onHandInWarehouse(db: Executor, warehouseId: string): Promise<number> {
  const row = await db
    .selectFrom('stock_level')
    .select(sumInt('on_hand_milli').as('n'))
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---------------------------------------------------------------- documents

export interface DocumentFilter {
  q?: string;
  type?: StockDocumentTable['type'];
  status?: StockDocumentTable['status'];
  warehouseId?: string;
  supplierId?: string;
  from?: string;
  to?: string;
  sourceType?: string;
  sourceId?: string;
}

function documentView(db: Executor) {
  return db
    .selectFrom('stock_document')
    .innerJoin('stock_warehouse as w', 'w.id', 'stock_document.warehouse_id')
    .leftJoin('stock_warehouse as tw', 'tw.id', 'stock_document.to_warehouse_id')
    .leftJoin('party', 'party.id', 'stock_document.supplier_id')
    .leftJoin('app_user as poster', 'poster.id', 'stock_document.posted_by')
    .leftJoin('app_user as drafter', 'drafter.id', 'stock_document.created_by')
    .selectAll('stock_document')
    .select([
      'w.code as warehouse_code',
      'w.name as warehouse_name',
      'tw.code as to_warehouse_code',
      'tw.name as to_warehouse_name',
      'party.name as supplier_name',
      'poster.full_name as posted_by_name',
      'drafter.full_name as created_by_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('stock_document_line')
        .select(countAll().as('n'))
        .whereRef('stock_document_line.document_id', '=', 'stock_document.id')
        .as('line_count'),
    );
}
export type DocumentRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof documentView>['executeTakeFirst']>>
>;

function filteredDocuments(db: Executor, f: DocumentFilter) {
  let q = documentView(db);
  if (f.q) q = q.where(matchesSearch('stock_document.search_text', f.q));
  if (f.type) q = q.where('stock_document.type', '=', f.type);
  if (f.status) q = q.where('stock_document.status', '=', f.status);
  const wh = f.warehouseId;
  if (wh)
    q = q.where((eb) =>
      eb.or([eb('stock_document.warehouse_id', '=', wh), eb('stock_document.to_warehouse_id', '=', wh)]),
    );
  if (f.supplierId) q = q.where('stock_document.supplier_id', '=', f.supplierId);
  if (f.from) q = q.where('stock_document.document_date', '>=', f.from);
  if (f.to) q = q.where('stock_document.document_date', '<=', f.to);
  if (f.sourceType) q = q.where('stock_document.source_type', '=', f.sourceType);
  if (f.sourceId) q = q.where('stock_document.source_id', '=', f.sourceId);
  return q;
}

export async function listDocuments(
  db: Executor,
  f: DocumentFilter,
  sort: { columns: string[]; direction: SortDirection },
  window?: { limit: number; offset: number },
) {
  return page(filteredDocuments(db, f), sort, 'stock_document.id', window);
}

export async function findDocument(db: Executor, id: string) {
  return documentView(db).where('stock_document.id', '=', id).executeTakeFirst();
}

export async function insertDocument(db: Executor, row: Insertable<StockDocumentTable>): Promise<void> {
  await db.insertInto('stock_document').values(row).execute();
}

export async function updateDocumentRow(
  db: Executor,
  id: string,
  patch: Updateable<StockDocumentTable>,
): Promise<void> {
  await db.updateTable('stock_document').set(patch).where('id', '=', id).execute();
}

export async function deleteDraft(db: Executor, id: string): Promise<boolean> {
  await db.deleteFrom('stock_document_line').where('document_id', '=', id).execute();
  const r = await db
    .deleteFrom('stock_document')
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function listLines(db: Executor, documentIds: readonly string[]) {
  if (!documentIds.length) return [];
  return db
    .selectFrom('stock_document_line')
    .innerJoin('catalog_part', 'catalog_part.id', 'stock_document_line.part_id')
    .selectAll('stock_document_line')
    .select([
      'catalog_part.code as part_code',
      'catalog_part.name_bg as part_name',
      'catalog_part.unit as part_unit',
      'catalog_part.typical_cost_cents as part_typical_cost_cents',
    ])
    .where('stock_document_line.document_id', 'in', documentIds)
    .orderBy('stock_document_line.document_id')
    .orderBy('stock_document_line.line_no')
    .execute();
}
export type LineRow = Awaited<ReturnType<typeof listLines>>[number];

/** Type and reversal link of documents by id. */
export async function documentHeads(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('stock_document')
    .select(['id', 'type', 'reversal_of_id', 'total_value_cents'])
    .where('id', 'in', ids)
    .execute();
}

export async function replaceLines(
  db: Executor,
  documentId: string,
  rows: Insertable<StockDocumentLineTable>[],
): Promise<void> {
  await db.deleteFrom('stock_document_line').where('document_id', '=', documentId).execute();
  await insertLines(db, rows);
}

export async function insertLines(db: Executor, rows: Insertable<StockDocumentLineTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('stock_document_line')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function updateLineRow(
  db: Executor,
  id: string,
  patch: Updateable<StockDocumentLineTable>,
): Promise<void> {
  await db.updateTable('stock_document_line').set(patch).where('id', '=', id).execute();
}

export async function countDocumentsOfPart(db: Executor, partId: string): Promise<number> {
  const row = await db
    .selectFrom('stock_document_line')
    .select(countAll().as('n'))
    .where('part_id', '=', partId)
    .executeTakeFirstOrThrow();
  const levels = await db
    .selectFrom('stock_level')
    .select(countAll().as('n'))
    .where('part_id', '=', partId)
    .executeTakeFirstOrThrow();
  const reservations = await db
    .selectFrom('stock_reservation')
    .select(countAll().as('n'))
    .where('part_id', '=', partId)
    .executeTakeFirstOrThrow();
  return row.n + levels.n + reservations.n;
}

export async function countDocumentsOfSupplier(db: Executor, partyId: string): Promise<number> {
  const row = await db
    .selectFrom('stock_document')
    .select(countAll().as('n'))
    .where('supplier_id', '=', partyId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The latest posted, unreversed receipt line of each part: its supplier, unit cost and date (low-stock list). */
export async function lastReceiptsOfParts(db: Executor, partIds: readonly string[]) {
  if (!partIds.length) return [];
  return db
    .selectFrom('stock_document_line')
    .innerJoin('stock_document', 'stock_document.id', 'stock_document_line.document_id')
    .leftJoin('party', 'party.id', 'stock_document.supplier_id')
    .select([
      'stock_document_line.part_id',
      'stock_document_line.unit_cost_cents',
      'stock_document.supplier_id',
      'party.name as supplier_name',
      'stock_document.document_date',
    ])
    .where('stock_document.type', '=', 'receipt')
    .where('stock_document.status', '=', 'posted')
    .where('stock_document.reversal_of_id', 'is', null)
    .where('stock_document_line.part_id', 'in', partIds)
    .orderBy('stock_document.document_date', 'desc')
    .orderBy('stock_document.posted_at', 'desc')
    .orderBy('stock_document_line.line_no', 'desc')
    .execute();
}

// ---------------------------------------------------------------- levels

export interface LevelKey {
  partId: string;
  warehouseId: string;
}

export function levelKeyOf(k: LevelKey): string {
  return `${k.warehouseId}\n${k.partId}`;
}

/** Distinct keys in one fixed order (warehouse, part): every transaction locks levels in this order, so none deadlock. */
export function sortedKeys(keys: readonly LevelKey[]): LevelKey[] {
  const unique = new Map<string, LevelKey>();
  for (const k of keys) unique.set(levelKeyOf(k), { partId: k.partId, warehouseId: k.warehouseId });
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
}

function whereKeys<O>(qb: AnyQuery<O>, keys: readonly LevelKey[]): AnyQuery<O> {
  return qb.where((eb) =>
    eb.or(
      keys.map((k) =>
        eb.and([
          eb('stock_level.part_id', '=', k.partId),
          eb('stock_level.warehouse_id', '=', k.warehouseId),
        ]),
      ),
    ),
  );
}

/** Makes the missing level rows (zero) for the keys, in key order; a row made concurrently is left as it is. */
export async function ensureLevels(
  db: Executor,
  keys: readonly LevelKey[],
  now: string,
  newId: () => string,
) {
  if (!keys.length) return;
  const existing = await whereKeys(
    db.selectFrom('stock_level').select(['stock_level.part_id', 'stock_level.warehouse_id']),
    keys,
  ).execute();
  const have = new Set(existing.map((r) => levelKeyOf({ partId: r.part_id, warehouseId: r.warehouse_id })));
  const missing = sortedKeys(keys).filter((k) => !have.has(levelKeyOf(k)));
  if (!missing.length) return;
  await db
    .insertInto('stock_level')
    .values(
      missing.map((k) => ({
        id: newId(),
        part_id: k.partId,
        warehouse_id: k.warehouseId,
        on_hand_milli: 0,
        reserved_milli: 0,
        value_cents: 0,
        avg_cost_cents: 0,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['part_id', 'warehouse_id']).doNothing())
    .execute();
}

/** The level rows of the keys, locked (PostgreSQL) in key order until the transaction ends. */
export async function lockLevels(db: Executor, keys: readonly LevelKey[]) {
  if (!keys.length) return [];
  const q = whereKeys(db.selectFrom('stock_level').selectAll('stock_level'), keys)
    .orderBy('stock_level.warehouse_id')
    .orderBy('stock_level.part_id');
  return lockForUpdate(q, db).execute();
}

/** Reserves, guarded: only while on hand − reserved covers the quantity. */
export async function addReserved(db: Executor, levelId: string, quantityMilli: number, now: string) {
  const r = await db
    .updateTable('stock_level')
    .set((eb) => ({ reserved_milli: eb('reserved_milli', '+', quantityMilli), updated_at: now }))
    .where('id', '=', levelId)
    .where(sql<boolean>`on_hand_milli - reserved_milli >= ${quantityMilli}`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function removeReserved(db: Executor, levelId: string, quantityMilli: number, now: string) {
  const r = await db
    .updateTable('stock_level')
    .set((eb) => ({ reserved_milli: eb('reserved_milli', '-', quantityMilli), updated_at: now }))
    .where('id', '=', levelId)
    .where('reserved_milli', '>=', quantityMilli)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface LevelFilter {
  q?: string;
  warehouseId?: string;
  partId?: string;
  belowMinimum?: boolean;
  includeEmpty?: boolean;
}

function levelView(db: Executor) {
  return db
    .selectFrom('stock_level')
    .innerJoin('catalog_part', 'catalog_part.id', 'stock_level.part_id')
    .innerJoin('stock_warehouse', 'stock_warehouse.id', 'stock_level.warehouse_id')
    .selectAll('stock_level')
    .select([
      'catalog_part.code as part_code',
      'catalog_part.name_bg as part_name',
      'catalog_part.unit as part_unit',
      'catalog_part.min_stock_milli',
      'stock_warehouse.code as warehouse_code',
      'stock_warehouse.name as warehouse_name',
      'stock_warehouse.kind as warehouse_kind',
    ]);
}
export type LevelRow = NonNullable<Awaited<ReturnType<ReturnType<typeof levelView>['executeTakeFirst']>>>;

function filteredLevels(db: Executor, f: LevelFilter) {
  let q = levelView(db);
  if (f.q) q = q.where(matchesSearchIndexed(db, 'catalog_part', f.q));
  if (f.warehouseId) q = q.where('stock_level.warehouse_id', '=', f.warehouseId);
  if (f.partId) q = q.where('stock_level.part_id', '=', f.partId);
  // The part's minimum is what a store keeps on its shelf; a van carries what its technician needs.
  if (f.belowMinimum)
    q = q
      .where('stock_warehouse.kind', '=', 'store')
      .where('catalog_part.min_stock_milli', '>', 0)
      .where(
        sql<boolean>`stock_level.on_hand_milli - stock_level.reserved_milli < catalog_part.min_stock_milli`,
      );
  if (!f.includeEmpty && !f.belowMinimum)
    q = q.where((eb) =>
      eb.or([eb('stock_level.on_hand_milli', '<>', 0), eb('stock_level.reserved_milli', '<>', 0)]),
    );
  return q;
}

export async function listLevels(
  db: Executor,
  f: LevelFilter,
  sort: { columns: string[]; direction: SortDirection },
  window?: { limit: number; offset: number },
) {
  return page(filteredLevels(db, f), sort, 'stock_level.id', window);
}

export async function levelsOfPart(db: Executor, partId: string) {
  return levelView(db).where('stock_level.part_id', '=', partId).orderBy('stock_warehouse.code').execute();
}

export async function allLevels(db: Executor) {
  return db.selectFrom('stock_level').selectAll().execute();
}

export async function updateLevelRow(db: Executor, id: string, patch: Updateable<StockLevelTable>) {
  await db.updateTable('stock_level').set(patch).where('id', '=', id).execute();
}

export async function insertLevelRows(db: Executor, rows: Insertable<StockLevelTable>[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('stock_level')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** On hand and value per part and warehouse, summed from the ledger (optionally up to a date). */
export async function ledgerTotals(db: Executor, upTo?: string) {
  let q = db
    .selectFrom('stock_movement')
    .select([
      'stock_movement.part_id',
      'stock_movement.warehouse_id',
      sumInt('stock_movement.quantity_milli').as('quantity_milli'),
      sumInt('stock_movement.value_cents').as('value_cents'),
      (eb) => eb.fn.max('stock_movement.ledger_order').as('last_order'),
      (eb) => eb.fn.max('stock_movement.movement_date').as('last_date'),
    ])
    .groupBy(['stock_movement.part_id', 'stock_movement.warehouse_id']);
  if (upTo) q = q.where('stock_movement.movement_date', '<=', upTo);
  return q.execute();
}

export async function activeReservationTotals(db: Executor) {
  return db
    .selectFrom('stock_reservation')
    .select(['part_id', 'warehouse_id', sumInt('quantity_milli').as('quantity_milli')])
    .where('status', '=', 'active')
    .groupBy(['part_id', 'warehouse_id'])
    .execute();
}

export async function countMovements(db: Executor): Promise<number> {
  return (await db.selectFrom('stock_movement').select(countAll().as('n')).executeTakeFirstOrThrow()).n;
}

/** Parts with a minimum stock whose available quantity over all warehouses is below it. */
export async function partsBelowMinimum(db: Executor) {
  const totals = db
    .selectFrom('stock_level')
    .select([
      'part_id',
      sumInt('on_hand_milli').as('on_hand_milli'),
      sumInt('reserved_milli').as('reserved_milli'),
    ])
    .groupBy('part_id')
    .as('t');
  return db
    .selectFrom('catalog_part')
    .leftJoin(totals, 't.part_id', 'catalog_part.id')
    .select([
      'catalog_part.id',
      'catalog_part.code',
      'catalog_part.name_bg',
      'catalog_part.unit',
      'catalog_part.min_stock_milli',
      sql<number>`coalesce(t.on_hand_milli, 0)`.as('on_hand_milli'),
      sql<number>`coalesce(t.reserved_milli, 0)`.as('reserved_milli'),
    ])
    .where('catalog_part.archived_at', 'is', null)
    .where('catalog_part.min_stock_milli', '>', 0)
    .where(
      sql<boolean>`coalesce(t.on_hand_milli, 0) - coalesce(t.reserved_milli, 0) < catalog_part.min_stock_milli`,
    )
    .orderBy('catalog_part.code')
    .execute();
}

// ---------------------------------------------------------------- movements

export async function insertMovements(db: Executor, rows: Insertable<StockMovementTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('stock_movement')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function movementsOfDocument(db: Executor, documentId: string) {
  return db
    .selectFrom('stock_movement')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('seq')
    .execute();
}

/** What the lines of re-costed documents are computed from: their movements' quantities and values. */
export async function movementsOfDocuments(db: Executor, documentIds: readonly string[]) {
  if (!documentIds.length) return [];
  return db
    .selectFrom('stock_movement')
    .select(['document_id', 'line_id', 'quantity_milli', 'value_cents'])
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('seq')
    .execute();
}

/** The lines of re-costed documents, with what re-costing may change. */
export async function linesToRefresh(db: Executor, documentIds: readonly string[]) {
  if (!documentIds.length) return [];
  return db
    .selectFrom('stock_document_line')
    .select([
      'id',
      'document_id',
      'quantity_milli',
      'counted_milli',
      'unit_cost_cents',
      'value_cents',
      'book_milli',
    ])
    .where('document_id', 'in', documentIds)
    .execute();
}

/** The movements of one level at and after a place in its ledger, in ledger order (date, then posting order). */
export async function levelMovementsFrom(db: Executor, k: LevelKey, from: { date: string; order: number }) {
  return db
    .selectFrom('stock_movement')
    .select([
      'id',
      'document_id',
      'line_id',
      'kind',
      'movement_date',
      'ledger_order',
      'source_movement_id',
      'counted_milli',
      'quantity_milli',
      'value_cents',
      'seq',
    ])
    .where('part_id', '=', k.partId)
    .where('warehouse_id', '=', k.warehouseId)
    .where((eb) =>
      eb.or([
        eb('movement_date', '>', from.date),
        eb.and([eb('movement_date', '=', from.date), eb('ledger_order', '>=', from.order)]),
      ]),
    )
    .orderBy('movement_date')
    .orderBy('ledger_order')
    .execute();
}

/** Quantity and value of movements by id. */
export async function movementValues(db: Executor, ids: readonly string[]) {
  const out: { id: string; quantity_milli: number; value_cents: number }[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('stock_movement')
        .select(['id', 'quantity_milli', 'value_cents'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/** The movements that follow a movement of this level at or after a place (a transfer's in, a reversal's row). */
export async function followersFrom(db: Executor, k: LevelKey, from: { date: string; order: number }) {
  return db
    .selectFrom('stock_movement as s')
    .innerJoin('stock_movement as f', 'f.source_movement_id', 's.id')
    .select(['s.id as source_id', 'f.part_id', 'f.warehouse_id', 'f.movement_date', 'f.ledger_order'])
    .where('s.part_id', '=', k.partId)
    .where('s.warehouse_id', '=', k.warehouseId)
    .where((eb) =>
      eb.or([
        eb('s.movement_date', '>', from.date),
        eb.and([eb('s.movement_date', '=', from.date), eb('s.ledger_order', '>=', from.order)]),
      ]),
    )
    .execute();
}

/** The codes of a level's part and warehouse, for a message. */
export async function levelCodes(db: Executor, k: LevelKey) {
  const part = await db
    .selectFrom('catalog_part')
    .select('code')
    .where('id', '=', k.partId)
    .executeTakeFirst();
  const warehouse = await db
    .selectFrom('stock_warehouse')
    .select('code')
    .where('id', '=', k.warehouseId)
    .executeTakeFirst();
  return { partCode: part?.code ?? k.partId, warehouseCode: warehouse?.code ?? k.warehouseId };
}

export async function typicalCostOf(db: Executor, partId: string): Promise<number> {
  const r = await db
    .selectFrom('catalog_part')
    .select('typical_cost_cents')
    .where('id', '=', partId)
    .executeTakeFirst();
  return r?.typical_cost_cents ?? 0;
}

/** Writes a level as its posting left it (locked by the posting; the CHECKs keep 0 <= reserved <= on hand). */
export async function setLevel(
  db: Executor,
  l: {
    id: string;
    onHand: number;
    reserved: number;
    value: number;
    lastOrder: number;
    lastDate: string | null;
  },
  now: string,
): Promise<void> {
  await db
    .updateTable('stock_level')
    .set({
      on_hand_milli: l.onHand,
      reserved_milli: l.reserved,
      value_cents: l.value,
      avg_cost_cents: averageCost(l.value, l.onHand),
      last_order: l.lastOrder,
      last_date: l.lastDate,
      updated_at: now,
    })
    .where('id', '=', l.id)
    .execute();
}
export type MovementRow = Awaited<ReturnType<typeof movementsOfDocument>>[number];

export async function movementsOfPart(
  db: Executor,
  partId: string,
  f: { warehouseId?: string; from?: string; to?: string },
) {
  let q = db
    .selectFrom('stock_movement')
    .innerJoin('stock_document', 'stock_document.id', 'stock_movement.document_id')
    .innerJoin('stock_warehouse', 'stock_warehouse.id', 'stock_movement.warehouse_id')
    .selectAll('stock_movement')
    .select([
      'stock_document.type as document_type',
      'stock_document.number as document_number',
      'stock_document.reversal_of_id',
      'stock_warehouse.code as warehouse_code',
      'stock_warehouse.name as warehouse_name',
    ])
    .where('stock_movement.part_id', '=', partId);
  if (f.warehouseId) q = q.where('stock_movement.warehouse_id', '=', f.warehouseId);
  if (f.from) q = q.where('stock_movement.movement_date', '>=', f.from);
  if (f.to) q = q.where('stock_movement.movement_date', '<=', f.to);
  return q
    .orderBy('stock_movement.movement_date')
    .orderBy('stock_movement.warehouse_id')
    .orderBy('stock_movement.ledger_order')
    .execute();
}

export async function partTotalsBefore(db: Executor, partId: string, before: string, warehouseId?: string) {
  let q = db
    .selectFrom('stock_movement')
    .select([sumInt('quantity_milli').as('quantity_milli'), sumInt('value_cents').as('value_cents')])
    .where('part_id', '=', partId)
    .where('movement_date', '<', before);
  if (warehouseId) q = q.where('warehouse_id', '=', warehouseId);
  return q.executeTakeFirstOrThrow();
}

/**
 * One level's quantities in ledger order from a date on, with what was on hand before it and what is reserved now:
 * what a document of that date may take (stock/availability).
 */
export async function levelFromDate(db: Executor, partId: string, warehouseId: string, date: string) {
  const before = await partTotalsBefore(db, partId, date, warehouseId);
  const rows = await db
    .selectFrom('stock_movement')
    .select(['movement_date', 'quantity_milli'])
    .where('part_id', '=', partId)
    .where('warehouse_id', '=', warehouseId)
    .where('movement_date', '>=', date)
    .orderBy('movement_date')
    .orderBy('ledger_order')
    .execute();
  const level = await db
    .selectFrom('stock_level')
    .select('reserved_milli')
    .where('part_id', '=', partId)
    .where('warehouse_id', '=', warehouseId)
    .executeTakeFirst();
  return { openingMilli: before.quantity_milli, rows, reservedMilli: level?.reserved_milli ?? 0 };
}

/** Value and quantity per warehouse and part at the end of a date, from the ledger, with names. */
export async function valuationAt(db: Executor, date: string, warehouseId?: string) {
  let q = db
    .selectFrom('stock_movement')
    .innerJoin('catalog_part', 'catalog_part.id', 'stock_movement.part_id')
    .innerJoin('stock_warehouse', 'stock_warehouse.id', 'stock_movement.warehouse_id')
    .select([
      'stock_movement.warehouse_id',
      'stock_warehouse.code as warehouse_code',
      'stock_warehouse.name as warehouse_name',
      'stock_movement.part_id',
      'catalog_part.code as part_code',
      'catalog_part.name_bg as part_name',
      'catalog_part.unit as part_unit',
      sumInt('stock_movement.quantity_milli').as('quantity_milli'),
      sumInt('stock_movement.value_cents').as('value_cents'),
    ])
    .where('stock_movement.movement_date', '<=', date)
    .groupBy([
      'stock_movement.warehouse_id',
      'stock_warehouse.code',
      'stock_warehouse.name',
      'stock_movement.part_id',
      'catalog_part.code',
      'catalog_part.name_bg',
      'catalog_part.unit',
    ])
    .having((eb) =>
      eb.or([
        eb(sql`sum(stock_movement.quantity_milli)`, '<>', 0),
        eb(sql`sum(stock_movement.value_cents)`, '<>', 0),
      ]),
    )
    .orderBy('stock_warehouse.code')
    .orderBy('catalog_part.code');
  if (warehouseId) q = q.where('stock_movement.warehouse_id', '=', warehouseId);
  return q.execute();
}

// ---------------------------------------------------------------- reservations

export interface ReservationFilter {
  warehouseId?: string;
  partId?: string;
  status?: StockReservationTable['status'];
  sourceType?: string;
  sourceId?: string;
}

function reservationView(db: Executor) {
  return db
    .selectFrom('stock_reservation')
    .innerJoin('catalog_part', 'catalog_part.id', 'stock_reservation.part_id')
    .innerJoin('stock_warehouse', 'stock_warehouse.id', 'stock_reservation.warehouse_id')
    .selectAll('stock_reservation')
    .select([
      'catalog_part.code as part_code',
      'catalog_part.name_bg as part_name',
      'stock_warehouse.code as warehouse_code',
      'stock_warehouse.name as warehouse_name',
    ]);
}
export type ReservationRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof reservationView>['executeTakeFirst']>>
>;

export async function listReservations(
  db: Executor,
  f: ReservationFilter,
  window?: { limit: number; offset: number },
) {
  let q = reservationView(db);
  if (f.warehouseId) q = q.where('stock_reservation.warehouse_id', '=', f.warehouseId);
  if (f.partId) q = q.where('stock_reservation.part_id', '=', f.partId);
  if (f.status) q = q.where('stock_reservation.status', '=', f.status);
  if (f.sourceType) q = q.where('stock_reservation.source_type', '=', f.sourceType);
  if (f.sourceId) q = q.where('stock_reservation.source_id', '=', f.sourceId);
  return page(
    q,
    { columns: ['stock_reservation.created_at'], direction: 'desc' },
    'stock_reservation.id',
    window,
  );
}

export async function findReservation(db: Executor, id: string) {
  return reservationView(db).where('stock_reservation.id', '=', id).executeTakeFirst();
}

/** The code and Bulgarian name of these parts (what a reservation shows of its part), by id: one read. */
export async function partLabels(db: Executor, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, { code: string; name_bg: string }>();
  const rows = await db
    .selectFrom('catalog_part')
    .select(['id', 'code', 'name_bg'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name_bg: r.name_bg }]));
}

/** The reservations of these ids with their names, by id (one read for a document's lines). */
export async function findReservations(db: Executor, ids: readonly string[]) {
  if (!ids.length) return new Map<string, ReservationRow>();
  const rows = await reservationView(db).where('stock_reservation.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function lockReservations(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return lockForUpdate(
    db.selectFrom('stock_reservation').selectAll().where('id', 'in', ids).orderBy('id'),
    db,
  ).execute();
}

export async function insertReservations(
  db: Executor,
  rows: Insertable<StockReservationTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto('stock_reservation').values(rows).execute();
}

/** Moves an active reservation to released or consumed; false when it was no longer active. */
export async function closeReservation(
  db: Executor,
  id: string,
  patch: Updateable<StockReservationTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('stock_reservation')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The active reservations of a record (or one of its lines) with their part's and warehouse's names, oldest first. */
export async function activeReservationViewsOfSource(
  db: Executor,
  sourceType: string,
  sourceId: string,
  sourceLineId?: string,
) {
  let q = reservationView(db)
    .where('stock_reservation.source_type', '=', sourceType)
    .where('stock_reservation.source_id', '=', sourceId)
    .where('stock_reservation.status', '=', 'active');
  if (sourceLineId !== undefined) q = q.where('stock_reservation.source_line_id', '=', sourceLineId);
  return q.orderBy('stock_reservation.id').execute();
}

export async function activeReservationsOfSource(
  db: Executor,
  sourceType: string,
  sourceId: string,
  sourceLineId?: string,
) {
  let q = db
    .selectFrom('stock_reservation')
    .selectAll()
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .where('status', '=', 'active');
  if (sourceLineId !== undefined) q = q.where('source_line_id', '=', sourceLineId);
  return q.orderBy('id').execute();
}

/** Warehouses in use (not archived), vans included: the first-steps checklist asks for one. */
export async function countWarehousesInUse(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('stock_warehouse')
    .select(countAll().as('n'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Receipts ever posted (a reversed one was posted too): the first-steps checklist ends with the first. */
export async function countPostedReceipts(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('stock_document')
    .select(countAll().as('n'))
    .where('type', '=', 'receipt')
    .where('status', 'in', ['posted', 'reversed'])
    .where('reversal_of_id', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The supplier of the part's last posted receipt (not reversed), or null: whom a missing part is ordered from. */
export async function lastSupplierOfPart(db: Executor, partId: string): Promise<string | null> {
  const row = await db
    .selectFrom('stock_document as d')
    .innerJoin('stock_document_line as l', 'l.document_id', 'd.id')
    .select('d.supplier_id')
    .where('l.part_id', '=', partId)
    .where('d.type', '=', 'receipt')
    .where('d.status', '=', 'posted')
    .where('d.reversal_of_id', 'is', null)
    .where('d.supplier_id', 'is not', null)
    .orderBy('d.posted_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.supplier_id ?? null;
}
