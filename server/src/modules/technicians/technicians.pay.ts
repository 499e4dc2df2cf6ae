/**
 * A technician's pay terms with the dates from which they apply. Pure, no database.
 *
 * - `commission`: commissionBp basis points of the labour value of the lines the technician did
 *   (30 % = 3000 bp);
 * - `per_norm_hour`: rateCents per norm hour of the lines the technician did (14.00 EUR = 1400).
 *
 * A term applies from its validFrom date (inclusive) until the day before the next term's validFrom.
 */
import type { PayType } from './technicians.schema';

export interface PayTermsValue {
  validFrom: string;
  payType: PayType;
  commissionBp: number | null;
  rateCents: number | null;
}

/** The term in force on `date`: the one with the latest validFrom on or before it; null before the first term. */
export function payTermsOn<T extends { validFrom: string }>(terms: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const t of terms) {
    if (t.validFrom <= date && (best === null || t.validFrom > best.validFrom)) best = t;
  }
  return best;
}

/** A percentage as text ("30", "28.5", "12,75") in basis points; null when it is not 0–100 with up to 2 decimals. */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** Basis points as a percentage text without trailing zeros: 3000 → "30", 2850 → "28.5". */
export function formatPercentBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
