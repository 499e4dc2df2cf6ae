/**
 * Technician earnings by service type for a period (issue 12, item 12): what the office runs every month to pay the
 * technicians. Pure: the lines and the pay terms come in, the table goes out; money and time in integers only.
 *
 * - A labour line counts on the day its order was finished; the pay terms in force on that day apply (a change of
 *   terms inside the period splits the period by itself).
 * - Several technicians on one line share it by their shares (basis points summing to 10 000): each gets that share
 *   of the norm minutes, the actual minutes, the labour value and the pay; the line counts once for each of them.
 * - Commission: commissionBp of the labour value. Per norm hour: rateCents × norm hours. Each technician's pay on a
 *   line is rounded to the cent once (half away from zero); the totals are sums of those cents.
 * - The labour value is the line's value before the payer is applied (a warranty line is worth its list value,
 *   what the claim asks of the brand). Warranty and contract lines follow the rule in the settings: paid like the
 *   others, counted for hours but not paid, or left out.
 */

import { compareBg } from '../../kernel/collate';
import { mulDivRound } from '../../kernel/money';

export type EarningsPayer = 'customer' | 'manufacturer_warranty' | 'shop_warranty' | 'contract';
export type WarrantyEarningsRule = 'pay' | 'hours_only' | 'exclude';
export type EarningsPayType = 'commission' | 'per_norm_hour';

export interface EarningsLineInput {
  lineId: string;
  orderId: string;
  orderNumber: string | null;
  /** The day the order was finished, YYYY-MM-DD in the company's time zone. */
  date: string;
  serviceTypeId: string;
  serviceTypeCode: string;
  serviceTypeName: string;
  serviceTypeNameEn?: string | null;
  payer: EarningsPayer;
  normMinutes: number;
  /** Null when nobody wrote the actual time: counted as zero actual minutes. */
  actualMinutes: number | null;
  /** Net value of the line before the payer is applied, in cents without VAT. */
  labourValueCents: number;
  technicians: readonly { technicianId: string; technicianName: string; shareBp: number }[];
}

export interface EarningsTerms {
  validFrom: string;
  payType: EarningsPayType;
  commissionBp: number | null;
  rateCents: number | null;
}

/** One technician's part of one line: the drill-down row. */
export interface EarningsLineShare {
  lineId: string;
  orderId: string;
  orderNumber: string | null;
  date: string;
  technicianId: string;
  serviceTypeId: string;
  payer: EarningsPayer;
  shareBp: number;
  /** The technician's share of the norm and actual time, in minutes × share basis points (exact). */
  normMinuteBp: number;
  actualMinuteBp: number;
  labourValueCents: number;
  /** The terms applied (null: none in force on that day, nothing paid). */
  payType: EarningsPayType | null;
  commissionBp: number | null;
  rateCents: number | null;
  /** False for a warranty or contract line under the 'hours_only' rule. */
  paid: boolean;
  earningsCents: number;
}

export interface EarningsRow {
  technicianId: string;
  technicianName: string;
  serviceTypeId: string;
  serviceTypeCode: string;
  serviceTypeName: string;
  serviceTypeNameEn: string | null;
  lines: number;
  /** Sums of minutes × share basis points: divide by 600 000 for hours. */
  normMinuteBp: number;
  actualMinuteBp: number;
  /** Norm / actual in basis points (10 000 = 100 %); null without actual time. */
  efficiencyBp: number | null;
  labourValueCents: number;
  earningsCents: number;
  /** Some lines fell on days without pay terms: their pay is zero. */
  missingTerms: boolean;
}

export interface EarningsTotals {
  lines: number;
  normMinuteBp: number;
  actualMinuteBp: number;
  efficiencyBp: number | null;
  labourValueCents: number;
  earningsCents: number;
}

export interface EarningsResult {
  rows: EarningsRow[];
  /** Per technician over all service types. */
  byTechnician: (EarningsTotals & { technicianId: string; technicianName: string; missingTerms: boolean })[];
  total: EarningsTotals;
  shares: EarningsLineShare[];
}

/** The term in force on `date`: the latest validFrom on or before it. */
function termsOn(terms: readonly EarningsTerms[] | undefined, date: string): EarningsTerms | null {
  let best: EarningsTerms | null = null;
  for (const t of terms ?? []) if (t.validFrom <= date && (!best || t.validFrom > best.validFrom)) best = t;
  return best;
}

export function efficiencyBp(normMinuteBp: number, actualMinuteBp: number): number | null {
  return actualMinuteBp > 0 ? mulDivRound(normMinuteBp, 10_000, actualMinuteBp) : null;
}

