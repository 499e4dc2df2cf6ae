import type { Selectable, Updateable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import { countAll, nowIso } from '../../db/sql';
import { allows } from '../../kernel/access';
import type { Actor } from '../../kernel/actor';
import { DomainError, forbidden, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { type Locale, message } from '../../kernel/messages';
import { hasControlCharacter } from '../../kernel/text';
import { recordAudit } from '../audit';
import type { Role } from '../auth';
import {
  enqueueJob,
  findJobRow,
  type JobContext,
  JobFailure,
  registerJobHandler,
  storeJobText,
} from '../jobs';
import { type CsvEncoding, detectSeparator, eachCsvRow, readCsvHead } from './imports.csv';
import { allowedValuesText, codeOfCell, columnsOfHeader, importFields } from './imports.headers';
import { importAdapter, importAdapters } from './imports.registry';
import type { ImportJob, ImportPreview, ImportRowError } from './imports.schema';
import type { ImportJobTable } from './imports.table';
import { type TemplateFormat, templateCsv, templateXlsx } from './imports.template';
import { type ImportAdapter, importIssueCode, type RowError } from './imports.types';

export { parseCsvInSlices, readCsvHead } from './imports.csv';

const SAMPLE_ROWS = 20;
const MAX_REPORTED_ERRORS = 1000;
/** Rows checked between two pauses for other requests. */
const VALIDATE_SLICE = 500;
/**
 * Rows written per transaction: other requests run between two transactions (on SQLite they wait for the one
 * connection while a transaction is open). The slice grows or shrinks so that a transaction takes about
 * WRITE_SLICE_MS, whatever the entity costs to write.
 */
const WRITE_SLICE = { first: 100, min: 10, max: 1000 };
const WRITE_SLICE_MS = 15;
/** Line number of the first data row: the header is line 1. */
const FIRST_DATA_LINE = 2;
export const IMPORT_JOB_KIND = 'import';

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How an uploaded file was written: CSV in an encoding, or XLSX (read from its first sheet, named here). */
export type FileFormat =
  | { format: 'csv'; encoding: CsvEncoding; sheet: null }
  | { format: 'xlsx'; encoding: null; sheet: string };

/** Who asks: the role decides which entities they may import, the user which jobs they may see. */
export interface ImportCaller {
  userId: string;
  role: Role;
}

interface Validated {
  /** The header as written, and as column names. */
  header: string[];
  columns: string[];
  /** Data rows in the file. */
  rowCount: number;
  /** The first rows' cells, for the preview. */
  sample: string[][];
  /** The rows that parsed, and for each its data-row index in the file. */
  rows: unknown[];
  parsedIndex: number[];
  /** Errors by data-row index. */
  errors: Map<number, RowError[]>;
}

/** The adapter of an entity the caller may import: 404 for an unknown entity, 403 when its write rule refuses. */
function adapterFor(entity: string, caller: ImportCaller): ImportAdapter<unknown> {
  const adapter = importAdapter(entity);
  if (!adapter) throw new DomainError('not_found', 'unknown_import', { params: { entity } });
  if (!allows(adapter.rule, caller.role)) throw forbidden();
  return adapter;
}

/** Every entity this caller may import (its write rule allows the role), with its file's columns. */
export function importableEntities(role: Role) {
  return importAdapters()
    .filter((a) => allows(a.rule, role))
    .map((a) => ({
      entity: a.entity,
      columns: [...a.columns],
      requiredColumns: [...a.requiredColumns],
      fields: importFields(a),
    }))
    .sort((a, b) => a.entity.localeCompare(b.entity));
}

/** A cell that held bytes its encoding could not read: the decoder put U+FFFD in their place. */
const REPLACEMENT_CHARACTER = '\uFFFD';

/**
 * Parses and checks every row, a slice at a time with a pause between slices: the header first, then each row
 * against its schema as it is read (only the typed rows are kept, not the cells), then all rows together against
 * the database (duplicates, references).
 */
async function validate(
  db: Executor,
  adapter: ImportAdapter<unknown>,
  text: string,
  pause: () => Promise<void>,
  onProgress?: (done: number) => Promise<void>,
): Promise<Validated> {
  const errors = new Map<number, RowError[]>();
  const rows: unknown[] = [];
  const parsedIndex: number[] = [];
  const sample: string[][] = [];
  let at = new Map<string, number>();
  let columns: string[] = [];
  let lastReported = 0;
  const { header, rowCount } = await eachCsvRow(
    text,
    async () => {
      await pause();
      if (onProgress && parsedIndex.length + errors.size - lastReported >= VALIDATE_SLICE) {
        lastReported = parsedIndex.length + errors.size;
        await onProgress(lastReported);
      }
    },
    (h) => {
      columns = columnsOfHeader(adapter, h);
      at = new Map(columns.map((name, i) => [name, i]));
    },
    (cells, i) => {
      if (sample.length < SAMPLE_ROWS) sample.push(cells);
      const full: Record<string, string> = {};
      for (const c of adapter.columns) {
        const k = at.get(c);
        full[c] = codeOfCell(adapter, c, k === undefined ? '' : (cells[k] ?? '').trim());
      }
      // A character the file's encoding could not read is never imported: the whole row waits for a fixed file.
      const unreadable = columns.filter((c) => full[c]?.includes(REPLACEMENT_CHARACTER));
      if (unreadable.length) {
        errors.set(
          i,
          unreadable.map((field) => ({ field, code: 'invalid_character' })),
        );
        return;
      }
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
    },
  );
  await pause();
  const checked = await adapter.check(db, rows);
  await pause();
  for (const [k, errs] of checked) {
    const i = parsedIndex[k];
    if (i === undefined || errs.length === 0) continue;
    errors.set(i, [...(errors.get(i) ?? []), ...errs]);
  }
  return { header, columns, rowCount, sample, rows, parsedIndex, errors };
}

/** The errors as the report lists them; a wrong value in a coded column lists the values it takes. */
function toRowErrors(
  adapter: ImportAdapter<unknown>,
  errors: Map<number, RowError[]>,
  locale: Locale,
  limit = Number.POSITIVE_INFINITY,
): ImportRowError[] {
  const out: ImportRowError[] = [];
  for (const [i, errs] of [...errors].sort((a, b) => a[0] - b[0])) {
    for (const e of errs) {
      if (out.length >= limit) return out;
      const allowed = e.code === 'invalid_value' ? allowedValuesText(adapter, e.field, locale) : null;
      const code = allowed ? 'invalid_choice' : e.code;
      out.push({
        row: i + FIRST_DATA_LINE,
        field: e.field,
        code,
        message: message(code, locale, { field: e.field, allowed, ...e.params }),
      });
    }
  }
  return out;
}

function recordOf(columns: string[], cells: string[]): Record<string, string> {
  return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
}

/**
 * Shows what an import would do: the first rows with their errors and the count of valid and invalid rows.
 * Needs the entity's write rule, like the import itself; a big file is read in slices, so others are not held up.
 */
export async function previewImport(
  db: Executor,
  caller: ImportCaller,
  entity: string,
  file: { text: string } & FileFormat,
  locale: Locale,
): Promise<ImportPreview> {
  const adapter = adapterFor(entity, caller);
  const v = await validate(db, adapter, file.text, yieldToOthers);
  return {
    entity,
    format: file.format,
    encoding: file.encoding,
    separator: file.format === 'csv' ? detectSeparator(file.text) : null,
    sheet: file.sheet,
    fileHeader: v.header,
    columns: v.columns,
    expectedColumns: [...adapter.columns],
    fields: importFields(adapter),
    totalRows: v.rowCount,
    validRows: v.rowCount - v.errors.size,
    errorRows: v.errors.size,
    sample: v.sample.map((cells, i) => ({
      row: i + FIRST_DATA_LINE,
      values: recordOf(v.columns, cells),
      errors: toRowErrors(adapter, new Map(v.errors.has(i) ? [[i, v.errors.get(i) ?? []]] : []), locale),
    })),
    errors: toRowErrors(adapter, v.errors, locale, MAX_REPORTED_ERRORS),
  };
}

const TEMPLATE_TYPES: Record<TemplateFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  'csv-windows-1251': 'text/csv; charset=windows-1251',
};

/** An empty file to import an entity from (imports.template.ts); needs the entity's write rule, like the import. */
export async function importTemplate(
  caller: ImportCaller,
  entity: string,
  options: { format: TemplateFormat; language: Locale },
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const adapter = adapterFor(entity, caller);
  const { format, language } = options;
  const body =
    format === 'xlsx' ? await templateXlsx(adapter, language) : templateCsv(adapter, language, format);
  const extension = format === 'xlsx' ? 'xlsx' : 'csv';
  const suffix = format === 'csv-windows-1251' ? '-windows-1251' : '';
  return {
    body,
    contentType: TEMPLATE_TYPES[format],
    fileName: `${entity}-${language}${suffix}.${extension}`,
  };
}

type JobState = NonNullable<Awaited<ReturnType<typeof findJobRow>>>;

/** The import as its screen shows it: the job row (state, progress, error) over the import's own counts. */
function toImportJob(r: Selectable<ImportJobTable>, job: JobState | undefined): ImportJob {
  let status = r.status as ImportJob['status'];
  let message = r.message;
  let finishedAt = r.finished_at;
  let processed = r.processed_rows;
  let total = r.total_rows;
  if (job) {
    if (job.status === 'queued') status = 'queued';
    else if (job.status === 'running') status = r.status === 'importing' ? 'importing' : 'validating';
    else status = job.status;
    if (job.status === 'failed') message = job.last_error ?? r.message;
    finishedAt = job.finished_at;
    processed = Math.max(processed, job.progress_done);
    total = Math.max(total, job.progress_total ?? 0);
  }
  return {
    id: r.id,
    entity: r.entity,
    fileName: r.file_name,
    status,
    onlyValid: Boolean(r.only_valid),
    totalRows: total,
    processedRows: processed,
    importedRows: r.imported_rows,
    rejectedRows: r.rejected_rows,
    message,
    createdAt: r.created_at,
    finishedAt,
  };
}

/** An import job the caller may see: its creator or an administrator, and only while their role may import it. */
async function visibleImportRow(db: Executor, caller: ImportCaller, id: string) {
  const row = await db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('import_job');
  const adapter = importAdapter(row.entity);
  if (caller.role !== 'admin' && row.created_by !== caller.userId) throw forbidden();
  if (!adapter || !allows(adapter.rule, caller.role)) throw forbidden();
  return row;
}

export async function getImportJob(db: Executor, caller: ImportCaller, id: string): Promise<ImportJob> {
  const row = await visibleImportRow(db, caller, id);
  return toImportJob(row, await findJobRow(db, id));
}

export async function importReport(
  db: Executor,
  caller: ImportCaller,
  id: string,
): Promise<ImportRowError[]> {
  const row = await visibleImportRow(db, caller, id);
  return row.report_json ? (JSON.parse(row.report_json) as ImportRowError[]) : [];
}

interface ImportPayload {
  entity: string;
  onlyValid: boolean;
  locale: Locale;
  actor: Actor;
}

/**
 * Queues the import of a CSV file on the job runner. The caller needs the entity's write rule; a file whose header
 * is unreadable, wrong or alone is refused at once, before a job exists.
 */
/** Characters scanned for control characters between two pauses: a 20 MB file at once holds the loop ~175 ms. */
const SCAN_SLICE_CHARS = 1024 * 1024;

async function hasControlCharacterInSlices(text: string): Promise<boolean> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + SCAN_SLICE_CHARS);
    // Never cut a surrogate pair: its halves alone would read as a broken character.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    if (hasControlCharacter(text.slice(at, end))) return true;
    at = end;
    await yieldToOthers();
  }
  return false;
}

