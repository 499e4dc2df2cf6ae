import { parse } from 'csv-parse/sync';
import type { Selectable, Updateable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import { csvCellText } from '../../http/csv';
import { AppError, notFound } from '../../http/errors';
import { hasControlCharacter } from '../../http/input-guard';
import { type Locale, message } from '../../http/messages';
import type { Actor } from '../../kernel/actor';
import { newId } from '../../kernel/ids';
import { recordAudit } from '../audit';
import { importAdapter } from './imports.registry';
import type { ImportJob, ImportPreview, ImportRowError } from './imports.schema';
import type { ImportJobTable } from './imports.table';
import { type ImportAdapter, importIssueCode, type RowError } from './imports.types';

const SAMPLE_ROWS = 20;
const MAX_REPORTED_ERRORS = 1000;
const WRITE_CHUNK = 250;
/** Line number of the first data row: the header is line 1. */
const FIRST_DATA_LINE = 2;

export interface ParsedFile {
  header: string[];
  records: Record<string, string>[];
}

/** Reads a CSV file as the seed data and the exports write it: UTF-8 (a BOM is ignored), comma, RFC 4180 quotes. */
export function parseCsvText(text: string): ParsedFile {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (e) {
    throw new AppError(400, 'invalid_csv', { params: { reason: (e as Error).message } });
  }
  const [headerRow, ...data] = rows;
  if (!headerRow || data.length === 0) throw new AppError(400, 'empty_file');
  const header = headerRow.map((h) => h.trim());
  // The HTTP guard cannot see into a raw CSV body: a NUL in a cell would reach the database.
  for (const [i, cells] of rows.entries()) {
    const column = cells.findIndex(hasControlCharacter);
    if (column >= 0) {
      const field = header[column] || String(column + 1);
      throw new AppError(400, 'csv_control_character', { field, params: { row: i + 1 } });
    }
  }
  // csvCellText: a cell our exports neutralised ('=…) reads back as it was (=…).
  const records = data.map((cells) =>
    Object.fromEntries(header.map((h, i) => [h, csvCellText(cells[i] ?? '').trim()])),
  );
  return { header, records };
}

interface Validated {
  header: string[];
  records: Record<string, string>[];
  /** The rows that parsed, and for each its data-row index in the file. */
  rows: unknown[];
  parsedIndex: number[];
  /** Errors by data-row index. */
  errors: Map<number, RowError[]>;
}

function adapterOf(entity: string): ImportAdapter<unknown> {
  const adapter = importAdapter(entity);
  if (!adapter) throw new AppError(404, 'unknown_import', { params: { entity } });
  return adapter;
}

/** Parses and checks every row: the header first (unknown or missing columns fail the whole file), then each row. */
async function validate(
  db: Executor,
  adapter: ImportAdapter<unknown>,
  text: string,
  onProgress?: (n: number) => Promise<void>,
): Promise<Validated> {
  const { header, records } = parseCsvText(text);
  const unknown = header.filter((h) => !adapter.columns.includes(h));
  if (unknown.length)
    throw new AppError(400, 'unknown_column', { field: unknown[0], params: { column: unknown.join(', ') } });
  const missing = adapter.requiredColumns.filter((c) => !header.includes(c));
  if (missing.length)
    throw new AppError(400, 'missing_column', { field: missing[0], params: { column: missing.join(', ') } });

  const errors = new Map<number, RowError[]>();
  const rows: unknown[] = [];
  const parsedIndex: number[] = [];
  for (const [i, record] of records.entries()) {
    const full = Object.fromEntries(adapter.columns.map((c) => [c, record[c] ?? '']));
    const result = adapter.row.safeParse(full);
    if (result.success) {
      rows.push(result.data);
      parsedIndex.push(i);
    } else {
      errors.set(
        i,
        result.error.issues.map((issue) => ({
          field: String(issue.path[0] ?? ''),
          code: importIssueCode(issue),
          params: { field: String(issue.path[0] ?? '') },
        })),
      );
    }
    if (onProgress && i % 500 === 499) await onProgress(i + 1);
  }
  const checked = await adapter.check(db, rows);
  for (const [k, errs] of checked) {
    const i = parsedIndex[k];
    if (i === undefined || errs.length === 0) continue;
    errors.set(i, [...(errors.get(i) ?? []), ...errs]);
  }
  return { header, records, rows, parsedIndex, errors };
}

function toRowErrors(
  errors: Map<number, RowError[]>,
  locale: Locale,
  limit = Number.POSITIVE_INFINITY,
): ImportRowError[] {
  const out: ImportRowError[] = [];
  for (const [i, errs] of [...errors].sort((a, b) => a[0] - b[0])) {
    for (const e of errs) {
      if (out.length >= limit) return out;
      out.push({
        row: i + FIRST_DATA_LINE,
        field: e.field,
        code: e.code,
        message: message(e.code, locale, { field: e.field, ...e.params }),
      });
    }
  }
  return out;
}

/** Shows what an import would do: the first rows with their errors and the count of valid and invalid rows. */
export async function previewImport(
  db: Executor,
  entity: string,
  text: string,
  locale: Locale,
): Promise<ImportPreview> {
  const adapter = adapterOf(entity);
  const v = await validate(db, adapter, text);
  return {
    entity,
    columns: v.header,
    expectedColumns: [...adapter.columns],
    totalRows: v.records.length,
    validRows: v.records.length - v.errors.size,
    errorRows: v.errors.size,
    sample: v.records.slice(0, SAMPLE_ROWS).map((values, i) => ({
      row: i + FIRST_DATA_LINE,
      values,
      errors: toRowErrors(new Map(v.errors.has(i) ? [[i, v.errors.get(i) ?? []]] : []), locale),
    })),
    errors: toRowErrors(v.errors, locale, MAX_REPORTED_ERRORS),
  };
}

function toJob(r: Selectable<ImportJobTable>, liveProcessed?: number): ImportJob {
  return {
    id: r.id,
    entity: r.entity,
    fileName: r.file_name,
    status: r.status as ImportJob['status'],
    onlyValid: Boolean(r.only_valid),
    totalRows: r.total_rows,
    processedRows: Math.max(r.processed_rows, liveProcessed ?? 0),
    importedRows: r.imported_rows,
    rejectedRows: r.rejected_rows,
    message: r.message,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/** Progress of the write phase, which runs inside one transaction and so cannot be written to the job row meanwhile. */
const liveProgress = new Map<string, number>();

async function updateJob(db: Executor, id: string, patch: Updateable<ImportJobTable>) {
  await db
    .updateTable('import_job')
    .set({ ...patch, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

export async function getImportJob(db: Executor, id: string): Promise<ImportJob> {
  const row = await db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('import_job');
  return toJob(row, liveProgress.get(id));
}

export async function importReport(db: Executor, id: string): Promise<ImportRowError[]> {
  const row = await db.selectFrom('import_job').select('report_json').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('import_job');
  return row.report_json ? (JSON.parse(row.report_json) as ImportRowError[]) : [];
}

/**
 * Imports a CSV file in the background: all rows are checked first; a file with errors imports nothing unless
 * onlyValid is set, in which case the valid rows are imported and the others reported. The rows are written in
 * one transaction, so an import is whole or nothing.
 */
export async function startImport(
  db: Db,
  actor: Actor,
  input: { entity: string; text: string; onlyValid: boolean; fileName?: string; locale: Locale },
): Promise<{ job: ImportJob; done: Promise<void> }> {
  const adapter = adapterOf(input.entity);
  parseCsvText(input.text); // an unreadable or empty file is refused at once, before a job exists
  const now = nowIso();
  const id = newId();
  await db
    .insertInto('import_job')
    .values({
      id,
      entity: input.entity,
      file_name: input.fileName ?? null,
      status: 'queued',
      only_valid: input.onlyValid,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
    runImport(db, actor, id, adapter, input),
  );
  return { job: await getImportJob(db, id), done };
}

async function runImport(
  db: Db,
  actor: Actor,
  id: string,
  adapter: ImportAdapter<unknown>,
  input: { entity: string; text: string; onlyValid: boolean; locale: Locale },
): Promise<void> {
  try {
    await updateJob(db, id, { status: 'validating' });
    const v = await validate(db, adapter, input.text, (n) => updateJob(db, id, { processed_rows: n }));
    const report = toRowErrors(v.errors, input.locale);
    const total = v.records.length;
    await updateJob(db, id, {
      total_rows: total,
      processed_rows: 0,
      rejected_rows: v.errors.size,
      report_json: JSON.stringify(report),
    });
    if (v.errors.size > 0 && !input.onlyValid) {
      await updateJob(db, id, { status: 'failed', message: 'has_errors', finished_at: nowIso() });
      return;
    }
    const valid = v.rows.filter((_, k) => !v.errors.has(v.parsedIndex[k] ?? -1));
    await updateJob(db, id, { status: 'importing' });
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < valid.length; start += WRITE_CHUNK) {
        await adapter.insert(trx, actor, valid.slice(start, start + WRITE_CHUNK));
        liveProgress.set(id, Math.min(valid.length, start + WRITE_CHUNK) + v.errors.size);
      }
      await recordAudit(trx, actor, {
        action: 'import.run',
        entity: 'import_job',
        entityId: id,
        after: { entity: input.entity, imported: valid.length, rejected: v.errors.size },
      });
    });
    await updateJob(db, id, {
      status: 'done',
      processed_rows: total,
      imported_rows: valid.length,
      finished_at: nowIso(),
    });
  } catch (e) {
    const code = e instanceof AppError ? e.code : 'internal_error';
    await updateJob(db, id, { status: 'failed', message: code, finished_at: nowIso() }).catch(() => {});
  } finally {
    liveProgress.delete(id);
  }
}
