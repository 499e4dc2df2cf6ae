import {
  type ColumnType,
  type Expression,
  type LimitNode,
  type OffsetNode,
  type OperationNode,
  PostgresAdapter,
  PostgresDialect,
  PostgresQueryCompiler,
  type QueryCompiler,
  sql,
  ValueNode,
} from 'kysely';
import { foldSearchText, likePattern } from '../kernel/search-text';
import type { Dialect, Executor } from './database';

/** A boolean column: boolean on PostgreSQL, 0/1 on SQLite; read it through Boolean() in the row mapper. */
export type SqlBool = ColumnType<boolean | number, boolean, boolean>;
/** An instant: ISO-8601 UTC text on SQLite, timestamptz on PostgreSQL (parsed back to ISO text). */
export type Instant = string;
/** A calendar date 'YYYY-MM-DD'. */
export type CalendarDate = string;

export function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function nowIso(): Instant {
  return new Date().toISOString();
}

/**
 * LIMIT and OFFSET written into the SQL text instead of sent as parameters (PostgreSQL). A prepared statement's
 * generic plan does not know a parameter's value: with `limit $1` the planner assumes a large part of the table and
 * picks a scan and sort where the first rows by an index were right (a warranty look-up by serial went from 0.5 ms
 * to 290 ms). Only safe integers become literals; anything else stays a parameter.
 */
export class LiteralLimitsCompiler extends PostgresQueryCompiler {
  protected override visitLimit(node: LimitNode): void {
    if (isCount(node.limit)) this.append(`limit ${node.limit.value}`);
    else super.visitLimit(node);
  }

  protected override visitOffset(node: OffsetNode): void {
    if (isCount(node.offset)) this.append(`offset ${node.offset.value}`);
    else super.visitOffset(node);
  }
}

/**
 * PostgreSQL with LiteralLimitsCompiler. The compiler writes the literals as it writes the SQL: a plugin that
 * rewrote the query tree instead cost a millisecond on the board's union of laterals (every node copied and frozen).
 */
export class LiteralLimitsPostgresDialect extends PostgresDialect {
  override createQueryCompiler(): QueryCompiler {
    return new LiteralLimitsCompiler();
  }
}

function isCount(node: OperationNode): node is ValueNode & { value: number } {
  if (!ValueNode.is(node)) return false;
  const value = node.value;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** count(*) as a number on both databases (pg's bigint arrives as text and is parsed in db/database.ts). */
export function countAll() {
  return sql<number>`cast(count(*) as bigint)`;
}

/** sum() of integer money or quantities, 0 when no rows, as an integer on both databases. */
export function sumInt(expr: Expression<unknown> | string) {
  const ref = typeof expr === 'string' ? sql.ref(expr) : expr;
  return sql<number>`cast(coalesce(sum(${ref}), 0) as bigint)`;
}

/**
 * Case-insensitive substring search of a normalised search_text column.
 * SQLite folds only ASCII case, so both sides are normalised in JS (kernel/search-text) and compared with LIKE.
 */
export function matchesSearch(column: string, needle: string) {
  return sql<boolean>`${sql.ref(column)} like ${likePattern(needle)} escape '\\'`;
}

/**
 * Tables whose search_text has an FTS5 trigram index `<table>_search_fts` on SQLite (migration 0008-search-index;
 * service_order since 0018-orders-speed).
 */
export type SearchIndexedTable = 'party' | 'site' | 'item' | 'catalog_part' | 'service_order';

/**
 * matchesSearch on `<table>.search_text`, served on SQLite by the table's FTS5 trigram index; the same answers.
 * The index answers only a LIKE without ESCAPE (SQLite hands no three-argument like() to a virtual table) whose
 * literal run is at least 3 characters, so a needle shorter than that, or with % or _ in it, keeps the scan.
 * Without ESCAPE a backslash is literal, as it is after likePattern's escaping. PostgreSQL: matchesSearch as is
 * (pg_trgm serves it where installed).
 */
export function matchesSearchIndexed(db: Executor, table: SearchIndexedTable, needle: string) {
  const column = `${table}.search_text`;
  if (dialectOf(db) === 'postgres') return matchesSearch(column, needle);
  const folded = foldSearchText(needle);
  if ([...folded].length < 3 || /[%_]/.test(folded)) return matchesSearch(column, needle);
  return sql<boolean>`${sql.ref(`${table}.rowid`)} in (select rowid from ${sql.table(`${table}_search_fts`)} where search_text like ${`%${folded}%`})`;
}

/**
 * `column` is one of `values`: on PostgreSQL `= any($1)` with the values as one array parameter, so the statement's
 * text (and its prepared plan, ADR 0027) is the same for any number of values; SQLite has no arrays: `in (?, ?, …)`.
 */
export function idIsOneOf(db: Executor, column: string, values: readonly string[]) {
  return dialectOf(db) === 'postgres'
    ? sql<boolean>`${sql.ref(column)} = any(${[...values]})`
    : sql<boolean>`${sql.ref(column)} in (${sql.join(values)})`;
}

/** Row locks exist on PostgreSQL only; SQLite serialises writers by itself (one connection, BEGIN IMMEDIATE). */
export function lockForUpdate<QB extends { forUpdate(): QB }>(qb: QB, db: Executor): QB {
  return dialectOf(db) === 'postgres' ? qb.forUpdate() : qb;
}
