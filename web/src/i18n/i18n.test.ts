import { describe, expect, it } from 'vitest';
import { bg, en, FEATURE_MESSAGES } from './resources';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function valueAt(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
}

const FEATURES = Object.entries(FEATURE_MESSAGES);

describe('translations', () => {
  it.each(FEATURES)('%s: Bulgarian and English have the same keys', (_, messages) => {
    expect(keysOf(messages.en).sort()).toEqual(keysOf(messages.bg).sort());
  });

  it.each(FEATURES)(
    '%s: every text is non-empty and uses the same {{placeholders}} in both languages',
    (_, messages) => {
      for (const key of keysOf(messages.bg)) {
        const b = valueAt(messages.bg, key);
        const e = valueAt(messages.en, key);
        expect(typeof b, key).toBe('string');
        expect(typeof e, key).toBe('string');
        expect((b as string).trim(), key).not.toBe('');
        expect((e as string).trim(), key).not.toBe('');
        expect(placeholdersOf(e as string), key).toEqual(placeholdersOf(b as string));
      }
    },
  );

  it('no key is defined by two features with different texts, and the merged languages keep every key', () => {
    const seen = new Map<string, { feature: string; bg: unknown; en: unknown }>();
    const clashes: string[] = [];
    for (const [feature, messages] of FEATURES)
      for (const key of keysOf(messages.bg)) {
        const texts = { feature, bg: valueAt(messages.bg, key), en: valueAt(messages.en, key) };
        const before = seen.get(key);
        if (before && (before.bg !== texts.bg || before.en !== texts.en))
          clashes.push(`${key}: ${before.feature} and ${feature}`);
        seen.set(key, texts);
        expect(valueAt(bg, key), key).toBe(texts.bg);
        expect(valueAt(en, key), key).toBe(texts.en);
      }
    expect(clashes).toEqual([]);
    expect(keysOf(bg).sort()).toEqual([...seen.keys()].sort());
    expect(keysOf(en).sort()).toEqual(keysOf(bg).sort());
  });
});
