import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { compareBg } from '../../kernel/collate';
import { notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { parseSort } from '../../kernel/list-query';
import { getPart } from '../catalog';
import { averageCost, suggestedReorderMilli } from './stock.costing';
import * as repo from './stock.repository';
import type {
  LevelCheck,
  LevelMismatch,
  LowStock,
  LowStockGroup,
  PartCard,
  StockAvailability,
  StockLevel,
  Valuation,
} from './stock.schema';

export function toLevel(r: repo.LevelRow): StockLevel {
  return {
    partId: r.part_id,
    partCode: r.part_code,
    partName: r.part_name,
    unit: r.part_unit,
    warehouseId: r.warehouse_id,
    warehouseCode: r.warehouse_code,
    warehouseName: r.warehouse_name,
    warehouseKind: r.warehouse_kind,
    onHandMilli: r.on_hand_milli,
    reservedMilli: r.reserved_milli,
    availableMilli: r.on_hand_milli - r.reserved_milli,
    avgCostCents: r.avg_cost_cents,
    valueCents: r.value_cents,
    minStockMilli: r.min_stock_milli,
  };
}

export interface LevelListQuery extends repo.LevelFilter {
  sort?: string;
  page: number;
  pageSize: number;
}

const LEVEL_SORTS: Record<string, string[]> = {
  partCode: ['catalog_part.code', 'stock_warehouse.code'],
  partName: ['catalog_part.name_bg', 'stock_warehouse.code'],
  warehouse: ['stock_warehouse.code', 'catalog_part.code'],
  onHandMilli: ['stock_level.on_hand_milli'],
  valueCents: ['stock_level.value_cents'],
  avgCostCents: ['stock_level.avg_cost_cents'],
};

function levelSort(sort: string | undefined) {
  const { entry, direction } = parseSort(sort, LEVEL_SORTS, 'partCode');
  return { columns: entry, direction };
}

/** On hand, reserved, available, average cost and value per part and warehouse (rows with nothing are left out). */
export async function listLevels(db: Executor, q: LevelListQuery) {
  const { rows, total } = await repo.listLevels(db, q, levelSort(q.sort), {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toLevel), total, page: q.page, pageSize: q.pageSize };
}

export async function exportLevels(db: Executor, q: Omit<LevelListQuery, 'page' | 'pageSize'>) {
  return (await repo.listLevels(db, q, levelSort(q.sort))).rows.map(toLevel);
}

/** A part's levels per warehouse (for other modules: where can this part be taken from). */
export async function levelsOfPart(db: Executor, partId: string): Promise<StockLevel[]> {
  return (await repo.levelsOfPart(db, partId)).map(toLevel);
}

/**
 * A part's card: its levels and average cost per warehouse, and its movements in date order with a running balance
 * (from the balance before `from` when given).
 */
export async function partCard(
  db: Executor,
  partId: string,
  f: { warehouseId?: string; from?: string; to?: string },
): Promise<PartCard> {
  const part = await getPart(db, partId);
  if (!part) throw notFound('catalog_part');
  const opening = f.from
    ? await repo.partTotalsBefore(db, partId, f.from, f.warehouseId)
    : { quantity_milli: 0, value_cents: 0 };
  let balance = opening.quantity_milli;
  let balanceValue = opening.value_cents;
  const movements = (await repo.movementsOfPart(db, partId, f)).map((m) => {
    balance += m.quantity_milli;
    balanceValue += m.value_cents;
    return {
      id: m.id,
      at: m.at,
      date: m.movement_date,
      documentId: m.document_id,
      documentType: m.document_type,
      documentNumber: m.document_number ?? '',
      isReversal: m.reversal_of_id !== null,
      warehouseId: m.warehouse_id,
      warehouseCode: m.warehouse_code,
      warehouseName: m.warehouse_name,
      quantityMilli: m.quantity_milli,
      unitCostCents: m.unit_cost_cents,
      valueCents: m.value_cents,
      balanceMilli: balance,
      balanceValueCents: balanceValue,
    };
  });
  const levels = (await repo.levelsOfPart(db, partId))
    .filter((l) => !f.warehouseId || l.warehouse_id === f.warehouseId)
    .map(toLevel);
  return {
    part: {
      id: part.id,
      code: part.code,
      name: part.nameBg,
      unit: part.unit,
      minStockMilli: part.minStockMilli,
      typicalCostCents: part.typicalCostCents,
    },
    levels,
    openingMilli: opening.quantity_milli,
    openingValueCents: opening.value_cents,
    movements,
  };
}

/**
 * Parts whose available quantity over all warehouses is below their minimum, with a suggested reorder quantity
 * (2 × minimum − available, whole units), grouped by the supplier that last delivered them.
 */
export async function lowStock(db: Executor): Promise<LowStock> {
  const parts = await repo.partsBelowMinimum(db);
  const last = new Map<string, Awaited<ReturnType<typeof repo.lastReceiptsOfParts>>[number]>();
  for (const r of await repo.lastReceiptsOfParts(
    db,
    parts.map((p) => p.id),
  ))
    if (!last.has(r.part_id)) last.set(r.part_id, r);
  const groups = new Map<string, LowStockGroup>();
  for (const p of parts) {
    const receipt = last.get(p.id);
    const key = receipt?.supplier_id ?? '';
    const group = groups.get(key) ?? {
      supplierId: receipt?.supplier_id ?? null,
      supplierName: receipt?.supplier_name ?? null,
      parts: [],
    };
    const available = p.on_hand_milli - p.reserved_milli;
    group.parts.push({
      partId: p.id,
      partCode: p.code,
      partName: p.name_bg,
      unit: p.unit,
      minStockMilli: p.min_stock_milli,
      onHandMilli: p.on_hand_milli,
      reservedMilli: p.reserved_milli,
      availableMilli: available,
      suggestedMilli: suggestedReorderMilli(p.min_stock_milli, available),
      lastUnitCostCents: receipt?.unit_cost_cents ?? null,
      lastReceiptDate: receipt?.document_date ?? null,
    });
    groups.set(key, group);
  }
  // Known suppliers by name, then the parts never received.
  const sorted = [...groups.values()].sort((a, b) =>
    a.supplierName === null ? 1 : b.supplierName === null ? -1 : compareBg(a.supplierName, b.supplierName),
  );
  return { groups: sorted, partCount: parts.length };
}

/** Quantity and value per warehouse and part at the end of a date, summed from the ledger. */
export async function valuation(db: Executor, date: string, warehouseId?: string): Promise<Valuation> {
  const rows = await repo.valuationAt(db, date, warehouseId);
  const warehouses = new Map<string, Valuation['warehouses'][number]>();
  let total = 0;
  for (const r of rows) {
    const w = warehouses.get(r.warehouse_id) ?? {
      warehouseId: r.warehouse_id,
      warehouseCode: r.warehouse_code,
      warehouseName: r.warehouse_name,
      valueCents: 0,
      parts: [],
    };
    w.parts.push({
      partId: r.part_id,
      partCode: r.part_code,
      partName: r.part_name,
      unit: r.part_unit,
      quantityMilli: r.quantity_milli,
      valueCents: r.value_cents,
    });
    w.valueCents += r.value_cents;
    total += r.value_cents;
    warehouses.set(r.warehouse_id, w);
  }
  return { date, totalValueCents: total, warehouses: [...warehouses.values()] };
}

interface Expected {
  partId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  value: number;
  lastOrder: number;
  lastDate: string | null;
}

/** What every level should hold: on hand and value from the ledger, reserved from the active reservations. */
async function expectedLevels(db: Executor): Promise<Map<string, Expected>> {
  const out = new Map<string, Expected>();
  const at = (partId: string, warehouseId: string) => {
    const key = repo.levelKeyOf({ partId, warehouseId });
    let e = out.get(key);
    if (!e) {
      e = { partId, warehouseId, onHand: 0, reserved: 0, value: 0, lastOrder: 0, lastDate: null };
      out.set(key, e);
    }
    return e;
  };
  for (const t of await repo.ledgerTotals(db)) {
    const e = at(t.part_id, t.warehouse_id);
    e.onHand = t.quantity_milli;
    e.value = t.value_cents;
    e.lastOrder = Number(t.last_order ?? 0);
    e.lastDate = t.last_date ?? null;
  }
  for (const r of await repo.activeReservationTotals(db))
    at(r.part_id, r.warehouse_id).reserved = r.quantity_milli;
  return out;
}

/**
 * Proves the levels equal the ledger: every difference between a stored level and the sums of its movements (and
 * active reservations). Empty when consistent.
 */
export async function checkLevels(db: Executor): Promise<LevelCheck> {
  const expected = await expectedLevels(db);
  const stored = await repo.allLevels(db);
  const mismatches: LevelMismatch[] = [];
  const seen = new Set<string>();
  const compare = (
    partId: string,
    warehouseId: string,
    s: Pick<Expected, 'onHand' | 'reserved' | 'value'> & { avg: number },
    e: Expected,
  ) => {
    const fields: [LevelMismatch['field'], number, number][] = [
      ['onHandMilli', s.onHand, e.onHand],
      ['reservedMilli', s.reserved, e.reserved],
      ['valueCents', s.value, e.value],
      ['avgCostCents', s.avg, averageCost(e.value, e.onHand)],
    ];
    for (const [field, a, b] of fields)
      if (a !== b) mismatches.push({ partId, warehouseId, field, stored: a, expected: b });
  };
  for (const l of stored) {
    const key = repo.levelKeyOf({ partId: l.part_id, warehouseId: l.warehouse_id });
    seen.add(key);
    const e = expected.get(key) ?? {
      partId: l.part_id,
      warehouseId: l.warehouse_id,
      onHand: 0,
      reserved: 0,
      value: 0,
      lastOrder: 0,
      lastDate: null,
    };
    compare(
      l.part_id,
      l.warehouse_id,
      { onHand: l.on_hand_milli, reserved: l.reserved_milli, value: l.value_cents, avg: l.avg_cost_cents },
      e,
    );
  }
  for (const [key, e] of expected)
    if (!seen.has(key)) compare(e.partId, e.warehouseId, { onHand: 0, reserved: 0, value: 0, avg: 0 }, e);
  return {
    consistent: mismatches.length === 0,
    levelCount: stored.length,
    movementCount: await repo.countMovements(db),
    mismatches,
  };
}

/** Recomputes every level from the ledger and the active reservations (one transaction); returns the rows changed. */
export async function rebuildLevels(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const expected = await expectedLevels(trx);
    const now = nowIso();
    let changed = 0;
    for (const l of await repo.allLevels(trx)) {
      const key = repo.levelKeyOf({ partId: l.part_id, warehouseId: l.warehouse_id });
      const e = expected.get(key) ?? { onHand: 0, reserved: 0, value: 0, lastOrder: 0, lastDate: null };
      expected.delete(key);
      const avg = averageCost(e.value, e.onHand);
      if (
        l.on_hand_milli === e.onHand &&
        l.reserved_milli === e.reserved &&
        l.value_cents === e.value &&
        l.avg_cost_cents === avg &&
        l.last_order >= e.lastOrder &&
        l.last_date === e.lastDate
      )
        continue;
      await repo.updateLevelRow(trx, l.id, {
        on_hand_milli: e.onHand,
        reserved_milli: e.reserved,
        value_cents: e.value,
        avg_cost_cents: avg,
        last_order: Math.max(l.last_order, e.lastOrder),
        last_date: e.lastDate,
        updated_at: now,
      });
      changed++;
    }
    const missing = [...expected.values()].map((e) => ({
      id: newId(),
      part_id: e.partId,
      warehouse_id: e.warehouseId,
      on_hand_milli: e.onHand,
      reserved_milli: e.reserved,
      value_cents: e.value,
      avg_cost_cents: averageCost(e.value, e.onHand),
      last_order: e.lastOrder,
      last_date: e.lastDate,
      created_at: now,
      updated_at: now,
    }));
    await repo.insertLevelRows(trx, missing);
    return changed + missing.length;
  });
}

