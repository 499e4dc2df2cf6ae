import type { Updateable } from 'kysely';
import { deleteRecord } from '../../db/archive';
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import { registerReference, registerUsageCheck } from '../../db/usage';
import type { Actor } from '../../kernel/actor';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { parseSort } from '../../kernel/list-query';
import { toSearchText } from '../../kernel/search-text';
import { recordAudit } from '../audit';
import { getTechnician, type Technician } from '../technicians';
import * as repo from './stock.repository';
import type { CreateWarehouseBody, UpdateWarehouseBody, Warehouse } from './stock.schema';
import type { StockWarehouseTable } from './stock.table';

export interface WarehouseListQuery extends repo.WarehouseFilter {
  sort?: string;
  page: number;
  pageSize: number;
}

// What keeps a warehouse from being deleted (archive it instead): its documents, levels and reservations.
registerUsageCheck('stock_warehouse', async (db, id) => ({
  entity: 'stock_documents',
  code: 'used_by_stock_documents',
  count: await repo.countDocumentsOfWarehouse(db, id),
}));
registerReference('stock_warehouse', {
  table: 'stock_level',
  column: 'warehouse_id',
  usedBy: 'stock_levels',
  code: 'used_by_stock_levels',
});
registerReference('stock_warehouse', {
  table: 'stock_reservation',
  column: 'warehouse_id',
  usedBy: 'stock_reservations',
  code: 'used_by_stock_reservations',
});

const SORTS: Record<string, string[]> = {
  code: ['stock_warehouse.code'],
  name: ['stock_warehouse.name'],
  kind: ['stock_warehouse.kind', 'stock_warehouse.code'],
  createdAt: ['stock_warehouse.created_at'],
};

function sortOf(sort: string | undefined) {
  const { entry, direction } = parseSort(sort, SORTS, 'code');
  return { columns: entry, direction };
}

