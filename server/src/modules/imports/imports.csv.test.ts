import { describe, expect, it } from 'vitest';
import { csvPieces, decodeUtf8InSlices, parseCsvInSlices, readCsvHead } from './imports.csv';

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
});
