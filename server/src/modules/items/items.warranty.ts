/**
 * The manufacturer's warranty of a serviced item: a pure rule on calendar dates ('YYYY-MM-DD'), no database.
 *
 * The rule (Bulgarian practice, and the way the seed data's boundary table counts):
 * - the warranty ends on the same calendar day `warrantyMonths` months after the purchase date, clamped to the
 *   last day of a shorter month (2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 24 months = 2026-02-28);
 * - the item is covered from the purchase date THROUGH the end date inclusive: on the end date it is still under
 *   warranty, the day after it is not (bought 2024-11-27 with 24 months: covered on 2026-11-27, not on 2026-11-28);
 * - an explicit warranty end (e.g. an extended warranty, a warranty card with its own date) replaces the computed
 *   one, and needs no purchase date;
 * - 0 months means the item has no manufacturer's warranty (bought second-hand): not under warranty, no end;
 * - no explicit end and no purchase date (or no months): unknown, which answers "not under warranty" with
 *   warrantyEnd and daysLeft null;
 * - before the purchase date the item is not under warranty (it was not sold yet).
 */
import { addMonths, dateParts, daysBetween } from '../../kernel/calendar';

export interface WarrantyInput {
  purchaseDate: string | null;
  /** Months from the purchase date; null when unknown. */
  warrantyMonths: number | null;
  /** An explicit end date that overrides purchaseDate + warrantyMonths. */
  warrantyEnd: string | null;
}

export interface WarrantyStatus {
  underWarranty: boolean;
  /** The last day covered (inclusive), or null when it cannot be known or there is no warranty. */
  warrantyEnd: string | null;
  /** Days from onDate to warrantyEnd: 0 on the last covered day, negative once it has ended; null with no end. */
  daysLeft: number | null;
}

/** The effective last day of the warranty: the explicit end, else purchase date + months; null when unknown or none. */
export function warrantyEndOf(item: WarrantyInput): string | null {
  if (item.warrantyEnd) return item.warrantyEnd;
  if (!item.purchaseDate || item.warrantyMonths === null || item.warrantyMonths <= 0) return null;
  return addMonths(item.purchaseDate, item.warrantyMonths);
}

/** Is the item under the manufacturer's warranty on `onDate` (covered through the end date inclusive)? */
export function warrantyStatus(item: WarrantyInput, onDate: string): WarrantyStatus {
  dateParts(onDate);
  const end = warrantyEndOf(item);
  if (end === null) return { underWarranty: false, warrantyEnd: null, daysLeft: null };
  const daysLeft = daysBetween(onDate, end);
  const sold = item.purchaseDate === null || daysBetween(item.purchaseDate, onDate) >= 0;
  return { underWarranty: sold && daysLeft >= 0, warrantyEnd: end, daysLeft };
}
