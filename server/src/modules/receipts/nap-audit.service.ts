/**
 * The month's standardised audit file for NAP (Н-18 Appendix 38, FIS-05; ADR 0039): every sale receipt of the month
 * — of an order, over the counter, of a customer's payment of invoices in cash or by card — as an order with its
 * lines, and as returns every storno made in the month and every customer refund of the month.
 */
import type { Executor } from '../../db/database';
import { addMonths, calendarDateOf, daysInMonth, startOfDayInstant, todayDate } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { getCompanySettings } from '../company';
import { getFiscalDeviceSettings } from '../fiscal';
import * as repo from './nap-audit.repository';
import { type AuditLine, type AuditOrder, type AuditReturn, buildAuditFile } from './nap-audit.rules';

const asDate = (instant: unknown) =>
  calendarDateOf(instant instanceof Date ? instant : new Date(String(instant)));

/** The file of a month (YYYY-MM): a month not yet begun is 400 month_in_future; without the ЕИК 409. */
export async function napAuditFile(db: Executor, month: string): Promise<{ fileName: string; body: Buffer }> {
  const today = todayDate();
  if (month > today.slice(0, 7))
    throw new DomainError('invalid', 'month_in_future', { field: 'month', params: { month } });
  const company = await getCompanySettings(db);
  if (!company.uic) throw new DomainError('conflict', 'company_uic_missing', { field: 'uic', params: {} });
  const [year, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const to = `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;

  const receipts = await repo.monthReceipts(db, from, to);
  const lines = await repo.receiptLines(
    db,
    receipts.map((r) => r.id),
  );
  const byReceipt = new Map<string, AuditLine[]>();
  for (const l of lines) {
    const own = byReceipt.get(l.receipt_id) ?? [];
    own.push({
      description: l.description,
      quantityMilli: Number(l.quantity_milli),
      unitPriceCents: Number(l.unit_price_cents),
      discountBp: Number(l.discount_bp),
      vatRateBp: Number(l.vat_rate_bp),
      netCents: Number(l.net_cents),
      vatCents: Number(l.vat_cents),
      totalCents: Number(l.total_cents),
    });
    byReceipt.set(l.receipt_id, own);
  }
  const orders: AuditOrder[] = receipts.map((r) => ({
    uniqueSaleNumber: r.unique_sale_number,
    date: r.document_date,
    number: r.number ?? '',
    netCents: Number(r.net_cents),
    vatCents: Number(r.vat_cents),
    totalCents: Number(r.total_cents),
    lines: byReceipt.get(r.id) ?? [],
  }));

  const stornos = await repo.monthStornos(
    db,
    startOfDayInstant(from).toISOString(),
    startOfDayInstant(addMonths(from, 1)).toISOString(),
  );
  const refunds = await repo.monthRefunds(db, from, to);
  const returns: AuditReturn[] = [
    ...stornos.map(
      (s): AuditReturn => ({
        orderNumber: s.unique_sale_number,
        amountCents: Number(s.total_cents),
        date: asDate(s.reversed_at),
        method: s.payment_method,
      }),
    ),
    ...refunds.map(
      (r): AuditReturn => ({
        orderNumber:
          r.storno_unique_sale_number ??
          r.credit_note_number ??
          r.unique_sale_number ??
          r.payment_number ??
          '',
        amountCents: Number(r.amount_cents),
        date: r.refund_date,
        method: r.method,
      }),
    ),
  ].sort((a, b) => a.date.localeCompare(b.date));

  // The site: its fiscal device's number, as the УНП carries it (the newest sale's), else the device set up now.
  const device = await getFiscalDeviceSettings(db);
  const siteId =
    orders.at(-1)?.uniqueSaleNumber.split('-')[0] ??
    (device.kind === 'erpnet_fp' ? device.device?.serialNumber : null) ??
    'NODEVICE';
  const body = buildAuditFile({
    uic: company.uic,
    siteId,
    domain: company.website ?? '',
    creationDate: today,
    year,
    month: m,
    orders,
    returns,
  });
  return { fileName: `audit-${company.uic}-${month}.xml`, body };
}
