/**
 * The printed invoice (фактура) in Bulgarian, or Bulgarian with English (never English only, INV-04), laid out by
 * the shared PDF layout (server/src/pdf) as quotes and orders are: both parties' requisites as copied onto the
 * invoice, the dates, the lines with quantity, unit, unit price, discount, tax base and VAT rate, the legal ground
 * of every line and document without VAT (INV-09, INV-10), the VAT per rate and the totals (INV-14).
 */
import type { Executor } from '../../db/database';
import { printedRate } from '../../kernel/eur';
import {
  type DocumentBlock,
  documentFormat,
  type PrintedDocument,
  type Requisite,
  renderDocument,
  requisites,
  type TableColumn,
  tableBlock,
} from '../../pdf';
import { getLogoDataUrl } from '../company';
import type { InvoiceDetail, InvoiceLine } from './sales.schema';
import { getInvoice, registerInvoiceRenderer, registerProtocolRenderer } from './sales.service';

const WORDS = {
  bg: {
    title: 'Фактура',
    titles: { invoice: 'Фактура', credit_note: 'Кредитно известие', debit_note: 'Дебитно известие' },
    toInvoice: 'Към фактура',
    proforma: 'Проформа фактура',
    fromProforma: 'По проформа фактура',
    validUntil: 'Валидна до',
    proformaNote: 'Проформа фактурата не е данъчен документ.',
    converted: 'ПРЕВЪРНАТА ВЪВ ФАКТУРА',
    toInvoiceOf: (number: string, date: string) => `№ ${number} от ${date}`,
    noteReason: 'Основание',
    protocol: 'Протокол за анулиране',
    cancelledDoc: 'Анулиран документ',
    docOf: (title: string, number: string, date: string) => `${title} № ${number} от ${date}`,
    cancelReason: 'Причина за анулирането',
    cancelledAt: 'Дата на анулиране',
    replacedBy: 'Заменен с',
    amount: 'Сума на документа',
    protocolText: 'Страните удостоверяват, че посоченият документ се анулира по причината, изложена по-горе.',
    forSupplier: 'За доставчика (име, подпис)',
    forRecipient: 'За получателя (име, подпис)',
    supplier: 'Доставчик',
    recipient: 'Получател',
    taxEventDate: 'Дата на данъчното събитие',
    currency: 'Валута',
    paymentMethod: 'Начин на плащане',
    dueDate: 'Падеж',
    order: 'По сервизна поръчка',
    bank: 'Банкова сметка',
    no: '№',
    name: 'Наименование на стоката/услугата',
    quantity: 'Кол.',
    unitPrice: 'Ед. цена без ДДС',
    discount: 'Отст.',
    base: 'Данъчна основа',
    vat: 'ДДС',
    vatBase: (rate: string) => `Данъчна основа ${rate}`,
    vatOf: (rate: string) => `ДДС ${rate}`,
    exemptBase: 'Данъчна основа без ДДС',
    netTotal: 'Обща данъчна основа',
    vatTotal: 'Общо ДДС',
    total: 'Сума за плащане',
    grounds: 'Основание за неначисляване на ДДС',
    notes: 'Бележки',
    cancelled: 'АНУЛИРАНА',
    receivedBy: 'Получател (име, подпис)',
    issuedBy: 'Съставил',
    methods: { cash: 'В брой', card: 'С карта', bank_transfer: 'По банков път' },
    personalIdWaived: 'ЕГН/ЛНЧ: не е предоставен (издадена с изрично потвърждение)',
    informative: (rate: string) => `За информация, по курс ${rate}`,
    convertedNote: (rate: string) =>
      `Известието е в евро: цените по фактурата в лева са преизчислени по курс ${rate}, закръглени до стотинка`,
  },
  en: {
    title: 'Invoice',
    titles: { invoice: 'Invoice', credit_note: 'Credit note', debit_note: 'Debit note' },
    toInvoice: 'To invoice',
    proforma: 'Proforma invoice',
    fromProforma: 'Under proforma invoice',
    validUntil: 'Valid until',
    proformaNote: 'A proforma invoice is not a tax document.',
    converted: 'CONVERTED INTO AN INVOICE',
    toInvoiceOf: (number: string, date: string) => `No. ${number} of ${date}`,
    noteReason: 'Reason',
    protocol: 'Cancellation protocol',
    cancelledDoc: 'Cancelled document',
    docOf: (title: string, number: string, date: string) => `${title} No. ${number} of ${date}`,
    cancelReason: 'Reason for the cancellation',
    cancelledAt: 'Cancelled on',
    replacedBy: 'Replaced by',
    amount: 'Amount of the document',
    protocolText: 'The parties confirm that the document above is cancelled for the reason given.',
    forSupplier: 'For the supplier (name, signature)',
    forRecipient: 'For the recipient (name, signature)',
    supplier: 'Supplier',
    recipient: 'Recipient',
    taxEventDate: 'Date of the taxable event',
    currency: 'Currency',
    paymentMethod: 'Payment method',
    dueDate: 'Due date',
    order: 'For service order',
    bank: 'Bank account',
    no: 'No.',
    name: 'Goods or service',
    quantity: 'Qty',
    unitPrice: 'Unit price excl. VAT',
    discount: 'Disc.',
    base: 'Taxable amount',
    vat: 'VAT',
    vatBase: (rate: string) => `Taxable amount ${rate}`,
    vatOf: (rate: string) => `VAT ${rate}`,
    exemptBase: 'Taxable amount without VAT',
    netTotal: 'Total taxable amount',
    vatTotal: 'Total VAT',
    total: 'Amount due',
    grounds: 'Grounds for not charging VAT',
    notes: 'Notes',
    cancelled: 'CANCELLED',
    receivedBy: 'Received by (name, signature)',
    issuedBy: 'Issued by',
    methods: { cash: 'Cash', card: 'Card', bank_transfer: 'Bank transfer' },
    personalIdWaived: 'Personal ID: not given (issued on explicit confirmation)',
    informative: (rate: string) => `For information, at ${rate}`,
    convertedNote: (rate: string) =>
      `This note is in EUR: the invoice's BGN prices converted at ${rate}, rounded to the cent`,
  },
} as const;

