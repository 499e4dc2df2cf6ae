/**
 * The sale receipts API's shapes (касова бележка, issue 13 items 3 and 4; ADR 0022): a receipt from a service order's
 * lines the customer pays, paid in cash or by card into a cash desk, with its УНП and what the fiscal device printed;
 * its storno with the reason (FIS-02).
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';

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

export const StornoBody = z.strictObject({
  reason: z.enum(STORNO_REASONS),
});
export type StornoBody = z.infer<typeof StornoBody>;

export const ReceiptParams = z.strictObject({ id: TrimmedId });

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
});

export const SaleReceipt = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(RECEIPT_STATUSES),
  documentDate: z.string(),
  currency: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  method: z.enum(RECEIPT_METHODS),
  accountId: z.string(),
  movementId: z.string(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  uniqueSaleNumber: z.string().describe('УНП (FIS-05)'),
  fiscalised: z.boolean(),
  fiscalStatus: z.enum(RECEIPT_FISCAL_STATUSES),
  fiscalErrorCode: z.string().nullable(),
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
});
export type SaleReceipt = z.infer<typeof SaleReceipt>;
