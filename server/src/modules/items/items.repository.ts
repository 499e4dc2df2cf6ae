import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { listAll, listOrder, listPage, type OrderTerm, type SortKeys } from '../../db/list';
import { countAll, matchesSearchIndexed } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type { ItemOwnerHistoryTable, ItemTable } from './items.table';

/** Filters of the item list (all optional; archived items are left out unless archived is true). */
export interface ItemFilter {
  q?: string;
  partyId?: string;
  siteId?: string;
  modelId?: string;
  brandId?: string;
  /** With warrantyOn: under the manufacturer's warranty on that date (true) or not (false). */
  underWarranty?: boolean;
  warrantyOn: string;
  archived?: boolean;
}

// warranty_until may be null: "is null" first keeps nulls last on both databases (SQLite puts them first).
const nullsLast = (column: string): OrderTerm[] => [
  { by: sql`case when ${sql.ref(column)} is null then 1 else 0 end`, direction: 'asc' },
  column,
  'item.id',
];
const ITEM_SORTS: SortKeys = {
  serial: nullsLast('item.serial_number'),
  createdAt: nullsLast('item.created_at'),
  warrantyEnd: nullsLast('item.warranty_until'),
};

/** Newest first unless a sort is asked for. */
const itemOrder = (sort: string | undefined) => listOrder(sort || '-createdAt', ITEM_SORTS, 'createdAt');

// The item with the names it is shown with. The joined tables belong to the catalog and parties modules: these
// are read-only joins, so that lists sort, filter and page in SQL.
function itemView(db: Executor) {
  return db
    .selectFrom('item')
    .innerJoin('catalog_model', 'catalog_model.id', 'item.model_id')
    .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
    .innerJoin('catalog_category', 'catalog_category.id', 'catalog_model.category_id')
    .innerJoin('party', 'party.id', 'item.party_id')
    .leftJoin('site', 'site.id', 'item.site_id')
    .selectAll('item')
    .select([
      'catalog_model.name as model_name',
      'catalog_model.brand_id as brand_id',
      'catalog_brand.code as brand_code',
      'catalog_brand.name as brand_name',
      'catalog_category.code as category_code',
      'party.name as party_name',
      'site.name as site_name',
    ]);
}

export type ItemViewRow = NonNullable<Awaited<ReturnType<ReturnType<typeof itemView>['executeTakeFirst']>>>;

export async function findItem(db: Executor, id: string) {
  return db.selectFrom('item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findItemView(db: Executor, id: string) {
  return itemView(db).where('item.id', '=', id).executeTakeFirst();
}

export async function findItemBySerial(db: Executor, modelId: string, serialNumber: string) {
  return itemView(db)
    .where('item.model_id', '=', modelId)
    .where('item.serial_number', '=', serialNumber)
    .executeTakeFirst();
}

/** Items with any of these serials (of any model), for the import's duplicate check. */
export async function findItemsBySerials(db: Executor, serials: readonly string[]) {
  if (!serials.length) return [];
  return itemView(db).where('item.serial_number', 'in', serials).execute();
}

type ItemViewQuery = ReturnType<typeof itemView>;

function filtered(db: Executor, qb: ItemViewQuery, f: ItemFilter): ItemViewQuery {
  let q = qb;
  if (f.q) q = q.where(matchesSearchIndexed(db, 'item', f.q));
  if (f.partyId) q = q.where('item.party_id', '=', f.partyId);
  if (f.siteId) q = q.where('item.site_id', '=', f.siteId);
  if (f.modelId) q = q.where('item.model_id', '=', f.modelId);
  if (f.brandId) q = q.where('catalog_model.brand_id', '=', f.brandId);
  q = f.archived ? q.where('item.archived_at', 'is not', null) : q.where('item.archived_at', 'is', null);
  if (f.underWarranty !== undefined) {
    const on = f.warrantyOn;
    // Covered from the purchase date through warranty_until inclusive (items.warranty.ts); null until = unknown.
    q = q.where((eb) =>
      f.underWarranty
        ? eb.and([
            eb('item.warranty_until', '>=', on),
            eb.or([eb('item.purchase_date', 'is', null), eb('item.purchase_date', '<=', on)]),
          ])
        : eb.or([
            eb('item.warranty_until', 'is', null),
            eb('item.warranty_until', '<', on),
            eb('item.purchase_date', '>', on),
          ]),
    );
  }
  return q;
}

/** One page of the items of the filter, sorted by `sort` ("serial", "-warrantyEnd", ...), and their count. */
export async function listItems(db: Executor, f: ItemFilter, sort: string | undefined, page: PageRequest) {
  return listPage(filtered(db, itemView(db), f), itemOrder(sort), page);
}

/** Every item of the filter, sorted, for the CSV export. */
export async function allItems(db: Executor, f: ItemFilter, sort: string | undefined) {
  return listAll(filtered(db, itemView(db), f), itemOrder(sort));
}

export async function searchItemRows(db: Executor, needle: string, limit: number) {
  return itemView(db)
    .where(matchesSearchIndexed(db, 'item', needle))
    .where('item.archived_at', 'is', null)
    .orderBy('item.serial_number')
    .orderBy('item.id')
    .limit(limit)
    .execute();
}

export async function insertItems(db: Executor, rows: Insertable<ItemTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('item').values(rows).execute();
}

export async function updateItemRow(db: Executor, id: string, patch: Updateable<ItemTable>): Promise<void> {
  await db.updateTable('item').set(patch).where('id', '=', id).execute();
}

export async function deleteItemRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('item_owner_history').where('item_id', '=', id).execute();
  await db.deleteFrom('item').where('id', '=', id).execute();
}

