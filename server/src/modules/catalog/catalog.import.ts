/**
 * CSV import adapters of the catalogue (modules/imports/imports.types.ts). Columns are the headers of
 * server/seed-data and of the catalogue's CSV exports. Checks load what they need once per file (codes by IN lists
 * of at most 500), and inserts go in chunks of at most 500 rows, so a file of thousands of rows stays fast.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { parseMoney } from '../../kernel/money';
import { VatRateKind } from '../../kernel/vat-rate-kinds';
import { type AuditEntity, recordAudit } from '../audit';
import { type ItemVat, itemVatOf, type RateOfKind, vatRatesOn } from '../company';
import { type ImportAdapter, importIssueCode, type RowError } from '../imports';
import { resolveSuppliersByUic } from '../parties';
import {
  BRAND_RULES,
  CATEGORY_RULES,
  MODEL_RULES,
  NORM_OVERRIDE_RULES,
  PART_RULES,
  SERVICE_TYPE_RULES,
} from './catalog.access';
import {
  BRAND_COLUMNS,
  CATEGORY_COLUMNS,
  MODEL_COLUMNS,
  NORM_OVERRIDE_COLUMNS,
  PART_COLUMNS,
  percentToBp,
  SERVICE_TYPE_COLUMNS,
  unitsToMilli,
} from './catalog.csv';
import * as repo from './catalog.repository';
import {
  isCatalogCode,
  isValidBarcode,
  MAX_CATALOG_CENTS,
  MAX_NORM_MINUTES,
  MAX_QUANTITY_MILLI,
  MAX_WARRANTY_MONTHS,
  normalizeModelName,
  PRICING,
  type Pricing,
} from './catalog.schema';
import { brandRow, categoryRow, compatRows, modelRow, partRow, serviceTypeRow } from './catalog.service';

// Cells --------------------------------------------------------------------------------------------------------

const issue = (code: string, message: string) => ({ code: 'custom' as const, params: { code }, message });

const requiredText = (max: number) =>
  z
    .string()
    .refine((s) => s !== '', { params: { code: 'required' }, abort: true })
    .pipe(z.string().max(max));
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s || null);

const codeCell = requiredText(40)
  .transform((s) => s.toUpperCase())
  .refine(isCatalogCode, { params: { code: 'invalid_code' } });
const optionalCodeCell = z
  .string()
  .transform((s) => s.toUpperCase() || null)
  .refine((s) => s === null || isCatalogCode(s), { params: { code: 'invalid_code' } });

/** A signed decimal in a cell, read by parse (which accepts no sign); '' is "missing". */
function signed(parse: (s: string) => number | null, code: string) {
  return (s: string, ctx: z.core.$RefinementCtx<string>): number | null => {
    if (s === '') return null;
    const negative = s.startsWith('-');
    const value = parse(negative ? s.slice(1) : s);
    if (value === null) {
      ctx.addIssue(issue(code, `not a valid number: "${s}"`));
      return z.NEVER;
    }
    return negative ? -value : value;
  };
}

const money = (s: string) => {
  try {
    return parseMoney(s);
  } catch {
    return null;
  }
};
const wholeNumber = (s: string) => (/^\d{1,15}$/.test(s) ? Number(s) : null);

/** A cell that must hold a value, read by parse, then range-checked: a negative value is `too_small`. */
function numberCell(parse: (s: string) => number | null, code: string, max: number, fallback?: number) {
  return z
    .string()
    .transform(signed(parse, code))
    .transform((n, ctx) => {
      if (n !== null) return n;
      if (fallback !== undefined) return fallback;
      ctx.addIssue(issue('required', 'required'));
      return z.NEVER;
    })
    .pipe(z.number().int().min(0).max(max));
}

function optionalNumberCell(parse: (s: string) => number | null, code: string, max: number) {
  return z.string().transform(signed(parse, code)).pipe(z.number().int().min(0).max(max).nullable());
}

