/**
 * The catalogue forms edit text as typed and send the server's units: money in cents (parsed exactly, never
 * through a float), VAT in basis points, norm time in minutes (typed as h:mm), quantities in thousandths.
 */
import { type Cents, cents, parseMoney, toDecimalString } from '@servix/server/kernel/money';
import { milliToUnits } from '@servix/server/kernel/quantity';
import { bpToPercent, percentToBp, unitsToMilli } from '@servix/server/modules/catalog/catalog.csv';
import { ApiError } from '../../api/client';
import { conflictOf } from '../../api/conflicts';
import type { Locale } from '../../i18n';
import type { FieldOf } from '../../ui/forms';

/** Minutes as h:mm: 90 → "1:30", 45 → "0:45", 600 → "10:00". */
export function formatNormTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${h}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "1:30" or "90" (minutes) → 90; NaN for anything else (minutes past 59, decimals, text). */
export function parseNormTime(text: string): number {
  const s = text.trim();
  const hm = /^(\d{1,4}):([0-5]\d)$/.exec(s);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  if (/^\d{1,6}$/.test(s)) return Number(s);
  return Number.NaN;
}

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

/** VAT basis points as typed percent: 2000 → "20", 950 → bg "9,5". */
export function bpToText(bp: number, locale: Locale): string {
  const text = bpToPercent(bp);
  return locale === 'bg' ? text.replace('.', ',') : text;
}

/** "20" → 2000, "9,5" → 950; NaN for anything else. */
export function textToBp(text: string): number {
  return percentToBp(text) ?? Number.NaN;
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

/**
 * Server field names to the form's inputs where they differ ("salePriceCents" → "salePrice"); the other
 * fields of `fields` keep their names; anything else has no input.
 */
export function renamedFields(fields: readonly string[], renamed: Record<string, string> = {}): FieldOf {
  return (field) => renamed[field] ?? (fields.includes(field) ? field : null);
}

/** The existing record named by a 409 conflict (a duplicate code, model, norm override or barcode), or null. */
export function existingIdOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  return conflictOf(error, error.code)?.existingId ?? null;
}

/** Client-side errors keyed by body field, moved to the inputs that hold them (see renamedFields). */
export function onInputs(errors: Record<string, string>, fieldOf: FieldOf): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const input = fieldOf(field);
    if (input !== null) out[input] ??= message;
  }
  return out;
}

/** Why typed money is refused, or null: not an amount, or negative (catalogue prices never are). */
export function moneyProblem(text: string, optional = false): 'invalidAmount' | 'negativeAmount' | null {
  if (optional && text.trim() === '') return null;
  const c = textToCents(text);
  if (Number.isNaN(c)) return 'invalidAmount';
  return c < 0 ? 'negativeAmount' : null;
}
