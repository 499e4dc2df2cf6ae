/**
 * The rows of repair quotes and their lines (executor first: every step runs in the caller's transaction). Lists
 * join the customer's, item's and order's names for display only.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listPage, type SortKeys, thenBy } from '../../db/list';
import { lockForUpdate, matchesSearch } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type { QuoteStatus, RepairQuoteLineTable, RepairQuoteTable } from './quotes.table';

export type QuoteRow = Selectable<RepairQuoteTable>;
export type QuoteLineRow = Selectable<RepairQuoteLineTable>;

export function quoteView(db: Executor) {
  return db
    .selectFrom('repair_quote')
    .innerJoin('party', 'party.id', 'repair_quote.party_id')
    .innerJoin('item', 'item.id', 'repair_quote.item_id')
    .innerJoin('catalog_model', 'catalog_model.id', 'item.model_id')
    .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
    .leftJoin('service_order', 'service_order.id', 'repair_quote.order_id')
    .selectAll('repair_quote')
    .select((eb) => [
      'party.name as customer_name',
      eb
        .selectFrom('party_phone')
        .select('party_phone.number')
        .whereRef('party_phone.party_id', '=', 'repair_quote.party_id')
        .orderBy('party_phone.sort_order')
        .orderBy('party_phone.id')
        .limit(1)
        .as('customer_phone'),
      'item.serial_number',
      'item.model_id',
      'catalog_model.name as model_name',
      'catalog_brand.name as brand_name',
      'service_order.number as order_number',
    ]);
}
export type QuoteViewRow = NonNullable<Awaited<ReturnType<typeof findQuoteView>>>;

export async function findQuoteView(db: Executor, id: string) {
  return quoteView(db).where('repair_quote.id', '=', id).executeTakeFirst();
}

/** The quote, locked until the transaction ends (PostgreSQL): one writer of a quote at a time. */
export async function lockQuote(db: Executor, id: string): Promise<QuoteRow | undefined> {
  return lockForUpdate(db.selectFrom('repair_quote').selectAll().where('id', '=', id), db).executeTakeFirst();
}

export async function insertQuote(db: Executor, row: Insertable<RepairQuoteTable>): Promise<void> {
  await db.insertInto('repair_quote').values(row).execute();
}

export async function updateQuote(db: Executor, id: string, patch: Updateable<RepairQuoteTable>) {
  await db.updateTable('repair_quote').set(patch).where('id', '=', id).execute();
}

/** The open quotes made from an order (draft, accepted, or sent and still valid on `today`). */
export async function openQuotesOfOrder(db: Executor, orderId: string, today: string) {
  return db
    .selectFrom('repair_quote')
    .select(['id', 'number'])
    .where('order_id', '=', orderId)
    .where('from_order', '=', sql<boolean>`${true}`)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['draft', 'accepted']),
        eb.and([eb('status', '=', 'sent'), eb('valid_until', '>=', today)]),
      ]),
    )
    .execute();
}

// ---------------------------------------------------------------- lines

export async function linesOf(db: Executor, quoteId: string) {
  return db
    .selectFrom('repair_quote_line')
    .leftJoin('catalog_part', 'catalog_part.id', 'repair_quote_line.part_id')
    .leftJoin('stock_warehouse', 'stock_warehouse.id', 'repair_quote_line.warehouse_id')
    .selectAll('repair_quote_line')
    .select(['catalog_part.code as part_code', 'stock_warehouse.code as warehouse_code'])
    .where('repair_quote_line.quote_id', '=', quoteId)
    .orderBy('repair_quote_line.position')
    .orderBy('repair_quote_line.id')
    .execute();
}

/** The customer's net of every line of the quotes, for a list's totals. */
export async function linesOfQuotes(db: Executor, quoteIds: readonly string[]) {
  if (!quoteIds.length) return [];
  return db
    .selectFrom('repair_quote_line')
    .selectAll()
    .where('quote_id', 'in', [...quoteIds])
    .execute();
}

export async function findLine(db: Executor, quoteId: string, lineId: string) {
  return db
    .selectFrom('repair_quote_line')
    .selectAll()
    .where('quote_id', '=', quoteId)
    .where('id', '=', lineId)
    .executeTakeFirst();
}

export async function nextPosition(db: Executor, quoteId: string): Promise<number> {
  const row = await db
    .selectFrom('repair_quote_line')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('quote_id', '=', quoteId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertLine(db: Executor, row: Insertable<RepairQuoteLineTable>) {
  await db.insertInto('repair_quote_line').values(row).execute();
}

export async function updateLine(db: Executor, id: string, patch: Updateable<RepairQuoteLineTable>) {
  await db.updateTable('repair_quote_line').set(patch).where('id', '=', id).execute();
}

export async function deleteLine(db: Executor, id: string) {
  await db.deleteFrom('repair_quote_line').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- list

export interface QuoteFilter {
  q?: string | undefined;
  /** As the quotes read on `today`: expired includes a sent quote past its validity date. */
  statuses?: readonly QuoteStatus[] | undefined;
  today: string;
  partyId?: string | undefined;
  itemId?: string | undefined;
  orderId?: string | undefined;
}

export const QUOTE_SORT_KEYS: SortKeys = {
  number: ['repair_quote.number'],
  createdAt: ['repair_quote.created_at'],
  validUntil: ['repair_quote.valid_until'],
  status: ['repair_quote.status', 'repair_quote.created_at'],
};

export async function listQuotes(db: Executor, f: QuoteFilter, order: ListOrder, page: PageRequest) {
  let q = quoteView(db);
  if (f.q) q = q.where(matchesSearch('repair_quote.search_text', f.q));
  const statuses = f.statuses;
  if (statuses?.length)
    q = q.where((eb) =>
      eb.or(
        statuses.map((s) => {
          if (s === 'sent')
            return eb.and([
              eb('repair_quote.status', '=', 'sent'),
              eb('repair_quote.valid_until', '>=', f.today),
            ]);
          if (s === 'expired')
            return eb.or([
              eb('repair_quote.status', '=', 'expired'),
              eb.and([eb('repair_quote.status', '=', 'sent'), eb('repair_quote.valid_until', '<', f.today)]),
            ]);
          return eb('repair_quote.status', '=', s);
        }),
      ),
    );
  if (f.partyId) q = q.where('repair_quote.party_id', '=', f.partyId);
  if (f.itemId) q = q.where('repair_quote.item_id', '=', f.itemId);
  if (f.orderId) q = q.where('repair_quote.order_id', '=', f.orderId);
  return listPage(q, thenBy(order, 'repair_quote.id'), page);
}
