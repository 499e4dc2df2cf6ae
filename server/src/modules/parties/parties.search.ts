/**
 * Pure helpers of the parties search: what goes into a party's or a site's search_text, and how a needle that
 * looks like a phone number is read. No database here (unit-tested in parties.search.test.ts).
 */
import { foldSearchText, toSearchText } from '../../kernel/search-text';

const PHONE_LIKE = /^[\d\s+()\-./]+$/;
const QUOTES = /["'`„“”‟«»‘’‚‛]/g;

/**
 * The digit-only spellings of a phone number, so that "0888 412 635", "+359888412635", "00359 888 412 635" and
 * "888412635" all find "+359888412635": all digits, the international form without "00", and the national form
 * with a leading 0 (and back: a national "0888…" also gets "359888…").
 */
export function phoneSearchVariants(phone: string): string[] {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return [];
  const variants = new Set<string>([digits]);
  const international = digits.startsWith('00') ? digits.slice(2) : digits;
  variants.add(international);
  if (international.startsWith('359') && international.length > 3) variants.add(`0${international.slice(3)}`);
  else if (digits.startsWith('0') && !digits.startsWith('00') && digits.length > 1)
    variants.add(`359${digits.slice(1)}`);
  return [...variants];
}

/**
 * A needle that is only digits and phone punctuation (at least 3 digits), as the digit string to look for in the
 * phone variants: spaces, dashes and brackets dropped, a leading "00" or "+" dropped. Null for any other needle.
 */
export function phoneNeedle(needle: string): string | null {
  const trimmed = needle.trim();
  if (!PHONE_LIKE.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return digits.startsWith('00') ? digits.slice(2) : digits;
}

/** A name folded for ordering: lower case, without quotes, so „Ханът…“ sorts under х and not after я. */
export function sortKey(name: string): string {
  return foldSearchText(name.replace(QUOTES, ' '));
}

export interface PartySearchFields {
  name: string;
  uic?: string | null;
  vatNumber?: string | null;
  mol?: string | null;
  phones: readonly string[];
  emails: readonly string[];
  contacts: readonly { name: string; phone?: string | null; email?: string | null }[];
}

/**
 * search_text of a party: name, МОЛ and contact names (with their Latin transliteration), then ЕИК, VAT number,
 * every phone (also digit-only) and e-mail, which need no transliteration: the column stays short for the scan.
 */
export function partySearchText(p: PartySearchFields): string {
  const phones = [...p.phones, ...p.contacts.map((c) => c.phone ?? '')].filter(Boolean);
  const words = toSearchText(p.name, p.mol, ...p.contacts.map((c) => c.name));
  const codes = foldSearchText(
    [
      p.uic,
      p.vatNumber,
      ...phones,
      ...phones.flatMap(phoneSearchVariants),
      ...p.emails,
      ...p.contacts.map((c) => c.email),
    ]
      .filter((s): s is string => typeof s === 'string' && s !== '')
      .join(' '),
  );
  return codes ? `${words} ${codes}` : words;
}

export interface SiteSearchFields {
  name: string;
  city?: string | null;
  address?: string | null;
  contactPerson?: string | null;
  contactPhone?: string | null;
}

/** search_text of a site: its name, city, address and contact person (transliterated too), then the phone. */
export function siteSearchText(s: SiteSearchFields): string {
  const words = toSearchText(s.name, s.city, s.address, s.contactPerson);
  const phone = s.contactPhone
    ? foldSearchText([s.contactPhone, ...phoneSearchVariants(s.contactPhone)].join(' '))
    : '';
  return phone ? `${words} ${phone}` : words;
}
