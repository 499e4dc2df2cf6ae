/**
 * The invoice's pure rules (issue 13): the currency a date fixes (EUR-04), the tax base of a line and the VAT per
 * rate on the summed base (INV-14, through kernel/vat), the legal ground a line or a document without VAT needs
 * (INV-09, INV-10), the late-issue warning (INV-06). Values in, values out.
 */
import { daysBetween } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { computeVat, type VatSummary } from '../../kernel/vat';
import { lineNetCents } from '../orders';
import type { InvoiceCurrency } from './sales.table';

/** The first day of the euro (EUR-03): invoices dated from it are in EUR only. */
export const EURO_DAY = '2026-01-01';
/** Days after the tax event within which an invoice is issued (INV-06). */
export const ISSUE_WITHIN_DAYS = 5;

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

/** The currency of an invoice dated `date`: BGN up to 2025-12-31, EUR from 2026-01-01; another is 400 (EUR-04). */
export function currencyOf(date: string, asked?: InvoiceCurrency): InvoiceCurrency {
  const fixed: InvoiceCurrency = date >= EURO_DAY ? 'EUR' : 'BGN';
  if (asked !== undefined && asked !== fixed)
    throw bad('currency_not_of_date', 'currency', { currency: asked, date, expected: fixed });
  return fixed;
}

export interface RuleLine {
  quantityMilli: number;
  unitPriceCents: number;
  discountBp: number;
  vatRateBp: number;
  vatExempt: boolean;
  vatReason: string | null | undefined;
}

/** The line's tax base: round(quantity × price × (1 − discount)), once, half away from zero (orders.totals). */
export function lineBase(l: Pick<RuleLine, 'quantityMilli' | 'unitPriceCents' | 'discountBp'>): number {
  return lineNetCents({
    quantityMilli: l.quantityMilli,
    usedQuantityMilli: null,
    unitPriceCents: l.unitPriceCents,
    discountBp: l.discountBp,
  });
}

/** Base and VAT per rate and the totals (INV-14); a company outside VAT charges none (INV-10). */
export function invoiceVat(lines: readonly RuleLine[], vatRegistered: boolean): VatSummary {
  return computeVat(
    lines.map((l) => ({ netCents: lineBase(l), vatRateBp: l.vatRateBp, vatExempt: l.vatExempt })),
    { vatRegistered },
  );
}

/**
 * The lines an invoice may carry: at least one (400 invoice_empty), and a legal ground on every 0 % or exempt line
 * of a VAT-registered company (400 vat_reason_required, naming the line's field).
 */
export function checkLines(lines: readonly RuleLine[], vatRegistered: boolean): void {
  if (!lines.length) throw bad('invoice_empty', 'lines');
  if (!vatRegistered) return;
  lines.forEach((l, i) => {
    if ((l.vatExempt || l.vatRateBp === 0) && !l.vatReason?.trim())
      throw bad('vat_reason_required', `lines.${i}.vatReason`, { line: i + 1 });
  });
}

/** Issued more than 5 days after the tax event (INV-06): a warning, not a refusal. */
export function issuedLate(taxEventDate: string, documentDate: string): boolean {
  return daysBetween(taxEventDate, documentDate) > ISSUE_WITHIN_DAYS;
}

/** Registered for VAT on the date: the flag, and the registration date not after it (INV-10). */
export function vatRegisteredOn(
  company: { vatRegistered: boolean; vatRegisteredFrom: string | null },
  date: string,
): boolean {
  return company.vatRegistered && (company.vatRegisteredFrom === null || company.vatRegisteredFrom <= date);
}
