import type { Generated } from 'kysely';
import type { CalendarDate, Instant, SqlBool } from '../../db/sql';
import type { VatRateKind } from '../../kernel/vat-rate-kinds';

export type OrderStatus =
  | 'received'
  | 'diagnosing'
  | 'awaiting_approval'
  | 'awaiting_parts'
  | 'in_repair'
  | 'ready'
  | 'delivered'
  | 'cancelled';
export type OrderLocation = 'shop' | 'on_site';
export type OrderLineKind = 'part' | 'labour' | 'charge';
export type LinePayer = 'customer' | 'manufacturer_warranty' | 'shop_warranty' | 'contract';
export type RemovedDisposition = 'returned' | 'scrapped' | 'to_warehouse';

/** The kinds of document that close (bill) an order (ADR 0022). */
export type BilledDocumentKind = 'invoice' | 'sale_receipt' | 'goods_note';

/** A service order (issue 12): numbered at intake, moved through its own lifecycle (orders.lifecycle.ts). */
export interface ServiceOrderTable {
  id: string;
  series_id: string;
  number: string;
  status: OrderStatus;
  /** When it entered its status: the status time limit counts from here. */
  status_changed_at: Instant;
  location: OrderLocation;
  /** The customer (→ party). */
  party_id: string;
  item_id: string;
  /** The customer's site (→ site), on-site work. */
  site_id: string | null;
  complaint: string;
  /** JSON array of strings: what the customer left with the item. */
  accessories: string;
  condition_notes: string | null;
  received_by: string | null;
  received_at: Instant;
  promised_date: CalendarDate | null;
  diagnosis: string | null;
  internal_notes: string | null;
  /** Shown on the public status page and the prints. */
  customer_notes: string | null;
  /** The lead technician (→ technician): "my orders". */
  technician_id: string | null;
  /** Set when waiting parts arrived and were reserved: "ready to continue". */
  parts_arrived_at: Instant | null;
  finished_at: Instant | null;
  delivered_at: Instant | null;
  cancelled_at: Instant | null;
  cancel_reason: string | null;
  /** The stock issue posted at finishing (→ stock_document). */
  issue_document_id: string | null;
  /** The returns receipt of removed parts posted at finishing (→ stock_document). */
  returns_document_id: string | null;
  refused_repair: SqlBool;
  /** The sales document that billed the order (→ sales_invoice), set once by the sales module (migration 0020). */
  billed_document_id: Generated<string | null>;
  billed_at: Generated<Instant | null>;
  /**
   * The closing document of any kind that billed the order (migration 0028, ADR 0022): the once-only guard. An
   * invoice is also in billed_document_id (its foreign key); a sale receipt or goods note only here.
   */
  billed_by_id: Generated<string | null>;
  billed_by_kind: Generated<BilledDocumentKind | null>;
  /** Why the order was delivered with something to pay and no closing document (migration 0030, ADR 0024). */
  delivered_without_document_reason: Generated<string | null>;
  /** Folded: number, customer name, phones, serial, brand and model. */
  search_text: string;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A line of an order: a part, labour or another charge (the same shape serves repair quotes later). */
export interface ServiceOrderLineTable {
  id: string;
  order_id: string;
  position: number;
  kind: OrderLineKind;
  part_id: string | null;
  service_type_id: string | null;
  /** The name at the time. */
  description: string;
  /** Part lines: the warehouse it is reserved in and issued from. */
  warehouse_id: string | null;
  /** Planned quantity, > 0. */
  quantity_milli: number;
  /** Used quantity, null until set; wins over planned at finishing. */
  used_quantity_milli: number | null;
  unit: string;
  /** Without VAT. */
  unit_price_cents: number;
  /** The catalogue price before an override (kept for warranty claims). */
  list_price_cents: number;
  discount_bp: number;
  vat_rate_bp: number;
  /** The kind of VAT rate (ADR 0042): its rate is read on the tax event date; null: vat_rate_bp is an explicit rate. */
  vat_rate_kind: VatRateKind | null;
  /** The legal ground of a 0 % or exempt kind (INV-09), printed on the documents. */
  vat_reason: string | null;
  payer: LinePayer;
  payer_reason: string | null;
  /** → warranty_record that made it shop warranty. */
  covered_by_warranty_id: string | null;
  norm_minutes: number | null;
  price_override_reason: string | null;
  actual_minutes: number | null;
  fitted_serial: string | null;
  removed_serial: string | null;
  removed_disposition: RemovedDisposition | null;
  removed_warehouse_id: string | null;
  /** Set at finishing from the stock issue. */
  unit_cost_cents: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ServiceOrderLineTechnicianTable {
  line_id: string;
  technician_id: string;
  /** Shares of a line sum to 10000. */
  share_bp: number;
}

/**
 * A technician's share of a labour line of a finished order, with the line's figures at finishing (migration 0022):
 * what the earnings report sums. Written at finishing, deleted at reopening (orders.earnings.record.ts).
 */
export interface ServiceOrderEarningTable {
  line_id: string;
  technician_id: string;
  order_id: string;
  finished_at: Instant;
  service_type_id: string;
  payer: LinePayer;
  share_bp: number;
  /** The line's norm for the units worked. */
  norm_minutes: number;
  actual_minutes: number;
  /** The line's net after its discount, whoever pays it. */
  labour_cents: number;
  /** 1 on exactly one share of each line. */
  lead: number;
}

/** The order's timeline: written in the same transaction as the change. */
export interface ServiceOrderEventTable {
  id: string;
  order_id: string;
  at: Instant;
  user_id: string | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  /** JSON object. */
  details: string | null;
}

/** The shop's own warranty on a fitted part or on the labour of a repair. */
export interface WarrantyRecordTable {
  id: string;
  order_id: string;
  line_id: string | null;
  item_id: string;
  kind: 'part' | 'labour';
  part_id: string | null;
  service_type_id: string | null;
  serial: string | null;
  fitted_on: CalendarDate;
  months: number;
  valid_until: CalendarDate;
  status: 'active' | 'void';
  created_at: Instant;
  updated_at: Instant;
}

/** The order's public status link: only the sha256 of its token is kept; one active per order. */
export interface ServiceOrderLinkTable {
  id: string;
  order_id: string;
  token_hash: string;
  created_at: Instant;
  revoked_at: Instant | null;
}

/** One row (or none: defaults). */
export interface ServiceSettingsTable {
  id: string;
  /** JSON {status: hours}. */
  status_limits: string;
  diagnostic_fee: 'charge' | 'none';
  diagnostic_service_type_id: string | null;
  overdue_customers: 'warn' | 'refuse';
  part_warranty_months: number;
  labour_warranty_months: number;
  /** Warranty and contract labour lines in the technicians' earnings: paid, counted for hours only, or left out. */
  earnings_warranty_rule: Generated<'pay' | 'hours_only' | 'exclude'>;
  /** Keep the GPS position of an order's photos (shown as a map link); off: stripped with the rest of EXIF. */
  keep_photo_location: Generated<boolean | number>;
  updated_at: Instant;
}

export interface OrdersTables {
  service_order: ServiceOrderTable;
  service_order_line: ServiceOrderLineTable;
  service_order_line_technician: ServiceOrderLineTechnicianTable;
  service_order_earning: ServiceOrderEarningTable;
  service_order_event: ServiceOrderEventTable;
  warranty_record: WarrantyRecordTable;
  service_order_link: ServiceOrderLinkTable;
  service_settings: ServiceSettingsTable;
}