export async function startImport(
  db: Db,
  caller: ImportCaller,
  actor: Actor,
  input: { entity: string; text: string; onlyValid: boolean; fileName?: string; locale: Locale },
): Promise<ImportJob> {
  const adapter = adapterFor(input.entity, caller);
  const head = readCsvHead(input.text);
  if (!head.hasRows) throw new DomainError('invalid', 'empty_file');
  columnsOfHeader(adapter, head.header);
  // A control character is refused now, naming its row and column, before the file is stored: PostgreSQL cannot
  // store a NUL in text, and a file that can only fail should not become a job.
  if (await hasControlCharacterInSlices(input.text)) {
    await eachCsvRow(
      input.text,
      yieldToOthers,
      () => {},
      () => {},
    );
    throw new DomainError('invalid', 'csv_control_character', { params: { row: '?' } });
  }
  const now = nowIso();
  const id = newId();
  const payload: ImportPayload = {
    entity: input.entity,
    onlyValid: input.onlyValid,
    locale: input.locale,
    actor,
  };
  await storeJobText(db, id, input.text);
  await db.transaction().execute(async (trx) => {
    await trx
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
    await enqueueJob(trx, actor, { id, kind: IMPORT_JOB_KIND, payload });
  });
  return toImportJob(
    await db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    await findJobRow(db, id),
  );
}

