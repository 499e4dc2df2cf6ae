import type { CalendarDate, Instant, SqlBool } from '../../db/sql';
import type { DocumentStatus } from '../../kernel/lifecycle';

/**
 * A goods delivery note (стокова разписка; ADR 0024): a numbered non-tax sale document of its own table and series,
 * never a tax invoice. Both parties' requisites are copies as they stood on the day; it never changes once issued.
 * The header of a numbered document (ADR 8, migration 0035): drafted and posted (`issued`) in one transaction.
 */
export interface GoodsNoteTable {
  id: string;
  series_id: string | null;
  number: string | null;
  status: DocumentStatus;
  document_date: CalendarDate;
  currency: 'BGN' | 'EUR';
  party_id: string;
  order_id: string | null;
  supplier_name: string;
  supplier_uic: string | null;
  supplier_vat_number: string | null;
  supplier_address: string | null;
  supplier_mol: string | null;
  recipient_name: string;
  recipient_uic: string | null;
  recipient_vat_number: string | null;
  recipient_address: string | null;
  recipient_mol: string | null;
  /** A handover of zero value: a warranty or contract repair, nothing for the customer to pay. */
  zero_value: SqlBool;
  net_cents: number;
  vat_cents: number;
  total_cents: number;
  received_by: string | null;
  issued_by_name: string | null;
  notes: string | null;
  reversal_of_id: string | null;
  reversed_by_id: string | null;
  posted_at: Instant | null;
  posted_by: string | null;
  created_by: string | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface GoodsNoteLineTable {
  id: string;
  note_id: string;
  position: number;
  description: string;
  quantity_milli: number;
  unit: string;
  /** Who pays the order line: the customer, or a warranty/contract (then the line's price on the note is 0). */
  payer: string;
  /** Without VAT, as on the order line; 0 on a line the customer does not pay. */
  unit_price_cents: number;
  discount_bp: number;
  vat_rate_bp: number;
  net_cents: number;
  order_line_id: string | null;
}

/** The issued rendering, stored unchanged with its SHA-256 (as invoices, INV-15). */
export interface GoodsNoteRenderingTable {
  note_id: string;
  language: 'bg' | 'bg_en';
  pdf: Buffer;
  sha256: string;
  created_at: Instant;
}

export interface GoodsNotesTables {
  goods_note: GoodsNoteTable;
  goods_note_line: GoodsNoteLineTable;
  goods_note_rendering: GoodsNoteRenderingTable;
}
