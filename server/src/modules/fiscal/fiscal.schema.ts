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

// ---------------------------------------------------------------- sites, devices, workstations (FIS-05, ADR 0041)

/** The ФУ's individual number as NAP registers it: 2 Latin capital letters and 6 digits (it starts the УНП). */
export const FISCAL_NUMBER_FORMAT = /^[A-Z]{2}\d{6}$/;
/** The site's unique code with NAP: letters, digits and dashes. */
export const NAP_SITE_CODE_FORMAT = /^[0-9A-Za-z-]{1,20}$/;

const requiredName = z.string().trim().min(1).max(80);

export const FiscalSiteBody = z.strictObject({
  name: requiredName,
  address: z.string().trim().max(200).optional(),
  napSiteCode: optionalText(20).refine((s) => !s || NAP_SITE_CODE_FORMAT.test(s), {
    params: { code: 'fiscal_site_code_format' },
  }),
});
export type FiscalSiteBody = z.infer<typeof FiscalSiteBody>;
export const FiscalSitePatch = FiscalSiteBody.partial();
export type FiscalSitePatch = z.infer<typeof FiscalSitePatch>;

const deviceFields = {
  siteId: z.string().min(1).max(60),
  name: requiredName,
  kind: FiscalDeviceKind,
  serverUrl: optionalText(300).refine((s) => !s || /^https?:\/\/[^\s/?#]+(:\d+)?(\/[^\s?#]*)?$/i.test(s), {
    params: { code: 'invalid_url' },
  }),
  printerId: optionalText(60),
  operator: optionalText(20),
  operatorPassword: z.string().max(40).nullish(),
  fiscalNumber: optionalText(20).refine((s) => !s || FISCAL_NUMBER_FORMAT.test(s), {
    params: { code: 'fiscal_device_number_format' },
  }),
  cashDeskId: z.string().min(1).max(60).nullish(),
  active: z.boolean().optional(),
};
export const FiscalDeviceBody = z.strictObject(deviceFields).superRefine((b, ctx) => {
  if (b.kind !== 'erpnet_fp') return;
  for (const field of ['serverUrl', 'printerId'] as const)
    if (!b[field]) ctx.addIssue({ code: 'custom', path: [field], params: { code: 'required' } });
});
export type FiscalDeviceBody = z.input<typeof FiscalDeviceBody>;
export const FiscalDevicePatch = z.strictObject(deviceFields).partial();
export type FiscalDevicePatch = z.input<typeof FiscalDevicePatch>;

export const FiscalWorkstationBody = z.strictObject({
  siteId: z.string().min(1).max(60),
  name: requiredName,
  deviceId: z.string().min(1).max(60).nullish(),
});
export type FiscalWorkstationBody = z.infer<typeof FiscalWorkstationBody>;
export const FiscalWorkstationPatch = FiscalWorkstationBody.partial();
export type FiscalWorkstationPatch = z.infer<typeof FiscalWorkstationPatch>;

export const FiscalDeviceItem = z.object({
  id: z.string(),
  siteId: z.string().nullable(),
  name: z.string(),
  kind: FiscalDeviceKind,
  serverUrl: z.string().nullable(),
  printerId: z.string().nullable(),
  operator: z.string().nullable(),
  passwordSet: z.boolean(),
  fiscalNumber: z.string().nullable(),
  serialNumber: z.string().nullable().describe('The ФУ number the last test learnt'),
  cashDeskId: z.string().nullable(),
  active: z.boolean(),
  isDefault: z.boolean().describe('The device the single setting API (/fiscal-device) edits: the oldest'),
});
export type FiscalDeviceItem = z.infer<typeof FiscalDeviceItem>;

export const FiscalWorkstation = z.object({
  id: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  name: z.string(),
  deviceId: z.string().nullable(),
  deviceName: z.string().nullable(),
});
export type FiscalWorkstation = z.infer<typeof FiscalWorkstation>;

export const FiscalSite = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  napSiteCode: z.string().nullable(),
  devices: z.array(FiscalDeviceItem),
  workstations: z.array(FiscalWorkstation),
});
export type FiscalSite = z.infer<typeof FiscalSite>;

export const FiscalSiteList = z.object({ items: z.array(FiscalSite) });
export const FiscalWorkstationList = z.object({ items: z.array(FiscalWorkstation) });
export const FiscalIdParams = z.strictObject({ id: z.string().min(1).max(60) });
export const FiscalDeviceQuery = z.strictObject({
  deviceId: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe('The device to act on; else the workstation’s (X-Workstation-Id), else the default device'),
});

// ---------------------------------------------------------------- the day's sales by place (ADR 0043)

const SaleCounts = {
  receipts: z
    .number()
    .int()
    .describe('Sale receipts of the day (issued, or since reversed: they were printed)'),
  receiptsCents: z.number().int(),
  stornos: z.number().int().describe('Stornos made that day, of a whole receipt or part of one (ADR 0040)'),
  stornosCents: z.number().int(),
  netCents: z.number().int().describe('Receipts less stornos'),
};
export const DaySaleCounts = z.object({
  ...SaleCounts,
  byMethod: z.array(z.object({ method: z.enum(['cash', 'card']), ...SaleCounts })),
  notPrinted: z
    .number()
    .int()
    .describe('Receipts and stornos recorded but not (yet) printed on a device: not in its Z report'),
});
export type DaySaleCounts = z.infer<typeof DaySaleCounts>;

/** One site · workstation · device of a cash desk's day (FIS-05 mandatory reports, ADR 0043). */
export const DaySalesPlace = DaySaleCounts.extend({
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  siteCode: z.string().nullable(),
  workstationId: z.string().nullable(),
  workstationName: z.string().nullable(),
  deviceId: z.string().nullable().describe('Null: sold without a fiscal device'),
  deviceName: z.string().nullable(),
  fiscalNumber: z.string().nullable(),
});
export type DaySalesPlace = z.infer<typeof DaySalesPlace>;

/** One device: the cash desk's receipts printed on it, against all it printed that day (its Z report, FIS-03). */
export const DaySalesDevice = DaySaleCounts.extend({
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  fiscalNumber: z.string().nullable(),
  deviceDay: DaySaleCounts.describe(
    "Everything the device printed that day, whatever the account: its Z report's sales",
  ),
  matchesDevice: z
    .boolean()
    .describe("This cash desk's receipts and stornos on the device are all the device's of the day"),
  zReports: z.array(z.object({ at: z.string(), deviceCashCents: z.number().int().nullable() })),
});
export type DaySalesDevice = z.infer<typeof DaySalesDevice>;

export const DaySales = z.object({
  places: z.array(DaySalesPlace),
  devices: z.array(DaySalesDevice),
  total: DaySaleCounts,
});
export type DaySales = z.infer<typeof DaySales>;
