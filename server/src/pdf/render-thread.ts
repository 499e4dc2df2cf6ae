/**
 * The body of a PDF render thread (render-pool.ts): draws one document with pdfmake, as renderDocument does on the
 * main thread. Runs inside a worker thread; the bytes go back as a transferable ArrayBuffer (no copy).
 */
import { Piscina } from 'piscina';
import { type PrintedDocument, renderDocumentHere } from './document';

export default async function render(doc: PrintedDocument) {
  const pdf = await renderDocumentHere(doc);
  const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
  return Piscina.move(bytes);
}
