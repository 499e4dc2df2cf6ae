/**
 * One way to answer a list: a filtered select, an order from the list's allowed sort keys, a page and the
 * total count of the filter. The request side (schemas, sort keys) is kernel/list-query.ts.
 */
import { type Expression, type SelectQueryBuilder, sql } from 'kysely';
import { offsetOf, type PageOf, type PageRequest, parseSort, type SortDirection } from '../kernel/list-query';
import type { Database } from './schema';
import { countAll } from './sql';

/**
 * One ORDER BY term of a sort key: a column ("table.column") or an expression. It runs in the direction the
 * caller asked for unless it fixes its own (a tie-breaker that is always ascending, empty values last).
 */
export type OrderTerm = string | { by: string | Expression<unknown>; direction?: SortDirection };

/** A list's sort keys as the API names them ("code", "name"), each with its ORDER BY terms, tie-breakers last. */
export type SortKeys = Readonly<Record<string, readonly OrderTerm[]>>;

/** The ORDER BY of one list request: the terms of its sort key and the direction asked for. */
export interface ListOrder {
  terms: readonly OrderTerm[];
  direction: SortDirection;
}

/** "name" / "-name" against the sort keys; a missing or unknown key sorts by `fallback` in the direction asked for. */
export function listOrder(sort: string | undefined, keys: SortKeys, fallback: string): ListOrder {
  const { entry, direction } = parseSort(sort, keys, fallback);
  return { terms: entry, direction };
}

/** The same order with more terms after it (the id that makes the order total). */
export function thenBy(order: ListOrder, ...terms: OrderTerm[]): ListOrder {
  return { terms: [...order.terms, ...terms], direction: order.direction };
}

// biome-ignore lint/suspicious/noExplicitAny: a list helper only adds ORDER BY, LIMIT and a count to any select
type AnyQuery<O> = SelectQueryBuilder<Database, any, O>;

/** The query with the order's ORDER BY terms. */
export function ordered<O>(query: AnyQuery<O>, order: ListOrder): AnyQuery<O> {
  let q = query;
  for (const term of order.terms) {
    const { by, direction } = typeof term === 'string' ? { by: term, direction: undefined } : term;
    q = q.orderBy(typeof by === 'string' ? sql.ref(by) : by, direction ?? order.direction);
  }
  return q;
}

/** Every row of the filtered query, in the order (exports, pickers). */
export async function listAll<O>(filtered: AnyQuery<O>, order: ListOrder): Promise<O[]> {
  return ordered(filtered, order).execute();
}

/** One page of the filtered query in the order, and how many rows the filter matches. */
export async function listPage<O>(
  filtered: AnyQuery<O>,
  order: ListOrder,
  request: PageRequest,
): Promise<PageOf<O>> {
  const items = await ordered(filtered, order)
    .limit(request.pageSize)
    .offset(offsetOf(request.page, request.pageSize))
    .execute();
  const count = await filtered.clearSelect().select(countAll().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number((count as { n: number }).n), page: request.page, pageSize: request.pageSize };
}

/** A page with its items mapped (rows to API objects), the paging unchanged. */
export async function mapPage<R, T>(
  page: PageOf<R>,
  map: (rows: R[]) => T[] | Promise<T[]>,
): Promise<PageOf<T>> {
  return { ...page, items: await map(page.items) };
}
