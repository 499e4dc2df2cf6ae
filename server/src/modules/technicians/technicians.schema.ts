import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';

const Id = TrimmedId;
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const code = (c: string) => ({ params: { code: c } });

export const PAY_TYPES = ['commission', 'per_norm_hour'] as const;
export const PayType = z.enum(PAY_TYPES);
export type PayType = z.infer<typeof PayType>;

/** One working interval: weekday 1 = Monday … 7 = Sunday, minutes from midnight, end after start (24:00 = 1440). */
export const WorkingInterval = z
  .strictObject({
    weekday: z.number().int().min(1).max(7),
    startMinute: z.number().int().min(0).max(1439),
    endMinute: z.number().int().min(1).max(1440),
  })
  .refine((h) => h.startMinute < h.endMinute, { ...code('invalid_hours'), path: ['endMinute'] });
export type WorkingInterval = z.infer<typeof WorkingInterval>;

/** Skills are category codes (WASHER, AC…), stored upper case. */
const SkillCode = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .transform((s) => s.toUpperCase());

export const PayTermsInput = z
  .strictObject({
    validFrom: IsoDate.describe('The first day the terms apply'),
    payType: PayType,
    commissionBp: z
      .number()
      .int()
      .min(0)
      .max(10000)
      .nullish()
      .describe('commission: basis points of the labour value (30 % = 3000)'),
    rateCents: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .nullish()
      .describe('per_norm_hour: cents per norm hour'),
  })
  .superRefine((t, ctx) => {
    const [needed, other] =
      t.payType === 'commission'
        ? (['commissionBp', 'rateCents'] as const)
        : (['rateCents', 'commissionBp'] as const);
    if (t[needed] === undefined || t[needed] === null)
      ctx.addIssue({ code: 'custom', path: [needed], params: { code: 'required' }, message: 'required' });
    if (t[other] !== undefined && t[other] !== null)
      ctx.addIssue({
        code: 'custom',
        path: [other],
        params: { code: 'invalid_value' },
        message: 'not for this pay type',
      });
  });
export type PayTermsInput = z.infer<typeof PayTermsInput>;

export const PayTerms = z.object({
  id: z.string(),
  validFrom: z.string(),
  payType: PayType,
  commissionBp: z.number().int().nullable(),
  rateCents: z.number().int().nullable(),
});
export type PayTerms = z.infer<typeof PayTerms>;

export const Technician = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  skills: z.array(z.string()).describe('Category codes'),
  hours: z.array(WorkingInterval).describe('By weekday, then start'),
  hoursText: z.string().describe('The hours as text: "Mon-Fri 08:30-17:30; Sat 09:00-13:00"'),
  payTerms: z
    .array(PayTerms)
    .optional()
    .describe(
      'All terms, the latest validFrom first; only for admin, manager and accountant (left out otherwise)',
    ),
  currentPayTerms: PayTerms.nullable()
    .optional()
    .describe('The terms in force today (Europe/Sofia); only for admin, manager and accountant'),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Technician = z.infer<typeof Technician>;

export const CreateTechnicianBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phone: optionalText(50),
  userId: Id.nullish().describe('A user account to link; one technician per user'),
  active: z.boolean().default(true),
  skills: z.array(SkillCode).max(50).default([]),
  hours: z
    .array(WorkingInterval)
    .max(100)
    .default([])
    .describe('Several intervals a day allowed; no overlaps'),
  payTerms: z.array(PayTermsInput).max(50).default([]),
  notes: optionalText(2000),
});
export type CreateTechnicianBody = z.infer<typeof CreateTechnicianBody>;

/** Pay terms are never changed in place: a new term is added from a date (POST /technicians/:id/pay-terms). */
export const UpdateTechnicianBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  phone: optionalText(50),
  userId: Id.nullish(),
  active: z.boolean().optional(),
  skills: z.array(SkillCode).max(50).optional().describe('Replaces all skills'),
  hours: z.array(WorkingInterval).max(100).optional().describe('Replaces all working hours'),
  notes: optionalText(2000),
});
export type UpdateTechnicianBody = z.infer<typeof UpdateTechnicianBody>;
