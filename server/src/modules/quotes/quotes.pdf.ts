/**
 * The printed repair quote (оферта за ремонт) in Bulgarian or English, laid out by the shared PDF layout
 * (server/src/pdf) as the order documents are: the customer and the item, the complaint, the planned parts, labour
 * and charges with discounts and VAT, the totals with VAT per rate, the validity date and the notes for the customer.
 */
import type { Executor } from '../../db/database';
import { calendarDateOf } from '../../kernel/calendar';
import { dualDisplayOn, eurToBgn, printedRate } from '../../kernel/eur';
import {
  type DocumentBlock,
  type DocumentLanguage,
  documentFormat,
  type PrintedDocument,
  printedAddress,
  printedCompany,
  renderDocument,
  requisites,
  type TableColumn,
  tableBlock,
} from '../../pdf';
import { getCompanySettings, getLogoDataUrl } from '../company';
import { getItem } from '../items';
import { getPartyRequisites } from '../parties';
import type { QuoteDetail, QuoteLine } from './quotes.schema';
import { getQuote } from './quotes.service';

const WORDS = {
  bg: {
    title: 'Оферта за ремонт',
    customer: 'Клиент',
    item: 'Уред',
    serial: 'Сериен №',
    validUntil: 'Валидна до',
    order: 'Към сервизна поръчка',
    complaint: 'Оплакване',
    parts: 'Части',
    labour: 'Труд',
    charges: 'Други разходи',
    no: '№',
    name: 'Наименование',
    quantity: 'Кол.',
    normMinutes: 'Норма, мин',
    unitPrice: 'Ед. цена',
    discount: 'Отст.',
    vat: 'ДДС',
    value: 'Стойност',
    vatBase: (rate: string) => `Данъчна основа ${rate}`,
    vatOf: (rate: string) => `ДДС ${rate}`,
    netTotal: 'Общо без ДДС',
    vatTotal: 'ДДС',
    total: 'Общо за плащане',
    notes: 'Бележки',
    terms: 'Условия',
    termsText: (date: string) =>
      `Офертата е валидна до ${date} включително. Цените са в евро. Частите се поръчват или резервират след приемане на офертата.`,
    compiledBy: 'Съставил',
    accepted: 'Приел (клиент)',
    rate: 'Курс',
  },
  en: {
    title: 'Repair quote',
    customer: 'Customer',
    item: 'Item',
    serial: 'Serial no.',
    validUntil: 'Valid until',
    order: 'For service order',
    complaint: 'Complaint',
    parts: 'Parts',
    labour: 'Labour',
    charges: 'Other charges',
    no: 'No.',
    name: 'Description',
    quantity: 'Qty',
    normMinutes: 'Norm, min',
    unitPrice: 'Unit price',
    discount: 'Disc.',
    vat: 'VAT',
    value: 'Amount',
    vatBase: (rate: string) => `Taxable amount ${rate}`,
    vatOf: (rate: string) => `VAT ${rate}`,
    netTotal: 'Total without VAT',
    vatTotal: 'VAT',
    total: 'Total due',
    notes: 'Notes',
    terms: 'Terms',
    termsText: (date: string) =>
      `This quote is valid until ${date} inclusive. Prices are in euro. Parts are ordered or reserved once the quote is accepted.`,
    compiledBy: 'Prepared by',
    accepted: 'Accepted by (customer)',
    rate: 'Rate',
  },
} as const;

/** The printed title of a quote in a language (the file name uses it too). */
export function quoteDocumentTitle(language: DocumentLanguage): string {
  return WORDS[language].title;
}

