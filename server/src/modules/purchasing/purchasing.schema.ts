/** The purchase requests API's shapes (ADR 0014): list, detail with lines and the needs each serves, edits, moves. */
import { z } from 'zod';
import { TrimmedId } from '../../kernel/ids';
import { MAX_QUANTITY_MILLI } from '../../kernel/limits';
import { ListQueryBase, Page } from '../../kernel/list-query';
import { PURCHASE_REQUEST_STATUSES } from './purchasing.lifecycle';

export const PurchaseRequestStatus = z.enum(PURCHASE_REQUEST_STATUSES);
export type PurchaseRequestStatus = z.infer<typeof PurchaseRequestStatus>;

export const PurchaseRequestListQuery = z.strictObject({
  ...ListQueryBase,
  status: PurchaseRequestStatus.optional(),
  supplierId: TrimmedId.optional(),
  /** The requests serving a record of another module (a service order's id). */
  sourceId: TrimmedId.optional().describe('Only requests serving this record (a service order)'),
  noSupplier: z.enum(['true', 'false']).optional().describe('Only requests with no supplier yet'),
});
export type PurchaseRequestListQuery = z.infer<typeof PurchaseRequestListQuery>;

export const PurchaseRequestListItem = z.object({
  id: z.string(),
  number: z.string(),
  status: PurchaseRequestStatus,
  supplierId: z.string().nullable(),
  supplierName: z.string().nullable(),
  lineCount: z.number().int(),
  orderCount: z.number().int().describe('How many records (service orders) its lines serve'),
  receiptId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PurchaseRequestListItem = z.infer<typeof PurchaseRequestListItem>;
export const PurchaseRequestPage = Page(PurchaseRequestListItem);

export const PurchaseRequestNeed = z.object({
  sourceType: z.string(),
  sourceId: z.string(),
  sourceLineId: z.string(),
  sourceLabel: z.string().describe('The number of the service order'),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  quantityMilli: z.number().int(),
});
export type PurchaseRequestNeed = z.infer<typeof PurchaseRequestNeed>;

export const PurchaseRequestLine = z.object({
  id: z.string(),
  partId: z.string(),
  partCode: z.string(),
  partName: z.string(),
  unit: z.string(),
  quantityMilli: z.number().int().describe('To order (fixed once sent)'),
  neededMilli: z.number().int().describe('What the waiting lines it serves still need'),
  needs: z.array(PurchaseRequestNeed),
});
export type PurchaseRequestLine = z.infer<typeof PurchaseRequestLine>;

export const PurchaseRequest = PurchaseRequestListItem.extend({
  notes: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  receiptStatus: z.string().nullable(),
  lines: z.array(PurchaseRequestLine),
  nextStatuses: z.array(PurchaseRequestStatus),
});
export type PurchaseRequest = z.infer<typeof PurchaseRequest>;

export const PatchPurchaseRequestBody = z.strictObject({
  supplierId: TrimmedId.nullable().optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
  lines: z
    .array(
      z.strictObject({
        id: TrimmedId,
        quantityMilli: z.number().int().min(0).max(MAX_QUANTITY_MILLI),
      }),
    )
    .max(500)
    .optional(),
});
export type PatchPurchaseRequestBody = z.infer<typeof PatchPurchaseRequestBody>;

export const PurchaseRequestStatusBody = z.strictObject({
  to: PurchaseRequestStatus,
});
export type PurchaseRequestStatusBody = z.infer<typeof PurchaseRequestStatusBody>;

export const ReceivePurchaseRequestBody = z.strictObject({
  warehouseId: TrimmedId.optional().describe(
    'The warehouse the goods come into; the waiting lines’ by default',
  ),
});
export type ReceivePurchaseRequestBody = z.infer<typeof ReceivePurchaseRequestBody>;

export const ReceiveAnswer = z.object({
  receiptId: z
    .string()
    .describe('The stock receipt draft (edit its quantities and unit costs, then post it)'),
  request: PurchaseRequest,
});
