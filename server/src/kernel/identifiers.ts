/**
 * Validators of Bulgarian identifiers (INV-17) and IBANs. They return booleans and never
 * throw; callers decide what to tell the user. Input must already be trimmed: "BG" must
 * be upper case and digits must not contain spaces (IBANs excepted, see normalizeIban).
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { isCalendarDay } from './calendar';

function digitsOf(s: string): number[] {
  return Array.from(s, Number);
}

function weightedSum(digits: readonly number[], weights: readonly number[], offset = 0): number {
  return weights.reduce((sum, weight, i) => sum + weight * (digits[offset + i] ?? 0), 0);
}

/** Check digit with a second set of weights when the first remainder is 10, and 0 when it is 10 again (ЕИК/БУЛСТАТ rule). */
function uicCheckDigit(digits: readonly number[], offset: number, first: number[], second: number[]): number {
  const r1 = weightedSum(digits, first, offset) % 11;
  if (r1 !== 10) return r1;
  const r2 = weightedSum(digits, second, offset) % 11;
  return r2 === 10 ? 0 : r2;
}

/** ЕИК/БУЛСТАТ: 9 digits (weights 1..8, fallback 3..10, mod 11) or 13 digits (plus digits 9–12 weights 2,7,3,5, fallback 4,9,5,7). */
export function isValidUic(s: string): boolean {
  if (!/^(\d{9}|\d{13})$/.test(s)) return false;
  const d = digitsOf(s);
  if (uicCheckDigit(d, 0, [1, 2, 3, 4, 5, 6, 7, 8], [3, 4, 5, 6, 7, 8, 9, 10]) !== d[8]) return false;
  if (d.length === 9) return true;
  return uicCheckDigit(d, 8, [2, 7, 3, 5], [4, 9, 5, 7]) === d[12];
}

/** Birth date encoded in an ЕГН (month +20 for 1800s, +40 for 2000s) as 'YYYY-MM-DD', or null when it is not a real date. */
export function egnBirthDate(s: string): string | null {
  if (!/^\d{10}$/.test(s)) return null;
  const yy = Number(s.slice(0, 2));
  const mm = Number(s.slice(2, 4));
  const dd = Number(s.slice(4, 6));
  const [century, month] = mm > 40 ? [2000, mm - 40] : mm > 20 ? [1800, mm - 20] : [1900, mm];
  const year = century + yy;
  if (!isCalendarDay(year, month, dd)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** ЕГН: 10 digits, a real birth date (month +20 / +40 encodes the century), check digit weights 2,4,8,5,10,9,7,3,6 mod 11, 10 → 0. */
export function isValidEgn(s: string): boolean {
  if (egnBirthDate(s) === null) return false;
  const d = digitsOf(s);
  const r = weightedSum(d, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11;
  return (r === 10 ? 0 : r) === d[9];
}

/** ЛНЧ: 10 digits, check digit = weighted sum with weights 21,19,17,13,11,9,7,3,1 mod 10. */
export function isValidLnch(s: string): boolean {
  if (!/^\d{10}$/.test(s)) return false;
  const d = digitsOf(s);
  return weightedSum(d, [21, 19, 17, 13, 11, 9, 7, 3, 1]) % 10 === d[9];
}

/** ИН по ДДС: "BG" + a valid 9-digit ЕИК, or "BG" + 10 digits that are a valid ЕГН or ЛНЧ. */
export function isValidBgVatNumber(s: string): boolean {
  const match = /^BG(\d{9}|\d{10})$/.exec(s);
  const number = match?.[1];
  if (number === undefined) return false;
  return number.length === 9 ? isValidUic(number) : isValidEgn(number) || isValidLnch(number);
}

/** IBAN in electronic form: all whitespace removed and letters upper-cased ("bg80 bnbg …" → "BG80BNBG…"). */
export function normalizeIban(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** True for an IBAN with a valid country format and ISO 7064 mod-97 check, spaces and case ignored (via ibantools). */
export function isValidIban(s: string): boolean {
  const electronic = electronicFormatIBAN(normalizeIban(s));
  return electronic !== null && isValidIBAN(electronic);
}

/** Masks a personal number (ЕГН/ЛНЧ) for lists and exports, keeping only the last 4 characters: "******1234" (GDPR-02). */
export function maskPersonalId(egn: string): string {
  const value = egn.trim();
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}
