/**
 * The goods delivery notes API's shapes (стокова разписка, issue 13 items 3 and 5; ADR 0024): a note from a service
 * order's lines the customer pays, or a handover of zero value when the customer pays nothing (a warranty repair).
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';
import { ListQueryBase } from '../../kernel/list-query';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const GoodsNoteFromOrderBody = z.strictObject({
  orderId: TrimmedId,
  documentDate: IsoDate.optional().describe('Today unless given'),
  receivedBy: optionalText(200).describe('Who received the goods'),
  notes: optionalText(1000),
});
export type GoodsNoteFromOrderBody = z.infer<typeof GoodsNoteFromOrderBody>;

export const GoodsNoteParams = z.strictObject({ id: TrimmedId });

export const GoodsNoteListQuery = z.strictObject({
  ...ListQueryBase,
  orderId: TrimmedId.optional().describe('The notes of a service order'),
  partyId: TrimmedId.optional(),
});
export type GoodsNoteListQuery = z.infer<typeof GoodsNoteListQuery>;

export const GoodsNotePdfQuery = z.strictObject({
  language: z.enum(['bg', 'bg_en']).optional().describe('bg (default) or bg_en; never English only'),
});

const Party = z.object({
  name: z.string(),
  uic: z.string().nullable(),
  vatNumber: z.string().nullable(),
  address: z.string().nullable(),
  mol: z.string().nullable(),
});

export const GoodsNoteLine = z.object({
  position: z.number().int(),
  description: z.string(),
  quantityMilli: z.number().int(),
  unit: z.string(),
  payer: z.string().describe('customer, or the warranty or contract that pays it (then priced 0)'),
  unitPriceCents: z.number().int().describe('Without VAT'),
  discountBp: z.number().int(),
  vatRateBp: z.number().int(),
  netCents: z.number().int(),
});

export const GoodsNoteListItem = z.object({
  id: z.string(),
  number: z.string(),
  status: z.literal('issued'),
  documentDate: z.string(),
  currency: z.enum(['BGN', 'EUR']),
  partyId: z.string(),
  recipientName: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  zeroValue: z.boolean().describe('A handover of zero value: nothing for the customer to pay'),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  createdAt: z.string(),
});
export type GoodsNoteListItem = z.infer<typeof GoodsNoteListItem>;

export const GoodsNote = GoodsNoteListItem.extend({
  supplier: Party,
  recipient: Party,
  receivedBy: z.string().nullable(),
  issuedByName: z.string().nullable(),
  notes: z.string().nullable(),
  pdfSha256: z.string().nullable().describe('SHA-256 of the stored Bulgarian rendering'),
  lines: z.array(GoodsNoteLine),
});
export type GoodsNote = z.infer<typeof GoodsNote>;