const moneyCell = numberCell(money, 'invalid_money', MAX_CATALOG_CENTS);
const optionalMoneyCell = optionalNumberCell(money, 'invalid_money', MAX_CATALOG_CENTS);
/** A rate as before ADR 0042; empty: the kind decides (standard when none is given either). */
const vatCell = optionalNumberCell(percentToBp, 'invalid_number', 10_000);
const vatKindCell = z
  .string()
  .transform((s) => s.trim().toLowerCase() || null)
  .pipe(VatRateKind.nullable());
const vatReasonCell = optionalText(300);
/** The kinds of VAT rate a file may name, in either language (ADR 0042). */
const VAT_KIND_VALUES = [
  { value: 'standard', bg: 'стандартна', en: 'standard' },
  { value: 'reduced', bg: 'намалена', en: 'reduced' },
  { value: 'zero', bg: 'нулева', en: 'zero' },
  { value: 'exempt', bg: 'освободена', en: 'exempt' },
] as const;

/** What a row says of its VAT (ADR 0042): a kind, a rate of before, a ground. */
interface VatCells {
  vatRateBp: number | null;
  vatRateKind: VatRateKind | null;
  vatReason: string | null;
}

/** The item's VAT of a row, as the API reads a request (itemVatOf); a refusal becomes the row's error. */
function rowVat(rates: Map<VatRateKind, RateOfKind>, r: VatCells): ItemVat {
  return itemVatOf(
    rates,
    { vatRateKind: r.vatRateKind, vatRateBp: r.vatRateBp, vatReason: r.vatReason },
    null,
  );
}

/** vat_rate_reason_required on a row whose 0 % or exempt kind has no ground (INV-09). */
async function markVat(db: Executor, errors: RowErrors, rows: readonly VatCells[]) {
  const rates = await vatRatesOn(db, todayDate());
  rows.forEach((r, i) => {
    try {
      rowVat(rates, r);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      errors.add(i, 'vat_reason', e.code);
    }
  });
}
const minutesCell = numberCell(wholeNumber, 'invalid_number', MAX_NORM_MINUTES);
const monthsCell = (fallback: number) =>
  numberCell(wholeNumber, 'invalid_number', MAX_WARRANTY_MONTHS, fallback);
const modelNameCell = requiredText(120).transform(normalizeModelName);

// Row errors ---------------------------------------------------------------------------------------------------

class RowErrors {
  readonly byRow = new Map<number, RowError[]>();
  add(row: number, field: string, code: string, params: Record<string, unknown> = {}) {
    this.byRow.set(row, [...(this.byRow.get(row) ?? []), { field, code, params: { field, ...params } }]);
  }
}

/** Marks the later rows of a file whose key repeats an earlier row's; returns the first row of each key. */
function duplicatesInFile<R>(
  rows: readonly R[],
  key: (r: R) => string | null,
  report: (row: number, first: number) => void,
) {
  const first = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = key(r);
    if (k === null) return;
    const j = first.get(k);
    if (j === undefined) first.set(k, i);
    else report(i, j);
  });
}

/** duplicate_code on a row whose code an existing record already has, naming that record. */
function markTakenCode(
  errors: RowErrors,
  row: number,
  code: string,
  found: { id: string; name: string } | undefined,
) {
  if (found) errors.add(row, 'code', 'duplicate_code', { code, name: found.name, existingId: found.id });
}

/** duplicate_code on every row that repeats the code of an earlier row of the file, naming that row. */
function markRepeatedCodes<R extends { code: string }>(
  errors: RowErrors,
  rows: readonly R[],
  nameOf: (r: R) => string,
) {
  duplicatesInFile(
    rows,
    (r) => r.code,
    (i, j) =>
      errors.add(i, 'code', 'duplicate_code', {
        code: rows[i]?.code,
        name: rows[j] ? nameOf(rows[j]) : undefined,
      }),
  );
}

function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  return new Map(items.map((t) => [key(t), t]));
}

