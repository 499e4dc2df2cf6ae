import type { CalendarDate, Instant } from '../../db/sql';

/** The company's fiscal device (one row; none until saved): ErpNet.FP or no device (ADR 0017). */
export interface FiscalDeviceSettingsTable {
  id: string;
  kind: 'none' | 'erpnet_fp';
  server_url: string | null;
  printer_id: string | null;
  operator: string | null;
  /** Confidential: sent to the device only, never answered by the API nor written to the audit. */
  operator_password: string | null;
  /** The day the device counts in EUR (FP-07; 2026-01-01 by law, a setting per D5). */
  eur_from: CalendarDate;
  /** VAT rate (basis points) → the device's tax group 1–8, as JSON (FIS-06). */
  tax_groups: string;
  /** What the device said of itself at the last test: its ФУ number starts every УНП (FIS-05). */
  device_serial_number: string | null;
  fiscal_memory_serial_number: string | null;
  device_model: string | null;
  item_text_max_length: number | null;
  checked_at: Instant | null;
  updated_at: Instant;
}

/** The УНП sequence of a device and operator (FIS-05): bumped inside the sale's transaction. */
export interface FiscalSaleCounterTable {
  prefix: string;
  next_number: number;
}

/** Every task sent to the device, kept before it is sent so that a lost answer can be asked about (FP-04). */
export interface FiscalDeviceTaskTable {
  /** The taskId sent to ErpNet.FP. */
  id: string;
  action: 'receipt' | 'reversal' | 'deposit' | 'withdraw' | 'x_report' | 'z_report' | 'duplicate';
  status: 'sent' | 'done' | 'failed' | 'pending' | 'unknown';
  unique_sale_number: string | null;
  amount_cents: number | null;
  currency: string | null;
  /** What was asked of the device (without the password), to send the very same task again on a retry. */
  request_json: string | null;
  result_json: string | null;
  error_code: string | null;
  created_by: string | null;
  created_at: Instant;
  finished_at: Instant | null;
  /** Z reports: the device's cash read just before the report and just after it (FIS-03, ADR 0028). */
  device_cash_cents: number | null;
  device_cash_after_cents: number | null;
  /** Z reports run for a cash desk: that desk (money_account id) and its balance at the moment. */
  cash_desk_id: string | null;
  cash_desk_balance_cents: number | null;
}

export interface FiscalTables {
  fiscal_device_settings: FiscalDeviceSettingsTable;
  fiscal_sale_counter: FiscalSaleCounterTable;
  fiscal_device_task: FiscalDeviceTaskTable;
}
