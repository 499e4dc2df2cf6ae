/**
 * Paging of list endpoints: 1-based pages, a bounded page size, offsets for SQL.
 * Pure helpers; request validation stays in the route schemas.
 */

/** A page request as it arrives (either field may be missing or out of range). */
export interface PageRequest {
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** A page request after clamping: page ≥ 1, 1 ≤ pageSize ≤ maxPageSize, both integers. */
export interface PageWindow {
  page: number;
  pageSize: number;
}

/** Limits applied by clampPage. */
export interface PageLimits {
  /** Largest allowed page size; default 200. */
  maxPageSize?: number;
  /** Page size used when none (or NaN) is given; default 50, never above maxPageSize. */
  defaultPageSize?: number;
}

/** Clamps a page request: page to an integer ≥ 1, pageSize to an integer in 1..maxPageSize (default 200), missing values to defaults. */
export function clampPage(request: PageRequest, limits: PageLimits = {}): PageWindow {
  const maxPageSize = Math.max(1, Math.floor(limits.maxPageSize ?? 200));
  const defaultPageSize = Math.min(maxPageSize, Math.max(1, Math.floor(limits.defaultPageSize ?? 50)));
  const requestedSize = request.pageSize;
  const pageSize =
    requestedSize === undefined || Number.isNaN(requestedSize)
      ? defaultPageSize
      : Math.min(maxPageSize, Math.max(1, Math.floor(requestedSize)));
  // Keep the offset of the last reachable page a safe integer.
  const maxPage = Math.floor(Number.MAX_SAFE_INTEGER / pageSize);
  const requestedPage = request.page;
  const page =
    requestedPage === undefined || Number.isNaN(requestedPage)
      ? 1
      : Math.min(maxPage, Math.max(1, Math.floor(requestedPage)));
  return { page, pageSize };
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

/** Number of pages needed for totalItems at pageSize: ceil(total / size), at least 1 so an empty list still has page 1. */
export function pageCount(totalItems: number, pageSize: number): number {
  if (
    !Number.isSafeInteger(totalItems) ||
    totalItems < 0 ||
    !Number.isSafeInteger(pageSize) ||
    pageSize < 1
  ) {
    throw new RangeError(
      `Total must be a non-negative and page size a positive integer, got ${totalItems} and ${pageSize}`,
    );
  }
  return Math.max(1, Math.ceil(totalItems / pageSize));
}
