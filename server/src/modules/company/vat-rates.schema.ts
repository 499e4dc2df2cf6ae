/**
 * The company's dated VAT rates (INV-08; ADR 0038): each kind's rate with the day it takes effect. A document line
 * naming a kind takes the rate valid on the document's tax event date.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { VatRateKind } from '../../kernel/vat-rate-kinds';

export { VAT_RATE_KINDS, VatRateKind } from '../../kernel/vat-rate-kinds';

export const VatRate = z.object({
  id: z.string(),
  kind: VatRateKind,
  rateBp: z.number().int().describe('Basis points: 2000 = 20 %'),
  validFrom: z.string().describe('The first day it applies (by the tax event date)'),
  vatReason: z.string().nullable().describe('The legal ground printed on a 0 % or exempt line (INV-09)'),
  createdAt: z.string(),
});
export type VatRate = z.infer<typeof VatRate>;

export const VatRateList = z.object({
  items: z.array(VatRate).describe('Every rate, by kind, the newest first'),
  current: z
    .array(VatRate)
    .describe('The rate of each kind valid today (or on `date`); a kind with no rate yet is left out'),
  date: z.string(),
});
export type VatRateList = z.infer<typeof VatRateList>;

export const VatRateListQuery = z.strictObject({
  date: IsoDate.optional().describe('The day `current` is read on; today when not given'),
});

export const CreateVatRateBody = z.strictObject({
  kind: VatRateKind,
  rateBp: z.number().int().min(0).max(10_000).describe('0 for 0 % and exempt'),
  validFrom: IsoDate.describe('The day the rate takes effect, by the tax event date of a document'),
  vatReason: z.string().trim().max(300).nullish().describe('Required for 0 % and exempt (INV-09)'),
});
export type CreateVatRateBody = z.infer<typeof CreateVatRateBody>;
