/**
 * The one place where stock levels change. A posting opens a LevelBook over the levels it touches: their rows are
 * made if missing and locked in one fixed order, then every movement in or out updates the row in the same
 * transaction as its ledger row. Taking out is a guarded update (on hand − reserved must cover it): the refusal is
 * 409 insufficient_stock naming the part, the warehouse and the shortfall, and the transaction writes nothing.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { AppError } from '../../http/errors';
import { newId } from '../../kernel/ids';
import { milliToUnits } from '../../kernel/quantity';
import { averageCost, unitCostOf, valueOut } from './stock.costing';
import * as repo from './stock.repository';
import type { StockMovementTable } from './stock.table';

export interface LevelState {
  id: string;
  partId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  value: number;
}

/** Codes for the messages: part id → code, warehouse id → code. */
export interface Labels {
  parts: Map<string, string>;
  warehouses: Map<string, string>;
}

/** 409 insufficient_stock: the part, the warehouse, what was asked, what is available and what is missing. */
export function insufficientStock(
  labels: Labels,
  k: repo.LevelKey,
  requestedMilli: number,
  availableMilli: number,
): AppError {
  const partCode = labels.parts.get(k.partId) ?? k.partId;
  const warehouseCode = labels.warehouses.get(k.warehouseId) ?? k.warehouseId;
  const shortfallMilli = requestedMilli - Math.max(0, availableMilli);
  return new AppError(409, 'insufficient_stock', {
    params: {
      part: partCode,
      warehouse: warehouseCode,
      requested: milliToUnits(requestedMilli),
      available: milliToUnits(Math.max(0, availableMilli)),
      shortfall: milliToUnits(shortfallMilli),
    },
    extra: {
      partId: k.partId,
      partCode,
      warehouseId: k.warehouseId,
      warehouseCode,
      requestedMilli,
      availableMilli: Math.max(0, availableMilli),
      shortfallMilli,
    },
  });
}

export class LevelBook {
  readonly #trx: Executor;
  readonly #labels: Labels;
  readonly #levels = new Map<string, LevelState>();
  /** The instant of the posting, taken once the levels are locked (so ledger order is lock order). */
  readonly now: string;

  private constructor(trx: Executor, labels: Labels, rows: Awaited<ReturnType<typeof repo.lockLevels>>) {
    this.#trx = trx;
    this.#labels = labels;
    for (const r of rows)
      this.#levels.set(repo.levelKeyOf({ partId: r.part_id, warehouseId: r.warehouse_id }), {
        id: r.id,
        partId: r.part_id,
        warehouseId: r.warehouse_id,
        onHand: r.on_hand_milli,
        reserved: r.reserved_milli,
        value: r.value_cents,
      });
    this.now = nowIso();
  }

  /**
   * Makes the missing levels of the keys (inserted in key order, no locks held yet), then locks them all in key
   * order: every posting takes its locks in this one order, so two postings never wait on each other in a circle.
   */
  static async open(trx: Executor, keys: readonly repo.LevelKey[], labels: Labels): Promise<LevelBook> {
    const sorted = repo.sortedKeys(keys);
    await repo.ensureLevels(trx, sorted, nowIso(), newId);
    return new LevelBook(trx, labels, await repo.lockLevels(trx, sorted));
  }

  get(k: repo.LevelKey): LevelState {
    const level = this.#levels.get(repo.levelKeyOf(k));
    if (!level) throw new Error(`Level ${repo.levelKeyOf(k)} is not in this posting`);
    return level;
  }

  /** Puts quantity and value in; the average follows. */
  async in(k: repo.LevelKey, quantityMilli: number, valueCents: number): Promise<void> {
    const level = this.get(k);
    level.onHand += quantityMilli;
    level.value += valueCents;
    await repo.putIn(this.#trx, level.id, {
      quantityMilli,
      valueCents,
      avgCostCents: averageCost(level.value, level.onHand),
      now: this.now,
    });
  }

  /**
   * Takes quantity out at the average cost (or, for a reversal, at most `valueCap`, the value it came in with) and
   * returns the value taken; the last unit takes the remaining value. `releaseReservedMilli` is a reservation this
   * movement consumes: its quantity counts as available to it.
   */
  async out(
    k: repo.LevelKey,
    quantityMilli: number,
    opts: { releaseReservedMilli?: number; valueCap?: number } = {},
  ): Promise<number> {
    const level = this.get(k);
    const release = opts.releaseReservedMilli ?? 0;
    const available = level.onHand - level.reserved + release;
    if (quantityMilli > available) throw insufficientStock(this.#labels, k, quantityMilli, available);
    const atAverage = valueOut(quantityMilli, level.onHand, level.value);
    const value =
      opts.valueCap === undefined || quantityMilli >= level.onHand
        ? atAverage
        : Math.max(0, Math.min(opts.valueCap, level.value));
    const ok = await repo.takeOut(this.#trx, level.id, {
      quantityMilli,
      releaseReservedMilli: release,
      valueCents: value,
      avgCostCents: averageCost(level.value - value, level.onHand - quantityMilli),
      now: this.now,
    });
    // The row is locked, so the guard agrees with the check above; it stays as the proof on the row itself.
    if (!ok) throw insufficientStock(this.#labels, k, quantityMilli, available);
    level.onHand -= quantityMilli;
    level.reserved -= release;
    level.value -= value;
    return value;
  }

  /** Holds quantity for a purpose: only what is available (on hand − reserved). */
  async reserve(k: repo.LevelKey, quantityMilli: number): Promise<void> {
    const level = this.get(k);
    const available = level.onHand - level.reserved;
    if (quantityMilli > available) throw insufficientStock(this.#labels, k, quantityMilli, available);
    if (!(await repo.addReserved(this.#trx, level.id, quantityMilli, this.now)))
      throw insufficientStock(this.#labels, k, quantityMilli, available);
    level.reserved += quantityMilli;
  }

  async unreserve(k: repo.LevelKey, quantityMilli: number): Promise<void> {
    const level = this.get(k);
    if (!(await repo.removeReserved(this.#trx, level.id, quantityMilli, this.now)))
      throw new Error(`Level ${level.id} holds less reserved than ${quantityMilli}`);
    level.reserved -= quantityMilli;
  }
}

/** Collects the ledger rows of one posting, numbered in the order they happened. */
export class MovementLog {
  readonly rows: Insertable<StockMovementTable>[] = [];
  readonly #documentId: string;
  readonly #date: string;
  readonly #at: string;

  constructor(documentId: string, date: string, at: string) {
    this.#documentId = documentId;
    this.#date = date;
    this.#at = at;
  }

  add(lineId: string, k: repo.LevelKey, quantityMilli: number, valueCents: number): void {
    this.rows.push({
      id: newId(),
      document_id: this.#documentId,
      line_id: lineId,
      part_id: k.partId,
      warehouse_id: k.warehouseId,
      quantity_milli: quantityMilli,
      unit_cost_cents: unitCostOf(valueCents, quantityMilli),
      value_cents: valueCents,
      movement_date: this.#date,
      at: this.#at,
      seq: this.rows.length + 1,
      created_at: this.#at,
      updated_at: this.#at,
    });
  }

  async write(trx: Executor): Promise<void> {
    await repo.insertMovements(trx, this.rows);
  }
}
