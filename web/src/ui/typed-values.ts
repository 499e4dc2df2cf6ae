/**
 * Numbers as the user types them and as the server takes them: money in cents (parsed exactly, never through a
 * float), quantities in thousandths. The parsing and formatting are the server's; only the UI's decimal mark
 * (bg ",", en ".") is added here.
 */
import { type Cents, cents, parseMoney, toDecimalString } from '@servix/server/kernel/money';
import { milliToUnits } from '@servix/server/kernel/quantity';
import { unitsToMilli } from '@servix/server/modules/catalog/catalog.csv';
import type { Locale } from '../i18n';

/** Cents as the user would type them: bg "24,90", en "24.90". */
export function centsToText(c: number, locale: Locale): string {
  const text = toDecimalString(cents(c));
  return locale === 'bg' ? text.replace('.', ',') : text;
}

/** Typed euros to cents, exactly ("24,90", "1 234.5", "-3"); NaN when it is not an amount with up to 2 decimals. */
export function textToCents(text: string): Cents | number {
  try {
    return parseMoney(text);
  } catch {
    return Number.NaN;
  }
}

/** An optional amount: empty → null. */
export function textToOptionalCents(text: string): number | null {
  return text.trim() === '' ? null : textToCents(text);
}

/** Thousandths as typed units: 2500 → bg "2,5". */
export function milliToText(milli: number, locale: Locale): string {
  const text = milliToUnits(milli);
  return locale === 'bg' ? text.replace('.', ',') : text;
}

/** "2,5" → 2500 thousandths; NaN for anything else (negative, more than 3 decimals). */
export function textToMilli(text: string): number {
  return unitsToMilli(text) ?? Number.NaN;
}

/** Typed units to thousandths, also with the digit groups a user copies from a list ("1 200"); NaN otherwise. */
export function groupedTextToMilli(text: string): number {
  return textToMilli(text.replace(/[\s\u00a0\u202f]/g, ''));
}
