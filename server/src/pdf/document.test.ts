import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageTexts, plain } from '../../test/pdf-text';
import { formatMoney } from '../kernel/format';
import { sumCents } from '../kernel/money';
import {
  buildDocumentDefinition,
  type PrintedDocument,
  printedCompany,
  renderDocument,
  renderDocumentHere,
} from './document';
import { SAMPLE_COMPANY, sampleGoodsReceipt, sampleReceiptLines, solidPngDataUrl } from './document.fixture';
import { pdfEngine } from './fonts';

/** Number of image XObjects embedded in the PDF (object dictionaries are never compressed by pdfkit). */
function imageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
}

const pngDataUrl = solidPngDataUrl;

function smallDocument(overrides: Partial<PrintedDocument> = {}): PrintedDocument {
  return {
    ...sampleGoodsReceipt({ lineCount: 3, logoDataUrl: null }),
    ...overrides,
  };
}

describe('renderDocument: a Bulgarian goods receipt of 60 lines', () => {
  const doc = sampleGoodsReceipt({ lineCount: 60 });
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    const first = performance.now();
    pdf = await renderDocument(doc);
    const firstMs = performance.now() - first;
    const again = performance.now();
    await renderDocument(doc);
    const againMs = performance.now() - again;
    console.log(
      `renderDocument, 60 lines: first ${firstMs.toFixed(0)} ms, again ${againMs.toFixed(0)} ms, ${pdf.length} bytes`,
    );
    pages = await pdfPageTexts(pdf);
  });

  it('renders a valid multi-page A4 PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('prints the Cyrillic texts, №, € and the document number', () => {
    const all = pages.join('\n');
    const first = pages[0] ?? '';
    expect(first).toContain('СКЛАДОВА РАЗПИСКА');
    expect(first).toContain('№ 0000000012 / 27.11.2026');
    expect(first).toContain('за заприходяване на материални запаси');
    expect(first).toContain('ОРИГИНАЛ');
    // Company requisites (ИН по ДДС: registered since 2019), IBAN in groups of four.
    expect(first).toContain('Сервиз Техноплюс ЕООД');
    expect(first).toContain('ЕИК: 206417593 · ИН по ДДС: BG206417593');
    expect(first).toContain('София 1202, бул. „Княгиня Мария Луиза“ 102, партер');
    expect(first).toContain('МОЛ: Николай Стефанов Димитров');
    expect(first).toContain(
      'IBAN: BG80 BNBG 9661 1020 3456 78 · BIC: BNBGBGSD · Банка: БНБ (примерна сметка)',
    );
    // The PNG logo is embedded.
    expect(imageCount(pdf)).toBe(1);
    // Counterparts and facts.
    expect(first).toContain('ДОСТАВЧИК\nЕлектро Партс България ООД');
    expect(first).toContain('ИН по ДДС: BG115893274');
    expect(first).toContain('Доставчик документ: Фактура № 0000004821 / 26.11.2026');
    // Lines: 1 × 12,40 €; 2,5 kg at 15,80 € (line 8); thousands grouped with a space.
    expect(first).toContain('1 WM-PUMP-UNI30 Помпа за пералня универсална 30 W бр. 1 12,40 € 12,40 €');
    expect(first).toContain('8 REF-R134A Хладилен агент R134a кг 4,25 15,80 € 67,15 €');
    expect(all).toContain('Брой редове: 60');
    expect(all).toMatch(/60 AC-FAN-IDU Вентилаторен мотор за вътрешно\s+тяло DC\s+бр\. 5 41,00 € 205,00 €/);
    // The grand total: the sum of the exact line amounts.
    const total = sumCents(sampleReceiptLines(60).map((l) => l.amountCents));
    expect(total).toBeGreaterThan(100_000);
    expect(all).toContain(`Обща стойност: ${plain(formatMoney(total, 'bg'))}`);
  });

  it('repeats the table header and numbers the pages "Страница X от Y" with the document number', () => {
    const n = pages.length;
    pages.forEach((text, i) => {
      expect(text).toContain(`СКЛАДОВА РАЗПИСКА № 0000000012 Създадено със Servix Страница ${i + 1} от ${n}`);
      expect(text).toContain('№ Код Наименование Мярка Количество Ед. цена Стойност');
    });
    expect(pages[1]).toContain(`Страница 2 от ${n}`);
    // The requisites are printed once, on page 1.
    expect(pages[1]).not.toContain('IBAN');
  });

  it('ends with the signature lines and printed names', () => {
    const last = pages.at(-1) ?? '';
    expect(last).toContain('Забележки\nСтоката е приета без забележки');
    expect(last).toMatch(
      /Предал:\n\/ Петър Иванов Колев \/\nПриел:\n\/ Стоян Георгиев Петров \/\nМОЛ:\n\/ Николай Стефанов Димитров \//,
    );
  });
});

