import { describe, expect, it } from 'vitest';
import { computeEarnings, type EarningsLineInput, type EarningsTerms } from './orders.earnings';

const IVAN = { technicianId: 't-ivan', technicianName: 'Иван Петров' };
const GEORGI = { technicianId: 't-georgi', technicianName: 'Георги Колев' };
const DIAG = { serviceTypeId: 's-diag', serviceTypeCode: 'DIAG', serviceTypeName: 'Диагностика' };
const COMP = { serviceTypeId: 's-comp', serviceTypeCode: 'COMP', serviceTypeName: 'Смяна на компресор' };

function line(
  id: string,
  date: string,
  type: typeof DIAG,
  payer: EarningsLineInput['payer'],
  normMinutes: number,
  actualMinutes: number | null,
  labourValueCents: number,
  technicians: EarningsLineInput['technicians'],
): EarningsLineInput {
  return {
    lineId: id,
    orderId: `o-${id}`,
    orderNumber: `000000000${id.slice(1)}`,
    date,
    ...type,
    payer,
    normMinutes,
    actualMinutes,
    labourValueCents,
    technicians,
  };
}

// November 2026. Ivan earns 30 % commission until 14 November and 14.00 € per norm hour from the 15th;
// Georgi 25 % commission all month.
const TERMS = new Map<string, EarningsTerms[]>([
  [
    IVAN.technicianId,
    [
      { validFrom: '2026-01-01', payType: 'commission', commissionBp: 3000, rateCents: null },
      { validFrom: '2026-11-15', payType: 'per_norm_hour', commissionBp: null, rateCents: 1400 },
    ],
  ],
  [
    GEORGI.technicianId,
    [{ validFrom: '2026-01-01', payType: 'commission', commissionBp: 2500, rateCents: null }],
  ],
]);

const LINES = [
  // 30 % of 30.00 € = 9.00 €
  line('L1', '2026-11-10', DIAG, 'customer', 30, 40, 3000, [{ ...IVAN, shareBp: 10_000 }]),
  // Ivan half on per-norm-hour: 120 min × 14.00 €/h × 50 % = 14.00 €; Georgi half of 180.00 € × 25 % = 22.50 €
  line('L2', '2026-11-20', COMP, 'customer', 120, 100, 18_000, [
    { ...IVAN, shareBp: 5000 },
    { ...GEORGI, shareBp: 5000 },
  ]),
  // A warranty line: 25 % of its list value 30.00 € = 7.50 € when warranty lines are paid
  line('L3', '2026-11-21', DIAG, 'manufacturer_warranty', 30, 30, 3000, [{ ...GEORGI, shareBp: 10_000 }]),
  // No actual time written: 45 min × 14.00 €/h = 10.50 €
  line('L4', '2026-11-25', DIAG, 'customer', 45, null, 4500, [{ ...IVAN, shareBp: 10_000 }]),
];

describe('technician earnings by service type', () => {
  it('pays each line by the terms in force on its day, splits shared lines by shares, totals by hand', () => {
    const r = computeEarnings(LINES, TERMS, 'pay');
    const row = (tech: string, type: string) =>
      r.rows.find((x) => x.technicianId === tech && x.serviceTypeId === type);
    expect(row(IVAN.technicianId, DIAG.serviceTypeId)).toMatchObject({
      lines: 2,
      normMinuteBp: 75 * 10_000, // 1.25 norm hours
      actualMinuteBp: 40 * 10_000,
      efficiencyBp: 18_750, // 75 / 40 = 187.5 %
      labourValueCents: 7500,
      earningsCents: 900 + 1050,
    });
    expect(row(IVAN.technicianId, COMP.serviceTypeId)).toMatchObject({
      lines: 1,
      normMinuteBp: 60 * 10_000,
      actualMinuteBp: 50 * 10_000,
      efficiencyBp: 12_000,
      labourValueCents: 9000,
      earningsCents: 1400,
    });
    expect(row(GEORGI.technicianId, COMP.serviceTypeId)).toMatchObject({
      lines: 1,
      labourValueCents: 9000,
      earningsCents: 2250,
    });
    expect(row(GEORGI.technicianId, DIAG.serviceTypeId)).toMatchObject({
      lines: 1,
      efficiencyBp: 10_000,
      earningsCents: 750,
    });
    expect(r.byTechnician.map((t) => [t.technicianName, t.earningsCents])).toEqual([
      ['Георги Колев', 3000],
      ['Иван Петров', 3350],
    ]);
    expect(r.total).toMatchObject({ lines: 4, labourValueCents: 28_500, earningsCents: 6350 });
    // The drill-down: one row per technician and line, with the terms applied.
    expect(
      r.shares.filter((s) => s.lineId === 'L2').map((s) => [s.technicianId, s.payType, s.earningsCents]),
    ).toEqual([
      [IVAN.technicianId, 'per_norm_hour', 1400],
      [GEORGI.technicianId, 'commission', 2250],
    ]);
  });

  it('warranty lines by the rule in the settings: counted for hours but unpaid, or left out', () => {
    const hoursOnly = computeEarnings(LINES, TERMS, 'hours_only');
    expect(
      hoursOnly.rows.find(
        (x) => x.technicianId === GEORGI.technicianId && x.serviceTypeId === DIAG.serviceTypeId,
      ),
    ).toMatchObject({
      lines: 1,
      normMinuteBp: 30 * 10_000,
      earningsCents: 0,
    });
    expect(hoursOnly.total.earningsCents).toBe(6350 - 750);
    const excluded = computeEarnings(LINES, TERMS, 'exclude');
    expect(
      excluded.rows.some(
        (x) => x.technicianId === GEORGI.technicianId && x.serviceTypeId === DIAG.serviceTypeId,
      ),
    ).toBe(false);
    expect(excluded.total).toMatchObject({ lines: 3, labourValueCents: 25_500, earningsCents: 5600 });
  });

  it('a line on a day before any pay terms pays nothing and is flagged', () => {
    const early = line('L9', '2025-12-31', DIAG, 'customer', 60, 60, 5000, [{ ...GEORGI, shareBp: 10_000 }]);
    const r = computeEarnings([early], TERMS, 'pay');
    expect(r.rows[0]).toMatchObject({ earningsCents: 0, missingTerms: true });
  });

  it('rounds each technician’s pay on a line to the cent, half away from zero', () => {
    // 10.01 € × 25 % × one third = 0.834… → 0.83 €; 45 min × 14.01 €/h × 66.67 % = 7.005… → 7.01 €
    const odd = [
      line('L7', '2026-11-02', DIAG, 'customer', 45, 45, 1001, [{ ...GEORGI, shareBp: 3333 }]),
      line('L8', '2026-11-16', DIAG, 'customer', 45, 45, 1001, [{ ...IVAN, shareBp: 6667 }]),
    ];
    const terms = new Map(TERMS);
    terms.set(IVAN.technicianId, [
      { validFrom: '2026-01-01', payType: 'per_norm_hour', commissionBp: null, rateCents: 1401 },
    ]);
    const r = computeEarnings(odd, terms, 'pay');
    expect(r.shares.map((s) => s.earningsCents)).toEqual([83, 701]);
  });
});
