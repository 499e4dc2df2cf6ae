/**
 * The fiscal device as the rest of Servix sees it (issue 13 item 4, REQUIREMENTS-BG C and D, ADR 0017): one interface
 * that a sale, the cash desk and the device screen call, whatever speaks to the device behind it. Amounts are integer
 * cents and quantities integer thousandths here; an adapter converts them to the device's units at its boundary.
 * Nothing in this file touches the database or the network.
 */

/** The device's currency: ErpNet.FP amounts carry none, so they are sent in the one the device keeps (FP-07). */
export type FiscalCurrency = 'BGN' | 'EUR';

/** The payment types a receipt may carry (ErpNet.FP's names, PROTOCOL.md "payments"). */
export const FISCAL_PAYMENT_TYPES = ['cash', 'card', 'check', 'coupons', 'ext-coupons', 'bank'] as const;
export type FiscalPaymentType = (typeof FISCAL_PAYMENT_TYPES)[number];

/** Why a receipt is reversed (FIS-02, FP-05). */
export const REVERSAL_REASONS = ['operator-error', 'refund', 'taxbase-reduction'] as const;
export type ReversalReason = (typeof REVERSAL_REASONS)[number];

/** One sold line: its text, quantity in thousandths, unit price and discount in cents, and its VAT tax group 1–8. */
export interface FiscalSaleLine {
  text: string;
  quantityMilli: number;
  unitPriceCents: number;
  /** The line's discount in cents (off quantity × unit price), 0 or absent for none. */
  discountCents?: number;
  /** The ФУ's tax group (FIS-06: А=1 0 %, Б=2 20 %, Г=4 9 % by default; see taxGroupOf). */
  taxGroup: number;
  department?: number;
}

export interface FiscalPayment {
  type: FiscalPaymentType;
  amountCents: number;
}

/** A sale receipt as a sale hands it over: its УНП (FIS-05), lines and payments, in the currency of its cents. */
export interface FiscalReceipt {
  uniqueSaleNumber: string;
  currency: FiscalCurrency;
  lines: readonly FiscalSaleLine[];
  payments: readonly FiscalPayment[];
  /** Comment lines printed after the payments (e.g. the service order's number). */
  footer?: readonly string[];
}

/** The original receipt a storno reverses: the four fields its print returned (FIS-02, FP-05). */
export interface OriginalReceipt {
  receiptNumber: string;
  /** The device's date and time as it printed it (ISO local time, e.g. 2026-05-17T13:55:18). */
  receiptDateTime: string;
  fiscalMemorySerialNumber: string;
}

/** A storno receipt: the original's УНП (never a new one), its lines and payments again as positive values. */
export interface FiscalReversal extends FiscalReceipt {
  reason: ReversalReason;
  original: OriginalReceipt;
}

/** What the device printed, to be stored with the sale (FP-02); fiscalised false from the "no device" adapter. */
export interface FiscalReceiptResult {
  fiscalised: boolean;
  uniqueSaleNumber: string;
  receiptNumber: string | null;
  receiptDateTime: string | null;
  receiptAmountCents: number | null;
  fiscalMemorySerialNumber: string | null;
  warnings: DeviceMessage[];
}

export interface DeviceMessage {
  type: 'info' | 'warning' | 'error';
  code?: string;
  text: string;
}

/** A report, a deposit, a withdrawal or a duplicate: done, and what the device said. */
export interface FiscalActionResult {
  ok: true;
  warnings: DeviceMessage[];
  /**
   * Whatever else the device answered beyond ok and messages (a Z report's totals, where a driver reports them:
   * ErpNet.FP documents a plain status answer today), kept as it came.
   */
  details?: Record<string, unknown>;
}

export interface FiscalDeviceStatus {
  ok: boolean;
  deviceDateTime: string | null;
  messages: DeviceMessage[];
}

export interface FiscalDeviceInfo {
  serialNumber: string;
  fiscalMemorySerialNumber: string;
  manufacturer: string;
  model: string;
  itemTextMaxLength: number;
  commentTextMaxLength: number;
  operatorPasswordMaxLength: number;
  taxIdentificationNumber: string;
  supportedPaymentTypes: string[];
}

/**
 * How a printing call is sent (FP-04). taskId: the caller's own id for the task, kept before the call so that a lost
 * answer can be asked about later. retry: this taskId was sent before; ask the device what became of it first and
 * print only when it says so. afterUnknown 'reprint': the device no longer knows the task and the operator has checked
 * the paper that nothing was printed; without it an unknown task is never printed again.
 */
export interface FiscalTaskOptions {
  taskId: string;
  retry?: boolean;
  afterUnknown?: 'stop' | 'reprint';
}

/** A money operation's amount: cents in the currency they are in (checked against the device's, FP-07). */
export interface FiscalAmount {
  amountCents: number;
  currency: FiscalCurrency;
}

/** The fiscal device adapter: every call either does what it says or throws a DomainError with a fiscal_* code. */
export interface FiscalDevice {
  readonly kind: 'none' | 'erpnet_fp';
  info(): Promise<FiscalDeviceInfo>;
  status(): Promise<FiscalDeviceStatus>;
  /** The cash the device holds (service deposits and withdrawals, cash sales), in cents. */
  cash(): Promise<{ amountCents: number }>;
  printReceipt(receipt: FiscalReceipt, task: FiscalTaskOptions): Promise<FiscalReceiptResult>;
  printReversalReceipt(reversal: FiscalReversal, task: FiscalTaskOptions): Promise<FiscalReceiptResult>;
  /** Service deposit (служебно въведени): cash put in the drawer, FIS-03. */
  deposit(amount: FiscalAmount, task: FiscalTaskOptions): Promise<FiscalActionResult>;
  /** Service withdrawal (служебно изведени): cash taken out, FIS-03. */
  withdraw(amount: FiscalAmount, task: FiscalTaskOptions): Promise<FiscalActionResult>;
  xReport(task: FiscalTaskOptions): Promise<FiscalActionResult>;
  /** The daily report that zeroes the day's totals (FIS-03). */
  zReport(task: FiscalTaskOptions): Promise<FiscalActionResult>;
  /** A duplicate of the last receipt (Н-18 allows one). */
  duplicate(task: FiscalTaskOptions): Promise<FiscalActionResult>;
}
