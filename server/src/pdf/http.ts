import type { FastifyReply } from 'fastify';
import { foldSearchText, transliterateBg } from '../kernel/search-text';

/**
 * A plain-ASCII stand-in for the RFC 6266 `filename` parameter (clients that ignore `filename*`): Bulgarian
 * transliterated to Latin (lower case), anything else outside printable ASCII and quotes replaced by "_".
 */
function asciiFilename(filename: string): string {
  const ascii = transliterateBg(foldSearchText(filename))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
    .trim();
  return ascii || 'document.pdf';
}

/** RFC 5987 ext-value: UTF-8, percent-encoded, including the characters encodeURIComponent leaves alone but attr-char forbids. */
function rfc5987(filename: string): string {
  return encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The Content-Disposition value for a file: `inline` (shown in the browser's viewer) or `attachment`
 * (downloaded), with an ASCII `filename` fallback and the exact UTF-8 name in `filename*` (RFC 6266 / 5987),
 * so "Складова разписка 0000000012.pdf" keeps its Cyrillic name.
 */
export function contentDisposition(filename: string, inline: boolean): string {
  const clean = filename.replace(/[\r\n\t/\\]/g, ' ').trim() || 'document.pdf';
  return `${inline ? 'inline' : 'attachment'}; filename="${asciiFilename(clean)}"; filename*=UTF-8''${rfc5987(clean)}`;
}

/** Sends PDF bytes: application/pdf, inline or as a download; never cached (documents can be re-issued as copies). */
export function sendPdf(reply: FastifyReply, filename: string, pdf: Buffer, options: { inline: boolean }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(filename, options.inline))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(pdf);
}
