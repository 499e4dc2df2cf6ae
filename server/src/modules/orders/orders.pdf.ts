/**
 * The printed documents of a service order, laid out by the shared PDF layout (server/src/pdf) in Bulgarian or
 * English: the intake protocol (приемо-предавателен протокол, with the QR code of the public status page), the work
 * report (протокол за извършена работа), the warranty protocol for the claim to the brand or the supplier
 * (гаранционен протокол) and the warranty card of the repair (гаранционна карта). Pure layouts of an `OrderPrint`;
 * orders.print.ts reads the data.
 */
import { COMPANY_TIME_ZONE, calendarDateOf } from '../../kernel/calendar';
import {
  type DocumentBlock,
  type DocumentLanguage,
  documentFormat,
  type PrintedCell,
  type PrintedDocument,
  type PrintedParty,
  printedAddress,
  printedCompany,
  requisites,
  type TableColumn,
  tableBlock,
} from '../../pdf';
import type {
  OrderDocumentKind,
  OrderPrint,
  OrderPrintLine,
  OrderPrintWarranty,
  PrintPayer,
} from './orders.print.model';

interface Words {
  titles: Record<OrderDocumentKind, string>;
  intakeSubtitle: string;
  customer: string;
  item: string;
  manufacturer: string;
  serial: string;
  purchaseDate: string;
  warrantyDoc: string;
  manufacturerWarrantyUntil: string;
  site: string;
  receivedAt: string;
  receivedBy: string;
  promisedDate: string;
  location: string;
  locations: Record<'shop' | 'on_site', string>;
  complaint: string;
  accessories: string;
  noAccessories: string;
  condition: string;
  noCondition: string;
  photos: string;
  photosText: (n: number) => string;
  customerNotes: string;
  statusOnline: string;
  statusOnlineText: (url: string) => string;
  statusLinkKept: string;
  scanForStatus: string;
  terms: string;
  intakeTerms: string;
  customerSignature: string;
  handedOverBy: string;
  visit: string;
  techniciansOnSite: string;
  signedAt: (when: string) => string;
  compiledBy: string;
  approvedBy: string;
  finishedAt: string;
  deliveredAt: string;
  technician: string;
  diagnosis: string;
  noDiagnosis: string;
  orderRef: string;
  parts: string;
  labour: string;
  charges: string;
  no: string;
  code: string;
  name: string;
  quantity: string;
  fittedSerial: string;
  removedSerial: string;
  oldSerial: string;
  newSerial: string;
  unitPrice: string;
  discount: string;
  vat: string;
  value: string;
  normMinutes: string;
  actualMinutes: string;
  technicians: string;
  payer: string;
  payers: Record<PrintPayer, string>;
  dispositions: Record<'returned' | 'scrapped' | 'to_warehouse', string>;
  vatBase: (rate: string) => string;
  vatOf: (rate: string) => string;
  netTotal: string;
  vatTotal: string;
  totalDue: string;
  coveredByWarranty: string;
  claimLines: string;
  noClaimLines: string;
  costValue: string;
  listValue: string;
  costTotal: string;
  listTotal: string;
  claimOf: (payer: string) => string;
  kind: string;
  kinds: Record<'part' | 'labour', string>;
  fittedOn: string;
  months: string;
  validUntil: string;
  voided: string;
  noWarranty: string;
  cardTerms: string;
  service: string;
}