export type InvoiceLanguage = 'bg' | 'bg_en';
type Words = typeof WORDS.bg;

/** Bulgarian, with the English after a slash when both are asked for. */
function wordsOf(language: InvoiceLanguage) {
  const both = (pick: (w: Words | typeof WORDS.en) => string) =>
    language === 'bg' ? pick(WORDS.bg) : `${pick(WORDS.bg)} / ${pick(WORDS.en)}`;
  return both;
}

/** The invoice's layout: pure, from the invoice as issued (its copied requisites). */
export function invoicePrintedDocument(
  inv: InvoiceDetail,
  data: { logoDataUrl: string | null },
  language: InvoiceLanguage,
  proforma?: { validUntil: string | null; status: 'issued' | 'converted' | 'cancelled' },
): PrintedDocument {
  const t = wordsOf(language);
  const f = documentFormat('bg');
  const money = (c: number) => f.money(c, inv.currency);
  const rateOf = (l: Pick<InvoiceLine, 'vatRateBp' | 'vatExempt'>) =>
    l.vatExempt || !inv.supplier.vatRegistered ? '—' : f.percent(l.vatRateBp);
  const columns: TableColumn<InvoiceLine>[] = [
    { header: t((w) => w.no), width: 6, align: 'right', value: (_, i) => String(i + 1) },
    { header: t((w) => w.name), width: '*', value: (l) => l.description },
    {
      header: t((w) => w.quantity),
      width: 14,
      align: 'right',
      value: (l) => f.quantity(l.quantityMilli, l.unit),
    },
    { header: t((w) => w.unitPrice), width: 18, align: 'right', value: (l) => money(l.unitPriceCents) },
    {
      header: t((w) => w.discount),
      width: 10,
      align: 'right',
      value: (l) => (l.discountBp ? f.percent(l.discountBp) : ''),
    },
    { header: t((w) => w.base), width: 19, align: 'right', value: (l) => money(l.netCents) },
    { header: t((w) => w.vat), width: 9, align: 'right', value: rateOf },
  ];
  const related = inv.relatedInvoice;
  const facts = [
    ...(related
      ? [
          {
            label: t((w) => w.toInvoice),
            value: WORDS.bg.toInvoiceOf(related.number ?? '', f.date(related.documentDate)),
          },
        ]
      : []),
    ...(inv.proforma
      ? [
          {
            label: t((w) => w.fromProforma),
            value: WORDS.bg.toInvoiceOf(inv.proforma.number, f.date(inv.proforma.documentDate)),
          },
        ]
      : []),
    // A proforma has no tax event (INV-13): it prints how long it stands instead.
    ...(proforma
      ? proforma.validUntil
        ? [{ label: t((w) => w.validUntil), value: f.date(proforma.validUntil) }]
        : []
      : [{ label: t((w) => w.taxEventDate), value: f.date(inv.taxEventDate) }]),
    { label: t((w) => w.currency), value: inv.currency },
    { label: t((w) => w.paymentMethod), value: t((w) => w.methods[inv.paymentMethod]) },
    ...(inv.dueDate ? [{ label: t((w) => w.dueDate), value: f.date(inv.dueDate) }] : []),
    ...(inv.orderNumber ? [{ label: t((w) => w.order), value: inv.orderNumber }] : []),
    ...(inv.supplier.bank && inv.paymentMethod === 'bank_transfer'
      ? [{ label: t((w) => w.bank), value: inv.supplier.bank }]
      : []),
  ];
  const grounds = [
    ...new Set([
      ...(inv.noVatReason ? [inv.noVatReason] : []),
      ...inv.lines.flatMap((l) => (l.vatReason && (l.vatExempt || l.vatRateBp === 0) ? [l.vatReason] : [])),
    ]),
  ];
  const body: DocumentBlock[] = [
    { kind: 'facts', rows: facts },
    tableBlock(columns, inv.lines),
    {
      kind: 'totals',
      rows: [
        ...inv.vatByRate.flatMap((r) =>
          r.vatExempt
            ? [{ label: t((w) => w.exemptBase), value: money(r.baseCents) }]
            : [
                { label: t((w) => w.vatBase(f.percent(r.vatRateBp))), value: money(r.baseCents) },
                { label: t((w) => w.vatOf(f.percent(r.vatRateBp))), value: money(r.vatCents) },
              ],
        ),
        { label: t((w) => w.netTotal), value: money(inv.netCents) },
        { label: t((w) => w.vatTotal), value: money(inv.vatCents) },
        { label: t((w) => w.total), value: money(inv.totalCents) },
        // EUR-03: invoices are never dual; an informative amount in the other currency only when the setting asks.
        ...(inv.informativeTotals && !proforma
          ? [
              {
                label: t((w) => w.informative(printedRate('bg'))),
                value: f.money(inv.informativeTotals.totalCents, inv.informativeTotals.currency),
              },
            ]
          : []),
      ],
    },
  ];
  if (proforma) body.push({ kind: 'text', text: t((w) => w.proformaNote) });
  if (inv.noteReason) body.push({ kind: 'text', heading: t((w) => w.noteReason), text: inv.noteReason });
  // EUR-06: a 2026 note against a BGN invoice is in EUR; it cites the invoice (above) and says how it was converted.
  if (related && related.currency !== inv.currency)
    body.push({ kind: 'text', text: t((w) => w.convertedNote(printedRate(w === WORDS.en ? 'en' : 'bg'))) });
  if (grounds.length) body.push({ kind: 'text', heading: t((w) => w.grounds), text: grounds.join('; ') });
  if (inv.notes?.trim()) body.push({ kind: 'text', heading: t((w) => w.notes), text: inv.notes });
  const s = inv.supplier;
  const r = inv.recipient;
  const supplierLines: (string | Requisite | null)[] = [
    s.address,
    ...requisites('bg', { uic: s.uic, vatNumber: s.vatNumber, mol: s.mol }),
  ];
  const recipientLines: (string | Requisite | null)[] = [
    r.address,
    ...requisites('bg', { uic: r.uic, vatNumber: r.vatNumber, personalId: r.egn, mol: r.mol }),
    ...(inv.withoutPersonalId ? [t((w) => w.personalIdWaived)] : []),
  ];
  return {
    language: 'bg',
    company: {
      legalName: s.name,
      uic: s.uic,
      vatNumber: s.vatNumber,
      address: s.address,
      mol: s.mol,
      logoDataUrl: data.logoDataUrl,
    },
    title: (proforma ? t((w) => w.proforma) : t((w) => w.titles[inv.kind])).toLocaleUpperCase('bg-BG'),
    subtitle:
      proforma?.status === 'converted'
        ? t((w) => w.converted)
        : inv.status === 'cancelled' || proforma?.status === 'cancelled'
          ? t((w) => w.cancelled)
          : null,
    number: inv.number ?? '',
    date: inv.documentDate,
    copyMark: inv.status === 'draft' || proforma ? null : 'original',
    parties: [
      { label: t((w) => w.supplier), name: s.name, lines: supplierLines },
      { label: t((w) => w.recipient), name: r.name, lines: recipientLines },
    ],
    body,
    signatures: [
      { label: t((w) => w.receivedBy), name: inv.receivedBy },
      { label: t((w) => w.issuedBy), name: inv.issuedByName },
    ],
  };
}

