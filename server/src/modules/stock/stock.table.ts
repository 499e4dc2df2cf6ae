import type { Generated } from 'kysely';
import type { CalendarDate, Instant } from '../../db/sql';

/** A place that holds stock: a store ('store') or a technician's van ('van', one per technician). */
export interface StockWarehouseTable {
  id: string;
  /** Upper-case ASCII, unique. */
  code: string;
  name: string;
  kind: 'store' | 'van';
  /** The van's technician (→ technician); null for stores. */
  technician_id: string | null;
  /** The accountable person (МОЛ) who signs its documents; a van's is its technician when empty. */
  mol_name: string | null;
  archived_at: Instant | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

/**
 * A stock document (STK-01): drafted, then posted with a number from its type's series; a posted document never
 * changes but for being marked reversed by its mirror document.
 */
export interface StockDocumentTable {
  id: string;
  type: 'receipt' | 'issue' | 'transfer' | 'writeoff' | 'count';
  status: 'draft' | 'posted' | 'reversed';
  /** The numbering series the number came from; null on drafts. */
  series_id: string | null;
  /** Zero-padded number, taken at posting; null on drafts. */
  number: string | null;
  document_date: CalendarDate;
  warehouse_id: string;
  /** Transfers: the receiving warehouse. */
  to_warehouse_id: string | null;
  /** Receipts: the supplier (→ party). */
  supplier_id: string | null;
  supplier_doc_number: string | null;
  supplier_doc_date: CalendarDate | null;
  reason: string | null;
  /** Issues made by another module: what they were for ('service_order', its id). */
  source_type: string | null;
  source_id: string | null;
  /** Receipts: transport, customs… allocated to the lines by value. */
  landed_cost_cents: number;
  /** Receipts, issues, transfers, write-offs: the value moved; counts: gains − losses. */
  total_value_cents: number;
  notes: string | null;
  /** On a reversal: the document it reverses. */
  reversal_of_id: string | null;
  /** On a reversed document: its reversal. */
  reversed_by_id: string | null;
  posted_at: Instant | null;
  posted_by: string | null;
  created_by: string | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface StockDocumentLineTable {
  id: string;
  document_id: string;
  line_no: number;
  part_id: string;
  /** Every type but count: the quantity moved, > 0. */
  quantity_milli: number | null;
  /** Counts: the quantity counted on the shelf, ≥ 0. */
  counted_milli: number | null;
  /** Counts: the quantity on the books when posted. */
  book_milli: number | null;
  /** Receipts: the supplier's unit price; other types: the average cost it moved at (filled at posting). */
  unit_cost_cents: number | null;
  /** Receipts: this line's share of the document's landed costs. */
  landed_cost_cents: number;
  /** Filled at posting: the value moved (counts: signed, gain > 0). Issues keep their cost for margin reports. */
  value_cents: number | null;
  serial_numbers: string | null;
  /** Issues: the reservation this line consumes. */
  reservation_id: string | null;
  /** Issues made by another module: its line (e.g. the service order's part line). */
  source_line_id: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/**
 * fixed: in at its own value (a receipt line); average: out at the average before it; follow: in at the value its
 * source took out (a transfer's in); count: to the counted quantity; cancel: undoes its source right after it (a
 * reversal on the original's date); reverse: undoes its source later (out at most at the value it came in with).
 */
export type MovementKind = 'fixed' | 'average' | 'follow' | 'count' | 'cancel' | 'reverse';

/** The stock ledger: one row per posted line per warehouse it touched; levels are sums of it. */
export interface StockMovementTable {
  id: string;
  document_id: string;
  line_id: string;
  part_id: string;
  warehouse_id: string;
  /** How its quantity and value follow from the rows before it in its level (ADR 0010). */
  kind: MovementKind;
  /** Posting order within the level: the ledger is ordered by (movement_date, ledger_order). */
  ledger_order: number;
  /** The movement it follows: a transfer's out for its in, the original for a reversal's row. */
  source_movement_id: string | null;
  /** A count's counted quantity: its difference follows from the book before it. */
  counted_milli: number | null;
  /** Signed: in > 0, out < 0 (a count or a reversal of a count may be 0). */
  quantity_milli: number;
  /** |value| per unit, for display; value_cents is what counts. */
  unit_cost_cents: number;
  /** Signed, like the quantity. */
  value_cents: number;
  /** The document's date (valuation at a date reads it). */
  movement_date: CalendarDate;
  /** When it was posted. */
  at: Instant;
  /** Order within the posting. */
  seq: number;
  created_at: Instant;
  updated_at: Instant;
}

/** On hand, reserved and value per part and warehouse: moved only with ledger rows, rebuildable from them. */
export interface StockLevelTable {
  id: string;
  part_id: string;
  warehouse_id: string;
  on_hand_milli: number;
  reserved_milli: number;
  /** The source of truth of the cost: the weighted average is value / on hand. */
  value_cents: number;
  /** round(value × 1000 / on hand) half away from zero, 0 when nothing is on hand; for display. */
  avg_cost_cents: number;
  /** The highest ledger_order of the level's movements (each posting takes the next even numbers). */
  last_order: Generated<number>;
  /** The latest movement date of the level: a posting dated on or after it re-costs nothing. */
  last_date: CalendarDate | null;
  created_at: Instant;
  updated_at: Instant;
}

/** Parts held for a purpose (a service order's line) in one warehouse: available = on hand − reserved. */
export interface StockReservationTable {
  id: string;
  part_id: string;
  warehouse_id: string;
  quantity_milli: number;
  source_type: string;
  source_id: string;
  source_line_id: string | null;
  status: 'active' | 'released' | 'consumed';
  consumed_by_document_id: string | null;
  released_at: Instant | null;
  consumed_at: Instant | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface StockTables {
  stock_warehouse: StockWarehouseTable;
  stock_document: StockDocumentTable;
  stock_document_line: StockDocumentLineTable;
  stock_movement: StockMovementTable;
  stock_level: StockLevelTable;
  stock_reservation: StockReservationTable;
}
