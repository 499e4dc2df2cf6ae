/**
 * A unique-index violation, as either database reports it: PostgreSQL's SQLSTATE 23505 (the index in
 * `constraint`, the columns in `detail`), better-sqlite3's SQLITE_CONSTRAINT_UNIQUE (table.column or the index
 * in the message). A concurrent writer that won between our check and our insert ends here, so the caller can
 * answer 409 instead of 500.
 */
export function isUniqueViolation(error: unknown, target?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, detail, message } = error as {
    code?: unknown;
    constraint?: unknown;
    detail?: unknown;
    message?: unknown;
  };
  if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  if (target === undefined) return true;
  return [constraint, detail, message].some((text) => typeof text === 'string' && text.includes(target));
}
