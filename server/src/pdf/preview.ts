/**
 * Renders the sample goods receipt for looking at the layout:
 *   node --import tsx server/src/pdf/preview.ts /tmp/pdf-sample.pdf [lineCount]
 *   pdftoppm -r 70 -png /tmp/pdf-sample.pdf /tmp/pdf-sample
 */
import { writeFileSync } from 'node:fs';
import { renderDocument } from './document';
import { sampleGoodsReceipt } from './document.fixture';

const [out = '/tmp/pdf-sample.pdf', lineCount = '60'] = process.argv.slice(2);
const started = performance.now();
const pdf = await renderDocument(sampleGoodsReceipt({ lineCount: Number(lineCount) }));
writeFileSync(out, pdf);
console.log(`${out}: ${pdf.length} bytes in ${(performance.now() - started).toFixed(0)} ms`);
