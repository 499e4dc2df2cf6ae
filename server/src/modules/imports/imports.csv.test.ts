import { describe, expect, it } from 'vitest';
import {
  csvPieces,
  decodeCsvUpload,
  decodeUtf8InSlices,
  detectSeparator,
  parseCsvInSlices,
  readCsvHead,
} from './imports.csv';

const pause = async () => {};

describe('CSV in slices', () => {
  it('cuts only at line breaks outside quotes, and the pieces parse to the same rows as the whole file', async () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      i % 7 === 0 ? `${i},"два\nреда, ""цитат""",x` : `${i},обикновен,"с, запетая"`,
    );
    const text = ['id,name,note', ...rows].join('\r\n');
    const pieces = [...csvPieces(text, 100)];
    expect(pieces.length).toBeGreaterThan(20);
    expect(pieces.join('')).toBe(text);
    const parsed = await parseCsvInSlices(text, pause);
    expect(parsed.header).toEqual(['id', 'name', 'note']);
    expect(parsed.rows).toHaveLength(300);
    expect(parsed.rows[7]).toEqual(['7', 'два\nреда, "цитат"', 'x']);
    expect(parsed.rows[8]).toEqual(['8', 'обикновен', 'с, запетая']);
  });

  it('reads the header and whether rows follow from the first piece only', () => {
    expect(readCsvHead('\uFEFFcode, name \nA,B')).toEqual({ header: ['code', 'name'], hasRows: true });
    expect(readCsvHead('code,name\n')).toEqual({ header: ['code', 'name'], hasRows: false });
  });

  it('pauses between pieces of a big file', async () => {
    let pauses = 0;
    const text = ['a,b', ...Array.from({ length: 20_000 }, (_, i) => `${i},ред ${i}`)].join('\n');
    await parseCsvInSlices(text, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(2);
  });

  it('decodes a big upload in slices, also where a slice cuts a Cyrillic letter in two', async () => {
    const text = `name\n${'Ж'.repeat(700_000)}\n`;
    let pauses = 0;
    const decoded = await decodeUtf8InSlices(Buffer.from(text, 'utf8'), async () => {
      pauses++;
    });
    expect(decoded).toBe(text);
    expect(pauses).toBeGreaterThan(1);
  });

  it('detects UTF-8 (with or without BOM) and Windows-1251, also where a slice cuts a letter, and refuses others', async () => {
    const text = `Име\n${'Ж'.repeat(700_000)}\n`;
    expect(await decodeCsvUpload(Buffer.from(text, 'utf8'), pause)).toEqual({ text, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(await decodeCsvUpload(bom, pause)).toEqual({ text, encoding: 'utf-8-bom' });
    // "Име;№ 5 — «Жълт» €" as Windows-1251 bytes.
    const cp1251 = Buffer.from([
      0xc8, 0xec, 0xe5, 0x3b, 0xb9, 0x20, 0x35, 0x20, 0x97, 0x20, 0xab, 0xc6, 0xfa, 0xeb, 0xf2, 0xbb, 0x20,
      0x88,
    ]);
    expect(await decodeCsvUpload(cp1251, pause)).toEqual({
      text: 'Име;№ 5 — «Жълт» €',
      encoding: 'windows-1251',
    });
    for (const bad of [
      Buffer.from('\ufeffname\n', 'utf16le'),
      Buffer.from('name\nИван\n', 'utf16le'),
      Buffer.from([0xc8, 0xec, 0xe5, 0x98]), // 0x98 is no character in Windows-1251
      Buffer.from([0xc8, 0xec, 0xe5, 0x01, 0x02]), // control bytes: a binary file
      Buffer.from([0xef, 0xbb, 0xbf, 0xc8, 0xec, 0xe5]), // a UTF-8 BOM before bytes that are not UTF-8
    ])
      await expect(decodeCsvUpload(bad, pause), bad.toString('hex')).rejects.toMatchObject({
        code: 'unknown_encoding',
      });
  });

  it('detects the separator from the header line, outside quotes', async () => {
    expect(detectSeparator('type,name,uic\n')).toBe(',');
    expect(detectSeparator('type;name;uic\r\nperson;"a, b, c, d";\r\n')).toBe(';');
    expect(detectSeparator('type\tname\n')).toBe('\t');
    expect(detectSeparator('"a,b,c";d;e\n')).toBe(';');
    expect(detectSeparator('name\nx,y,z')).toBe(',');
    const parsed = await parseCsvInSlices('Вид;Име\nлице;"Петров; Иван"\n', pause);
    expect(parsed).toEqual({ header: ['Вид', 'Име'], rows: [['лице', 'Петров; Иван']] });
  });
});
