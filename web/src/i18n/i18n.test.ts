import { describe, expect, it } from 'vitest';
import { bg } from './bg';
import { en } from './en';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function valueAt(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], tree);
}

describe('translations', () => {
  it('Bulgarian and English have the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(bg).sort());
  });

  it('every text is non-empty and uses the same {{placeholders}} in both languages', () => {
    for (const key of keysOf(bg)) {
      const b = valueAt(bg, key);
      const e = valueAt(en, key);
      expect(typeof b, key).toBe('string');
      expect(typeof e, key).toBe('string');
      expect((b as string).trim(), key).not.toBe('');
      expect((e as string).trim(), key).not.toBe('');
      expect(placeholdersOf(e as string), key).toEqual(placeholdersOf(b as string));
    }
  });
});
