/**
 * One CSV cell, both ways: written so that a spreadsheet cannot run it as a formula, and read back to the text
 * it was. Pure text rules, shared by the CSV export (http/csv.ts) and the CSV import (modules/imports).
 */

/** A column of a CSV file: its header and how a row gives its cell. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** What a spreadsheet reads as the start of a formula (OWASP's CSV injection list): = + - @ tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell already neutralised, or text that would look like one: one or more ' before a formula start. */
const QUOTED_FORMULA_START = /^'+[=+\-@\t\r]/;
/** A plain signed decimal ("-12.50", "+3"): a number, never a formula, so it stays as it is. */
const SIGNED_DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * A text cell made safe to open in a spreadsheet: text that would start a formula gets a leading ' (so
 * =HYPERLINK(…) is shown as text, not run); plain signed decimals stay numbers. Text that already starts with ' before
 * such a character gets one more, so neutraliseCell and csvCellText are exact inverses (an export imports back).
 */
export function neutraliseCell(text: string): string {
  if (SIGNED_DECIMAL.test(text)) return text;
  return FORMULA_START.test(text) || QUOTED_FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell read from a CSV file as it was before neutraliseCell: one leading ' before a formula start is dropped. */
export function csvCellText(cell: string): string {
  return QUOTED_FORMULA_START.test(cell) ? cell.slice(1) : cell;
}
