/**
 * The one place where stock levels change (ADR 0010). The ledger of each part and warehouse (a level) is ordered by
 * movement date, then by posting order within the level (`ledger_order`); every movement's quantity and value follow
 * from the rows before it by its kind (fixed, average, follow, count, cancel, reverse). A posting opens a PostingBook
 * over the levels it touches (made if missing, locked in one fixed order), adds its movements at their places, and
 * settles: the new movements and every later movement of their levels are valued again in ledger order, and a later
 * transfer whose value changed carries the change into the warehouse it fed, in the same transaction. No level may
 * go below zero at any date: the refusal is 409 insufficient_stock naming the part, the warehouse, the shortfall and
 * (for a date in the past) the first date that would go negative, and the transaction writes nothing.
 * Reservations open a LevelBook, which holds and releases quantity but cannot move on hand or value.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { updateMany } from '../../db/update-many';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { lineAmount, mulDivRound } from '../../kernel/money';
import { milliToUnits } from '../../kernel/quantity';
import { unitCostOf, valueOut } from './stock.costing';
import * as repo from './stock.repository';
import type { MovementKind, StockMovementTable } from './stock.table';

export interface LevelState {
  id: string;
  partId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  value: number;
  lastOrder: number;
  lastDate: string | null;
}

/** Codes for the messages: part id → code, warehouse id → code. */
export interface Labels {
  parts: Map<string, string>;
  warehouses: Map<string, string>;
}

/**
 * 409 insufficient_stock: the part, the warehouse, what was asked, what is available and what is missing; `date`
 * when the level would go below zero on a date in the past (the first such date).
 */
