import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  documentCells,
  NAP_RECORD_WIDTH,
  napDocument,
  napRecord,
  zeroCells,
  zeroRateColumn,
} from './vat-journal.rules';

/** The VAT sales journal's pure rules (ADR 21): NAP document types and signs, columns, the PRODAGBI.TXT record. */
describe('VAT sales journal rules', () => {
  it('maps each kind to its NAP document type and sign: invoice 01 +, debit note 02 +, credit note 03 −', () => {
    expect(napDocument()).toEqual({ docType: '01', sign: 1 });
    expect(napDocument('invoice')).toEqual({ docType: '01', sign: 1 });
    expect(napDocument('debit_note')).toEqual({ docType: '02', sign: 1 });
    expect(napDocument('credit_note')).toEqual({ docType: '03', sign: -1 });
  });

  const lines = [
    { netCents: 3335, vatRateBp: 2000, vatExempt: false, vatReason: null },
    { netCents: 176, vatRateBp: 2000, vatExempt: false, vatReason: null },
    { netCents: 1598, vatRateBp: 900, vatExempt: false, vatReason: null },
    { netCents: 500, vatRateBp: 0, vatExempt: false, vatReason: 'чл. 28 ЗДДС – износ' },
    { netCents: 700, vatRateBp: 0, vatExempt: false, vatReason: 'чл. 53 ЗДДС – вътреобщностна доставка' },
    { netCents: 300, vatRateBp: 0, vatExempt: false, vatReason: 'чл. 21, ал. 2 ЗДДС – обратно начисляване' },
    { netCents: 400, vatRateBp: 0, vatExempt: true, vatReason: 'чл. 39 ЗДДС – освободена доставка' },
  ];
  // By hand: 20 % base 33.35 + 1.76 = 35.11, VAT 7.022 → 7.02; 9 % base 15.98, VAT 1.4382 → 1.44;
  // 0 % export 5.00 (02-14), ВОД 7.00 (02-15), чл. 21 ал. 2 3.00 (02-17), exempt 4.00 (02-19);
  // total base 35.11 + 15.98 + 5 + 7 + 3 + 4 = 70.09, total VAT 8.46.
  const invoiceCells = {
    totalBaseCents: 7009,
    totalVatCents: 846,
    base20Cents: 3511,
    vat20Cents: 702,
    base9Cents: 1598,
    vat9Cents: 144,
    base0Cents: 500,
    base0IntraEuCents: 700,
    base0SpecialCents: 0,
    baseServicesEuCents: 300,
    baseExemptCents: 400,
  };

  it('puts every base in its column, VAT per rate on the summed base, for an invoice and a debit note', () => {
    expect(documentCells(lines)).toEqual(invoiceCells);
    expect(documentCells(lines, { kind: 'invoice' })).toEqual(invoiceCells);
    expect(documentCells(lines, { kind: 'debit_note' })).toEqual(invoiceCells);
  });

  it('writes a credit note negative in every column, and a cancelled document as zeros', () => {
    const negative = Object.fromEntries(Object.entries(invoiceCells).map(([k, v]) => [k, v === 0 ? 0 : -v]));
    expect(documentCells(lines, { kind: 'credit_note' })).toEqual(negative);
    expect(documentCells(lines, { kind: 'credit_note', cancelled: true })).toEqual(zeroCells());
    expect(documentCells(lines, { cancelled: true })).toEqual(zeroCells());
  });

  it('reads the 0 % column from the legal ground', () => {
    expect(zeroRateColumn('чл. 28 ЗДДС – износ')).toBe('base0Cents');
    expect(zeroRateColumn('чл.7, ал.1 ЗДДС')).toBe('base0IntraEuCents');
    expect(zeroRateColumn('чл. 140, т. 1 ЗДДС')).toBe('base0SpecialCents');
    expect(zeroRateColumn('чл. 173 ЗДДС')).toBe('base0SpecialCents');
    expect(zeroRateColumn('чл. 21, ал. 2 ЗДДС')).toBe('baseServicesEuCents');
    expect(zeroRateColumn(null)).toBe('base0Cents');
  });

  it('writes one PRODAGBI.TXT record byte for byte: positions, widths, padding, dates, amounts', () => {
    const record = napRecord({
      vatNumber: 'BG131129282',
      period: '202611',
      seq: 1,
      docType: '03',
      number: '0000000012',
      documentDate: '2026-11-03',
      recipientId: '020469788',
      recipientName: 'Клиент Първи ООД',
      description: 'Ремонт на лаптоп, смяна на дисплей и клавиатура',
      cells: documentCells(lines, { kind: 'credit_note' }),
    });
    const sp = (n: number) => ' '.repeat(n);
    const amt = (s: string) => s.padStart(15, ' ');
    const expected =
      `BG131129282${sp(4)}` + // 02-00, 15 wide, 1–15
      '202611' + // 02-01, 16–21
      `${sp(3)}0` + // 02-02, 22–25
      `${sp(14)}1` + // 02-03, 26–40
      '03' + // 02-04, 41–42
      `0000000012${sp(10)}` + // 02-05, 43–62
      '03/11/2026' + // 02-06, 63–72
      `020469788${sp(6)}` + // 02-07, 73–87
      `Клиент Първи ООД${sp(34)}` + // 02-08, 88–137
      'Ремонт на лаптоп, смяна на дис' + // 02-09, 138–167, cut at 30
      amt('-70.09') + // 02-10, 168–182
      amt('-8.46') + // 02-20, 183–197
      amt('-35.11') + // 02-11, 198–212
      amt('-7.02') + // 02-21, 213–227
      amt('0.00') + // 02-12, 228–242
      amt('0.00') + // 02-26, 243–257
      amt('0.00') + // 02-22, 258–272
      amt('0.00') + // 02-23, 273–287
      amt('-15.98') + // 02-13, 288–302
      amt('-1.44') + // 02-24, 303–317
      amt('-5.00') + // 02-14, 318–332
      amt('-7.00') + // 02-15, 333–347
      amt('0.00') + // 02-16, 348–362
      amt('-3.00') + // 02-17, 363–377
      amt('0.00') + // 02-18, 378–392
      amt('-4.00') + // 02-19, 393–407
      amt('0.00') + // 02-25, 408–422
      sp(2); // 02-27, 423–424
    expect(record).toBe(expected);
    expect(record).toHaveLength(NAP_RECORD_WIDTH);
    // Fields at their 1-based positions, as the layout numbers them.
    const at = (from: number, width: number) => record.slice(from - 1, from - 1 + width);
    expect(at(41, 2)).toBe('03');
    expect(at(63, 10)).toBe('03/11/2026');
    expect(at(168, 15).trim()).toBe('-70.09');
    expect(at(288, 15).trim()).toBe('-15.98');
    expect(at(393, 15).trim()).toBe('-4.00');
    // windows-1251: one byte a character, Cyrillic in the code page's upper half ('К' is 0xCA).
    const bytes = iconv.encode(`${record}\r\n`, 'win1251');
    expect(bytes).toHaveLength(NAP_RECORD_WIDTH + 2);
    expect(bytes[87]).toBe(0xca);
    expect([...bytes.subarray(-2)]).toEqual([13, 10]);
  });
});
