import { z } from 'zod';
import { MAX_PAGE } from '../kernel/limits';

/** Query fields every list shares: free-text q, paging, sort by a field name ("-name" for descending). */
export const ListQueryBase = {
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.string().max(64).optional(),
};

/** Resolves "name" / "-name" against the allowed sort columns; unknown names fall back to the default. */
export function sortSpec<K extends string>(
  sort: string | undefined,
  allowed: Record<string, K>,
  fallback: K,
): { column: K; direction: 'asc' | 'desc' } {
  const desc = sort?.startsWith('-') ?? false;
  const key = desc ? sort?.slice(1) : sort;
  const column = key && Object.hasOwn(allowed, key) ? (allowed[key] as K) : fallback;
  return { column, direction: desc ? 'desc' : 'asc' };
}

/** The allow-list's own entry for a key: "__proto__", "constructor" or "toString" are not sort keys. */
export function allowedEntry<V>(allowed: Record<string, V>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(allowed, key) ? allowed[key] : undefined;
}

/** A boolean in a query string: "true"/"1" and "false"/"0". */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
