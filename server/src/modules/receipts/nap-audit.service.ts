/**
 * The month's standardised audit file for NAP (Н-18 Appendix 38, FIS-05; ADR 0039), one per sale site (ADR 0043):
 * every sale receipt of the month made at the site — of an order, over the counter, of a customer's payment of
 * invoices in cash or by card — as an order with its lines, and as returns every storno made in the month of a sale
 * at the site and every customer refund of the month paid back there. `e_shop_n` is the site's code with NAP.
 */
import type { Executor } from '../../db/database';
import { addMonths, calendarDateOf, daysInMonth, startOfDayInstant, todayDate } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { getCompanySettings } from '../company';
import { type FiscalSite, listSites } from '../fiscal';
import * as repo from './nap-audit.repository';
import {
  type AuditLine,
  type AuditOrder,
  type AuditReturn,
  buildAuditFile,
  SHOP_N_MAX,
} from './nap-audit.rules';
import type { AuditFileSites } from './receipts.schema';

const asDate = (instant: unknown) =>
  calendarDateOf(instant instanceof Date ? instant : new Date(String(instant)));

/** `e_shop_n` of an installation that has no sale site (no fiscal device was ever set up): the УНП's placeholder. */
export const NO_SITE = 'NODEVICE';

type Placed<T> = T & { siteId: string | null };