async function auditInserted(
  trx: Executor,
  actor: Actor,
  entity: Extract<AuditEntity, `catalog_${string}`>,
  rows: readonly { id: string }[],
  after: (i: number) => unknown,
) {
  await recordAudit(
    trx,
    actor,
    rows.map((r, i) => ({ action: `${entity}.import` as const, entity, entityId: r.id, after: after(i) })),
  );
}

const keyOf = (...parts: string[]) => parts.join('\u0000');

// Categories ---------------------------------------------------------------------------------------------------

export interface CategoryImportRow {
  code: string;
  nameBg: string;
  nameEn: string | null;
}

export const categoriesImport: ImportAdapter<CategoryImportRow> = {
  entity: 'categories',
  rule: CATEGORY_RULES.write,
  columns: CATEGORY_COLUMNS,
  requiredColumns: ['code', 'name_bg'],
  row: z
    .object({ code: codeCell, name_bg: requiredText(200), name_en: optionalText(200) })
    .transform((r) => ({ code: r.code, nameBg: r.name_bg, nameEn: r.name_en })),
  async check(db, rows) {
    const errors = new RowErrors();
    const existing = byKey(
      await repo.findCategoriesByCodes(
        db,
        rows.map((r) => r.code),
      ),
      (c) => c.code,
    );
    rows.forEach((r, i) => {
      const found = existing.get(r.code);
      markTakenCode(errors, i, r.code, found && { id: found.id, name: found.name_bg });
    });
    markRepeatedCodes(errors, rows, (r) => r.nameBg);
    return errors.byRow;
  },
  async insert(trx, actor, rows) {
    const now = nowIso();
    const inserted = rows.map((r) => categoryRow(r, now));
    await repo.insertCategories(trx, inserted);
    await auditInserted(trx, actor, 'catalog_category', inserted, (i) => rows[i]);
  },
};

// Brands -------------------------------------------------------------------------------------------------------

export interface BrandImportRow {
  code: string;
  name: string;
  country: string | null;
}

export const brandsImport: ImportAdapter<BrandImportRow> = {
  entity: 'brands',
  rule: BRAND_RULES.write,
  columns: BRAND_COLUMNS,
  requiredColumns: ['code', 'name'],
  row: z
    .object({
      code: codeCell,
      name: requiredText(200),
      country: z
        .string()
        .transform((s) => s.toUpperCase() || null)
        .refine((s) => s === null || /^[A-Z]{2}$/.test(s), { params: { code: 'invalid_country' } }),
    })
    .transform((r) => ({ code: r.code, name: r.name, country: r.country })),
  async check(db, rows) {
    const errors = new RowErrors();
    const existing = byKey(
      await repo.findBrandsByCodes(
        db,
        rows.map((r) => r.code),
      ),
      (b) => b.code,
    );
    rows.forEach((r, i) => {
      markTakenCode(errors, i, r.code, existing.get(r.code));
    });
    markRepeatedCodes(errors, rows, (r) => r.name);
    return errors.byRow;
  },
  async insert(trx, actor, rows) {
    const now = nowIso();
    const inserted = rows.map((r) => brandRow(r, now));
    await repo.insertBrands(trx, inserted);
    await auditInserted(trx, actor, 'catalog_brand', inserted, (i) => rows[i]);
  },
};

// Models -------------------------------------------------------------------------------------------------------

export interface ModelImportRow {
  brandCode: string;
  categoryCode: string;
  name: string;
  defaultWarrantyMonths: number;
}

async function brandMap(db: Executor, codes: readonly string[]) {
  return byKey(await repo.findBrandsByCodes(db, codes), (b) => b.code);
}

async function categoryMap(db: Executor, codes: readonly (string | null)[]) {
  const present = codes.filter((c): c is string => c !== null);
  return byKey(await repo.findCategoriesByCodes(db, present), (c) => c.code);
}

