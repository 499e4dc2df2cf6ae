import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES, MESSAGES } from './messages';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|fixture/.test(e.name) ? [p] : [];
  });
}

/**
 * Every error code the server can answer with, read from its source: the code of each DomainError and AppError,
 * the codes schemas give their refinements (`params: { code }`), and `code: '…'` of problems built by hand.
 */
function codesInSource(): Map<string, string> {
  const codes = new Map<string, string>();
  const patterns = [
    /new (?:DomainError|AppError)\(\s*[^,()]+,\s*'([a-z0-9_]+)'/g,
    /\bcode: '([a-z0-9_]+)'/g,
    /\bmessage: '([a-z0-9_]+)'/g,
  ];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern))
        if (m[1] !== 'custom') codes.set(m[1] as string, path.relative(SRC, file));
  }
  return codes;
}

describe('error messages', () => {
  it('every error code used in the server has its message in Bulgarian and in English', () => {
    const codes = codesInSource();
    // The scan finds the codes: a broken pattern would make this test pass on nothing.
    expect(codes.size).toBeGreaterThan(80);
    expect(codes.get('insufficient_stock')).toMatch(/stock/);
    const missing = [...codes].flatMap(([code, file]) =>
      LOCALES.filter((l) => !MESSAGES[code]?.[l]?.trim()).map((l) => `${code} (${l}) from ${file}`),
    );
    expect(missing).toEqual([]);
  });

  it('every message uses the same {placeholders} in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const different = Object.entries(MESSAGES).flatMap(([code, texts]) =>
      JSON.stringify(names(texts.bg)) === JSON.stringify(names(texts.en)) ? [] : [code],
    );
    expect(different).toEqual([]);
  });
});
