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
 *
 * Each face is read and parsed once per thread (`parseFacesOnce`): pdfkit otherwise reads the file and fontkit
 * decodes its tables (cmap, metrics, the OpenType layout tables) anew for every document, which was about half of a
 * one-page invoice's drawing time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
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

/** pdfmake's virtual file system (not in its types): a font named there is read from memory, not from disk. */
type VirtualFs = { virtualfs: { writeFileSync(name: string, content: Buffer): void } };

/** What Servix uses of fontkit (pdfkit's font parser). */
type Fontkit = {
  create(buffer: Uint8Array): object;
  registerFormat(format: { probe(buffer: Uint8Array): boolean }): void;
};

/**
 * Keeps the decoded tables of each face for the thread. The faces go into pdfmake's virtual file system as buffers,
 * so every document hands pdfkit the same buffer; fontkit's TrueType format is told not to claim those buffers, and a
 * format registered after it builds the document its own font object (its own glyphs, as fontkit keeps the code
 * points a glyph was first met with) over the tables decoded once, the way fontkit's own variations share them.
 * Anything else (a font pdfmake would open by path) is parsed as before. Checked at once: if this fontkit does not
 * build such a font, the faces are registered by path as before, so a change in fontkit can make documents slower,
 * never wrong.
 */
function parseFacesOnce(): Record<keyof typeof PDF_FONT_FILES, string> | null {
  type Font = { _tables: object; constructor: TrueType };
  type TrueType = { new (stream: unknown): Font; probe(buffer: Uint8Array): boolean };
  try {
    const fontkit = require('fontkit') as Fontkit;
    const tables = new Map<Uint8Array, object>();
    const names = {} as Record<keyof typeof PDF_FONT_FILES, string>;
    let trueType: TrueType | null = null;
    for (const [face, file] of Object.entries(PDF_FONT_FILES) as [keyof typeof PDF_FONT_FILES, string][]) {
      const buffer = readFileSync(file);
      const font = fontkit.create(buffer) as Font;
      trueType ??= font.constructor;
      tables.set(buffer, font._tables);
      names[face] = `servix-fonts/${basename(file)}`;
      (pdfmake as unknown as VirtualFs).virtualfs.writeFileSync(names[face], buffer);
    }
    const [first] = tables;
    if (!first || !trueType) return null;
    const TrueTypeFont = trueType;
    const probe = TrueTypeFont.probe.bind(TrueTypeFont);
    TrueTypeFont.probe = (buffer) => !tables.has(buffer) && probe(buffer);
    fontkit.registerFormat(
      class DecodedFace {
        static probe(buffer: Uint8Array) {
          return tables.has(buffer);
        }
        constructor(stream: { buffer: Uint8Array }) {
          const font = new TrueTypeFont(stream);
          font._tables = tables.get(stream.buffer) ?? font._tables;
          // biome-ignore lint/correctness/noConstructorReturn: fontkit constructs its format; the font is the answer.
          return font as unknown as DecodedFace;
        }
      },
    );
    const font = fontkit.create(first[0]) as Font;
    if (font instanceof TrueTypeFont && font._tables === first[1]) return names;
    TrueTypeFont.probe = probe;
    return null;
  } catch {
    return null;
  }
}

let configured = false;

/** Whether pdfmake may open a local file: only the registered font files. */
export function isAllowedLocalFile(path: string): boolean {
  return allowedLocalFiles.has(resolve(path));
}

/** The configured pdfmake instance (fonts registered, URL access denied, local access limited to the fonts). */
export function pdfEngine(): typeof pdfmake {
  if (!configured) {
    // pdfmake rewrites its font descriptors while resolving them, so it gets its own copy.
    pdfmake.setFonts({ [PDF_FONT]: { ...(parseFacesOnce() ?? PDF_FONT_FILES) } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(isAllowedLocalFile);
    configured = true;
  }
  return pdfmake;
}
