import { describe, expect, it } from 'vitest';
import { errorsByColumn, jobFileName, jobPercent, missingColumns, templateCsv } from './import-file';

const error = (field: string) => ({ row: 2, field, code: 'x', message: `bad ${field}` });

describe('the import screen’s helpers', () => {
  it('makes a header-only template from the expected columns', () => {
    expect(templateCsv(['code', 'name_bg', 'sale_price_eur'])).toBe('code,name_bg,sale_price_eur\r\n');
    expect(templateCsv(['a,b', 'say "hi"'])).toBe('"a,b","say ""hi"""\r\n');
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
