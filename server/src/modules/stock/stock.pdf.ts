/**
 * The printed stock documents (STK-01..06): складова разписка, искане / стокова разписка, протокол за трансфер,
 * протокол за бракуване and инвентаризационен опис, laid out by the shared PDF layout (server/src/pdf), in
 * Bulgarian or English. A draft prints with a "ЧЕРНОВА" subtitle and no number.
 */
import type { Executor } from '../../db/database';
import type { FieldView } from '../../kernel/fields';
import {
  type DocumentBlock,
  type DocumentLanguage,
  documentFormat,
  type PrintedDocument,
  type PrintedParty,
  printedAddress,
  printedCompany,
  renderDocument,
  requisites,
  type TableColumn,
  tableBlock,
} from '../../pdf';
import { getCompanySettings, getLogoDataUrl } from '../company';
import type { StockFieldGroup } from './stock.access';
import { getStockDocument, type SignatureRole, type StockDocumentPrint } from './stock.print';
import type { StockDocumentLine, Warehouse } from './stock.schema';

/** A transfer prints as a handover between the two МОЛ (STK-04). */
const TRANSFER_TITLE: Record<DocumentLanguage, string> = {
  bg: 'Приемо-предавателен протокол за трансфер',
  en: 'Transfer handover protocol',
};

/** The printed title of a stock document in a language. */
export function stockDocumentTitle(p: StockDocumentPrint, language: DocumentLanguage): string {
  return p.document.type === 'transfer' ? TRANSFER_TITLE[language] : p.title[language];
}

interface Words {
  draft: string;
  reversal: (ref: string) => string;
  supplier: string;
  warehouse: string;
  fromWarehouse: string;
  toWarehouse: string;
  supplierDoc: string;
  reason: string;
  source: string;
  notes: string;
  no: string;
  code: string;
  name: string;
  unit: string;
  quantity: string;
  unitCost: string;
  value: string;
  counted: string;
  book: string;
  difference: string;
  differenceValue: string;
  lineCount: string;
  totalQuantity: string;
  goodsValue: string;
  landedCost: string;
  totalValue: string;
  gains: string;
  losses: string;
  van: string;
  signatures: Record<SignatureRole, string>;
}

const WORDS: Record<DocumentLanguage, Words> = {
  bg: {
    draft: 'ЧЕРНОВА',
    reversal: (ref) => `СТОРНО на ${ref}`,
    supplier: 'Доставчик',
    warehouse: 'Склад',
    fromWarehouse: 'От склад',
    toWarehouse: 'Към склад',
    supplierDoc: 'Документ на доставчика',
    reason: 'Основание',
    source: 'Към документ',
    notes: 'Забележки',
    no: '№',
    code: 'Код',
    name: 'Наименование',
    unit: 'Мярка',
    quantity: 'Количество',
    unitCost: 'Ед. цена',
    value: 'Стойност',
    counted: 'Преброено',
    book: 'По книги',
    difference: 'Разлика',
    differenceValue: 'Ст-ст на разликата',
    lineCount: 'Брой редове',
    totalQuantity: 'Общо количество',
    goodsValue: 'Стойност на стоката',
    landedCost: 'Допълнителни разходи',
    totalValue: 'Обща стойност',
    gains: 'Излишъци',
    losses: 'Липси',
    van: 'Сервизен автомобил',
    signatures: {
      delivered_by: 'Предал',
      received_by: 'Приел',
      issued_by: 'Издал',
      mol: 'МОЛ',
      commission_chair: 'Председател на комисията',
      commission_member: 'Член на комисията',
      approved_by: 'Утвърдил',
      compiled_by: 'Съставил',
    },
  },
  en: {
    draft: 'DRAFT',
    reversal: (ref) => `REVERSAL of ${ref}`,
    supplier: 'Supplier',
    warehouse: 'Warehouse',
    fromWarehouse: 'From warehouse',
    toWarehouse: 'To warehouse',
    supplierDoc: 'Supplier document',
    reason: 'Reason',
    source: 'For document',
    notes: 'Notes',
    no: 'No.',
    code: 'Code',
    name: 'Name',
    unit: 'Unit',
    quantity: 'Quantity',
    unitCost: 'Unit cost',
    value: 'Value',
    counted: 'Counted',
    book: 'Book',
    difference: 'Difference',
    differenceValue: 'Difference value',
    lineCount: 'Lines',
    totalQuantity: 'Total quantity',
    goodsValue: 'Goods value',
    landedCost: 'Landed costs',
    totalValue: 'Total value',
    gains: 'Surpluses',
    losses: 'Shortages',
    van: 'Service van',
    signatures: {
      delivered_by: 'Delivered by',
      received_by: 'Received by',
      issued_by: 'Issued by',
      mol: 'Accountable person',
      commission_chair: 'Commission chair',
      commission_member: 'Commission member',
      approved_by: 'Approved by',
      compiled_by: 'Compiled by',
    },
  },
};

