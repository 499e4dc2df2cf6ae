/** The cash desks and bank accounts API's shapes (ADR 0018): accounts, movements, balances, the day report. */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { isValidIban, normalizeIban } from '../../kernel/identifiers';
import { TrimmedId } from '../../kernel/ids';
import { MAX_AMOUNT_CENTS } from '../../kernel/limits';
import { DaySales } from '../fiscal/fiscal.schema';

export const MONEY_ACCOUNT_KINDS = ['cash', 'bank'] as const;
export const MoneyAccountKind = z.enum(MONEY_ACCOUNT_KINDS);

/** Every kind a movement has; customer_payment is reserved for the payments work (issue 13, item 6). */
export const MOVEMENT_KINDS = [
  'cash_in',
  'cash_out',
  'expense',
  'supplier_payment',
  'transfer',
  'customer_payment',
  'reversal',
] as const;
export const MovementKind = z.enum(MOVEMENT_KINDS);
/** The kinds a person records by hand: each needs a reason. */
export const MANUAL_KINDS = ['cash_in', 'cash_out', 'expense', 'supplier_payment', 'transfer'] as const;
export const ManualKind = z.enum(MANUAL_KINDS);

const Name = z.string().trim().min(1).max(120);
const Reason = z.string().trim().min(1).max(500);
export const Iban = z
  .string()
  .trim()
  .max(64)
  .transform((s) => normalizeIban(s))
  .refine(isValidIban, { params: { code: 'invalid_iban' } });
export const AmountCents = z
  .number()
  .int()
  .min(1)
  .max(MAX_AMOUNT_CENTS)
  .describe('Integer cents, more than 0');

const FiscalDeviceFlag = z
  .boolean()
  .describe(
    'Cash desks: the till the fiscal device counts (at most one); its cash in and out go to the device (FIS-03)',
  );

export const CreateMoneyAccountBody = z.strictObject({
  kind: MoneyAccountKind,
  name: Name,
  bankName: z.string().trim().min(1).max(120).nullish().describe('Bank accounts: required'),
  iban: Iban.nullish().describe('Bank accounts: required, checked by ISO 7064 mod 97'),
  fiscalDevice: FiscalDeviceFlag.optional(),
});
export type CreateMoneyAccountBody = z.infer<typeof CreateMoneyAccountBody>;

export const PatchMoneyAccountBody = z.strictObject({
  name: Name.optional(),
  bankName: z.string().trim().min(1).max(120).optional(),
  iban: Iban.optional(),
  archived: z.boolean().optional().describe('Archive (true) or bring back (false)'),
  fiscalDevice: FiscalDeviceFlag.optional(),
});
export type PatchMoneyAccountBody = z.infer<typeof PatchMoneyAccountBody>;

