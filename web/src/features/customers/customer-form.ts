import {
  type AddressLabel,
  CreatePartyBody,
  type Party,
  type PartyKind,
} from '@servix/server/modules/parties/parties.schema';
import type { TFunction } from 'i18next';
import { type FieldOf, schemaErrors } from '../../ui/forms';

let keySeq = 0;
/** Keeps React's rows stable while rows are added and removed; never sent. */
const newKey = () => `row-${++keySeq}`;

export interface PhoneRow {
  key: string;
  label: string;
  number: string;
}
export interface EmailRow {
  key: string;
  label: string;
  email: string;
}
export interface AddressRow {
  key: string;
  label: AddressLabel;
  postcode: string;
  city: string;
  address: string;
  country: string;
}
export interface ContactRow {
  key: string;
  id?: string;
  name: string;
  position: string;
  phone: string;
  email: string;
  notes: string;
}

/** The form edits text as typed; empty text means "not set" (null) for the server. */
export interface CustomerFormValues {
  kind: PartyKind;
  name: string;
  uic: string;
  vatNumber: string;
  mol: string;
  egn: string;
  wantsInvoices: boolean;
  isCustomer: boolean;
  isSupplier: boolean;
  notes: string;
  phones: PhoneRow[];
  emails: EmailRow[];
  addresses: AddressRow[];
  contacts: ContactRow[];
}

export const emptyPhone = (): PhoneRow => ({ key: newKey(), label: '', number: '' });
export const emptyEmail = (): EmailRow => ({ key: newKey(), label: '', email: '' });
export const emptyAddress = (): AddressRow => ({
  key: newKey(),
  label: 'other',
  postcode: '',
  city: '',
  address: '',
  country: 'BG',
});
export const emptyContact = (): ContactRow => ({
  key: newKey(),
  name: '',
  position: '',
  phone: '',
  email: '',
  notes: '',
});

export function newCustomerValues(kind: PartyKind = 'company'): CustomerFormValues {
  return {
    kind,
    name: '',
    uic: '',
    vatNumber: '',
    mol: '',
    egn: '',
    wantsInvoices: false,
    isCustomer: true,
    isSupplier: false,
    notes: '',
    phones: [emptyPhone()],
    emails: [emptyEmail()],
    addresses: [{ ...emptyAddress(), label: kind === 'company' ? 'registered' : 'other' }],
    contacts: [],
  };
}

export function toFormValues(p: Party): CustomerFormValues {
  return {
    kind: p.kind,
    name: p.name,
    uic: p.uic ?? '',
    // A person's masked VAT number (BG + a masked ЕГН) is never edited, like the ЕГН.
    vatNumber: p.kind === 'person' && p.egnMasked ? '' : (p.vatNumber ?? ''),
    mol: p.mol ?? '',
    // A masked ЕГН is never edited: the input is only there for the roles that see it in full.
    egn: p.egnMasked ? '' : (p.egn ?? ''),
    wantsInvoices: p.wantsInvoices,
    isCustomer: p.isCustomer,
    isSupplier: p.isSupplier,
    notes: p.notes ?? '',
    phones: p.phones.map((x) => ({ key: x.id, label: x.label ?? '', number: x.number })),
    emails: p.emails.map((x) => ({ key: x.id, label: x.label ?? '', email: x.email })),
    addresses: p.addresses.map((x) => ({
      key: x.id,
      label: x.label,
      postcode: x.postcode ?? '',
      city: x.city ?? '',
      address: x.address ?? '',
      country: x.country,
    })),
    contacts: p.contacts.map((x) => ({
      key: x.id,
      id: x.id,
      name: x.name,
      position: x.position ?? '',
      phone: x.phone ?? '',
      email: x.email ?? '',
      notes: x.notes ?? '',
    })),
  };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());
const isBlankAddress = (a: AddressRow) => !a.postcode.trim() && !a.city.trim() && !a.address.trim();

/**
 * The body for the server. Rows left empty are dropped; a person sends no ЕИК, VAT number or МОЛ and a
 * company no ЕГН (clearing what a change of kind left behind). The ЕГН goes only when this user may see
 * it (`canSeeEgn`) and the person wants invoices; a person who stops wanting invoices loses it on the server.
 */
