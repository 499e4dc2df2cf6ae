import { Worker } from 'node:worker_threads';
import { neutraliseCell } from '../../kernel/csv-cell';
import { DomainError } from '../../kernel/errors';

/**
 * What an uploaded file is, from its first bytes (never its name): a ZIP holding an Excel workbook is XLSX; an
 * OLE2 compound file is the old binary .xls, or an XLSX locked with a password (Excel wraps those in OLE2 too);
 * anything else is text, decoded as CSV.
 */
export type UploadKind = 'xlsx' | 'csv';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an encrypted OOXML file keeps its workbook in, as OLE2 names it (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/**
 * The most a workbook may hold once unpacked: a 20 MiB upload of a sheet compresses about ten to one, and a ZIP that
 * says it unpacks to more is a bomb or not a spreadsheet we can hold in memory.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

const startsWith = (body: Uint8Array, magic: readonly number[]) =>
  body.length >= magic.length && magic.every((b, i) => body[i] === b);

function refuse(code: string): DomainError {
  return new DomainError('invalid', code);
}

interface ZipEntry {
  name: string;
  unpacked: number;
}

/**
 * The entries a ZIP lists in its central directory (names and unpacked sizes), read from the end record; null when
 * the directory is missing or broken (a truncated or damaged file). ZIP64 archives, which no spreadsheet program
 * writes for a sheet under 4 GiB, read as broken.
 */
export function zipEntries(body: Uint8Array): ZipEntry[] | null {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const lowest = Math.max(0, body.length - 22 - 0xffff);
  let end = -1;
  for (let at = body.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > body.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const unpacked = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (unpacked === 0xffffffff || at + 46 + nameLength > body.length) return null;
    entries.push({ name: decoder.decode(body.subarray(at + 46, at + 46 + nameLength)), unpacked });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Tells an XLSX upload from a CSV one by its bytes. A spreadsheet we cannot read is refused here, before any
 * preview, with what to do: old_excel_format (.xls), password_protected_spreadsheet, unreadable_spreadsheet (a
 * damaged ZIP, or a ZIP that is no Excel workbook: .ods, .docx), spreadsheet_too_large (unpacks past
 * MAX_UNPACKED_BYTES).
 */
export function uploadKind(body: Uint8Array): UploadKind {
  if (startsWith(body, OLE2_MAGIC))
    throw refuse(
      Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(ENCRYPTED_PACKAGE)
        ? 'password_protected_spreadsheet'
        : 'old_excel_format',
    );
  if (!startsWith(body, ZIP_MAGIC)) return 'csv';
  const entries = zipEntries(body);
  if (!entries?.some((e) => e.name === 'xl/workbook.xml')) throw refuse('unreadable_spreadsheet');
  if (entries.reduce((sum, e) => sum + e.unpacked, 0) > MAX_UNPACKED_BYTES)
    throw refuse('spreadsheet_too_large');
  return 'xlsx';
}

/**
 * How a number typed in a column is read back as text, where Excel's number type lost what the text had: leading
 * zeros and the + of an international prefix.
 * - phone: a Bulgarian number without its trunk 0 (8 or 9 digits: 2 1234567 for Sofia, 888 123 456 for a mobile)
 *   gets its 0 back; 359 and 8–9 digits (typed +359…) gets its +; other digits stay as they are.
 * - uic: an ЕИК shorter than 9 digits gets back the leading zeros Excel dropped (000695089 typed as a number).
 */
export type NumericColumnRule = 'phone' | 'uic';

/** Digits of an integer, never in exponent form (1e+21 and above are not integers we can tell apart anyway). */
function integerDigits(n: number): string {
  return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

/**
 * A number cell as the text the CSV path reads: integers as their digits, fractions at Excel's 15 significant
 * digits (0.1 + 0.2 stored as 0.30000000000000004 reads 0.3), with a dot; phones and ЕИК as NumericColumnRule says.
 */
export function numberCellText(raw: string, rule: NumericColumnRule | null = null): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  const text = Number.isInteger(n) ? integerDigits(n) : String(Number(n.toPrecision(15)));
  if (rule && /^\d+$/.test(text)) {
    if (rule === 'uic' && text.length < 9) return text.padStart(9, '0');
    if (rule === 'phone' && (text.length === 8 || text.length === 9)) return `0${text}`;
    if (rule === 'phone' && /^359\d{8,9}$/.test(text)) return `+${text}`;
  }
  return text;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as text: an ISO calendar date (yyyy-mm-dd), with the time (yyyy-mm-dd hh:mm) only when it has one.
 * The reader gives Excel's serial day as a UTC instant, so its UTC parts are the date as typed.
 */
export function dateCellText(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  if (seconds === 0) return date;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return d.getUTCSeconds() ? `${date} ${time}:${pad(d.getUTCSeconds())}` : `${date} ${time}`;
}

/** A number cell as the file writes it (its <v> text), so that no float noise is added before it is read. */
export interface XlsxNumber {
  number: string;
}

/** A cell as the reader gives it: text, a number as written, a boolean, a date; null when empty. */
export type XlsxCell = string | XlsxNumber | boolean | Date | null;

/** One cell of the sheet as the text a CSV file would hold; an empty cell is ''. Booleans read true / false. */
export function xlsxCellText(value: XlsxCell, rule: NumericColumnRule | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateCellText(value);
  if (typeof value === 'object') return numberCellText(value.number, rule);
  return value;
}

const csvQuote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Rows converted between two pauses for other requests. */
const ROWS_PER_SLICE = 500;

export interface XlsxUpload {
  /** The first sheet as CSV text (comma, RFC 4180), which the import reads like any uploaded CSV file. */
  text: string;
  /** The name of the sheet read. */
  sheet: string;
}

/** What the worker sends: slices of rows, then whether it read the file (and the sheet's name). */
interface WorkerAnswer {
  rows?: XlsxCell[][];
  ok?: boolean;
  sheet?: string | null;
  code?: string | null;
}

/** The reader's heap: a workbook that unpacks past it (a ZIP bomb) fails the worker, never the server. */
const WORKER_HEAP_MB = 1024;

/**
 * The first sheet of an XLSX file, read by read-excel-file in a worker thread (imports.xlsx.worker.mjs): parsing a
 * big sheet takes seconds (50,000 rows: about 2 s), which on the main thread would hold every other request.
 */
function readSheetInWorker(body: Uint8Array): Promise<{ sheet: string | null; data: XlsxCell[][] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./imports.xlsx.worker.mjs', import.meta.url), {
      workerData: body,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let answered = false;
    const data: XlsxCell[][] = [];
    worker.on('message', (answer: WorkerAnswer) => {
      if (answer.rows) {
        for (const row of answer.rows) data.push(row);
        setImmediate(() => worker.postMessage('next'));
        return;
      }
      answered = true;
      if (answer.ok) resolve({ sheet: answer.sheet ?? null, data });
      else
        reject(
          refuse(answer.code === 'XLS_FILE_NOT_SUPPORTED' ? 'old_excel_format' : 'unreadable_spreadsheet'),
        );
    });
    worker.once('error', () => reject(refuse('unreadable_spreadsheet')));
    worker.once('exit', () => {
      if (!answered) reject(refuse('unreadable_spreadsheet'));
    });
  });
}

/**
 * Reads the first sheet of an XLSX upload into the CSV text the import reads: the first row is the header, every
 * cell becomes the text the CSV path would hold (numberCellText, dateCellText; `ruleOf` says which header names a
 * phone or ЕИК column), empty rows at the end are dropped. Text cells are written the way the CSV export writes
 * them (neutraliseCell), so the import reads back exactly what the cell held. A file the reader cannot read is
 * unreadable_spreadsheet.
 */
export async function readXlsxUpload(
  body: Uint8Array,
  pause: () => Promise<void>,
  ruleOf: (header: string) => NumericColumnRule | null = () => null,
): Promise<XlsxUpload> {
  const first = await readSheetInWorker(body);
  if (first.sheet === null) throw refuse('empty_file');
  const rows = first.data;
  let last = rows.length - 1;
  while (last >= 0 && (rows[last] ?? []).every((c) => c === null || c === '')) last--;
  const headerRow = rows[0] ?? [];
  const header = headerRow.map((c) => xlsxCellText(c, null));
  while (header.length > 0 && header[header.length - 1]?.trim() === '') header.pop();
  const rules = header.map((h) => ruleOf(h));
  const lines: string[] = [header.map(csvQuote).join(',')];
  for (let r = 1; r <= last; r++) {
    const cells = (rows[r] ?? []).map((value, k) => {
      const text = xlsxCellText(value, rules[k] ?? null);
      return typeof value === 'string' ? neutraliseCell(text) : text;
    });
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    // An empty row in the middle stays a row, so the line numbers the preview names are the sheet's row numbers.
    lines.push(cells.length ? cells.map(csvQuote).join(',') : '""');
    if (r % ROWS_PER_SLICE === 0) await pause();
  }
  return { text: `${lines.join('\r\n')}\r\n`, sheet: first.sheet };
}
