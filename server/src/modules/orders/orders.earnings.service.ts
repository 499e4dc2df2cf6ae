/**
 * The technicians' earnings report read from the database: the labour lines of the orders finished in the period,
 * with their technicians' shares, priced by orders.totals (the line's net whoever pays it) and paid by the
 * technicians' terms (technicians module) through the pure rule in orders.earnings.ts.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/database';
import { addDays, calendarDateOf, lastMonth, startOfDayInstant, todayDate } from '../../kernel/calendar';
import { compareBg } from '../../kernel/collate';
import { DomainError, notFound } from '../../kernel/errors';
import { getTechnician, payTermsOfTechnicians } from '../technicians';
import {
  computeEarnings,
  type EarningsLineInput,
  type EarningsRow,
  type EarningsTerms,
  type EarningsTotals,
  efficiencyBp,
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

/** n / c rounded half away from zero, in SQL, for n ≥ 0 (every operand here is: prices, quantities, shares, terms). */
const roundDiv = (n: RawBuilder<unknown>, c: number) => sql`((${n} + ${sql.lit(c / 2)}) / ${sql.lit(c)})`;

interface SummedRow {
  technician_id: string;
  technician_name: string;
  service_type_id: string;
  service_type_code: string;
  service_type_name: string;
  service_type_name_en: string | null;
  lines: number | string;
  norm_minute_bp: number | string;
  actual_minute_bp: number | string;
  labour_value_cents: number | string;
  earnings_cents: number | string;
  missing_terms: number | string;
  lead_lines: number | string;
}

/**
 * The report's sums per technician and service type, computed by the database (the same figures as computeEarnings
 * over every share, which the drill-down still uses): each share is priced and rounded as orders.earnings.ts says,
 * then summed. The pay terms in force are found by instants: a term valid from a day applies from the instant that
 * day begins in the company's time zone until the next term's first instant, so `finished_at` alone (indexed) picks
 * the term its finishing day had.
 */
async function summedEarnings(
  db: Executor,
  from: string,
  to: string,
  rule: WarrantyEarningsRule,
  technicianId: string | undefined,
) {
  const start = startOfDayInstant(from).toISOString();
  const end = startOfDayInstant(addDays(to, 1)).toISOString();
  const technicianIds = technicianId
    ? [technicianId]
    : (await db.selectFrom('technician').select('id').execute()).map((t) => t.id);
  const terms = (await payTermsOfTechnicians(db, technicianIds)) as Map<string, EarningsTerms[]>;
  // Every period of every technician's terms: [first instant of validFrom, first instant of the next validFrom).
  const periods: { technicianId: string; from: string; until: string | null; terms: EarningsTerms }[] = [];
  for (const [tid, list] of terms) {
    const asc = [...list].sort((a, b) =>
      a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
    );
    asc.forEach((t, i) => {
      const next = asc[i + 1];
      if (next && next.validFrom === t.validFrom) return;
      periods.push({
        technicianId: tid,
        from: startOfDayInstant(t.validFrom).toISOString(),
        until: next ? startOfDayInstant(next.validFrom).toISOString() : null,
        terms: t,
      });
    });
  }
  // The term in force per share: first by technician, then by the share's finishing instant.
  const byTechnician = new Map<string, { index: number; from: string; until: string | null }[]>();
  periods.forEach((p, i) => {
    const list = byTechnician.get(p.technicianId) ?? [];
    list.push({ index: i, from: p.from, until: p.until });
    byTechnician.set(p.technicianId, list);
  });
  const termIndex = periods.length
    ? sql`case e.technician_id ${sql.join(
        [...byTechnician].map(
          ([tid, list]) =>
            sql`when ${tid} then case ${sql.join(
              list.map(
                (p) =>
                  sql`when e.finished_at >= ${p.from}${
                    p.until ? sql` and e.finished_at < ${p.until}` : sql``
                  } then ${sql.lit(p.index)}`,
              ),
              sql` `,
            )} end`,
        ),
        sql` `,
      )} end`
    : sql`null`;
  const pay = periods.length
    ? sql`case y.term ${sql.join(
        periods.map((p, i) =>
          p.terms.payType === 'commission'
            ? sql`when ${sql.lit(i)} then ${roundDiv(sql`y.labour * ${sql.lit(p.terms.commissionBp ?? 0)} * y.share`, 100_000_000)}`
            : sql`when ${sql.lit(i)} then ${roundDiv(sql`y.norm * ${sql.lit(p.terms.rateCents ?? 0)} * y.share`, 600_000)}`,
        ),
        sql` `,
      )} else 0 end`
    : sql`0`;
  const paid = rule === 'hours_only' ? sql`y.warranty = 0` : sql`1 = 1`;
  // The shares of the period from the copy taken at finishing (orders.earnings.record.ts): one indexed table.
  const shares = sql`
    select e.technician_id as tid, e.service_type_id as sid, cast(e.share_bp as bigint) as share, e.lead,
      case when e.payer = 'customer' then 0 else 1 end as warranty,
      ${termIndex} as term,
      cast(e.norm_minutes as bigint) as norm, cast(e.actual_minutes as bigint) as actual,
      cast(e.labour_cents as bigint) as labour
    from service_order_earning e
    where e.finished_at >= ${start} and e.finished_at < ${end}
      ${rule === 'exclude' ? sql`and e.payer = 'customer'` : sql``}
      ${technicianId ? sql`and e.technician_id = ${technicianId}` : sql``}`;
  const summed = sql<SummedRow>`
    select s.tid as technician_id, t.name as technician_name, s.sid as service_type_id,
      st.code as service_type_code, st.name_bg as service_type_name, st.name_en as service_type_name_en,
      s.lines, s.norm_minute_bp, s.actual_minute_bp, s.labour_value_cents, s.earnings_cents, s.missing_terms,
      s.lead_lines
    from (
      select y.tid, y.sid, cast(count(*) as bigint) as lines,
        cast(sum(y.lead) as bigint) as lead_lines,
        cast(sum(y.norm * y.share) as bigint) as norm_minute_bp,
        cast(sum(y.actual * y.share) as bigint) as actual_minute_bp,
        cast(sum(${roundDiv(sql`y.labour * y.share`, 10_000)}) as bigint) as labour_value_cents,
        cast(sum(case when ${paid} then ${pay} else 0 end) as bigint) as earnings_cents,
        max(case when ${paid} and y.term is null then 1 else 0 end) as missing_terms
      from (${shares}) y
      group by y.tid, y.sid
    ) s
    join technician t on t.id = s.tid
    join catalog_service_type st on st.id = s.sid`;
  const rows = await summed.execute(db);
  // Each line has exactly one lead share: summing them counts the distinct lines (with a technician filter, the
  // lines are that technician's, counted by the shares themselves).
  const lines = rows.rows.reduce((n, r) => n + Number(r.lead_lines), 0);
  return { rows: rows.rows, lines };
}