export function toBody(
  v: CustomerFormValues,
  opts: { canSeeEgn: boolean; initial?: Party },
): CreatePartyBody {
  const company = v.kind === 'company';
  const egn = !company && opts.canSeeEgn && v.wantsInvoices ? text(v.egn) : undefined;
  const hadEgn = opts.initial?.egn !== null && opts.initial?.egn !== undefined;
  const body: CreatePartyBody = {
    kind: v.kind,
    name: v.name.trim(),
    uic: company ? text(v.uic) : null,
    // A person's VAT number (BG + ЕГН) goes only from those who see the ЕГН; others leave it as it is.
    vatNumber: company
      ? text(v.vatNumber)
      : opts.canSeeEgn
        ? v.wantsInvoices
          ? text(v.vatNumber)
          : null
        : undefined,
    mol: company ? text(v.mol) : null,
    wantsInvoices: company ? false : v.wantsInvoices,
    isCustomer: v.isCustomer,
    isSupplier: v.isSupplier,
    notes: text(v.notes),
    phones: v.phones
      .filter((p) => p.number.trim() !== '')
      .map((p) => ({ label: text(p.label), number: p.number.trim() })),
    emails: v.emails
      .filter((e) => e.email.trim() !== '')
      .map((e) => ({ label: text(e.label), email: e.email.trim() })),
    addresses: v.addresses
      .filter((a) => !isBlankAddress(a))
      .map((a) => ({
        label: a.label,
        postcode: text(a.postcode),
        city: text(a.city),
        address: text(a.address),
        country: a.country.trim().toUpperCase() || 'BG',
      })),
    contacts: v.contacts.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      name: c.name.trim(),
      position: text(c.position),
      phone: text(c.phone),
      email: text(c.email),
      notes: text(c.notes),
    })),
  };
  if (egn !== undefined) {
    // Unchanged: do not send it again.
    if (!(opts.initial && opts.initial.egn === egn)) body.egn = egn;
  } else if (company && hadEgn) body.egn = null;
  return body;
}

/** Rows dropped as empty do not shift the server's indexes: map them back to the form's rows. */
function rowIndexMap<T>(rows: readonly T[], kept: (row: T) => boolean): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (kept(r)) out.push(i);
  });
  return out;
}

const TOP_LEVEL = new Set(['kind', 'name', 'uic', 'vatNumber', 'mol', 'egn', 'wantsInvoices', 'notes']);
const ROW_FIELD = /^(phones|emails|addresses|contacts)\.(\d+)\.(\w+)$/;

/** Server field paths ("uic", "phones.1.number") to this form's inputs, skipping the rows not sent. */
export function customerFieldOf(v: CustomerFormValues): FieldOf {
  const maps: Record<string, number[]> = {
    phones: rowIndexMap(v.phones, (p) => p.number.trim() !== ''),
    emails: rowIndexMap(v.emails, (e) => e.email.trim() !== ''),
    addresses: rowIndexMap(v.addresses, (a) => !isBlankAddress(a)),
    contacts: v.contacts.map((_, i) => i),
  };
  return (field) => {
    if (TOP_LEVEL.has(field)) return field;
    const m = ROW_FIELD.exec(field);
    if (!m) return null;
    const [, list = '', index = '', name = ''] = m;
    const row = maps[list]?.[Number(index)];
    return row === undefined ? null : `${list}.${row}.${name}`;
  };
}

const CHECK_MESSAGES = {
  invalid_uic: 'customers.errors.invalidUic',
  invalid_uic_length: 'customers.errors.invalidUicLength',
  invalid_vat_number: 'customers.errors.invalidVatNumber',
  invalid_egn: 'customers.errors.invalidEgn',
  invalid_phone: 'customers.errors.invalidPhone',
  invalid_email: 'validation.invalidEmail',
} as const;
const isCheckCode = (code: unknown): code is keyof typeof CHECK_MESSAGES =>
  typeof code === 'string' && code in CHECK_MESSAGES;

/** The server's own rules checked before sending, with the check-digit and phone messages in words. */
export function customerFormErrors(v: CustomerFormValues, body: CreatePartyBody, t: TFunction) {
  const fieldOf = customerFieldOf(v);
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(schemaErrors(CreatePartyBody, body, t))) {
    const input = fieldOf(path);
    if (input) errors[input] = message;
  }
  const parsed = CreatePartyBody.safeParse(body);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const code = issue.code === 'custom' ? issue.params?.code : undefined;
      const input = fieldOf(issue.path.map(String).join('.'));
      if (isCheckCode(code) && input) errors[input] = t(CHECK_MESSAGES[code]);
    }
  if (v.kind === 'company' && !v.uic.trim() && v.vatNumber.trim()) errors.uic = t('validation.required');
  return errors;
}