export function toWarehouse(r: repo.WarehouseRow): Warehouse {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    technicianId: r.technician_id,
    technicianName: r.technician_name ?? null,
    molName: r.mol_name ?? (r.kind === 'van' ? (r.technician_name ?? null) : null),
    archived: r.archived_at !== null,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function warehouseSearchText(code: string, name: string, mol: string | null, technician: string | null) {
  return toSearchText(code, name, mol, technician);
}

export async function getWarehouse(db: Executor, id: string): Promise<Warehouse> {
  const row = await repo.findWarehouse(db, id);
  if (!row) throw notFound('stock_warehouse');
  return toWarehouse(row);
}

export async function listWarehouses(db: Executor, q: WarehouseListQuery) {
  const { rows, total } = await repo.listWarehouses(db, q, sortOf(q.sort), {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toWarehouse), total, page: q.page, pageSize: q.pageSize };
}

export async function exportWarehouses(db: Executor, q: Omit<WarehouseListQuery, 'page' | 'pageSize'>) {
  return (await repo.listWarehouses(db, q, sortOf(q.sort))).rows.map(toWarehouse);
}

/**
 * For a request that names a warehouse in `field`: 400 unknown_warehouse when there is none, 409
 * warehouse_archived when it is archived (no new documents there).
 */
export async function assertWarehouseUsable(db: Executor, id: string, field = 'warehouseId') {
  const row = await repo.findWarehouse(db, id);
  if (!row) throw new DomainError('invalid', 'unknown_warehouse', { field, params: { field } });
  if (row.archived_at)
    throw new DomainError('conflict', 'warehouse_archived', { field, params: { code: row.code } });
  return row;
}

async function technicianOf(db: Executor, id: string): Promise<Technician> {
  try {
    return await getTechnician(db, id);
  } catch (e) {
    if (e instanceof DomainError && e.kind === 'not_found')
      throw new DomainError('invalid', 'unknown_technician', { field: 'technicianId' });
    throw e;
  }
}

async function checkCode(db: Executor, code: string, exceptId?: string) {
  const existing = await repo.findWarehouseByCode(db, code);
  if (existing && existing.id !== exceptId)
    throw new DomainError('conflict', 'warehouse_code_taken', {
      field: 'code',
      params: { code, name: existing.name },
      extra: { existingId: existing.id },
    });
}

async function checkVan(db: Executor, technicianId: string, exceptId?: string): Promise<Technician> {
  const technician = await technicianOf(db, technicianId);
  const van = await repo.findVanOfTechnician(db, technicianId);
  if (van && van.id !== exceptId)
    throw new DomainError('conflict', 'technician_has_van', {
      field: 'technicianId',
      params: { technician: technician.name, code: van.code },
      extra: { existingId: van.id },
    });
  return technician;
}

/** Writes a checked warehouse and its audit row (also used by the demo seed); returns the id. */
export async function insertNewWarehouse(
  trx: Executor,
  actor: Actor,
  v: {
    code: string;
    name: string;
    kind: 'store' | 'van';
    technicianId: string | null;
    molName: string | null;
  },
  technicianName: string | null = null,
): Promise<string> {
  const now = nowIso();
  const id = newId();
  await repo.insertWarehouse(trx, {
    id,
    code: v.code,
    name: v.name,
    kind: v.kind,
    technician_id: v.technicianId,
    mol_name: v.molName,
    archived_at: null,
    search_text: warehouseSearchText(v.code, v.name, v.molName, technicianName),
    created_at: now,
    updated_at: now,
  });
  await recordAudit(trx, actor, {
    action: 'stock_warehouse.create',
    entity: 'stock_warehouse',
    entityId: id,
    after: { ...v, id },
  });
  return id;
}

/** Adds a store or a technician's van: codes are unique, a van needs a technician, one van per technician. */
export async function createWarehouse(db: Db, actor: Actor, input: CreateWarehouseBody): Promise<Warehouse> {
  return db.transaction().execute(async (trx) => {
    await checkCode(trx, input.code);
    const technician =
      input.kind === 'van' && input.technicianId ? await checkVan(trx, input.technicianId) : null;
    let id: string;
    try {
      id = await insertNewWarehouse(
        trx,
        actor,
        {
          code: input.code,
          name: input.name,
          kind: input.kind,
          technicianId: technician?.id ?? null,
          molName: input.molName ?? null,
        },
        technician?.name ?? null,
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('conflict', 'conflict');
      throw e;
    }
    return getWarehouse(trx, id);
  });
}

/** Renames, recodes or hands a van to another technician (same rules as on create). */
export async function updateWarehouse(
  db: Db,
  actor: Actor,
  id: string,
  patch: UpdateWarehouseBody,
): Promise<Warehouse> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findWarehouse(trx, id);
    if (!row) throw notFound('stock_warehouse');
    const before = toWarehouse(row);
    const set: Updateable<StockWarehouseTable> = { updated_at: nowIso() };
    if (patch.code !== undefined && patch.code !== row.code) {
      await checkCode(trx, patch.code, id);
      set.code = patch.code;
    }
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.molName !== undefined) set.mol_name = patch.molName;
    let technicianName = row.technician_name ?? null;
    if (patch.technicianId !== undefined && patch.technicianId !== row.technician_id) {
      if (row.kind !== 'van') throw new DomainError('invalid', 'not_for_store', { field: 'technicianId' });
      technicianName = (await checkVan(trx, patch.technicianId, id)).name;
      set.technician_id = patch.technicianId;
    }
    set.search_text = warehouseSearchText(
      set.code ?? row.code,
      set.name ?? row.name,
      set.mol_name === undefined ? row.mol_name : set.mol_name,
      technicianName,
    );
    try {
      await repo.updateWarehouseRow(trx, id, set);
    } catch (e) {
      if (isUniqueViolation(e)) throw new DomainError('conflict', 'conflict');
      throw e;
    }
    const after = await getWarehouse(trx, id);
    await recordAudit(trx, actor, {
      action: 'stock_warehouse.update',
      entity: 'stock_warehouse',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Archives a warehouse that holds nothing (409 warehouse_has_stock otherwise): out of lists and new documents. */
export async function archiveWarehouse(db: Db, actor: Actor, id: string): Promise<Warehouse> {
  return setArchived(db, actor, id, true);
}

export async function unarchiveWarehouse(db: Db, actor: Actor, id: string): Promise<Warehouse> {
  return setArchived(db, actor, id, false);
}

async function setArchived(db: Db, actor: Actor, id: string, archived: boolean): Promise<Warehouse> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findWarehouse(trx, id);
    if (!row) throw notFound('stock_warehouse');
    if ((row.archived_at !== null) === archived) return toWarehouse(row);
    if (archived) {
      const onHand = await repo.onHandInWarehouse(trx, id);
      if (onHand > 0)
        throw new DomainError('conflict', 'warehouse_has_stock', { params: { code: row.code } });
    }
    const archivedAt = archived ? nowIso() : null;
    await repo.updateWarehouseRow(trx, id, { archived_at: archivedAt, updated_at: nowIso() });
    await recordAudit(trx, actor, {
      action: archived ? 'stock_warehouse.archive' : 'stock_warehouse.unarchive',
      entity: 'stock_warehouse',
      entityId: id,
      before: { archivedAt: row.archived_at },
      after: { archivedAt },
    });
    return getWarehouse(trx, id);
  });
}

/** Deletes a warehouse no document, level or reservation names; otherwise 409 in_use ("archive instead"). */
export async function deleteWarehouse(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteRecord(trx, {
      table: 'stock_warehouse',
      id,
      load: async (db, warehouseId) => {
        const row = await repo.findWarehouse(db, warehouseId);
        return row ? toWarehouse(row) : undefined;
      },
      remove: repo.deleteWarehouseRow,
      audit: (db, e) =>
        recordAudit(db, actor, {
          action: 'stock_warehouse.delete',
          entity: 'stock_warehouse',
          entityId: id,
          before: e.before,
        }),
    });
  });
}