const WORDS: Record<DocumentLanguage, Words> = {
  bg: {
    titles: {
      intake: 'Приемо-предавателен протокол',
      'work-report': 'Протокол за извършена работа',
      'warranty-protocol': 'Гаранционен протокол',
      'warranty-card': 'Гаранционна карта',
    },
    intakeSubtitle: 'за приемане на уред за ремонт',
    customer: 'Клиент',
    item: 'Уред',
    manufacturer: 'Производител / марка',
    serial: 'Сериен №',
    purchaseDate: 'Дата на покупка',
    warrantyDoc: 'Гаранционна карта №',
    manufacturerWarrantyUntil: 'Гаранция на производителя до',
    site: 'Обект',
    receivedAt: 'Приет на',
    receivedBy: 'Приел',
    promisedDate: 'Обещан срок',
    location: 'Място на ремонта',
    locations: { shop: 'В сервиза', on_site: 'На място при клиента' },
    complaint: 'Оплакване на клиента',
    accessories: 'Оставени принадлежности',
    noAccessories: 'Няма',
    condition: 'Видимо състояние',
    noCondition: 'Без забележки',
    photos: 'Снимки',
    photosText: (n) => `${n} ${n === 1 ? 'снимка' : 'снимки'} на уреда, пазят се към поръчката`,
    customerNotes: 'Бележки',
    statusOnline: 'Състояние на ремонта онлайн',
    statusOnlineText: (url) => `Сканирайте QR кода или отворете: ${url}`,
    statusLinkKept:
      'Връзката за проследяване, дадена при приемането, продължава да работи. Нова връзка с QR код се прави от страницата на поръчката.',
    scanForStatus: 'Състояние на ремонта',
    terms: 'Условия',
    intakeTerms:
      'С подписа си клиентът потвърждава описаните оплакване, принадлежности и състояние на уреда и приема условията на сервиза. Уредът се получава обратно срещу този протокол.',
    customerSignature: 'Клиент',
    handedOverBy: 'Предал',
    visit: 'Посещение',
    techniciansOnSite: 'Техници на място',
    signedAt: (when) => `подписано на ${when}`,
    compiledBy: 'Съставил',
    approvedBy: 'Утвърдил',
    finishedAt: 'Ремонтът завършен на',
    deliveredAt: 'Предаден на',
    technician: 'Техник',
    diagnosis: 'Диагноза и извършена работа',
    noDiagnosis: '—',
    orderRef: 'Сервизна поръчка',
    parts: 'Вложени части',
    labour: 'Труд',
    charges: 'Други услуги',
    no: '№',
    code: 'Код',
    name: 'Наименование',
    quantity: 'Кол.',
    fittedSerial: 'Сериен № (монтиран)',
    removedSerial: 'Сериен № (демонтиран)',
    oldSerial: 'Стар сериен №',
    newSerial: 'Нов сериен №',
    unitPrice: 'Ед. цена',
    discount: 'Отст.',
    vat: 'ДДС',
    value: 'Стойност',
    normMinutes: 'Норма, мин',
    actualMinutes: 'Факт., мин',
    technicians: 'Техник',
    payer: 'Платец',
    payers: {
      customer: 'Клиент',
      manufacturer_warranty: 'Гаранция на производителя',
      shop_warranty: 'Гаранция на сервиза',
      contract: 'По договор',
    },
    dispositions: { returned: 'върната на клиента', scrapped: 'бракувана', to_warehouse: 'към склад' },
    vatBase: (rate) => `Данъчна основа ${rate}`,
    vatOf: (rate) => `ДДС ${rate}`,
    netTotal: 'Общо без ДДС',
    vatTotal: 'ДДС',
    totalDue: 'Общо за плащане',
    coveredByWarranty: 'Покрито от гаранция (по каталожни цени)',
    claimLines: 'Части и труд за сметка на гаранцията',
    noClaimLines: 'Поръчката няма редове за сметка на гаранция.',
    costValue: 'Себестойност',
    listValue: 'Каталожна ст-ст',
    costTotal: 'Себестойност общо',
    listTotal: 'Стойност на претенцията',
    claimOf: (payer) => `${payer} (каталожна ст-ст)`,
    kind: 'Вид',
    kinds: { part: 'Част', labour: 'Труд' },
    fittedOn: 'Монтирана на',
    months: 'Месеци',
    validUntil: 'Валидна до',
    voided: 'анулирана',
    noWarranty: 'Ремонтът няма гаранции.',
    cardTerms:
      'Гаранцията покрива вложените части и извършения труд за посочените срокове. Не покрива повреди от неправилна експлоатация, механични повреди, токови удари и намеса на трети лица. Гаранционно обслужване се извършва срещу тази карта.',
    service: 'За сервиза',
  },
  en: {
    titles: {
      intake: 'Intake protocol',
      'work-report': 'Work report',
      'warranty-protocol': 'Warranty claim protocol',
      'warranty-card': 'Warranty card',
    },
    intakeSubtitle: 'for an item taken in for repair',
    customer: 'Customer',
    item: 'Item',
    manufacturer: 'Manufacturer / brand',
    serial: 'Serial No.',
    purchaseDate: 'Purchase date',
    warrantyDoc: 'Warranty card No.',
    manufacturerWarrantyUntil: "Manufacturer's warranty until",
    site: 'Site',
    receivedAt: 'Received on',
    receivedBy: 'Received by',
    promisedDate: 'Promised date',
    location: 'Where repaired',
    locations: { shop: 'In the shop', on_site: "On site at the customer's" },
    complaint: "Customer's complaint",
    accessories: 'Accessories left',
    noAccessories: 'None',
    condition: 'Visible condition',
    noCondition: 'No remarks',
    photos: 'Photos',
    photosText: (n) => `${n} ${n === 1 ? 'photo' : 'photos'} of the item, kept with the order`,
    customerNotes: 'Notes',
    statusOnline: 'Repair status online',
    statusOnlineText: (url) => `Scan the QR code or open: ${url}`,
    statusLinkKept:
      'The status link given at intake still works. A new link with a QR code is made on the order page.',
    scanForStatus: 'Repair status',
    terms: 'Terms',
    intakeTerms:
      "By signing, the customer confirms the complaint, accessories and condition described above and accepts the service's terms. The item is handed back against this protocol.",
    customerSignature: 'Customer',
    handedOverBy: 'Handed over by',
    visit: 'Visit',
    techniciansOnSite: 'Technicians on site',
    signedAt: (when) => `signed on ${when}`,
    compiledBy: 'Compiled by',
    approvedBy: 'Approved by',
    finishedAt: 'Repair finished on',
    deliveredAt: 'Delivered on',
    technician: 'Technician',
    diagnosis: 'Diagnosis and work done',
    noDiagnosis: '—',
    orderRef: 'Service order',
    parts: 'Parts fitted',
    labour: 'Labour',
    charges: 'Other charges',
    no: 'No.',
    code: 'Code',
    name: 'Name',
    quantity: 'Qty',
    fittedSerial: 'Serial (fitted)',
    removedSerial: 'Serial (removed)',
    oldSerial: 'Old serial',
    newSerial: 'New serial',
    unitPrice: 'Unit price',
    discount: 'Disc.',
    vat: 'VAT',
    value: 'Amount',
    normMinutes: 'Norm, min',
    actualMinutes: 'Actual, min',
    technicians: 'Technician',
    payer: 'Payer',
    payers: {
      customer: 'Customer',
      manufacturer_warranty: "Manufacturer's warranty",
      shop_warranty: "Shop's warranty",
      contract: 'Contract',
    },
    dispositions: {
      returned: 'returned to the customer',
      scrapped: 'scrapped',
      to_warehouse: 'to warehouse',
    },
    vatBase: (rate) => `Taxable amount ${rate}`,
    vatOf: (rate) => `VAT ${rate}`,
    netTotal: 'Total without VAT',
    vatTotal: 'VAT',
    totalDue: 'Total due',
    coveredByWarranty: 'Covered by warranty (at list prices)',
    claimLines: 'Parts and labour claimed under warranty',
    noClaimLines: 'The order has no lines paid by a warranty.',
    costValue: 'Cost',
    listValue: 'List value',
    costTotal: 'Total cost',
    listTotal: 'Claim value',
    claimOf: (payer) => `${payer} (list value)`,
    kind: 'Kind',
    kinds: { part: 'Part', labour: 'Labour' },
    fittedOn: 'Fitted on',
    months: 'Months',
    validUntil: 'Valid until',
    voided: 'void',
    noWarranty: 'The repair carries no warranty.',
    cardTerms:
      'The warranty covers the parts fitted and the work done for the terms shown. It does not cover misuse, mechanical damage, power surges or repairs by others. Warranty service is given against this card.',
    service: 'For the service',
  },
};

