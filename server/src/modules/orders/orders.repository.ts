import type { Insertable, RawBuilder, SelectQueryBuilder, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listAll, ordered, type SortKeys, thenBy } from '../../db/list';
import type { Database } from '../../db/schema';
import {
  countAll,
  dialectOf,
  idIsOneOf,
  lockForUpdate,
  matchesSearch,
  matchesSearchIndexed,
} from '../../db/sql';
import { offsetOf, type PageRequest } from '../../kernel/list-query';
import { OPEN_STATUSES } from './orders.lifecycle';
import type {
  ServiceOrderEventTable,
  ServiceOrderLinkTable,
  ServiceOrderTable,
  ServiceSettingsTable,
} from './orders.table';

/**
 * An order with what its header shows: the customer's name and first phone, the item's serial, model and brand,
 * the site, the lead technician and who took it in. Lists join the other modules' names for display only.
 */
export function orderView(db: Executor) {
  return db
    .selectFrom('service_order')
    .innerJoin('party', 'party.id', 'service_order.party_id')
    .innerJoin('item', 'item.id', 'service_order.item_id')
    .innerJoin('catalog_model', 'catalog_model.id', 'item.model_id')
    .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
    .leftJoin('site', 'site.id', 'service_order.site_id')
    .leftJoin('technician', 'technician.id', 'service_order.technician_id')
    .leftJoin('app_user as receiver', 'receiver.id', 'service_order.received_by')
    .selectAll('service_order')
    .select((eb) => [
      'party.name as customer_name',
      eb
        .selectFrom('party_phone')
        .select('party_phone.number')
        .whereRef('party_phone.party_id', '=', 'service_order.party_id')
        .orderBy('party_phone.sort_order')
        .orderBy('party_phone.id')
        .limit(1)
        .as('customer_phone'),
      'item.serial_number',
      'item.model_id',
      // The manufacturer's warranty of the item (the order page), without reading the item again.
      'item.purchase_date as item_purchase_date',
      'item.warranty_months as item_warranty_months',
      'item.warranty_end as item_warranty_end',
      'catalog_model.name as model_name',
      'catalog_brand.name as brand_name',
      'site.name as site_name',
      'technician.name as technician_name',
      'receiver.full_name as received_by_name',
    ]);
}
export type OrderViewRow = NonNullable<Awaited<ReturnType<typeof findOrderView>>>;

export async function findOrderView(db: Executor, id: string) {
  return orderView(db).where('service_order.id', '=', id).executeTakeFirst();
}

