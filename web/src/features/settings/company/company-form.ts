import { percentToBp } from '@servix/server/modules/catalog/catalog.csv';
import type { CompanySettings, CompanySettingsInput } from '@servix/server/modules/company/company.schema';
import type { FieldOf } from '../../../ui/forms';

export const CURRENCIES = ['EUR', 'BGN', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface BankAccountRow {
  /** Keeps React's rows stable while accounts are added and removed; never sent. */
  key: string;
  id?: string;
  iban: string;
  bic: string;
  bankName: string;
  currency: Currency;
  isDefault: boolean;
}

/** The form edits text as typed; empty text means "not set" (null) for the server. */
export interface CompanyFormValues {
  legalName: string;
  uic: string;
  vatNumber: string;
  vatRegistered: boolean;
  vatRegisteredFrom: string | null;
  country: string;
  city: string;
  address: string;
  postcode: string;
  mol: string;
  phone: string;
  email: string;
  website: string;
  /** Percent as the user types it (20 = 20 %); the server keeps basis points (2000). */
  vatRatePercent: number | string;
  fiscalDeviceRequired: boolean;
  /** The last day quotes and sale receipts show EUR and BGN (EUR-02, EUR-07). */
  dualDisplayUntil: string | null;
  /** An informative amount in the other currency on invoices (EUR-03). */
  invoiceOtherCurrency: boolean;
  bankAccounts: BankAccountRow[];
}

let keySeq = 0;
export const newRowKey = () => `row-${++keySeq}`;

const currencyOf = (c: string): Currency => (c === 'BGN' || c === 'USD' ? c : 'EUR');

export function emptyBankAccount(isDefault: boolean): BankAccountRow {
  return { key: newRowKey(), iban: '', bic: '', bankName: '', currency: 'EUR', isDefault };
}

export function toFormValues(s: CompanySettings): CompanyFormValues {
  return {
    legalName: s.legalName,
    uic: s.uic ?? '',
    vatNumber: s.vatNumber ?? '',
    vatRegistered: s.vatRegistered,
    vatRegisteredFrom: s.vatRegisteredFrom,
    country: s.country,
    city: s.city ?? '',
    address: s.address ?? '',
    postcode: s.postcode ?? '',
    mol: s.mol ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    website: s.website ?? '',
    vatRatePercent: s.defaultVatRateBp / 100,
    fiscalDeviceRequired: s.fiscalDeviceRequired,
    dualDisplayUntil: s.dualDisplayUntil,
    invoiceOtherCurrency: s.invoiceOtherCurrency,
    bankAccounts: s.bankAccounts.map((a) => ({
      key: a.id,
      id: a.id,
      iban: a.iban,
      bic: a.bic ?? '',
      bankName: a.bankName ?? '',
      currency: currencyOf(a.currency),
      isDefault: a.isDefault,
    })),
  };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());

/** Percent with up to two decimals to basis points, without floating-point drift: "20" → 2000, "9.5" → 950. */
export function percentToBasisPoints(percent: number | string): number {
  return percentToBp(String(percent)) ?? Number.NaN;
}

export function toInput(v: CompanyFormValues): CompanySettingsInput {
  return {
    legalName: v.legalName.trim(),
    uic: text(v.uic),
    vatNumber: text(v.vatNumber),
    vatRegistered: v.vatRegistered,
    vatRegisteredFrom: v.vatRegistered ? v.vatRegisteredFrom : null,
    country: v.country.trim().toUpperCase(),
    city: text(v.city),
    address: text(v.address),
    postcode: text(v.postcode),
    mol: text(v.mol),
    phone: text(v.phone),
    email: text(v.email),
    website: text(v.website),
    defaultVatRateBp: percentToBasisPoints(v.vatRatePercent),
    fiscalDeviceRequired: v.fiscalDeviceRequired,
    ...(v.dualDisplayUntil ? { dualDisplayUntil: v.dualDisplayUntil } : {}),
    invoiceOtherCurrency: v.invoiceOtherCurrency,
    bankAccounts: v.bankAccounts.map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      iban: a.iban.trim(),
      bic: text(a.bic),
      bankName: text(a.bankName),
      currency: a.currency,
      isDefault: a.isDefault,
    })),
  };
}

const TOP_LEVEL = new Set<string>([
  'legalName',
  'uic',
  'vatNumber',
  'vatRegistered',
  'vatRegisteredFrom',
  'country',
  'city',
  'address',
  'postcode',
  'mol',
  'phone',
  'email',
  'website',
  'fiscalDeviceRequired',
  'dualDisplayUntil',
  'invoiceOtherCurrency',
]);
const BANK_FIELD = /^bankAccounts\.\d+\.(iban|bic|bankName|currency|isDefault)$/;

/** Server field paths ("uic", "defaultVatRateBp", "bankAccounts.0.iban") to this form's inputs. */
export const companyFieldOf: FieldOf = (field) => {
  if (field === 'defaultVatRateBp') return 'vatRatePercent';
  if (TOP_LEVEL.has(field) || BANK_FIELD.test(field)) return field;
  return null;
};