/** The next write slice: twice as big after a quick transaction, half after a slow one. */
export function nextSliceSize(size: number, tookMs: number): number {
  if (tookMs < WRITE_SLICE_MS / 2) return Math.min(WRITE_SLICE.max, size * 2);
  if (tookMs > WRITE_SLICE_MS * 2) return Math.max(WRITE_SLICE.min, Math.floor(size / 2));
  return size;
}

/**
 * The import job: every row is checked before any is written; a file with errors imports nothing unless onlyValid
 * is set, in which case the valid rows are imported and the others reported. Rows are written a slice to a
 * transaction, each also counting them on import_job, so other requests run in between and a crash leaves an exact
 * count of what was imported (the runner then fails the job as 'interrupted': it is never run twice).
 */
async function runImport(ctx: JobContext<ImportPayload>): Promise<unknown> {
  const { id, db } = ctx;
  const input = ctx.payload;
  const adapter = importAdapter(input.entity);
  if (!adapter) throw new DomainError('not_found', 'unknown_import', { params: { entity: input.entity } });
  const setImport = (trx: Executor, patch: Updateable<ImportJobTable>) =>
    trx
      .updateTable('import_job')
      .set({ ...patch, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
  const finish = async (status: 'done' | 'failed', message: string | null) =>
    setImport(db, { status, message, finished_at: nowIso() });

  try {
    await setImport(db, { status: 'validating' });
    const v = await validate(db, adapter, ctx.text ?? '', ctx.pause, (done) => ctx.progress(done, null));
    const total = v.rowCount;
    const rejected = v.errors.size;
    // The report is stored when the import ends: SQLite rewrites a whole row on every update, and import_job
    // counts every written slice.
    const report = JSON.stringify(toRowErrors(adapter, v.errors, input.locale));
    await setImport(db, { total_rows: total, processed_rows: 0, rejected_rows: rejected });
    if (rejected > 0 && !input.onlyValid) {
      await ctx.progress(total, total);
      await setImport(db, { report_json: report });
      await finish('failed', 'has_errors');
      throw new JobFailure('has_errors', { imported: 0, rejected });
    }
    const valid = v.rows.filter((_, k) => !v.errors.has(v.parsedIndex[k] ?? -1));
    await setImport(db, { status: 'importing' });
    await ctx.progress(rejected, total);
    let imported = 0;
    let size = WRITE_SLICE.first;
    while (imported < valid.length) {
      const slice = valid.slice(imported, imported + size);
      const began = performance.now();
      await db.transaction().execute(async (trx) => {
        await adapter.insert(trx, input.actor, slice);
        await trx
          .updateTable('import_job')
          .set((eb) => ({
            imported_rows: eb('imported_rows', '+', slice.length),
            processed_rows: eb('processed_rows', '+', slice.length),
            updated_at: nowIso(),
          }))
          .where('id', '=', id)
          .execute();
      });
      imported += slice.length;
      size = nextSliceSize(size, performance.now() - began);
      await ctx.progress(rejected + imported, total);
      await ctx.pause();
    }
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, input.actor, {
        action: 'import.run',
        entity: 'import_job',
        entityId: id,
        after: { entity: input.entity, imported, rejected },
      });
      await setImport(trx, {
        status: 'done',
        processed_rows: total,
        report_json: report,
        finished_at: nowIso(),
      });
    });
    return { imported, rejected };
  } catch (e) {
    if (!(e instanceof JobFailure)) {
      const code = e instanceof DomainError ? e.code : ctx.signal.aborted ? 'interrupted' : 'internal_error';
      await finish('failed', code).catch(() => {});
    }
    throw e;
  }
}

// Imports run on the job runner (modules/jobs), once each: a half-written import is never started again.
registerJobHandler<ImportPayload>(IMPORT_JOB_KIND, runImport, { maxAttempts: 1, clearPayload: true });

/** Imports that finished and brought in at least one row: the first-steps checklist counts one as the catalogue. */
export async function countFinishedImports(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('import_job')
    .select(countAll().as('n'))
    .where('status', '=', 'done')
    .where('imported_rows', '>', 0)
    .executeTakeFirstOrThrow();
  return row.n;
}