export const modelsImport: ImportAdapter<ModelImportRow> = {
  entity: 'models',
  rule: MODEL_RULES.write,
  columns: MODEL_COLUMNS,
  requiredColumns: ['brand_code', 'category_code', 'model'],
  row: z
    .object({
      brand_code: codeCell,
      category_code: codeCell,
      model: modelNameCell,
      default_warranty_months: monthsCell(24),
    })
    .transform((r) => ({
      brandCode: r.brand_code,
      categoryCode: r.category_code,
      name: r.model,
      defaultWarrantyMonths: r.default_warranty_months,
    })),
  async check(db, rows) {
    const errors = new RowErrors();
    const brands = await brandMap(
      db,
      rows.map((r) => r.brandCode),
    );
    const categories = await categoryMap(
      db,
      rows.map((r) => r.categoryCode),
    );
    const existing = byKey(
      await repo.findModelsByNames(
        db,
        rows.map((r) => r.name),
      ),
      (m) => keyOf(m.brand_code, m.name),
    );
    rows.forEach((r, i) => {
      if (!brands.has(r.brandCode)) errors.add(i, 'brand_code', 'unknown_brand', { code: r.brandCode });
      if (!categories.has(r.categoryCode))
        errors.add(i, 'category_code', 'unknown_category', { code: r.categoryCode });
      const found = existing.get(keyOf(r.brandCode, r.name));
      if (found)
        errors.add(i, 'model', 'duplicate_model', {
          brand: found.brand_name,
          name: r.name,
          existingId: found.id,
        });
    });
    duplicatesInFile(
      rows,
      (r) => keyOf(r.brandCode, r.name),
      (i) => errors.add(i, 'model', 'duplicate_model', { brand: rows[i]?.brandCode, name: rows[i]?.name }),
    );
    return errors.byRow;
  },
  async insert(trx, actor, rows) {
    const brands = await brandMap(
      trx,
      rows.map((r) => r.brandCode),
    );
    const categories = await categoryMap(
      trx,
      rows.map((r) => r.categoryCode),
    );
    const now = nowIso();
    const inserted = rows.map((r) => {
      const brand = brands.get(r.brandCode);
      const category = categories.get(r.categoryCode);
      if (!brand || !category) throw new Error(`model ${r.brandCode} ${r.name}: unchecked reference`);
      return modelRow({ ...r, brandId: brand.id, categoryId: category.id }, brand, now);
    });
    await repo.insertModels(trx, inserted);
    await auditInserted(trx, actor, 'catalog_model', inserted, (i) => rows[i]);
  },
};

// Labour and service types -------------------------------------------------------------------------------------

export interface ServiceTypeImportRow {
  code: string;
  nameBg: string;
  nameEn: string | null;
  categoryCode: string | null;
  normMinutes: number;
  pricing: Pricing;
  priceCents: number;
  vatRateBp: number | null;
  vatRateKind: VatRateKind | null;
  vatReason: string | null;
  shopWarrantyMonths: number;
}