/** The printed title of an order document in a language (the file name uses it too). */
export function orderDocumentTitle(kind: OrderDocumentKind, language: DocumentLanguage): string {
  return WORDS[language].titles[kind];
}

const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: COMPANY_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the company's date and time: bg "27.11.2026 14:05". */
function dateTime(instant: string, language: DocumentLanguage): string {
  const at = new Date(instant);
  return `${documentFormat(language).date(calendarDateOf(at))} ${TIME_FORMAT.format(at)}`;
}

/** A booked visit's day and hours: bg "07.12.2026 09:00–11:30"; a visit past midnight shows both dates. */
function visitTime(startAt: string, endAt: string, language: DocumentLanguage): string {
  const sameDay = calendarDateOf(new Date(startAt)) === calendarDateOf(new Date(endAt));
  const end = sameDay ? TIME_FORMAT.format(new Date(endAt)) : dateTime(endAt, language);
  return `${dateTime(startAt, language)}–${end}`;
}

const dateOf = (instant: string) => calendarDateOf(new Date(instant));

function upper(text: string, language: DocumentLanguage): string {
  return text.toLocaleUpperCase(language === 'bg' ? 'bg-BG' : 'en-GB');
}

function customerParty(p: OrderPrint, words: Words, language: DocumentLanguage): PrintedParty {
  const c = p.customer;
  return {
    label: words.customer,
    name: c.name,
    lines: [
      printedAddress(c) || null,
      ...requisites(language, { uic: c.uic, vatNumber: c.vatNumber, phone: c.phone, email: c.email }),
      p.site ? { label: words.site, value: [p.site.name, p.site.address].filter(Boolean).join(', ') } : null,
    ],
  };
}

