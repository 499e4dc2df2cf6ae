import { z } from 'zod';
import { IsoDate, PastIsoDate } from '../../kernel/dates';
import { isValidBgVatNumber, isValidIban, isValidUic, normalizeIban } from '../../kernel/identifiers';

const code = (c: string) => ({ params: { code: c } });
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/**
 * ЕИК/БУЛСТАТ as people type it: spaces and a leading "BG" (copied from a VAT number) are dropped. One error
 * only: the length first (invalid_uic_length), then the check digit (invalid_uic).
 */
export const Uic = z
  .string()
  .trim()
  .max(40)
  .transform((s) => s.replace(/\s+/g, '').replace(/^BG/i, ''))
  .superRefine((s, ctx) => {
    if (!/^\d{9}(\d{4})?$/.test(s))
      ctx.addIssue({ code: 'custom', params: { code: 'invalid_uic_length' }, message: 'invalid_uic_length' });
    else if (!isValidUic(s))
      ctx.addIssue({ code: 'custom', params: { code: 'invalid_uic' }, message: 'invalid_uic' });
  });
export const BgVatNumber = z
  .string()
  .trim()
  .max(40)
  .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
  .refine(isValidBgVatNumber, code('invalid_vat_number'));
export const Iban = z
  .string()
  .trim()
  .max(64)
  .transform((s) => normalizeIban(s))
  .refine(isValidIban, code('invalid_iban'));

export const BankAccountInput = z.strictObject({
  id: z.string().max(64).optional(),
  iban: Iban,
  bic: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/)
    .nullish(),
  bankName: optionalText(200),
  currency: z.enum(['EUR', 'BGN', 'USD']).default('EUR'),
  isDefault: z.boolean().default(false),
});

export const BankAccount = z.object({
  id: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  bankName: z.string().nullable(),
  currency: z.string(),
  isDefault: z.boolean(),
});
export type BankAccount = z.infer<typeof BankAccount>;

export const CompanySettingsInput = z.strictObject({
  legalName: z.string().trim().min(1).max(200),
  uic: Uic.nullish(),
  vatNumber: BgVatNumber.nullish(),
  vatRegistered: z.boolean(),
  vatRegisteredFrom: PastIsoDate.nullish(),
  country: z.string().trim().length(2).default('BG'),
  city: optionalText(100),
  address: optionalText(300),
  postcode: optionalText(20),
  mol: optionalText(200),
  phone: optionalText(50),
  email: z.email().nullish(),
  website: optionalText(200),
  defaultVatRateBp: z.number().int().min(0).max(10000),
  fiscalDeviceRequired: z.boolean(),
  /** The last day of dual display on quotes and sale receipts (EUR-02, EUR-07); omitted: kept. */
  dualDisplayUntil: IsoDate.optional(),
  /** An informative amount in the other currency on invoices and notes (EUR-03); omitted: kept. */
  invoiceOtherCurrency: z.boolean().optional(),
  bankAccounts: z.array(BankAccountInput).max(20),
});
export type CompanySettingsInput = z.infer<typeof CompanySettingsInput>;

export const CompanySettings = z.object({
  id: z.string(),
  legalName: z.string(),
  uic: z.string().nullable(),
  vatNumber: z.string().nullable(),
  vatRegistered: z.boolean(),
  vatRegisteredFrom: z.string().nullable(),
  country: z.string(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  mol: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  defaultVatRateBp: z.number().int(),
  fiscalDeviceRequired: z.boolean(),
  dualDisplayUntil: z.string(),
  invoiceOtherCurrency: z.boolean(),
  hasLogo: z.boolean(),
  /** The closed period: nothing is posted or reversed on or before this date; null when none is closed. */
  lockDate: z.string().nullable(),
  /** A demo company with invented data (setup's "try with a demo company"); its administrator may wipe it. */
  isDemo: z.boolean(),
  bankAccounts: z.array(BankAccount),
  updatedAt: z.string(),
});
export type CompanySettings = z.infer<typeof CompanySettings>;

/** Closes the books up to a date (inclusive), or opens them all again with null. */
export const LockDateInput = z.strictObject({
  lockDate: IsoDate.nullable(),
});
export type LockDateInput = z.infer<typeof LockDateInput>;

export const LockDate = z.object({ lockDate: z.string().nullable() });
export type LockDate = z.infer<typeof LockDate>;

/**
 * A logo as a base64 data URL. Its content decides what it is: PNG, JPEG or WebP, at most 2 MiB of image
 * (company.logo.ts); SVG and every other format are refused.
 */
export const LogoInput = z.strictObject({
  dataUrl: z.string().max(2_900_000),
});