export const serviceTypesImport: ImportAdapter<ServiceTypeImportRow> = {
  entity: 'service-types',
  rule: SERVICE_TYPE_RULES.write,
  columns: SERVICE_TYPE_COLUMNS,
  requiredColumns: ['code', 'name_bg', 'norm_minutes', 'pricing', 'price_eur'],
  values: {
    vat_rate_kind: VAT_KIND_VALUES,
    pricing: [
      { value: 'hourly', bg: 'почасово', en: 'hourly' },
      { value: 'fixed', bg: 'фиксирана', en: 'fixed' },
    ],
  },
  row: z
    .object({
      code: codeCell,
      name_bg: requiredText(200),
      name_en: optionalText(200),
      category_code: optionalCodeCell,
      norm_minutes: minutesCell,
      pricing: z
        .string()
        .transform((s) => s.toLowerCase())
        .pipe(z.enum(PRICING)),
      price_eur: moneyCell,
      vat_rate_percent: vatCell,
      vat_rate_kind: vatKindCell,
      vat_reason: vatReasonCell,
      shop_warranty_months: monthsCell(0),
    })
    .transform((r) => ({
      code: r.code,
      nameBg: r.name_bg,
      nameEn: r.name_en,
      categoryCode: r.category_code,
      normMinutes: r.norm_minutes,
      pricing: r.pricing,
      priceCents: r.price_eur,
      vatRateBp: r.vat_rate_percent,
      vatRateKind: r.vat_rate_kind,
      vatReason: r.vat_reason,
      shopWarrantyMonths: r.shop_warranty_months,
    })),
  async check(db, rows) {
    const errors = new RowErrors();
    const categories = await categoryMap(
      db,
      rows.map((r) => r.categoryCode),
    );
    const existing = byKey(
      await repo.findServiceTypesByCodes(
        db,
        rows.map((r) => r.code),
      ),
      (s) => s.code,
    );
    rows.forEach((r, i) => {
      const found = existing.get(r.code);
      markTakenCode(errors, i, r.code, found && { id: found.id, name: found.name_bg });
      if (r.categoryCode && !categories.has(r.categoryCode))
        errors.add(i, 'category_code', 'unknown_category', { code: r.categoryCode });
    });
    markRepeatedCodes(errors, rows, (r) => r.nameBg);
    await markVat(db, errors, rows);
    return errors.byRow;
  },
  async insert(trx, actor, rows) {
    const categories = await categoryMap(
      trx,
      rows.map((r) => r.categoryCode),
    );
    const rates = await vatRatesOn(trx, todayDate());
    const now = nowIso();
    const inserted = rows.map((r) => {
      const category = r.categoryCode ? categories.get(r.categoryCode) : null;
      if (category === undefined) throw new Error(`service type ${r.code}: unchecked category`);
      return serviceTypeRow({ ...r, categoryId: category?.id ?? null, ...rowVat(rates, r) }, now);
    });
    await repo.insertServiceTypes(trx, inserted);
    await auditInserted(trx, actor, 'catalog_service_type', inserted, (i) => rows[i]);
  },
};

// Norm-time overrides ------------------------------------------------------------------------------------------

export interface NormOverrideImportRow {
  serviceCode: string;
  brandCode: string;
  /** Null: every model of the brand. */
  model: string | null;
  normMinutes: number;
  priceCents: number | null;
}

interface ResolvedOverride {
  serviceTypeId?: string;
  brandId?: string;
  modelId?: string | null;
}

async function resolveOverrides(db: Executor, rows: readonly NormOverrideImportRow[]) {
  const services = byKey(
    await repo.findServiceTypesByCodes(
      db,
      rows.map((r) => r.serviceCode),
    ),
    (s) => s.code,
  );
  const brands = await brandMap(
    db,
    rows.map((r) => r.brandCode),
  );
  const models = byKey(
    await repo.findModelsByNames(
      db,
      rows.flatMap((r) => (r.model ? [r.model] : [])),
    ),
    (m) => keyOf(m.brand_code, m.name),
  );
  return rows.map(
    (r): ResolvedOverride => ({
      serviceTypeId: services.get(r.serviceCode)?.id,
      brandId: brands.get(r.brandCode)?.id,
      modelId: r.model ? models.get(keyOf(r.brandCode, r.model))?.id : null,
    }),
  );
}

