/**
 * Technician earnings by service type (issue 12, item 12): the report's query and answer. Times are exact sums of
 * minutes × share basis points (divide by 600 000 for hours), money in cents.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { Id } from '../../kernel/ids';

export const WARRANTY_EARNINGS_RULES = ['pay', 'hours_only', 'exclude'] as const;
export const WarrantyEarningsRule = z.enum(WARRANTY_EARNINGS_RULES);

const code = (c: string) => ({ params: { code: c } });

export const EarningsQuery = z
  .object({
    from: IsoDate.optional().describe(
      'First day of the period (the day orders were finished); the first day of last month when left out',
    ),
    to: IsoDate.optional().describe(
      'Last day of the period, inclusive; the last day of last month when left out',
    ),
    technicianId: Id.optional().describe('Only this technician'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], ...code('period_ends_before_start') });
export type EarningsQuery = z.infer<typeof EarningsQuery>;

export const EarningsLinesQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    technicianId: Id,
    serviceTypeId: Id.optional().describe('Only the lines of this service type'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], ...code('period_ends_before_start') });
export type EarningsLinesQuery = z.infer<typeof EarningsLinesQuery>;

const Figures = {
  lines: z.number().int().describe('Labour lines (a line shared by two technicians counts for each)'),
  normMinuteBp: z.number().int().describe('Norm time: minutes × share basis points'),
  actualMinuteBp: z.number().int().describe('Actual time: minutes × share basis points'),
  efficiencyBp: z
    .number()
    .int()
    .nullable()
    .describe('Norm / actual in basis points; null without actual time'),
  labourValueCents: z.number().int().describe('The technician’s share of the labour value, without VAT'),
  earningsCents: z.number().int(),
};

export const EarningsRow = z.object({
  technicianId: z.string(),
  technicianName: z.string(),
  serviceTypeId: z.string(),
  serviceTypeCode: z.string(),
  serviceTypeName: z.string(),
  serviceTypeNameEn: z.string().nullable(),
  ...Figures,
  missingTerms: z.boolean().describe('Some lines fell on days without pay terms: paid nothing'),
});
export type EarningsRow = z.infer<typeof EarningsRow>;

export const TechnicianEarnings = z.object({
  from: z.string(),
  to: z.string(),
  warrantyRule: WarrantyEarningsRule,
  rows: z.array(EarningsRow),
  byTechnician: z.array(
    z.object({
      technicianId: z.string(),
      technicianName: z.string(),
      ...Figures,
      missingTerms: z.boolean(),
    }),
  ),
  total: z.object(Figures),
});
export type TechnicianEarnings = z.infer<typeof TechnicianEarnings>;

export const EarningsLine = z.object({
  lineId: z.string(),
  orderId: z.string(),
  orderNumber: z.string().nullable(),
  date: z.string(),
  serviceTypeId: z.string(),
  serviceTypeCode: z.string(),
  serviceTypeName: z.string(),
  serviceTypeNameEn: z.string().nullable(),
  description: z.string(),
  payer: z.enum(['customer', 'manufacturer_warranty', 'shop_warranty', 'contract']),
  shareBp: z.number().int(),
  normMinuteBp: z.number().int(),
  actualMinuteBp: z.number().int(),
  labourValueCents: z.number().int(),
  payType: z.enum(['commission', 'per_norm_hour']).nullable(),
  commissionBp: z.number().int().nullable(),
  rateCents: z.number().int().nullable(),
  paid: z.boolean(),
  earningsCents: z.number().int(),
});
export type EarningsLine = z.infer<typeof EarningsLine>;

export const EarningsLines = z.object({
  technicianId: z.string(),
  technicianName: z.string(),
  lines: z.array(EarningsLine),
});
export type EarningsLines = z.infer<typeof EarningsLines>;
