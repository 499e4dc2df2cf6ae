/**
 * Drawing a PDF on one thread: a goods receipt of 3 lines (one page) and of 60 lines (two pages), with the Roboto
 * faces read and decoded once a thread (as Servix draws, server/src/pdf/fonts.ts) and, for comparison, read from disk
 * and decoded anew for every document (pdfmake's way with fonts given by path). Rounds alternate the two after a
 * warm-up; printed: ms a document, each round.
 * Usage: npm run bench:pdf [-- --rounds 3 --per-round 10]
 */
import { createRequire } from 'node:module';
import { renderDocumentHere } from '../server/src/pdf/document';
import { sampleGoodsReceipt } from '../server/src/pdf/document.fixture';
import { PDF_FONT, pdfEngine } from '../server/src/pdf/fonts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('--rounds', 3);
const perRound = arg('--per-round', 10);
const require = createRequire(import.meta.url);

// pdfmake keeps its fonts on the instance; the benchmark swaps them between rounds.
const engine = pdfEngine() as unknown as {
  fonts: Record<string, Record<string, string>>;
  setFonts(f: object): void;
};
const readOnce = { ...engine.fonts[PDF_FONT] };
const byPath = {
  normal: require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
  bold: require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
  italics: require.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
  bolditalics: require.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf'),
};

for (const lineCount of [3, 60]) {
  const doc = sampleGoodsReceipt({ lineCount });
  const ms: Record<'once' | 'path', string[]> = { once: [], path: [] };
  for (let round = 0; round <= rounds; round++)
    for (const [name, fonts] of [
      ['once', readOnce],
      ['path', byPath],
    ] as const) {
      engine.setFonts({ [PDF_FONT]: { ...fonts } });
      const start = performance.now();
      for (let i = 0; i < perRound; i++) await renderDocumentHere(doc);
      // Round 0 warms up.
      if (round > 0) ms[name].push(((performance.now() - start) / perRound).toFixed(0));
    }
  engine.setFonts({ [PDF_FONT]: readOnce });
  console.log(
    `goods receipt of ${lineCount} lines: faces decoded once ${ms.once.join(' / ')} ms, read by path ${ms.path.join(' / ')} ms`,
  );
}
