import type { CalendarDate, Instant } from '../../db/sql';

/** A customer's serviced item (a unit of equipment): one model + serial number, one history whoever owns it. */
export interface ItemTable {
  id: string;
  model_id: string;
  /** Trimmed, upper case, inner spaces collapsed; unique per model. */
  serial_number: string;
  /** The current owner (→ party). */
  party_id: string;
  /** Where it is installed: a site of the current owner, or null (in the shop, at home). */
  site_id: string | null;
  purchase_date: CalendarDate | null;
  seller: string | null;
  warranty_doc_number: string | null;
  /** Manufacturer's warranty in months from the purchase date; the model's default when not given. */
  warranty_months: number | null;
  /** An explicit end of the warranty that overrides purchase_date + warranty_months. */
  warranty_end: CalendarDate | null;
  /** The effective last day of warranty (explicit or computed), kept on write for filtering and sorting. */
  warranty_until: CalendarDate | null;
  notes: string | null;
  /** Serial (also without spaces), model, brand and owner names, folded (kernel/search-text). */
  search_text: string;
  archived_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** Who owned the item, and where it was, from which date to which (to_date null: the current owner). */
export interface ItemOwnerHistoryTable {
  id: string;
  item_id: string;
  party_id: string;
  site_id: string | null;
  from_date: CalendarDate;
  to_date: CalendarDate | null;
  /** Why it changed hands ("продаден", "корекция"); null for the first owner. */
  reason: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface ItemsTables {
  item: ItemTable;
  item_owner_history: ItemOwnerHistoryTable;
}
