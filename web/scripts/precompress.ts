/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every built asset worth compressing, so the server sends the
 * compressed file to browsers that accept it (@fastify/static with preCompressed) without compressing on each
 * request. Run after `vite build`; prints what it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;
/** Below this size the headers outweigh what compression saves. */
const MIN_BYTES = 1024;

export function precompress(dir: string): { files: number; rawBytes: number; brotliBytes: number } {
  let files = 0;
  let rawBytes = 0;
  let brotliBytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const raw = fs.readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
    files++;
    rawBytes += raw.length;
    brotliBytes += br.length;
  }
  return { files, rawBytes, brotliBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const r = precompress(dist);
  console.log(
    `precompressed ${r.files} files: ${(r.rawBytes / 1024).toFixed(0)} kB → ${(r.brotliBytes / 1024).toFixed(0)} kB Brotli (and gzip)`,
  );
}
