/**
 * The cash desk's day report (дневен отчет на каса) in Bulgarian, or Bulgarian and English side by side (never
 * English only, INV-04): the opening balance, the money in and out by kind, the closing balance and the day's
 * movements with the running balance, laid out by the shared PDF layout (server/src/pdf).
 */
import type { Executor } from '../../db/database';
import { COMPANY_TIME_ZONE } from '../../kernel/calendar';
import {
  type DocumentBlock,
  documentFormat,
  type PrintedDocument,
  printedCompany,
  renderDocument,
  type TableColumn,
  tableBlock,
} from '../../pdf';
import { getCompanySettings, getLogoDataUrl } from '../company';
import type { AccountMovement, DayReport } from './money.schema';
import { dayReport } from './money.service';
import type { MoneyMovementKind } from './money.table';

export type DayReportLanguage = 'bg' | 'bg+en';

const BG = {
  title: 'Дневен отчет на каса',
  account: 'Каса',
  opening: 'Начално салдо',
  ins: 'Постъпления',
  outs: 'Плащания',
  totalIn: 'Общо постъпления',
  totalOut: 'Общо плащания',
  closing: 'Крайно салдо',
  movements: 'Движения',
  number: 'Документ №',
  kind: 'Вид',
  reason: 'Основание',
  amount: 'Сума',
  balance: 'Салдо',
  none: 'Няма движения през деня.',
  cashier: 'Касиер',
  checked: 'Проверил',
  fiscal: 'Равнение с фискалното устройство',
  deviceCashZ: 'Наличност по ФУ (Z отчет)',
  deviceCashLive: 'Наличност по ФУ (прочетена)',
  readAt: 'Прочетена в',
  balanceAtZ: 'Салдо на касата при Z отчета',
  difference: 'Разлика (каса − ФУ)',
  reconciled: 'Касата е равнена с ФУ.',
  notReconciled: 'РАЗЛИКА: касата не е равнена с ФУ.',
  noZReport: 'Няма Z отчет за деня: наличността по ФУ не е известна.',
  notFiscalised: 'Движения, записани без фискално устройство',
  sales: 'Касови бележки по обект и работно място',
  place: 'Обект · работно място · ФУ',
  method: 'Плащане',
  receipts: 'Бележки',
  stornos: 'Сторно',
  net: 'Нето',
  noSales: 'Няма касови бележки и сторно през деня.',
  noDevice: 'без фискално устройство',
  cash: 'в брой',
  card: 'с карта',
  byDevice: 'По фискално устройство (за равнение със Z отчета)',
  device: 'ФУ',
  thisDesk: 'От тази каса',
  deviceDay: 'Всичко на ФУ за деня',
  zReport: 'Z отчет',
  matches: 'Бележките на ФУ за деня са само от тази каса: сумите му са тези на Z отчета.',
  otherAccounts:
    '{device} има за деня и бележки към други сметки: Z отчетът му е {total}, от тази каса {own}.',
  notPrinted: 'Записани, но неотпечатани на ФУ (не са в Z отчета)',
} as const;
const EN: Record<keyof typeof BG, string> = {
  title: 'Cash desk day report',
  account: 'Cash desk',
  opening: 'Opening balance',
  ins: 'Money in',
  outs: 'Money out',
  totalIn: 'Total in',
  totalOut: 'Total out',
  closing: 'Closing balance',
  movements: 'Movements',
  number: 'Document No.',
  kind: 'Kind',
  reason: 'Reason',
  amount: 'Amount',
  balance: 'Balance',
  none: 'No movements on the day.',
  cashier: 'Cashier',
  checked: 'Checked by',
  fiscal: 'Reconciliation with the fiscal device',
  deviceCashZ: 'Fiscal device cash (Z report)',
  deviceCashLive: 'Fiscal device cash (read now)',
  readAt: 'Read at',
  balanceAtZ: 'Cash desk balance at the Z report',
  difference: 'Difference (desk − device)',
  reconciled: 'The cash desk reconciles with the fiscal device.',
  notReconciled: 'DIFFERENCE: the cash desk does not reconcile with the fiscal device.',
  noZReport: 'No Z report on the day: the fiscal device cash is not known.',
  notFiscalised: 'Movements recorded without a fiscal device',
  sales: 'Sale receipts by site and workstation',
  place: 'Site · workstation · device',
  method: 'Payment',
  receipts: 'Receipts',
  stornos: 'Storno',
  net: 'Net',
  noSales: 'No sale receipts or stornos on the day.',
  noDevice: 'no fiscal device',
  cash: 'cash',
  card: 'card',
  byDevice: 'By fiscal device (to reconcile with its Z report)',
  device: 'Device',
  thisDesk: 'From this desk',
  deviceDay: 'All on the device that day',
  zReport: 'Z report',
  matches: "The device's receipts of the day are all this desk's: its sums are the Z report's.",
  otherAccounts:
    '{device} also printed receipts into other accounts: its Z report is {total}, this desk {own}.',
  notPrinted: 'Recorded, not printed on a device (not in its Z report)',
};
const KINDS_BG: Record<MoneyMovementKind, string> = {
  cash_in: 'Внасяне',
  cash_out: 'Изплащане',
  expense: 'Разход',
  supplier_payment: 'Плащане на доставчик',
  transfer: 'Прехвърляне',
  customer_payment: 'Плащане от клиент',
  reversal: 'Сторно',
};
const KINDS_EN: Record<MoneyMovementKind, string> = {
  cash_in: 'Cash in',
  cash_out: 'Cash out',
  expense: 'Expense',
  supplier_payment: 'Supplier payment',
  transfer: 'Transfer',
  customer_payment: 'Customer payment',
  reversal: 'Reversal',
};

