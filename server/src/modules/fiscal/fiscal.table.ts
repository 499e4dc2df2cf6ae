import type { CalendarDate, Instant, SqlBool } from '../../db/sql';

/** A търговски обект: the sale site the devices and workstations stand in (FIS-05, ADR 0041). */
export interface FiscalSiteTable {
  id: string;
  name: string;
  address: string;
  /** The site's unique code as registered with NAP (the обект of the ФУ's registration). */
  nap_site_code: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A работно място of a site: the device its sales are printed on (ADR 0041). */
export interface FiscalWorkstationTable {
  id: string;
  site_id: string;
  name: string;
  device_id: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/**
 * A fiscal device (ADR 0017; one row per device since ADR 0041, the oldest the default one that the single setting
 * API edits): ErpNet.FP or no device.
 */
export interface FiscalDeviceSettingsTable {
  id: string;
  /** The site the device is registered in (null only for a "none" setting saved before any site). */
  site_id: string | null;
  name: string | null;
  /** The ФУ's individual number (2 letters, 6 digits): the first part of its УНП (FIS-05). */
  fiscal_number: string | null;
  /** The cash desk (money_account) the device's cash counts into (FIS-03). */
  cash_desk_id: string | null;
  active: SqlBool;
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
  /** The device the task was sent to (ADR 0041). */
  device_id: string | null;
}

export interface FiscalTables {
  fiscal_site: FiscalSiteTable;
  fiscal_workstation: FiscalWorkstationTable;
  fiscal_device_settings: FiscalDeviceSettingsTable;
  fiscal_sale_counter: FiscalSaleCounterTable;
  fiscal_device_task: FiscalDeviceTaskTable;
}
