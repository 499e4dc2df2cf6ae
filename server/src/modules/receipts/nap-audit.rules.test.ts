import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildAuditFile, lineDiscountCents, quantityOf, vatPercentOf } from './nap-audit.rules';

/** The Appendix 38 file's pure parts (ADR 0039): decimals as the schema wants them, and the windows-1251 bytes. */
describe('NAP audit file rules', () => {
  it('quantities in thousandths become decimals of two places (half away from zero), rates whole percents', () => {
    expect([quantityOf(1000), quantityOf(1500), quantityOf(1125), quantityOf(1124), quantityOf(5)]).toEqual([
      '1.00',
      '1.50',
      '1.13',
      '1.12',
      '0.01',
    ]);
    expect([vatPercentOf(2000), vatPercentOf(900), vatPercentOf(0)]).toEqual([20, 9, 0]);
  });

  it("a line's discount is counted with VAT as the device counts it; none without a discount", () => {
    const line = {
      description: 'Транспорт',
      quantityMilli: 1000,
      unitPriceCents: 1000,
      vatRateBp: 2000,
      netCents: 900,
      vatCents: 180,
      totalCents: 1080,
    };
    expect(lineDiscountCents({ ...line, discountBp: 1000 })).toBe(120);
    // A payment's line: its net rounds back to one cent off the total, and that is no discount.
    expect(lineDiscountCents({ ...line, discountBp: 0, unitPriceCents: 5742, totalCents: 6891 })).toBe(0);
  });

  it('the file is windows-1251; Cyrillic is bytes of the code page, a character it lacks a character reference', () => {
    const raw = buildAuditFile({
      uic: '131129282',
      siteId: 'DT123456',
      domain: '',
      creationDate: '2026-12-07',
      year: 2026,
      month: 3,
      orders: [
        {
          uniqueSaleNumber: 'DT123456-0001-0000001',
          date: '2026-03-02',
          number: '0000000001',
          netCents: 1000,
          vatCents: 200,
          totalCents: 1200,
          lines: [
            {
              description: 'Ремонт ✓ 😀',
              quantityMilli: 1000,
              unitPriceCents: 1000,
              discountBp: 0,
              vatRateBp: 2000,
              netCents: 1000,
              vatCents: 200,
              totalCents: 1200,
            },
          ],
        },
      ],
      returns: [],
    });
    expect(raw.includes(Buffer.from([0xd0, 0xe5, 0xec, 0xee, 0xed, 0xf2]))).toBe(true); // "Ремонт" in cp1251
    const text = iconv.decode(raw, 'win1251');
    expect(text).toContain('<art_name>Ремонт &#x2713; &#x1f600;</art_name>');
    expect(text).toContain('<mon>03</mon>');
    expect(text.replace('<?xml', '').replace('"?>', '')).not.toContain('?');
  });
});
