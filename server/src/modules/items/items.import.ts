import { z } from 'zod';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { PastIsoDate } from '../../kernel/dates';
import { DomainError } from '../../kernel/errors';
import { findModelsByBrandCodeAndName, modelKey } from '../catalog';
import type { ImportAdapter, RowError } from '../imports';
import { resolveCustomerNames, resolveSiteNames } from '../parties';
import { ITEM_RULES } from './items.access';
import * as repo from './items.repository';
import { normalizeSerial } from './items.schema';
import { insertNewItems, type NewItemRow, newItemRows } from './items.service';

/** The columns of server/seed-data/items.csv, in export order. */
export const ITEMS_CSV_COLUMNS = [
  'customer_name',
  'site_name',
  'brand_code',
  'model',
  'serial',
  'purchase_date',
  'warranty_doc',
  'warranty_months',
] as const;

const required = { params: { code: 'required' } };
const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => s.length > 0, required);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s));

/** One row of items.csv: the customer by exact name, the site by name within that customer, the model by brand code + name. */
export const ItemImportRecord = z
  .object({
    customer_name: requiredText(200),
    site_name: optionalText(200),
    brand_code: requiredText(50).transform((s) => s.toUpperCase()),
    model: requiredText(200),
    serial: requiredText(100).transform(normalizeSerial),
    purchase_date: z.union([z.literal(''), PastIsoDate]).transform((s) => (s === '' ? null : s)),
    warranty_doc: optionalText(100),
    warranty_months: z
      .string()
      .trim()
      .regex(/^\d{0,3}$/)
      .transform((s) => (s === '' ? null : Number(s)))
      .refine((n) => n === null || n <= 600),
  })
  .transform((r) => ({
    customerName: r.customer_name,
    siteName: r.site_name,
    brandCode: r.brand_code,
    model: r.model,
    serial: r.serial,
    purchaseDate: r.purchase_date,
    warrantyDoc: r.warranty_doc,
    warrantyMonths: r.warranty_months,
  }));
export type ItemImportRow = z.infer<typeof ItemImportRecord>;

interface Resolved {
  errors: Map<number, RowError[]>;
  rows: (NewItemRow | null)[];
}

const key = (...parts: string[]) => parts.join('\u0000');

/** Resolves names to ids and finds duplicate serials, in the file and in the database; builds the rows to insert. */
async function resolveRows(db: Executor, rows: readonly ItemImportRow[]): Promise<Resolved> {
  const customers = await resolveCustomerNames(db, [...new Set(rows.map((r) => r.customerName))]);
  const siteIds = await resolveSiteNames(db, [...customers.values()].flat());

  const models = await findModelsByBrandCodeAndName(
    db,
    rows.map((r) => ({ brandCode: r.brandCode, name: r.model })),
  );

  const existing = await repo.findItemsBySerials(db, [...new Set(rows.map((r) => r.serial))]);
  const existingByKey = new Map(existing.map((e) => [key(e.model_id, e.serial_number), e]));
  const seenInFile = new Map<string, number>();

  const errors = new Map<number, RowError[]>();
  const out: (NewItemRow | null)[] = [];
  rows.forEach((r, i) => {
    const errs: RowError[] = [];
    const candidates = customers.get(r.customerName) ?? [];
    const partyId = candidates.length === 1 ? candidates[0] : undefined;
    if (candidates.length === 0)
      errs.push({ field: 'customer_name', code: 'unknown_customer', params: { name: r.customerName } });
    else if (candidates.length > 1)
      errs.push({
        field: 'customer_name',
        code: 'ambiguous_customer',
        params: { name: r.customerName, count: candidates.length },
      });

    const siteId = partyId && r.siteName ? siteIds.get(`${partyId}\n${r.siteName}`) : undefined;
    if (partyId && r.siteName && !siteId)
      errs.push({
        field: 'site_name',
        code: 'unknown_site',
        params: { site: r.siteName, customer: r.customerName },
      });

    const model = models.get(modelKey(r.brandCode, r.model));
    if (!model)
      errs.push({ field: 'model', code: 'unknown_model', params: { brand: r.brandCode, name: r.model } });

    const serialKey = key(model?.id ?? modelKey(r.brandCode, r.model), r.serial);
    const earlier = seenInFile.get(serialKey);
    const inDb = model ? existingByKey.get(serialKey) : undefined;
    if (earlier !== undefined)
      errs.push({
        field: 'serial',
        code: 'duplicate_serial',
        params: { serial: r.serial, model: `${r.brandCode} ${r.model}`, owner: rows[earlier]?.customerName },
      });
    else if (inDb)
      errs.push({
        field: 'serial',
        code: 'duplicate_serial',
        params: { serial: r.serial, model: `${inDb.brand_name} ${inDb.model_name}`, owner: inDb.party_name },
      });
    else seenInFile.set(serialKey, i);

    if (errs.length || !partyId || !model) {
      errors.set(i, errs);
      out.push(null);
      return;
    }
    out.push(
      newItemRows({
        modelId: model.id,
        modelName: model.name,
        brandName: model.brandName,
        defaultWarrantyMonths: model.defaultWarrantyMonths,
        serialNumber: r.serial,
        partyId,
        partyName: r.customerName,
        siteId: siteId ?? null,
        purchaseDate: r.purchaseDate,
        seller: null,
        warrantyDocNumber: r.warrantyDoc,
        warrantyMonths: r.warrantyMonths,
        warrantyEnd: null,
        notes: null,
      }),
    );
  });
  return { errors, rows: out };
}

/** CSV import of customers' items (server/seed-data/items.csv format). */
export const itemsImport: ImportAdapter<ItemImportRow> = {
  entity: 'items',
  rule: ITEM_RULES.write,
  columns: ITEMS_CSV_COLUMNS,
  requiredColumns: ['customer_name', 'brand_code', 'model', 'serial'],
  row: ItemImportRecord,
  async check(db, rows) {
    return (await resolveRows(db, rows)).errors;
  },
  async insert(trx: Executor, actor: Actor, rows) {
    const resolved = await resolveRows(trx, rows);
    const [first] = resolved.errors.values();
    const e = first?.[0];
    // Checked before, but the database may have changed since: nothing is written then.
    if (e)
      throw new DomainError(e.code === 'duplicate_serial' ? 'conflict' : 'invalid', e.code, {
        field: e.field,
        params: e.params,
      });
    await insertNewItems(
      trx,
      actor,
      resolved.rows.filter((r): r is NewItemRow => r !== null),
    );
  },
};
