import type { z } from 'zod';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import type { Role } from '../auth';
import type { ImportEntity } from './imports.schema';

/** One problem with one CSV row: the column (field) and a stable code with its message parameters. */
export interface RowError {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** One code a coded column takes, with the word a user reads for it in each language. */
export interface CodedValue {
  value: string;
  bg: string;
  en: string;
}

/**
 * How one kind of record is imported from CSV. The header names are those of ../shared/data (and of the
 * module's CSV export), so a file exported from Servix imports back unchanged.
 */
export interface ImportAdapter<Row> {
  /** URL name: customers, sites, models, parts, service-types, items. */
  entity: ImportEntity;
  /** Who may import: the entity's write rule from its module's <m>.access.ts, the same as its create route. */
  rule: readonly Role[];
  /** All columns the file may have, in export order; unknown columns are an error. */
  columns: readonly string[];
  /** Columns that must be present in the header. */
  requiredColumns: readonly string[];
  /**
   * The Bulgarian header of a column where it is not the shared one of imports.headers.ts; either header is
   * accepted in a file, in any letter case.
   */
  headersBg?: Readonly<Partial<Record<string, string>>>;
  /**
   * The codes a coded column takes (customers' type: person, company). They are listed in the template and in the
   * error for a wrong value, and a cell may hold the Bulgarian or English word instead of the code.
   */
  values?: Readonly<Partial<Record<string, readonly CodedValue[]>>>;
  /** Parses one record (column -> trimmed text, '' for empty) into a typed row; zod issues become row errors. */
  row: z.ZodType<Row>;
  /**
   * Checks all parsed rows against the database and against each other (duplicates inside the file, references
   * by code or name to existing records). Returns errors by row index (0-based among the data rows).
   */
  check(db: Executor, rows: Row[]): Promise<Map<number, RowError[]>>;
  /** Writes the rows (already checked) in the caller's transaction, with audit rows. */
  insert(trx: Executor, actor: Actor, rows: Row[]): Promise<void>;
}

/** The error code of a cell that failed its zod schema, as the import report and the row errors name it. */
export function importIssueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom')
    return ((issue.params as { code?: string } | undefined)?.code ?? 'invalid_value') as string;
  if (issue.code === 'invalid_type') return 'invalid_type';
  // A number under a minimum of 0 is a minus sign in the cell: say so, not just "too small".
  if (issue.code === 'too_small' && issue.origin === 'number' && Number(issue.minimum) === 0)
    return 'negative_not_allowed';
  if (issue.code === 'too_small' || issue.code === 'too_big') return issue.code;
  return 'invalid_value';
}
