/**
 * The one font of every Servix PDF: Roboto as shipped with pdfmake (full Cyrillic, "№", "€").
 *
 * pdfmake is a process-wide singleton, so it is configured once, on first use: the four Roboto
 * faces are registered by absolute path, remote URLs are refused (a document never makes a
 * network request) and the only local files it may open are those four fonts (a document never
 * reads the disk on behalf of its content, e.g. an image path).
 *
 * The font files are resolved through the package (not a hard-coded node_modules path), so the
 * workspace layout and npm's hoisting do not matter.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import pdfmake from 'pdfmake';

const require = createRequire(import.meta.url);

/** The font family name that document definitions use. */
export const PDF_FONT = 'Roboto';

/** Absolute paths of the four faces; "bold" is Roboto Medium, which reads better than Bold at 8–9 pt. */
export const PDF_FONT_FILES = {
  normal: require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
  bold: require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
  italics: require.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
  bolditalics: require.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf'),
} as const;

const allowedLocalFiles: ReadonlySet<string> = new Set(Object.values(PDF_FONT_FILES));

let configured = false;

/** Whether pdfmake may open a local file: only the registered font files. */
export function isAllowedLocalFile(path: string): boolean {
  return allowedLocalFiles.has(resolve(path));
}

/** The configured pdfmake instance (fonts registered, URL access denied, local access limited to the fonts). */
export function pdfEngine(): typeof pdfmake {
  if (!configured) {
    // pdfmake rewrites its font descriptors while resolving them, so it gets its own copy.
    pdfmake.setFonts({ [PDF_FONT]: { ...PDF_FONT_FILES } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(isAllowedLocalFile);
    configured = true;
  }
  return pdfmake;
}
