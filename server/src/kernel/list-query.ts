/**
 * What a list request and a list answer look like: free-text q, a 1-based page, a bounded page size and a sort
 * key ("name", or "-name" for descending). The request and response schemas of every list come from here; the
 * query that answers them is db/list.ts.
 */
import { z } from 'zod';
import { MAX_PAGE } from './limits';

/** Largest page a list answers. */
export const MAX_PAGE_SIZE = 200;

/** Paging fields of a list query: page from 1, pageSize 1–200 (50 by default). */
export const PageQuery = {
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
};

/** Query fields every list shares: free-text q, paging, sort by a field name ("-name" for descending). */
export const ListQueryBase = {
  q: z.string().trim().max(200).optional(),
  ...PageQuery,
  sort: z.string().max(64).optional(),
};

/** A boolean in a query string: "true"/"1" and "false"/"0". */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A page of a server-side list. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A page request after validation. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** A page of a list as the services return it. */
export interface PageOf<T> extends PageRequest {
  items: T[];
  total: number;
}

export type SortDirection = 'asc' | 'desc';

/** The allow-list's own entry for a key: "__proto__", "constructor" or "toString" are not sort keys. */
export function allowedEntry<V>(allowed: Record<string, V>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(allowed, key) ? allowed[key] : undefined;
}

/**
 * Resolves "name" / "-name" against the allowed sort keys: the key's entry and the direction. A missing or
 * unknown key sorts by `fallback`, still in the direction asked for.
 */
export function parseSort<V>(
  sort: string | undefined,
  allowed: Record<string, V>,
  fallback: string,
): { entry: V; direction: SortDirection } {
  const desc = sort?.startsWith('-') ?? false;
  const key = desc ? sort?.slice(1) : sort;
  const entry = allowedEntry(allowed, key) ?? allowedEntry(allowed, fallback);
  if (entry === undefined) throw new RangeError(`Unknown fallback sort key ${fallback}`);
  return { entry, direction: desc ? 'desc' : 'asc' };
}

/** SQL offset of a 1-based page: (page − 1) × pageSize; throws RangeError unless both are positive integers. */
export function offsetOf(page: number, pageSize: number): number {
  if (!Number.isSafeInteger(page) || page < 1 || !Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`Page and page size must be positive integers, got ${page} and ${pageSize}`);
  }
  const offset = (page - 1) * pageSize;
  if (!Number.isSafeInteger(offset)) {
    throw new RangeError(`Offset of page ${page} with size ${pageSize} is too large`);
  }
  return offset;
}
