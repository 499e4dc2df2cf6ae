import type { Instant } from '../../db/sql';

export type PurchaseRequestStatus = 'draft' | 'sent' | 'received' | 'cancelled';

/** A request to one supplier for the parts that service orders wait for (ADR 0014). */
export interface PurchaseRequestTable {
  id: string;
  series_id: string;
  /** Taken from the purchase_request series when the draft is made. */
  number: string;
  status: PurchaseRequestStatus;
  /** Null: no supplier known yet; the buyer assigns one before sending. */
  supplier_id: string | null;
  notes: string | null;
  /** The stock receipt drafted when the goods came ("receive"). */
  receipt_id: string | null;
  sent_at: Instant | null;
  sent_by: string | null;
  received_at: Instant | null;
  cancelled_at: Instant | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** One part of a request: the quantity to order (the needs it serves, or what the buyer set in the draft). */
export interface PurchaseRequestLineTable {
  id: string;
  request_id: string;
  part_id: string;
  position: number;
  /** Thousandths of the part's unit; fixed once the request is sent (what was ordered). */
  quantity_milli: number;
  created_at: Instant;
  updated_at: Instant;
}

/** What one waiting line of another module (a service order's part line) needs from a request line. */
export interface PurchaseRequestNeedTable {
  id: string;
  request_line_id: string;
  source_type: string;
  source_id: string;
  source_line_id: string;
  /** The source's number as its owner shows it (the service order's number), kept for display. */
  source_label: string;
  /** When the source was taken in: the oldest is served first. */
  source_date: Instant;
  /** The warehouse the waiting line takes its part from. */
  warehouse_id: string;
  quantity_milli: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface PurchasingTables {
  purchase_request: PurchaseRequestTable;
  purchase_request_line: PurchaseRequestLineTable;
  purchase_request_need: PurchaseRequestNeedTable;
}
