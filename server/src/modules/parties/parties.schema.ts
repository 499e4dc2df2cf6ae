import { z } from 'zod';
import { isValidEgn, isValidLnch } from '../../kernel/identifiers';
import { Id } from '../../kernel/ids';
import { AuditEntry } from '../audit/audit.schema';
import { BgVatNumber, Uic } from '../company/company.schema';

const code = (c: string) => ({ params: { code: c } });
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();

export const PartyKind = z.enum(['person', 'company']).describe('person: физическо лице; company: фирма');
export type PartyKind = z.infer<typeof PartyKind>;
export const AddressLabel = z.enum(['registered', 'billing', 'delivery', 'other']);
export type AddressLabel = z.infer<typeof AddressLabel>;

/** True for a phone number as people write it: digits with + ( ) - . / and spaces, 3 to 15 digits. */
export function isPhoneNumber(s: string): boolean {
  if (!/^\+?[\d\s()\-./]+$/.test(s)) return false;
  const digits = s.replace(/\D/g, '').length;
  return digits >= 3 && digits <= 15;
}

export const Phone = text(40).refine(isPhoneNumber, code('invalid_phone'));
export const Email = text(254).refine((s) => z.email().safeParse(s).success, code('invalid_email'));
/** ЕГН, or ЛНЧ for a foreigner: 10 digits with a valid check digit (INV-17). */
export const Egn = text(10).refine((s) => isValidEgn(s) || isValidLnch(s), code('invalid_egn'));

export const PartyPhoneInput = z.strictObject({
  label: optionalText(50).describe('e.g. "мобилен", "офис"'),
  number: Phone,
});
export const PartyEmailInput = z.strictObject({ label: optionalText(50), email: Email });
export const PartyAddressInput = z.strictObject({
  label: AddressLabel.default('other'),
  city: optionalText(100),
  address: optionalText(300),
  postcode: optionalText(20),
  country: z.string().trim().toUpperCase().length(2).default('BG'),
});
export const PartyContactInput = z.strictObject({
  id: z.string().max(64).optional().describe('Keep the id of an existing contact; omit for a new one'),
  name: text(200).min(1),
  position: optionalText(100).describe('Job title (длъжност)'),
  phone: Phone.nullish(),
  email: Email.nullish(),
  notes: optionalText(1000),
});

const PartyShape = {
  kind: PartyKind,
  name: text(200).min(1),
  uic: Uic.nullish().describe('ЕИК/БУЛСТАТ, companies only; unique among parties that are not archived'),
  vatNumber: BgVatNumber.nullish().describe(
    'ИН по ДДС: BG + the ЕИК for a company; BG + the ЕГН/ЛНЧ for a person registered for VAT (read masked like the ЕГН)',
  ),
  mol: optionalText(200).describe('МОЛ / manager; companies only'),
  egn: Egn.nullish().describe(
    'ЕГН/ЛНЧ, persons only and only with wantsInvoices (GDPR-02). Send it only to change it: reads return it masked ' +
      'to roles other than admin, manager and accountant.',
  ),
  wantsInvoices: z.boolean().describe('The person asked for invoices: only then may an ЕГН be stored'),
  isCustomer: z.boolean(),
  isSupplier: z.boolean(),
  notes: optionalText(4000),
  phones: z.array(PartyPhoneInput).max(20).describe('Replaces all phones; the first is the primary one'),
  emails: z.array(PartyEmailInput).max(20).describe('Replaces all e-mails; the first is the primary one'),
  addresses: z
    .array(PartyAddressInput)
    .max(20)
    .describe('Replaces all addresses; the first is the primary one'),
  contacts: z.array(PartyContactInput).max(50).describe('Replaces all contact persons'),
};

export const CreatePartyBody = z.strictObject({
  ...PartyShape,
  wantsInvoices: PartyShape.wantsInvoices.default(false),
  isCustomer: PartyShape.isCustomer.default(true),
  isSupplier: PartyShape.isSupplier.default(false),
  phones: PartyShape.phones.default([]),
  emails: PartyShape.emails.default([]),
  addresses: PartyShape.addresses.default([]),
  contacts: PartyShape.contacts.default([]),
});
export type CreatePartyBody = z.infer<typeof CreatePartyBody>;

