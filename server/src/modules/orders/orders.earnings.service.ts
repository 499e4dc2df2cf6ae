/**
 * The technicians' earnings report read from the database: the labour lines of the orders finished in the period,
 * with their technicians' shares, priced by orders.totals (the line's net whoever pays it) and paid by the
 * technicians' terms (technicians module) through the pure rule in orders.earnings.ts.
 */
import type { Executor } from '../../db/database';
import { addDays, calendarDateOf, lastMonth, startOfDayInstant, todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { getTechnician, payTermsOfTechnicians } from '../technicians';
import {
  computeEarnings,
  type EarningsLineInput,
  type EarningsTerms,
  type WarrantyEarningsRule,
} from './orders.earnings';
import type {
  EarningsLines,
  EarningsLinesQuery,
  EarningsQuery,
  TechnicianEarnings,
} from './orders.earnings.schema';
import { chargedQuantityMilli, lineNet } from './orders.totals';

interface LineRow {
  line_id: string;
  order_id: string;
  number: string | null;
  finished_at: string | Date;
  service_type_id: string;
  service_type_code: string;
  service_type_name: string;
  service_type_name_en: string | null;
  description: string;
  payer: EarningsLineInput['payer'];
  norm_minutes: number | null;
  actual_minutes: number | null;
  quantity_milli: number | string;
  used_quantity_milli: number | string | null;
  unit_price_cents: number | string;
  discount_bp: number;
  technician_id: string;
  technician_name: string;
  share_bp: number;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** The labour lines of the orders finished between two days (inclusive, the company's days), one row per share. */
async function labourLines(
  db: Executor,
  from: string,
  to: string,
  filter: { technicianId?: string; serviceTypeId?: string },
): Promise<(EarningsLineInput & { description: string })[]> {
  const start = startOfDayInstant(from).toISOString();
  const end = startOfDayInstant(addDays(to, 1)).toISOString();
  let q = db
    .selectFrom('service_order_line as l')
    .innerJoin('service_order as o', 'o.id', 'l.order_id')
    .innerJoin('service_order_line_technician as lt', 'lt.line_id', 'l.id')
    .innerJoin('technician as t', 't.id', 'lt.technician_id')
    .innerJoin('catalog_service_type as st', 'st.id', 'l.service_type_id')
    .select([
      'l.id as line_id',
      'l.order_id',
      'o.number',
      'o.finished_at',
      'l.service_type_id',
      'st.code as service_type_code',
      'st.name_bg as service_type_name',
      'st.name_en as service_type_name_en',
      'l.description',
      'l.payer',
      'l.norm_minutes',
      'l.actual_minutes',
      'l.quantity_milli',
      'l.used_quantity_milli',
      'l.unit_price_cents',
      'l.discount_bp',
      'lt.technician_id',
      't.name as technician_name',
      'lt.share_bp',
    ])
    .where('l.kind', '=', 'labour')
    .where('o.status', 'in', ['ready', 'delivered'])
    .where('o.finished_at', '>=', start)
    .where('o.finished_at', '<', end);
  if (filter.technicianId) {
    // Every share of the lines this technician worked on: the line is theirs only in part.
    const mine = db
      .selectFrom('service_order_line_technician')
      .select('line_id')
      .where('technician_id', '=', filter.technicianId);
    q = q.where('l.id', 'in', mine);
  }
  if (filter.serviceTypeId) q = q.where('l.service_type_id', '=', filter.serviceTypeId);
  const rows = (await q.orderBy('o.finished_at').orderBy('l.position').execute()) as LineRow[];
  const lines = new Map<string, EarningsLineInput & { description: string }>();
  for (const r of rows) {
    let line = lines.get(r.line_id);
    if (!line) {
      const finishedAt = r.finished_at instanceof Date ? r.finished_at : new Date(r.finished_at);
      const quantityMilli = chargedQuantityMilli({
        quantityMilli: Number(r.quantity_milli),
        usedQuantityMilli: num(r.used_quantity_milli),
      });
      line = {
        lineId: r.line_id,
        orderId: r.order_id,
        orderNumber: r.number,
        date: calendarDateOf(finishedAt),
        serviceTypeId: r.service_type_id,
        serviceTypeCode: r.service_type_code,
        serviceTypeName: r.service_type_name,
        serviceTypeNameEn: r.service_type_name_en,
        description: r.description,
        payer: r.payer,
        // The norm of one unit times the units worked.
        normMinutes: Math.round(((r.norm_minutes ?? 0) * quantityMilli) / 1000),
        actualMinutes: r.actual_minutes,
        labourValueCents: lineNet(quantityMilli, Number(r.unit_price_cents), r.discount_bp),
        technicians: [],
      };
      lines.set(r.line_id, line);
    }
    (line.technicians as { technicianId: string; technicianName: string; shareBp: number }[]).push({
      technicianId: r.technician_id,
      technicianName: r.technician_name,
      shareBp: r.share_bp,
    });
  }
  return [...lines.values()];
}

async function warrantyRule(db: Executor): Promise<WarrantyEarningsRule> {
  const row = await db.selectFrom('service_settings').select('earnings_warranty_rule').executeTakeFirst();
  return row?.earnings_warranty_rule ?? 'pay';
}

async function termsOf(db: Executor, lines: readonly EarningsLineInput[]) {
  const ids = lines.flatMap((l) => l.technicians.map((t) => t.technicianId));
  const terms = await payTermsOfTechnicians(db, ids);
  return terms as Map<string, EarningsTerms[]>;
}

export async function technicianEarnings(db: Executor, query: EarningsQuery): Promise<TechnicianEarnings> {
  const fallback = lastMonth(todayDate());
  const q = { ...query, from: query.from ?? fallback.from, to: query.to ?? fallback.to };
  if (q.from > q.to)
    throw new DomainError('invalid', 'period_ends_before_start', { field: 'to', params: { field: 'to' } });
  const lines = await labourLines(db, q.from, q.to, { technicianId: q.technicianId });
  const rule = await warrantyRule(db);
  const result = computeEarnings(lines, await termsOf(db, lines), rule);
  const keep = <T extends { technicianId: string }>(rows: T[]) =>
    q.technicianId ? rows.filter((r) => r.technicianId === q.technicianId) : rows;
  const byTechnician = keep(result.byTechnician);
  const total = q.technicianId
    ? {
        ...(byTechnician[0] ?? {
          lines: 0,
          normMinuteBp: 0,
          actualMinuteBp: 0,
          efficiencyBp: null,
          labourValueCents: 0,
          earningsCents: 0,
        }),
      }
    : result.total;
  return {
    from: q.from,
    to: q.to,
    warrantyRule: rule,
    rows: keep(result.rows),
    byTechnician,
    total: {
      lines: total.lines,
      normMinuteBp: total.normMinuteBp,
      actualMinuteBp: total.actualMinuteBp,
      efficiencyBp: total.efficiencyBp,
      labourValueCents: total.labourValueCents,
      earningsCents: total.earningsCents,
    },
  };
}

/** The drill-down: one technician's shares of the lines behind a row (or all their lines), oldest first. */
export async function technicianEarningsLines(db: Executor, q: EarningsLinesQuery): Promise<EarningsLines> {
  const technician = await getTechnician(db, q.technicianId).catch(() => null);
  if (!technician) throw notFound('technician');
  const lines = await labourLines(db, q.from, q.to, {
    technicianId: q.technicianId,
    serviceTypeId: q.serviceTypeId,
  });
  const rule = await warrantyRule(db);
  const result = computeEarnings(lines, await termsOf(db, lines), rule);
  const byId = new Map(lines.map((l) => [l.lineId, l]));
  return {
    technicianId: technician.id,
    technicianName: technician.name,
    lines: result.shares
      .filter((s) => s.technicianId === q.technicianId)
      .map((s) => {
        const line = byId.get(s.lineId) as EarningsLineInput & { description: string };
        return {
          lineId: s.lineId,
          orderId: s.orderId,
          orderNumber: s.orderNumber,
          date: s.date,
          serviceTypeId: s.serviceTypeId,
          serviceTypeCode: line.serviceTypeCode,
          serviceTypeName: line.serviceTypeName,
          serviceTypeNameEn: line.serviceTypeNameEn ?? null,
          description: line.description,
          payer: s.payer,
          shareBp: s.shareBp,
          normMinuteBp: s.normMinuteBp,
          actualMinuteBp: s.actualMinuteBp,
          labourValueCents: s.labourValueCents,
          payType: s.payType,
          commissionBp: s.commissionBp,
          rateCents: s.rateCents,
          paid: s.paid,
          earningsCents: s.earningsCents,
        };
      }),
  };
}
