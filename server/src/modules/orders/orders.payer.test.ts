import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { warrantyStatus } from '../items';
import { choosePayer, coveringShopWarranty, defaultPayer, type ShopWarranty } from './orders.payer';

// A washing machine bought 2024-11-27 with 24 months: covered through 2026-11-27, not on 2026-11-28.
const BOUGHT = { purchaseDate: '2024-11-27', warrantyMonths: 24, warrantyEnd: null };
const PUMP = 'part-pump';
const BEARING = 'part-bearing';
const LABOUR_PUMP = 'service-pump';

// An earlier repair finished 2026-12-01 fitted a pump (6 months) and did the labour (3 months).
const records: ShopWarranty[] = [
  {
    id: 'wr-pump',
    kind: 'part',
    partId: PUMP,
    serviceTypeId: null,
    fittedOn: '2026-12-01',
    validUntil: '2027-06-01',
    status: 'active',
  },
  {
    id: 'wr-labour',
    kind: 'labour',
    partId: null,
    serviceTypeId: LABOUR_PUMP,
    fittedOn: '2026-12-01',
    validUntil: '2027-03-01',
    status: 'active',
  },
];

const input = (
  intakeDate: string,
  line: { kind: 'part' | 'labour' | 'charge'; partId?: string; serviceTypeId?: string },
) => ({
  ...line,
  intakeDate,
  manufacturerWarranty: warrantyStatus(BOUGHT, intakeDate),
  shopWarranties: records,
});

describe('defaultPayer', () => {
  it('an item under the manufacturer’s warranty on its intake date: the manufacturer pays every line', () => {
    for (const kind of ['part', 'labour', 'charge'] as const)
      expect(defaultPayer(input('2026-11-27', { kind, partId: BEARING }))).toEqual({
        payer: 'manufacturer_warranty',
        coveredByWarrantyId: null,
        coveredUntil: '2026-11-27',
      });
  });

  it('one day out of the manufacturer’s warranty: the customer pays', () => {
    expect(defaultPayer(input('2026-11-28', { kind: 'part', partId: BEARING }))).toEqual({
      payer: 'customer',
      coveredByWarrantyId: null,
      coveredUntil: null,
    });
  });

  it('a return inside the shop’s warranty of a fitted part: that part is shop warranty, naming the record', () => {
    expect(defaultPayer(input('2027-02-10', { kind: 'part', partId: PUMP }))).toEqual({
      payer: 'shop_warranty',
      coveredByWarrantyId: 'wr-pump',
      coveredUntil: '2027-06-01',
    });
    // Another part on the same return is the customer's.
    expect(defaultPayer(input('2027-02-10', { kind: 'part', partId: BEARING })).payer).toBe('customer');
    // The labour of the earlier repair is covered by its own record, a charge by none.
    expect(defaultPayer(input('2027-02-10', { kind: 'labour', serviceTypeId: LABOUR_PUMP }))).toMatchObject({
      payer: 'shop_warranty',
      coveredByWarrantyId: 'wr-labour',
    });
    expect(defaultPayer(input('2027-02-10', { kind: 'charge' })).payer).toBe('customer');
  });

  it('the shop warranty covers through its last day, not the day after, and not when void', () => {
    expect(defaultPayer(input('2027-06-01', { kind: 'part', partId: PUMP })).payer).toBe('shop_warranty');
    expect(defaultPayer(input('2027-06-02', { kind: 'part', partId: PUMP })).payer).toBe('customer');
    const voided = records.map((r) => ({ ...r, status: 'void' as const }));
    expect(
      defaultPayer({ ...input('2027-02-10', { kind: 'part', partId: PUMP }), shopWarranties: voided }).payer,
    ).toBe('customer');
  });

  it('of two records for the same part, the one that lasts longest covers', () => {
    const later = { ...records[0], id: 'wr-pump-2', validUntil: '2027-08-01' } as ShopWarranty;
    expect(coveringShopWarranty({ kind: 'part', partId: PUMP }, '2027-02-10', [...records, later])?.id).toBe(
      'wr-pump-2',
    );
  });
});

describe('choosePayer', () => {
  const decision = defaultPayer(input('2026-11-27', { kind: 'part', partId: BEARING }));

  it('no payer asked for: the default, no reason, not an override', () => {
    expect(choosePayer(decision, {})).toEqual({
      payer: 'manufacturer_warranty',
      payerReason: null,
      coveredByWarrantyId: null,
      overridden: false,
    });
  });

  it('an override with a reason: kept with its reason, flagged for the timeline and the audit', () => {
    expect(choosePayer(decision, { payer: 'customer', reason: '  Следи от удар: извън гаранция  ' })).toEqual(
      {
        payer: 'customer',
        payerReason: 'Следи от удар: извън гаранция',
        coveredByWarrantyId: null,
        overridden: true,
      },
    );
  });

  it('an override without a reason: 400 payer_reason_required naming the field', () => {
    for (const reason of [undefined, null, '', '   ']) {
      let error: unknown;
      try {
        choosePayer(decision, { payer: 'customer', reason }, 'lines.0.payerReason');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ kind: 'invalid', code: 'payer_reason_required' });
      expect((error as DomainError).options.field).toBe('lines.0.payerReason');
    }
  });
});
