/**
 * Prints what the browser downloads before the first screen (the sign-in) and fails the build when it grows past
 * the budget: a phone on a mobile network waits for every byte of it. Run after `vite build` (see package.json).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The JavaScript and CSS of the first screen, gzipped, at most. */
export const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

/** One chunk of Vite's build manifest (dist/.vite/manifest.json), the fields read here. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The files loaded before the first screen: the entry chunks, every chunk they import statically (through any
 * depth), and the CSS of all of those. Dynamic imports (the lazy screens) are left out: they load on demand.
 */
export function firstLoadFiles(manifest: Manifest): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest names a chunk it does not have: ${key}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...files];
}

/** Every JavaScript and CSS file the build wrote, first load or not. */
export function allFiles(manifest: Manifest): string[] {
  const files = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    if (/\.(js|css)$/.test(chunk.file)) files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return [...files];
}

export interface BudgetReport {
  lines: string[];
  firstLoadBytes: number;
  withinBudget: boolean;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The table of the largest files (gzipped), the first-load and total sizes, and whether the budget holds. */
export function budgetReport(
  manifest: Manifest,
  gzippedSize: (file: string) => number,
  budget = FIRST_LOAD_BUDGET_BYTES,
  largest = 12,
): BudgetReport {
  const firstLoad = new Set(firstLoadFiles(manifest));
  const sizes = allFiles(manifest)
    .map((file) => ({ file, bytes: gzippedSize(file), first: firstLoad.has(file) }))
    .sort((a, b) => b.bytes - a.bytes);
  const firstLoadBytes = sizes.filter((s) => s.first).reduce((sum, s) => sum + s.bytes, 0);
  const totalBytes = sizes.reduce((sum, s) => sum + s.bytes, 0);
  const width = Math.max(...sizes.slice(0, largest).map((s) => s.file.length), 10);
  const lines = [
    `${'file'.padEnd(width)}  ${'gzip'.padStart(10)}  first load`,
    ...sizes
      .slice(0, largest)
      .map((s) => `${s.file.padEnd(width)}  ${kB(s.bytes).padStart(10)}  ${s.first ? 'yes' : ''}`),
    ...(sizes.length > largest ? [`… and ${sizes.length - largest} smaller files`] : []),
    '',
    `first load (${firstLoad.size} files): ${kB(firstLoadBytes)} gzipped, budget ${kB(budget)}`,
    `all ${sizes.length} files: ${kB(totalBytes)} gzipped`,
  ];
  return { lines, firstLoadBytes, withinBudget: firstLoadBytes <= budget };
}

function main() {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const report = budgetReport(manifest, (file) => gzipSync(readFileSync(path.join(dist, file))).length);
  console.log(report.lines.join('\n'));
  if (!report.withinBudget) {
    console.error(
      `\nThe first load is over its budget of ${kB(FIRST_LOAD_BUDGET_BYTES)} gzipped: load the new code lazily ` +
        '(see web/src/app/lazy-screen.ts) rather than raising the budget.',
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
