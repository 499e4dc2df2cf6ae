import { DomainError } from '../../kernel/errors';
import type { Locale } from '../../kernel/messages';
import type { ImportAdapter } from './imports.types';
import type { NumericColumnRule } from './imports.xlsx';

/**
 * The Bulgarian header of each column name the import files use, one per name, so that a file with the headers of
 * a Bulgarian template (Име, ЕИК, Телефон) imports as well as one with the English names of our exports. An adapter
 * may give a column another Bulgarian header (ImportAdapter.headersBg).
 */
export const BG_HEADERS: Readonly<Record<string, string>> = {
  id: 'Ид',
  type: 'Вид',
  kind: 'Вид',
  name: 'Име',
  name_bg: 'Име',
  name_en: 'Име на английски',
  code: 'Код',
  uic: 'ЕИК',
  vat_number: 'ДДС номер',
  mol: 'МОЛ',
  phone: 'Телефон',
  email: 'Имейл',
  city: 'Град',
  address: 'Адрес',
  customer_name: 'Клиент',
  site_name: 'Обект',
  contact_person: 'Лице за контакт',
  contact_phone: 'Телефон за контакт',
  access_notes: 'Бележки за достъп',
  working_hours: 'Работно време',
  country: 'Държава',
  brand_code: 'Код на марка',
  category_code: 'Код на категория',
  service_code: 'Код на услуга',
  model: 'Модел',
  default_warranty_months: 'Гаранция (месеци)',
  norm_minutes: 'Норма (минути)',
  pricing: 'Ценообразуване',
  price_eur: 'Цена (EUR)',
  vat_rate_percent: 'ДДС (%)',
  vat_rate_kind: 'Вид ставка ДДС',
  vat_reason: 'Основание за 0 % / освобождаване',
  shop_warranty_months: 'Гаранция на сервиза (месеци)',
  barcode: 'Баркод',
  unit: 'Мярка',
  sale_price_eur: 'Продажна цена (EUR)',
  typical_cost_eur: 'Доставна цена (EUR)',
  min_stock: 'Минимална наличност',
  compatible: 'Съвместими модели',
  supplier_uic: 'ЕИК на доставчик',
  serial: 'Сериен номер',
  purchase_date: 'Дата на покупка',
  warranty_doc: 'Гаранционен документ',
  warranty_months: 'Гаранция (месеци)',
  technician: 'Техник',
  skills: 'Умения',
  weekday_hours: 'Работно време (делнични дни)',
  pay_type: 'Вид заплащане',
  pay_value: 'Размер на заплащането',
};

/** The Bulgarian header of a column of this entity's file. */
export function headerBg(adapter: ImportAdapter<unknown>, column: string): string {
  return adapter.headersBg?.[column] ?? BG_HEADERS[column] ?? column;
}

const fold = (s: string) => s.trim().normalize('NFC').toLocaleLowerCase('bg');

/** The column a header cell names (its English name or Bulgarian header, in any case), if any. */
export function columnOfHeaderCell(adapter: ImportAdapter<unknown>, header: string): string | undefined {
  const h = fold(header);
  return adapter.columns.find((c) => fold(c) === h || fold(headerBg(adapter, c)) === h);
}

/**
 * How a number typed in an XLSX cell under this header is read back (imports.xlsx.ts): a phone or an ЕИК lost its
 * leading zero (and a phone its +) when Excel took it for a number.
 */
export function numericRuleOfHeader(
  adapter: ImportAdapter<unknown>,
  header: string,
): NumericColumnRule | null {
  const column = columnOfHeaderCell(adapter, header);
  if (column === 'uic') return 'uic';
  if (column === 'phone' || column?.endsWith('_phone')) return 'phone';
  return null;
}

/**
 * The file's header as column names: each cell is a column's English name or its Bulgarian header, in any case.
 * An unknown column fails the file naming it and every accepted header; a column named twice (name and Име) or a
 * missing required one fails it too.
 */
export function columnsOfHeader(adapter: ImportAdapter<unknown>, header: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const c of adapter.columns) {
    byName.set(fold(c), c);
    byName.set(fold(headerBg(adapter, c)), c);
  }
  const columns = header.map((h) => byName.get(fold(h)));
  const unknown = header.filter((_, i) => columns[i] === undefined);
  if (unknown.length)
    throw new DomainError('invalid', 'unknown_column', {
      field: unknown[0],
      params: {
        column: unknown.join(', '),
        accepted: adapter.columns.map((c) => `${c} / ${headerBg(adapter, c)}`).join(', '),
      },
    });
  const named = columns as string[];
  const twice = named.find((c, i) => named.indexOf(c) !== i);
  if (twice)
    throw new DomainError('invalid', 'duplicate_column', {
      field: twice,
      params: { column: `${twice} / ${headerBg(adapter, twice)}` },
    });
  const missing = adapter.requiredColumns.filter((c) => !named.includes(c));
  if (missing.length)
    throw new DomainError('invalid', 'missing_column', {
      field: missing[0],
      params: { column: missing.map((c) => `${c} / ${headerBg(adapter, c)}`).join(', ') },
    });
  return named;
}

/** A coded cell as its code: the code itself or its Bulgarian or English word, in any case; other text unchanged. */
export function codeOfCell(adapter: ImportAdapter<unknown>, column: string, cell: string): string {
  const values = adapter.values?.[column];
  if (!values || cell === '') return cell;
  const folded = fold(cell);
  const match = values.find(
    (v) => fold(v.value) === folded || fold(v.bg) === folded || fold(v.en) === folded,
  );
  return match?.value ?? cell;
}

/** The codes a column takes with their words, as an error lists them: "person (лице), company (фирма)". */
export function allowedValuesText(
  adapter: ImportAdapter<unknown>,
  column: string,
  locale: Locale,
): string | null {
  const values = adapter.values?.[column];
  if (!values?.length) return null;
  return values.map((v) => (v[locale] === v.value ? v.value : `${v.value} (${v[locale]})`)).join(', ');
}

/** What the screen shows of each column: its Bulgarian header, whether it is required, the codes it takes. */
export function importFields(adapter: ImportAdapter<unknown>) {
  return adapter.columns.map((column) => ({
    column,
    headerBg: headerBg(adapter, column),
    required: adapter.requiredColumns.includes(column),
    values: (adapter.values?.[column] ?? []).map((v) => ({ ...v })),
  }));
}
