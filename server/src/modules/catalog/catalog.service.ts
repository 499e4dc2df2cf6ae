import type { Insertable, Updateable } from 'kysely';
import { type ArchiveAudit, archiveRecord, deleteRecord } from '../../db/archive';
import type { Db, Executor } from '../../db/database';
import { type ListOrder, listOrder, type SortKeys } from '../../db/list';
import { nowIso } from '../../db/sql';
import { isUniqueViolation } from '../../db/unique';
import { registerReference } from '../../db/usage';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PageOf, PageRequest } from '../../kernel/list-query';
import { foldSearchText, toSearchText } from '../../kernel/search-text';
import type { VatRateKind } from '../../kernel/vat-rate-kinds';
import { recordAudit } from '../audit';
import {
  type ItemVat,
  type ItemVatGiven,
  itemVatOf,
  type RateOfKind,
  rateOfKind,
  vatRatesOn,
} from '../company';
import { assertSupplierExists } from '../parties';
import { type PriceServiceInput, priceService } from './catalog.pricing';
import * as repo from './catalog.repository';
import type {
  ArchivedFilter,
  Brand,
  BrandInput,
  BrandListQuery,
  BrandPatch,
  Category,
  CategoryInput,
  CategoryListQuery,
  CategoryPatch,
  Model,
  ModelInput,
  ModelListQuery,
  ModelPatch,
  NormOverride,
  NormOverrideInput,
  NormOverridePatch,
  Part,
  PartInput,
  PartListQuery,
  PartPatch,
  ServiceQuote,
  ServiceQuoteQuery,
  ServiceType,
  ServiceTypeInput,
  ServiceTypeListQuery,
  ServiceTypePatch,
} from './catalog.schema';
import { normalizeModelName } from './catalog.schema';
import type {
  CatalogBrandTable,
  CatalogCategoryTable,
  CatalogModelTable,
  CatalogPartCompatTable,
  CatalogPartTable,
  CatalogServiceTypeTable,
} from './catalog.table';
import { catalogRenamed } from './catalog.usage';

export type { PageOf };

// Search text --------------------------------------------------------------------------------------------------

/** Parts whose folded text repeats an earlier part are left out ("LG" brand code and name). */
function distinctParts(...parts: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    if (!p) continue;
    const folded = foldSearchText(p);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    out.push(p);
  }
  return out;
}

/** "FFB 8458 WV-EE" is also found as "ffb8458wvee": model and part codes are typed without their punctuation. */
function compact(code: string): string {
  return code.replace(/[^\p{L}\p{N}]/gu, '');
}

export function categorySearchText(code: string, nameBg: string, nameEn: string | null): string {
  return toSearchText(...distinctParts(code, nameBg, nameEn));
}

export function brandSearchText(code: string, name: string): string {
  return toSearchText(...distinctParts(code, name));
}

export function modelSearchText(brandCode: string, brandName: string, name: string): string {
  return toSearchText(...distinctParts(brandCode, brandName, name, compact(name)));
}

export function serviceTypeSearchText(code: string, nameBg: string, nameEn: string | null): string {
  return toSearchText(...distinctParts(code, nameBg, nameEn));
}

export function partSearchText(code: string, barcode: string | null, nameBg: string, nameEn: string | null) {
  return toSearchText(...distinctParts(code, compact(code), barcode, nameBg, nameEn));
}

// Mappers ------------------------------------------------------------------------------------------------------

