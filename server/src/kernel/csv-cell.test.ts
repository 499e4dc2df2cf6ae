import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCellText, neutraliseCell } from './csv-cell';

describe('CSV cells that cannot attack a spreadsheet', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/s","SN")', '\'=HYPERLINK("http://evil.example/s","SN")'],
    ['+cmd|" /C calc"!A0', '\'+cmd|" /C calc"!A0'],
    ['-2+3+cmd|" /C calc"!A0', '\'-2+3+cmd|" /C calc"!A0'],
    ['@SUM(1+1)*cmd|" /C calc"!A0', '\'@SUM(1+1)*cmd|" /C calc"!A0'],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['+359 88 123 4567', "'+359 88 123 4567"],
    ["'=already quoted", "''=already quoted"],
  ])('neutralises %j', (text, cell) => {
    expect(neutraliseCell(text)).toBe(cell);
    expect(csvCellText(cell)).toBe(text);
  });

  it.each(['-12.50', '-3', '+359888123456', '0.000', 'Bosch', 'Стоян', "O'Brien", "'plain", '', 'a=b'])(
    'leaves %j as it is',
    (text) => {
      expect(neutraliseCell(text)).toBe(text);
      expect(csvCellText(text)).toBe(text);
    },
  );

  it('reading a cell back gives exactly what was written, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '1', '.', ' ') }),
        (text) => {
          const cell = neutraliseCell(text);
          expect(csvCellText(cell)).toBe(text);
          // What a spreadsheet would run never starts the cell, unless it is a plain number.
          if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^[+-]?\d+(\.\d+)?$/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