export const normOverridesImport: ImportAdapter<NormOverrideImportRow> = {
  entity: 'norm-overrides',
  rule: NORM_OVERRIDE_RULES.write,
  columns: NORM_OVERRIDE_COLUMNS,
  requiredColumns: ['service_code', 'brand_code', 'model', 'norm_minutes'],
  row: z
    .object({
      service_code: codeCell,
      brand_code: codeCell,
      model: z
        .string()
        .max(120)
        .transform((s) => (s ? normalizeModelName(s) : null)),
      norm_minutes: minutesCell,
      price_eur: optionalMoneyCell,
    })
    .transform((r) => ({
      serviceCode: r.service_code,
      brandCode: r.brand_code,
      model: r.model,
      normMinutes: r.norm_minutes,
      priceCents: r.price_eur,
    })),
  async check(db, rows) {
    const errors = new RowErrors();
    const resolved = await resolveOverrides(db, rows);
    const existing = new Map(
      (
        await repo.overridesOfServiceTypes(
          db,
          resolved.flatMap((r) => (r.serviceTypeId ? [r.serviceTypeId] : [])),
        )
      ).map((o) => [keyOf(o.service_type_id, o.model_id ?? `brand:${o.brand_id}`), o.id]),
    );
    rows.forEach((r, i) => {
      const x = resolved[i] ?? {};
      if (!x.serviceTypeId) errors.add(i, 'service_code', 'unknown_service_type', { code: r.serviceCode });
      if (!x.brandId) errors.add(i, 'brand_code', 'unknown_brand', { code: r.brandCode });
      else if (r.model && !x.modelId)
        errors.add(i, 'model', 'unknown_model', { brand: r.brandCode, name: r.model });
      if (x.serviceTypeId && x.brandId && x.modelId !== undefined) {
        const existingId = existing.get(keyOf(x.serviceTypeId, x.modelId ?? `brand:${x.brandId}`));
        if (existingId)
          errors.add(i, r.model ? 'model' : 'brand_code', 'duplicate_override', {
            service: r.serviceCode,
            target: [r.brandCode, r.model].filter(Boolean).join(' '),
            existingId,
          });
      }
    });
    duplicatesInFile(
      rows,
      (r) => keyOf(r.serviceCode, r.brandCode, r.model ?? ''),
      (i) => {
        const r = rows[i];
        errors.add(i, r?.model ? 'model' : 'brand_code', 'duplicate_override', {
          service: r?.serviceCode,
          target: [r?.brandCode, r?.model].filter(Boolean).join(' '),
        });
      },
    );
    return errors.byRow;
  },
  async insert(trx, actor, rows) {
    const resolved = await resolveOverrides(trx, rows);
    const now = nowIso();
    const inserted = rows.map((r, i) => {
      const x = resolved[i];
      if (!x?.serviceTypeId || !x.brandId || x.modelId === undefined)
        throw new Error(`override ${r.serviceCode} ${r.brandCode}: unchecked reference`);
      return {
        id: newId(),
        service_type_id: x.serviceTypeId,
        brand_id: x.brandId,
        model_id: x.modelId,
        norm_minutes: r.normMinutes,
        price_cents: r.priceCents,
        created_at: now,
        updated_at: now,
      };
    });
    await repo.insertOverrides(trx, inserted);
    await auditInserted(trx, actor, 'catalog_norm_override', inserted, (i) => rows[i]);
  },
};

// Parts --------------------------------------------------------------------------------------------------------

export interface PartImportRow {
  code: string;
  barcode: string | null;
  nameBg: string;
  nameEn: string | null;
  unit: string;
  categoryCode: string | null;
  salePriceCents: number;
  typicalCostCents: number | null;
  vatRateBp: number | null;
  vatRateKind: VatRateKind | null;
  vatReason: string | null;
  minStockMilli: number;
  /** Brand codes or model names. */
  compatible: string[];
  /** The preferred supplier's ЕИК (purchase requests order from it first); null: none. */
  supplierUic: string | null;
}

type CompatTarget = { brandId: string } | { model: { id: string; brandId: string } };

/**
 * Resolves the "compatible" entries: a brand code, else a model name of exactly one brand. Unknown and ambiguous
 * entries are returned as errors.
 */
