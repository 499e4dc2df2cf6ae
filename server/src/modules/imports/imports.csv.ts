import { parse } from 'csv-parse/sync';
import { csvCellText } from '../../kernel/csv-cell';
import { DomainError } from '../../kernel/errors';
import { hasControlCharacter } from '../../kernel/text';

/** About this many characters of the file are parsed at a time, between pauses for other requests. */
export const PARSE_SLICE_CHARS = 16 * 1024;

const OPTIONS = { skip_empty_lines: true, relax_column_count: true, trim: false } as const;

/** The separators a spreadsheet writes: comma (the default), semicolon (Excel where the decimal mark is a comma), tab. */
export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * The separator of a file, read from its header line: the one of comma, semicolon and tab found most often outside
 * quotes. A header of one column has none of them: comma, which changes nothing.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>(CSV_SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvSeparator))
      counts.set(ch as CsvSeparator, (counts.get(ch as CsvSeparator) ?? 0) + 1);
  }
  let best: CsvSeparator = ',';
  for (const [s, n] of counts) if (n > (counts.get(best) ?? 0)) best = s;
  return best;
}

/**
 * Cuts CSV text into pieces that end at a record boundary: a line break outside quotes. RFC 4180 doubles a quote
 * inside a quoted field, so a line break is outside quotes exactly when the quotes before it are even in number.
 */
export function* csvPieces(text: string, size = PARSE_SLICE_CHARS): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      let quotes = countQuotes(text, start, end);
      for (;;) {
        const nl = text.indexOf('\n', end);
        if (nl === -1) {
          end = text.length;
          break;
        }
        quotes += countQuotes(text, end, nl);
        end = nl + 1;
        if (quotes % 2 === 0) break;
      }
    }
    yield text.slice(start, end);
    start = end;
  }
}

const QUOTE = 34;

/** Quotes in text[from, to): a bounded loop, where indexOf would run on to the end of a 20 MB file each time. */
function countQuotes(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === QUOTE) n++;
  return n;
}

function parsePiece(piece: string, first: boolean, delimiter: CsvSeparator): string[][] {
  try {
    return parse(piece, { ...OPTIONS, bom: first, delimiter });
  } catch (e) {
    throw new DomainError('invalid', 'invalid_csv', { params: { reason: (e as Error).message } });
  }
}

/**
 * A row's cells as the import reads them: a control character (which the HTTP guard cannot see inside a raw CSV
 * body, and which PostgreSQL refuses) fails the file naming its line and column; a cell our exports neutralised
 * ('=…) reads back as it was (=…).
 */
function readCells(cells: string[], header: readonly string[] | null, line: number): string[] {
  const column = cells.findIndex(hasControlCharacter);
  if (column >= 0) {
    const field = header?.[column] || String(column + 1);
    throw new DomainError('invalid', 'csv_control_character', { field, params: { row: line } });
  }
  return header ? cells.map(csvCellText) : cells;
}

export interface ParsedCsv {
  header: string[];
  /** The data rows' cells, as written (not trimmed). */
  rows: string[][];
}

/** Reads the header and whether any data row follows, from the first piece only: cheap, for refusing a file at once. */
export function readCsvHead(text: string): { header: string[]; hasRows: boolean } {
  const pieces = csvPieces(text, 4096);
  const first = pieces.next();
  if (first.done) throw new DomainError('invalid', 'empty_file');
  const rows = parsePiece(first.value, true, detectSeparator(text));
  const [headerRow, ...data] = rows;
  if (!headerRow) throw new DomainError('invalid', 'empty_file');
  return { header: headerRow.map((h) => h.trim()), hasRows: data.length > 0 || !pieces.next().done };
}

/**
 * Reads a CSV file as the seed data and the exports write it (comma, RFC 4180 quotes), or as a spreadsheet saves it
 * (semicolon or tab: see detectSeparator).
 * Parses a piece at a time and hands each data row to `onRow` at once, so the cells of a 650,000-row file are never
 * all held together; `pause` runs between pieces, so a 20 MB file never holds the event loop for long.
 */
export async function eachCsvRow(
  text: string,
  pause: () => Promise<void>,
  onHeader: (header: string[]) => void,
  onRow: (cells: string[], index: number) => void,
): Promise<{ header: string[]; rowCount: number }> {
  let header: string[] | null = null;
  let rowCount = 0;
  let first = true;
  const blank: string[][] = [];
  const separator = detectSeparator(text);
  for (const piece of csvPieces(text)) {
    const parsed = parsePiece(piece, first, separator);
    first = false;
    let k = 0;
    if (!header && parsed.length > 0) {
      header = readCells(parsed[0] as string[], null, 1).map((h) => h.trim());
      onHeader(header);
      k = 1;
    }
    for (; k < parsed.length; k++) {
      const cells = parsed[k] as string[];
      // Rows of empty cells (";;;;" — what a spreadsheet writes for formatted rows below the data) wait: they are
      // rows only when a row with data follows, so the ones after the last data row are dropped.
      if (cells.every((c) => c.trim() === '')) {
        blank.push(cells);
        continue;
      }
      for (const b of blank.splice(0)) onRow(readCells(b, header, rowCount + 2), rowCount++);
      // Line numbers as the user sees them: the header is line 1 (a quoted line break is not counted).
      onRow(readCells(cells, header, rowCount + 2), rowCount++);
    }
    await pause();
  }
  // A file of empty rows only keeps them: each is then an error the preview shows, not a silently empty file.
  if (rowCount === 0) for (const b of blank.splice(0)) onRow(readCells(b, header, rowCount + 2), rowCount++);
  if (!header || rowCount === 0) throw new DomainError('invalid', 'empty_file');
  return { header, rowCount };
}