function itemParty(p: OrderPrint, words: Words, language: DocumentLanguage, claim = false): PrintedParty {
  const f = documentFormat(language);
  const i = p.item;
  return {
    label: words.item,
    name: `${i.brandName} ${i.modelName}`,
    lines: [
      { label: words.serial, value: i.serialNumber },
      claim && i.purchaseDate ? { label: words.purchaseDate, value: f.date(i.purchaseDate) } : null,
      claim && i.warrantyDocNumber ? { label: words.warrantyDoc, value: i.warrantyDocNumber } : null,
      i.warrantyEnd ? { label: words.manufacturerWarrantyUntil, value: f.date(i.warrantyEnd) } : null,
    ],
  };
}

function textOr(text: string | null | undefined, fallback: string): string {
  return text?.trim() ? text.trim() : fallback;
}

function baseDocument(
  p: OrderPrint,
  kind: OrderDocumentKind,
  language: DocumentLanguage,
  date: string,
): Omit<PrintedDocument, 'body'> {
  return {
    language,
    company: printedCompany(p.company, { date, logoDataUrl: p.logoDataUrl }),
    title: upper(WORDS[language].titles[kind], language),
    number: p.order.number,
    date,
  };
}

/** The intake protocol: who left what, in which state, with what complaint; the QR code leads to `statusUrl`. */
export function intakePrintedDocument(
  p: OrderPrint,
  language: DocumentLanguage,
  statusUrl: string | null,
  linkKept = false,
): PrintedDocument {
  const words = WORDS[language];
  const f = documentFormat(language);
  const o = p.order;
  const facts = [
    { label: words.receivedAt, value: dateTime(o.receivedAt, language) },
    o.receivedByName ? { label: words.receivedBy, value: o.receivedByName } : null,
    { label: words.promisedDate, value: o.promisedDate ? f.date(o.promisedDate) : '—' },
    { label: words.location, value: words.locations[o.location] },
  ].filter((x) => x !== null);
  const body: DocumentBlock[] = [
    { kind: 'facts', rows: facts },
    { kind: 'text', heading: words.complaint, text: o.complaint },
    {
      kind: 'text',
      heading: words.accessories,
      text: o.accessories.length > 0 ? o.accessories.join(', ') : words.noAccessories,
    },
    { kind: 'text', heading: words.condition, text: textOr(o.conditionNotes, words.noCondition) },
  ];
  if (o.photoCount > 0)
    body.push({ kind: 'text', heading: words.photos, text: words.photosText(o.photoCount) });
  if (o.customerNotes?.trim())
    body.push({ kind: 'text', heading: words.customerNotes, text: o.customerNotes });
  if (statusUrl)
    body.push({ kind: 'text', heading: words.statusOnline, text: words.statusOnlineText(statusUrl) });
  else if (linkKept) body.push({ kind: 'text', heading: words.statusOnline, text: words.statusLinkKept });
  body.push({ kind: 'text', heading: words.terms, text: words.intakeTerms });
  return {
    ...baseDocument(p, 'intake', language, dateOf(o.receivedAt)),
    subtitle: words.intakeSubtitle,
    qrCode: statusUrl ? { value: statusUrl, caption: words.scanForStatus } : null,
    parties: [customerParty(p, words, language), itemParty(p, words, language)],
    body,
    signatures: [
      { label: words.receivedBy, name: o.receivedByName },
      { label: words.customerSignature, name: p.customer.name },
    ],
  };
}

