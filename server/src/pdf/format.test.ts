import { describe, expect, it } from 'vitest';
import { documentFormat, layoutWords, printedAddress, printedIban, requisites } from './format';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('documentFormat', () => {
  const bg = documentFormat('bg');
  const en = documentFormat('en');

  it('formats money, quantities, dates and rates like the screens do', () => {
    expect(plain(bg.money(123456))).toBe('1 234,56 €');
    expect(plain(bg.money(1200, 'BGN'))).toBe('12,00 лв.');
    expect(en.money(123456)).toBe('€1,234.56');
    expect(bg.quantity(1500)).toBe('1,5');
    expect(plain(bg.quantity(2500, 'м'))).toBe('2,5 м');
    expect(plain(bg.quantity(1234000, 'бр.'))).toBe('1 234 бр.');
    expect(en.quantity(1500)).toBe('1.5');
    expect(bg.date('2026-11-01')).toBe('01.11.2026');
    expect(en.date('2026-11-01')).toBe('01/11/2026');
    expect(plain(bg.percent(2000))).toBe('20 %');
    expect(plain(bg.percent(950))).toBe('9,5 %');
    expect(en.percent(0)).toBe('0%');
  });

  it('keeps amounts and quantities on one line (no-break spaces)', () => {
    expect(bg.money(123456)).not.toContain(' ');
    expect(bg.quantity(2500, 'м')).not.toContain(' ');
  });

  it('prints references to other documents', () => {
    expect(plain(bg.documentRef('123', '2026-11-01'))).toBe('№ 123 / 01.11.2026');
    expect(plain(en.documentRef('123', '2026-11-01'))).toBe('No. 123 / 01/11/2026');
    expect(plain(bg.documentRef('123'))).toBe('№ 123');
    expect(bg.documentRef(null, '2026-11-01')).toBe('01.11.2026');
  });
});

describe('printed requisites', () => {
  it('groups an IBAN in fours', () => {
    expect(printedIban('BG80BNBG96611020345678')).toBe('BG80 BNBG 9661 1020 3456 78');
    expect(printedIban('bg80 bnbg 9661 1020 3456 78')).toBe('BG80 BNBG 9661 1020 3456 78');
  });

  it('prints an address on one line, the country only when abroad', () => {
    expect(
      printedAddress({ postcode: '1202', city: 'София', address: 'бул. „Витоша“ 15', country: 'BG' }),
    ).toBe('София 1202, бул. „Витоша“ 15');
    expect(printedAddress({ city: 'Wien', postcode: '1010', address: 'Graben 1', country: 'at' })).toBe(
      'Wien 1010, Graben 1, AT',
    );
    expect(printedAddress({ city: null, address: '  ' })).toBe('');
  });

  it('labels requisites in the document language and leaves out empty ones', () => {
    expect(requisites('bg', { uic: '206417593', vatNumber: ' ', mol: 'Иван Петров', phone: null })).toEqual([
      { label: 'ЕИК', value: '206417593' },
      { label: 'МОЛ', value: 'Иван Петров' },
    ]);
    expect(requisites('en', { vatNumber: 'BG206417593' })).toEqual([
      { label: 'VAT No.', value: 'BG206417593' },
    ]);
  });

  it('has the fixed words in both languages', () => {
    expect(layoutWords('bg').page(2, 3)).toBe('Страница 2 от 3');
    expect(layoutWords('en').page(2, 3)).toBe('Page 2 of 3');
    expect(layoutWords('bg').original).toBe('ОРИГИНАЛ');
    expect(layoutWords('bg').copy).toBe('КОПИЕ');
  });
});