/** The quote's layout: pure, from the quote and the requisites read for it. */
export function quotePrintedDocument(
  q: QuoteDetail,
  data: {
    company: Parameters<typeof printedCompany>[0];
    logoDataUrl: string | null;
    customer: Awaited<ReturnType<typeof getPartyRequisites>>;
    item: { brandName: string; modelName: string; serialNumber: string };
    /** The last day of dual display (EUR-02, the company setting); absent: 2026-08-08. */
    dualDisplayUntil?: string;
  },
  language: DocumentLanguage,
): PrintedDocument {
  const w = WORDS[language];
  const f = documentFormat(language);
  const date = calendarDateOf(new Date(q.sentAt ?? q.createdAt));
  // EUR-02: a consumer's quote dated in the dual-display period shows its totals in EUR and BGN, same font, with the
  // rate; afterwards EUR only.
  const dual = dualDisplayOn(date, data.dualDisplayUntil ?? '2026-08-08') !== null;
  const total = (c: number) => (dual ? `${f.money(c)} / ${f.money(eurToBgn(c), 'BGN')}` : f.money(c));
  const no: TableColumn<QuoteLine> = {
    header: w.no,
    width: 6,
    align: 'right',
    value: (_, i) => String(i + 1),
  };
  const money: TableColumn<QuoteLine>[] = [
    { header: w.unitPrice, width: 17, align: 'right', value: (l) => f.money(l.unitPriceCents) },
    {
      header: w.discount,
      width: 11,
      align: 'right',
      value: (l) => (l.discountBp ? f.percent(l.discountBp) : ''),
    },
    { header: w.vat, width: 10, align: 'right', value: (l) => f.percent(l.vatRateBp) },
    { header: w.value, width: 19, align: 'right', value: (l) => f.money(l.netCents) },
  ];
  const qty: TableColumn<QuoteLine> = {
    header: w.quantity,
    width: 12,
    align: 'right',
    value: (l) => f.quantity(l.quantityMilli, l.unit),
  };
  const name: TableColumn<QuoteLine> = { header: w.name, width: '*', value: (l) => l.description };
  const body: DocumentBlock[] = [
    {
      kind: 'facts',
      rows: [
        { label: w.validUntil, value: f.date(q.validUntil) },
        ...(q.orderNumber ? [{ label: w.order, value: q.orderNumber }] : []),
      ],
    },
    { kind: 'text', heading: w.complaint, text: q.complaint },
  ];
  const sections: [string, QuoteLine[], TableColumn<QuoteLine>[]][] = [
    [w.parts, q.lines.filter((l) => l.kind === 'part'), [no, name, qty, ...money]],
    [
      w.labour,
      q.lines.filter((l) => l.kind === 'labour'),
      [
        no,
        name,
        {
          header: w.normMinutes,
          width: 14,
          align: 'right',
          value: (l) => (l.normMinutes === null ? '' : String(l.normMinutes)),
        },
        qty,
        ...money,
      ],
    ],
    [w.charges, q.lines.filter((l) => l.kind === 'charge'), [no, name, qty, ...money]],
  ];
  for (const [heading, lines, cols] of sections)
    if (lines.length) body.push({ kind: 'text', heading, text: '' }, tableBlock(cols, lines));
  body.push({
    kind: 'totals',
    rows: [
      ...q.vatByRate.flatMap((r) => [
        { label: w.vatBase(f.percent(r.vatRateBp)), value: f.money(r.baseCents) },
        { label: w.vatOf(f.percent(r.vatRateBp)), value: f.money(r.vatCents) },
      ]),
      { label: w.netTotal, value: total(q.totals.netCents) },
      { label: w.vatTotal, value: total(q.totals.vatCents) },
      { label: w.total, value: total(q.totals.totalCents) },
      ...(dual ? [{ label: w.rate, value: printedRate(language) }] : []),
    ],
  });
  if (q.customerNotes?.trim()) body.push({ kind: 'text', heading: w.notes, text: q.customerNotes });
  body.push({ kind: 'text', heading: w.terms, text: w.termsText(f.date(q.validUntil)) });
  const c = data.customer;
  return {
    language,
    company: printedCompany(data.company, { date, logoDataUrl: data.logoDataUrl }),
    title: w.title.toLocaleUpperCase(language === 'bg' ? 'bg-BG' : 'en-GB'),
    number: q.number,
    date,
    parties: [
      {
        label: w.customer,
        name: c.name,
        lines: [
          printedAddress(c) || null,
          ...requisites(language, { uic: c.uic, vatNumber: c.vatNumber, phone: c.phone, email: c.email }),
        ],
      },
      {
        label: w.item,
        name: `${data.item.brandName} ${data.item.modelName}`,
        lines: [{ label: w.serial, value: data.item.serialNumber }],
      },
    ],
    body,
    signatures: [
      { label: w.compiledBy, name: null },
      { label: w.accepted, name: c.name },
    ],
  };
}

/** The quote's PDF and its file name; 404 when there is no such quote. */
export async function quotePdf(
  db: Executor,
  id: string,
  language: DocumentLanguage,
): Promise<{ filename: string; pdf: Buffer }> {
  const q = await getQuote(db, id);
  const [company, logoDataUrl, customer, item] = await Promise.all([
    getCompanySettings(db),
    getLogoDataUrl(db),
    getPartyRequisites(db, q.partyId),
    getItem(db, q.itemId),
  ]);
  const pdf = await renderDocument(
    quotePrintedDocument(
      q,
      { company, logoDataUrl, customer, item, dualDisplayUntil: company.dualDisplayUntil },
      language,
    ),
  );
  return { filename: `${quoteDocumentTitle(language)} ${q.number}.pdf`, pdf };
}