export async function technicianEarnings(db: Executor, query: EarningsQuery): Promise<TechnicianEarnings> {
  const fallback = lastMonth(todayDate());
  const q = { ...query, from: query.from ?? fallback.from, to: query.to ?? fallback.to };
  if (q.from > q.to)
    throw new DomainError('invalid', 'period_ends_before_start', { field: 'to', params: { field: 'to' } });
  const rule = await warrantyRule(db);
  const summed = await summedEarnings(db, q.from, q.to, rule, q.technicianId);
  const finish = <T extends EarningsTotals>(x: T): T => ({
    ...x,
    efficiencyBp: efficiencyBp(x.normMinuteBp, x.actualMinuteBp),
  });
  const rows: EarningsRow[] = summed.rows.map((r) =>
    finish({
      technicianId: r.technician_id,
      technicianName: r.technician_name,
      serviceTypeId: r.service_type_id,
      serviceTypeCode: r.service_type_code,
      serviceTypeName: r.service_type_name,
      serviceTypeNameEn: r.service_type_name_en ?? null,
      lines: Number(r.lines),
      normMinuteBp: Number(r.norm_minute_bp),
      actualMinuteBp: Number(r.actual_minute_bp),
      efficiencyBp: null,
      labourValueCents: Number(r.labour_value_cents),
      earningsCents: Number(r.earnings_cents),
      missingTerms: Number(r.missing_terms) === 1,
    }),
  );
  const byName = (a: { technicianName: string }, b: { technicianName: string }) =>
    compareBg(a.technicianName, b.technicianName);
  rows.sort((a, b) => byName(a, b) || a.serviceTypeCode.localeCompare(b.serviceTypeCode));
  const techs = new Map<string, TechnicianEarnings['byTechnician'][number]>();
  const total: EarningsTotals = {
    lines: summed.lines,
    normMinuteBp: 0,
    actualMinuteBp: 0,
    efficiencyBp: null,
    labourValueCents: 0,
    earningsCents: 0,
  };
  for (const r of rows) {
    const tech = techs.get(r.technicianId) ?? {
      technicianId: r.technicianId,
      technicianName: r.technicianName,
      lines: 0,
      normMinuteBp: 0,
      actualMinuteBp: 0,
      efficiencyBp: null,
      labourValueCents: 0,
      earningsCents: 0,
      missingTerms: false,
    };
    techs.set(r.technicianId, tech);
    for (const acc of [tech, total]) {
      acc.normMinuteBp += r.normMinuteBp;
      acc.actualMinuteBp += r.actualMinuteBp;
      acc.labourValueCents += r.labourValueCents;
      acc.earningsCents += r.earningsCents;
    }
    tech.lines += r.lines;
    if (r.missingTerms) tech.missingTerms = true;
  }
  const byTechnician = [...techs.values()].map(finish).sort(byName);
  const sum = q.technicianId ? (byTechnician[0] ?? { ...total, lines: 0 }) : finish(total);
  return {
    from: q.from,
    to: q.to,
    warrantyRule: rule,
    rows,
    byTechnician,
    total: {
      lines: sum.lines,
      normMinuteBp: sum.normMinuteBp,
      actualMinuteBp: sum.actualMinuteBp,
      efficiencyBp: sum.efficiencyBp,
      labourValueCents: sum.labourValueCents,
      earningsCents: sum.earningsCents,
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
