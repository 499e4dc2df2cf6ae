import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompress } from './precompress';

describe('precompressing the build', () => {
  it('writes .br and .gz beside every asset worth it, each decoding to the original; small files are left alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-dist-'));
    try {
      fs.mkdirSync(path.join(dir, 'assets'));
      const script = `export const t = ${JSON.stringify('Сервиз '.repeat(400))};`;
      fs.writeFileSync(path.join(dir, 'assets', 'app-1.js'), script);
      fs.writeFileSync(path.join(dir, 'assets', 'tiny-2.css'), 'a{}');
      fs.writeFileSync(path.join(dir, 'assets', 'logo-3.png'), Buffer.alloc(4096, 1));
      const r = precompress(dir);
      expect(r.files).toBe(1);
      expect(r.brotliBytes).toBeLessThan(r.rawBytes / 4);
      const at = (f: string) => path.join(dir, 'assets', f);
      expect(zlib.brotliDecompressSync(fs.readFileSync(at('app-1.js.br'))).toString()).toBe(script);
      expect(zlib.gunzipSync(fs.readFileSync(at('app-1.js.gz'))).toString()).toBe(script);
      expect(fs.existsSync(at('tiny-2.css.br'))).toBe(false);
      expect(fs.existsSync(at('logo-3.png.br'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
