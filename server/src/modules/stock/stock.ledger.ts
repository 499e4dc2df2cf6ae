/**
 * The one place where stock levels change. A posting opens a PostingBook over the levels it touches: their rows are
 * made if missing and locked in one fixed order, then every movement in or out changes the level and records its
 * ledger row in one step (move), and the ledger rows are written when the posting's work returns: no code can move
 * a level without its ledger row. Taking out is a guarded update (on hand − reserved must cover it): the refusal is
 * 409 insufficient_stock naming the part, the warehouse and the shortfall, and the transaction writes nothing.
 * Reservations open a LevelBook, which holds and releases quantity but cannot move on hand or value.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { DomainError } from '../../kernel/errors';
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
): DomainError {
  const partCode = labels.parts.get(k.partId) ?? k.partId;
  const warehouseCode = labels.warehouses.get(k.warehouseId) ?? k.warehouseId;
  const shortfallMilli = requestedMilli - Math.max(0, availableMilli);
  return new DomainError('conflict', 'insufficient_stock', {
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

type LockedLevels = Awaited<ReturnType<typeof repo.lockLevels>>;

/**
 * Makes the missing levels of the keys (inserted in key order, no locks held yet), then locks them all in key
 * order: every posting takes its locks in this one order, so two postings never wait on each other in a circle.
 */
async function lockedLevels(trx: Executor, keys: readonly repo.LevelKey[]): Promise<LockedLevels> {
  const sorted = repo.sortedKeys(keys);
  await repo.ensureLevels(trx, sorted, nowIso(), newId);
  return repo.lockLevels(trx, sorted);
}

/** The locked levels of one transaction: what they hold, and reservations on them. */
export class LevelBook {
  protected readonly trx: Executor;
  protected readonly labels: Labels;
  readonly #levels = new Map<string, LevelState>();
  /** The instant of the posting, taken once the levels are locked (so ledger order is lock order). */
  readonly now: string;

  protected constructor(trx: Executor, labels: Labels, rows: LockedLevels) {
    this.trx = trx;
    this.labels = labels;
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

  /** Locks the levels of the keys (made when missing) for reserving and releasing. */
  static async open(trx: Executor, keys: readonly repo.LevelKey[], labels: Labels): Promise<LevelBook> {
    return new LevelBook(trx, labels, await lockedLevels(trx, keys));
  }

  get(k: repo.LevelKey): LevelState {
    const level = this.#levels.get(repo.levelKeyOf(k));
    if (!level) throw new Error(`Level ${repo.levelKeyOf(k)} is not in this posting`);
    return level;
  }

  /** Holds quantity for a purpose: only what is available (on hand − reserved). */
  async reserve(k: repo.LevelKey, quantityMilli: number): Promise<void> {
    const level = this.get(k);
    const available = level.onHand - level.reserved;
    if (quantityMilli > available) throw insufficientStock(this.labels, k, quantityMilli, available);
    if (!(await repo.addReserved(this.trx, level.id, quantityMilli, this.now)))
      throw insufficientStock(this.labels, k, quantityMilli, available);
    level.reserved += quantityMilli;
  }

  async unreserve(k: repo.LevelKey, quantityMilli: number): Promise<void> {
    const level = this.get(k);
    if (!(await repo.removeReserved(this.trx, level.id, quantityMilli, this.now)))
      throw new Error(`Level ${level.id} holds less reserved than ${quantityMilli}`);
    level.reserved -= quantityMilli;
  }
}

/** The document whose posting moves the levels: its ledger rows name it, its line and its date. */
export interface LedgerEntry {
  documentId: string;
  /** The document's date (valuation at a date reads it). */
  date: string;
}

/** The levels of one posting: every movement changes a level and records its ledger row, together. */
export class PostingBook extends LevelBook {
  readonly #entry: LedgerEntry;
  readonly #rows: Insertable<StockMovementTable>[] = [];

  private constructor(trx: Executor, labels: Labels, rows: LockedLevels, entry: LedgerEntry) {
    super(trx, labels, rows);
    this.#entry = entry;
  }

  /**
   * Posts the movements of one document in the caller's transaction: locks the levels of the keys, runs `work`
   * (which moves them through in/out), then writes the ledger rows of every movement it made, in order.
   */
  static async post<T>(
    trx: Executor,
    entry: LedgerEntry,
    keys: readonly repo.LevelKey[],
    labels: Labels,
    work: (book: PostingBook) => Promise<T>,
  ): Promise<{ result: T; at: string; movements: number }> {
    const book = new PostingBook(trx, labels, await lockedLevels(trx, keys), entry);
    const result = await work(book);
    await repo.insertMovements(trx, book.#rows);
    return { result, at: book.now, movements: book.#rows.length };
  }

  /** Puts quantity and value in for a line; the average follows. */
  async in(lineId: string, k: repo.LevelKey, quantityMilli: number, valueCents: number): Promise<void> {
    const level = this.get(k);
    await this.#move(lineId, level, k, { quantityMilli, valueCents, releaseReservedMilli: 0, available: 0 });
  }

  /**
   * Takes quantity out for a line at the average cost (or, for a reversal, at most `valueCap`, the value it came in
   * with) and returns the value taken; the last unit takes the remaining value. `releaseReservedMilli` is a
   * reservation this movement consumes: its quantity counts as available to it.
   */
  async out(
    lineId: string,
    k: repo.LevelKey,
    quantityMilli: number,
    opts: { releaseReservedMilli?: number; valueCap?: number } = {},
  ): Promise<number> {
    const level = this.get(k);
    const release = opts.releaseReservedMilli ?? 0;
    const available = level.onHand - level.reserved + release;
    if (quantityMilli > available) throw insufficientStock(this.labels, k, quantityMilli, available);
    const atAverage = valueOut(quantityMilli, level.onHand, level.value);
    const value =
      opts.valueCap === undefined || quantityMilli >= level.onHand
        ? atAverage
        : Math.max(0, Math.min(opts.valueCap, level.value));
    await this.#move(lineId, level, k, {
      quantityMilli: -quantityMilli,
      valueCents: -value,
      releaseReservedMilli: release,
      available,
    });
    return value;
  }

  /** The one movement: the level row (a guarded update) and its ledger row, with signed quantity and value. */
  async #move(
    lineId: string,
    level: LevelState,
    k: repo.LevelKey,
    m: { quantityMilli: number; valueCents: number; releaseReservedMilli: number; available: number },
  ): Promise<void> {
    const ok = await repo.applyMovement(this.trx, level.id, {
      quantityMilli: m.quantityMilli,
      valueCents: m.valueCents,
      releaseReservedMilli: m.releaseReservedMilli,
      avgCostCents: averageCost(level.value + m.valueCents, level.onHand + m.quantityMilli),
      now: this.now,
    });
    // The row is locked, so the guard agrees with the check before it; it stays as the proof on the row itself.
    if (!ok) throw insufficientStock(this.labels, k, -m.quantityMilli, m.available);
    level.onHand += m.quantityMilli;
    level.reserved -= m.releaseReservedMilli;
    level.value += m.valueCents;
    this.#rows.push({
      id: newId(),
      document_id: this.#entry.documentId,
      line_id: lineId,
      part_id: k.partId,
      warehouse_id: k.warehouseId,
      quantity_milli: m.quantityMilli,
      unit_cost_cents: unitCostOf(m.valueCents, m.quantityMilli),
      value_cents: m.valueCents,
      movement_date: this.#entry.date,
      at: this.now,
      seq: this.#rows.length + 1,
      created_at: this.now,
      updated_at: this.now,
    });
  }
}