function words(language: DayReportLanguage) {
  const both = language === 'bg+en';
  const pick = <K extends string>(bg: Record<K, string>, en: Record<K, string>, k: K) =>
    both ? `${bg[k]} / ${en[k]}` : bg[k];
  return {
    w: (k: keyof typeof BG) => pick(BG, EN, k),
    kind: (k: MoneyMovementKind) => pick(KINDS_BG, KINDS_EN, k),
  };
}

/** The reconciliation with the fiscal device (FIS-03): the closing balance, the device's cash, the difference. */
function reconciliationBlocks(
  x: NonNullable<DayReport['fiscal']>,
  w: (k: keyof typeof BG) => string,
  money: (cents: number) => string,
): DocumentBlock[] {
  const rows = [{ label: w('closing'), value: money(x.closingCents) }];
  if (x.deviceCashCents !== null) {
    rows.push({
      label: w(x.source === 'live' ? 'deviceCashLive' : 'deviceCashZ'),
      value: money(x.deviceCashCents),
    });
    if (x.balanceAtReadCents !== null && x.balanceAtReadCents !== x.closingCents)
      rows.push({ label: w('balanceAtZ'), value: money(x.balanceAtReadCents) });
    rows.push({ label: w('difference'), value: money(x.differenceCents ?? 0) });
  }
  const verdict =
    x.reconciled === null ? w('noZReport') : x.reconciled ? w('reconciled') : w('notReconciled');
  const readAt = x.readAt ? `${w('readAt')}: ${formatInstant(x.readAt)}.` : '';
  const notFiscalised = x.notFiscalised ? `${w('notFiscalised')}: ${x.notFiscalised}.` : '';
  // The difference is the block's last row: the totals layout prints it as the result.
  return [
    { kind: 'text', heading: w('fiscal'), text: [verdict, readAt, notFiscalised].filter(Boolean).join('\n') },
    { kind: 'totals', rows },
  ];
}

type Place = DayReport['sales']['places'][number];
type PlaceRow = { place: Place; method: 'cash' | 'card'; counts: Place['byMethod'][number] };

/** Where it was sold, as a cell: site · workstation · device (its ФУ number). */
function placeLabel(p: Place, w: (k: keyof typeof BG) => string): string {
  const device = p.deviceId ? [p.deviceName, p.fiscalNumber].filter(Boolean).join(' ') : w('noDevice');
  return [p.siteName, p.workstationName, device].filter(Boolean).join(' · ');
}

/**
 * The day's receipts and stornos of the desk by site · workstation · device, one row per payment method, then per
 * device what the desk's part is against all the device printed that day (its Z report, FIS-03; ADR 0043).
 */
