/**
 * PDF rendering off the event loop (ADR 0027): pdfmake draws a document in 20–60 ms of pure CPU, during which a
 * Node server answers nothing. Documents are drawn in a small pool of worker threads (piscina), so requests keep
 * being answered while an invoice is drawn, and a second core draws while the first serves.
 *
 * PDF_THREADS sets the pool's size: by default one thread less than the machine's cores (at least 1, at most 4);
 * 0 draws on the main thread, as the unit tests do (server/test/setup.ts) except the one that checks the pool.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import type { PrintedDocument } from './document';

let pool: Piscina | null = null;

/** How many render threads: PDF_THREADS, or the machine's cores less one (1–4). */
export function renderThreads(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.PDF_THREADS;
  if (configured !== undefined && configured !== '') {
    const n = Number(configured);
    if (!Number.isInteger(n) || n < 0 || n > 64)
      throw new Error(`PDF_THREADS must be a whole number from 0 to 64, not "${configured}"`);
    return n;
  }
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** The TypeScript loader the server runs under (node --import tsx), passed on to the threads. */
function threadExecArgv(): string[] {
  const argv = [...process.execArgv];
  const hasTsx = argv.some(
    (a, i) => a.includes('tsx') && (i === 0 || argv[i - 1] === '--import' || a.startsWith('--import')),
  );
  return hasTsx ? argv : [...argv, '--import', 'tsx'];
}

function renderPool(threads: number): Piscina {
  if (!pool) {
    pool = new Piscina({
      filename: new URL('./render-thread.ts', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // A thread stays up between documents: starting one (loader, pdfmake, fonts) costs ~300 ms.
      idleTimeout: 60_000,
      execArgv: threadExecArgv(),
    });
  }
  return pool;
}

/** Draws the document in a render thread, or here when PDF_THREADS is 0. */
export async function renderInPool(
  doc: PrintedDocument,
  here: (doc: PrintedDocument) => Promise<Buffer>,
): Promise<Buffer> {
  const threads = renderThreads();
  if (threads === 0) return here(doc);
  const bytes: Uint8Array = await renderPool(threads).run(doc);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stops the render threads (the server's close); the next document starts them again. */
export async function closeRenderPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await p.destroy();
}
