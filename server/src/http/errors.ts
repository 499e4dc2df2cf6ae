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

export type { FieldError } from '../kernel/errors';

export const badRequest = (code: string, field?: string, params?: Record<string, unknown>) =>
  new AppError(400, code, { field, params });
export const notFound = (entity?: string) => new AppError(404, 'not_found', { params: { entity } });
export const conflict = (code: string, params?: Record<string, unknown>, extra?: Record<string, unknown>) =>
  new AppError(409, code, { params, extra });
export const forbidden = () => new AppError(403, 'forbidden');
