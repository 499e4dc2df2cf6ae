import { describe, expect, it } from 'vitest';
import { clampPage, offsetOf, pageCount } from './pagination';

describe('clampPage', () => {
  it('keeps a valid request', () => {
    expect(clampPage({ page: 3, pageSize: 25 })).toEqual({ page: 3, pageSize: 25 });
  });

  it('fills defaults for missing or NaN values', () => {
    expect(clampPage({})).toEqual({ page: 1, pageSize: 50 });
    expect(clampPage({ page: Number.NaN, pageSize: Number.NaN })).toEqual({ page: 1, pageSize: 50 });
    expect(clampPage({}, { defaultPageSize: 20 })).toEqual({ page: 1, pageSize: 20 });
    expect(clampPage({}, { maxPageSize: 10 })).toEqual({ page: 1, pageSize: 10 });
  });

  it('clamps out-of-range and fractional values', () => {
    expect(clampPage({ page: 0, pageSize: 0 })).toEqual({ page: 1, pageSize: 1 });
    expect(clampPage({ page: -5, pageSize: -5 })).toEqual({ page: 1, pageSize: 1 });
    expect(clampPage({ page: 2.7, pageSize: 10.9 })).toEqual({ page: 2, pageSize: 10 });
    expect(clampPage({ pageSize: 1000 })).toEqual({ page: 1, pageSize: 200 });
    expect(clampPage({ pageSize: 1000 }, { maxPageSize: 500 })).toEqual({ page: 1, pageSize: 500 });
  });

  it('keeps the offset safe for absurd page numbers', () => {
    const window = clampPage({ page: Number.POSITIVE_INFINITY, pageSize: 200 });
    expect(Number.isSafeInteger(offsetOf(window.page, window.pageSize))).toBe(true);
  });
});

describe('offsetOf', () => {
  it('computes (page − 1) × pageSize', () => {
    expect(offsetOf(1, 50)).toBe(0);
    expect(offsetOf(3, 25)).toBe(50);
  });

  it('rejects non-positive or fractional input', () => {
    expect(() => offsetOf(0, 10)).toThrow(RangeError);
    expect(() => offsetOf(1, 0)).toThrow(RangeError);
    expect(() => offsetOf(1.5, 10)).toThrow(RangeError);
    expect(() => offsetOf(Number.MAX_SAFE_INTEGER, 10)).toThrow(RangeError);
  });
});

describe('pageCount', () => {
  it('rounds up and has at least one page', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(() => pageCount(-1, 50)).toThrow(RangeError);
  });
});
