import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { parseCsvInSlices } from './imports.csv';
import {
  dateCellText,
  type NumericColumnRule,
  numberCellText,
  readXlsxUpload,
  uploadKind,
} from './imports.xlsx';

const noPause = async () => {};

/** An XLSX file of one sheet (rows) or of several ({ sheet, data }), as write-excel-file writes it. */
const xlsx = async (sheets: unknown[]) =>
  new Uint8Array(await writeExcelFile(sheets as Parameters<typeof writeExcelFile>[0]).toBuffer());

describe('cells of an XLSX file as the CSV text the import reads', () => {
  it('numbers without float noise, integers as digits', () => {
    expect(numberCellText('0.30000000000000004')).toBe('0.3');
    expect(numberCellText('3.96')).toBe('3.96');
    expect(numberCellText('12.5')).toBe('12.5');
    expect(numberCellText('131129282')).toBe('131129282');
    expect(numberCellText('1.2345678901234E+15')).toBe('1234567890123400');
    expect(numberCellText('-4')).toBe('-4');
  });

  it('a phone typed as a number gets back its trunk 0 or its +; an ЕИК its leading zeros', () => {
    const phone: NumericColumnRule = 'phone';
    expect(numberCellText('888123456', phone)).toBe('0888123456');
    expect(numberCellText('29876543', phone)).toBe('029876543');
    expect(numberCellText('359888123456', phone)).toBe('+359888123456');
    expect(numberCellText('112', phone)).toBe('112');
    expect(numberCellText('695089', 'uic')).toBe('000695089');
    expect(numberCellText('131129282', 'uic')).toBe('131129282');
    expect(numberCellText('1311292820001', 'uic')).toBe('1311292820001');
  });

  it('dates as yyyy-mm-dd, with the time only when there is one', () => {
    expect(dateCellText(new Date('2024-03-05T00:00:00Z'))).toBe('2024-03-05');
    expect(dateCellText(new Date('2024-03-05T14:30:00Z'))).toBe('2024-03-05 14:30');
  });

  it('reads the first sheet: header, dates, numbers, booleans, formula-like text as typed, empty rows at the end dropped', async () => {
    const file = await xlsx([
      {
        sheet: 'Клиенти',
        data: [
          ['Вид', 'Име', 'Телефон', 'Дата', 'Цена', 'Активен'],
          [
            'лице',
            '=Иван "Шопа"',
            888123456,
            { value: new Date('2024-03-05T00:00:00Z'), format: 'dd.mm.yyyy' },
            0.1 + 0.2,
            true,
          ],
          [null, null, null, null, null, null],
          ['фирма', 'Ред, със запетая', null, null, 12, false],
          [null, null, null, null, null, null],
          [null, null, null, null, null, null],
        ],
      },
      { sheet: 'Втори', data: [['x'], ['y']] },
    ]);
    expect(uploadKind(file)).toBe('xlsx');
    const sheet = await readXlsxUpload(file, noPause, (h) => (h === 'Телефон' ? 'phone' : null));
    expect(sheet.sheet).toBe('Клиенти');
    const parsed = await parseCsvInSlices(sheet.text, noPause);
    expect(parsed.header).toEqual(['Вид', 'Име', 'Телефон', 'Дата', 'Цена', 'Активен']);
    // The empty row between two rows stays, so row numbers are the sheet's; the ones at the end are gone.
    expect(parsed.rows).toEqual([
      ['лице', '=Иван "Шопа"', '0888123456', '2024-03-05', '0.3', 'true'],
      [''],
      ['фирма', 'Ред, със запетая', '', '', '12', 'false'],
    ]);
  });

  it('tells files apart by their bytes and refuses the spreadsheets it cannot read', async () => {
    expect(uploadKind(new TextEncoder().encode('type,name\nperson,Иван\n'))).toBe('csv');
    const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const xls = new Uint8Array([...ole2, ...Buffer.from('Workbook', 'utf16le')]);
    expect(() => uploadKind(xls)).toThrow(expect.objectContaining({ code: 'old_excel_format' }));
    const locked = new Uint8Array([...ole2, 0, 0, ...Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(() => uploadKind(locked)).toThrow(
      expect.objectContaining({ code: 'password_protected_spreadsheet' }),
    );
    const good = await xlsx([['a'], ['b']]);
    const truncated = good.subarray(0, good.length - 200);
    expect(() => uploadKind(truncated)).toThrow(expect.objectContaining({ code: 'unreadable_spreadsheet' }));
    // A ZIP whose directory is whole but whose sheet is damaged: the reader fails, and so does the import.
    const damaged = new Uint8Array(good);
    damaged.fill(0x41, 200, 600);
    await expect(
      (async () => {
        uploadKind(damaged);
        await readXlsxUpload(damaged, noPause);
      })(),
    ).rejects.toMatchObject({ code: 'unreadable_spreadsheet' });
  });
});
