/**
 * The sale receipts API's shapes (касова бележка, issue 13 items 3 and 4; ADR 0022): a receipt from a service order's
 * lines the customer pays, paid in cash or by card into a cash desk, with its УНП and what the fiscal device printed;
 * its storno with the reason (FIS-02).
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';
import { ListQueryBase, Page } from '../../kernel/list-query';

export const RECEIPT_METHODS = ['cash', 'card'] as const;
export const RECEIPT_STATUSES = ['issued', 'reversed'] as const;
export const RECEIPT_FISCAL_STATUSES = ['printing', 'printed', 'no_device', 'failed'] as const;
/** Why a receipt is reversed (FIS-02, FP-05): ErpNet.FP's reasons. */
export const STORNO_REASONS = ['operator-error', 'refund', 'taxbase-reduction'] as const;

export const ReceiptFromOrderBody = z.strictObject({
  orderId: TrimmedId,
  method: z.enum(RECEIPT_METHODS).describe('Cash or card: a receipt is never a bank transfer'),
  accountId: TrimmedId.describe('The cash desk (or account) the payment goes into'),
  documentDate: IsoDate.optional().describe('Today unless given'),
});
export type ReceiptFromOrderBody = z.infer<typeof ReceiptFromOrderBody>;

/** At most this many lines on one counter sale. */
export const MAX_COUNTER_LINES = 200;

export const CounterSaleLine = z.strictObject({
  partId: TrimmedId,
  quantityMilli: z.number().int().positive().max(1_000_000_000).describe('Thousandths of the unit'),
  unitPriceCents: z
    .number()
    .int()
    .nonnegative()
    .max(100_000_000_00)
    .optional()
    .describe("Without VAT; the part's sale price unless given"),
  discountBp: z.number().int().min(0).max(10_000).optional().describe('Basis points off the line'),
  serialNumbers: z.string().trim().max(2000).optional().describe('For a serial-tracked part'),
});

/** An over-the-counter sale of parts without an order (ADR 0026): the stock issued in the receipt's transaction. */
export const CounterSaleBody = z.strictObject({
  warehouseId: TrimmedId.describe('The stock location the parts leave'),
  method: z.enum(RECEIPT_METHODS).describe('Cash or card: a receipt is never a bank transfer'),
  accountId: TrimmedId.describe('The cash desk (or account) the payment goes into'),
  partyId: TrimmedId.optional().describe('The customer, if known; a walk-in buyer has none'),
  documentDate: IsoDate.optional().describe('Today unless given'),
  lines: z.array(CounterSaleLine).min(1).max(MAX_COUNTER_LINES),
});
export type CounterSaleBody = z.infer<typeof CounterSaleBody>;

export const StornoBody = z.strictObject({
  reason: z.enum(STORNO_REASONS),
});
export type StornoBody = z.infer<typeof StornoBody>;

export const ReceiptParams = z.strictObject({ id: TrimmedId });

/** The NAP audit file's period (ADR 0039): one calendar month, YYYY-MM, as the VAT journal's. */
const AuditMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const AuditFileQuery = z.strictObject({
  month: AuditMonth,
  siteId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('The sale site (ADR 0043); required when more than one site sold in the month'),
});

export const AuditFileSitesQuery = z.strictObject({ month: AuditMonth });

/** The company's sale sites for the month's audit files: one file per site (ADR 0043). */
export const AuditFileSites = z.object({
  month: z.string(),
  siteRequired: z.boolean().describe('The file must name its site: more than one site sold in the month'),
  sites: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      napSiteCode: z.string().nullable().describe("The site's code with NAP: the file's e_shop_n"),
      orders: z.number().int().describe('Sale receipts of the month made at the site'),
      returns: z.number().int().describe('Stornos and refunds of the month there'),
      fileName: z.string().nullable().describe('Null while the site has no NAP code or the company no ЕИК'),
    }),
  ),
});
export type AuditFileSites = z.infer<typeof AuditFileSites>;

