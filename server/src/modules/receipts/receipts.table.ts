import type { CalendarDate, Instant, SqlBool } from '../../db/sql';
import type { DocumentStatus } from '../../kernel/lifecycle';

/**
 * A sale receipt of our own (касова бележка; ADR 0022): a numbered non-tax sales document of its own table, never a
 * tax invoice. `issued` until a storno reverses it (FIS-02); its fiscal fields are those the device printed. The header
 * of a numbered document (ADR 8, migration 0035): drafted and posted in one transaction, `posted` read as issued; a
 * storno turns it `reversed` with no mirror (the device prints the storno).
 */
export interface SaleReceiptTable {
  id: string;
  series_id: string | null;
  number: string | null;
  status: DocumentStatus;
  document_date: CalendarDate;
  currency: string;
  /** Null for an over-the-counter sale to a walk-in buyer (ADR 0026). */
  party_id: string | null;
  order_id: string | null;
  /**
   * The customer payment (ADR 0020) this receipt was printed for (FIS-01, ADR 0037, migration 0041): its lines are
   * the invoices paid and the advance, and it shares the payment's money movement. Null for an order's receipt and a
   * counter sale.
   */
  payment_id: string | null;
  payment_method: 'cash' | 'card';
  /** The cash desk (or the card's account) the payment went into (→ money_account). */
  account_id: string;
  /** The customer_payment money movement of the payment (→ money_movement); recorded once the draft is numbered. */
  movement_id: string | null;
  net_cents: number;
  vat_cents: number;
  total_cents: number;
  /** The УНП (FIS-05): taken in the sale's transaction, printed on the receipt and on its storno. */
  unique_sale_number: string;
  fiscalised: SqlBool;
  /** printing until the device answers; printed; no_device (not fiscalised, ADR 0017); failed (error code kept). */
  fiscal_status: 'printing' | 'printed' | 'no_device' | 'failed';
  fiscal_error_code: string | null;
  fiscal_task_id: string | null;
  receipt_number: string | null;
  receipt_date_time: string | null;
  fiscal_memory_serial_number: string | null;
  storno_reason: string | null;
  storno_receipt_number: string | null;
  storno_receipt_date_time: string | null;
  reversed_at: Instant | null;
  reversed_by: string | null;
  reversal_of_id: string | null;
  reversed_by_id: string | null;
  posted_at: Instant | null;
  posted_by: string | null;
  created_by: string | null;
  /** Where it was sold (FIS-05, ADR 0041): the site, the workstation and the device that printed it. */
  site_id: string | null;
  workstation_id: string | null;
  device_id: string | null;
  /** A payment's receipt: the numbers of the invoices it paid, comma-separated (mandatory reports). */
  invoice_numbers: string | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface SaleReceiptLineTable {
  id: string;
  receipt_id: string;
  position: number;
  description: string;
  quantity_milli: number;
  unit: string;
  /** Without VAT, like the order line's. */
  unit_price_cents: number;
  discount_bp: number;
  vat_rate_bp: number;
  net_cents: number;
  vat_cents: number;
  total_cents: number;
  order_line_id: string | null;
  /** The catalogue part an over-the-counter sale issued from stock (ADR 0026); null for an order's line. */
  part_id: string | null;
}

/**
 * A storno of a customer payment's receipt (FIS-02, FP-05; ADR 0040, migration 0044), written in a refund's
 * transaction and printed after its commit: the original's УНП, its reason, at most what the original sold less its
 * earlier stornos. Its four fields are the device's storno receipt; printing, printed, no_device or failed as a sale.
 */
export interface SaleReceiptStornoTable {
  id: string;
  receipt_id: string;
  refund_id: string | null;
  reason: 'operator-error' | 'refund' | 'taxbase-reduction';
  payment_method: 'cash' | 'card';
  currency: string;
  net_cents: number;
  vat_cents: number;
  total_cents: number;
  unique_sale_number: string;
  fiscalised: SqlBool;
  fiscal_status: 'printing' | 'printed' | 'no_device' | 'failed';
  fiscal_error_code: string | null;
  fiscal_task_id: string | null;
  receipt_number: string | null;
  receipt_date_time: string | null;
  fiscal_memory_serial_number: string | null;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** What a storno takes off one of the original's lines (its position), with VAT at the line's rate. */
export interface SaleReceiptStornoLineTable {
  id: string;
  storno_id: string;
  position: number;
  description: string;
  vat_rate_bp: number;
  net_cents: number;
  vat_cents: number;
  total_cents: number;
}

export interface ReceiptsTables {
  sale_receipt: SaleReceiptTable;
  sale_receipt_line: SaleReceiptLineTable;
  sale_receipt_storno: SaleReceiptStornoTable;
  sale_receipt_storno_line: SaleReceiptStornoLineTable;
}