/** A line's name, with who pays for it when that is not the customer. */
function nameCell(l: OrderPrintLine, words: Words): PrintedCell {
  return l.payer === 'customer' ? l.description : `${l.description}\n(${words.payers[l.payer]})`;
}

function moneyColumns(words: Words, language: DocumentLanguage): TableColumn<OrderPrintLine>[] {
  const f = documentFormat(language);
  // A line someone else pays costs the customer nothing: its price prints as 0 here, the claim keeps the list value.
  const forCustomer = (l: OrderPrintLine, cents: number) => f.money(l.payer === 'customer' ? cents : 0);
  return [
    { header: words.unitPrice, width: 17, align: 'right', value: (l) => forCustomer(l, l.unitPriceCents) },
    {
      header: words.discount,
      width: 11,
      align: 'right',
      value: (l) => (l.discountBp ? f.percent(l.discountBp) : ''),
    },
    { header: words.vat, width: 10, align: 'right', value: (l) => f.percent(l.vatRateBp) },
    { header: words.value, width: 19, align: 'right', value: (l) => f.money(l.customerNetCents) },
  ];
}

function techniciansOf(l: OrderPrintLine, language: DocumentLanguage): string {
  const f = documentFormat(language);
  if (l.technicians.length <= 1) return l.technicians[0]?.name ?? '';
  return l.technicians.map((t) => `${t.name} ${f.percent(t.shareBp)}`).join('\n');
}

