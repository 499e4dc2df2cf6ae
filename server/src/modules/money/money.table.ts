import type { CalendarDate, Instant, SqlBool } from '../../db/sql';

export type MoneyAccountKind = 'cash' | 'bank';
export type MoneyMovementKind =
  | 'cash_in'
  | 'cash_out'
  | 'expense'
  | 'supplier_payment'
  | 'transfer'
  | 'customer_payment'
  | 'reversal';

/** A cash desk (каса) or a bank account (банкова сметка); archived, never deleted. */
export interface MoneyAccountTable {
  id: string;
  kind: MoneyAccountKind;
  name: string;
  /** Bank accounts only. */
  bank_name: string | null;
  /** Bank accounts only: electronic form, mod-97 checked. */
  iban: string | null;
  currency: string;
  archived_at: Instant | null;
  /** The cash desk the fiscal device counts (FIS-03, ADR 0028): at most one. */
  fiscal_device: SqlBool;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** One numbered money document: moves amount_cents (always positive) through its legs. */
export interface MoneyMovementTable {
  id: string;
  series_id: string;
  number: string;
  kind: MoneyMovementKind;
  movement_date: CalendarDate;
  amount_cents: number;
  reason: string | null;
  /** Expenses: the category text. */
  category: string | null;
  /** Supplier payments: the supplier (→ party). */
  party_id: string | null;
  reversal_of_id: string | null;
  reversed_by_id: string | null;
  /** On the fiscal cash desk: registered on the device (printed) or not, the company having none (no_device). */
  fiscal_status: 'printed' | 'no_device' | null;
  /** The device task (service deposit or withdrawal) that registered it: one task, one movement. */
  fiscal_task_id: string | null;
  created_by: string | null;
  created_at: Instant;
}

/** What one movement does to one account: signed cents on the movement's date. */
export interface MoneyMovementLegTable {
  id: string;
  movement_id: string;
  account_id: string;
  movement_date: CalendarDate;
  amount_cents: number;
}

export interface MoneyTables {
  money_account: MoneyAccountTable;
  money_movement: MoneyMovementTable;
  money_movement_leg: MoneyMovementLegTable;
}
