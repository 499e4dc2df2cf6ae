import { describe, expect, it } from 'vitest';
import { errorsByColumn, IMPORT_FILE_ACCEPT, jobFileName, jobPercent, missingColumns } from './import-file';

const error = (field: string) => ({ row: 2, field, code: 'x', message: `bad ${field}` });

describe('the import screen’s helpers', () => {
  it('lets the file chooser offer Excel workbooks as well as CSV and tab-separated text', () => {
    expect(IMPORT_FILE_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['.xlsx', '.csv', '.txt', '.tsv', 'text/csv']),
    );
  });

  it('puts each error on its column; errors naming no column of the file go to the row', () => {
    const byColumn = errorsByColumn(
      [error('code'), error('code'), error('compatible_x')],
      ['code', 'name_bg'],
    );
    expect(byColumn.get('code')).toHaveLength(2);
    expect(byColumn.get('')).toEqual([error('compatible_x')]);
    expect(byColumn.has('name_bg')).toBe(false);
  });

  it('lists the expected columns the file lacks', () => {
    expect(
      missingColumns({ columns: ['code', 'name_bg'], expectedColumns: ['code', 'barcode', 'name_bg'] }),
    ).toEqual(['barcode']);
  });

  it('measures progress; unknown until the rows are counted, full when done', () => {
    expect(jobPercent({ status: 'validating', processedRows: 0, totalRows: 0 })).toBeNull();
    expect(jobPercent({ status: 'importing', processedRows: 250, totalRows: 1000 })).toBe(25);
    expect(jobPercent({ status: 'done', processedRows: 0, totalRows: 0 })).toBe(100);
  });

  it('keeps only the file’s own name', () => {
    expect(jobFileName('C:\\Users\\me\\parts.csv')).toBe('parts.csv');
    expect(jobFileName('parts.csv')).toBe('parts.csv');
  });
});
