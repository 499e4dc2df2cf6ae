import { ApiError } from './client';

/**
 * The record a 409 names: a duplicate ЕИК or serial number answers with `existingId` (and, for an item,
 * `existingOwnerId`) next to the message.
 */
export function conflictOf(
  error: unknown,
  code: string,
): { existingId: string; existingOwnerId?: string } | null {
  if (!(error instanceof ApiError) || error.code !== code) return null;
  const problem: Record<string, unknown> = { ...error.problem };
  const existingId = problem.existingId;
  if (typeof existingId !== 'string') return null;
  const owner = problem.existingOwnerId;
  return { existingId, ...(typeof owner === 'string' ? { existingOwnerId: owner } : {}) };
}

/** Why the server refused a delete (409 in_use): one sentence per kind of record that uses it. */
export function inUseReasons(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'in_use') return [];
  return (error.problem.errors ?? []).map((e) => e.message);
}