/** The month's sales and returns, each with the site it was made at (ADR 0043). */
async function monthOf(db: Executor, month: string, sites: FiscalSite[]) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const to = `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
  // Where a sale or return without a site of its own was made: the default device's site (ADR 0041: a request
  // without a workstation sells on the default device); a refund paid from a till, the site of that till's device.
  const defaultSite = sites.find((s) => s.devices.some((d) => d.isDefault))?.id ?? sites[0]?.id ?? null;
  const siteOfDesk = new Map<string, string>();
  for (const s of sites) for (const d of s.devices) if (d.cashDeskId) siteOfDesk.set(d.cashDeskId, s.id);
  const placed = (siteId: string | null | undefined) => siteId ?? defaultSite;

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
  const orders: Placed<AuditOrder>[] = receipts.map((r) => ({
    uniqueSaleNumber: r.unique_sale_number,
    date: r.document_date,
    number: r.number ?? '',
    netCents: Number(r.net_cents),
    vatCents: Number(r.vat_cents),
    totalCents: Number(r.total_cents),
    lines: byReceipt.get(r.id) ?? [],
    siteId: placed(r.site_id),
  }));

  const stornos = await repo.monthStornos(
    db,
    startOfDayInstant(from).toISOString(),
    startOfDayInstant(addMonths(from, 1)).toISOString(),
  );
  const refunds = await repo.monthRefunds(db, from, to);
  const returns: Placed<AuditReturn>[] = [
    ...stornos.map(
      (s): Placed<AuditReturn> => ({
        orderNumber: s.unique_sale_number,
        amountCents: Number(s.total_cents),
        date: asDate(s.reversed_at),
        method: s.payment_method,
        siteId: placed(s.site_id),
      }),
    ),
    ...refunds.map(
      (r): Placed<AuditReturn> => ({
        orderNumber:
          r.storno_unique_sale_number ??
          r.credit_note_number ??
          r.unique_sale_number ??
          r.payment_number ??
          '',
        amountCents: Number(r.amount_cents),
        date: r.refund_date,
        method: r.method,
        siteId: placed(
          (r.storno_site_id as string | null) ?? r.payment_site_id ?? siteOfDesk.get(r.account_id),
        ),
      }),
    ),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { year, month: m, orders, returns };
}

/** 400 month_in_future for a month not yet begun (this month is allowed, so far). */
function assertMonth(month: string) {
  if (month > todayDate().slice(0, 7))
    throw new DomainError('invalid', 'month_in_future', { field: 'month', params: { month } });
}

const fileNameOf = (uic: string, month: string, code: string | null) =>
  code ? `audit-${uic}-${code}-${month}.xml` : `audit-${uic}-${month}.xml`;

/** The site's code as `e_shop_n`: 409 nap_site_code_missing without one, nap_site_code_too_long over 10 characters. */
function siteCodeOf(site: FiscalSite): string {
  const code = site.napSiteCode?.trim();
  if (!code)
    throw new DomainError('conflict', 'nap_site_code_missing', {
      field: 'napSiteCode',
      params: { site: site.name },
    });
  if (code.length > SHOP_N_MAX)
    throw new DomainError('conflict', 'nap_site_code_too_long', {
      field: 'napSiteCode',
      params: { site: site.name, code, max: SHOP_N_MAX },
    });
  return code;
}

/** The company's sites with what each sold in the month, for the screen's one download per site. */
export async function napAuditSites(db: Executor, month: string): Promise<AuditFileSites> {
  assertMonth(month);
  const [company, sites] = await Promise.all([getCompanySettings(db), listSites(db)]);
  const data = await monthOf(db, month, sites);
  const count = (xs: { siteId: string | null }[], id: string) => xs.filter((x) => x.siteId === id).length;
  const sold = new Set([...data.orders, ...data.returns].map((x) => x.siteId).filter(Boolean));
  return {
    month,
    siteRequired: sold.size > 1 || (sold.size === 0 && sites.length > 1),
    sites: sites.map((s) => {
      const code = s.napSiteCode?.trim() || null;
      return {
        id: s.id,
        name: s.name,
        napSiteCode: code,
        orders: count(data.orders, s.id),
        returns: count(data.returns, s.id),
        fileName: code && company.uic ? fileNameOf(company.uic, month, code) : null,
      };
    }),
  };
}

/**
 * The file of a month (YYYY-MM) for a site: the site named, else the one site that sold in the month, else the
 * company's one site; several sold (or several and none sold): 400 nap_audit_site_required. A month not yet begun
 * is 400 month_in_future; without the ЕИК 409; a site without a NAP code 409 nap_site_code_missing. An installation
 * without sites (no device ever set up) gets one file of everything, as before ADR 0043.
 */
export async function napAuditFile(
  db: Executor,
  month: string,
  siteId?: string,
): Promise<{ fileName: string; body: Buffer }> {
  assertMonth(month);
  const today = todayDate();
  const sites = await listSites(db);
  let site: FiscalSite | null = null;
  if (siteId) {
    site = sites.find((s) => s.id === siteId) ?? null;
    if (!site) throw new DomainError('invalid', 'fiscal_site_unknown', { field: 'siteId' });
  }
  const company = await getCompanySettings(db);
  if (!company.uic) throw new DomainError('conflict', 'company_uic_missing', { field: 'uic', params: {} });
  const data = await monthOf(db, month, sites);
  if (!site && sites.length) {
    const sold = [...new Set([...data.orders, ...data.returns].map((x) => x.siteId))];
    const only = sold.length === 1 ? sold[0] : sold.length === 0 && sites.length === 1 ? sites[0]?.id : null;
    site = sites.find((s) => s.id === only) ?? null;
    if (!site)
      throw new DomainError('invalid', 'nap_audit_site_required', {
        field: 'siteId',
        params: { sites: sites.map((s) => s.name).join(', ') },
      });
  }
  const code = site ? siteCodeOf(site) : null;
  const mine = <T extends { siteId: string | null }>(xs: T[]) =>
    site ? xs.filter((x) => x.siteId === site.id) : xs;
  const body = buildAuditFile({
    uic: company.uic,
    siteId: code ?? NO_SITE,
    domain: company.website ?? '',
    creationDate: today,
    year: data.year,
    month: data.month,
    orders: mine(data.orders),
    returns: mine(data.returns),
  });
  return { fileName: fileNameOf(company.uic, month, code), body };
}