function warehouseParty(label: string, w: Warehouse, words: Words, language: DocumentLanguage): PrintedParty {
  return {
    label,
    name: `${w.name} (${w.code})`,
    lines: [
      w.kind === 'van' && w.technicianName ? `${words.van}: ${w.technicianName}` : null,
      ...requisites(language, { mol: w.molName }),
    ],
  };
}

function partiesOf(p: StockDocumentPrint, words: Words, language: DocumentLanguage): PrintedParty[] {
  const parties: PrintedParty[] = [];
  if (p.supplier) {
    parties.push({
      label: words.supplier,
      name: p.supplier.name,
      lines: [
        printedAddress(p.supplier) || null,
        ...requisites(language, {
          uic: p.supplier.uic,
          vatNumber: p.supplier.vatNumber,
          mol: p.supplier.mol,
        }),
      ],
    });
  }
  if (p.document.type === 'transfer') {
    parties.push(warehouseParty(words.fromWarehouse, p.warehouse, words, language));
    if (p.toWarehouse) parties.push(warehouseParty(words.toWarehouse, p.toWarehouse, words, language));
  } else {
    parties.push(warehouseParty(words.warehouse, p.warehouse, words, language));
  }
  return parties;
}

/** What a print shows beyond quantities: costs and values only for the roles that may see them (STOCK_FIELDS). */
export interface StockPrintOptions {
  costs: boolean;
}

function linesTable(
  p: StockDocumentPrint,
  words: Words,
  language: DocumentLanguage,
  { costs }: StockPrintOptions,
): DocumentBlock {
  const f = documentFormat(language);
  const money = (c: number | null | undefined) => (c === null || c === undefined ? '' : f.money(c));
  const qty = (m: number | null) => (m === null ? '' : f.quantity(m));
  const head: TableColumn<StockDocumentLine>[] = [
    { header: words.no, width: 7, align: 'right', value: (_, i) => String(i + 1) },
    { header: words.code, width: 30, value: (l) => l.partCode },
    { header: words.name, width: '*', value: (l) => l.partName },
    { header: words.unit, width: 11, align: 'center', value: (l) => l.unit },
  ];
  if (p.document.type === 'count') {
    return tableBlock<StockDocumentLine>(
      [
        ...head,
        { header: words.counted, width: 17, align: 'right', value: (l) => qty(l.countedMilli) },
        { header: words.book, width: 17, align: 'right', value: (l) => qty(l.bookMilli) },
        { header: words.difference, width: 17, align: 'right', value: (l) => qty(l.differenceMilli) },
        ...(costs
          ? [
              {
                header: words.differenceValue,
                width: 21,
                align: 'right',
                value: (l) => money(l.valueCents),
              } satisfies TableColumn<StockDocumentLine>,
            ]
          : []),
      ],
      p.document.lines,
    );
  }
  return tableBlock<StockDocumentLine>(
    [
      ...head,
      { header: words.quantity, width: 17, align: 'right', value: (l) => qty(l.quantityMilli) },
      ...(costs
        ? ([
            {
              header: words.unitCost,
              width: 19,
              align: 'right',
              // What the value divides into (13 × 3,9569 € = 51,44 €), not the rounded stored unit cost.
              value: (l) =>
                l.valueCents != null && l.quantityMilli
                  ? f.unitCost(l.valueCents, l.quantityMilli)
                  : money(l.unitCostCents),
            },
            { header: words.value, width: 21, align: 'right', value: (l) => money(l.valueCents) },
          ] satisfies TableColumn<StockDocumentLine>[])
        : []),
    ],
    p.document.lines,
  );
}

