import { z } from 'zod';

/** The calendar dates Servix keeps, unless a field says otherwise: documents, periods, warranty ends. */
export const MIN_DATE = '2000-01-01';
export const MAX_DATE = '2100-12-31';
/** Dates that may lie further back: when a customer bought an item, when the company registered for VAT. */
export const MIN_PAST_DATE = '1970-01-01';

/**
 * A 'YYYY-MM-DD' date that exists on the calendar (no 2026-02-30) and lies in [min, max].
 * One schema for every date field, so that a year 0000 or 9999 never reaches a document.
 */
export function calendarDate(range: { min?: string; max?: string } = {}) {
  const min = range.min ?? MIN_DATE;
  const max = range.max ?? MAX_DATE;
  return (
    z.iso
      .date()
      // Only a well-formed date is compared: a malformed one has its own error already.
      .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || (s >= min && s <= max), {
        params: { code: 'date_out_of_range' },
      })
      .describe(`A date YYYY-MM-DD from ${min} to ${max}`)
  );
}

/** A date in the usual range (2000-01-01 to 2100-12-31). */
export const IsoDate = calendarDate();
/** A date that may go back to 1970 (purchase dates, VAT registration, old warranty ends). */
export const PastIsoDate = calendarDate({ min: MIN_PAST_DATE });
