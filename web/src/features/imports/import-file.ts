import type {
  ImportField,
  ImportJob,
  ImportPreview,
  ImportRowError,
} from '@servix/server/modules/imports/imports.schema';

/** A chosen file's bytes as saved: the server decides whether they are UTF-8 or Windows-1251. */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** The codes a coded column takes with their words in the language shown: "person (лице), company (фирма)". */
export function allowedValues(field: Pick<ImportField, 'values'>, language: 'bg' | 'en'): string {
  return field.values
    .map((v) => (v[language] === v.value ? v.value : `${v.value} (${v[language]})`))
    .join(', ');
}

/** The files the import takes: Excel workbooks and CSV (a .txt of tab-separated text is CSV too). */
export const IMPORT_FILE_ACCEPT = [
  '.xlsx',
  '.csv',
  '.tsv',
  '.txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
].join(',');

/** The errors of one sample row by column; errors naming no column of the file go under ''. */
export function errorsByColumn(
  errors: readonly ImportRowError[],
  columns: readonly string[],
): Map<string, ImportRowError[]> {
  const out = new Map<string, ImportRowError[]>();
  for (const e of errors) {
    const column = columns.includes(e.field) ? e.field : '';
    out.set(column, [...(out.get(column) ?? []), e]);
  }
  return out;
}

/** The expected columns the file lacks (the server refuses a file without a required one). */
export function missingColumns(preview: Pick<ImportPreview, 'columns' | 'expectedColumns'>): string[] {
  return preview.expectedColumns.filter((c) => !preview.columns.includes(c));
}

/** How far a job has come, 0–100; null while the number of rows is not known yet. */
export function jobPercent(job: Pick<ImportJob, 'status' | 'processedRows' | 'totalRows'>): number | null {
  if (job.status === 'done') return 100;
  if (job.totalRows <= 0) return null;
  return Math.min(100, Math.round((job.processedRows / job.totalRows) * 100));
}

/** The file name without folders, as the job records it (at most 200 characters). */
export function jobFileName(name: string): string {
  return name.split(/[\\/]/).pop()?.slice(0, 200) ?? '';
}