export const MoneyAccount = z.object({
  id: z.string(),
  kind: MoneyAccountKind,
  name: z.string(),
  bankName: z.string().nullable(),
  iban: z.string().nullable(),
  currency: z.string(),
  archived: z.boolean(),
  fiscalDevice: z.boolean().describe('The cash desk the fiscal device counts (FIS-03)'),
  balanceDate: z.string().describe('The day the balance is taken at (end of day)'),
  balanceCents: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MoneyAccount = z.infer<typeof MoneyAccount>;

export const AccountListQuery = z.strictObject({
  archived: z.enum(['true', 'false']).optional().describe('true: only archived; default: only active'),
  date: IsoDate.optional().describe('Balances at the end of this day; default today'),
});
export const AccountQuery = z.strictObject({
  date: IsoDate.optional().describe('The balance at the end of this day; default today'),
});
export const MoneyAccountList = z.object({ items: z.array(MoneyAccount) });

/** On the fiscal device's cash desk: the device task that registers the movement, idempotent (ADR 0028). */
const DeviceTask = {
  taskId: TrimmedId.optional().describe(
    'The fiscal cash desk: your id for the device task (send the same again to finish a pending one; a movement is written once per task)',
  ),
  afterUnknown: z
    .enum(['stop', 'reprint'])
    .optional()
    .describe(
      'reprint: the device no longer knows the task and the operator checked that nothing was printed',
    ),
};

export const CreateMovementBody = z.strictObject({
  kind: ManualKind,
  accountId: TrimmedId.describe('The account the money moves into (cash_in) or out of (the others)'),
  toAccountId: TrimmedId.optional().describe('Transfers: the account the money moves into'),
  date: IsoDate.describe("The company's day of the movement"),
  amountCents: AmountCents,
  reason: Reason,
  category: z.string().trim().min(1).max(120).optional().describe('Expenses: the category'),
  partyId: TrimmedId.optional().describe('Supplier payments: the supplier'),
  ...DeviceTask,
});
export type CreateMovementBody = z.infer<typeof CreateMovementBody>;

export const CashEntryBody = z.strictObject({
  kind: z.enum(['cash_in', 'cash_out']),
  date: IsoDate,
  amountCents: AmountCents,
  reason: Reason,
  ...DeviceTask,
});
export type CashEntryBody = z.infer<typeof CashEntryBody>;

export const ReverseMovementBody = z.strictObject({
  reason: Reason,
  date: IsoDate.optional().describe('Default today; not before the movement it reverses'),
  ...DeviceTask,
});
export type ReverseMovementBody = z.infer<typeof ReverseMovementBody>;

export const MovementLeg = z.object({
  accountId: z.string(),
  accountName: z.string(),
  amountCents: z.number().int().describe('Signed: in positive, out negative'),
});
export const FiscalStatus = z
  .enum(['printed', 'no_device'])
  .nullable()
  .describe(
    'The fiscal cash desk: registered on the device (printed) or not, the company having no device; null elsewhere',
  );
export const Movement = z.object({
  id: z.string(),
  number: z.string(),
  kind: MovementKind,
  date: z.string(),
  amountCents: z.number().int(),
  reason: z.string().nullable(),
  category: z.string().nullable(),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
  legs: z.array(MovementLeg),
  reversalOfId: z.string().nullable(),
  reversedById: z.string().nullable(),
  fiscalStatus: FiscalStatus,
  createdAt: z.string(),
});
export type Movement = z.infer<typeof Movement>;

export const MovementsQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const AccountMovement = z.object({
  id: z.string(),
  number: z.string(),
  kind: MovementKind,
  date: z.string(),
  amountCents: z.number().int().describe('Signed for this account'),
  balanceCents: z.number().int().describe('The running balance after this movement'),
  reason: z.string().nullable(),
  category: z.string().nullable(),
  partyName: z.string().nullable(),
  counterAccountName: z.string().nullable(),
  reversalOfId: z.string().nullable(),
  reversedById: z.string().nullable(),
  fiscalStatus: FiscalStatus,
});
export type AccountMovement = z.infer<typeof AccountMovement>;
export const AccountMovements = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  openingCents: z.number().int(),
  closingCents: z.number().int(),
  items: z.array(AccountMovement),
});
export type AccountMovements = z.infer<typeof AccountMovements>;

export const DayReportQuery = z.strictObject({
  date: IsoDate.optional().describe('Default today'),
  language: z.enum(['bg', 'bg+en']).optional().describe('The PDF: Bulgarian, or Bulgarian and English'),
  deviceCash: z
    .enum(['z_report', 'live'])
    .optional()
    .describe(
      "The fiscal cash desk: the device's cash from the day's Z report (default) or read from the device now (live)",
    ),
});
/** The cash desk against the fiscal device (FIS-03, ADR 0028). */
export const FiscalReconciliation = z.object({
  source: z
    .enum(['z_report', 'live', 'none'])
    .describe("Where the device's cash comes from: the day's last Z report, read now, or nothing yet"),
  deviceCashCents: z.number().int().nullable().describe("The device's cash amount (ФУ наличност)"),
  readAt: z.string().nullable().describe('When the device said it'),
  balanceAtReadCents: z
    .number()
    .int()
    .nullable()
    .describe("The cash desk's balance at the Z report, when it was run for this cash desk"),
  closingCents: z.number().int().describe("The cash desk's closing balance of the day"),
  differenceCents: z
    .number()
    .int()
    .nullable()
    .describe('Closing balance less the device’s cash; not zero: the cash desk does not reconcile'),
  reconciled: z.boolean().nullable(),
  zReports: z.array(
    z.object({
      taskId: z.string(),
      at: z.string(),
      deviceCashCents: z.number().int().nullable(),
      deviceCashAfterCents: z.number().int().nullable(),
      cashDeskBalanceCents: z.number().int().nullable(),
    }),
  ),
  notFiscalised: z
    .number()
    .int()
    .describe('Movements of the day on this cash desk recorded without the device (no device set up)'),
});
export type FiscalReconciliation = z.infer<typeof FiscalReconciliation>;

export const DayReport = z.object({
  accountId: z.string(),
  accountName: z.string(),
  date: z.string(),
  openingCents: z.number().int(),
  ins: z.array(z.object({ kind: MovementKind, amountCents: z.number().int() })),
  outs: z.array(z.object({ kind: MovementKind, amountCents: z.number().int() })),
  totalInCents: z.number().int(),
  totalOutCents: z.number().int(),
  closingCents: z.number().int(),
  movements: z.array(AccountMovement),
  fiscal: FiscalReconciliation.nullable().describe('The fiscal cash desk only (FIS-03)'),
  sales: DaySales.describe(
    "The day's sale receipts into the account and stornos out of it by site, workstation and device (FIS-05, ADR 0043)",
  ),
});
export type DayReport = z.infer<typeof DayReport>;
