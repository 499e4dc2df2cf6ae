/**
 * A failure the user can act on, said in domain words: its kind (what went wrong for the caller) and a stable
 * code with the field and parameters a message needs. No HTTP here: http/error-handler.ts alone turns a kind
 * into a status and the code into problem+json.
 */
export type ErrorKind =
  /** The input breaks a rule (a value, a combination of values). */
  | 'invalid'
  /** The record does not exist, or the caller may not know it exists. */
  | 'not_found'
  /** The request clashes with the data as it is now (a duplicate, a posted document, a record in use). */
  | 'conflict'
  /** The caller may not do this. */
  | 'forbidden'
  /** The caller has not proven who they are (or the proof was wrong). */
  | 'unauthenticated'
  /** Too many attempts; try again later. */
  | 'rate_limited'
  /** Well-formed but cannot be processed (an amount past what the books can hold). */
  | 'unprocessable'
  /** A fault of the system, not of the caller. */
  | 'internal';

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

export interface DomainErrorOptions {
  field?: string;
  params?: Record<string, unknown>;
  /** Extra machine-readable facts, e.g. the id of the existing record in a conflict. */
  extra?: Record<string, unknown>;
  errors?: FieldError[];
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly options: DomainErrorOptions = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, field?: string, params?: Record<string, unknown>) =>
  new DomainError('invalid', code, { field, params });
export const notFound = (entity?: string) =>
  new DomainError('not_found', 'not_found', { params: { entity } });
export const conflict = (code: string, params?: Record<string, unknown>, extra?: Record<string, unknown>) =>
  new DomainError('conflict', code, { params, extra });
export const forbidden = (code = 'forbidden', options: DomainErrorOptions = {}) =>
  new DomainError('forbidden', code, options);
