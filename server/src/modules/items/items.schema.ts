import { z } from 'zod';
import { IsoDate, PastIsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';

const Id = TrimmedId;
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** A serial number as stored: trimmed, inner whitespace collapsed to one space, upper case ("fd 0204  874608" → "FD 0204 874608"). */
export function normalizeSerial(serial: string): string {
  return serial.trim().replace(/\s+/g, ' ').toUpperCase();
}

export const SerialNumber = z.string().trim().min(1).max(100).transform(normalizeSerial);

/** Months of manufacturer's warranty: 0 (none, e.g. second-hand) up to 50 years. */
export const WarrantyMonths = z.number().int().min(0).max(600);

export const WarrantyStatus = z.object({
  underWarranty: z.boolean(),
  warrantyEnd: z.string().nullable().describe('The last day covered (inclusive); null when unknown or none'),
  daysLeft: z
    .number()
    .int()
    .nullable()
    .describe('Days from the date asked to warrantyEnd: 0 on the last covered day, negative once ended'),
});
export type WarrantyStatus = z.infer<typeof WarrantyStatus>;

export const Item = z.object({
  id: z.string(),
  modelId: z.string(),
  modelName: z.string(),
  brandId: z.string(),
  brandCode: z.string(),
  brandName: z.string(),
  categoryCode: z.string(),
  serialNumber: z.string(),
  partyId: z.string().describe('The current owner'),
  partyName: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  seller: z.string().nullable(),
  warrantyDocNumber: z.string().nullable(),
  warrantyMonths: z.number().int().nullable(),
  warrantyEnd: z
    .string()
    .nullable()
    .describe('The explicit warranty end as entered (overrides the computed one)'),
  warranty: WarrantyStatus.describe('The manufacturer warranty as of today (Europe/Sofia)'),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof Item>;

export const CreateItemBody = z.strictObject({
  modelId: Id,
  serialNumber: SerialNumber.describe('Unique per model, case-insensitive; stored trimmed and upper case'),
  partyId: Id.describe('The owner'),
  siteId: Id.nullish().describe('A site of the owner where the item is installed'),
  purchaseDate: PastIsoDate.nullish(),
  seller: optionalText(200),
  warrantyDocNumber: optionalText(100),
  warrantyMonths: WarrantyMonths.nullish().describe("Null or absent: the model's default warranty months"),
  warrantyEnd: PastIsoDate.nullish().describe(
    'An explicit end date that overrides purchaseDate + warrantyMonths',
  ),
  notes: optionalText(2000),
});
export type CreateItemBody = z.infer<typeof CreateItemBody>;

/** The owner changes only by a transfer (POST /items/:id/transfer), so that the history follows the serial. */
export const UpdateItemBody = z.strictObject({
  modelId: Id.optional(),
  serialNumber: SerialNumber.optional(),
  siteId: Id.nullish(),
  purchaseDate: PastIsoDate.nullish(),
  seller: optionalText(200),
  warrantyDocNumber: optionalText(100),
  warrantyMonths: WarrantyMonths.nullish().describe("null: back to the model's default"),
  warrantyEnd: PastIsoDate.nullish(),
  notes: optionalText(2000),
});
export type UpdateItemBody = z.infer<typeof UpdateItemBody>;

export const TransferItemBody = z.strictObject({
  partyId: Id.describe('The new owner'),
  siteId: Id.nullish().describe('A site of the new owner'),
  date: IsoDate.describe(
    'The day the new owner takes it; not before the current owner got it, not in the future',
  ),
  reason: z.string().trim().min(1).max(500),
});
export type TransferItemBody = z.infer<typeof TransferItemBody>;

export const OwnerPeriod = z.object({
  id: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string().nullable().describe('null: the current owner'),
  reason: z.string().nullable(),
});
export type OwnerPeriod = z.infer<typeof OwnerPeriod>;

/** Something that happened to the item, contributed by another module (service orders, warranty protocols…). */
export const ItemEvent = z.object({
  source: z.string().describe('The kind of record, e.g. service_order'),
  id: z.string(),
  date: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  partyId: z.string().nullable(),
  status: z
    .string()
    .nullable()
    .optional()
    .describe('The record’s status code, e.g. a service order’s (shown translated)'),
});
export type ItemEvent = z.infer<typeof ItemEvent>;

export const ItemHistory = z.object({
  itemId: z.string(),
  owners: z.array(OwnerPeriod).describe('Oldest first'),
  events: z.array(ItemEvent).describe('Newest first'),
});
export type ItemHistory = z.infer<typeof ItemHistory>;

export const ItemWarrantyQuery = z.strictObject({
  date: IsoDate.optional().describe('Default: today (Europe/Sofia)'),
});

export const ItemWarranty = WarrantyStatus.extend({
  itemId: z.string(),
  date: z.string(),
  purchaseDate: z.string().nullable(),
  warrantyMonths: z.number().int().nullable(),
});
export type ItemWarranty = z.infer<typeof ItemWarranty>;

export const ItemSearchHit = z.object({
  id: z.string(),
  serialNumber: z.string(),
  modelName: z.string(),
  brandName: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  siteName: z.string().nullable(),
});
export type ItemSearchHit = z.infer<typeof ItemSearchHit>;
