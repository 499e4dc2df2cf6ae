import { describe, expect, it } from 'vitest';
import { budgetReport, firstLoadFiles, type Manifest } from './bundle-budget';

/** An entry that imports the framework, which imports a shared helper; two lazy screens, one with its own CSS. */
const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_framework.js'],
    css: ['assets/index.css'],
  },
  '_framework.js': { file: 'assets/framework.js', imports: ['_helper.js'] },
  '_helper.js': { file: 'assets/helper.js', imports: ['_framework.js'] },
  'src/stock/screens.ts': {
    file: 'assets/stock.js',
    imports: ['_framework.js', '_helper.js'],
    css: ['assets/stock.css'],
  },
  'src/catalog/screens.ts': { file: 'assets/catalog.js', imports: ['_framework.js'] },
};

const SIZES: Record<string, number> = {
  'assets/index.js': 100_000,
  'assets/index.css': 40_000,
  'assets/framework.js': 120_000,
  'assets/helper.js': 10_000,
  'assets/stock.js': 50_000,
  'assets/stock.css': 5_000,
  'assets/catalog.js': 30_000,
};
const sizeOf = (file: string) => SIZES[file] ?? 0;

describe('the first-load budget', () => {
  it('counts the entry, what it imports statically at any depth, and their CSS, but no lazy screen', () => {
    expect(firstLoadFiles(MANIFEST).sort()).toEqual([
      'assets/framework.js',
      'assets/helper.js',
      'assets/index.css',
      'assets/index.js',
    ]);
  });

  it('sums the first load and all files, largest first, and holds while the first load fits', () => {
    const report = budgetReport(MANIFEST, sizeOf, 300 * 1024);
    expect(report.firstLoadBytes).toBe(270_000);
    expect(report.withinBudget).toBe(true);
    expect(report.lines[1]).toMatch(/^assets\/framework\.js\s+117\.2 kB\s+yes$/);
    expect(report.lines.at(-2)).toBe('first load (4 files): 263.7 kB gzipped, budget 300.0 kB');
    expect(report.lines.at(-1)).toBe('all 7 files: 346.7 kB gzipped');
  });

  it('fails once the first load grows past the budget', () => {
    expect(budgetReport(MANIFEST, sizeOf, 250 * 1024).withinBudget).toBe(false);
  });
});
