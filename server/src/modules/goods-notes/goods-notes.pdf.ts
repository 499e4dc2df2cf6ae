/**
 * The printed goods delivery note (стокова разписка, ADR 0024) in Bulgarian, or Bulgarian with English (never English
 * only): both parties as copied onto the note, the order it closes, the lines with quantity, unit price, discount and
 * amount, the totals, and the signatures of who handed over and who received. A handover of zero value says so.
 */
import type { Executor } from '../../db/database';
import {
  type DocumentBlock,
  documentFormat,
  type PrintedDocument,
  renderDocument,
  requisites,
  type TableColumn,
  tableBlock,
} from '../../pdf';
import { getLogoDataUrl } from '../company';
import type { GoodsNote } from './goods-notes.schema';
import { getGoodsNote, registerGoodsNoteRenderer } from './goods-notes.service';

const BG = {
  title: 'Стокова разписка',
  supplier: 'Доставчик',
  recipient: 'Получател',
  order: 'По сервизна поръчка',
  currency: 'Валута',
  no: '№',
  name: 'Наименование на стоката/услугата',
  quantity: 'Кол.',
  unitPrice: 'Ед. цена без ДДС',
  discount: 'Отст.',
  amount: 'Стойност',
  net: 'Стойност без ДДС',
  vat: 'ДДС',
  total: 'Общо',
  zeroValue: 'Предаване без заплащане: ремонтът е по гаранция или договор, клиентът не дължи сума.',
  warranty: 'гаранция',
  notes: 'Бележки',
  handedOver: 'Предал',
  receivedBy: 'Получил (име, подпис)',
} as const;
const EN: Record<keyof typeof BG, string> = {
  title: 'Goods delivery note',
  supplier: 'Supplier',
  recipient: 'Recipient',
  order: 'For service order',
  currency: 'Currency',
  no: 'No.',
  name: 'Goods or service',
  quantity: 'Qty',
  unitPrice: 'Unit price excl. VAT',
  discount: 'Disc.',
  amount: 'Amount',
  net: 'Amount excl. VAT',
  vat: 'VAT',
  total: 'Total',
  zeroValue: 'Handover of zero value: the repair is under warranty or contract, the customer owes nothing.',
  warranty: 'warranty',
  notes: 'Notes',
  handedOver: 'Handed over by',
  receivedBy: 'Received by (name, signature)',
};

export type GoodsNoteLanguage = 'bg' | 'bg_en';

/** The note's layout: pure, from the note as issued (its copied requisites). */
export function goodsNotePrintedDocument(
  n: GoodsNote,
  data: { logoDataUrl: string | null },
  language: GoodsNoteLanguage,
): PrintedDocument {
  const w = (k: keyof typeof BG) => (language === 'bg_en' ? `${BG[k]} / ${EN[k]}` : BG[k]);
  const f = documentFormat('bg');
  const money = (c: number) => f.money(c, n.currency);
  type Line = GoodsNote['lines'][number];
  const columns: TableColumn<Line>[] = [
    { header: w('no'), width: 6, align: 'right', value: (_, i) => String(i + 1) },
    {
      header: w('name'),
      width: '*',
      value: (l) => (l.payer === 'customer' ? l.description : `${l.description} (${w('warranty')})`),
    },
    { header: w('quantity'), width: 14, align: 'right', value: (l) => f.quantity(l.quantityMilli, l.unit) },
    { header: w('unitPrice'), width: 18, align: 'right', value: (l) => money(l.unitPriceCents) },
    {
      header: w('discount'),
      width: 10,
      align: 'right',
      value: (l) => (l.discountBp ? f.percent(l.discountBp) : ''),
    },
    { header: w('amount'), width: 19, align: 'right', value: (l) => money(l.netCents) },
  ];
  const body: DocumentBlock[] = [
    {
      kind: 'facts',
      rows: [
        ...(n.orderNumber ? [{ label: w('order'), value: n.orderNumber }] : []),
        { label: w('currency'), value: n.currency },
      ],
    },
    tableBlock(columns, n.lines),
    {
      kind: 'totals',
      rows: [
        { label: w('net'), value: money(n.netCents) },
        { label: w('vat'), value: money(n.vatCents) },
        { label: w('total'), value: money(n.totalCents) },
      ],
    },
  ];
  if (n.zeroValue) body.push({ kind: 'text', text: w('zeroValue') });
  if (n.notes?.trim()) body.push({ kind: 'text', heading: w('notes'), text: n.notes });
  const s = n.supplier;
  const r = n.recipient;
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
    title: w('title').toLocaleUpperCase('bg-BG'),
    subtitle: null,
    number: n.number,
    date: n.documentDate,
    copyMark: 'original',
    parties: [
      {
        label: w('supplier'),
        name: s.name,
        lines: [s.address, ...requisites('bg', { uic: s.uic, vatNumber: s.vatNumber, mol: s.mol })],
      },
      {
        label: w('recipient'),
        name: r.name,
        lines: [r.address, ...requisites('bg', { uic: r.uic, vatNumber: r.vatNumber, mol: r.mol })],
      },
    ],
    body,
    signatures: [
      { label: w('handedOver'), name: n.issuedByName },
      { label: w('receivedBy'), name: n.receivedBy },
    ],
  };
}

export async function renderGoodsNote(
  db: Executor,
  id: string,
  language: GoodsNoteLanguage,
): Promise<Buffer> {
  const [n, logoDataUrl] = await Promise.all([getGoodsNote(db, id), getLogoDataUrl(db)]);
  return renderDocument(goodsNotePrintedDocument(n, { logoDataUrl }, language));
}

registerGoodsNoteRenderer(renderGoodsNote);
