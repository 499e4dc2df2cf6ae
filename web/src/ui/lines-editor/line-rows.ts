/**
 * The rows of a document as the lines editor holds them, and how the server's answers find them again. The
 * editor keeps empty rows (a new document starts with one; a user adds a row before picking its part), but
 * they are not sent: the server's line i is then editor row sent[i], not row i.
 */

/** The editor rows that are sent (not empty), in order: the server's line i is editor row sent[i]. */
export function sentRows<L>(rows: readonly L[], isEmpty: (row: L) => boolean): number[] {
  return rows.flatMap((row, i) => (isEmpty(row) ? [] : [i]));
}

/**
 * A server error on a line ("lines.2.quantityMilli") to the editor input that holds it ("lines.5.quantity"),
 * past the empty rows left out. `inputs` names the input of each server field of a line
 * ({ quantityMilli: 'quantity', partId: 'partId' }).
 *
 * Returns undefined when the field is not under `path` (a header field: the caller maps it), `path` itself for
 * an error about the lines as a whole, and null when the line or its field has no input.
 */
export function lineInputOf(
  field: string,
  sent: readonly number[],
  inputs: Readonly<Record<string, string>>,
  path = 'lines',
): string | null | undefined {
  const parts = field.split('.');
  if (parts[0] !== path) return undefined;
  if (parts.length < 3) return path;
  const row = sent[Number(parts[1])];
  const input = inputs[parts[2] ?? ''];
  return row === undefined || input === undefined ? null : `${path}.${row}.${input}`;
}