const stamps = (r: { archived_at: string | null; created_at: string; updated_at: string }) => ({
  archived: r.archived_at !== null,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function toCategory(r: {
  id: string;
  code: string;
  name_bg: string;
  name_en: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}): Category {
  return { id: r.id, code: r.code, nameBg: r.name_bg, nameEn: r.name_en, ...stamps(r) };
}

function toBrand(r: {
  id: string;
  code: string;
  name: string;
  country: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}): Brand {
  return { id: r.id, code: r.code, name: r.name, country: r.country, ...stamps(r) };
}

function toModel(r: repo.ModelRow): Model {
  return {
    id: r.id,
    brandId: r.brand_id,
    brandCode: r.brand_code,
    brandName: r.brand_name,
    categoryId: r.category_id,
    categoryCode: r.category_code,
    categoryNameBg: r.category_name_bg,
    categoryNameEn: r.category_name_en,
    name: r.name,
    defaultWarrantyMonths: r.default_warranty_months,
    ...stamps(r),
  };
}

type RatesToday = Map<VatRateKind, RateOfKind>;

function vatRow(v: ItemVat) {
  return { vat_rate_bp: v.vatRateBp, vat_rate_kind: v.vatRateKind, vat_reason: v.vatReason };
}

/** Today's rate of each kind: what an item's vatRateBp shows (ADR 0042). */
function ratesToday(db: Executor): Promise<RatesToday> {
  return vatRatesOn(db, todayDate());
}

/** An item's VAT as the API shows it: the kind, its rate today (the explicit rate without a kind), the ground. */
function vatOut(
  r: { vat_rate_kind: VatRateKind | null; vat_rate_bp: number; vat_reason: string | null },
  rates: RatesToday,
) {
  return {
    vatRateBp: rateOfKind(rates, r.vat_rate_kind, r.vat_rate_bp),
    vatRateKind: r.vat_rate_kind,
    vatReason: r.vat_reason,
  };
}

async function toServiceTypes(db: Executor, rows: repo.ServiceTypeRow[]): Promise<ServiceType[]> {
  if (!rows.length) return [];
  const rates = await ratesToday(db);
  return rows.map((r) => toServiceType(r, rates));
}

function toServiceType(r: repo.ServiceTypeRow, rates: RatesToday): ServiceType {
  return {
    id: r.id,
    code: r.code,
    nameBg: r.name_bg,
    nameEn: r.name_en,
    categoryId: r.category_id,
    categoryCode: r.category_code,
    normMinutes: r.norm_minutes,
    pricing: r.pricing,
    priceCents: r.price_cents,
    ...vatOut(r, rates),
    shopWarrantyMonths: r.shop_warranty_months,
    overrideCount: Number(r.override_count),
    ...stamps(r),
  };
}

function toOverride(r: repo.OverrideRow): NormOverride {
  return {
    id: r.id,
    serviceTypeId: r.service_type_id,
    brandId: r.brand_id,
    brandCode: r.brand_code,
    brandName: r.brand_name,
    modelId: r.model_id,
    modelName: r.model_name,
    normMinutes: r.norm_minutes,
    priceCents: r.price_cents,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toPart(r: repo.PartRow, compat: repo.CompatRow[], rates: RatesToday): Part {
  return {
    id: r.id,
    code: r.code,
    barcode: r.barcode,
    nameBg: r.name_bg,
    nameEn: r.name_en,
    unit: r.unit,
    categoryId: r.category_id,
    categoryCode: r.category_code,
    salePriceCents: r.sale_price_cents,
    typicalCostCents: r.typical_cost_cents,
    ...vatOut(r, rates),
    minStockMilli: r.min_stock_milli,
    serialTracked: Boolean(r.serial_tracked),
    warrantyMonths: r.warranty_months,
    preferredSupplierId: r.preferred_supplier_id,
    preferredSupplierName: r.preferred_supplier_name ?? null,
    preferredSupplierUic: r.preferred_supplier_uic ?? null,
    compatibleBrands: compat
      .filter((c) => c.model_id === null)
      .map((c) => ({ id: c.brand_id, code: c.brand_code, name: c.brand_name })),
    compatibleModels: compat.flatMap((c) =>
      c.model_id === null || c.model_name === null
        ? []
        : [{ id: c.model_id, name: c.model_name, brandId: c.brand_id, brandCode: c.brand_code }],
    ),
    ...stamps(r),
  };
}

async function withCompat(db: Executor, rows: repo.PartRow[]): Promise<Part[]> {
  if (!rows.length) return [];
  const rates = await ratesToday(db);
  const compat = await repo.compatOfParts(
    db,
    rows.map((r) => r.id),
  );
  const byPart = new Map<string, repo.CompatRow[]>();
  for (const c of compat) byPart.set(c.part_id, [...(byPart.get(c.part_id) ?? []), c]);
  return rows.map((r) => toPart(r, byPart.get(r.id) ?? [], rates));
}

// Shared rules -------------------------------------------------------------------------------------------------

/** One transaction per business operation; a lost race on a unique code answers 409 conflict. */
async function inTransaction<T>(db: Db, work: (trx: Executor) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('conflict', 'conflict');
    throw e;
  }
}

interface ListQuery {
  q?: string;
  page: number;
  pageSize: number;
  sort?: string;
  archived: ArchivedFilter;
}

async function pageOf<R, T>(
  q: ListQuery,
  run: (order: ListOrder, window: PageRequest) => Promise<{ rows: R[]; total: number }>,
  order: ListOrder,
  map: (rows: R[]) => Promise<T[]> | T[],
): Promise<PageOf<T>> {
  const { rows, total } = await run(order, { page: q.page, pageSize: q.pageSize });
  return { items: await map(rows), total, page: q.page, pageSize: q.pageSize };
}

function duplicateCode(code: string, existing: { id: string; name: string }, field = 'code') {
  return new DomainError('conflict', 'duplicate_code', {
    field,
    params: { code, name: existing.name },
    extra: { existingId: existing.id },
  });
}

function unknownRef(code: string, field: string, value: string) {
  return new DomainError('invalid', code, { field, params: { field, code: value } });
}

async function requireCategory(db: Executor, id: string, field = 'categoryId') {
  const row = await repo.findCategory(db, id);
  if (!row) throw unknownRef('unknown_category', field, id);
  return row;
}

async function requireBrand(db: Executor, id: string, field = 'brandId') {
  const row = await repo.findBrand(db, id);
  if (!row) throw unknownRef('unknown_brand', field, id);
  return row;
}

async function requireModel(db: Executor, id: string, field = 'modelId') {
  const row = await repo.findModel(db, id);
  if (!row) throw unknownRef('unknown_model', field, id);
  return row;
}

// The catalogue's own references; other modules register theirs (db/usage.ts) when they load, after these.
const reference = (table: string, column: string, code: string) => ({ table, column, usedBy: table, code });
registerReference('catalog_category', reference('catalog_model', 'category_id', 'used_by_models'));
registerReference(
  'catalog_category',
  reference('catalog_service_type', 'category_id', 'used_by_service_types'),
);
registerReference('catalog_category', reference('catalog_part', 'category_id', 'used_by_parts'));
registerReference('catalog_brand', reference('catalog_model', 'brand_id', 'used_by_models'));
registerReference('catalog_brand', reference('catalog_norm_override', 'brand_id', 'used_by_norm_overrides'));
registerReference('catalog_brand', reference('catalog_part_compat', 'brand_id', 'used_by_part_compat'));
registerReference('catalog_model', reference('catalog_norm_override', 'model_id', 'used_by_norm_overrides'));
registerReference('catalog_model', reference('catalog_part_compat', 'model_id', 'used_by_part_compat'));

type CatalogTable =
  | 'catalog_category'
  | 'catalog_brand'
  | 'catalog_model'
  | 'catalog_service_type'
  | 'catalog_part';

/** The audit row of an archive, a restore or a delete: the record as the API shows it, before and after. */
function auditOf(actor: Actor, table: CatalogTable, id: string) {
  return (trx: Executor, e: ArchiveAudit) =>
    recordAudit(trx, actor, {
      action: `${table}.${e.action}`,
      entity: table,
      entityId: id,
      before: e.before,
      after: e.after,
    });
}

/** Archives or restores a record (db/archive.ts); archiving twice keeps the first date. */
async function archiveFlow<T extends { archived: boolean }>(
  db: Db,
  actor: Actor,
  table: CatalogTable,
  id: string,
  archived: boolean,
  load: (trx: Executor, id: string) => Promise<T | undefined>,
): Promise<T> {
  return inTransaction(db, (trx) =>
    archiveRecord(trx, archived, {
      table,
      id,
      load,
      isArchived: (r) => r.archived,
      audit: auditOf(actor, table, id),
    }),
  );
}

/** Deletes a record nothing uses (409 in_use otherwise, "archive instead"), so history keeps its meaning. */
async function deleteFlow<T>(
  db: Db,
  actor: Actor,
  table: CatalogTable,
  id: string,
  load: (trx: Executor, id: string) => Promise<T | undefined>,
  remove: (trx: Executor, id: string) => Promise<void>,
): Promise<void> {
  await inTransaction(db, (trx) =>
    deleteRecord(trx, { table, id, load, remove, audit: auditOf(actor, table, id) }),
  );
}

// Categories ---------------------------------------------------------------------------------------------------

const CATEGORY_ORDER: SortKeys = {
  code: ['catalog_category.code'],
  nameBg: ['catalog_category.name_bg'],
  nameEn: ['catalog_category.name_en'],
  createdAt: ['catalog_category.created_at'],
};

async function loadCategory(db: Executor, id: string): Promise<Category | undefined> {
  const row = await repo.findCategory(db, id);
  return row ? toCategory(row) : undefined;
}

export async function listCategories(db: Executor, q: CategoryListQuery): Promise<PageOf<Category>> {
  return pageOf(
    q,
    (order, window) => repo.listCategories(db, q, order, window),
    listOrder(q.sort, CATEGORY_ORDER, 'code'),
    (rows) => rows.map(toCategory),
  );
}

export async function exportCategories(db: Executor, q: CategoryListQuery): Promise<Category[]> {
  const order = listOrder(q.sort, CATEGORY_ORDER, 'code');
  const { rows } = await repo.listCategories(db, q, order);
  return rows.map(toCategory);
}

export async function getCategory(db: Executor, id: string): Promise<Category> {
  const found = await loadCategory(db, id);
  if (!found) throw notFound('catalog_category');
  return found;
}

export function categoryRow(input: CategoryInput, now = nowIso()): Insertable<CatalogCategoryTable> {
  return {
    id: newId(),
    code: input.code,
    name_bg: input.nameBg,
    name_en: input.nameEn ?? null,
    archived_at: null,
    search_text: categorySearchText(input.code, input.nameBg, input.nameEn ?? null),
    created_at: now,
    updated_at: now,
  };
}

async function refuseDuplicateCategory(db: Executor, code: string, selfId?: string) {
  const existing = await repo.findCategoryByCode(db, code);
  if (existing && existing.id !== selfId)
    throw duplicateCode(code, { id: existing.id, name: existing.name_bg });
}

/** Adds a product category; its code is unique. */
export async function createCategory(db: Db, actor: Actor, input: CategoryInput): Promise<Category> {
  return inTransaction(db, async (trx) => {
    await refuseDuplicateCategory(trx, input.code);
    const row = categoryRow(input);
    await repo.insertCategories(trx, [row]);
    const after = await getCategory(trx, row.id);
    await recordAudit(trx, actor, {
      action: 'catalog_category.create',
      entity: 'catalog_category',
      entityId: row.id,
      after,
    });
    return after;
  });
}

/** Renames a category or changes its code (still unique). */
export async function updateCategory(
  db: Db,
  actor: Actor,
  id: string,
  patch: CategoryPatch,
): Promise<Category> {
  return inTransaction(db, async (trx) => {
    const before = await getCategory(trx, id);
    const code = patch.code ?? before.code;
    const nameBg = patch.nameBg ?? before.nameBg;
    const nameEn = patch.nameEn === undefined ? before.nameEn : patch.nameEn;
    if (code !== before.code) await refuseDuplicateCategory(trx, code, id);
    await repo.updateCategoryRow(trx, id, {
      code,
      name_bg: nameBg,
      name_en: nameEn,
      search_text: categorySearchText(code, nameBg, nameEn),
      updated_at: nowIso(),
    });
    const after = await getCategory(trx, id);
    await recordAudit(trx, actor, {
      action: 'catalog_category.update',
      entity: 'catalog_category',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function setCategoryArchived(db: Db, actor: Actor, id: string, archived: boolean) {
  return archiveFlow(db, actor, 'catalog_category', id, archived, loadCategory);
}

/** Deletes a category nothing uses (no model, service type, part or technician skill). */
export async function deleteCategory(db: Db, actor: Actor, id: string): Promise<void> {
  await deleteFlow(db, actor, 'catalog_category', id, loadCategory, repo.deleteCategoryRow);
}

// Brands -------------------------------------------------------------------------------------------------------

const BRAND_ORDER: SortKeys = {
  code: ['catalog_brand.code'],
  name: ['catalog_brand.name'],
  country: ['catalog_brand.country', 'catalog_brand.name'],
  createdAt: ['catalog_brand.created_at'],
};

async function loadBrand(db: Executor, id: string): Promise<Brand | undefined> {
  const row = await repo.findBrand(db, id);
  return row ? toBrand(row) : undefined;
}

export async function listBrands(db: Executor, q: BrandListQuery): Promise<PageOf<Brand>> {
  return pageOf(
    q,
    (order, window) => repo.listBrands(db, q, order, window),
    listOrder(q.sort, BRAND_ORDER, 'name'),
    (rows) => rows.map(toBrand),
  );
}

export async function exportBrands(db: Executor, q: BrandListQuery): Promise<Brand[]> {
  const { rows } = await repo.listBrands(db, q, listOrder(q.sort, BRAND_ORDER, 'code'));
  return rows.map(toBrand);
}

export async function getBrand(db: Executor, id: string): Promise<Brand> {
  const found = await loadBrand(db, id);
  if (!found) throw notFound('catalog_brand');
  return found;
}

export function brandRow(input: BrandInput, now = nowIso()): Insertable<CatalogBrandTable> {
  return {
    id: newId(),
    code: input.code,
    name: input.name,
    country: input.country ?? null,
    archived_at: null,
    search_text: brandSearchText(input.code, input.name),
    created_at: now,
    updated_at: now,
  };
}

async function refuseDuplicateBrand(db: Executor, code: string, selfId?: string) {
  const existing = await repo.findBrandByCode(db, code);
  if (existing && existing.id !== selfId) throw duplicateCode(code, existing);
}

/** Adds a brand; its code is unique. */
export async function createBrand(db: Db, actor: Actor, input: BrandInput): Promise<Brand> {
  return inTransaction(db, async (trx) => {
    await refuseDuplicateBrand(trx, input.code);
    const row = brandRow(input);
    await repo.insertBrands(trx, [row]);
    const after = await getBrand(trx, row.id);
    await recordAudit(trx, actor, {
      action: 'catalog_brand.create',
      entity: 'catalog_brand',
      entityId: row.id,
      after,
    });
    return after;
  });
}

/** Renames a brand or changes its code; its models are found under the new name at once. */
export async function updateBrand(db: Db, actor: Actor, id: string, patch: BrandPatch): Promise<Brand> {
  return inTransaction(db, async (trx) => {
    const before = await getBrand(trx, id);
    const code = patch.code ?? before.code;
    const name = patch.name ?? before.name;
    if (code !== before.code) await refuseDuplicateBrand(trx, code, id);
    await repo.updateBrandRow(trx, id, {
      code,
      name,
      country: patch.country === undefined ? before.country : patch.country,
      search_text: brandSearchText(code, name),
      updated_at: nowIso(),
    });
    if (code !== before.code || name !== before.name) {
      const models = await repo.modelsOfBrand(trx, id);
      await repo.setSearchTexts(
        trx,
        'catalog_model',
        models.map((m) => ({ id: m.id, searchText: modelSearchText(code, name, m.name) })),
      );
      await catalogRenamed(trx, { brandId: id });
    }
    const after = await getBrand(trx, id);
    await recordAudit(trx, actor, {
      action: 'catalog_brand.update',
      entity: 'catalog_brand',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function setBrandArchived(db: Db, actor: Actor, id: string, archived: boolean) {
  return archiveFlow(db, actor, 'catalog_brand', id, archived, loadBrand);
}

/** Deletes a brand nothing uses (no model, override or part compatibility). */
export async function deleteBrand(db: Db, actor: Actor, id: string): Promise<void> {
  await deleteFlow(db, actor, 'catalog_brand', id, loadBrand, repo.deleteBrandRow);
}

// Models -------------------------------------------------------------------------------------------------------

const MODEL_ORDER: SortKeys = {
  name: ['catalog_model.name'],
  brand: ['catalog_brand.name', 'catalog_model.name'],
  category: ['catalog_category.code', 'catalog_brand.name', 'catalog_model.name'],
  defaultWarrantyMonths: ['catalog_model.default_warranty_months', 'catalog_model.name'],
  createdAt: ['catalog_model.created_at'],
};

async function loadModel(db: Executor, id: string): Promise<Model | undefined> {
  const row = await repo.findModel(db, id);
  return row ? toModel(row) : undefined;
}

export async function listModels(db: Executor, q: ModelListQuery): Promise<PageOf<Model>> {
  return pageOf(
    q,
    (order, window) => repo.listModels(db, q, order, window),
    listOrder(q.sort, MODEL_ORDER, 'brand'),
    (rows) => rows.map(toModel),
  );
}

export async function exportModels(db: Executor, q: ModelListQuery): Promise<Model[]> {
  const { rows } = await repo.listModels(db, q, listOrder(q.sort, MODEL_ORDER, 'brand'));
  return rows.map(toModel);
}

export async function getModel(db: Executor, id: string): Promise<Model> {
  const found = await loadModel(db, id);
  if (!found) throw notFound('catalog_model');
  return found;
}

export function modelRow(
  input: { brandId: string; categoryId: string; name: string; defaultWarrantyMonths: number },
  brand: { code: string; name: string },
  now = nowIso(),
): Insertable<CatalogModelTable> {
  return {
    id: newId(),
    brand_id: input.brandId,
    category_id: input.categoryId,
    name: input.name,
    default_warranty_months: input.defaultWarrantyMonths,
    archived_at: null,
    search_text: modelSearchText(brand.code, brand.name, input.name),
    created_at: now,
    updated_at: now,
  };
}

async function refuseDuplicateModel(
  db: Executor,
  brand: { id: string; name: string },
  name: string,
  selfId?: string,
) {
  const existing = await repo.findModelByBrandAndName(db, brand.id, name);
  if (existing && existing.id !== selfId)
    throw new DomainError('conflict', 'duplicate_model', {
      field: 'name',
      params: { brand: brand.name, name },
      extra: { existingId: existing.id },
    });
}

/** Adds a model of a brand; the model code is unique per brand. */
export async function createModel(db: Db, actor: Actor, input: ModelInput): Promise<Model> {
  return inTransaction(db, async (trx) => {
    const brand = await requireBrand(trx, input.brandId);
    await requireCategory(trx, input.categoryId);
    await refuseDuplicateModel(trx, brand, input.name);
    const row = modelRow(input, brand);
    await repo.insertModels(trx, [row]);
    const after = await getModel(trx, row.id);
    await recordAudit(trx, actor, {
      action: 'catalog_model.create',
      entity: 'catalog_model',
      entityId: row.id,
      after,
    });
    return after;
  });
}

/** Changes a model; moved to another brand, its overrides and part compatibility move with it. */
export async function updateModel(db: Db, actor: Actor, id: string, patch: ModelPatch): Promise<Model> {
  return inTransaction(db, async (trx) => {
    const before = await getModel(trx, id);
    const brand =
      patch.brandId && patch.brandId !== before.brandId
        ? await requireBrand(trx, patch.brandId)
        : { id: before.brandId, code: before.brandCode, name: before.brandName };
    if (patch.categoryId && patch.categoryId !== before.categoryId)
      await requireCategory(trx, patch.categoryId);
    const name = patch.name ?? before.name;
    if (brand.id !== before.brandId || name !== before.name) await refuseDuplicateModel(trx, brand, name, id);
    await repo.updateModelRow(trx, id, {
      brand_id: brand.id,
      category_id: patch.categoryId ?? before.categoryId,
      name,
      default_warranty_months: patch.defaultWarrantyMonths ?? before.defaultWarrantyMonths,
      search_text: modelSearchText(brand.code, brand.name, name),
      updated_at: nowIso(),
    });
    if (brand.id !== before.brandId) await repo.moveModelReferences(trx, id, brand.id);
    if (brand.id !== before.brandId || name !== before.name) await catalogRenamed(trx, { modelId: id });
    const after = await getModel(trx, id);
    await recordAudit(trx, actor, {
      action: 'catalog_model.update',
      entity: 'catalog_model',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function setModelArchived(db: Db, actor: Actor, id: string, archived: boolean) {
  return archiveFlow(db, actor, 'catalog_model', id, archived, loadModel);
}

/** Deletes a model nothing uses (no item, override or part compatibility). */
export async function deleteModel(db: Db, actor: Actor, id: string): Promise<void> {
  await deleteFlow(db, actor, 'catalog_model', id, loadModel, repo.deleteModelRow);
}

// Labour and service types -------------------------------------------------------------------------------------

const SERVICE_TYPE_ORDER: SortKeys = {
  code: ['catalog_service_type.code'],
  nameBg: ['catalog_service_type.name_bg'],
  normMinutes: ['catalog_service_type.norm_minutes', 'catalog_service_type.code'],
  priceCents: ['catalog_service_type.price_cents', 'catalog_service_type.code'],
  createdAt: ['catalog_service_type.created_at'],
};

async function loadServiceType(db: Executor, id: string): Promise<ServiceType | undefined> {
  const row = await repo.findServiceType(db, id);
  return row ? (await toServiceTypes(db, [row]))[0] : undefined;
}

export async function listServiceTypes(db: Executor, q: ServiceTypeListQuery): Promise<PageOf<ServiceType>> {
  return pageOf(
    q,
    (order, window) => repo.listServiceTypes(db, q, order, window),
    listOrder(q.sort, SERVICE_TYPE_ORDER, 'code'),
    (rows) => toServiceTypes(db, rows),
  );
}

export async function exportServiceTypes(db: Executor, q: ServiceTypeListQuery): Promise<ServiceType[]> {
  const { rows } = await repo.listServiceTypes(db, q, listOrder(q.sort, SERVICE_TYPE_ORDER, 'code'));
  return toServiceTypes(db, rows);
}

export async function getServiceType(db: Executor, id: string): Promise<ServiceType> {
  const found = await loadServiceType(db, id);
  if (!found) throw notFound('catalog_service_type');
  return found;
}

export function serviceTypeRow(
  input: Omit<ServiceTypeInput, 'categoryId' | 'vatRateBp' | 'vatRateKind' | 'vatReason'> & {
    categoryId: string | null;
  } & ItemVat,
  now = nowIso(),
): Insertable<CatalogServiceTypeTable> {
  return {
    id: newId(),
    code: input.code,
    name_bg: input.nameBg,
    name_en: input.nameEn ?? null,
    category_id: input.categoryId,
    norm_minutes: input.normMinutes,
    pricing: input.pricing,
    price_cents: input.priceCents,
    vat_rate_bp: input.vatRateBp,
    vat_rate_kind: input.vatRateKind,
    vat_reason: input.vatReason,
    shop_warranty_months: input.shopWarrantyMonths,
    archived_at: null,
    search_text: serviceTypeSearchText(input.code, input.nameBg, input.nameEn ?? null),
    created_at: now,
    updated_at: now,
  };
}

async function refuseDuplicateServiceType(db: Executor, code: string, selfId?: string) {
  const existing = await repo.findServiceTypeByCode(db, code);
  if (existing && existing.id !== selfId)
    throw duplicateCode(code, { id: existing.id, name: existing.name_bg });
}

/**
 * An item's VAT from a request (ADR 0042): the kind given, or a rate given read as its kind, or what it had; for a
 * new one the company's default rate read as its kind (standard out of the box). A 0 % or exempt kind without its ground is 400 vat_rate_reason_required.
 */
async function itemVat(db: Executor, given: ItemVatGiven, before: ItemVat | null): Promise<ItemVat> {
  const rates = await ratesToday(db);
  if (before || given.vatRateKind || (given.vatRateBp !== undefined && given.vatRateBp !== null))
    return itemVatOf(rates, given, before);
  // A new item with nothing said: the company's default rate (ADR 35), read as its kind (20 % standard).
  const byDefault = (await db.selectFrom('company').select('default_vat_rate_bp').executeTakeFirst())
    ?.default_vat_rate_bp;
  return itemVatOf(rates, { ...given, vatRateBp: byDefault ?? null }, null);
}

/** Adds a labour or service type: norm minutes and an hourly rate or a fixed price, with its VAT rate. */
export async function createServiceType(db: Db, actor: Actor, input: ServiceTypeInput): Promise<ServiceType> {
  return inTransaction(db, async (trx) => {
    await refuseDuplicateServiceType(trx, input.code);
    if (input.categoryId) await requireCategory(trx, input.categoryId);
    const row = serviceTypeRow({
      ...input,
      categoryId: input.categoryId ?? null,
      ...(await itemVat(trx, input, null)),
    });
    await repo.insertServiceTypes(trx, [row]);
    const after = await getServiceType(trx, row.id);
    await recordAudit(trx, actor, {
      action: 'catalog_service_type.create',
      entity: 'catalog_service_type',
      entityId: row.id,
      after,
    });
    return after;
  });
}

/** Changes a service type; its overrides keep applying. */
export async function updateServiceType(
  db: Db,
  actor: Actor,
  id: string,
  patch: ServiceTypePatch,
): Promise<ServiceType> {
  return inTransaction(db, async (trx) => {
    const before = await getServiceType(trx, id);
    const code = patch.code ?? before.code;
    if (code !== before.code) await refuseDuplicateServiceType(trx, code, id);
    const categoryId = patch.categoryId === undefined ? before.categoryId : patch.categoryId;
    if (categoryId && categoryId !== before.categoryId) await requireCategory(trx, categoryId);
    const nameBg = patch.nameBg ?? before.nameBg;
    const nameEn = patch.nameEn === undefined ? before.nameEn : patch.nameEn;
    const set: Updateable<CatalogServiceTypeTable> = {
      code,
      name_bg: nameBg,
      name_en: nameEn,
      category_id: categoryId,
      norm_minutes: patch.normMinutes ?? before.normMinutes,
      pricing: patch.pricing ?? before.pricing,
      price_cents: patch.priceCents ?? before.priceCents,
      ...vatRow(await itemVat(trx, patch, before)),
      shop_warranty_months: patch.shopWarrantyMonths ?? before.shopWarrantyMonths,
      search_text: serviceTypeSearchText(code, nameBg, nameEn),
      updated_at: nowIso(),
    };
    await repo.updateServiceTypeRow(trx, id, set);
    const after = await getServiceType(trx, id);
    await recordAudit(trx, actor, {
      action: 'catalog_service_type.update',
      entity: 'catalog_service_type',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function setServiceTypeArchived(db: Db, actor: Actor, id: string, archived: boolean) {
  return archiveFlow(db, actor, 'catalog_service_type', id, archived, loadServiceType);
}

/** Deletes a service type that no order or quote uses; its norm-time overrides go with it. */
export async function deleteServiceType(db: Db, actor: Actor, id: string): Promise<void> {
  await deleteFlow(db, actor, 'catalog_service_type', id, loadServiceType, repo.deleteServiceTypeRow);
}

// Norm-time overrides ------------------------------------------------------------------------------------------

export async function listOverrides(db: Executor, serviceTypeId: string): Promise<NormOverride[]> {
  await getServiceType(db, serviceTypeId);
  return (await repo.listOverridesOf(db, serviceTypeId)).map(toOverride);
}

export async function exportOverrides(db: Executor) {
  return (await repo.listAllOverrides(db)).map((r) => ({ ...toOverride(r), serviceCode: r.service_code }));
}

async function getOverride(db: Executor, serviceTypeId: string, overrideId: string): Promise<NormOverride> {
  const row = await repo.findOverride(db, overrideId);
  if (!row || row.service_type_id !== serviceTypeId) throw notFound('catalog_norm_override');
  return toOverride(row);
}

/** The brand and model an override or a quote is for: a model decides its brand; a wrong pair is refused. */
async function resolveTarget(
  db: Executor,
  brandId: string | null | undefined,
  modelId: string | null | undefined,
): Promise<{ brandId: string | null; modelId: string | null; label: string }> {
  if (modelId) {
    const model = await requireModel(db, modelId);
    if (brandId && brandId !== model.brand_id) {
      await requireBrand(db, brandId);
      throw new DomainError('invalid', 'model_brand_mismatch', {
        field: 'modelId',
        params: { field: 'modelId', model: model.name, brand: model.brand_name },
      });
    }
    return { brandId: model.brand_id, modelId: model.id, label: `${model.brand_name} ${model.name}` };
  }
  if (brandId) {
    const brand = await requireBrand(db, brandId);
    return { brandId: brand.id, modelId: null, label: brand.name };
  }
  return { brandId: null, modelId: null, label: '' };
}

/** Adds a norm time (and optionally a price) of a service for a whole brand or for one model; one per target. */
export async function createOverride(
  db: Db,
  actor: Actor,
  serviceTypeId: string,
  input: NormOverrideInput,
): Promise<NormOverride> {
  return inTransaction(db, async (trx) => {
    const service = await getServiceType(trx, serviceTypeId);
    const target = await resolveTarget(trx, input.brandId, input.modelId);
    if (!target.brandId)
      throw new DomainError('invalid', 'required', { field: 'brandId', params: { field: 'brandId' } });
    const existing = await repo.findOverrideFor(trx, serviceTypeId, target.brandId, target.modelId);
    if (existing)
      throw new DomainError('conflict', 'duplicate_override', {
        field: target.modelId ? 'modelId' : 'brandId',
        params: { service: service.code, target: target.label },
        extra: { existingId: existing.id },
      });
    const now = nowIso();
    const id = newId();
    await repo.insertOverrides(trx, [
      {
        id,
        service_type_id: serviceTypeId,
        brand_id: target.brandId,
        model_id: target.modelId,
        norm_minutes: input.normMinutes,
        price_cents: input.priceCents ?? null,
        created_at: now,
        updated_at: now,
      },
    ]);
    const after = await getOverride(trx, serviceTypeId, id);
    await recordAudit(trx, actor, {
      action: 'catalog_norm_override.create',
      entity: 'catalog_norm_override',
      entityId: id,
      after,
    });
    return after;
  });
}

/** Changes the norm time or the price of an override (its brand/model stays: delete and add for another). */
export async function updateOverride(
  db: Db,
  actor: Actor,
  serviceTypeId: string,
  overrideId: string,
  patch: NormOverridePatch,
): Promise<NormOverride> {
  return inTransaction(db, async (trx) => {
    const before = await getOverride(trx, serviceTypeId, overrideId);
    await repo.updateOverrideRow(trx, overrideId, {
      norm_minutes: patch.normMinutes ?? before.normMinutes,
      price_cents: patch.priceCents === undefined ? before.priceCents : patch.priceCents,
      updated_at: nowIso(),
    });
    const after = await getOverride(trx, serviceTypeId, overrideId);
    await recordAudit(trx, actor, {
      action: 'catalog_norm_override.update',
      entity: 'catalog_norm_override',
      entityId: overrideId,
      before,
      after,
    });
    return after;
  });
}

export async function deleteOverride(db: Db, actor: Actor, serviceTypeId: string, overrideId: string) {
  await inTransaction(db, async (trx) => {
    const before = await getOverride(trx, serviceTypeId, overrideId);
    await repo.deleteOverrideRow(trx, overrideId);
    await recordAudit(trx, actor, {
      action: 'catalog_norm_override.delete',
      entity: 'catalog_norm_override',
      entityId: overrideId,
      before,
    });
  });
}

/** "Norm minutes and price for this service on this model": the catalogue's answer for a quote or order line. */
export async function quoteService(
  db: Executor,
  serviceTypeId: string,
  q: Partial<ServiceQuoteQuery>,
  /** The service type when the caller has just read it (getServiceTypeById), not read again. */
  known?: ServiceType,
): Promise<ServiceQuote> {
  const service = known?.id === serviceTypeId ? known : await getServiceType(db, serviceTypeId);
  const target = await resolveTarget(db, q.brandId, q.modelId);
  const overrides = target.brandId
    ? (await repo.listOverridesOf(db, serviceTypeId)).filter((o) => o.brand_id === target.brandId)
    : [];
  const input: PriceServiceInput = {
    serviceType: service,
    overrides: overrides.map((o) => ({
      brandId: o.brand_id,
      modelId: o.model_id,
      normMinutes: o.norm_minutes,
      priceCents: o.price_cents,
    })),
    brandId: target.brandId,
    modelId: target.modelId,
    quantityMilli: q.quantityMilli ?? 1000,
  };
  const price = priceService(input);
  return {
    serviceTypeId: service.id,
    code: service.code,
    nameBg: service.nameBg,
    nameEn: service.nameEn,
    pricing: service.pricing,
    brandId: target.brandId,
    modelId: target.modelId,
    ...price,
    vatRateBp: service.vatRateBp,
    vatRateKind: service.vatRateKind,
    vatReason: service.vatReason,
    shopWarrantyMonths: service.shopWarrantyMonths,
  };
}

// Parts --------------------------------------------------------------------------------------------------------

const PART_ORDER: SortKeys = {
  code: ['catalog_part.code'],
  nameBg: ['catalog_part.name_bg'],
  salePriceCents: ['catalog_part.sale_price_cents', 'catalog_part.code'],
  createdAt: ['catalog_part.created_at'],
};

async function loadPart(db: Executor, id: string): Promise<Part | undefined> {
  const row = await repo.findPart(db, id);
  return row ? (await withCompat(db, [row]))[0] : undefined;
}

async function partFilter(db: Executor, q: PartListQuery): Promise<repo.PartFilter> {
  const model = q.compatibleModelId ? await requireModel(db, q.compatibleModelId, 'compatibleModelId') : null;
  return {
    ...q,
    compatibleModel: model ? { id: model.id, brandId: model.brand_id } : undefined,
  };
}

export async function listParts(db: Executor, q: PartListQuery): Promise<PageOf<Part>> {
  const filter = await partFilter(db, q);
  return pageOf(
    q,
    (order, window) => repo.listParts(db, filter, order, window),
    listOrder(q.sort, PART_ORDER, 'code'),
    (rows) => withCompat(db, rows),
  );
}

export async function exportParts(db: Executor, q: PartListQuery): Promise<Part[]> {
  const { rows } = await repo.listParts(db, await partFilter(db, q), listOrder(q.sort, PART_ORDER, 'code'));
  return withCompat(db, rows);
}

export async function getPart(db: Executor, id: string): Promise<Part> {
  const found = await loadPart(db, id);
  if (!found) throw notFound('catalog_part');
  return found;
}

export interface PartValues {
  code: string;
  barcode: string | null;
  nameBg: string;
  nameEn: string | null;
  unit: string;
  categoryId: string | null;
  salePriceCents: number;
  typicalCostCents: number | null;
  vatRateBp: number;
  /** ADR 0042: the kind of rate (null: vatRateBp is explicit) and the ground of a 0 % or exempt kind. */
  vatRateKind: VatRateKind | null;
  vatReason: string | null;
  minStockMilli: number;
  /** A fitted part needs its serial at finishing a service order; false when omitted. */
  serialTracked?: boolean;
  /** The shop's warranty on the part in months; null (the service settings' default) when omitted. */
  warrantyMonths?: number | null;
  /** The supplier a missing part is ordered from first; null when omitted. */
  preferredSupplierId?: string | null;
}

export function partRow(v: PartValues, now = nowIso()): Insertable<CatalogPartTable> {
  return {
    id: newId(),
    code: v.code,
    barcode: v.barcode,
    name_bg: v.nameBg,
    name_en: v.nameEn,
    unit: v.unit,
    category_id: v.categoryId,
    sale_price_cents: v.salePriceCents,
    typical_cost_cents: v.typicalCostCents,
    ...vatRow(v),
    min_stock_milli: v.minStockMilli,
    serial_tracked: v.serialTracked ?? false,
    warranty_months: v.warrantyMonths ?? null,
    preferred_supplier_id: v.preferredSupplierId ?? null,
    archived_at: null,
    search_text: partSearchText(v.code, v.barcode, v.nameBg, v.nameEn),
    created_at: now,
    updated_at: now,
  };
}

/** Compatibility rows: brand-wide rows for the brands, one row per model (under the model's own brand). */
export function compatRows(
  partId: string,
  brandIds: readonly string[],
  models: readonly { id: string; brandId: string }[],
  now = nowIso(),
): Insertable<CatalogPartCompatTable>[] {
  const brands = [...new Set(brandIds)].map((brandId) => ({
    id: newId(),
    part_id: partId,
    brand_id: brandId,
    model_id: null,
    created_at: now,
  }));
  const seen = new Set<string>();
  const perModel = models.flatMap((m) => {
    if (seen.has(m.id)) return [];
    seen.add(m.id);
    return [{ id: newId(), part_id: partId, brand_id: m.brandId, model_id: m.id, created_at: now }];
  });
  return [...brands, ...perModel];
}

async function refuseDuplicatePart(
  db: Executor,
  v: { code: string; barcode: string | null },
  selfId?: string,
) {
  const byCode = await repo.findPartByCode(db, v.code);
  if (byCode && byCode.id !== selfId) throw duplicateCode(v.code, { id: byCode.id, name: byCode.name_bg });
  if (v.barcode) {
    const byBarcode = await repo.findPartByBarcode(db, v.barcode);
    if (byBarcode && byBarcode.id !== selfId)
      throw new DomainError('conflict', 'duplicate_barcode', {
        field: 'barcode',
        params: { barcode: v.barcode, code: byBarcode.code },
        extra: { existingId: byBarcode.id },
      });
  }
}

async function resolveCompat(db: Executor, brandIds: readonly string[], modelIds: readonly string[]) {
  const brands = new Set((await repo.findBrandsByIds(db, brandIds)).map((b) => b.id));
  const unknownBrand = brandIds.find((id) => !brands.has(id));
  if (unknownBrand) throw unknownRef('unknown_brand', 'compatibleBrandIds', unknownBrand);
  const models = await repo.findModelsByIds(db, modelIds);
  const unknownModel = modelIds.find((id) => !models.some((m) => m.id === id));
  if (unknownModel) throw unknownRef('unknown_model', 'compatibleModelIds', unknownModel);
  return { brandIds: [...new Set(brandIds)], models: models.map((m) => ({ id: m.id, brandId: m.brand_id })) };
}

/** Adds a spare part: unique code, unique barcode (EAN-13 check digit verified), and the brands/models it fits. */
export async function createPart(db: Db, actor: Actor, input: PartInput): Promise<Part> {
  return inTransaction(db, async (trx) => {
    const values: PartValues = {
      code: input.code,
      barcode: input.barcode ?? null,
      nameBg: input.nameBg,
      nameEn: input.nameEn ?? null,
      unit: input.unit,
      categoryId: input.categoryId ?? null,
      salePriceCents: input.salePriceCents,
      typicalCostCents: input.typicalCostCents ?? null,
      ...(await itemVat(trx, input, null)),
      minStockMilli: input.minStockMilli,
      serialTracked: input.serialTracked,
      warrantyMonths: input.warrantyMonths ?? null,
      preferredSupplierId: input.preferredSupplierId ?? null,
    };
    await refuseDuplicatePart(trx, values);
    if (values.preferredSupplierId)
      await assertSupplierExists(trx, values.preferredSupplierId, 'preferredSupplierId');
    if (values.categoryId) await requireCategory(trx, values.categoryId);
    const compat = await resolveCompat(trx, input.compatibleBrandIds, input.compatibleModelIds);
    const row = partRow(values);
    await repo.insertParts(trx, [row]);
    await repo.insertCompat(trx, compatRows(row.id, compat.brandIds, compat.models));
    const after = await getPart(trx, row.id);
    await recordAudit(trx, actor, {
      action: 'catalog_part.create',
      entity: 'catalog_part',
      entityId: row.id,
      after,
    });
    return after;
  });
}

/** Changes a part; a compatibility list, when given, replaces that list. */
export async function updatePart(db: Db, actor: Actor, id: string, patch: PartPatch): Promise<Part> {
  return inTransaction(db, async (trx) => {
    const before = await getPart(trx, id);
    const values: PartValues = {
      code: patch.code ?? before.code,
      barcode: patch.barcode === undefined ? before.barcode : patch.barcode,
      nameBg: patch.nameBg ?? before.nameBg,
      nameEn: patch.nameEn === undefined ? before.nameEn : patch.nameEn,
      unit: patch.unit ?? before.unit,
      categoryId: patch.categoryId === undefined ? before.categoryId : patch.categoryId,
      salePriceCents: patch.salePriceCents ?? before.salePriceCents,
      typicalCostCents:
        patch.typicalCostCents === undefined ? (before.typicalCostCents ?? null) : patch.typicalCostCents,
      ...(await itemVat(trx, patch, before)),
      minStockMilli: patch.minStockMilli ?? before.minStockMilli,
      serialTracked: patch.serialTracked ?? before.serialTracked,
      warrantyMonths: patch.warrantyMonths === undefined ? before.warrantyMonths : patch.warrantyMonths,
      preferredSupplierId:
        patch.preferredSupplierId === undefined ? before.preferredSupplierId : patch.preferredSupplierId,
    };
    await refuseDuplicatePart(trx, values, id);
    if (values.preferredSupplierId && values.preferredSupplierId !== before.preferredSupplierId)
      await assertSupplierExists(trx, values.preferredSupplierId, 'preferredSupplierId');
    if (values.categoryId && values.categoryId !== before.categoryId)
      await requireCategory(trx, values.categoryId);
    if (patch.compatibleBrandIds !== undefined || patch.compatibleModelIds !== undefined) {
      const compat = await resolveCompat(
        trx,
        patch.compatibleBrandIds ?? before.compatibleBrands.map((b) => b.id),
        patch.compatibleModelIds ?? before.compatibleModels.map((m) => m.id),
      );
      await repo.deleteCompatOfPart(trx, id);
      await repo.insertCompat(trx, compatRows(id, compat.brandIds, compat.models));
    }
    const { id: _newId, created_at: _created, archived_at: _archived, ...set } = partRow(values);
    await repo.updatePartRow(trx, id, set);
    const after = await getPart(trx, id);
    await recordAudit(trx, actor, {
      action: 'catalog_part.update',
      entity: 'catalog_part',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function setPartArchived(db: Db, actor: Actor, id: string, archived: boolean) {
  return archiveFlow(db, actor, 'catalog_part', id, archived, loadPart);
}

/** Deletes a part that no stock, order or price list uses; its compatibility list goes with it. */
export async function deletePart(db: Db, actor: Actor, id: string): Promise<void> {
  await deleteFlow(db, actor, 'catalog_part', id, loadPart, repo.deletePartRow);
}

// Global search ------------------------------------------------------------------------------------------------

/** Active parts matching the needle (code, barcode, names, in Cyrillic or Latin), an exact code or barcode first. */
export async function searchParts(db: Executor, needle: string, limit = 10): Promise<Part[]> {
  if (!foldSearchText(needle)) return [];
  const rows = await repo.searchParts(db, needle, limit);
  return withCompat(db, rows);
}

/** Active models matching the needle (brand and model code, also without spaces or punctuation). */
export async function searchModels(db: Executor, needle: string, limit = 10): Promise<Model[]> {
  if (!foldSearchText(needle)) return [];
  return (await repo.searchModels(db, needle, limit)).map(toModel);
}

// Lookups for other modules (items, technicians, stock, orders): null when there is no such record ---------------

export async function getCategoryById(db: Executor, id: string): Promise<Category | null> {
  return (await loadCategory(db, id)) ?? null;
}

export async function findCategoryByCode(db: Executor, code: string): Promise<Category | null> {
  const row = await repo.findCategoryByCode(db, code.trim().toUpperCase());
  return row ? toCategory(row) : null;
}

export async function getBrandById(db: Executor, id: string): Promise<Brand | null> {
  return (await loadBrand(db, id)) ?? null;
}

export async function findBrandByCode(db: Executor, code: string): Promise<Brand | null> {
  const row = await repo.findBrandByCode(db, code.trim().toUpperCase());
  return row ? toBrand(row) : null;
}

export async function getModelById(db: Executor, id: string): Promise<Model | null> {
  return (await loadModel(db, id)) ?? null;
}

/** The model of a brand by its model code (runs of spaces ignored, as when it was saved). */
export async function findModelByBrandAndName(
  db: Executor,
  brandId: string,
  name: string,
): Promise<Model | null> {
  const row = await repo.findModelByBrandAndName(db, brandId, normalizeModelName(name));
  return row ? toModel(row) : null;
}

export async function findModelByBrandCodeAndName(
  db: Executor,
  brandCode: string,
  name: string,
): Promise<Model | null> {
  const brand = await repo.findBrandByCode(db, brandCode.trim().toUpperCase());
  return brand ? findModelByBrandAndName(db, brand.id, name) : null;
}

/** The key of findModelsByBrandCodeAndName's map. */
export function modelKey(brandCode: string, name: string): string {
  return `${brandCode.trim().toUpperCase()}\u0000${normalizeModelName(name)}`;
}

/** Many models by (brand code, model code) in a few queries, for imports: a map by modelKey(brandCode, name). */
export async function findModelsByBrandCodeAndName(
  db: Executor,
  keys: readonly { brandCode: string; name: string }[],
): Promise<Map<string, Model>> {
  const rows = await repo.findModelsByNames(
    db,
    keys.map((k) => normalizeModelName(k.name)),
  );
  const wanted = new Set(keys.map((k) => modelKey(k.brandCode, k.name)));
  const out = new Map<string, Model>();
  for (const r of rows) {
    const key = modelKey(r.brand_code, r.name);
    if (wanted.has(key)) out.set(key, toModel(r));
  }
  return out;
}

export async function getServiceTypeById(db: Executor, id: string): Promise<ServiceType | null> {
  return (await loadServiceType(db, id)) ?? null;
}

export async function findServiceTypeByCode(db: Executor, code: string): Promise<ServiceType | null> {
  const row = await repo.findServiceTypeByCode(db, code.trim().toUpperCase());
  return row ? ((await toServiceTypes(db, [row]))[0] ?? null) : null;
}

export async function getPartById(db: Executor, id: string): Promise<Part | null> {
  return (await loadPart(db, id)) ?? null;
}

/** The parts of these ids that exist, by id, as getPartById reads each: two reads for any number of parts. */
export async function getPartsByIds(db: Executor, ids: readonly string[]): Promise<Map<string, Part>> {
  const unique = [...new Set(ids)];
  const parts = await withCompat(db, await repo.findParts(db, unique));
  return new Map(parts.map((p) => [p.id, p]));
}

export async function findPartByCode(db: Executor, code: string): Promise<Part | null> {
  const row = await repo.findPartByCode(db, code.trim().toUpperCase());
  return row ? ((await withCompat(db, [row]))[0] ?? null) : null;
}

export async function findPartByBarcode(db: Executor, barcode: string): Promise<Part | null> {
  const row = await repo.findPartByBarcode(db, barcode.trim());
  return row ? ((await withCompat(db, [row]))[0] ?? null) : null;
}