export const SaleReceiptLine = z.object({
  position: z.number().int(),
  description: z.string(),
  quantityMilli: z.number().int(),
  unit: z.string(),
  unitPriceCents: z.number().int().describe('Without VAT'),
  discountBp: z.number().int(),
  vatRateBp: z.number().int(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int().describe('With VAT: what the device prints for the line'),
  partId: z.string().nullable().describe('The part a counter sale issued from stock'),
});

/** Why the device did not print, in words in both languages (the screens show the user's): never the bare code. */
export const FiscalErrorText = z
  .object({ bg: z.string(), en: z.string() })
  .nullable()
  .describe('The fiscal error code in words, in Bulgarian and English; null without an error');

/** A storno of a payment's receipt printed for a refund (FIS-02, FP-05; ADR 0040). */
export const SaleReceiptStorno = z.object({
  id: z.string(),
  receiptId: z.string().describe('The original receipt stornoed'),
  receiptNumber: z.string().describe("The original receipt's number in Servix"),
  refundId: z.string().nullable(),
  refundUndone: z
    .boolean()
    .describe(
      'Its refund was undone (a storno recorded with no device only): it no longer counts against the receipt',
    ),
  reason: z.enum(STORNO_REASONS),
  method: z.enum(RECEIPT_METHODS),
  currency: z.string(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  uniqueSaleNumber: z.string().describe("УНП: the original receipt's (FIS-05)"),
  fiscalised: z.boolean(),
  fiscalStatus: z.enum(RECEIPT_FISCAL_STATUSES),
  fiscalErrorCode: z.string().nullable(),
  fiscalErrorText: FiscalErrorText,
  stornoReceiptNumber: z.string().nullable().describe("The device's number of the storno receipt"),
  stornoReceiptDateTime: z.string().nullable(),
  fiscalMemorySerialNumber: z.string().nullable(),
  original: z
    .object({
      receiptNumber: z.string().nullable(),
      receiptDateTime: z.string().nullable(),
      fiscalMemorySerialNumber: z.string().nullable(),
    })
    .describe("The original's four fields the storno cites (with the УНП)"),
  lines: z.array(
    z.object({
      position: z.number().int(),
      description: z.string(),
      vatRateBp: z.number().int(),
      totalCents: z.number().int(),
    }),
  ),
  createdAt: z.string(),
});
export type SaleReceiptStorno = z.infer<typeof SaleReceiptStorno>;

export const SaleReceipt = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(RECEIPT_STATUSES),
  documentDate: z.string(),
  currency: z.string(),
  partyId: z.string().nullable().describe('Null: a walk-in buyer at the counter'),
  partyName: z.string().nullable(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  paymentId: z
    .string()
    .nullable()
    .describe('The customer payment it was printed for (FIS-01, ADR 0037): its lines are the invoices paid'),
  method: z.enum(RECEIPT_METHODS),
  accountId: z.string(),
  movementId: z.string(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  uniqueSaleNumber: z.string().describe('УНП (FIS-05)'),
  discountCents: z.number().int().describe('The lines’ discounts, without VAT (mandatory reports, FIS-05)'),
  siteId: z.string().nullable().describe('The sale site (търговски обект) it was sold in (ADR 0041)'),
  siteName: z.string().nullable(),
  siteCode: z.string().nullable().describe('The site’s unique code with NAP'),
  workstationId: z.string().nullable(),
  workstationName: z.string().nullable(),
  deviceId: z.string().nullable().describe('The fiscal device it was printed on'),
  deviceName: z.string().nullable(),
  operatorName: z.string().nullable().describe('The user who issued it'),
  invoiceNumbers: z.string().nullable().describe('A payment’s receipt: the invoices it paid'),
  dualTotal: z
    .object({ currency: z.enum(['BGN', 'EUR']), totalCents: z.number().int() })
    .nullable()
    .optional()
    .describe(
      'The total in the other currency by EUR-01 while dual display lasts (EUR-07: up to the company setting, 2026-08-08 by default); null after',
    ),
  fiscalised: z.boolean(),
  fiscalStatus: z.enum(RECEIPT_FISCAL_STATUSES),
  fiscalErrorCode: z.string().nullable(),
  fiscalErrorText: FiscalErrorText,
  fiscalTaskId: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  receiptDateTime: z.string().nullable(),
  fiscalMemorySerialNumber: z.string().nullable(),
  stornoReason: z.enum(STORNO_REASONS).nullable(),
  stornoReceiptNumber: z.string().nullable(),
  stornoReceiptDateTime: z.string().nullable(),
  reversedAt: z.string().nullable(),
  createdAt: z.string(),
  lines: z.array(SaleReceiptLine),
  stockIssues: z
    .array(
      z.object({
        id: z.string(),
        number: z.string().nullable(),
        status: z.string(),
        reversal: z.boolean().describe("The storno's return of the parts into the warehouse"),
      }),
    )
    .describe("A counter sale's stock issue (and its reversal after a storno)"),
  stornos: z
    .array(SaleReceiptStorno)
    .describe("A payment's receipt: the stornos refunds printed of it (FIS-02, ADR 0040)"),
  stornoableCents: z.number().int().describe('What is left to storno: the total less the stornos'),
});
export type SaleReceipt = z.infer<typeof SaleReceipt>;

export const SaleReceiptListItem = SaleReceipt.omit({
  lines: true,
  stockIssues: true,
  stornos: true,
  stornoableCents: true,
});
export type SaleReceiptListItem = z.infer<typeof SaleReceiptListItem>;
export const SaleReceiptPage = Page(SaleReceiptListItem);

const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string().max(100), z.array(z.string().max(20)).max(values.length)])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const RECEIPT_SORTS = ['number', 'documentDate', 'totalCents', 'createdAt'] as const;

export const ReceiptListQuery = z.strictObject({
  ...ListQueryBase,
  status: listOf(RECEIPT_STATUSES).optional(),
  fiscalStatus: listOf(RECEIPT_FISCAL_STATUSES).optional(),
  method: z.enum(RECEIPT_METHODS).optional(),
  source: z
    .enum(['order', 'counter', 'payment'])
    .optional()
    .describe('From a service order, an over-the-counter sale, or a customer payment in cash or by card'),
  partyId: TrimmedId.optional(),
  siteId: TrimmedId.optional().describe('Sold in this site (ADR 0041)'),
  workstationId: TrimmedId.optional().describe('Sold at this workstation'),
  from: IsoDate.optional().describe('Date from, inclusive'),
  to: IsoDate.optional().describe('Date to, inclusive'),
});
export type ReceiptListQuery = z.infer<typeof ReceiptListQuery>;
export const ReceiptFilter = ReceiptListQuery.omit({ page: true, pageSize: true });
export type ReceiptFilter = z.infer<typeof ReceiptFilter>;
