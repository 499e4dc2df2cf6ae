/**
 * The customer's copy of a sale receipt (ADR 0022) in Bulgarian, or Bulgarian and English side by side (never English
 * only, INV-04): not the fiscal receipt itself (the device prints that) but its copy with the УНП and the device's
 * receipt number, date and fiscal memory, or "not fiscalised", and the storno when it was reversed.
 */
import type { Executor } from '../../db/database';
import { printedRate } from '../../kernel/eur';
import { documentFormat, printedCompany, renderDocument, type TableColumn, tableBlock } from '../../pdf';
import { getCompanySettings, getLogoDataUrl } from '../company';
import { getReceipt } from './receipts.service';

export type ReceiptLanguage = 'bg' | 'bg_en';

const BG = {
  title: 'Касова бележка (копие)',
  customer: 'Клиент',
  order: 'Поръчка',
  usn: 'УНП',
  method: 'Плащане',
  cash: 'в брой',
  card: 'с карта',
  fiscal: 'Фискален бон',
  notFiscalised: 'не е фискализирана (няма фискално устройство)',
  pending: 'не е отпечатана на фискалното устройство',
  storno: 'Сторнирана',
  description: 'Описание',
  quantity: 'Количество',
  'operator-error': 'операторска грешка',
  refund: 'връщане или рекламация',
  'taxbase-reduction': 'намаляване на данъчната основа',
  total: 'Сума',
  net: 'Без ДДС',
  vat: 'ДДС',
  grand: 'Общо',
  grandOther: 'Общо в',
  rate: 'Курс',
} as const;
const EN: Record<keyof typeof BG, string> = {
  title: 'Sale receipt (copy)',
  customer: 'Customer',
  order: 'Order',
  usn: 'Unique sale number',
  method: 'Payment',
  cash: 'cash',
  card: 'card',
  fiscal: 'Fiscal receipt',
  notFiscalised: 'not fiscalised (no fiscal device)',
  pending: 'not printed on the fiscal device',
  storno: 'Reversed',
  description: 'Description',
  quantity: 'Quantity',
  'operator-error': 'operator error',
  refund: 'refund',
  'taxbase-reduction': 'tax base reduction',
  total: 'Amount',
  net: 'Net',
  vat: 'VAT',
  grand: 'Total',
  grandOther: 'Total in',
  rate: 'Rate',
};

export async function receiptPdf(
  db: Executor,
  id: string,
  language: ReceiptLanguage,
): Promise<{ filename: string; pdf: Buffer }> {
  const r = await getReceipt(db, id);
  const [company, logoDataUrl] = await Promise.all([getCompanySettings(db), getLogoDataUrl(db)]);
  const w = (k: keyof typeof BG) => (language === 'bg_en' ? `${BG[k]} / ${EN[k]}` : BG[k]);
  const f = documentFormat('bg');
  const money = (c: number) => f.money(c, r.currency);
  type Line = SaleReceiptLineView;
  const cols: TableColumn<Line>[] = [
    { header: w('description'), width: '*', value: (l) => l.description },
    { header: w('quantity'), width: 22, align: 'right', value: (l) => f.quantity(l.quantityMilli, l.unit) },
    { header: w('total'), width: 28, align: 'right', value: (l) => money(l.totalCents) },
  ];
  const fiscal =
    r.fiscalStatus === 'printed'
      ? `№ ${r.receiptNumber} · ${r.receiptDateTime} · ФП ${r.fiscalMemorySerialNumber}`
      : r.fiscalStatus === 'no_device'
        ? w('notFiscalised')
        : w('pending');
  const pdf = await renderDocument({
    language: 'bg',
    company: printedCompany(company, { date: r.documentDate, logoDataUrl }),
    title: w('title').toLocaleUpperCase('bg-BG'),
    number: r.number,
    date: r.documentDate,
    body: [
      {
        kind: 'facts',
        rows: [
          ...(r.partyName ? [{ label: w('customer'), value: r.partyName }] : []),
          ...(r.orderNumber ? [{ label: w('order'), value: r.orderNumber }] : []),
          { label: w('usn'), value: r.uniqueSaleNumber },
          { label: w('method'), value: w(r.method) },
          { label: w('fiscal'), value: fiscal },
          ...(r.status === 'reversed'
            ? [
                {
                  label: w('storno'),
                  value: [r.stornoReason ? w(r.stornoReason) : '', r.stornoReceiptNumber ?? '']
                    .join(' ')
                    .trim(),
                },
              ]
            : []),
        ],
      },
      tableBlock(cols, r.lines),
      {
        kind: 'totals',
        rows: [
          { label: w('net'), value: money(r.netCents) },
          { label: w('vat'), value: money(r.vatCents) },
          { label: w('grand'), value: money(r.totalCents) },
          // EUR-07: during dual display the total again in the other currency, then the rate, in the same font.
          ...(r.dualTotal
            ? [
                {
                  label: `${w('grandOther')} ${r.dualTotal.currency === 'BGN' ? 'лв.' : 'EUR'}`,
                  value: f.money(r.dualTotal.totalCents, r.dualTotal.currency),
                },
                { label: w('rate'), value: printedRate('bg') },
              ]
            : []),
        ],
      },
    ],
    signatures: [],
  });
  return { filename: `${BG.title} ${r.number}.pdf`, pdf };
}

type SaleReceiptLineView = Awaited<ReturnType<typeof getReceipt>>['lines'][number];
