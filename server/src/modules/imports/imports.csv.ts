import { parse } from 'csv-parse/sync';
import { csvCellText } from '../../kernel/csv-cell';
import { DomainError } from '../../kernel/errors';
import { hasControlCharacter } from '../../kernel/text';

/** About this many characters of the file are parsed at a time, between pauses for other requests. */
export const PARSE_SLICE_CHARS = 16 * 1024;

const OPTIONS = { skip_empty_lines: true, relax_column_count: true, trim: false } as const;

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

function parsePiece(piece: string, first: boolean): string[][] {
  try {
    return parse(piece, { ...OPTIONS, bom: first });
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
  const rows = parsePiece(first.value, true);
  const [headerRow, ...data] = rows;
  if (!headerRow) throw new DomainError('invalid', 'empty_file');
  return { header: headerRow.map((h) => h.trim()), hasRows: data.length > 0 || !pieces.next().done };
}

/**
 * Reads a CSV file as the seed data and the exports write it: UTF-8 (a BOM is ignored), comma, RFC 4180 quotes.
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
  for (const piece of csvPieces(text)) {
    const parsed = parsePiece(piece, first);
    first = false;
    let k = 0;
    if (!header && parsed.length > 0) {
      header = readCells(parsed[0] as string[], null, 1).map((h) => h.trim());
      onHeader(header);
      k = 1;
    }
    for (; k < parsed.length; k++) {
      // Line numbers as the user sees them: the header is line 1 (a quoted line break is not counted).
      onRow(readCells(parsed[k] as string[], header, rowCount + 2), rowCount++);
    }
    await pause();
  }
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

/**
 * Decodes an uploaded file (UTF-8) a slice at a time with a pause between slices: decoding 20 MB at once holds the
 * event loop for a few hundred milliseconds. A character cut between two slices is carried over by the decoder.
 */
export async function decodeUtf8InSlices(body: Buffer, pause: () => Promise<void>): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (let at = 0; at < body.length; at += DECODE_SLICE_BYTES) {
    parts.push(decoder.decode(body.subarray(at, at + DECODE_SLICE_BYTES), { stream: true }));
    await pause();
  }
  parts.push(decoder.decode());
  return parts.join('');
}
