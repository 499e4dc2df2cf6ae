/**
 * Human document numbers (INV-02): exactly `width` Arabic digits, zero-padded. Which
 * number comes next is decided by the numbering series in the database; this module
 * only renders it.
 */

/** Zero-pads a document number to `width` digits (default 10: 1 → "0000000001"); throws RangeError if n < 1, not an integer, or too wide. */
export function formatDocumentNumber(n: number, width = 10): string {
  if (!Number.isSafeInteger(width) || width < 1) {
    throw new RangeError(`Document number width must be a positive integer, got ${width}`);
  }
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`Document number must be a positive integer, got ${n}`);
  }
  const digits = String(n);
  if (digits.length > width) {
    throw new RangeError(`Document number ${n} does not fit in ${width} digits`);
  }
  return digits.padStart(width, '0');
}
