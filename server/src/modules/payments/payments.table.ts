import type { CalendarDate, Instant } from '../../db/sql';

export type PaymentMethod = 'cash' | 'card' | 'bank_transfer';
export type AllocationKind = 'payment' | 'write_off';

/** A customer's payment (ADR 0020): one customer_payment money movement into a cash desk or a bank account. */
export interface CustomerPaymentTable {
  id: string;
  movement_id: string;
  party_id: string;
  account_id: string;
  method: PaymentMethod;
  payment_date: CalendarDate;
  amount_cents: number;
  currency: string;
  notes: string | null;
  created_by: string | null;
  created_at: Instant;
  /** Touched by each allocation: the row every allocation of the payment locks first. */
  updated_at: Instant;
}

/** Money of a payment set against an invoice, or a written-off difference (no payment); undone, never deleted. */
export interface PaymentAllocationTable {
  id: string;
  kind: AllocationKind;
  payment_id: string | null;
  invoice_id: string;
  allocation_date: CalendarDate;
  amount_cents: number;
  /**
   * What it settles on the invoice, in the invoice's currency, when that is not the payment's: a EUR payment of 2026
   * against a BGN invoice of 2025 settles the converted amount (EUR-05; migration 0039). Null: amount_cents.
   */
  settled_cents: number | null;
  /** Write-offs: why. */
  reason: string | null;
  created_by: string | null;
  created_at: Instant;
  undone_at: Instant | null;
  undone_by: string | null;
  undo_reason: string | null;
}

/**
 * What a credit note in another currency than its invoice settles of it (EUR-06, ADR 0038; migration 0042): a 2026
 * EUR note against a 2025 BGN invoice, converted by EUR-01 when the note is issued, in the invoice's currency, with
 * the booked rounding difference (BGN cents). Counts while the note is issued.
 */
export interface CreditNoteSettlementTable {
  note_id: string;
  invoice_id: string;
  note_cents: number;
  settled_cents: number;
  rounding_cents: number;
  created_at: Instant;
}

/** One row (id 'main'): the largest difference that may be written off. Absent: 100 cents. */
export interface PaymentSettingsTable {
  id: string;
  write_off_max_cents: number;
  updated_at: Instant;
}

/** A bank statement line imported into a bank account (ADR 0023), kept by its hash so it is never imported twice. */
export interface BankStatementLineTable {
  id: string;
  account_id: string;
  line_hash: string;
  line_date: CalendarDate;
  amount_cents: number;
  counterparty: string | null;
  description: string | null;
  /** The customer payment the line became. */
  payment_id: string | null;
  created_by: string | null;
  created_at: Instant;
}

/**
 * Money paid back to a customer (ADR 0029): one customer_payment money movement with a negative leg, allocated
 * whole to credit notes or payments' advances. Undone as a whole (the movement reversed), never deleted.
 */
export interface CustomerRefundTable {
  id: string;
  movement_id: string;
  party_id: string;
  account_id: string;
  method: PaymentMethod;
  refund_date: CalendarDate;
  amount_cents: number;
  currency: string;
  notes: string | null;
  storno_receipt_number: string | null;
  storno_receipt_date_time: string | null;
  created_by: string | null;
  created_at: Instant;
  undone_at: Instant | null;
  undone_by: string | null;
  undo_reason: string | null;
  reversal_movement_id: string | null;
}

/** Part of a refund: for one credit note, or for one payment's unused advance (exactly one of the two). */
export interface RefundAllocationTable {
  id: string;
  refund_id: string;
  credit_note_id: string | null;
  payment_id: string | null;
  amount_cents: number;
  /**
   * A EUR refund to a EUR credit note on a 2025 BGN invoice (EUR-06, ADR 0040, migration 0044): what it pays back of
   * what the invoice owes back, in BGN (EUR-05's rule), and the booked rounding difference. Null otherwise.
   */
  settled_cents: number | null;
  rounding_cents: number | null;
}

export interface PaymentsTables {
  bank_statement_line: BankStatementLineTable;
  credit_note_settlement: CreditNoteSettlementTable;
  customer_payment: CustomerPaymentTable;
  customer_refund: CustomerRefundTable;
  refund_allocation: RefundAllocationTable;
  payment_allocation: PaymentAllocationTable;
  payment_settings: PaymentSettingsTable;
}
