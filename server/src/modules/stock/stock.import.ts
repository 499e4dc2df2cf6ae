import { z } from 'zod';
import type { Executor } from '../../db/database';
import { foldSearchText } from '../../kernel/search-text';
import type { ImportAdapter, RowError } from '../imports';
import { listTechnicians } from '../technicians';
import { WAREHOUSE_RULES } from './stock.access';
import * as repo from './stock.repository';
import { WAREHOUSE_KINDS } from './stock.schema';
import { insertNewWarehouse } from './stock.warehouses';

/** The columns of the warehouses CSV export, in order; an exported file imports back. */
export const WAREHOUSE_CSV_COLUMNS = ['code', 'name', 'kind', 'technician', 'mol'] as const;

const issue = (path: string, code: string) => ({
  code: 'custom' as const,
  path: [path],
  params: { code },
  message: code,
});

/** One row: kind is store (default) or van; a van names its technician by name, exactly as in the technician list. */
export const WarehouseImportRecord = z
  .object({
    code: z
      .string()
      .trim()
      .max(20)
      .transform((s) => s.toUpperCase()),
    name: z.string().trim().max(200),
    kind: z
      .string()
      .trim()
      .transform((s) => s.toLowerCase() || 'store'),
    technician: z.string().trim().max(200),
    mol: z.string().trim().max(200),
  })
  .superRefine((r, ctx) => {
    if (!r.code) ctx.addIssue(issue('code', 'required'));
    else if (!/^[A-Z0-9][A-Z0-9_.-]*$/.test(r.code)) ctx.addIssue(issue('code', 'invalid_code'));
    if (!r.name) ctx.addIssue(issue('name', 'required'));
    if (!(WAREHOUSE_KINDS as readonly string[]).includes(r.kind))
      ctx.addIssue(issue('kind', 'invalid_value'));
    if (r.kind === 'van' && !r.technician) ctx.addIssue(issue('technician', 'required'));
    if (r.kind === 'store' && r.technician) ctx.addIssue(issue('technician', 'not_for_store'));
  })
  .transform((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind as 'store' | 'van',
    technician: r.technician || null,
    molName: r.mol || null,
  }));
export type WarehouseImportRow = z.infer<typeof WarehouseImportRecord>;

/** Technicians by exact (folded) name, through the technicians module's list. */
async function technicianByName(db: Executor, name: string) {
  const { items } = await listTechnicians(db, { q: name, page: 1, pageSize: 20 });
  return items.filter((t) => foldSearchText(t.name) === foldSearchText(name));
}

async function resolveRows(db: Executor, rows: readonly WarehouseImportRow[]) {
  const errors = new Map<number, RowError[]>();
  const technicianIds = new Map<number, { id: string; name: string }>();
  const codes = new Set<string>();
  const vans = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const errs: RowError[] = [];
    if (codes.has(r.code) || (await repo.findWarehouseByCode(db, r.code)))
      errs.push({ field: 'code', code: 'warehouse_code_taken', params: { code: r.code, name: r.name } });
    codes.add(r.code);
    if (r.technician) {
      const found = await technicianByName(db, r.technician);
      const t = found[0];
      if (found.length !== 1 || !t) errs.push({ field: 'technician', code: 'unknown_technician' });
      else if (vans.has(t.id) || (await repo.findVanOfTechnician(db, t.id)))
        errs.push({
          field: 'technician',
          code: 'technician_has_van',
          params: { technician: t.name, code: r.code },
        });
      else {
        vans.add(t.id);
        technicianIds.set(i, { id: t.id, name: t.name });
      }
    }
    if (errs.length) errors.set(i, errs);
  }
  return { errors, technicianIds };
}

/** CSV import of warehouses and vans (the columns of GET /api/v1/warehouses/export.csv). */
export const warehousesImport: ImportAdapter<WarehouseImportRow> = {
  entity: 'warehouses',
  rule: WAREHOUSE_RULES.write,
  columns: WAREHOUSE_CSV_COLUMNS,
  requiredColumns: ['code', 'name'],
  values: {
    kind: [
      { value: 'store', bg: 'склад', en: 'store' },
      { value: 'van', bg: 'автомобил', en: 'van' },
    ],
  },
  row: WarehouseImportRecord,
  async check(db, rows) {
    return (await resolveRows(db, rows)).errors;
  },
  async insert(trx, actor, rows) {
    const { errors, technicianIds } = await resolveRows(trx, rows);
    if (errors.size) throw new Error(`warehouses import: rows not checked: ${JSON.stringify([...errors])}`);
    for (const [i, r] of rows.entries()) {
      const t = technicianIds.get(i) ?? null;
      await insertNewWarehouse(
        trx,
        actor,
        { code: r.code, name: r.name, kind: r.kind, technicianId: t?.id ?? null, molName: r.molName },
        t?.name ?? null,
      );
    }
  },
};
