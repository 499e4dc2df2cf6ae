import { z } from 'zod';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { calendarDateOf } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { parseMoney } from '../../kernel/money';
import { foldSearchText } from '../../kernel/search-text';
import type { ImportAdapter, RowError } from '../imports';
import { TECHNICIAN_RULES } from './technicians.access';
import { parseWeekdayHours, type WorkingInterval } from './technicians.hours';
import { parsePercentBp } from './technicians.pay';
import * as repo from './technicians.repository';
import { PAY_TYPES, type PayTermsInput, type PayType } from './technicians.schema';
import { categoryIdsByCode, insertNewTechnician } from './technicians.service';

/** The columns of server/seed-data/technicians.csv, in export order. */
export const TECHNICIANS_CSV_COLUMNS = [
  'name',
  'phone',
  'skills',
  'weekday_hours',
  'pay_type',
  'pay_value',
] as const;

const issue = (path: string, code: string, message: string) => ({
  code: 'custom' as const,
  path: [path],
  params: { code },
  message,
});

function parseRate(text: string): number | null {
  try {
    const cents = parseMoney(text);
    return cents >= 0 ? cents : null;
  } catch {
    return null;
  }
}

/**
 * One row of technicians.csv. skills: `;`-separated category codes; weekday_hours: `Mon-Fri 08:30-17:30; Sat
 * 09:00-13:00` (technicians.hours.ts); pay_value: percent for commission ("30"), EUR per norm hour for
 * per_norm_hour ("14.00").
 */
export const TechnicianImportRecord = z
  .object({
    name: z
      .string()
      .trim()
      .max(200)
      .refine((s) => s.length > 0, { params: { code: 'required' } }),
    phone: z
      .string()
      .trim()
      .max(50)
      .transform((s) => (s === '' ? null : s)),
    skills: z
      .string()
      .trim()
      .max(1000)
      .transform((s) => [
        ...new Set(
          s
            .split(';')
            .map((c) => c.trim().toUpperCase())
            .filter(Boolean),
        ),
      ]),
    weekday_hours: z.string().transform((s, ctx): WorkingInterval[] => {
      const parsed = parseWeekdayHours(s);
      if (parsed.ok) return parsed.hours;
      ctx.issues.push({ ...issue('weekday_hours', parsed.code, parsed.part), input: s });
      return [];
    }),
    pay_type: z.union([z.literal(''), z.enum(PAY_TYPES)]),
    pay_value: z.string().trim().max(20),
  })
  .superRefine((r, ctx) => {
    if (r.pay_type === '' && r.pay_value !== '') ctx.addIssue(issue('pay_type', 'required', 'pay_type'));
    if (r.pay_type === '') return;
    if (r.pay_value === '') ctx.addIssue(issue('pay_value', 'required', 'pay_value'));
    else if ((r.pay_type === 'commission' ? parsePercentBp(r.pay_value) : parseRate(r.pay_value)) === null)
      ctx.addIssue(issue('pay_value', 'invalid_value', 'pay_value'));
  })
  .transform((r) => ({
    name: r.name,
    phone: r.phone,
    skills: r.skills,
    hours: r.weekday_hours,
    pay:
      r.pay_type === ''
        ? null
        : {
            payType: r.pay_type as PayType,
            commissionBp: r.pay_type === 'commission' ? parsePercentBp(r.pay_value) : null,
            rateCents: r.pay_type === 'per_norm_hour' ? parseRate(r.pay_value) : null,
          },
  }));
export type TechnicianImportRow = z.infer<typeof TechnicianImportRecord>;

async function resolveRows(db: Executor, rows: readonly TechnicianImportRow[]) {
  const categoryId = await categoryIdsByCode(
    db,
    rows.flatMap((r) => r.skills),
  );
  const existing = new Set((await repo.listTechnicianNames(db)).map((t) => foldSearchText(t.name)));
  const seen = new Set<string>();
  const errors = new Map<number, RowError[]>();
  rows.forEach((r, i) => {
    const errs: RowError[] = [];
    const unknown = r.skills.filter((c) => !categoryId.has(c));
    if (unknown.length)
      errs.push({ field: 'skills', code: 'unknown_category', params: { code: unknown.join(', ') } });
    const name = foldSearchText(r.name);
    if (existing.has(name) || seen.has(name))
      errs.push({ field: 'name', code: 'duplicate_technician', params: { name: r.name } });
    seen.add(name);
    if (errs.length) errors.set(i, errs);
  });
  return { errors, categoryId };
}

/** Writes checked rows; their pay terms apply from validFrom. */
export async function insertTechnicianRows(
  trx: Executor,
  actor: Actor,
  rows: readonly TechnicianImportRow[],
  validFrom: string,
): Promise<void> {
  const { errors, categoryId } = await resolveRows(trx, rows);
  const e = [...errors.values()][0]?.[0];
  if (e)
    throw new DomainError(e.code === 'duplicate_technician' ? 'conflict' : 'invalid', e.code, {
      field: e.field,
      params: e.params,
    });
  for (const r of rows) {
    const payTerms: PayTermsInput[] = r.pay ? [{ validFrom, ...r.pay }] : [];
    await insertNewTechnician(trx, actor, {
      name: r.name,
      phone: r.phone,
      userId: null,
      active: true,
      categoryIds: r.skills.map((c) => categoryId.get(c) as string),
      hours: r.hours,
      payTerms,
      notes: null,
    });
  }
}

/** Imported pay terms apply from 1 January of the current year (the file has no date column). */
export function importedPayTermsFrom(now = new Date()): string {
  return `${calendarDateOf(now).slice(0, 4)}-01-01`;
}

/** CSV import of technicians (server/seed-data/technicians.csv format). */
export const techniciansImport: ImportAdapter<TechnicianImportRow> = {
  entity: 'technicians',
  rule: TECHNICIAN_RULES.write,
  columns: TECHNICIANS_CSV_COLUMNS,
  requiredColumns: ['name'],
  values: {
    pay_type: [
      { value: 'commission', bg: 'комисионна', en: 'commission' },
      { value: 'per_norm_hour', bg: 'на норма час', en: 'per norm hour' },
    ],
  },
  row: TechnicianImportRecord,
  async check(db, rows) {
    return (await resolveRows(db, rows)).errors;
  },
  async insert(trx, actor, rows) {
    await insertTechnicianRows(trx, actor, rows, importedPayTermsFrom());
  },
};
