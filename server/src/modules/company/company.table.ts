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

export interface CompanyTables {
  company: CompanyTable;
  company_bank_account: CompanyBankAccountTable;
}
