import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { type CsvColumn, neutraliseCell } from '../kernel/csv-cell';

/**
 * Sends a list as CSV: UTF-8 with a byte-order mark (so Excel reads Cyrillic), comma separated, RFC 4180 quoting,
 * money as decimal text with a dot (the format of ../shared/data and of the CSV import); text cells that a
 * spreadsheet would run as a formula are neutralised (neutraliseCell).
 */
export function sendCsv<T>(
  reply: FastifyReply,
  filename: string,
  columns: CsvColumn<T>[],
  rows: Iterable<T>,
) {
  const records: (string | number | boolean | null | undefined)[][] = [columns.map((c) => c.header)];
  for (const row of rows) records.push(columns.map((c) => c.value(row)));
  const body = `\uFEFF${stringify(records, {
    cast: { boolean: (b) => (b ? 'true' : 'false'), string: neutraliseCell },
  })}`;
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(body);
}
