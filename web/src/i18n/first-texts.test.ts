import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_TEXTS } from './index';

/**
 * The screens shown before anyone signs in, with only the texts the page starts with (the others come with the
 * signed-in screens): the sign-in form, the language switch on it, the loading and error states, the API client's
 * own messages. Each key these files name must be among the first texts, or it would show raw.
 */
const BEFORE_SIGN_IN = [
  'features/auth/sign-in-page.tsx',
  'ui/language-switch.tsx',
  'ui/states.tsx',
  'api/client.ts',
  'app/guards.tsx',
];

function keysUsedIn(file: string): string[] {
  const source = readFileSync(path.join(import.meta.dirname, '..', file), 'utf8');
  return [...source.matchAll(/(?<![\w.])(?:i18n\.)?t\(\s*'([\w.]+)'/g)].map((m) => m[1] ?? '');
}

function textAt(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
}

describe('the texts the page starts with', () => {
  it.each(BEFORE_SIGN_IN)('hold every key %s uses, in both languages', (file) => {
    const keys = keysUsedIn(file);
    if (file.endsWith('sign-in-page.tsx')) expect(keys).toContain('auth.username');
    const missing = keys.flatMap((key) =>
      (['bg', 'en'] as const).flatMap((lng) =>
        typeof textAt(FIRST_TEXTS[lng], key) === 'string' ? [] : [`${lng}: ${key}`],
      ),
    );
    expect(missing).toEqual([]);
  });
});
