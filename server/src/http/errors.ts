import type { FieldError } from '../kernel/errors';

/**
 * An HTTP-level failure (authentication, routing, the request's shape), answered as application/problem+json with a stable code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly options: {
      field?: string;
      params?: Record<string, unknown>;
      /** Extra machine-readable facts, e.g. the id of the existing record in a conflict. */
      extra?: Record<string, unknown>;
      errors?: FieldError[];
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** Still used by the stock files until they throw kernel/errors.ts DomainError; then this goes too. */
