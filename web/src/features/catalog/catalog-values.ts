/**
 * The catalogue forms edit text as typed and send the server's units: VAT in basis points, norm time in minutes
 * (typed as h:mm); money and quantities as in ui/typed-values.ts.
 */
import { bpToPercent, percentToBp } from '@servix/server/modules/catalog/catalog.csv';
import { ApiError } from '../../api/client';
import { conflictOf } from '../../api/conflicts';
import type { Locale } from '../../i18n';
import type { FieldOf } from '../../ui/forms';
import { textToCents } from '../../ui/typed-values';

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

/** VAT basis points as typed percent: 2000 → "20", 950 → bg "9,5". */
export function bpToText(bp: number, locale: Locale): string {
  const text = bpToPercent(bp);
  return locale === 'bg' ? text.replace('.', ',') : text;
}

/** "20" → 2000, "9,5" → 950; NaN for anything else. */
export function textToBp(text: string): number {
  return percentToBp(text) ?? Number.NaN;
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