async function resolveCompatible(db: Executor, rows: readonly PartImportRow[]) {
  const entries = rows.flatMap((r) => r.compatible);
  const brands = byKey(
    await repo.findBrandsByCodes(
      db,
      entries.map((e) => e.toUpperCase()),
    ),
    (b) => b.code,
  );
  const modelsByName = new Map<string, { id: string; brandId: string }[]>();
  for (const m of await repo.findModelsByNames(db, entries))
    modelsByName.set(m.name, [...(modelsByName.get(m.name) ?? []), { id: m.id, brandId: m.brand_id }]);
  return rows.map((r) => {
    const targets: CompatTarget[] = [];
    const problems: { code: string; value: string }[] = [];
    for (const entry of r.compatible) {
      const brand = brands.get(entry.toUpperCase());
      const models = modelsByName.get(entry) ?? [];
      if (brand) targets.push({ brandId: brand.id });
      else if (models.length === 1 && models[0]) targets.push({ model: models[0] });
      else problems.push({ code: models.length ? 'ambiguous_model' : 'unknown_compatible', value: entry });
    }
    return { targets, problems };
  });
}

export const partsImport: ImportAdapter<PartImportRow> = {
  entity: 'parts',
  rule: PART_RULES.write,
  columns: PART_COLUMNS,
  requiredColumns: ['code', 'name_bg', 'sale_price_eur'],
  values: { vat_rate_kind: VAT_KIND_VALUES },
  row: z
    .object({
      code: codeCell,
      barcode: z
        .string()
        .transform((s) => s || null)
        .refine((s) => s === null || isValidBarcode(s), { params: { code: 'invalid_barcode' } }),
      name_bg: requiredText(200),
      name_en: optionalText(200),
      unit: z
        .string()
        .max(12)
        .transform((s) => s || 'бр.'),
      category_code: optionalCodeCell,
      sale_price_eur: moneyCell,
      typical_cost_eur: optionalMoneyCell,
      vat_rate_percent: vatCell,
      vat_rate_kind: vatKindCell,
      vat_reason: vatReasonCell,
      min_stock: numberCell(unitsToMilli, 'invalid_number', MAX_QUANTITY_MILLI, 0),
      compatible: z.string().transform((s) =>
        s
          .split(';')
          .map((x) => normalizeModelName(x))
          .filter((x) => x !== ''),
      ),
      supplier_uic: z.string().transform((s) => s.replace(/\s/g, '') || null),
    })
    .transform((r) => ({
      code: r.code,
      barcode: r.barcode,
      nameBg: r.name_bg,
      nameEn: r.name_en,
      unit: r.unit,
      categoryCode: r.category_code,
      salePriceCents: r.sale_price_eur,
      typicalCostCents: r.typical_cost_eur,
      vatRateBp: r.vat_rate_percent,
      vatRateKind: r.vat_rate_kind,
      vatReason: r.vat_reason,
      minStockMilli: r.min_stock,
      compatible: r.compatible,
      supplierUic: r.supplier_uic,
    })),
  async check(db, rows) {
    const errors = new RowErrors();
    const byCode = byKey(
      await repo.findPartsByCodes(
        db,
        rows.map((r) => r.code),
      ),
      (p) => p.code,
    );
    const byBarcode = byKey(
      await repo.findPartsByBarcodes(
        db,
        rows.flatMap((r) => (r.barcode ? [r.barcode] : [])),
      ),
      (p) => p.barcode ?? '',
    );
    const categories = await categoryMap(
      db,
      rows.map((r) => r.categoryCode),
    );
    const compat = await resolveCompatible(db, rows);
    const suppliers = await resolveSuppliersByUic(
      db,
      rows.flatMap((r) => (r.supplierUic ? [r.supplierUic] : [])),
    );
    rows.forEach((r, i) => {
      if (r.supplierUic && !suppliers.has(r.supplierUic))
        errors.add(i, 'supplier_uic', 'unknown_supplier', { uic: r.supplierUic });
      const sameCode = byCode.get(r.code);
      markTakenCode(errors, i, r.code, sameCode && { id: sameCode.id, name: sameCode.name_bg });
      const sameBarcode = r.barcode ? byBarcode.get(r.barcode) : undefined;
      if (sameBarcode)
        errors.add(i, 'barcode', 'duplicate_barcode', {
          barcode: r.barcode,
          code: sameBarcode.code,
          existingId: sameBarcode.id,
        });
      if (r.categoryCode && !categories.has(r.categoryCode))
        errors.add(i, 'category_code', 'unknown_category', { code: r.categoryCode });
      for (const p of compat[i]?.problems ?? []) errors.add(i, 'compatible', p.code, { value: p.value });
    });
    markRepeatedCodes(errors, rows, (r) => r.nameBg);
    duplicatesInFile(
      rows,
      (r) => r.barcode,
      (i, j) =>
        errors.add(i, 'barcode', 'duplicate_barcode', { barcode: rows[i]?.barcode, code: rows[j]?.code }),
    );
    await markVat(db, errors, rows);
    return errors.byRow;
  },
  async insert(trx, actor, rows) {
    const categories = await categoryMap(
      trx,
      rows.map((r) => r.categoryCode),
    );
    const rates = await vatRatesOn(trx, todayDate());
    const compat = await resolveCompatible(trx, rows);
    const suppliers = await resolveSuppliersByUic(
      trx,
      rows.flatMap((r) => (r.supplierUic ? [r.supplierUic] : [])),
    );
    const now = nowIso();
    const inserted = rows.map((r) => {
      const category = r.categoryCode ? categories.get(r.categoryCode) : null;
      if (category === undefined) throw new Error(`part ${r.code}: unchecked category`);
      const supplier = r.supplierUic ? suppliers.get(r.supplierUic) : null;
      if (supplier === undefined) throw new Error(`part ${r.code}: unchecked supplier`);
      return partRow(
        {
          ...r,
          ...rowVat(rates, r),
          categoryId: category?.id ?? null,
          preferredSupplierId: supplier?.id ?? null,
        },
        now,
      );
    });
    await repo.insertParts(trx, inserted);
    await repo.insertCompat(
      trx,
      inserted.flatMap((p, i) => {
        const targets = compat[i]?.targets ?? [];
        return compatRows(
          p.id,
          targets.flatMap((t) => ('brandId' in t ? [t.brandId] : [])),
          targets.flatMap((t) => ('model' in t ? [t.model] : [])),
          now,
        );
      }),
    );
    await auditInserted(trx, actor, 'catalog_part', inserted, (i) => rows[i]);
  },
};