/** The pay of one technician's share of one line, in cents. */
export function shareEarnings(
  terms: EarningsTerms | null,
  line: Pick<EarningsLineInput, 'labourValueCents' | 'normMinutes'>,
  shareBp: number,
): number {
  if (!terms) return 0;
  if (terms.payType === 'commission')
    return mulDivRound(line.labourValueCents * (terms.commissionBp ?? 0), shareBp, 100_000_000);
  return mulDivRound(line.normMinutes * (terms.rateCents ?? 0), shareBp, 600_000);
}

export function computeEarnings(
  lines: readonly EarningsLineInput[],
  termsByTechnician: ReadonlyMap<string, readonly EarningsTerms[]>,
  rule: WarrantyEarningsRule,
): EarningsResult {
  const rows = new Map<string, EarningsRow>();
  const techs = new Map<string, EarningsResult['byTechnician'][number]>();
  const total: EarningsTotals = {
    lines: 0,
    normMinuteBp: 0,
    actualMinuteBp: 0,
    efficiencyBp: null,
    labourValueCents: 0,
    earningsCents: 0,
  };
  const countedLines = new Set<string>();
  const shares: EarningsLineShare[] = [];
  for (const line of lines) {
    const warranty = line.payer !== 'customer';
    if (warranty && rule === 'exclude') continue;
    for (const t of line.technicians) {
      const terms = termsOn(termsByTechnician.get(t.technicianId), line.date);
      const paid = !(warranty && rule === 'hours_only');
      const earningsCents = paid ? shareEarnings(terms, line, t.shareBp) : 0;
      const share: EarningsLineShare = {
        lineId: line.lineId,
        orderId: line.orderId,
        orderNumber: line.orderNumber,
        date: line.date,
        technicianId: t.technicianId,
        serviceTypeId: line.serviceTypeId,
        payer: line.payer,
        shareBp: t.shareBp,
        normMinuteBp: line.normMinutes * t.shareBp,
        actualMinuteBp: (line.actualMinutes ?? 0) * t.shareBp,
        labourValueCents: mulDivRound(line.labourValueCents, t.shareBp, 10_000),
        payType: terms?.payType ?? null,
        commissionBp: terms?.commissionBp ?? null,
        rateCents: terms?.rateCents ?? null,
        paid,
        earningsCents,
      };
      shares.push(share);
      const key = `${t.technicianId}\u0000${line.serviceTypeId}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          technicianId: t.technicianId,
          technicianName: t.technicianName,
          serviceTypeId: line.serviceTypeId,
          serviceTypeCode: line.serviceTypeCode,
          serviceTypeName: line.serviceTypeName,
          serviceTypeNameEn: line.serviceTypeNameEn ?? null,
          lines: 0,
          normMinuteBp: 0,
          actualMinuteBp: 0,
          efficiencyBp: null,
          labourValueCents: 0,
          earningsCents: 0,
          missingTerms: false,
        };
        rows.set(key, row);
      }
      let tech = techs.get(t.technicianId);
      if (!tech) {
        tech = {
          technicianId: t.technicianId,
          technicianName: t.technicianName,
          lines: 0,
          normMinuteBp: 0,
          actualMinuteBp: 0,
          efficiencyBp: null,
          labourValueCents: 0,
          earningsCents: 0,
          missingTerms: false,
        };
        techs.set(t.technicianId, tech);
      }
      for (const acc of [row, tech]) {
        acc.lines += 1;
        acc.normMinuteBp += share.normMinuteBp;
        acc.actualMinuteBp += share.actualMinuteBp;
        acc.labourValueCents += share.labourValueCents;
        acc.earningsCents += earningsCents;
        if (paid && !terms) acc.missingTerms = true;
      }
      total.normMinuteBp += share.normMinuteBp;
      total.actualMinuteBp += share.actualMinuteBp;
      total.labourValueCents += share.labourValueCents;
      total.earningsCents += earningsCents;
    }
    countedLines.add(line.lineId);
  }
  total.lines = countedLines.size;
  const finish = <T extends EarningsTotals>(x: T): T => ({
    ...x,
    efficiencyBp: efficiencyBp(x.normMinuteBp, x.actualMinuteBp),
  });
  const byName = (a: { technicianName: string }, b: { technicianName: string }) =>
    compareBg(a.technicianName, b.technicianName);
  return {
    rows: [...rows.values()]
      .map(finish)
      .sort((a, b) => byName(a, b) || a.serviceTypeCode.localeCompare(b.serviceTypeCode)),
    byTechnician: [...techs.values()].map(finish).sort(byName),
    total: finish(total),
    shares,
  };
}
