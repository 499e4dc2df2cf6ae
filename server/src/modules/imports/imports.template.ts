import writeExcelFile from 'write-excel-file/node';
import type { Locale } from '../../kernel/messages';
import { headerBg } from './imports.headers';
import type { ImportAdapter } from './imports.types';

export type { TemplateFormat } from './imports.schema';

/**
 * The empty files a user fills in to import an entity: a header row of the columns (Bulgarian headers or English
 * names), as XLSX (with a second sheet that lists every column, whether it is required, and the values of the coded
 * ones), as CSV in UTF-8 with a BOM and commas (what our exports write), or as CSV in Windows-1251 with semicolons
 * (what Excel on a Bulgarian Windows opens and saves without asking).
 */

const WORDS = {
  bg: {
    data: 'Данни',
    values: 'Стойности',
    column: 'Колона',
    name: 'Име в английския файл',
    required: 'Задължителна',
    allowed: 'Позволени стойности',
    yes: 'да',
    no: 'не',
  },
  en: {
    data: 'Data',
    values: 'Values',
    column: 'Column',
    name: 'Bulgarian header',
    required: 'Required',
    allowed: 'Allowed values',
    yes: 'yes',
    no: 'no',
  },
} as const;

/** The columns a template has: every column but the id, which only an export writes (and the import ignores). */
function templateColumns(adapter: ImportAdapter<unknown>): string[] {
  return adapter.columns.filter((c) => c !== 'id');
}

/** The header of each column as the template writes it: the Bulgarian header, or the English name. */
export function templateHeader(adapter: ImportAdapter<unknown>, language: Locale): string[] {
  return templateColumns(adapter).map((c) => (language === 'bg' ? headerBg(adapter, c) : c));
}

/** The values a coded column takes, in the words of the language and with the code: "фирма (company)". */
function allowedText(adapter: ImportAdapter<unknown>, column: string, language: Locale): string {
  return (adapter.values?.[column] ?? [])
    .map((v) => (v[language] === v.value ? v.value : `${v[language]} (${v.value})`))
    .join(', ');
}

/** An XLSX template: the header row (bold, frozen) on the first sheet, and what each column takes on the second. */
export async function templateXlsx(adapter: ImportAdapter<unknown>, language: Locale): Promise<Buffer> {
  const w = WORDS[language];
  const header = templateHeader(adapter, language);
  const data = [header.map((value) => ({ value, fontWeight: 'bold' as const }))];
  const values = [
    [w.column, w.name, w.required, w.allowed].map((value) => ({ value, fontWeight: 'bold' as const })),
    ...templateColumns(adapter).map((c, i) => [
      { value: header[i] ?? c },
      { value: language === 'bg' ? c : headerBg(adapter, c) },
      { value: adapter.requiredColumns.includes(c) ? w.yes : w.no },
      { value: allowedText(adapter, c, language) },
    ]),
  ];
  const widths = header.map((h) => ({ width: Math.max(12, h.length + 4) }));
  return writeExcelFile([
    { sheet: w.data, data, columns: widths, stickyRowsCount: 1 },
    {
      sheet: w.values,
      data: values,
      columns: [{ width: 28 }, { width: 28 }, { width: 14 }, { width: 60 }],
      stickyRowsCount: 1,
    },
  ]).toBuffer();
}

const quote = (separator: string) => (c: string) =>
  c.includes(separator) || /["\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c;

/** Windows-1251 bytes of each character the code page has; the headers have no other (else '?'). */
function windows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => byChar.get(ch) ?? 0x3f));
}

/** A CSV template: the header row, in UTF-8 with a BOM and commas, or in Windows-1251 with semicolons; CRLF. */
export function templateCsv(
  adapter: ImportAdapter<unknown>,
  language: Locale,
  format: 'csv' | 'csv-windows-1251',
): Buffer {
  const separator = format === 'csv' ? ',' : ';';
  const line = `${templateHeader(adapter, language).map(quote(separator)).join(separator)}\r\n`;
  return format === 'csv' ? Buffer.from(`\uFEFF${line}`, 'utf8') : windows1251(line);
}