/** Renders an invoice as it stands now (the service stores an issued one's first rendering). */
export async function renderInvoice(db: Executor, id: string, language: InvoiceLanguage): Promise<Buffer> {
  const [inv, logoDataUrl] = await Promise.all([getInvoice(db, id), getLogoDataUrl(db)]);
  return renderDocument(invoicePrintedDocument(inv, { logoDataUrl }, language));
}

registerInvoiceRenderer(renderInvoice);

/**
 * The cancellation protocol (протокол за анулиране, INV-12): the cancelled document's kind, number and date, both
 * parties as copied onto it, the reason, the replacing document when one was named, and both signatures.
 */
export function protocolPrintedDocument(
  inv: InvoiceDetail,
  data: { logoDataUrl: string | null },
  language: InvoiceLanguage,
): PrintedDocument {
  const t = wordsOf(language);
  const f = documentFormat('bg');
  const doc = (kind: InvoiceDetail['kind'], number: string | null, date: string) =>
    WORDS.bg.docOf(WORDS.bg.titles[kind], number ?? '', f.date(date));
  const s = inv.supplier;
  const r = inv.recipient;
  const facts = [
    { label: t((w) => w.cancelledDoc), value: doc(inv.kind, inv.number, inv.documentDate) },
    ...(inv.relatedInvoice
      ? [
          {
            label: t((w) => w.toInvoice),
            value: WORDS.bg.toInvoiceOf(
              inv.relatedInvoice.number ?? '',
              f.date(inv.relatedInvoice.documentDate),
            ),
          },
        ]
      : []),
    { label: t((w) => w.amount), value: f.money(inv.totalCents, inv.currency) },
    ...(inv.cancelledAt
      ? [{ label: t((w) => w.cancelledAt), value: f.date(inv.cancelledAt.slice(0, 10)) }]
      : []),
    ...(inv.replacedBy
      ? [
          {
            label: t((w) => w.replacedBy),
            value: doc(inv.replacedBy.kind, inv.replacedBy.number, inv.replacedBy.documentDate),
          },
        ]
      : []),
  ];
  return {
    language: 'bg',
    company: {
      legalName: s.name,
      uic: s.uic,
      vatNumber: s.vatNumber,
      address: s.address,
      mol: s.mol,
      logoDataUrl: data.logoDataUrl,
    },
    title: t((w) => w.protocol).toLocaleUpperCase('bg-BG'),
    subtitle: null,
    number: inv.number ?? '',
    date: inv.cancelledAt ? inv.cancelledAt.slice(0, 10) : inv.documentDate,
    copyMark: null,
    parties: [
      {
        label: t((w) => w.supplier),
        name: s.name,
        lines: [s.address, ...requisites('bg', { uic: s.uic, vatNumber: s.vatNumber, mol: s.mol })],
      },
      {
        label: t((w) => w.recipient),
        name: r.name,
        lines: [
          r.address,
          ...requisites('bg', { uic: r.uic, vatNumber: r.vatNumber, personalId: r.egn, mol: r.mol }),
        ],
      },
    ],
    body: [
      { kind: 'facts', rows: facts },
      { kind: 'text', heading: t((w) => w.cancelReason), text: inv.cancelReason ?? '' },
      { kind: 'text', text: WORDS.bg.protocolText },
    ],
    signatures: [
      { label: t((w) => w.forSupplier), name: null },
      { label: t((w) => w.forRecipient), name: null },
    ],
  };
}

export async function renderProtocol(db: Executor, id: string, language: InvoiceLanguage): Promise<Buffer> {
  const [inv, logoDataUrl] = await Promise.all([getInvoice(db, id), getLogoDataUrl(db)]);
  return renderDocument(protocolPrintedDocument(inv, { logoDataUrl }, language));
}

registerProtocolRenderer(renderProtocol);
