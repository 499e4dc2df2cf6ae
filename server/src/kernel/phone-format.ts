import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone number as people read it, whatever way it was typed: a Bulgarian one in the national form
 * ("+359888390125" and "0888 390125" both show as "088 839 0125"), a foreign one in the international form
 * ("+44 20 7946 0958"). What is not a valid number is shown as stored.
 */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  const parsed = parsePhoneNumberFromString(stored, 'BG');
  if (!parsed?.isValid()) return stored;
  return parsed.country === 'BG' ? parsed.formatNational() : parsed.formatInternational();
}

/** The tel: link of a phone number (E.164), or null when it is not a valid number. */
export function phoneHref(stored: string | null | undefined): string | null {
  if (!stored) return null;
  const parsed = parsePhoneNumberFromString(stored, 'BG');
  return parsed?.isValid() ? parsed.getURI() : null;
}
