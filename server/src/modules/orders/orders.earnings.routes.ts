import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendCsv } from '../../http/csv';
import type { CsvColumn } from '../../kernel/csv-cell';
import { cents, toDecimalString } from '../../kernel/money';
import {
  EarningsLines,
  EarningsLinesQuery,
  EarningsQuery,
  type EarningsRow,
  TechnicianEarnings,
} from './orders.earnings.schema';
import { technicianEarnings, technicianEarningsLines } from './orders.earnings.service';

const tags = ['reports'];
/** Minutes × share basis points as hours with two decimals ("1.25"). */
const hours = (minuteBp: number) => (minuteBp / 600_000).toFixed(2);
const percent = (bp: number | null) => (bp === null ? '' : (bp / 100).toFixed(2));

const EARNINGS_CSV: CsvColumn<EarningsRow & { from: string; to: string }>[] = [
  { header: 'from', value: (r) => r.from },
  { header: 'to', value: (r) => r.to },
  { header: 'technician', value: (r) => r.technicianName },
  { header: 'service_code', value: (r) => r.serviceTypeCode },
  { header: 'service', value: (r) => r.serviceTypeName },
  { header: 'lines', value: (r) => r.lines },
  { header: 'norm_hours', value: (r) => hours(r.normMinuteBp) },
  { header: 'actual_hours', value: (r) => hours(r.actualMinuteBp) },
  { header: 'efficiency_percent', value: (r) => percent(r.efficiencyBp) },
  { header: 'labour_value_eur', value: (r) => toDecimalString(cents(r.labourValueCents)) },
  { header: 'earnings_eur', value: (r) => toDecimalString(cents(r.earningsCents)) },
  { header: 'missing_pay_terms', value: (r) => r.missingTerms },
];

/** GET /api/v1/reports/technician-earnings (+ lines, CSV): what each technician earned, by service type. */
export async function earningsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  r.get(
    '/api/v1/reports/technician-earnings',
    {
      schema: {
        tags,
        summary:
          'Per technician and service type for a period: labour lines, norm and actual hours, efficiency, labour value and earnings by the pay terms of each line’s day',
        querystring: EarningsQuery,
        response: { 200: TechnicianEarnings },
      },
    },
    async (req) => technicianEarnings(db, req.query),
  );
  r.get(
    '/api/v1/reports/technician-earnings/lines',
    {
      schema: {
        tags,
        summary: 'The lines behind a technician’s earnings (one service type or all), with the terms applied',
        querystring: EarningsLinesQuery,
        response: { 200: EarningsLines },
      },
    },
    async (req) => technicianEarningsLines(db, req.query),
  );
  r.get(
    '/api/v1/reports/technician-earnings/export.csv',
    { schema: { tags, summary: 'The earnings report as CSV', querystring: EarningsQuery } },
    async (req, reply) => {
      const report = await technicianEarnings(db, req.query);
      const rows = report.rows.map((row) => ({ ...row, from: report.from, to: report.to }));
      return sendCsv(reply, `technician-earnings-${report.from}-${report.to}.csv`, EARNINGS_CSV, rows);
    },
  );
}