export async function listItemsFor(
  db: Executor,
  by: { partyId?: string; modelId?: string; brandId?: string; siteId?: string },
) {
  let q = itemView(db);
  if (by.partyId) q = q.where('item.party_id', '=', by.partyId);
  if (by.modelId) q = q.where('item.model_id', '=', by.modelId);
  if (by.brandId) q = q.where('catalog_model.brand_id', '=', by.brandId);
  if (by.siteId) q = q.where('item.site_id', '=', by.siteId);
  return q.execute();
}

// Owner history

export async function insertOwnerPeriods(
  db: Executor,
  rows: Insertable<ItemOwnerHistoryTable>[],
): Promise<void> {
  if (rows.length) await db.insertInto('item_owner_history').values(rows).execute();
}

export async function updateOwnerPeriod(
  db: Executor,
  id: string,
  patch: Updateable<ItemOwnerHistoryTable>,
): Promise<void> {
  await db.updateTable('item_owner_history').set(patch).where('id', '=', id).execute();
}

export async function listOwnerPeriods(db: Executor, itemId: string) {
  return db
    .selectFrom('item_owner_history')
    .innerJoin('party', 'party.id', 'item_owner_history.party_id')
    .leftJoin('site', 'site.id', 'item_owner_history.site_id')
    .selectAll('item_owner_history')
    .select(['party.name as party_name', 'site.name as site_name'])
    .where('item_owner_history.item_id', '=', itemId)
    .orderBy('item_owner_history.from_date')
    .orderBy('item_owner_history.created_at')
    .execute();
}

export async function countOwnerPeriods(db: Executor, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('item_owner_history')
    .select(countAll().as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function findCurrentOwnerPeriod(db: Executor, itemId: string) {
  return db
    .selectFrom('item_owner_history')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('to_date', 'is', null)
    .executeTakeFirst();
}

export async function countAllItems(db: Executor): Promise<number> {
  const row = await db.selectFrom('item').select(countAll().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** Items the party owns now or owned before (its owner periods). */
export async function countItemsOfParty(db: Executor, partyId: string): Promise<number> {
  const row = await db
    .selectFrom('item')
    .select(countAll().as('n'))
    .where((eb) =>
      eb.or([
        eb('item.party_id', '=', partyId),
        eb.exists(
          eb
            .selectFrom('item_owner_history')
            .select('item_owner_history.id')
            .whereRef('item_owner_history.item_id', '=', 'item.id')
            .where('item_owner_history.party_id', '=', partyId),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Items installed at the site now or before (owner periods keep the site). */
export async function countItemsAtSite(db: Executor, siteId: string): Promise<number> {
  const row = await db
    .selectFrom('item')
    .select(countAll().as('n'))
    .where((eb) =>
      eb.or([
        eb('item.site_id', '=', siteId),
        eb.exists(
          eb
            .selectFrom('item_owner_history')
            .select('item_owner_history.id')
            .whereRef('item_owner_history.item_id', '=', 'item.id')
            .where('item_owner_history.site_id', '=', siteId),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countItemsOfModel(db: Executor, modelId: string): Promise<number> {
  const row = await db
    .selectFrom('item')
    .select(countAll().as('n'))
    .where('model_id', '=', modelId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The owner periods of a party, with the item they concern, for the privacy export. */
export async function listOwnerPeriodsOfParty(db: Executor, partyId: string) {
  return db
    .selectFrom('item_owner_history')
    .innerJoin('item', 'item.id', 'item_owner_history.item_id')
    .innerJoin('catalog_model', 'catalog_model.id', 'item.model_id')
    .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
    .leftJoin('site', 'site.id', 'item_owner_history.site_id')
    .select([
      'item.id as item_id',
      'item.serial_number',
      'catalog_brand.name as brand_name',
      'catalog_model.name as model_name',
      'site.name as site_name',
      'item_owner_history.from_date',
      'item_owner_history.to_date',
      'item_owner_history.reason',
    ])
    .where('item_owner_history.party_id', '=', partyId)
    .orderBy('item_owner_history.from_date')
    .execute();
}
