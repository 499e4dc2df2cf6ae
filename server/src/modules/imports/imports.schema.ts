import { z } from 'zod';
import { IdParams } from '../../kernel/ids';
import { CSV_ENCODINGS, CSV_SEPARATORS } from './imports.csv';

/**
 * Every entity a module makes importable (its <m>.import.ts adapter). An adapter names one of these, so the web,
 * which shows each by name in Bulgarian and English, has a text for it (web/src/i18n/i18n.test.ts).
 */
export const IMPORT_ENTITIES = [
  'customers',
  'sites',
  'items',
  'categories',
  'brands',
  'models',
  'service-types',
  'norm-overrides',
  'parts',
  'warehouses',
  'technicians',
] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const ImportRowError = z.object({
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportField = z.object({
  column: z.string().describe('The English name, as the exports write it'),
  headerBg: z.string().describe('The Bulgarian header, accepted as well'),
  required: z.boolean(),
  values: z
    .array(z.object({ value: z.string(), bg: z.string(), en: z.string() }))
    .describe(
      'The codes a coded column takes, each with its words (accepted instead of the code); else empty',
    ),
});
export type ImportField = z.infer<typeof ImportField>;

export const ImportPreview = z.object({
  entity: z.string(),
  format: z.enum(['csv', 'xlsx']).describe('The kind of file, as detected from its content'),
  encoding: z
    .enum(CSV_ENCODINGS)
    .nullable()
    .describe('How a CSV file was written, as detected; null for XLSX'),
  separator: z
    .enum(CSV_SEPARATORS)
    .nullable()
    .describe('The separator of a CSV file, as detected from its header; null for XLSX'),
  sheet: z.string().nullable().describe('The sheet an XLSX file was read from (its first); null for CSV'),
  fileHeader: z.array(z.string()).describe('The header of the file as written (English or Bulgarian names)'),
  columns: z.array(z.string()).describe('The columns of the file, by their English names'),
  expectedColumns: z.array(z.string()),
  fields: z.array(ImportField),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  sample: z
    .array(
      z.object({
        row: z.number().int(),
        values: z.record(z.string(), z.string()).describe('The cells by column (English name)'),
        errors: z.array(ImportRowError),
      }),
    )
    .describe(
      'The first rows of the file with their errors; row is the line number in the file (the header is line 1)',
    ),
  errors: z.array(ImportRowError).describe('Every row error, up to 1,000'),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportJobStatus = z.enum(['queued', 'validating', 'importing', 'done', 'failed']);

export const ImportJob = z.object({
  id: z.string(),
  entity: z.string(),
  fileName: z.string().nullable(),
  status: ImportJobStatus,
  onlyValid: z.boolean(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  rejectedRows: z.number().int(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const EntityParams = z.strictObject({ entity: z.string().min(1).max(40) });
export const JobParams = IdParams;
export const JobQuery = z.strictObject({
  onlyValid: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  fileName: z.string().max(200).optional(),
});
/** The template files (imports.template.ts). */
export const TEMPLATE_FORMATS = ['xlsx', 'csv', 'csv-windows-1251'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export const TemplateQuery = z.strictObject({
  format: z
    .enum(TEMPLATE_FORMATS)
    .default('xlsx')
    .describe(
      'xlsx; csv (UTF-8 with BOM, commas); csv-windows-1251 (semicolons, as Excel on a Bulgarian Windows)',
    ),
  language: z
    .enum(['bg', 'en'])
    .default('bg')
    .describe('The headers: Bulgarian, or the English column names'),
});
