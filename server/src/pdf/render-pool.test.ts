import { afterAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text';
import { renderDocument, renderDocumentHere } from './document';
import { sampleGoodsReceipt } from './document.fixture';
import { closeRenderPool, renderThreads } from './render-pool';

describe('PDF render threads', () => {
  afterAll(async () => {
    process.env.PDF_THREADS = '0';
    await closeRenderPool();
  });

  it('a document drawn in a render thread reads as the one drawn on the main thread; documents draw side by side', async () => {
    process.env.PDF_THREADS = '2';
    const doc = sampleGoodsReceipt({ lineCount: 30 });
    const [here, ...threaded] = await Promise.all([
      renderDocumentHere(doc),
      renderDocument(doc),
      renderDocument(sampleGoodsReceipt({ lineCount: 5, copyMark: 'copy' })),
      renderDocument(doc),
    ]);
    expect(here.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(here);
    expect(text).toContain('СКЛАДОВА РАЗПИСКА');
    expect(await pdfText(threaded[0] as Buffer)).toBe(text);
    expect(await pdfText(threaded[2] as Buffer)).toBe(text);
    const copy = await pdfText(threaded[1] as Buffer);
    expect(copy).toContain('КОПИЕ');
    expect(copy).not.toBe(text);
  });

  it('PDF_THREADS: a whole number from 0 to 64; unset, one less than the cores (1 to 4)', () => {
    expect(renderThreads({ PDF_THREADS: '0' })).toBe(0);
    expect(renderThreads({ PDF_THREADS: '3' })).toBe(3);
    expect(() => renderThreads({ PDF_THREADS: 'two' })).toThrow(/PDF_THREADS/);
    expect(() => renderThreads({ PDF_THREADS: '-1' })).toThrow(/PDF_THREADS/);
    const byDefault = renderThreads({});
    expect(byDefault).toBeGreaterThanOrEqual(1);
    expect(byDefault).toBeLessThanOrEqual(4);
  });
});
