import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Amounts carry NO-BREAK SPACEs; compare with plain spaces. */
export const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** The text of each page, as a PDF reader extracts it (lines joined with "\n", plain spaces). */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(
      plain(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      ),
    );
  }
  await doc.destroy();
  return pages;
}

/** All the text of a PDF, as a reader extracts it (pages and lines joined with "\n", plain spaces). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await pdfPageTexts(pdf)).join('\n');
}
