import type { CalendarDate, Instant, SqlBool } from '../../db/sql';
import type { VatRateKind } from '../../kernel/vat-rate-kinds';

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'converted';
export type QuoteLineKind = 'part' | 'labour' | 'charge';

/** A repair quote (issue 12, item 1): numbered at creation in the `quote` series, moved through quotes.lifecycle.ts. */
export interface RepairQuoteTable {
  id: string;
  series_id: string;
  number: string;
  /** As stored; a sent quote past its validity date reads as expired (quotes.lifecycle.ts effectiveStatus). */
  status: QuoteStatus;
  status_changed_at: Instant;
  /** The customer (→ party). */
  party_id: string;
  item_id: string;
  complaint: string;
  /** The last day the offer stands. */
  valid_until: CalendarDate;
  /** Printed on the quote. */
  customer_notes: string | null;
  /** The service order it was made from (from_order) or, once converted, the one it became (→ service_order). */
  order_id: string | null;
  from_order: SqlBool;
  sent_at: Instant | null;
  /** When it was accepted or rejected. */
  decided_at: Instant | null;
  converted_at: Instant | null;
  /** Folded: number, customer name and phone, serial, brand and model. */
  search_text: string;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A planned line of a quote: the order line's shape without what only done work has. */
export interface RepairQuoteLineTable {
  id: string;
  quote_id: string;
  position: number;
  kind: QuoteLineKind;
  part_id: string | null;
  service_type_id: string | null;
  description: string;
  /** Part lines: the warehouse the converted order reserves from. */
  warehouse_id: string | null;
  quantity_milli: number;
  unit: string;
  unit_price_cents: number;
  list_price_cents: number;
  price_override_reason: string | null;
  discount_bp: number;
  vat_rate_bp: number;
  /** The kind of VAT rate (ADR 0042): its rate is read on the tax event date; null: vat_rate_bp is an explicit rate. */
  vat_rate_kind: VatRateKind | null;
  /** The legal ground of a 0 % or exempt kind (INV-09), printed on the documents. */
  vat_reason: string | null;
  norm_minutes: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface QuotesTables {
  repair_quote: RepairQuoteTable;
  repair_quote_line: RepairQuoteLineTable;
}
