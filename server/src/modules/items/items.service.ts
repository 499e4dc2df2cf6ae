import type { Insertable, Updateable } from 'kysely';
import { type ArchiveAudit, archiveRecord, deleteRecord } from '../../db/archive';
import type { Db, Executor } from '../../db/database';
import { mapPage } from '../../db/list';
import { nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import { registerUsageCheck } from '../../db/usage';
import type { Actor } from '../../kernel/actor';
import { calendarDateOf, todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import { toSearchText } from '../../kernel/search-text';
import { recordAudit } from '../audit';
import type { Role } from '../auth';
import { getModel, type Model } from '../catalog';
import { assertCustomerExists, assertSiteOfCustomer } from '../parties';
import { ITEM_WARRANTY_EDITORS, ITEM_WARRANTY_FIELDS } from './items.access';
import { itemChanged, itemHistoryEvents } from './items.hooks';
import * as repo from './items.repository';
import type {
  CreateItemBody,
  Item,
  ItemHistory,
  ItemSearchHit,
  ItemWarranty,
  TransferItemBody,
  UpdateItemBody,
} from './items.schema';
import type { ItemOwnerHistoryTable, ItemTable } from './items.table';
import { warrantyEndOf, warrantyStatus } from './items.warranty';

/** The item list's query: the shared list fields plus the item filters. */
export interface ItemListQuery {
  q?: string;
  page: number;
  pageSize: number;
  sort?: string;
  partyId?: string;
  siteId?: string;
  modelId?: string;
  brandId?: string;
  underWarranty?: boolean;
  /** The date the underWarranty filter is evaluated on; today (Europe/Sofia) by default. */
  warrantyOn?: string;
  archived?: boolean;
}

/** The search column: the serial as written and without spaces or dashes, the model, the brand, the owner. */
export function itemSearchText(
  serial: string,
  modelName: string,
  brandName: string,
  ownerName: string,
): string {
  const compact = serial.replace(/[\s\-/.]/g, '');
  return toSearchText(serial, compact === serial ? null : compact, modelName, brandName, ownerName);
}

function toItem(r: repo.ItemViewRow, today: string): Item {
  const w = { purchaseDate: r.purchase_date, warrantyMonths: r.warranty_months, warrantyEnd: r.warranty_end };
  return {
    id: r.id,
    modelId: r.model_id,
    modelName: r.model_name,
    brandId: r.brand_id,
    brandCode: r.brand_code,
    brandName: r.brand_name,
    categoryCode: r.category_code,
    serialNumber: r.serial_number,
    partyId: r.party_id,
    partyName: r.party_name,
    siteId: r.site_id,
    siteName: r.site_name ?? null,
    purchaseDate: r.purchase_date,
    seller: r.seller,
    warrantyDocNumber: r.warranty_doc_number,
    warrantyMonths: r.warranty_months,
    warrantyEnd: r.warranty_end,
    warranty: warrantyStatus(w, today),
    notes: r.notes,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function viewOrThrow(db: Executor, id: string): Promise<repo.ItemViewRow> {
  const row = await repo.findItemView(db, id);
  if (!row) throw notFound('item');
  return row;
}

export async function getItem(db: Executor, id: string): Promise<Item> {
  return toItem(await viewOrThrow(db, id), todayDate());
}

function filterOf(q: ItemListQuery): repo.ItemFilter {
  return {
    q: q.q,
    partyId: q.partyId,
    siteId: q.siteId,
    modelId: q.modelId,
    brandId: q.brandId,
    underWarranty: q.underWarranty,
    warrantyOn: q.warrantyOn ?? todayDate(),
    archived: q.archived,
  };
}

/** One page of items with the filters; sorted, filtered and paged in SQL. */
export async function listItems(db: Executor, q: ItemListQuery): Promise<PageOf<Item>> {
  const today = todayDate();
  const page = await repo.listItems(db, filterOf(q), q.sort, q);
  return mapPage(page, (rows) => rows.map((r) => toItem(r, today)));
}

/** Every item that matches the filters (no paging), for the CSV export. */
export async function exportItems(
  db: Executor,
  q: Omit<ItemListQuery, 'page' | 'pageSize'>,
): Promise<Item[]> {
  const rows = await repo.allItems(db, filterOf({ ...q, page: 1, pageSize: 1 }), q.sort);
  const today = todayDate();
  return rows.map((r) => toItem(r, today));
}

/** Items whose serial, model, brand or owner matches, for the global search box (archived items left out). */
export async function searchItems(db: Executor, needle: string, limit = 10): Promise<ItemSearchHit[]> {
  if (!needle.trim()) return [];
  const rows = await repo.searchItemRows(db, needle, limit);
  return rows.map((r) => ({
    id: r.id,
    serialNumber: r.serial_number,
    modelName: r.model_name,
    brandName: r.brand_name,
    partyId: r.party_id,
    partyName: r.party_name,
    siteName: r.site_name ?? null,
  }));
}

// Rules shared by create, update, transfer and the import

/** The model must exist in the catalogue (400 unknown_model). */
async function modelOrThrow(db: Executor, modelId: string, field = 'modelId'): Promise<Model> {
  const model = await getModel(db, modelId);
  if (!model) throw new DomainError('invalid', 'unknown_model', { field, params: { field } });
  return model;
}

/** The owner must be a live customer (parties: 400 unknown_party / not_a_customer, 409 party_archived). */
async function customerOrThrow(db: Executor, partyId: string, field = 'partyId') {
  return assertCustomerExists(db, partyId, field);
}

/** A site must be one of the owner's sites (parties: 400 unknown_site / site_not_of_customer). */
async function checkSite(db: Executor, siteId: string | null | undefined, partyId: string) {
  if (siteId) await assertSiteOfCustomer(db, siteId, partyId, 'siteId');
}

function checkWarrantyDates(purchaseDate: string | null, warrantyEnd: string | null) {
  if (purchaseDate && warrantyEnd && warrantyEnd < purchaseDate)
    throw new DomainError('invalid', 'warranty_end_before_purchase', {
      field: 'warrantyEnd',
      params: { purchaseDate, warrantyEnd },
    });
}

/** One serial per model among all items (archived ones too): 409 naming the existing item and its owner. */
async function checkSerialFree(db: Executor, modelId: string, serial: string, exceptId?: string) {
  const existing = await repo.findItemBySerial(db, modelId, serial);
  if (existing && existing.id !== exceptId) throw duplicateSerial(existing);
}

function duplicateSerial(existing: repo.ItemViewRow) {
  return new DomainError('conflict', 'duplicate_serial', {
    field: 'serialNumber',
    params: {
      serial: existing.serial_number,
      model: `${existing.brand_name} ${existing.model_name}`,
      owner: existing.party_name,
    },
    extra: { existingId: existing.id, existingOwnerId: existing.party_id },
  });
}

/** The first owner period starts on the purchase date, or the day the item was registered. */
function firstOwnerDate(purchaseDate: string | null, createdAt: string): string {
  return purchaseDate ?? calendarDateOf(new Date(createdAt));
}

export interface NewItemRow {
  item: Insertable<ItemTable>;
  owner: Insertable<ItemOwnerHistoryTable>;
}

/** The item row and its first owner period, from checked values. */
export function newItemRows(v: {
  modelId: string;
  modelName: string;
  brandName: string;
  defaultWarrantyMonths: number;
  serialNumber: string;
  partyId: string;
  partyName: string;
  siteId: string | null;
  purchaseDate: string | null;
  seller: string | null;
  warrantyDocNumber: string | null;
  warrantyMonths: number | null;
  warrantyEnd: string | null;
  notes: string | null;
}): NewItemRow {
  const now = nowIso();
  const id = newId();
  const months = v.warrantyMonths ?? v.defaultWarrantyMonths;
  return {
    item: {
      id,
      model_id: v.modelId,
      serial_number: v.serialNumber,
      party_id: v.partyId,
      site_id: v.siteId,
      purchase_date: v.purchaseDate,
      seller: v.seller,
      warranty_doc_number: v.warrantyDocNumber,
      warranty_months: months,
      warranty_end: v.warrantyEnd,
      warranty_until: warrantyEndOf({
        purchaseDate: v.purchaseDate,
        warrantyMonths: months,
        warrantyEnd: v.warrantyEnd,
      }),
      notes: v.notes,
      search_text: itemSearchText(v.serialNumber, v.modelName, v.brandName, v.partyName),
      archived_at: null,
      created_at: now,
      updated_at: now,
    },
    owner: {
      id: newId(),
      item_id: id,
      party_id: v.partyId,
      site_id: v.siteId,
      from_date: firstOwnerDate(v.purchaseDate, now),
      to_date: null,
      reason: null,
      created_at: now,
      updated_at: now,
    },
  };
}

/** Writes new items with their first owner period and one audit row each. */
export async function insertNewItems(trx: Executor, actor: Actor, rows: NewItemRow[]): Promise<void> {
  try {
    await repo.insertItems(
      trx,
      rows.map((r) => r.item),
    );
  } catch (e) {
    // A concurrent registration of the same serial won between our check and our insert.
    if (isUniqueViolation(e))
      throw new DomainError('conflict', 'duplicate_serial', {
        field: 'serialNumber',
        params: { serial: rows.length === 1 ? rows[0]?.item.serial_number : '', model: '', owner: '—' },
      });
    throw e;
  }
  await repo.insertOwnerPeriods(
    trx,
    rows.map((r) => r.owner),
  );
  await recordAudit(
    trx,
    actor,
    rows.map((r) => ({
      action: 'item.create',
      entity: 'item',
      entityId: r.item.id,
      after: { ...r.item, search_text: undefined },
    })),
  );
}

/**
 * Registers a customer's item: the model must exist, the site must be the owner's, the serial must be new for the
 * model (409 duplicate_serial names the existing item and its owner); warranty months default to the model's.
 */
export async function createItem(db: Db, actor: Actor, input: CreateItemBody): Promise<Item> {
  return db.transaction().execute((trx) => createItemIn(trx, actor, input));
}

/** createItem inside the caller's transaction (a service order's intake registers an unknown serial). */
export async function createItemIn(trx: Executor, actor: Actor, input: CreateItemBody): Promise<Item> {
  {
    const model = await modelOrThrow(trx, input.modelId);
    const party = await customerOrThrow(trx, input.partyId);
    await checkSite(trx, input.siteId, party.id);
    checkWarrantyDates(input.purchaseDate ?? null, input.warrantyEnd ?? null);
    await checkSerialFree(trx, model.id, input.serialNumber);
    const rows = newItemRows({
      modelId: model.id,
      modelName: model.name,
      brandName: model.brandName,
      defaultWarrantyMonths: model.defaultWarrantyMonths,
      serialNumber: input.serialNumber,
      partyId: party.id,
      partyName: party.name,
      siteId: input.siteId ?? null,
      purchaseDate: input.purchaseDate ?? null,
      seller: input.seller ?? null,
      warrantyDocNumber: input.warrantyDocNumber ?? null,
      warrantyMonths: input.warrantyMonths ?? null,
      warrantyEnd: input.warrantyEnd ?? null,
      notes: input.notes ?? null,
    });
    await insertNewItems(trx, actor, [rows]);
    return getItem(trx, rows.item.id as string);
  }
}

/** The item of this model with this serial (as stored: trimmed, upper case), or null. */
export async function findItemByModelSerial(
  db: Executor,
  modelId: string,
  serial: string,
): Promise<Item | null> {
  const row = await repo.findItemBySerial(db, modelId, serial);
  return row ? getItem(db, row.id) : null;
}

/** The ids of the items with this serial (as stored), of any model. */
export async function findItemIdsBySerial(db: Executor, serial: string): Promise<string[]> {
  return (await repo.findItemsBySerials(db, [serial])).map((r) => r.id);
}

/** A technician corrects an item's data but not its warranty: that decides who pays for a repair. */
function checkWarrantyEditor(role: Role, row: repo.ItemViewRow, patch: UpdateItemBody): void {
  if (ITEM_WARRANTY_EDITORS.includes(role)) return;
  const stored: Record<(typeof ITEM_WARRANTY_FIELDS)[number], unknown> = {
    purchaseDate: row.purchase_date,
    warrantyMonths: row.warranty_months,
    warrantyEnd: row.warranty_end,
    warrantyDocNumber: row.warranty_doc_number,
  };
  // A form sends every field back: only a change counts, and an empty text is the same as none.
  const same = (a: unknown, b: unknown) =>
    (a === '' ? null : (a ?? null)) === (b === '' ? null : (b ?? null));
  for (const field of ITEM_WARRANTY_FIELDS) {
    const value = patch[field];
    if (value !== undefined && !same(value, stored[field]))
      throw new DomainError('forbidden', 'warranty_not_editable', { field, params: { field } });
  }
}

/**
 * Changes an item's model, serial, site, purchase and warranty data or notes. The owner changes only by a
 * transfer. warrantyMonths null goes back to the model's default; the site must be the current owner's.
 */
export async function updateItem(
  db: Db,
  actor: Actor,
  id: string,
  patch: UpdateItemBody,
  role?: Role,
): Promise<Item> {
  return db.transaction().execute(async (trx) => {
    const row = await viewOrThrow(trx, id);
    if (role) checkWarrantyEditor(role, row, patch);
    const today = todayDate();
    const before = toItem(row, today);
    const model =
      patch.modelId && patch.modelId !== row.model_id ? await modelOrThrow(trx, patch.modelId) : null;
    const modelId = model?.id ?? row.model_id;
    const modelName = model?.name ?? row.model_name;
    const brandName = model?.brandName ?? row.brand_name;
    const serial = patch.serialNumber ?? row.serial_number;

    const set: Updateable<ItemTable> = {};
    if (patch.siteId !== undefined && patch.siteId !== row.site_id) {
      await checkSite(trx, patch.siteId, row.party_id);
      set.site_id = patch.siteId ?? null;
    }
    const purchaseDate = patch.purchaseDate === undefined ? row.purchase_date : patch.purchaseDate;
    const warrantyEnd = patch.warrantyEnd === undefined ? row.warranty_end : patch.warrantyEnd;
    let months = row.warranty_months;
    if (patch.warrantyMonths !== undefined)
      months = patch.warrantyMonths ?? (model ?? (await modelOrThrow(trx, modelId))).defaultWarrantyMonths;
    checkWarrantyDates(purchaseDate, warrantyEnd);
    if (modelId !== row.model_id || serial !== row.serial_number)
      await checkSerialFree(trx, modelId, serial, id);

    set.model_id = modelId;
    set.serial_number = serial;
    set.purchase_date = purchaseDate;
    set.warranty_end = warrantyEnd;
    set.warranty_months = months;
    set.warranty_until = warrantyEndOf({ purchaseDate, warrantyMonths: months, warrantyEnd });
    if (patch.seller !== undefined) set.seller = patch.seller;
    if (patch.warrantyDocNumber !== undefined) set.warranty_doc_number = patch.warrantyDocNumber;
    if (patch.notes !== undefined) set.notes = patch.notes;
    set.search_text = itemSearchText(serial, modelName, brandName, row.party_name);
    set.updated_at = nowIso();
    try {
      await repo.updateItemRow(trx, id, set);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new DomainError('conflict', 'duplicate_serial', {
          field: 'serialNumber',
          params: { serial, model: `${brandName} ${modelName}`, owner: '—' },
        });
      throw e;
    }

    if (modelId !== row.model_id || serial !== row.serial_number) await itemChanged(trx, id);

    // The current owner period says where the item is; the first one starts on the purchase date.
    const current = await repo.findCurrentOwnerPeriod(trx, id);
    if (current && set.site_id !== undefined)
      await repo.updateOwnerPeriod(trx, current.id, { site_id: set.site_id, updated_at: nowIso() });
    if (current && purchaseDate !== row.purchase_date && (await repo.countOwnerPeriods(trx, id)) === 1)
      await repo.updateOwnerPeriod(trx, current.id, {
        from_date: firstOwnerDate(purchaseDate, row.created_at),
        updated_at: nowIso(),
      });

    const after = toItem(await viewOrThrow(trx, id), today);
    await recordAudit(trx, actor, { action: 'item.update', entity: 'item', entityId: id, before, after });
    return after;
  });
}

async function loadItem(db: Executor, id: string): Promise<Item | undefined> {
  const row = await repo.findItemView(db, id);
  return row ? toItem(row, todayDate()) : undefined;
}

/** The audit row of an archive, a restore (the archive date before and after) or a delete (the item). */
function auditItem(actor: Actor, id: string) {
  return (trx: Executor, e: ArchiveAudit<Item>) =>
    recordAudit(trx, actor, {
      action: `item.${e.action}`,
      entity: 'item',
      entityId: id,
      before: e.action === 'delete' ? e.before : { archivedAt: e.before.archivedAt },
      after: e.after && { archivedAt: e.after.archivedAt },
    });
}

async function setArchived(db: Db, actor: Actor, id: string, archived: boolean): Promise<Item> {
  return db.transaction().execute((trx) =>
    archiveRecord(trx, archived, {
      table: 'item',
      id,
      load: loadItem,
      isArchived: (item) => item.archivedAt !== null,
      audit: auditItem(actor, id),
    }),
  );
}

/** Archives an item: it leaves lists and the global search but keeps its serial and history. */
export async function archiveItem(db: Db, actor: Actor, id: string): Promise<Item> {
  return setArchived(db, actor, id, true);
}

export async function unarchiveItem(db: Db, actor: Actor, id: string): Promise<Item> {
  return setArchived(db, actor, id, false);
}

// An item changed hands has a history: the first reason not to delete it, before what other modules register.
registerUsageCheck('item', async (db, itemId) => ({
  entity: 'owner_history',
  code: 'item_has_owner_history',
  count: (await repo.countOwnerPeriods(db, itemId)) - 1,
}));

/**
 * Deletes an item registered by mistake. Refused (409 in_use, "archive instead") once it has a history beyond
 * its registration: a change of owner, or records of other modules (orders…) found by the registered checks.
 */
export async function deleteItem(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute((trx) =>
    deleteRecord(trx, {
      table: 'item',
      id,
      load: loadItem,
      remove: repo.deleteItemRow,
      audit: auditItem(actor, id),
    }),
  );
}

/**
 * Moves an item to another owner on a date: the current owner period ends that day and a new one starts. The item
 * keeps its id, serial and history, so later orders of the new owner attach to the same item.
 */
export async function transferItem(db: Db, actor: Actor, id: string, input: TransferItemBody): Promise<Item> {
  return db.transaction().execute(async (trx) => {
    const row = await viewOrThrow(trx, id);
    const party = await customerOrThrow(trx, input.partyId);
    if (party.id === row.party_id)
      throw new DomainError('invalid', 'transfer_same_owner', {
        field: 'partyId',
        params: { owner: party.name },
      });
    await checkSite(trx, input.siteId, party.id);
    const today = todayDate();
    if (input.date > today)
      throw new DomainError('invalid', 'transfer_date_in_future', { field: 'date', params: { today } });
    const current = await repo.findCurrentOwnerPeriod(trx, id);
    if (current && input.date < current.from_date)
      throw new DomainError('invalid', 'transfer_date_before_current', {
        field: 'date',
        params: { from: current.from_date },
      });
    const now = nowIso();
    if (current) await repo.updateOwnerPeriod(trx, current.id, { to_date: input.date, updated_at: now });
    await repo.insertOwnerPeriods(trx, [
      {
        id: newId(),
        item_id: id,
        party_id: party.id,
        site_id: input.siteId ?? null,
        from_date: input.date,
        to_date: null,
        reason: input.reason,
        created_at: now,
        updated_at: now,
      },
    ]);
    await repo.updateItemRow(trx, id, {
      party_id: party.id,
      site_id: input.siteId ?? null,
      search_text: itemSearchText(row.serial_number, row.model_name, row.brand_name, party.name),
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'item.transfer',
      entity: 'item',
      entityId: id,
      before: { partyId: row.party_id, siteId: row.site_id },
      after: { partyId: party.id, siteId: input.siteId ?? null, date: input.date, reason: input.reason },
    });
    return getItem(trx, id);
  });
}

/** The item's owners (oldest first) and the records other modules keep about it (newest first). */
export async function getItemHistory(db: Executor, id: string): Promise<ItemHistory> {
  await viewOrThrow(db, id);
  const owners = await repo.listOwnerPeriods(db, id);
  return {
    itemId: id,
    owners: owners.map((o) => ({
      id: o.id,
      partyId: o.party_id,
      partyName: o.party_name,
      siteId: o.site_id,
      siteName: o.site_name ?? null,
      fromDate: o.from_date,
      toDate: o.to_date,
      reason: o.reason,
    })),
    events: await itemHistoryEvents(db, id),
  };
}

/** Is the item under the manufacturer's warranty on the date (today by default)? See items.warranty.ts. */
export async function getItemWarranty(db: Executor, id: string, date?: string): Promise<ItemWarranty> {
  const row = await repo.findItem(db, id);
  if (!row) throw notFound('item');
  const on = date ?? todayDate();
  return {
    itemId: id,
    date: on,
    purchaseDate: row.purchase_date,
    warrantyMonths: row.warranty_months,
    ...warrantyStatus(
      { purchaseDate: row.purchase_date, warrantyMonths: row.warranty_months, warrantyEnd: row.warranty_end },
      on,
    ),
  };
}

/**
 * Refreshes the search column of the items of a party, model or brand, after their name changed (the parties and
 * catalog modules call it in the renaming transaction).
 */
export async function reindexItems(
  db: Executor,
  by: { partyId?: string; modelId?: string; brandId?: string },
): Promise<number> {
  if (!by.partyId && !by.modelId && !by.brandId) return 0;
  const rows = await repo.listItemsFor(db, by);
  for (const r of rows) {
    await repo.updateItemRow(db, r.id, {
      search_text: itemSearchText(r.serial_number, r.model_name, r.brand_name, r.party_name),
    });
  }
  return rows.length;
}
