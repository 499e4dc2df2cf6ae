import type { ColumnType } from 'kysely';
import type { CalendarDate, Instant, SqlBool } from '../../db/sql';

export interface CompanyTable {
  id: string;
  legal_name: string;
  uic: string | null;
  vat_number: string | null;
  vat_registered: SqlBool;
  vat_registered_from: CalendarDate | null;
  country: string;
  city: string | null;
  address: string | null;
  postcode: string | null;
  mol: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  default_vat_rate_bp: number;
  fiscal_device_required: SqlBool;
  /** The last day quotes and sale receipts show EUR and BGN side by side (EUR-02, EUR-07; migration 0039). */
  // Optional when inserting (migration 0039's defaults): a company created on an older schema, as the migration
  // tests make one, has no such column yet.
  dual_display_until: ColumnType<CalendarDate, CalendarDate | undefined, CalendarDate>;
  /** Invoices and notes print an informative amount in the other currency (EUR-03); off by default. */
  invoice_other_currency: ColumnType<boolean | number, boolean | undefined, boolean>;
  logo_data_url: string | null;
  /** The closed period: nothing is posted or reversed on or before it (issue 10). */
  lock_date: CalendarDate | null;
  /** A demo company made by setup's "try with a demo company": invented data, wiped by leave-demo (issue 11). */
  is_demo: SqlBool;
  created_at: Instant;
  updated_at: Instant;
}

export interface CompanyBankAccountTable {
  id: string;
  company_id: string;
  iban: string;
  bic: string | null;
  bank_name: string | null;
  currency: string;
  is_default: SqlBool;
  position: number;
}

/** The kinds of VAT rate (INV-08): what a catalogue item or a document line names; the rate is looked up by date. */
export type VatRateKind = 'standard' | 'reduced' | 'zero' | 'exempt';

/**
 * A VAT rate of a kind valid from a day (INV-08; ADR 0038, migration 0042): a change by law is a new row from its
 * day; rows are added, never changed, so what a document took stays explained. 0 % and exempt carry their ground.
 */
export interface VatRateTable {
  id: string;
  kind: VatRateKind;
  rate_bp: number;
  valid_from: CalendarDate;
  vat_reason: string | null;
  created_by: string | null;
  created_at: Instant;
}

export interface CompanyTables {
  vat_rate: VatRateTable;
  company: CompanyTable;
  company_bank_account: CompanyBankAccountTable;
}
