import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIOME = path.join(ROOT, 'node_modules/.bin/biome');

/** Each probe: a file at a path of the repository that imports one specifier; denied when the lint must fail it. */
const PROBES: { file: string; from: string; denied: boolean }[] = [
  { file: 'server/src/modules/a/a.service.ts', from: '../b/b.service', denied: true },
  { file: 'server/src/modules/a/a.repository.ts', from: '../b/b.repository', denied: true },
  { file: 'server/src/modules/a/a.routes.ts', from: '../b/b.schema', denied: true },
  { file: 'server/src/modules/a/a.service.test.ts', from: '../b/b.service', denied: true },
  { file: 'server/src/modules/a/a.links.ts', from: '../b/deeper/file', denied: true },
  { file: 'server/src/modules/a/a.seed.ts', from: '../b', denied: false },
  { file: 'server/src/modules/a/a.import.ts', from: '../b/index', denied: false },
  { file: 'server/src/modules/a/a.pdf.ts', from: './a.service', denied: false },
  { file: 'server/src/modules/a/a.print.ts', from: '../../kernel/money', denied: false },
  { file: 'server/src/modules/a/a.usage.ts', from: '../../../test/harness', denied: false },
  // Schemas and access maps are loaded by the web, which never loads index.ts: they may build on a schema.
  { file: 'server/src/modules/a/a.schema.ts', from: '../b/b.schema', denied: false },
  { file: 'server/src/modules/a/a.access.ts', from: '../b/b.schema', denied: false },
  { file: 'server/src/modules/c/c.schema.ts', from: '../b/b.service', denied: true },
  // Only routes (and tests) speak HTTP: services, repositories, schemas and the rest use kernel/ and db/.
  { file: 'server/src/modules/h/h.service.ts', from: '../../http/errors', denied: true },
  { file: 'server/src/modules/h/h.schema.ts', from: '../../http/list', denied: true },
  { file: 'server/src/modules/h/h.access.ts', from: '../../http/fields', denied: true },
  { file: 'server/src/modules/h/h.routes.ts', from: '../../http/context', denied: false },
  { file: 'server/src/modules/h/h.fields.test.ts', from: '../../http/csv', denied: false },
  { file: 'server/src/seed/demo.ts', from: '../modules/a/a.seed', denied: true },
  { file: 'server/src/seed/more.ts', from: '../modules/a', denied: false },
  { file: 'server/src/app.ts', from: './modules/a/a.routes', denied: true },
  { file: 'server/src/cli.ts', from: './modules/a', denied: false },
  { file: 'server/src/access-table.ts', from: './modules/a/a.access', denied: false },
  { file: 'bench/stock.ts', from: '../server/src/modules/a/a.service', denied: true },
  { file: 'bench/run.ts', from: '../server/src/modules/a', denied: false },
  { file: 'server/src/db/schema.ts', from: '../modules/a/a.table', denied: false },
  { file: 'server/src/db/sql.ts', from: '../modules/a/a.table', denied: true },
  { file: 'server/src/kernel/k1.ts', from: '../db/database', denied: true },
  { file: 'server/src/kernel/k2.ts', from: '../http/errors', denied: true },
  { file: 'server/src/kernel/k3.ts', from: '../modules/a', denied: true },
  { file: 'server/src/kernel/k4.ts', from: './money', denied: false },
  // Two modules that import each other: a cycle, so one of them imports up.
  { file: 'server/src/modules/p/index.ts', from: '../q', denied: true },
  { file: 'server/src/modules/q/index.ts', from: '../p', denied: true },
];

describe('module boundaries (biome.json noRestrictedImports, docs/adr/0009-module-boundaries.md)', () => {
  it('the lint fails a deep import into another module or past its index.ts, kernel/ importing up, a module file other than routes importing http/, and a cycle', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-boundaries-'));
    try {
      fs.copyFileSync(path.join(ROOT, 'biome.json'), path.join(dir, 'biome.json'));
      for (const p of PROBES) {
        fs.mkdirSync(path.dirname(path.join(dir, p.file)), { recursive: true });
        fs.writeFileSync(path.join(dir, p.file), `import { x } from '${p.from}';\n\nexport const y = x;\n`);
      }
      let out: string;
      try {
        out = execFileSync(
          BIOME,
          [
            'lint',
            '--vcs-enabled=false',
            '--only=style/noRestrictedImports',
            '--only=suspicious/noImportCycles',
            '--reporter=json',
            '.',
          ],
          { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
        );
      } catch (e) {
        out = (e as { stdout: string }).stdout; // biome exits non-zero when it reports an error
      }
      const report = JSON.parse(out) as { diagnostics: { category: string; location: { path: string } }[] };
      const denied = new Set(
        report.diagnostics
          .filter((d) => /noRestrictedImports|noImportCycles/.test(d.category))
          .map((d) => d.location.path),
      );
      const wrong = PROBES.filter((p) => denied.has(p.file) !== p.denied).map(
        (p) => `${p.file} importing ${p.from}: ${p.denied ? 'passed' : 'failed'}`,
      );
      expect(wrong).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