describe('renderDocument: options', () => {
  it('prints the fixed words in English', async () => {
    const pages = await pdfPageTexts(
      await renderDocument(
        smallDocument({
          language: 'en',
          title: 'GOODS RECEIPT',
          copyMark: 'copy',
          subtitle: null,
          company: printedCompany(SAMPLE_COMPANY, { date: '2026-11-27' }),
        }),
      ),
    );
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    expect(text).toContain('GOODS RECEIPT\nNo. 0000000012 / 27/11/2026');
    expect(text).toContain('COPY');
    expect(text).toContain('UIC: 206417593 · VAT No.: BG206417593');
    expect(text).toContain('GOODS RECEIPT No. 0000000012 Created with Servix Page 1 of 1');
  });

  it('leaves out the VAT number before the VAT registration date', async () => {
    const company = printedCompany(
      { ...SAMPLE_COMPANY, vatRegisteredFrom: '2026-12-01' },
      { date: '2026-11-27', logoDataUrl: null },
    );
    expect(company.vatNumber).toBeNull();
    expect(printedCompany(SAMPLE_COMPANY, { date: '2026-12-01' }).vatNumber).toBe('BG206417593');
    const text = (await pdfPageTexts(await renderDocument(smallDocument({ company }))))[0] ?? '';
    expect(text).toContain('Сервиз Техноплюс ЕООД\nЕИК: 206417593\n');
    expect(text).not.toContain('BG206417593');
  });

  it('embeds a PNG logo, and leaves out an unreadable one without failing', async () => {
    const company = printedCompany(SAMPLE_COMPANY, { date: '2026-11-27', logoDataUrl: pngDataUrl(120, 40) });
    expect(imageCount(await renderDocument(smallDocument({ company })))).toBe(1);
    const broken = { ...company, logoDataUrl: 'data:image/png;base64,bm90IGEgcG5n' };
    expect(imageCount(await renderDocument(smallDocument({ company: broken })))).toBe(0);
    const jpegLabelledText = { ...company, logoDataUrl: 'data:image/jpeg;base64,aGVsbG8=' };
    expect(imageCount(await renderDocument(smallDocument({ company: jpegLabelledText })))).toBe(0);
  });

  it('prints the document without the logo when a PNG logo is damaged inside', async () => {
    const png = Buffer.from(pngDataUrl(120, 40).split(',')[1] ?? '', 'base64');
    // The signature and header survive; the image data is cut short.
    const truncated = `data:image/png;base64,${png.subarray(0, 40).toString('base64')}`;
    const company = printedCompany(SAMPLE_COMPANY, { date: '2026-11-27', logoDataUrl: truncated });
    const pdf = await renderDocument(smallDocument({ company }));
    expect(imageCount(pdf)).toBe(0);
    expect((await pdfPageTexts(pdf))[0]).toContain('СКЛАДОВА РАЗПИСКА');
  });

  describe('an SVG logo is never drawn (logos are raster only)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'servix-pdf-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('leaves out an SVG that points at a local file, and a malformed SVG, and still prints', async () => {
      const file = join(dir, 'secret.png');
      writeFileSync(file, Buffer.from(pngDataUrl(8, 8).split(',')[1] ?? '', 'base64'));
      const svgs = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="100" height="40" fill="#1f5f8b"/><image href="${file}" width="8" height="8"/></svg>`,
        '<svg xmlns="http://www.w3.org/2000/svg" width="x" height="40"><rect width="100"<<<',
      ];
      for (const svg of svgs) {
        const company = printedCompany(SAMPLE_COMPANY, {
          date: '2026-11-27',
          logoDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        });
        const pdf = await renderDocument(smallDocument({ company }));
        expect(imageCount(pdf)).toBe(0);
        expect((await pdfPageTexts(pdf))[0]).toContain('Сервиз Техноплюс ЕООД');
      }
    });
  });

  it('prints a QR code, several party rows and a second row of signatures', async () => {
    const doc = smallDocument({
      qrCode: { value: 'https://servix-demo.example/s/AB12CD', caption: 'Статус на поръчката' },
      parties: [1, 2, 3, 4].map((i) => ({ label: `Страна ${i}`, name: `Име ${i}`, lines: [`Ред ${i}`] })),
      signatures: [1, 2, 3, 4].map((i) => ({ label: `Подпис ${i}`, name: i === 4 ? null : `Лице ${i}` })),
      signaturesPerRow: 2,
    });
    const text = (await pdfPageTexts(await renderDocument(doc)))[0] ?? '';
    expect(text).toContain('Статус на поръчката');
    expect(text).toContain('СТРАНА 4\nИме 4\nРед 4');
    expect(text).toMatch(
      /Подпис 1:\n\/ Лице 1 \/\nПодпис 2:\n\/ Лице 2 \/\nПодпис 3:\n\/ Лице 3 \/\nПодпис 4:/,
    );
  });

  it('refuses a table row with the wrong number of cells', () => {
    const doc = smallDocument({
      body: [{ kind: 'table', columns: [{ header: 'A' }, { header: 'B' }], rows: [['1', '2'], ['3']] }],
    });
    expect(() => buildDocumentDefinition(doc)).toThrow('Table row 2 has 1 cells, expected 2');
  });
});

describe('the fonts, read once a thread', () => {
  // The faces' decoded tables are shared by the documents of a thread; each document still meets its own glyphs.
  // Latin "O", "E", "C", "P", "T" share their outlines with the Cyrillic letters: a glyph met first in a Bulgarian
  // document must not come out of an English one as the Cyrillic letter (or as nothing) when the text is copied.
  it('Bulgarian and English documents drawn one after another each read in their own letters', async () => {
    const english = smallDocument({
      language: 'en',
      title: 'GOODS RECEIPT',
      subtitle: 'OPERATOR COPY',
      company: printedCompany(SAMPLE_COMPANY, { date: '2026-11-27', logoDataUrl: null }),
    });
    const bulgarian = smallDocument({ title: 'ЕКСПЕДИЦИОННА ТОВАРИТЕЛНИЦА', subtitle: 'СОР ОРЕХ ТЕСТ' });
    const texts: string[][] = [];
    for (const doc of [bulgarian, english, bulgarian, english])
      texts.push(await pdfPageTexts(await renderDocumentHere(doc)));
    expect(texts[0]?.[0]).toContain('ЕКСПЕДИЦИОННА ТОВАРИТЕЛНИЦА');
    expect(texts[0]?.[0]).toContain('СОР ОРЕХ ТЕСТ');
    expect(texts[1]?.[0]).toContain('GOODS RECEIPT\nNo. 0000000012 / 27/11/2026');
    expect(texts[1]?.[0]).toContain('OPERATOR COPY');
    expect(texts[2]).toEqual(texts[0]);
    expect(texts[3]).toEqual(texts[1]);
  });
});

describe('pdfEngine resource policies', () => {
  it('refuses local files other than the fonts', async () => {
    const attempt = pdfEngine()
      .createPdf({ content: [{ image: '/etc/hostname' }] })
      .getBuffer();
    await expect(attempt).rejects.toThrow(/Access to local file denied/);
  });

  it('refuses remote URLs', async () => {
    const attempt = pdfEngine()
      .createPdf({ content: [{ image: 'logo' }], images: { logo: 'https://example.com/logo.png' } })
      .getBuffer();
    await expect(attempt).rejects.toThrow(/Access to URL denied/);
  });
});
