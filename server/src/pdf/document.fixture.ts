import { crc32, deflateSync } from 'node:zlib';
/**
 * A realistic goods receipt (складова разписка, STK-02) of demo parts (taken from seed-data/parts.csv,
 * copied here so that editing the seed data never changes the layout tests), for the tests and for
 * looking at the layout: `node --import tsx server/src/pdf/preview.ts /tmp/pdf-sample.pdf`.
 */
import { lineAmount, parseMoney, sumCents } from '../kernel/money';
import { formatDocumentNumber } from '../kernel/numbering';
import { type PrintedDocument, printedCompany, tableBlock } from './document';
import { documentFormat, printedAddress, requisites } from './format';

/** code, name, unit, delivery cost in euro. */
const PARTS: [string, string, string, string][] = [
  ['WM-PUMP-UNI30', 'Помпа за пералня универсална 30 W', 'бр.', '12.40'],
  ['WM-BRG-6305-6306', 'Лагери 6305/6306 + семеринг 40x72x10 (к-т)', 'к-т', '17.50'],
  ['WM-SEAL-SAM', 'Маншон за пералня Samsung', 'бр.', '29.50'],
  ['WM-SHOCK-100N', 'Амортисьор за пералня 100 N', 'бр.', '5.90'],
  ['DR-BELT-1860', 'Ремък за сушилня 1860 H7', 'бр.', '6.50'],
  ['DW-DOOR-SEAL', 'Уплътнение на вратата на съдомиялна', 'бр.', '8.90'],
  ['FR-FAN-NF', 'Вентилатор за камера No Frost 12 V DC', 'бр.', '14.50'],
  ['REF-R134A', 'Хладилен агент R134a', 'кг', '15.80'],
  ['OV-DOOR-SEAL', 'Уплътнение за фурна', 'бр.', '5.40'],
  ['AC-CAP-35UF', 'Кондензатор 35 µF 450 V за компресор', 'бр.', '3.90'],
  ['AC-BRACKET-450', 'Стойки за външно тяло 450 мм (к-т)', 'к-т', '11.50'],
  ['AC-FAN-IDU', 'Вентилаторен мотор за вътрешно тяло DC', 'бр.', '41.00'],
  ['AC-FLARE-NUTS', 'Холендри 1/4" и 3/8" (к-т)', 'к-т', '1.80'],
  ['GB-FAN', 'Вентилатор за кондензен котел', 'бр.', '89.00'],
  ['GB-BURNER-GASKETS', 'Уплътнения за горелка (к-т)', 'к-т', '9.20'],
  ['WH-HEAT-3000', 'Нагревател за бойлер 3000 W', 'бр.', '12.40'],
  ['LT-LCD-156-FHD30', 'Дисплей 15,6" FHD IPS, 30 пина eDP, тънък', 'бр.', '48.00'],
  ['LT-KB-DELL-LAT', 'Клавиатура с подсветка Dell Latitude 5540', 'бр.', '28.00'],
  ['LT-BAT-ASUS-42', 'Батерия Asus VivoBook 42 Wh', 'бр.', '27.00'],
  ['LT-DC-JACK', 'Букса за захранване 5,5x2,5 мм с кабел', 'бр.', '3.20'],
  ['PC-PSU-SFF-180', 'Захранване SFF 180 W за офис компютър', 'бр.', '37.00'],
  ['PH-LCD-IP14', 'Дисплей iPhone 14 OLED (съвместим)', 'бр.', '81.00'],
  ['PH-BAT-IP12', 'Батерия iPhone 12/12 Pro', 'бр.', '22.00'],
  ['PH-PORT-RN12', 'Подплатка с USB-C букса Xiaomi Redmi Note 12', 'бр.', '4.80'],
];

export interface ReceiptLine {
  code: string;
  name: string;
  unit: string;
  quantityMilli: number;
  unitCostCents: number;
  amountCents: number;
}

/** A valid w×h RGB PNG of one colour, as a data URL (a logo as the company settings store it: PNG). */
export function solidPngDataUrl(w: number, h: number): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, Buffer.from([0x1f, 0x5f, 0x8b]))]);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: h }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** A small PNG logo (a blue block). */
export const SAMPLE_PNG_LOGO = solidPngDataUrl(220, 64);