function salesBlocks(
  sales: DayReport['sales'],
  w: (k: keyof typeof BG) => string,
  money: (cents: number) => string,
): DocumentBlock[] {
  if (!sales.places.length) return [{ kind: 'text', heading: w('sales'), text: w('noSales') }];
  const rows: PlaceRow[] = sales.places.flatMap((place) =>
    place.byMethod.map((m) => ({ place, method: m.method, counts: m })),
  );
  const cols: TableColumn<PlaceRow>[] = [
    { header: w('place'), width: '*', value: (r) => placeLabel(r.place, w) },
    { header: w('method'), width: 18, value: (r) => w(r.method) },
    {
      header: w('receipts'),
      width: 30,
      align: 'right',
      value: (r) => `${r.counts.receipts} · ${money(r.counts.receiptsCents)}`,
    },
    {
      header: w('stornos'),
      width: 28,
      align: 'right',
      value: (r) => `${r.counts.stornos} · ${money(r.counts.stornosCents)}`,
    },
    { header: w('net'), width: 22, align: 'right', value: (r) => money(r.counts.netCents) },
  ];
  const t = sales.total;
  const totals = [
    { label: w('receipts'), value: `${t.receipts} · ${money(t.receiptsCents)}` },
    { label: w('stornos'), value: `${t.stornos} · ${money(t.stornosCents)}` },
    ...t.byMethod.map((m) => ({ label: `${w('net')}: ${w(m.method)}`, value: money(m.netCents) })),
    { label: w('net'), value: money(t.netCents) },
  ];
  const deviceCols: TableColumn<DayReport['sales']['devices'][number]>[] = [
    {
      header: w('device'),
      width: '*',
      value: (d) => [d.deviceName, d.fiscalNumber].filter(Boolean).join(' '),
    },
    { header: w('thisDesk'), width: 28, align: 'right', value: (d) => money(d.netCents) },
    { header: w('deviceDay'), width: 32, align: 'right', value: (d) => money(d.deviceDay.netCents) },
    {
      header: w('zReport'),
      width: 30,
      value: (d) => d.zReports.map((z) => formatInstant(z.at).slice(-5)).join(', ') || '—',
    },
  ];
  const notes = sales.devices.map((d) =>
    d.matchesDevice
      ? `${[d.deviceName, d.fiscalNumber].filter(Boolean).join(' ')}: ${w('matches')}`
      : w('otherAccounts')
          .replaceAll('{device}', [d.deviceName, d.fiscalNumber].filter(Boolean).join(' '))
          .replaceAll('{total}', money(d.deviceDay.netCents))
          .replaceAll('{own}', money(d.netCents)),
  );
  if (t.notPrinted) notes.push(`${w('notPrinted')}: ${t.notPrinted}.`);
  return [
    { kind: 'text', heading: w('sales'), text: '' },
    tableBlock(cols, rows),
    { kind: 'totals', rows: totals },
    ...(sales.devices.length
      ? [
          { kind: 'text', heading: w('byDevice'), text: '' } as DocumentBlock,
          tableBlock(deviceCols, sales.devices),
        ]
      : []),
    ...(notes.length ? [{ kind: 'text', text: notes.join('\n') } as DocumentBlock] : []),
  ];
}

/** An instant as the company reads it: dd.mm.yyyy hh:mm in Sofia. */
function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat('bg-BG', {
    timeZone: COMPANY_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** The day report's layout: pure, from the report and the company. */
export function dayReportDocument(
  r: DayReport,
  company: Parameters<typeof printedCompany>[0],
  logoDataUrl: string | null,
  language: DayReportLanguage,
): PrintedDocument {
  const { w, kind } = words(language);
  const f = documentFormat('bg');
  const cols: TableColumn<AccountMovement>[] = [
    { header: w('number'), width: 22, value: (m) => m.number },
    { header: w('kind'), width: 26, value: (m) => kind(m.kind) },
    {
      header: w('reason'),
      width: '*',
      value: (m) => [m.reason, m.counterAccountName, m.partyName].filter(Boolean).join(' · '),
    },
    { header: w('amount'), width: 20, align: 'right', value: (m) => f.money(m.amountCents) },
    { header: w('balance'), width: 20, align: 'right', value: (m) => f.money(m.balanceCents) },
  ];
  const body: DocumentBlock[] = [
    {
      kind: 'facts',
      rows: [
        { label: w('account'), value: r.accountName },
        { label: w('opening'), value: f.money(r.openingCents) },
      ],
    },
    {
      kind: 'totals',
      rows: [
        ...r.ins.map((x) => ({ label: `${w('ins')}: ${kind(x.kind)}`, value: f.money(x.amountCents) })),
        { label: w('totalIn'), value: f.money(r.totalInCents) },
        ...r.outs.map((x) => ({ label: `${w('outs')}: ${kind(x.kind)}`, value: f.money(x.amountCents) })),
        { label: w('totalOut'), value: f.money(r.totalOutCents) },
        { label: w('closing'), value: f.money(r.closingCents) },
      ],
    },
  ];
  if (r.fiscal) body.push(...reconciliationBlocks(r.fiscal, w, f.money));
  body.push(...salesBlocks(r.sales, w, f.money));
  body.push({ kind: 'text', heading: w('movements'), text: r.movements.length ? '' : w('none') });
  if (r.movements.length) body.push(tableBlock(cols, r.movements));
  return {
    language: 'bg',
    company: printedCompany(company, { date: r.date, logoDataUrl }),
    title: w('title').toLocaleUpperCase('bg-BG'),
    number: '',
    date: r.date,
    body,
    signatures: [
      { label: w('cashier'), name: null },
      { label: w('checked'), name: null },
    ],
  };
}

/** The day report's PDF and file name; 404 when there is no such account. */
export async function dayReportPdf(
  db: Executor,
  accountId: string,
  date: string | undefined,
  language: DayReportLanguage,
  deviceCash?: 'z_report' | 'live',
): Promise<{ filename: string; pdf: Buffer; report: DayReport }> {
  const report = await dayReport(db, accountId, date, deviceCash);
  const [company, logoDataUrl] = await Promise.all([getCompanySettings(db), getLogoDataUrl(db)]);
  const pdf = await renderDocument(dayReportDocument(report, company, logoDataUrl, language));
  return { filename: `${BG.title} ${report.accountName} ${report.date}.pdf`, pdf, report };
}
