/** The VAT sales journal's shapes (issue 13 item 9; ADR 21): a month's rows with their columns and the totals. */
import { z } from 'zod';

/** A tax period: one calendar month, YYYY-MM. */
export const JournalQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});
export type JournalQuery = z.infer<typeof JournalQuery>;

const Cents = z.number().int();
export const JournalCells = z.object({
  totalBaseCents: Cents,
  totalVatCents: Cents,
  base20Cents: Cents,
  vat20Cents: Cents,
  base9Cents: Cents,
  vat9Cents: Cents,
  base0Cents: Cents,
  base0IntraEuCents: Cents,
  base0SpecialCents: Cents,
  baseServicesEuCents: Cents,
  baseExemptCents: Cents,
});

export const JournalRow = z.object({
  /** The record's running number in the journal (02-03). */
  seq: z.number().int(),
  invoiceId: z.string(),
  kind: z.enum(['invoice', 'credit_note', 'debit_note']),
  /** NAP's document type (02-04). */
  docType: z.string(),
  number: z.string(),
  documentDate: z.string(),
  cancelled: z.boolean(),
  recipientId: z.string(),
  recipientName: z.string(),
  description: z.string(),
  cells: JournalCells,
});
export type JournalRow = z.infer<typeof JournalRow>;

export const SalesJournal = z.object({
  month: z.string(),
  /** The currency of the period (EUR-08): BGN up to 2025, EUR from 2026. */
  currency: z.enum(['BGN', 'EUR']),
  vatNumber: z.string().nullable(),
  rows: z.array(JournalRow),
  totals: JournalCells,
});
export type SalesJournal = z.infer<typeof SalesJournal>;
