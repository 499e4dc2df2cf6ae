import type { ColumnType } from 'kysely';
import type { CalendarDate, Instant, SqlBool } from '../../db/sql';
import type { DocumentStatus } from '../../kernel/lifecycle';

export type InvoiceCurrency = 'BGN' | 'EUR';
export type PaymentMethod = 'cash' | 'card' | 'bank_transfer';
/** What a sales_invoice row is (migration 0024): an invoice or a note correcting one (INV-11). */
export type InvoiceKind = 'invoice' | 'credit_note' | 'debit_note';

/**
 * An invoice (фактура, issue 13; ADR 16). The header of a numbered document (ADR 8): `posted` reads as issued,
 * `reversed` as cancelled (анулирана: it keeps its number, no mirror is written). Both parties' requisites are
 * copied onto it when it is drafted and again, as they stand that day, when it is issued; an issued invoice never
 * changes but for its cancellation.
 */
export interface SalesInvoiceTable {
  id: string;
  /** invoice, credit_note or debit_note (the VAT journal maps them to NAP's types 01, 03, 02). */
  kind: InvoiceKind;
  /** The invoice a note corrects (→ sales_invoice). */
  related_invoice_id: string | null;
  /** Why a note is issued (основание), printed on it. */
  note_reason: string | null;
  /** The document that replaces a cancelled one, printed on its cancellation protocol (INV-12). */
  replaced_by_id: string | null;
  /** The proforma this invoice was converted from (→ sales_proforma, unique; INV-13). */
  proforma_id: string | null;
  /** An advance invoice (авансова фактура, INV-06): one line, deducted later on a final invoice. */
  advance: SqlBool;
  status: DocumentStatus;
  series_id: string | null;
  number: string | null;
  /** The issue date (дата на издаване); it fixes the currency (EUR-04). */
  document_date: CalendarDate;
  /** Дата на данъчното събитие (INV-03, INV-06). */
  tax_event_date: CalendarDate;
  currency: InvoiceCurrency;
  /** The recipient (→ party). */
  party_id: string;
  /** The service order it bills (→ service_order). */
  order_id: string | null;
  supplier_name: string;
  supplier_uic: string | null;
  supplier_vat_number: string | null;
  supplier_address: string | null;
  supplier_mol: string | null;
  /** The default bank account as printed: "IBAN, BIC, bank". */
  supplier_bank: string | null;
  /** VAT-registered on the issue date: otherwise no VAT is charged and no_vat_reason is printed (INV-10). */
  supplier_vat_registered: SqlBool;
  recipient_name: string;
  recipient_kind: string;
  recipient_uic: string | null;
  recipient_vat_number: string | null;
  recipient_egn: string | null;
  recipient_address: string | null;
  recipient_mol: string | null;
  /** Issued to a natural person without ЕГН/ЛНЧ on the issuer's explicit confirmation (INV-16; migration 0039). */
  recipient_id_waived: SqlBool;
  /** The legal ground of an invoice without VAT (INV-10), e.g. "чл. 113, ал. 9 ЗДДС". */
  no_vat_reason: string | null;
  payment_method: PaymentMethod;
  due_date: CalendarDate | null;
  /** Получател: the person who received it. */
  received_by: string | null;
  /** Съставил: the issuer's name as it stood when it was issued. */
  issued_by_name: string | null;
  notes: string | null;
  net_cents: number;
  vat_cents: number;
  total_cents: number;
  cancel_reason: string | null;
  cancelled_at: Instant | null;
  cancelled_by: string | null;
  reversal_of_id: string | null;
  reversed_by_id: string | null;
  posted_at: Instant | null;
  posted_by: string | null;
  created_by: string | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

/** A line of an invoice: quantity, unit, unit price without VAT, discount, tax base, VAT rate (INV-03). */
export interface SalesInvoiceLineTable {
  id: string;
  invoice_id: string;
  position: number;
  description: string;
  quantity_milli: number;
  unit: string;
  unit_price_cents: number;
  discount_bp: number;
  /** The tax base: round(quantity × price × (1 − discount)), rounded once. */
  net_cents: number;
  vat_rate_bp: number;
  /** Exempt or outside VAT: base counted, no VAT (INV-09). */
  vat_exempt: SqlBool;
  /** The legal ground of a 0 % or exempt line (INV-09). */
  vat_reason: string | null;
  /**
   * The kind of rate the line named (INV-08, migration 0042): its rate is the kind's valid on the tax event date.
   * Null: the rate was given. Optional on insert (a line written on an older schema).
   */
  vat_rate_kind?: ColumnType<
    'standard' | 'reduced' | 'zero' | 'exempt' | null,
    string | null | undefined,
    string | null
  >;
  /** The service order line it was built from. */
  order_line_id: string | null;
  /**
   * A final invoice's deduction of an advance invoice (→ sales_invoice, INV-06): its net_cents is negative, its unit
   * price positive.
   */
  deducts_invoice_id: string | null;
  created_at: Instant;
}

/** The PDF of an issued invoice as rendered once, kept unchanged with its SHA-256 (INV-15). */
export interface SalesInvoiceRenderingTable {
  invoice_id: string;
  language: 'bg' | 'bg_en';
  pdf: Buffer;
  sha256: string;
  created_at: Instant;
}

/**
 * A proforma invoice (проформа фактура, INV-13; ADR 0025): numbered in its own series when made, no tax effect (its
 * own table: never in the VAT journal, the receivables or a balance); converted once into an invoice. The header of
 * a numbered document (ADR 8, migration 0035): `posted` reads as issued, or converted once it names its invoice;
 * `reversed` as cancelled (no mirror is written).
 */
export interface SalesProformaTable {
  id: string;
  series_id: string | null;
  number: string | null;
  status: DocumentStatus;
  document_date: CalendarDate;
  currency: InvoiceCurrency;
  party_id: string;
  order_id: string | null;
  supplier_name: string;
  supplier_uic: string | null;
  supplier_vat_number: string | null;
  supplier_address: string | null;
  supplier_mol: string | null;
  supplier_bank: string | null;
  supplier_vat_registered: SqlBool;
  recipient_name: string;
  recipient_kind: string;
  recipient_uic: string | null;
  recipient_vat_number: string | null;
  recipient_egn: string | null;
  recipient_address: string | null;
  recipient_mol: string | null;
  no_vat_reason: string | null;
  payment_method: PaymentMethod;
  /** Валидна до: the offer's last day (optional). */
  valid_until: CalendarDate | null;
  issued_by_name: string | null;
  notes: string | null;
  net_cents: number;
  vat_cents: number;
  total_cents: number;
  /** The invoice it was converted into (→ sales_invoice). */
  invoice_id: string | null;
  converted_at: Instant | null;
  cancel_reason: string | null;
  cancelled_at: Instant | null;
  reversal_of_id: string | null;
  reversed_by_id: string | null;
  posted_at: Instant | null;
  posted_by: string | null;
  created_by: string | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

/** A proforma's line: an invoice line's columns; its vat_rate_kind since migration 0046 (ADR 0042). */
export type SalesProformaLineTable = Omit<SalesInvoiceLineTable, 'invoice_id' | 'deducts_invoice_id'> & {
  proforma_id: string;
};

export interface SalesTables {
  sales_proforma: SalesProformaTable;
  sales_proforma_line: SalesProformaLineTable;
  sales_invoice: SalesInvoiceTable;
  sales_invoice_line: SalesInvoiceLineTable;
  sales_invoice_rendering: SalesInvoiceRenderingTable;
}