/** Only the fields sent change; an array sent replaces that whole list. */
export const UpdatePartyBody = z.strictObject(PartyShape).partial();
export type UpdatePartyBody = z.infer<typeof UpdatePartyBody>;

export const PartyPhone = z.object({ id: z.string(), label: z.string().nullable(), number: z.string() });
export const PartyEmail = z.object({ id: z.string(), label: z.string().nullable(), email: z.string() });
export const PartyAddress = z.object({
  id: z.string(),
  label: AddressLabel,
  city: z.string().nullable(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  country: z.string(),
});
export const PartyContact = z.object({
  id: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
});

const PartyCore = {
  id: z.string(),
  kind: PartyKind,
  name: z.string(),
  uic: z.string().nullable(),
  vatNumber: z.string().nullable(),
  mol: z.string().nullable(),
  egn: z.string().nullable().describe('Masked ("******1234") in lists, exports and for roles without access'),
  wantsInvoices: z.boolean(),
  isCustomer: z.boolean(),
  isSupplier: z.boolean(),
  phone: z.string().nullable().describe('The primary (first) phone'),
  email: z.string().nullable().describe('The primary (first) e-mail'),
  city: z.string().nullable().describe('City of the primary (first) address'),
  address: z.string().nullable().describe('The primary (first) address line'),
  archivedAt: z.string().nullable(),
  anonymisedAt: z.string().nullable(),
  createdAt: z.string(),
};

export const PartyListItem = z.object(PartyCore);
export type PartyListItem = z.infer<typeof PartyListItem>;

export const Party = z.object({
  ...PartyCore,
  egnMasked: z.boolean().describe('egn is shown masked to this user'),
  notes: z.string().nullable(),
  phones: z.array(PartyPhone),
  emails: z.array(PartyEmail),
  addresses: z.array(PartyAddress),
  contacts: z.array(PartyContact),
  siteCount: z.number().int().describe('Sites of the party, archived ones included'),
  updatedAt: z.string(),
});
export type Party = z.infer<typeof Party>;

/** One hit of the global search box. */
export const PartySearchHit = z.object({
  id: z.string(),
  name: z.string(),
  kind: PartyKind,
  uic: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
});
export type PartySearchHit = z.infer<typeof PartySearchHit>;

export const PartyRole = z.enum(['customer', 'supplier']);

export const AnonymiseBody = z.strictObject({
  confirm: z.literal(true).describe('Must be true: anonymisation cannot be undone'),
});

const SiteShape = {
  name: text(200).min(1),
  city: optionalText(100),
  address: optionalText(300),
  contactPerson: optionalText(200),
  contactPhone: Phone.nullish(),
  accessNotes: optionalText(2000).describe('How to get in: keys, hours, safety'),
  workingHours: optionalText(200).describe('Free text, e.g. "Mon-Fri 08:00-17:00; Sat 09:00-13:00"'),
  notes: optionalText(4000),
};

export const CreateSiteBody = z.strictObject({
  partyId: Id.describe('The customer the site belongs to'),
  ...SiteShape,
});
export type CreateSiteBody = z.infer<typeof CreateSiteBody>;

/** Only the fields sent change; a site never moves to another customer. */
export const UpdateSiteBody = z.strictObject(SiteShape).partial();
export type UpdateSiteBody = z.infer<typeof UpdateSiteBody>;

export const Site = z.object({
  id: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  name: z.string(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  accessNotes: z.string().nullable(),
  workingHours: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Site = z.infer<typeof Site>;

/** Everything held about one party (GDPR-04), with the data other modules registered. */
export const PrivacyExport = z.object({
  exportedAt: z.string(),
  party: Party,
  sites: z.array(Site),
  audit: z.array(AuditEntry).describe('Audit entries about the party and its sites'),
  modules: z
    .record(z.string(), z.unknown())
    .describe('Data held by other modules (items, orders, …) by name'),
});
export type PrivacyExport = z.infer<typeof PrivacyExport>;