export async function findOrder(db: Executor, id: string) {
  return db.selectFrom('service_order').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The order row, locked for the rest of the transaction on PostgreSQL (status changes, edits). */
export async function lockOrder(db: Executor, id: string) {
  return lockForUpdate(
    db.selectFrom('service_order').selectAll().where('id', '=', id),
    db,
  ).executeTakeFirst();
}

export async function insertOrder(db: Executor, row: Insertable<ServiceOrderTable>): Promise<void> {
  await db.insertInto('service_order').values(row).execute();
}

export async function updateOrder(
  db: Executor,
  id: string,
  patch: Updateable<ServiceOrderTable>,
): Promise<void> {
  await db.updateTable('service_order').set(patch).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- list

export interface OrderFilter {
  q?: string | undefined;
  statuses?: readonly string[] | undefined;
  open?: boolean | undefined;
  technicianId?: string | undefined;
  partyId?: string | undefined;
  itemId?: string | undefined;
  /** Only orders that entered their status at or after this instant (the board's closed columns). */
  changedSince?: string | undefined;
  /** The overdue condition (orders.overdue.ts), when the list asks for overdue=true/false. */
  overdue?: { when: boolean; condition: RawBuilder<boolean> } | undefined;
}

export const ORDER_SORT_KEYS: SortKeys = {
  number: ['service_order.number'],
  receivedAt: ['service_order.received_at'],
  statusChangedAt: ['service_order.status_changed_at'],
  promisedDate: [
    { by: sql`case when service_order.promised_date is null then 1 else 0 end`, direction: 'asc' },
    'service_order.promised_date',
  ],
  status: ['service_order.status', 'service_order.status_changed_at'],
};

/** The statuses an order is open in (not delivered, not cancelled): the partial index service_order_open_idx covers them. */
const CLOSED = ['delivered', 'cancelled'] as const;

/**
 * The search of a filter. Over the whole history the search index answers (ADR 7); but when another condition
 * already narrows the orders to a few thousand (the open ones, a window of days, one customer or item), checking
 * those rows is cheaper than reading every match of a common needle ("иван") from the index.
 */
function searchCondition(db: Executor, f: OrderFilter & { q: string }) {
  const narrow =
    f.open ||
    f.changedSince !== undefined ||
    f.partyId !== undefined ||
    f.itemId !== undefined ||
    (f.statuses?.length && f.statuses.every((s) => !(CLOSED as readonly string[]).includes(s)));
  return narrow
    ? matchesSearch('service_order.search_text', f.q)
    : matchesSearchIndexed(db, 'service_order', f.q);
}

/** The filter's conditions on any select from service_order (with or without the display joins). */
function applyFilter<QB extends SelectQueryBuilder<Database, 'service_order', object>>(
  db: Executor,
  query: QB,
  f: OrderFilter,
): QB {
  // biome-ignore lint/suspicious/noExplicitAny: the conditions name only service_order's columns, present in both shapes
  let q = query as SelectQueryBuilder<Database, 'service_order', any>;
  if (f.q) q = q.where(searchCondition(db, { ...f, q: f.q }));
  if (f.statuses?.length)
    q = q.where('service_order.status', 'in', [...f.statuses] as ServiceOrderTable['status'][]);
  // Literal, not bound: only then can SQLite (and PostgreSQL's generic plans) see it implies the partial index's WHERE.
  if (f.open) q = q.where(sql<boolean>`service_order.status not in ('delivered', 'cancelled')`);
  if (f.technicianId) q = q.where('service_order.technician_id', '=', f.technicianId);
  if (f.partyId) q = q.where('service_order.party_id', '=', f.partyId);
  if (f.itemId) q = q.where('service_order.item_id', '=', f.itemId);
  if (f.changedSince) q = q.where('service_order.status_changed_at', '>=', f.changedSince);
  if (f.overdue)
    q = q.where(f.overdue.when ? f.overdue.condition : sql<boolean>`not (${f.overdue.condition})`);
  return q as QB;
}

export function filteredOrders(db: Executor, f: OrderFilter) {
  return applyFilter(db, orderView(db), f);
}

/**
 * A searched page in two reads: the page's ids from service_order alone, then the display rows of those ids. A
 * statement with LIKE is planned for its pattern on every call (ADR 0027), and PostgreSQL took ~12 ms to plan the
 * display joins for a 1 ms read; planned alone, the search costs a fraction of a millisecond, and the display read is
 * one prepared statement whatever the ids (`= any($1)`).
 */
async function searchedPage(db: Executor, f: OrderFilter, order: ListOrder, page: PageRequest) {
  const ids = (
    await ordered(
      applyFilter(db, db.selectFrom('service_order').select('service_order.id'), f),
      thenBy(order, 'service_order.id'),
    )
      .limit(page.pageSize)
      .offset(offsetOf(page.page, page.pageSize))
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return [];
  const rows = await orderView(db)
    .where(idIsOneOf(db, 'service_order.id', ids))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of the filter and its total. The total counts service_order alone: every order has its customer, item,
 * model and brand (foreign keys, not null), so the display joins would only slow the count down.
 */
export async function listOrders(db: Executor, f: OrderFilter, order: ListOrder, page: PageRequest) {
  const readPage = () =>
    f.q
      ? searchedPage(db, f, order, page)
      : ordered(filteredOrders(db, f), thenBy(order, 'service_order.id'))
          .limit(page.pageSize)
          .offset(offsetOf(page.page, page.pageSize))
          .execute();
  const count = async () =>
    Number(
      (
        await applyFilter(db, db.selectFrom('service_order'), f)
          .select(countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // PostgreSQL counts on a second pooled session while the page is read (one round trip less on the way); SQLite
  // has one connection, and there a first page shorter than a page is its own total.
  if (dialectOf(db) === 'postgres') {
    const [items, total] = await Promise.all([readPage(), count()]);
    return { items, total, page: page.page, pageSize: page.pageSize };
  }
  const items = await readPage();
  const total = page.page === 1 && items.length < page.pageSize ? items.length : await count();
  return { items, total, page: page.page, pageSize: page.pageSize };
}

/**
 * The first cards of a board column, without a total (the board counts by status once): the order's own columns a
 * card shows, and the keys of the names the board joins once for every column (boardCards).
 */
function boardColumnQuery(db: Executor, f: OrderFilter, order: ListOrder, limit: number) {
  const cards = db
    .selectFrom('service_order')
    .select([
      'service_order.id',
      'service_order.number',
      'service_order.status',
      'service_order.status_changed_at',
      'service_order.location',
      'service_order.promised_date',
      'service_order.parts_arrived_at',
      'service_order.party_id',
      'service_order.item_id',
      'service_order.technician_id',
    ]);
  return ordered(applyFilter(db, cards, f), thenBy(order, 'service_order.id')).limit(limit);
}

/**
 * The first cards of several board columns in one statement (one round trip): each column's own ordered, limited
 * select of service_order alone wrapped as a subquery, joined by UNION ALL, and the display names (customer, item,
 * model, brand, technician) joined once over the union. One join over the few hundred cards, not one per column:
 * PostgreSQL plans eight 6-table joins in ~17 ms, more than reading them takes (ADR 0027); there the names are
 * lateral look-ups by key, since a plain join hashed the whole customer and item tables (4 ms for 10,000 rows, and
 * growing with the company) to name 240 cards. Answers the rows per
 * column, in the column's order (neither a union nor a join keeps its parts' order, so each column is sorted again
 * here by the same keys).
 */
const BOARD_CARD_OWN = [
  'card.id',
  'card.number',
  'card.status',
  'card.status_changed_at',
  'card.location',
  'card.promised_date',
  'card.parts_arrived_at',
  'card.board_column',
] as const;

export async function boardCards(
  db: Executor,
  columns: readonly { filter: OrderFilter; order: ListOrder; newestFirst: boolean }[],
  limit: number,
): Promise<BoardCardRow[][]> {
  if (!columns.length) return [];
  const parts = columns.map((c, i) =>
    db
      .selectFrom(boardColumnQuery(db, c.filter, c.order, limit).as(`c${i}`))
      .selectAll()
      .select(sql<number>`${sql.lit(i)}`.as('board_column')),
  );
  let union = parts[0] as (typeof parts)[number];
  for (const part of parts.slice(1)) union = union.unionAll(part);
  const rows: BoardCardRow[] =
    dialectOf(db) === 'postgres'
      ? await db
          .selectFrom(union.as('card'))
          // Each card's names by its keys (index lookups, `offset 0` keeps them per card): joined plainly, PostgreSQL
          // hashes every customer and item of the company for a few hundred cards.
          .innerJoinLateral(
            (eb) =>
              eb
                .selectFrom('party')
                .select('party.name as customer_name')
                .whereRef('party.id', '=', 'card.party_id')
                .offset(0)
                .as('p'),
            (join) => join.onTrue(),
          )
          .innerJoinLateral(
            (eb) =>
              eb
                .selectFrom('item')
                .innerJoin('catalog_model', 'catalog_model.id', 'item.model_id')
                .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
                .select([
                  'item.serial_number',
                  'catalog_model.name as model_name',
                  'catalog_brand.name as brand_name',
                ])
                .whereRef('item.id', '=', 'card.item_id')
                .offset(0)
                .as('i'),
            (join) => join.onTrue(),
          )
          .leftJoinLateral(
            (eb) =>
              eb
                .selectFrom('technician')
                .select('technician.name as technician_name')
                .whereRef('technician.id', '=', 'card.technician_id')
                .offset(0)
                .as('t'),
            (join) => join.onTrue(),
          )
          .select([
            ...BOARD_CARD_OWN,
            'p.customer_name',
            'i.serial_number',
            'i.model_name',
            'i.brand_name',
            't.technician_name',
          ])
          .execute()
      : await db
          .selectFrom(union.as('card'))
          .innerJoin('party', 'party.id', 'card.party_id')
          .innerJoin('item', 'item.id', 'card.item_id')
          .innerJoin('catalog_model', 'catalog_model.id', 'item.model_id')
          .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
          .leftJoin('technician', 'technician.id', 'card.technician_id')
          .select([
            ...BOARD_CARD_OWN,
            'party.name as customer_name',
            'item.serial_number',
            'catalog_model.name as model_name',
            'catalog_brand.name as brand_name',
            'technician.name as technician_name',
          ])
          .execute();
  const compare = (a: BoardCardRow, b: BoardCardRow) =>
    a.status_changed_at < b.status_changed_at
      ? -1
      : a.status_changed_at > b.status_changed_at
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0;
  return columns.map((c, i) =>
    rows
      .filter((r) => Number(r.board_column) === i)
      .sort((a, b) => (c.newestFirst ? -compare(a, b) : compare(a, b))),
  );
}
export interface BoardCardRow {
  id: string;
  number: string;
  status: ServiceOrderTable['status'];
  status_changed_at: ServiceOrderTable['status_changed_at'];
  location: ServiceOrderTable['location'];
  promised_date: ServiceOrderTable['promised_date'];
  parts_arrived_at: ServiceOrderTable['parts_arrived_at'];
  board_column: number;
  customer_name: string;
  serial_number: string;
  model_name: string;
  brand_name: string;
  technician_name: string | null;
}

export async function allOrders(db: Executor, f: OrderFilter, order: ListOrder) {
  return listAll(filteredOrders(db, f), thenBy(order, 'service_order.id'));
}

/**
 * Per status: how many orders, and how many of them overdue. Open statuses count every order; delivered and
 * cancelled only those that entered the status since `closedSince` (the board's recent window), so the board reads
 * a few thousand index entries, not the whole history.
 */
export async function countByStatus(
  db: Executor,
  f: OrderFilter,
  overdue: RawBuilder<boolean>,
  closedSince: string,
) {
  const count = (g: OrderFilter) =>
    applyFilter(db, db.selectFrom('service_order'), { q: f.q, technicianId: f.technicianId, ...g })
      .select([
        'service_order.status',
        countAll().as('n'),
        sql<number>`cast(sum(case when ${overdue} then 1 else 0 end) as bigint)`.as('overdue_n'),
      ])
      .groupBy('service_order.status')
      .execute();
  const [open, closed] = await Promise.all([
    // The open statuses named, not "not delivered, not cancelled": each is then a range of the status index.
    count({ statuses: OPEN_STATUSES }),
    count({ statuses: CLOSED, changedSince: closedSince }),
  ]);
  return [...open, ...closed];
}

// ---------------------------------------------------------------- lines (read side; orders-lines writes them)

export async function linesOf(db: Executor, orderId: string) {
  return db
    .selectFrom('service_order_line')
    .leftJoin('catalog_part', 'catalog_part.id', 'service_order_line.part_id')
    .leftJoin('stock_warehouse', 'stock_warehouse.id', 'service_order_line.warehouse_id')
    .selectAll('service_order_line')
    .select([
      'catalog_part.code as part_code',
      'catalog_part.serial_tracked',
      'stock_warehouse.code as warehouse_code',
    ])
    .where('service_order_line.order_id', '=', orderId)
    .orderBy('service_order_line.position')
    .orderBy('service_order_line.id')
    .execute();
}
export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];

export async function techniciansOfLines(db: Executor, lineIds: readonly string[]) {
  if (!lineIds.length) return [];
  return db
    .selectFrom('service_order_line_technician')
    .innerJoin('technician', 'technician.id', 'service_order_line_technician.technician_id')
    .select([
      'service_order_line_technician.line_id',
      'service_order_line_technician.technician_id',
      'service_order_line_technician.share_bp',
      'technician.name',
    ])
    .where('service_order_line_technician.line_id', 'in', [...lineIds])
    .orderBy('service_order_line_technician.share_bp', 'desc')
    .orderBy('technician.name')
    .execute();
}

// ---------------------------------------------------------------- warranty records

export function warrantyRecordView(db: Executor) {
  return db
    .selectFrom('warranty_record')
    .innerJoin('service_order', 'service_order.id', 'warranty_record.order_id')
    .leftJoin('service_order_line', 'service_order_line.id', 'warranty_record.line_id')
    .selectAll('warranty_record')
    .select(['service_order.number as order_number', 'service_order_line.description']);
}

export async function warrantyRecordsOfOrder(db: Executor, orderId: string) {
  return warrantyRecordView(db)
    .where('warranty_record.order_id', '=', orderId)
    .orderBy('warranty_record.created_at')
    .orderBy('warranty_record.id')
    .execute();
}

/** Active shop warranties of an item on a date: status active and valid_until on or after it. */
export async function activeWarrantyRecordsOfItem(db: Executor, itemId: string, date: string) {
  return warrantyRecordView(db)
    .where('warranty_record.item_id', '=', itemId)
    .where('warranty_record.status', '=', 'active')
    .where('warranty_record.valid_until', '>=', date)
    .orderBy('warranty_record.valid_until', 'desc')
    .orderBy('warranty_record.id')
    .execute();
}

export async function openOrdersOfItem(db: Executor, itemId: string) {
  return db
    .selectFrom('service_order')
    .select(['id', 'number', 'status'])
    .where('item_id', '=', itemId)
    .where('status', 'not in', ['delivered', 'cancelled'])
    .orderBy('received_at', 'desc')
    .execute();
}

export async function ordersOfItem(db: Executor, itemId: string) {
  return db
    .selectFrom('service_order')
    .select(['id', 'number', 'status', 'received_at', 'complaint', 'party_id', 'finished_at', 'delivered_at'])
    .where('item_id', '=', itemId)
    .execute();
}

// ---------------------------------------------------------------- timeline

export async function insertEvent(db: Executor, row: Insertable<ServiceOrderEventTable>): Promise<void> {
  await db.insertInto('service_order_event').values(row).execute();
}

export async function eventsOf(db: Executor, orderId: string) {
  return db
    .selectFrom('service_order_event')
    .leftJoin('app_user', 'app_user.id', 'service_order_event.user_id')
    .selectAll('service_order_event')
    .select('app_user.full_name as user_name')
    .where('service_order_event.order_id', '=', orderId)
    .orderBy('service_order_event.at', 'desc')
    .orderBy('service_order_event.id', 'desc')
    .execute();
}

// ---------------------------------------------------------------- status links

export async function activeLinkOf(db: Executor, orderId: string) {
  return db
    .selectFrom('service_order_link')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertLink(db: Executor, row: Insertable<ServiceOrderLinkTable>): Promise<void> {
  await db.insertInto('service_order_link').values(row).execute();
}

export async function revokeLinksOf(db: Executor, orderId: string, at: string): Promise<number> {
  const r = await db
    .updateTable('service_order_link')
    .set({ revoked_at: at })
    .where('order_id', '=', orderId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function orderByLinkHash(db: Executor, tokenHash: string) {
  return orderView(db)
    .innerJoin('service_order_link', 'service_order_link.order_id', 'service_order.id')
    .where('service_order_link.token_hash', '=', tokenHash)
    .where('service_order_link.revoked_at', 'is', null)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- settings

export async function findSettings(db: Executor) {
  return db.selectFrom('service_settings').selectAll().orderBy('id').executeTakeFirst();
}

export async function insertSettings(db: Executor, row: Insertable<ServiceSettingsTable>): Promise<void> {
  await db.insertInto('service_settings').values(row).execute();
}

export async function updateSettingsRow(
  db: Executor,
  id: string,
  patch: Updateable<ServiceSettingsTable>,
): Promise<void> {
  await db.updateTable('service_settings').set(patch).where('id', '=', id).execute();
}
