import { describe, expect, it } from 'vitest';
import { allowedEntry, offsetOf, parseSort } from './list-query';

const KEYS = { name: ['name'], city: ['city', 'name'] };

describe('parseSort', () => {
  it('reads a key and "-key" as descending', () => {
    expect(parseSort('city', KEYS, 'name')).toEqual({ entry: ['city', 'name'], direction: 'asc' });
    expect(parseSort('-city', KEYS, 'name')).toEqual({ entry: ['city', 'name'], direction: 'desc' });
  });

  it('sorts a missing or unknown key by the fallback, still in the direction asked for', () => {
    expect(parseSort(undefined, KEYS, 'name')).toEqual({ entry: ['name'], direction: 'asc' });
    expect(parseSort('', KEYS, 'name')).toEqual({ entry: ['name'], direction: 'asc' });
    expect(parseSort('-nope', KEYS, 'name')).toEqual({ entry: ['name'], direction: 'desc' });
    expect(parseSort('__proto__', KEYS, 'name')).toEqual({ entry: ['name'], direction: 'asc' });
  });

  it('refuses a fallback that is not a key (a programming error)', () => {
    expect(() => parseSort(undefined, KEYS, 'nope')).toThrow(RangeError);
  });
});

describe('allowedEntry', () => {
  it('answers only the allow-list’s own keys', () => {
    expect(allowedEntry(KEYS, 'name')).toEqual(['name']);
    expect(allowedEntry(KEYS, 'constructor')).toBeUndefined();
    expect(allowedEntry(KEYS, 'toString')).toBeUndefined();
    expect(allowedEntry(KEYS, undefined)).toBeUndefined();
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
