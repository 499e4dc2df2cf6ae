/**
 * The fiscal device API's shapes (issue 13 item 4, ADR 0017): the device setting (the operator's password goes in,
 * never out: `passwordSet` says whether there is one), the device's answers and the actions' bodies.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { MAX_AMOUNT_CENTS } from '../../kernel/limits';

export const FISCAL_DEVICE_KINDS = ['none', 'erpnet_fp'] as const;
export const FiscalDeviceKind = z.enum(FISCAL_DEVICE_KINDS);
export type FiscalDeviceKind = z.infer<typeof FiscalDeviceKind>;

export const TaxGroupMapping = z.strictObject({
  vatRateBp: z.number().int().min(0).max(10_000),
  taxGroup: z.number().int().min(1).max(8),
});
export type TaxGroupMapping = z.infer<typeof TaxGroupMapping>;

export const DeviceMessage = z.object({
  type: z.enum(['info', 'warning', 'error']),
  code: z.string().optional(),
  text: z.string(),
});

export const FiscalDeviceSettings = z.object({
  kind: FiscalDeviceKind,
  serverUrl: z.string().nullable(),
  printerId: z.string().nullable(),
  operator: z.string().nullable(),
  passwordSet: z
    .boolean()
    .describe('Whether an operator password is kept; the password itself is never answered'),
  eurFrom: z.string().describe('From this date the device counts in EUR (FP-07)'),
  currencyToday: z.enum(['BGN', 'EUR']),
  taxGroups: z.array(TaxGroupMapping),
  device: z
    .object({
      serialNumber: z.string().nullable(),
      fiscalMemorySerialNumber: z.string().nullable(),
      model: z.string().nullable(),
      itemTextMaxLength: z.number().int().nullable(),
      checkedAt: z.string().nullable(),
    })
    .nullable()
    .describe('What the device said of itself at the last successful test'),
  updatedAt: z.string().nullable(),
});
export type FiscalDeviceSettings = z.infer<typeof FiscalDeviceSettings>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : s === undefined ? undefined : null));

export const FiscalDeviceSettingsBody = z
  .strictObject({
    kind: FiscalDeviceKind,
    serverUrl: optionalText(300).refine((s) => !s || /^https?:\/\/[^\s/?#]+(:\d+)?(\/[^\s?#]*)?$/i.test(s), {
      params: { code: 'invalid_url' },
    }),
    printerId: optionalText(60),
    operator: optionalText(20),
    /** Absent: keep the one saved; null or "": remove it; text: replace it. */
    operatorPassword: z.string().max(40).nullish(),
    eurFrom: IsoDate.optional(),
    taxGroups: z.array(TaxGroupMapping).max(20).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind !== 'erpnet_fp') return;
    for (const field of ['serverUrl', 'printerId'] as const)
      if (!b[field]) ctx.addIssue({ code: 'custom', path: [field], params: { code: 'required' } });
  });
export type FiscalDeviceSettingsBody = z.input<typeof FiscalDeviceSettingsBody>;

export const FiscalDeviceTestAnswer = z.object({
  ok: z.boolean(),
  deviceDateTime: z.string().nullable(),
  clockSkewSeconds: z
    .number()
    .int()
    .nullable()
    .describe("The device's clock less the server's, in seconds; null: the device gave no readable time"),
  clockInSync: z
    .boolean()
    .nullable()
    .describe(
      'FIS-05: within 120 s of the server (DEVICE_CLOCK_TOLERANCE_SECONDS); false: sales are not printed until the clock is put right (ADR 0037)',
    ),
  messages: z.array(DeviceMessage),
  serialNumber: z.string(),
  fiscalMemorySerialNumber: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  itemTextMaxLength: z.number().int(),
});
export type FiscalDeviceTestAnswer = z.infer<typeof FiscalDeviceTestAnswer>;

export const FiscalAmountBody = z.strictObject({
  amountCents: z
    .number()
    .int()
    .min(1)
    .max(MAX_AMOUNT_CENTS)
    .describe('In cents of the device’s currency today (EUR from its eurFrom date)'),
});
export type FiscalAmountBody = z.infer<typeof FiscalAmountBody>;

export const FiscalTaskRetryBody = z.strictObject({
  afterUnknown: z
    .enum(['stop', 'reprint'])
    .optional()
    .describe(
      'reprint: the device no longer knows the task and the operator checked that nothing was printed',
    ),
});

export const FISCAL_TASK_ACTIONS = [
  'receipt',
  'reversal',
  'deposit',
  'withdraw',
  'x_report',
  'z_report',
  'duplicate',
] as const;
export const FISCAL_TASK_STATUSES = ['sent', 'done', 'failed', 'pending', 'unknown'] as const;

export const FiscalActionAnswer = z.object({
  taskId: z.string(),
  action: z.enum(FISCAL_TASK_ACTIONS),
  status: z.enum(FISCAL_TASK_STATUSES),
  amountCents: z.number().int().nullable(),
  currency: z.enum(['BGN', 'EUR']).nullable(),
  warnings: z.array(DeviceMessage),
});
export type FiscalActionAnswer = z.infer<typeof FiscalActionAnswer>;

export const FiscalCashAnswer = z.object({ amountCents: z.number().int(), currency: z.enum(['BGN', 'EUR']) });

export const FiscalTaskParams = z.strictObject({ id: z.string().min(1).max(60) });