/** The whole file's header and rows (small files: tests, the seed). */
export async function parseCsvInSlices(text: string, pause: () => Promise<void>): Promise<ParsedCsv> {
  const rows: string[][] = [];
  const { header } = await eachCsvRow(
    text,
    pause,
    () => {},
    (cells) => rows.push(cells),
  );
  return { header, rows };
}

/** Bytes of a request body decoded at a time. */
const DECODE_SLICE_BYTES = 512 * 1024;

/** How an uploaded file was written: UTF-8 (with or without the byte order mark Excel adds) or Windows-1251. */
export const CSV_ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1251'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

/**
 * A character Windows-1251 text may hold: Cyrillic and Latin letters, digits, punctuation and symbols (№, €, «»),
 * spaces, tab and line breaks. Bytes the code page leaves undefined, or control bytes, decode outside this set.
 */
const WINDOWS_1251_TEXT = /^[\p{Script=Cyrillic}\p{Script=Latin}\p{N}\p{P}\p{S}\p{Zs}\t\r\n\u00ad]*$/u;

/** Letters read between two checks of readsAsCyrillicText: enough to tell, cheap on a 20 MB file. */
const SAMPLE_CHARS = 64 * 1024;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const CYRILLIC_VOWEL = /[аеиоуъюяэыАЕИОУЪЮЯЭЫ]/;

/**
 * Whether single-byte text read as Windows-1251 reads as Cyrillic words, not as another Cyrillic code page read
 * wrongly. Every byte of KOI8-R and ISO-8859-5 decodes to some Windows-1251 letter, so only the words tell:
 * - KOI8-R keeps lower case where Windows-1251 has capitals and the other way round: "Иван Петров" reads
 *   "иВАН пЕТРОВ", a small letter followed by a capital in a word more often than a capital by a small one;
 * - ISO-8859-5 moves the vowels onto consonants: fewer than one letter in five is a vowel (Bulgarian has about 45 %).
 * Text with few Cyrillic letters (under 20) is not judged.
 */
export function readsAsCyrillicText(text: string): boolean {
  const sample = text.slice(0, SAMPLE_CHARS);
  let letters = 0;
  let vowels = 0;
  let smallThenCapital = 0;
  let capitalThenSmall = 0;
  let previous = '';
  for (const ch of sample) {
    if (CYRILLIC_LETTER.test(ch)) {
      letters++;
      if (CYRILLIC_VOWEL.test(ch)) vowels++;
      if (CYRILLIC_LETTER.test(previous)) {
        const small = ch !== ch.toLocaleUpperCase('bg');
        const previousSmall = previous !== previous.toLocaleUpperCase('bg');
        if (previousSmall && !small) smallThenCapital++;
        if (!previousSmall && small) capitalThenSmall++;
      }
    }
    previous = ch;
  }
  if (letters < 20) return true;
  return vowels * 5 >= letters && smallThenCapital <= capitalThenSmall;
}

function unknownEncoding(): DomainError {
  return new DomainError('invalid', 'unknown_encoding');
}

/**
 * Decodes `body` a slice at a time, each slice's text passing `accept` (else null); a fatal decoder throws at the
 * first byte that is not valid.
 */
async function decodeInSlices(
  body: Uint8Array,
  decoder: TextDecoder,
  pause: () => Promise<void>,
  accept: (part: string) => boolean = () => true,
): Promise<string | null> {
  const parts: string[] = [];
  for (let at = 0; at < body.length; at += DECODE_SLICE_BYTES) {
    const part = decoder.decode(body.subarray(at, at + DECODE_SLICE_BYTES), { stream: true });
    if (!accept(part)) return null;
    parts.push(part);
    await pause();
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** A UTF-16 file without its byte order mark: every other byte of Latin text is zero. */
function looksLikeUtf16(body: Uint8Array): boolean {
  const head = body.subarray(0, 4096);
  let zeros = 0;
  for (const b of head) if (b === 0) zeros++;
  return head.length >= 4 && zeros * 4 >= head.length;
}

/**
 * Decodes an uploaded CSV file as the program that saved it wrote it: valid UTF-8 is UTF-8 (what our exports,
 * LibreOffice and Excel's "CSV UTF-8" write; the BOM is dropped), anything else is tried as Windows-1251 (what
 * Excel on a Bulgarian Windows writes). A file that reads as neither — binary, UTF-16, another code page — is
 * refused as unknown_encoding, before anything is previewed or stored. Decodes a slice at a time with a pause
 * between slices: decoding 20 MB at once holds the event loop for a few hundred milliseconds.
 */
export async function decodeCsvUpload(body: Uint8Array, pause: () => Promise<void>): Promise<DecodedCsv> {
  const utf16Bom =
    body.length >= 2 && ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff));
  if (utf16Bom || looksLikeUtf16(body)) throw unknownEncoding();
  const bom = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf;
  try {
    const text = (await decodeInSlices(body, new TextDecoder('utf-8', { fatal: true }), pause)) ?? '';
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch (e) {
    if (!(e instanceof TypeError) || bom) throw bom ? unknownEncoding() : e;
  }
  const text = await decodeInSlices(body, new TextDecoder('windows-1251'), pause, (part) =>
    WINDOWS_1251_TEXT.test(part),
  );
  if (text === null || !readsAsCyrillicText(text)) throw unknownEncoding();
  return { text, encoding: 'windows-1251' };
}

/** Decodes a file known to be UTF-8 (the seed data, tests) a slice at a time; a broken character becomes U+FFFD. */
export async function decodeUtf8InSlices(body: Buffer, pause: () => Promise<void>): Promise<string> {
  return (await decodeInSlices(body, new TextDecoder('utf-8'), pause)) ?? '';
}