function totalsOf(
  p: StockDocumentPrint,
  words: Words,
  language: DocumentLanguage,
  { costs }: StockPrintOptions,
): DocumentBlock {
  const f = documentFormat(language);
  const t = p.totals;
  const rows = [{ label: words.lineCount, value: String(p.document.lines.length) }];
  if (!costs) {
    if (p.document.type !== 'count')
      rows.push({ label: words.totalQuantity, value: f.quantity(t.quantityMilli) });
    return { kind: 'totals', rows };
  }
  if (p.document.type === 'count') {
    rows.push(
      { label: words.gains, value: f.money(t.gainsValueCents) },
      { label: words.losses, value: f.money(t.lossesValueCents) },
      { label: words.difference, value: f.money(t.gainsValueCents - t.lossesValueCents) },
    );
    return { kind: 'totals', rows };
  }
  rows.push({ label: words.totalQuantity, value: f.quantity(t.quantityMilli) });
  if (p.document.type === 'receipt' && t.landedCostCents !== 0) {
    rows.push(
      { label: words.goodsValue, value: f.money(t.goodsValueCents) },
      { label: words.landedCost, value: f.money(t.landedCostCents) },
    );
  }
  rows.push({ label: words.totalValue, value: f.money(t.valueCents) });
  return { kind: 'totals', rows };
}

/**
 * The layout of a stock document's print data in a language (pure: the tests and the route use it); without `costs`
 * the unit cost, value and value totals are left out (the quantities stay).
 */
export function stockPrintedDocument(
  p: StockDocumentPrint,
  company: PrintedDocument['company'],
  language: DocumentLanguage,
  options: StockPrintOptions = { costs: true },
): PrintedDocument {
  const words = WORDS[language];
  const f = documentFormat(language);
  const d = p.document;
  const facts = [
    d.supplierDocNumber || d.supplierDocDate
      ? { label: words.supplierDoc, value: f.documentRef(d.supplierDocNumber, d.supplierDocDate) }
      : null,
    d.reason ? { label: words.reason, value: d.reason } : null,
  ].filter((x) => x !== null);
  const subtitle =
    d.status === 'draft'
      ? words.draft
      : p.reversalOf
        ? words.reversal(f.documentRef(p.reversalOf.number, p.reversalOf.documentDate))
        : null;
  const body: DocumentBlock[] = [];
  if (facts.length > 0) body.push({ kind: 'facts', rows: facts });
  body.push(linesTable(p, words, language, options), totalsOf(p, words, language, options));
  if (d.notes?.trim()) body.push({ kind: 'text', heading: words.notes, text: d.notes.trim() });
  return {
    language,
    company,
    title: stockDocumentTitle(p, language).toLocaleUpperCase(language === 'bg' ? 'bg-BG' : 'en-GB'),
    number: d.number ?? '—',
    date: d.documentDate,
    subtitle,
    copyMark: null,
    parties: partiesOf(p, words, language),
    body,
    signatures: p.signatures.map((s) => ({ label: words.signatures[s.role], name: s.name })),
    signaturesPerRow: p.signatures.length > 4 ? 3 : undefined,
  };
}

/**
 * The PDF of a stock document and its file name, with costs and values only when `fields` (the reader's view of
 * STOCK_FIELDS) shows them; 404 when there is no such document.
 */
export async function stockDocumentPdf(
  db: Executor,
  id: string,
  language: DocumentLanguage,
  fields: FieldView<StockFieldGroup>,
): Promise<{ filename: string; pdf: Buffer }> {
  const costs = fields.sees('cost');
  const full = await getStockDocument(db, id);
  // The data behind the layout loses the costs too, so no later change of the layout can print them by mistake.
  const print = costs ? full : { ...full, document: fields.strip(full.document) };
  const settings = await getCompanySettings(db);
  const company = printedCompany(settings, {
    date: print.document.documentDate,
    logoDataUrl: await getLogoDataUrl(db),
  });
  const pdf = await renderDocument(stockPrintedDocument(print, company, language, { costs }));
  const number = print.document.number ?? WORDS[language].draft;
  return { filename: `${stockDocumentTitle(print, language)} ${number}.pdf`, pdf };
}