/** The work report: what was found and done, the parts with their serials, the labour and who did it, the totals. */
export function workReportPrintedDocument(p: OrderPrint, language: DocumentLanguage): PrintedDocument {
  const words = WORDS[language];
  const f = documentFormat(language);
  const o = p.order;
  const parts = p.lines.filter((l) => l.kind === 'part');
  const labour = p.lines.filter((l) => l.kind === 'labour');
  const charges = p.lines.filter((l) => l.kind === 'charge');
  const onSite = [...new Set(p.visits.flatMap((v) => v.technicians))];
  const no: TableColumn<OrderPrintLine> = {
    header: words.no,
    width: 6,
    align: 'right',
    value: (_, i) => String(i + 1),
  };
  const qty: TableColumn<OrderPrintLine> = {
    header: words.quantity,
    width: 12,
    align: 'right',
    value: (l) => f.quantity(l.quantityMilli, l.unit),
  };
  const facts = [
    { label: words.receivedAt, value: dateTime(o.receivedAt, language) },
    o.finishedAt ? { label: words.finishedAt, value: dateTime(o.finishedAt, language) } : null,
    o.deliveredAt ? { label: words.deliveredAt, value: dateTime(o.deliveredAt, language) } : null,
    o.technicianName ? { label: words.technician, value: o.technicianName } : null,
    ...p.visits.map((v) => ({ label: words.visit, value: visitTime(v.startAt, v.endAt, language) })),
    onSite.length > 0 ? { label: words.techniciansOnSite, value: onSite.join(', ') } : null,
  ].filter((x) => x !== null);
  const body: DocumentBlock[] = [
    { kind: 'facts', rows: facts },
    { kind: 'text', heading: words.complaint, text: o.complaint },
    { kind: 'text', heading: words.diagnosis, text: textOr(o.diagnosis, words.noDiagnosis) },
  ];
  if (parts.length > 0) {
    body.push(
      { kind: 'text', heading: words.parts, text: '' },
      tableBlock<OrderPrintLine>(
        [
          no,
          { header: words.name, width: '*', value: (l) => nameCell(l, words) },
          qty,
          { header: words.fittedSerial, width: 22, value: (l) => l.fittedSerial ?? '' },
          {
            header: words.removedSerial,
            width: 22,
            value: (l) =>
              [l.removedSerial, l.removedDisposition ? `(${words.dispositions[l.removedDisposition]})` : null]
                .filter(Boolean)
                .join('\n'),
          },
          ...moneyColumns(words, language),
        ],
        parts,
      ),
    );
  }
  if (labour.length > 0) {
    body.push(
      { kind: 'text', heading: words.labour, text: '' },
      tableBlock<OrderPrintLine>(
        [
          no,
          { header: words.name, width: '*', value: (l) => nameCell(l, words) },
          { header: words.technicians, width: 30, value: (l) => techniciansOf(l, language) },
          {
            header: words.normMinutes,
            width: 14,
            align: 'right',
            value: (l) => (l.normMinutes === null ? '' : String(l.normMinutes)),
          },
          {
            header: words.actualMinutes,
            width: 14,
            align: 'right',
            value: (l) => (l.actualMinutes === null ? '' : String(l.actualMinutes)),
          },
          ...moneyColumns(words, language),
        ],
        labour,
      ),
    );
  }
  if (charges.length > 0) {
    body.push(
      { kind: 'text', heading: words.charges, text: '' },
      tableBlock<OrderPrintLine>(
        [
          no,
          { header: words.name, width: '*', value: (l) => nameCell(l, words) },
          qty,
          ...moneyColumns(words, language),
        ],
        charges,
      ),
    );
  }
  const t = p.totals;
  const rows = t.vat.flatMap((r) => [
    { label: words.vatBase(f.percent(r.vatRateBp)), value: f.money(r.baseCents) },
    { label: words.vatOf(f.percent(r.vatRateBp)), value: f.money(r.vatCents) },
  ]);
  const covered = t.claims.manufacturer_warranty + t.claims.shop_warranty + t.claims.contract;
  if (covered > 0) rows.unshift({ label: words.coveredByWarranty, value: f.money(covered) });
  rows.push(
    { label: words.netTotal, value: f.money(t.customerNetCents) },
    { label: words.vatTotal, value: f.money(t.customerVatCents) },
    { label: words.totalDue, value: f.money(t.customerTotalCents) },
  );
  body.push({ kind: 'totals', rows });
  if (o.customerNotes?.trim())
    body.push({ kind: 'text', heading: words.customerNotes, text: o.customerNotes });
  const date = dateOf(o.finishedAt ?? o.deliveredAt ?? new Date().toISOString());
  return {
    ...baseDocument(p, 'work-report', language, date),
    parties: [customerParty(p, words, language), itemParty(p, words, language)],
    body,
    signatures: [
      { label: words.technician, name: o.technicianName ?? onSite[0] ?? null },
      p.signature
        ? {
            label: words.customerSignature,
            name: p.signature.signerName,
            image: p.signature.imageDataUrl,
            note: words.signedAt(dateTime(p.signature.signedAt, language)),
          }
        : { label: words.customerSignature, name: p.customer.name },
    ],
  };
}