/**
 * What a document dated `date` may take from a part in a warehouse. A posting of that date goes after every
 * movement of its day and moves every later balance with it, so the free quantity is the lowest balance from the
 * end of that day on, less what is reserved; `limitedOn` is the later date that sets it, if one does.
 */
export async function availabilityOn(
  db: Executor,
  q: { partId: string; warehouseId: string; date: string },
): Promise<StockAvailability> {
  const { openingMilli, rows, reservedMilli } = await repo.levelFromDate(db, q.partId, q.warehouseId, q.date);
  let balance = openingMilli;
  let i = 0;
  for (; i < rows.length && rows[i]?.movement_date === q.date; i++) balance += rows[i]?.quantity_milli ?? 0;
  const onHandMilli = balance;
  let lowest = balance;
  let limitedOn: string | null = null;
  for (; i < rows.length; i++) {
    const row = rows[i] as (typeof rows)[number];
    balance += row.quantity_milli;
    if (balance < lowest) {
      lowest = balance;
      limitedOn = row.movement_date;
    }
  }
  return {
    partId: q.partId,
    warehouseId: q.warehouseId,
    date: q.date,
    onHandMilli,
    reservedMilli,
    availableMilli: Math.max(0, lowest - reservedMilli),
    limitedOn,
  };
}