export function insufficientStock(
  labels: Labels,
  k: repo.LevelKey,
  requestedMilli: number,
  availableMilli: number,
  date?: string,
): DomainError {
  const partCode = labels.parts.get(k.partId) ?? k.partId;
  const warehouseCode = labels.warehouses.get(k.warehouseId) ?? k.warehouseId;
  const available = Math.max(0, availableMilli);
  const shortfallMilli = requestedMilli - available;
  return new DomainError('conflict', 'insufficient_stock', {
    params: {
      part: partCode,
      warehouse: warehouseCode,
      requested: milliToUnits(requestedMilli),
      available: milliToUnits(available),
      shortfall: milliToUnits(shortfallMilli),
      ...(date ? { date } : {}),
    },
    extra: {
      partId: k.partId,
      partCode,
      warehouseId: k.warehouseId,
      warehouseCode,
      requestedMilli,
      availableMilli: available,
      shortfallMilli,
      ...(date ? { date } : {}),
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

function stateOf(r: LockedLevels[number]): LevelState {
  return {
    id: r.id,
    partId: r.part_id,
    warehouseId: r.warehouse_id,
    onHand: r.on_hand_milli,
    reserved: r.reserved_milli,
    value: r.value_cents,
    lastOrder: r.last_order,
    lastDate: r.last_date,
  };
}

/** The locked levels of one transaction: what they hold, and reservations on them. */
export class LevelBook {
  protected readonly trx: Executor;
  protected readonly labels: Labels;
  protected readonly levels = new Map<string, LevelState>();
  /** The instant of the posting, taken once the levels are locked (so ledger order is lock order). */
  readonly now: string;

  protected constructor(trx: Executor, labels: Labels, rows: LockedLevels) {
    this.trx = trx;
    this.labels = labels;
    for (const r of rows)
      this.levels.set(repo.levelKeyOf({ partId: r.part_id, warehouseId: r.warehouse_id }), stateOf(r));
    this.now = nowIso();
  }

  /** Locks the levels of the keys (made when missing) for reserving and releasing. */
  static async open(trx: Executor, keys: readonly repo.LevelKey[], labels: Labels): Promise<LevelBook> {
    return new LevelBook(trx, labels, await lockedLevels(trx, keys));
  }

  get(k: repo.LevelKey): LevelState {
    const level = this.levels.get(repo.levelKeyOf(k));
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
  /** The document's date: its movements go after every movement of that date already in their levels. */
  date: string;
}

/** A movement as the ledger holds it while settling: where it stands and what it is worth. */
interface Row {
  id: string;
  documentId: string;
  lineId: string;
  partId: string;
  warehouseId: string;
  kind: MovementKind;
  date: string;
  order: number;
  sourceId: string | null;
  counted: number | null;
  /** Current quantity and value (for a new row: 0 until valued). */
  q: number;
  v: number;
  /** Fixed rows bring their value; average rows know their quantity; reservations consumed by a new row. */
  fixedQ: number;
  fixedV: number;
  release: number;
  isNew: boolean;
  seq: number;
}

/** What a posting wrote: its valued movements, and the movements of other documents it re-costed. */
export interface Settled {
  rows: { id: string; lineId: string; partId: string; warehouseId: string; q: number; v: number }[];
  recosted: { id: string; documentId: string }[];
}

const levelKey = (r: { partId: string; warehouseId: string }) => repo.levelKeyOf(r);
const before = (a: { date: string; order: number }, b: { date: string; order: number }) =>
  a.date < b.date || (a.date === b.date && a.order < b.order);
const byPosition = (a: Row, b: Row) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order);

/** The levels of one posting: movements are added at their places, then valued in ledger order (settle). */
export class PostingBook extends LevelBook {
  readonly #entry: LedgerEntry;
  readonly #new: Row[] = [];
  /** Current quantity and value of every movement seen while settling (new, loaded, or read as a source). */
  readonly #values = new Map<string, { q: number; v: number }>();
  readonly #changed = new Map<string, Row>();
  readonly #pending = new Map<string, Row>();
  readonly #typicalCost = new Map<string, number>();

  private constructor(trx: Executor, labels: Labels, rows: LockedLevels, entry: LedgerEntry) {
    super(trx, labels, rows);
    this.#entry = entry;
  }

  /**
   * Posts the movements of one document in the caller's transaction: locks the levels of the keys, runs `work`
   * (which adds movements through fixed/average/follow/count/cancel/reverse), then settles: values them and every
   * later movement they change, writes the ledger and the levels.
   */
  static async post<T>(
    trx: Executor,
    entry: LedgerEntry,
    keys: readonly repo.LevelKey[],
    labels: Labels,
    work: (book: PostingBook) => Promise<T> | T,
  ): Promise<{ result: T; at: string; movements: number; settled: Settled }> {
    const book = new PostingBook(trx, labels, await lockedLevels(trx, keys), entry);
    const result = await work(book);
    const settled = await book.#settle();
    return { result, at: book.now, movements: book.#new.length, settled };
  }

  #add(
    lineId: string,
    k: repo.LevelKey,
    kind: MovementKind,
    o: Partial<Pick<Row, 'fixedQ' | 'fixedV' | 'release' | 'sourceId' | 'counted'>> & {
      at?: { date: string; order: number };
    } = {},
  ): string {
    const level = this.get(k);
    let at = o.at;
    if (!at) {
      level.lastOrder += 2;
      at = { date: this.#entry.date, order: level.lastOrder };
    }
    const row: Row = {
      id: newId(),
      documentId: this.#entry.documentId,
      lineId,
      partId: k.partId,
      warehouseId: k.warehouseId,
      kind,
      date: at.date,
      order: at.order,
      sourceId: o.sourceId ?? null,
      counted: o.counted ?? null,
      q: 0,
      v: 0,
      fixedQ: o.fixedQ ?? 0,
      fixedV: o.fixedV ?? 0,
      release: o.release ?? 0,
      isNew: true,
      seq: this.#new.length + 1,
    };
    this.#new.push(row);
    this.#values.set(row.id, { q: 0, v: 0 });
    return row.id;
  }

  /** Puts quantity in at its own value (a receipt line). */
  fixed(lineId: string, k: repo.LevelKey, quantityMilli: number, valueCents: number): string {
    return this.#add(lineId, k, 'fixed', { fixedQ: quantityMilli, fixedV: valueCents });
  }

  /** Takes quantity out at the average of the level at its place; may consume a reservation of it. */
  average(lineId: string, k: repo.LevelKey, quantityMilli: number, releaseReservedMilli = 0): string {
    return this.#add(lineId, k, 'average', { fixedQ: -quantityMilli, release: releaseReservedMilli });
  }

  /** Puts quantity in at the value that its source (a movement out, e.g. a transfer's) took out. */
  follow(lineId: string, k: repo.LevelKey, quantityMilli: number, sourceId: string): string {
    return this.#add(lineId, k, 'follow', { fixedQ: quantityMilli, sourceId });
  }

  /** Brings the level to the counted quantity: the difference to the book at the count's place is the movement. */
  count(lineId: string, k: repo.LevelKey, countedMilli: number, typicalCostCents: number): string {
    this.#typicalCost.set(k.partId, typicalCostCents);
    return this.#add(lineId, k, 'count', { counted: countedMilli });
  }

  /** Undoes a movement right after it, as if it had never been posted (a reversal on the original's date). */
  cancel(lineId: string, source: repo.MovementRow): string {
    this.#values.set(source.id, { q: source.quantity_milli, v: source.value_cents });
    return this.#add(lineId, { partId: source.part_id, warehouseId: source.warehouse_id }, 'cancel', {
      sourceId: source.id,
      at: { date: source.movement_date, order: source.ledger_order + 1 },
    });
  }

  /** Undoes a movement at this posting's later date: what came in goes out (at most at its value), and back. */
  reverse(lineId: string, source: repo.MovementRow): string {
    this.#values.set(source.id, { q: source.quantity_milli, v: source.value_cents });
    return this.#add(lineId, { partId: source.part_id, warehouseId: source.warehouse_id }, 'reverse', {
      sourceId: source.id,
    });
  }

  // ------------------------------------------------------------ settling

  /** The part's typical cost, for a count that finds stock where the books have none. */
  async #typical(partId: string): Promise<number> {
    const known = this.#typicalCost.get(partId);
    if (known !== undefined) return known;
    const cost = await repo.typicalCostOf(this.trx, partId);
    this.#typicalCost.set(partId, cost);
    return cost;
  }

  /** Values of sources not seen yet (unchanged by this posting, so as stored). */
  async #loadSources(rows: Row[]): Promise<void> {
    const missing = [
      ...new Set(rows.flatMap((r) => (r.sourceId && !this.#values.has(r.sourceId) ? [r.sourceId] : []))),
    ];
    for (const s of await repo.movementValues(this.trx, missing))
      this.#values.set(s.id, { q: s.quantity_milli, v: s.value_cents });
  }

  async #flush(): Promise<void> {
    if (!this.#pending.size) return;
    const rows = [...this.#pending.values()];
    this.#pending.clear();
    await updateMany(
      this.trx,
      'stock_movement',
      [
        { name: 'quantity_milli', type: 'bigint' },
        { name: 'value_cents', type: 'bigint' },
        { name: 'unit_cost_cents', type: 'bigint' },
        { name: 'updated_at', type: 'instant' },
      ],
      rows.map((r) => [r.id, r.q, r.v, unitCostOf(r.v, r.q), this.now]),
    );
  }

  async #lockMore(k: repo.LevelKey): Promise<LevelState> {
    const known = this.levels.get(levelKey(k));
    if (known) return known;
    const [row] = await lockedLevels(this.trx, [k]);
    if (!row) throw new Error(`Level ${levelKey(k)} vanished`);
    const state = stateOf(row);
    this.levels.set(levelKey(k), state);
    return state;
  }

  async #labelsFor(k: repo.LevelKey): Promise<Labels> {
    if (this.labels.parts.has(k.partId) && this.labels.warehouses.has(k.warehouseId)) return this.labels;
    const codes = await repo.levelCodes(this.trx, k);
    return {
      parts: new Map([...this.labels.parts, [k.partId, codes.partCode]]),
      warehouses: new Map([...this.labels.warehouses, [k.warehouseId, codes.warehouseCode]]),
    };
  }

  /**
   * Values the rows of one level from a place on, in ledger order: new rows and the stored rows after them. The
   * level's state is always the sum of all its rows, so the balance before the first row is the state minus them.
   */
  async #settleLevel(k: repo.LevelKey, from: { date: string; order: number }): Promise<Row[]> {
    const level = await this.#lockMore(k);
    const key = levelKey(k);
    const fresh = this.#new.filter((r) => levelKey(r) === key && !before(r, from));
    const tailOnly =
      fresh.length > 0 && fresh.every((r) => r.kind !== 'cancel') && (level.lastDate ?? '') <= from.date;
    let stored: Row[] = [];
    if (!tailOnly) {
      await this.#flush();
      stored = (await repo.levelMovementsFrom(this.trx, k, from)).map((m) => {
        const known = this.#changed.get(m.id);
        return (
          known ?? {
            id: m.id,
            documentId: m.document_id,
            lineId: m.line_id,
            partId: k.partId,
            warehouseId: k.warehouseId,
            kind: m.kind,
            date: m.movement_date,
            order: m.ledger_order,
            sourceId: m.source_movement_id,
            counted: m.counted_milli,
            q: m.quantity_milli,
            v: m.value_cents,
            fixedQ: m.quantity_milli,
            fixedV: m.value_cents,
            release: 0,
            isNew: false,
            seq: m.seq,
          }
        );
      });
      for (const r of stored) this.#values.set(r.id, { q: r.q, v: r.v });
    }
    const rows = [...stored, ...fresh].sort(byPosition);
    await this.#loadSources(rows);
    if (rows.some((r) => r.kind === 'count')) await this.#typical(k.partId);
    let q = level.onHand;
    let v = level.value;
    for (const r of rows) {
      q -= r.q;
      v -= r.v;
    }
    // Reservations are held now, not at a past date: they limit only what the tail of the ledger takes out.
    let reserved = level.reserved;
    const changed: Row[] = [];
    for (const [i, r] of rows.entries()) {
      // A row cancelled right after itself was never posted, as far as stock goes: only the pair is checked.
      const cancelledNext = rows[i + 1]?.kind === 'cancel' && rows[i + 1]?.sourceId === r.id;
      const next = this.#value(r, q, v);
      if (r.isNew && r.kind === 'average' && tailOnly) {
        const available = q - reserved + r.release;
        if (-next.q > available) throw insufficientStock(await this.#labelsFor(k), k, -next.q, available);
      }
      reserved -= r.release;
      q += next.q;
      v += next.v;
      if (q < 0 && !cancelledNext)
        throw insufficientStock(
          await this.#labelsFor(k),
          k,
          -next.q,
          q - next.q,
          tailOnly && r.isNew ? undefined : r.date,
        );
      if (r.isNew || next.q !== r.q || next.v !== r.v) {
        level.onHand += next.q - r.q;
        level.value += next.v - r.v;
        r.q = next.q;
        r.v = next.v;
        this.#values.set(r.id, next);
        changed.push(r);
        if (!r.isNew) {
          this.#changed.set(r.id, r);
          this.#pending.set(r.id, r);
        }
      }
    }
    if (q !== level.onHand || v !== level.value)
      throw new Error(
        `Level ${key} does not add up to its ledger (${q}/${v} against ${level.onHand}/${level.value})`,
      );
    if (level.onHand < reserved) {
      const netOut = fresh.reduce((s, r) => s - r.q, 0);
      throw insufficientStock(await this.#labelsFor(k), k, netOut, netOut - (reserved - level.onHand));
    }
    level.reserved = reserved;
    for (const r of fresh) {
      if (r.date > (level.lastDate ?? '')) level.lastDate = r.date;
      if (r.order > level.lastOrder) level.lastOrder = r.order;
    }
    return changed;
  }

  /** One row's quantity and value from the balance before it. */
  #value(r: Row, q: number, v: number): { q: number; v: number } {
    const source = r.sourceId ? this.#values.get(r.sourceId) : undefined;
    if (r.sourceId && !source)
      throw new Error(`Movement ${r.id} follows ${r.sourceId}, which is not in the ledger`);
    switch (r.kind) {
      case 'fixed':
        return { q: r.fixedQ, v: r.fixedV };
      case 'average': {
        const out = -r.fixedQ;
        return { q: -out, v: out > q ? -v : -valueOut(out, q, v) };
      }
      case 'follow':
        return { q: r.fixedQ, v: Math.max(0, -(source?.v ?? 0)) };
      case 'count': {
        const diff = (r.counted ?? 0) - q;
        if (diff > 0)
          return {
            q: diff,
            v: q > 0 ? mulDivRound(diff, v, q) : lineAmount(diff, this.#typicalCost.get(r.partId) ?? 0),
          };
        return { q: diff, v: diff < 0 ? -valueOut(-diff, q, v) : 0 };
      }
      case 'cancel':
        return { q: -(source?.q ?? 0), v: -(source?.v ?? 0) };
      case 'reverse': {
        const back = -(source?.q ?? 0);
        if (back > 0) return { q: back, v: Math.max(0, -(source?.v ?? 0)) };
        if (back === 0) return { q: 0, v: 0 };
        const cap = Math.max(0, source?.v ?? 0);
        return { q: back, v: -back >= q ? -v : -Math.min(cap, v) };
      }
    }
  }

  /**
   * Values the new rows and every later row they change, level by level in the order the posting first touched
   * them; a changed row that another level's row follows (a transfer) queues that level from that row on.
   */
  async #settle(): Promise<Settled> {
    const queue: { k: repo.LevelKey; from: { date: string; order: number } }[] = [];
    const enqueue = (k: repo.LevelKey, from: { date: string; order: number }) => {
      const waiting = queue.find((x) => levelKey(x.k) === levelKey(k));
      if (waiting) {
        if (before(from, waiting.from)) waiting.from = from;
      } else queue.push({ k, from });
    };
    for (const r of this.#new) enqueue(r, r);
    while (queue.length) {
      const { k, from } = queue.shift() as (typeof queue)[number];
      const changed = await this.#settleLevel(k, from);
      if (!changed.length) continue;
      const key = levelKey(k);
      const ids = new Set(changed.map((r) => r.id));
      for (const r of this.#new)
        if (r.sourceId && ids.has(r.sourceId) && levelKey(r) !== key && this.#settledOnce.has(levelKey(r)))
          enqueue(r, r);
      const stale = new Set(changed.filter((r) => !r.isNew).map((r) => r.id));
      if (stale.size) {
        for (const d of await repo.followersFrom(this.trx, k, from))
          if (stale.has(d.source_id) && levelKey({ partId: d.part_id, warehouseId: d.warehouse_id }) !== key)
            enqueue(
              { partId: d.part_id, warehouseId: d.warehouse_id },
              { date: d.movement_date, order: d.ledger_order },
            );
      }
      this.#settledOnce.add(key);
    }
    await this.#flush();
    await repo.insertMovements(
      this.trx,
      this.#new.map((r) => this.#rowOf(r)),
    );
    for (const level of this.levels.values())
      if (this.#touched(level)) await repo.setLevel(this.trx, level, this.now);
    return {
      rows: this.#new.map((r) => ({
        id: r.id,
        lineId: r.lineId,
        partId: r.partId,
        warehouseId: r.warehouseId,
        q: r.q,
        v: r.v,
      })),
      recosted: [...this.#changed.values()].map((r) => ({ id: r.id, documentId: r.documentId })),
    };
  }

  readonly #settledOnce = new Set<string>();

  #touched(level: LevelState): boolean {
    return this.#settledOnce.has(levelKey(level));
  }

  #rowOf(r: Row): Insertable<StockMovementTable> {
    return {
      id: r.id,
      document_id: r.documentId,
      line_id: r.lineId,
      part_id: r.partId,
      warehouse_id: r.warehouseId,
      kind: r.kind,
      ledger_order: r.order,
      source_movement_id: r.sourceId,
      counted_milli: r.counted,
      quantity_milli: r.q,
      unit_cost_cents: unitCostOf(r.v, r.q),
      value_cents: r.v,
      movement_date: r.date,
      at: this.now,
      seq: r.seq,
      created_at: this.now,
      updated_at: this.now,
    };
  }
}