const CLAIM_PAYERS: readonly PrintPayer[] = ['manufacturer_warranty', 'shop_warranty'];

/** Whether a line belongs in the warranty claim: paid by the manufacturer's or the shop's warranty. */
export function isClaimLine(l: Pick<OrderPrintLine, 'payer'>): boolean {
  return CLAIM_PAYERS.includes(l.payer);
}

/** What the warranty protocol shows beyond list values: the cost, only for the roles that may see stock costs. */
export interface OrderPrintOptions {
  costs: boolean;
}

/**
 * The warranty protocol for the claim to the brand or the supplier: the lines a warranty pays, with the old and new
 * serials, their list value and (for those who may see it) their cost.
 */
export function warrantyProtocolPrintedDocument(
  p: OrderPrint,
  language: DocumentLanguage,
  { costs }: OrderPrintOptions = { costs: true },
): PrintedDocument {
  const words = WORDS[language];
  const f = documentFormat(language);
  const o = p.order;
  const lines = p.lines.filter(isClaimLine);
  const cost = (l: OrderPrintLine) =>
    l.unitCostCents === null ? null : Math.round((l.unitCostCents * l.quantityMilli) / 1000);
  const facts = [
    { label: words.orderRef, value: f.documentRef(o.number, dateOf(o.receivedAt)) },
    o.finishedAt ? { label: words.finishedAt, value: dateTime(o.finishedAt, language) } : null,
    o.technicianName ? { label: words.technician, value: o.technicianName } : null,
  ].filter((x) => x !== null);
  const body: DocumentBlock[] = [
    { kind: 'facts', rows: facts },
    { kind: 'text', heading: words.complaint, text: o.complaint },
    { kind: 'text', heading: words.diagnosis, text: textOr(o.diagnosis, words.noDiagnosis) },
    { kind: 'text', heading: words.claimLines, text: '' },
  ];
  if (lines.length === 0) body.push({ kind: 'text', text: words.noClaimLines });
  else {
    body.push(
      tableBlock<OrderPrintLine>(
        [
          { header: words.no, width: 6, align: 'right', value: (_, i) => String(i + 1) },
          {
            header: words.name,
            width: '*',
            value: (l) => (l.code ? `${l.description}\n${l.code}` : l.description),
          },
          {
            header: words.quantity,
            width: 12,
            align: 'right',
            value: (l) =>
              l.kind === 'labour' && l.actualMinutes
                ? `${l.actualMinutes} min`
                : f.quantity(l.quantityMilli, l.unit),
          },
          { header: words.oldSerial, width: 22, value: (l) => l.removedSerial ?? '' },
          { header: words.newSerial, width: 22, value: (l) => l.fittedSerial ?? '' },
          { header: words.payer, width: 24, value: (l) => words.payers[l.payer] },
          ...(costs
            ? [
                {
                  header: words.costValue,
                  width: 17,
                  align: 'right',
                  value: (l) => {
                    const c = cost(l);
                    return c === null ? '' : f.money(c);
                  },
                } satisfies TableColumn<OrderPrintLine>,
              ]
            : []),
          { header: words.listValue, width: 18, align: 'right', value: (l) => f.money(l.listValueCents) },
        ],
        lines,
      ),
    );
    const rows = CLAIM_PAYERS.filter((payer) => lines.some((l) => l.payer === payer)).map((payer) => ({
      label: words.claimOf(words.payers[payer]),
      value: f.money(lines.filter((l) => l.payer === payer).reduce((s, l) => s + l.listValueCents, 0)),
    }));
    if (costs) {
      rows.push({ label: words.costTotal, value: f.money(lines.reduce((s, l) => s + (cost(l) ?? 0), 0)) });
    }
    rows.push({ label: words.listTotal, value: f.money(lines.reduce((s, l) => s + l.listValueCents, 0)) });
    body.push({ kind: 'totals', rows });
  }
  const date = dateOf(o.finishedAt ?? new Date().toISOString());
  return {
    ...baseDocument(p, 'warranty-protocol', language, date),
    parties: [
      { label: words.manufacturer, name: p.item.brandName },
      customerParty(p, words, language),
      itemParty(p, words, language, true),
    ],
    body,
    signatures: [
      { label: words.compiledBy, name: o.technicianName },
      { label: words.approvedBy, name: p.company.mol },
    ],
  };
}