/** Every catalogue import, in the order a full load needs them (referenced records first). */
export const CATALOG_IMPORT_ADAPTERS = [
  categoriesImport,
  brandsImport,
  modelsImport,
  serviceTypesImport,
  normOverridesImport,
  partsImport,
] as const;

// Parsing outside the import jobs (demo seed, tests) -----------------------------------------------------------

/**
 * Parses and checks CSV records the way an import job does (every column present, '' when empty): the typed rows
 * and the errors by row index.
 */
export async function parseAndCheck<Row>(
  db: Executor,
  adapter: ImportAdapter<Row>,
  records: readonly Record<string, string>[],
): Promise<{ rows: Row[]; errors: Map<number, RowError[]> }> {
  const errors = new Map<number, RowError[]>();
  const rows: Row[] = [];
  const index: number[] = [];
  records.forEach((record, i) => {
    const full = Object.fromEntries(adapter.columns.map((c) => [c, (record[c] ?? '').trim()]));
    const result = adapter.row.safeParse(full);
    if (result.success) {
      rows.push(result.data);
      index.push(i);
      return;
    }
    errors.set(
      i,
      result.error.issues.map((iss) => {
        const field = String(iss.path[0] ?? '');
        return { field, code: importIssueCode(iss), params: { field } };
      }),
    );
  });
  for (const [k, errs] of await adapter.check(db, rows)) {
    const i = index[k];
    if (i !== undefined) errors.set(i, [...(errors.get(i) ?? []), ...errs]);
  }
  return { rows, errors };
}
