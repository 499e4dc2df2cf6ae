/**
 * The repair quotes API's shapes (issue 12, item 1): a quote with its planned lines, totals and VAT per rate; the
 * line body is the order line's (orders.schema AddLineBody) without what only done work has.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';
import { ListQueryBase, Page } from '../../kernel/list-query';
import { VatRateKind } from '../../kernel/vat-rate-kinds';
import { AddLineBody, LineKind, OrderTotals, VatByRate } from '../orders/orders.schema';
import { QUOTE_STATUSES } from './quotes.lifecycle';

const Id = TrimmedId;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : s === undefined ? undefined : null));

export const QuoteStatus = z.enum(QUOTE_STATUSES);
export type QuoteStatus = z.infer<typeof QuoteStatus>;

export const QuoteLine = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: LineKind,
  partId: z.string().nullable(),
  partCode: z.string().nullable(),
  serviceTypeId: z.string().nullable(),
  description: z.string(),
  warehouseId: z.string().nullable(),
  warehouseCode: z.string().nullable(),
  quantityMilli: z.number().int().describe('Planned quantity in thousandths'),
  unit: z.string(),
  unitPriceCents: z.number().int().describe('Without VAT'),
  listPriceCents: z.number().int().describe('The catalogue price before an override'),
  priceOverrideReason: z.string().nullable(),
  discountBp: z.number().int(),
  vatRateBp: z
    .number()
    .int()
    .describe('The rate of the line’s kind valid today (ADR 0042), or its explicit rate'),
  vatRateKind: VatRateKind.nullable().describe('Null: an explicit rate (vatRateBp)'),
  vatReason: z.string().nullable(),
  normMinutes: z.number().int().nullable().describe('Labour: the norm for the item’s model'),
  netCents: z.number().int().describe('round(quantity × price × (1 − discount)), rounded once'),
});
export type QuoteLine = z.infer<typeof QuoteLine>;

const QuoteHeaderFields = {
  id: z.string(),
  number: z.string(),
  status: QuoteStatus.describe('As it reads today: a sent quote past its validity date is expired'),
  statusChangedAt: z.string(),
  partyId: z.string(),
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  itemId: z.string(),
  itemLabel: z.string(),
  serialNumber: z.string(),
  complaint: z.string(),
  validUntil: z.string(),
  orderId: z.string().nullable().describe('The order it was made from, or the one it became'),
  orderNumber: z.string().nullable(),
  fromOrder: z.boolean().describe('Made from an order in diagnosis: converting adds its lines to that order'),
  createdAt: z.string(),
};

export const QuoteListItem = z.object({ ...QuoteHeaderFields, totalCents: z.number().int() });
export type QuoteListItem = z.infer<typeof QuoteListItem>;
export const QuotePage = Page(QuoteListItem);

export const QuoteDetail = z.object({
  ...QuoteHeaderFields,
  dualTotal: z
    .object({ currency: z.enum(['BGN', 'EUR']), totalCents: z.number().int() })
    .nullable()
    .optional()
    .describe(
      'The total in BGN by EUR-01 while dual display lasts (EUR-02; the company setting); null after',
    ),
  customerNotes: z.string().nullable(),
  sentAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  convertedAt: z.string().nullable(),
  updatedAt: z.string(),
  lines: z.array(QuoteLine),
  totals: OrderTotals,
  vatByRate: z.array(VatByRate),
  nextStatuses: z.array(QuoteStatus),
  editable: z.boolean().describe('Lines and header change only in draft'),
});
export type QuoteDetail = z.infer<typeof QuoteDetail>;
export const QuoteLineAnswer = QuoteDetail.extend({ lineId: z.string().nullable() });

export const CreateQuoteBody = z
  .strictObject({
    partyId: Id,
    itemId: Id.nullish().describe('An existing item; or serialNumber + modelId'),
    serialNumber: z.string().trim().min(1).max(100).nullish(),
    modelId: Id.nullish().describe(
      'With serialNumber: the item of this model with that serial, created for the customer when unknown',
    ),
    purchaseDate: IsoDate.nullish().describe('A new item: its purchase date (manufacturer’s warranty)'),
    complaint: z.string().trim().min(1).max(2000),
    validUntil: IsoDate.optional().describe('Default: 14 days from today'),
    customerNotes: optionalText(2000),
  })
  .refine((b) => Boolean(b.itemId) || (Boolean(b.serialNumber) && Boolean(b.modelId)), {
    path: ['itemId'],
    params: { code: 'item_required' },
  });
export type CreateQuoteBody = z.infer<typeof CreateQuoteBody>;

export const PatchQuoteBody = z.strictObject({
  complaint: z.string().trim().min(1).max(2000).optional(),
  validUntil: IsoDate.optional(),
  customerNotes: optionalText(2000),
});
export type PatchQuoteBody = z.infer<typeof PatchQuoteBody>;

export const FromOrderBody = z.strictObject({
  orderId: Id,
  validUntil: IsoDate.optional(),
  customerNotes: optionalText(2000),
});
export type FromOrderBody = z.infer<typeof FromOrderBody>;

export const QuoteStatusBody = z.strictObject({
  to: z
    .enum(['draft', 'sent', 'accepted', 'rejected', 'expired'])
    .describe('converted only through POST …/convert'),
});
export type QuoteStatusBody = z.infer<typeof QuoteStatusBody>;

/** A planned line: the order line's fields a plan has. */
export const QuoteLineBody = AddLineBody.pick({
  kind: true,
  partId: true,
  serviceTypeId: true,
  description: true,
  warehouseId: true,
  quantityMilli: true,
  unitPriceCents: true,
  priceOverrideReason: true,
  discountBp: true,
  vatRateBp: true,
  vatRateKind: true,
  vatReason: true,
  normMinutes: true,
});
export type QuoteLineBody = z.infer<typeof QuoteLineBody>;
export const PatchQuoteLineBody = QuoteLineBody.omit({ kind: true }).partial();
export type PatchQuoteLineBody = z.infer<typeof PatchQuoteLineBody>;

export const QuoteLineParams = z.strictObject({
  id: z.string().min(1).max(64),
  lineId: z.string().min(1).max(64),
});

const StatusFilter = z
  .union([z.string().max(200), z.array(z.string().max(40)).max(QUOTE_STATUSES.length)])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
  .pipe(z.array(QuoteStatus).max(QUOTE_STATUSES.length));

export const QUOTE_SORTS = ['number', 'createdAt', 'validUntil', 'status'] as const;
export const QuoteListQuery = z.strictObject({
  ...ListQueryBase,
  status: StatusFilter.optional().describe('As the quote reads today (expired: sent and past its validity)'),
  partyId: Id.optional(),
  itemId: Id.optional(),
  orderId: Id.optional().describe('The quotes of a service order'),
});
export type QuoteListQuery = z.infer<typeof QuoteListQuery>;

export const ConvertAnswer = QuoteDetail.extend({
  orderCreated: z
    .boolean()
    .describe('A new order (false: the lines went to the order the quote was made from)'),
});
