/**
 * The standardised audit file of Н-18 Appendix 38 (стандартизиран одиторски файл, FIS-05 "data export to NAP"; ADR
 * 0039): NAP's dec_audit.xsd, element for element, built with xmlbuilder2 (it escapes text) and encoded in
 * windows-1251 as the schema and NAP's sample are. Pure: no database; the service gathers the month's sales.
 */
import iconv from 'iconv-lite';
import { create } from 'xmlbuilder2';
import { cents, mulDivRound, toDecimalString } from '../../kernel/money';

/** `paym`: 6 — "плащане, отразено с фискален бон": every sale of ours is paid at the till with a receipt. */
export const PAYM_FISCAL_RECEIPT = 6;

/** `r_paym`: how money went back (1 by payment account, 2 by card, 3 in cash, 4 other). */
export const RETURN_METHOD = { bank_transfer: 1, card: 2, cash: 3 } as const;

/** Lengths the schema allows. */
export const ART_NAME_MAX = 200;
export const ORD_N_MAX = 300;
export const DOMAIN_MAX = 200;
export const SHOP_N_MAX = 10;

export interface AuditLine {
  description: string;
  quantityMilli: number;
  /** Without VAT, before the discount (art_price). */
  unitPriceCents: number;
  discountBp: number;
  vatRateBp: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
}

/** One sale (orderenum): a sale receipt of an order, a counter sale, or a customer payment's receipt. */
export interface AuditOrder {
  /** ord_n: the УНП. */
  uniqueSaleNumber: string;
  /** ord_d and doc_date: the receipt's date. */
  date: string;
  /** doc_n: the receipt's number in its series (digits). */
  number: string;
  netCents: number;
  vatCents: number;
  totalCents: number;
  lines: AuditLine[];
}

/** One return (rorderenum): a storno of a sale receipt, or a customer refund. */
export interface AuditReturn {
  orderNumber: string;
  amountCents: number;
  date: string;
  method: keyof typeof RETURN_METHOD;
}

export interface AuditFile {
  /** ЕИК of the company (9 or 13 digits). */
  uic: string;
  /** e_shop_n: the site's identifier: the fiscal device's number, as in the УНП. */
  siteId: string;
  /** domain_name: the company's web address, if any. */
  domain: string;
  creationDate: string;
  year: number;
  month: number;
  orders: AuditOrder[];
  returns: AuditReturn[];
}

const money = (c: number) => toDecimalString(cents(c));

/** A quantity in thousandths as the schema's decimal with at most 2 places (half away from zero): 1500 → "1.50". */
export function quantityOf(milli: number): string {
  return toDecimalString(cents(mulDivRound(milli, 1, 10)));
}

/** The VAT rate as the schema's whole percent: 2000 bp → 20. */
export function vatPercentOf(bp: number): number {
  return Math.round(bp / 100);
}

/**
 * The discount of a line with VAT, as the device counts it (ADR 22: off quantity × unit price with VAT); 0 for a
 * line without one.
 */
export function lineDiscountCents(l: AuditLine): number {
  if (l.discountBp <= 0) return 0;
  const unitGross = mulDivRound(l.unitPriceCents, 10_000 + l.vatRateBp, 10_000);
  return mulDivRound(l.quantityMilli, unitGross, 1000) - l.totalCents;
}

/** Characters windows-1251 has no byte for become character references, so nothing turns into "?". */
function toWindows1251(xml: string): Buffer {
  const safe = xml.replace(/[^\p{ASCII}]/gu, (ch) => {
    const inCodePage = iconv.decode(iconv.encode(ch, 'win1251'), 'win1251') === ch;
    return inCodePage ? ch : `&#x${(ch.codePointAt(0) ?? 0).toString(16)};`;
  });
  return iconv.encode(safe, 'win1251');
}

/**
 * The file: <audit> with the header, <order> with one <orderenum> per sale (its lines in <art>), then the returns:
 * r_ord (how many orders were returned in whole or in part), <rorder> and r_total. Amounts are decimals with two
 * places in the period's currency.
 */
export function buildAuditFile(file: AuditFile): Buffer {
  const doc = create({ version: '1.0', encoding: 'windows-1251', invalidCharReplacement: '' });
  const audit = doc.ele('audit');
  audit.ele('eik').txt(file.uic);
  audit.ele('e_shop_n').txt(file.siteId.slice(0, SHOP_N_MAX));
  audit.ele('domain_name').txt(file.domain.slice(0, DOMAIN_MAX));
  audit.ele('e_shop_type').txt('1');
  audit.ele('creation_date').txt(file.creationDate);
  audit.ele('mon').txt(String(file.month).padStart(2, '0'));
  audit.ele('god').txt(String(file.year));
  const order = audit.ele('order');
  for (const o of file.orders) {
    const e = order.ele('orderenum');
    e.ele('ord_n').txt(o.uniqueSaleNumber.slice(0, ORD_N_MAX));
    e.ele('ord_d').txt(o.date);
    e.ele('doc_n').txt(o.number);
    e.ele('doc_date').txt(o.date);
    const art = e.ele('art');
    for (const l of o.lines) {
      const a = art.ele('artenum');
      a.ele('art_name').txt(l.description.slice(0, ART_NAME_MAX));
      a.ele('art_quant').txt(quantityOf(l.quantityMilli));
      a.ele('art_price').txt(money(l.unitPriceCents));
      a.ele('art_vat_rate').txt(String(vatPercentOf(l.vatRateBp)));
      a.ele('art_vat').txt(money(l.vatCents));
      a.ele('art_sum').txt(money(l.totalCents));
    }
    e.ele('ord_total1').txt(money(o.netCents));
    e.ele('ord_disc').txt(money(o.lines.reduce((s, l) => s + lineDiscountCents(l), 0)));
    e.ele('ord_vat').txt(money(o.vatCents));
    e.ele('ord_total2').txt(money(o.totalCents));
    e.ele('paym').txt(String(PAYM_FISCAL_RECEIPT));
  }
  audit.ele('r_ord').txt(String(new Set(file.returns.map((r) => r.orderNumber)).size));
  const rorder = audit.ele('rorder');
  for (const r of file.returns) {
    const e = rorder.ele('rorderenum');
    e.ele('r_ord_n').txt(r.orderNumber.slice(0, ORD_N_MAX));
    e.ele('r_amount').txt(money(r.amountCents));
    e.ele('r_date').txt(r.date);
    e.ele('r_paym').txt(String(RETURN_METHOD[r.method]));
  }
  audit.ele('r_total').txt(money(file.returns.reduce((s, r) => s + r.amountCents, 0)));
  return toWindows1251(doc.end({ prettyPrint: true }));
}