/** The warranty card of the repair, handed over at delivery: each part's and the labour's warranty, until when. */
export function warrantyCardPrintedDocument(p: OrderPrint, language: DocumentLanguage): PrintedDocument {
  const words = WORDS[language];
  const f = documentFormat(language);
  const o = p.order;
  const records = p.warrantyRecords;
  const facts = [
    { label: words.orderRef, value: f.documentRef(o.number, dateOf(o.receivedAt)) },
    o.finishedAt ? { label: words.finishedAt, value: dateTime(o.finishedAt, language) } : null,
    o.deliveredAt ? { label: words.deliveredAt, value: dateTime(o.deliveredAt, language) } : null,
  ].filter((x) => x !== null);
  const body: DocumentBlock[] = [{ kind: 'facts', rows: facts }];
  if (records.length === 0) body.push({ kind: 'text', text: words.noWarranty });
  else {
    body.push(
      tableBlock<OrderPrintWarranty>(
        [
          { header: words.no, width: 7, align: 'right', value: (_, i) => String(i + 1) },
          { header: words.kind, width: 14, value: (r) => words.kinds[r.kind] },
          {
            header: words.name,
            width: '*',
            value: (r) => (r.status === 'void' ? `${r.description} (${words.voided})` : r.description),
          },
          { header: words.serial, width: 30, value: (r) => r.serial ?? '' },
          { header: words.fittedOn, width: 22, align: 'center', value: (r) => f.date(r.fittedOn) },
          { header: words.months, width: 15, align: 'right', value: (r) => String(r.months) },
          {
            header: words.validUntil,
            width: 22,
            align: 'center',
            value: (r) => ({ text: f.date(r.validUntil), bold: true }),
          },
        ],
        records,
      ),
    );
  }
  body.push({ kind: 'text', heading: words.terms, text: words.cardTerms });
  const date = dateOf(o.deliveredAt ?? o.finishedAt ?? new Date().toISOString());
  return {
    ...baseDocument(p, 'warranty-card', language, date),
    parties: [customerParty(p, words, language), itemParty(p, words, language)],
    body,
    signatures: [
      { label: words.service, name: p.company.mol },
      { label: words.customerSignature, name: p.customer.name },
    ],
  };
}

/** The layout of one of the order's documents. */
export function orderPrintedDocument(
  kind: OrderDocumentKind,
  p: OrderPrint,
  language: DocumentLanguage,
  options: { statusUrl?: string | null; linkKept?: boolean; costs?: boolean } = {},
): PrintedDocument {
  switch (kind) {
    case 'intake':
      return intakePrintedDocument(p, language, options.statusUrl ?? null, options.linkKept ?? false);
    case 'work-report':
      return workReportPrintedDocument(p, language);
    case 'warranty-protocol':
      return warrantyProtocolPrintedDocument(p, language, { costs: options.costs ?? false });
    case 'warranty-card':
      return warrantyCardPrintedDocument(p, language);
  }
}