/** The demo company (as modules/company/company.seed.ts sets it up). */
export const SAMPLE_COMPANY = {
  legalName: 'Сервиз Техноплюс ЕООД',
  uic: '206417593',
  vatNumber: 'BG206417593',
  vatRegistered: true,
  vatRegisteredFrom: '2019-03-01',
  country: 'BG',
  city: 'София',
  address: 'бул. „Княгиня Мария Луиза“ 102, партер',
  postcode: '1202',
  mol: 'Николай Стефанов Димитров',
  phone: '+359 2 481 2290',
  email: 'office@servix-demo.example',
  website: 'https://servix-demo.example',
  bankAccounts: [
    { iban: 'BG80BNBG96611020345678', bic: 'BNBGBGSD', bankName: 'БНБ (примерна сметка)', isDefault: true },
  ],
};

/** `count` receipt lines cycling through the demo parts: whole pieces, or fractions of kg/m/l. */
export function sampleReceiptLines(count: number): ReceiptLine[] {
  return Array.from({ length: count }, (_, i) => {
    const [code, name, unit, cost] = PARTS[i % PARTS.length] as [string, string, string, string];
    const quantityMilli = unit === 'бр.' || unit === 'к-т' ? ((i % 5) + 1) * 1000 : 2500 + i * 250;
    const unitCostCents = parseMoney(cost);
    return {
      code,
      name,
      unit,
      quantityMilli,
      unitCostCents,
      amountCents: lineAmount(quantityMilli, unitCostCents),
    };
  });
}

/** A goods receipt of `lineCount` demo parts from a supplier, in Bulgarian. */
export function sampleGoodsReceipt(
  options: { lineCount?: number; logoDataUrl?: string | null; copyMark?: 'original' | 'copy' } = {},
): PrintedDocument {
  const date = '2026-11-27';
  const f = documentFormat('bg');
  const lines = sampleReceiptLines(options.lineCount ?? 60);
  const total = sumCents(lines.map((l) => l.amountCents));
  return {
    language: 'bg',
    company: printedCompany(SAMPLE_COMPANY, {
      date,
      logoDataUrl: options.logoDataUrl === undefined ? SAMPLE_PNG_LOGO : options.logoDataUrl,
    }),
    title: 'СКЛАДОВА РАЗПИСКА',
    number: formatDocumentNumber(12),
    date,
    subtitle: 'за заприходяване на материални запаси',
    copyMark: options.copyMark ?? 'original',
    parties: [
      {
        label: 'Доставчик',
        name: 'Електро Партс България ООД',
        lines: [
          printedAddress({ city: 'Пловдив', postcode: '4003', address: 'ул. „Васил Левски“ 214' }),
          ...requisites('bg', { uic: '115893274', vatNumber: 'BG115893274', mol: 'Петър Иванов Колев' }),
        ],
      },
      {
        label: 'Склад',
        name: 'Централен склад — София',
        lines: [
          printedAddress({
            city: 'София',
            postcode: '1202',
            address: 'бул. „Княгиня Мария Луиза“ 102, партер',
          }),
          ...requisites('bg', { mol: 'Стоян Георгиев Петров' }),
        ],
      },
    ],
    body: [
      {
        kind: 'facts',
        rows: [
          { label: 'Доставчик документ', value: `Фактура ${f.documentRef('0000004821', '2026-11-26')}` },
          { label: 'Основание', value: 'Доставка по поръчка № 118 от 20.11.2026 г.' },
          { label: 'Валута', value: 'EUR — стойности без ДДС, по доставна цена' },
        ],
      },
      tableBlock<ReceiptLine>(
        [
          { header: '№', width: 7, align: 'right', value: (_, i) => String(i + 1) },
          { header: 'Код', width: 30, value: (l) => l.code },
          { header: 'Наименование', width: '*', value: (l) => l.name },
          { header: 'Мярка', width: 11, align: 'center', value: (l) => l.unit },
          { header: 'Количество', width: 17, align: 'right', value: (l) => f.quantity(l.quantityMilli) },
          { header: 'Ед. цена', width: 19, align: 'right', value: (l) => f.money(l.unitCostCents) },
          { header: 'Стойност', width: 21, align: 'right', value: (l) => f.money(l.amountCents) },
        ],
        lines,
      ),
      {
        kind: 'totals',
        rows: [
          { label: 'Брой редове', value: String(lines.length) },
          { label: 'Обща стойност', value: f.money(total) },
        ],
      },
      {
        kind: 'text',
        heading: 'Забележки',
        text: 'Стоката е приета без забележки по количество и външен вид.\nСерийните номера на компресорите са записани в картоните на артикулите.',
      },
    ],
    signatures: [
      { label: 'Предал', name: 'Петър Иванов Колев' },
      { label: 'Приел', name: 'Стоян Георгиев Петров' },
      { label: 'МОЛ', name: 'Николай Стефанов Димитров' },
    ],
  };
}
