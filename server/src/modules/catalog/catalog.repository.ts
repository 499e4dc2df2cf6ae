import { type Insertable, type SelectQueryBuilder, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database';
import { type ListOrder, listAll, listPage, thenBy } from '../../db/list';
import type { Database } from '../../db/schema';
import { countAll, matchesSearch, matchesSearchIndexed } from '../../db/sql';
import type { PageRequest } from '../../kernel/list-query';
import type { ArchivedFilter } from './catalog.schema';
import type {
  CatalogBrandTable,
  CatalogCategoryTable,
  CatalogModelTable,
  CatalogNormOverrideTable,
  CatalogPartCompatTable,
  CatalogPartTable,
  CatalogServiceTypeTable,
} from './catalog.table';

/** Rows per INSERT and values per IN list: well inside SQLite's and PostgreSQL's parameter limits. */
export const CHUNK = 500;

export function chunked<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface BaseFilter {
  q?: string;
  archived: ArchivedFilter;
}

// biome-ignore lint/suspicious/noExplicitAny: the helpers below only add where/order clauses to any catalogue query
type AnyQuery<O> = SelectQueryBuilder<Database, any, O>;

function whereArchived<O>(qb: AnyQuery<O>, column: string, archived: ArchivedFilter): AnyQuery<O> {
  if (archived === 'all') return qb;
  return qb.where(sql<boolean>`${sql.ref(column)} is ${sql.raw(archived === 'true' ? 'not null' : 'null')}`);
}

function whereSearch<O>(qb: AnyQuery<O>, column: string, q: string | undefined): AnyQuery<O> {
  return q ? qb.where(matchesSearch(column, q)) : qb;
}

/** Sorted rows of a page (or all rows) and, for a page, the total count of the filtered query; the id breaks ties. */
async function page<O>(
  filtered: AnyQuery<O>,
  sort: ListOrder,
  idColumn: string,
  window: PageRequest | undefined,
): Promise<{ rows: O[]; total: number }> {
  const order = thenBy(sort, idColumn);
  if (!window) {
    const rows = await listAll(filtered, order);
    return { rows, total: rows.length };
  }
  const { items, total } = await listPage(filtered, order, window);
  return { rows: items, total };
}

// Categories ---------------------------------------------------------------------------------------------------

export async function findCategory(db: Executor, id: string) {
  return db.selectFrom('catalog_category').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCategoryByCode(db: Executor, code: string) {
  return db.selectFrom('catalog_category').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findCategoriesByCodes(db: Executor, codes: readonly string[]) {
  const out: { id: string; code: string; name_bg: string }[] = [];
  for (const part of chunked([...new Set(codes)])) {
    if (!part.length) continue;
    out.push(
      ...(await db
        .selectFrom('catalog_category')
        .select(['id', 'code', 'name_bg'])
        .where('code', 'in', part)
        .execute()),
    );
  }
  return out;
}

export async function anyCategory(db: Executor): Promise<boolean> {
  return (await db.selectFrom('catalog_category').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export interface CategoryFilter extends BaseFilter {}

export async function listCategories(db: Executor, f: CategoryFilter, sort: ListOrder, window?: PageRequest) {
  let q: AnyQuery<CatalogCategoryRow> = db.selectFrom('catalog_category').selectAll();
  q = whereArchived(q, 'catalog_category.archived_at', f.archived);
  q = whereSearch(q, 'catalog_category.search_text', f.q);
  return page(q, sort, 'catalog_category.id', window);
}
type CatalogCategoryRow = { [K in keyof CatalogCategoryTable]: CatalogCategoryTable[K] };

export async function insertCategories(
  db: Executor,
  rows: Insertable<CatalogCategoryTable>[],
): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto('catalog_category').values(part).execute();
}

export async function updateCategoryRow(db: Executor, id: string, patch: Updateable<CatalogCategoryTable>) {
  await db.updateTable('catalog_category').set(patch).where('id', '=', id).execute();
}

export async function deleteCategoryRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('catalog_category').where('id', '=', id).execute();
}

// Brands -------------------------------------------------------------------------------------------------------

export async function findBrand(db: Executor, id: string) {
  return db.selectFrom('catalog_brand').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBrandByCode(db: Executor, code: string) {
  return db.selectFrom('catalog_brand').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findBrandsByIds(db: Executor, ids: readonly string[]) {
  const out: { id: string; code: string; name: string }[] = [];
  for (const part of chunked([...new Set(ids)])) {
    if (!part.length) continue;
    out.push(
      ...(await db
        .selectFrom('catalog_brand')
        .select(['id', 'code', 'name'])
        .where('id', 'in', part)
        .execute()),
    );
  }
  return out;
}

export async function findBrandsByCodes(db: Executor, codes: readonly string[]) {
  const out: { id: string; code: string; name: string }[] = [];
  for (const part of chunked([...new Set(codes)])) {
    if (!part.length) continue;
    out.push(
      ...(await db
        .selectFrom('catalog_brand')
        .select(['id', 'code', 'name'])
        .where('code', 'in', part)
        .execute()),
    );
  }
  return out;
}

export interface BrandFilter extends BaseFilter {
  country?: string;
}

export async function listBrands(db: Executor, f: BrandFilter, sort: ListOrder, window?: PageRequest) {
  let q: AnyQuery<{ [K in keyof CatalogBrandTable]: CatalogBrandTable[K] }> = db
    .selectFrom('catalog_brand')
    .selectAll();
  q = whereArchived(q, 'catalog_brand.archived_at', f.archived);
  q = whereSearch(q, 'catalog_brand.search_text', f.q);
  if (f.country) q = q.where(sql.ref('catalog_brand.country'), '=', f.country);
  return page(q, sort, 'catalog_brand.id', window);
}

export async function insertBrands(db: Executor, rows: Insertable<CatalogBrandTable>[]): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto('catalog_brand').values(part).execute();
}

export async function updateBrandRow(db: Executor, id: string, patch: Updateable<CatalogBrandTable>) {
  await db.updateTable('catalog_brand').set(patch).where('id', '=', id).execute();
}

export async function deleteBrandRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('catalog_brand').where('id', '=', id).execute();
}

// Models -------------------------------------------------------------------------------------------------------

const MODEL_COLUMNS = [
  'catalog_model.id',
  'catalog_model.brand_id',
  'catalog_model.category_id',
  'catalog_model.name',
  'catalog_model.default_warranty_months',
  'catalog_model.archived_at',
  'catalog_model.created_at',
  'catalog_model.updated_at',
  'catalog_brand.code as brand_code',
  'catalog_brand.name as brand_name',
  'catalog_category.code as category_code',
  'catalog_category.name_bg as category_name_bg',
  'catalog_category.name_en as category_name_en',
] as const;

function modelsJoined(db: Executor) {
  return db
    .selectFrom('catalog_model')
    .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
    .innerJoin('catalog_category', 'catalog_category.id', 'catalog_model.category_id');
}

export type ModelRow = NonNullable<Awaited<ReturnType<typeof findModel>>>;

export async function findModel(db: Executor, id: string) {
  return modelsJoined(db).select(MODEL_COLUMNS).where('catalog_model.id', '=', id).executeTakeFirst();
}

export async function findModelByBrandAndName(db: Executor, brandId: string, name: string) {
  return modelsJoined(db)
    .select(MODEL_COLUMNS)
    .where('catalog_model.brand_id', '=', brandId)
    .where('catalog_model.name', '=', name)
    .executeTakeFirst();
}

export async function findModelsByIds(db: Executor, ids: readonly string[]) {
  const out: ModelRow[] = [];
  for (const part of chunked([...new Set(ids)])) {
    if (!part.length) continue;
    out.push(
      ...(await modelsJoined(db).select(MODEL_COLUMNS).where('catalog_model.id', 'in', part).execute()),
    );
  }
  return out;
}

/** Models whose name is one of the names, of any brand (a name can exist under several brands). */
export async function findModelsByNames(db: Executor, names: readonly string[]) {
  const out: ModelRow[] = [];
  for (const part of chunked([...new Set(names)])) {
    if (!part.length) continue;
    out.push(
      ...(await modelsJoined(db).select(MODEL_COLUMNS).where('catalog_model.name', 'in', part).execute()),
    );
  }
  return out;
}

export async function modelsOfBrand(db: Executor, brandId: string) {
  return db.selectFrom('catalog_model').select(['id', 'name']).where('brand_id', '=', brandId).execute();
}

export interface ModelFilter extends BaseFilter {
  brandId?: string;
  categoryId?: string;
}

export async function listModels(db: Executor, f: ModelFilter, sort: ListOrder, window?: PageRequest) {
  let q: AnyQuery<ModelRow> = modelsJoined(db).select(MODEL_COLUMNS);
  q = whereArchived(q, 'catalog_model.archived_at', f.archived);
  q = whereSearch(q, 'catalog_model.search_text', f.q);
  if (f.brandId) q = q.where(sql.ref('catalog_model.brand_id'), '=', f.brandId);
  if (f.categoryId) q = q.where(sql.ref('catalog_model.category_id'), '=', f.categoryId);
  return page(q, sort, 'catalog_model.id', window);
}

export async function insertModels(db: Executor, rows: Insertable<CatalogModelTable>[]): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto('catalog_model').values(part).execute();
}

export async function updateModelRow(db: Executor, id: string, patch: Updateable<CatalogModelTable>) {
  await db.updateTable('catalog_model').set(patch).where('id', '=', id).execute();
}

/** A model moved to another brand takes its overrides and part-compatibility rows along. */
export async function moveModelReferences(db: Executor, modelId: string, brandId: string): Promise<void> {
  await db
    .updateTable('catalog_norm_override')
    .set({ brand_id: brandId })
    .where('model_id', '=', modelId)
    .execute();
  await db
    .updateTable('catalog_part_compat')
    .set({ brand_id: brandId })
    .where('model_id', '=', modelId)
    .execute();
}

/** Active models for the global search: exact model code first, then by brand and model. */
export async function searchModels(db: Executor, needle: string, limit: number) {
  const exact = needle.trim();
  return modelsJoined(db)
    .select(MODEL_COLUMNS)
    .where('catalog_model.archived_at', 'is', null)
    .where(matchesSearch('catalog_model.search_text', needle))
    .orderBy(sql`case when catalog_model.name = ${exact} then 0 else 1 end`)
    .orderBy('catalog_brand.name')
    .orderBy('catalog_model.name')
    .limit(limit)
    .execute();
}

export async function deleteModelRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('catalog_model').where('id', '=', id).execute();
}

// Labour and service types -------------------------------------------------------------------------------------

const overrideCount = sql<number>`(select cast(count(*) as bigint) from catalog_norm_override o where o.service_type_id = catalog_service_type.id)`;

function serviceTypesJoined(db: Executor) {
  return db
    .selectFrom('catalog_service_type')
    .leftJoin('catalog_category', 'catalog_category.id', 'catalog_service_type.category_id')
    .selectAll('catalog_service_type')
    .select(['catalog_category.code as category_code', overrideCount.as('override_count')]);
}

export type ServiceTypeRow = NonNullable<Awaited<ReturnType<typeof findServiceType>>>;

export async function findServiceType(db: Executor, id: string) {
  return serviceTypesJoined(db).where('catalog_service_type.id', '=', id).executeTakeFirst();
}

export async function findServiceTypeByCode(db: Executor, code: string) {
  return serviceTypesJoined(db).where('catalog_service_type.code', '=', code).executeTakeFirst();
}

export async function findServiceTypesByCodes(db: Executor, codes: readonly string[]) {
  const out: { id: string; code: string; name_bg: string }[] = [];
  for (const part of chunked([...new Set(codes)])) {
    if (!part.length) continue;
    out.push(
      ...(await db
        .selectFrom('catalog_service_type')
        .select(['id', 'code', 'name_bg'])
        .where('code', 'in', part)
        .execute()),
    );
  }
  return out;
}

export interface ServiceTypeFilter extends BaseFilter {
  categoryId?: string;
  general?: boolean;
  pricing?: string;
}

export async function listServiceTypes(
  db: Executor,
  f: ServiceTypeFilter,
  sort: ListOrder,
  window?: PageRequest,
) {
  let q: AnyQuery<ServiceTypeRow> = serviceTypesJoined(db);
  q = whereArchived(q, 'catalog_service_type.archived_at', f.archived);
  q = whereSearch(q, 'catalog_service_type.search_text', f.q);
  if (f.categoryId) q = q.where(sql.ref('catalog_service_type.category_id'), '=', f.categoryId);
  if (f.general === true) q = q.where(sql<boolean>`catalog_service_type.category_id is null`);
  if (f.general === false) q = q.where(sql<boolean>`catalog_service_type.category_id is not null`);
  if (f.pricing) q = q.where(sql.ref('catalog_service_type.pricing'), '=', f.pricing);
  return page(q, sort, 'catalog_service_type.id', window);
}

export async function insertServiceTypes(
  db: Executor,
  rows: Insertable<CatalogServiceTypeTable>[],
): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto('catalog_service_type').values(part).execute();
}

export async function updateServiceTypeRow(
  db: Executor,
  id: string,
  patch: Updateable<CatalogServiceTypeTable>,
) {
  await db.updateTable('catalog_service_type').set(patch).where('id', '=', id).execute();
}

export async function deleteServiceTypeRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('catalog_norm_override').where('service_type_id', '=', id).execute();
  await db.deleteFrom('catalog_service_type').where('id', '=', id).execute();
}

// Norm-time overrides ------------------------------------------------------------------------------------------

function overridesJoined(db: Executor) {
  return db
    .selectFrom('catalog_norm_override')
    .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_norm_override.brand_id')
    .leftJoin('catalog_model', 'catalog_model.id', 'catalog_norm_override.model_id')
    .innerJoin('catalog_service_type', 'catalog_service_type.id', 'catalog_norm_override.service_type_id')
    .selectAll('catalog_norm_override')
    .select([
      'catalog_brand.code as brand_code',
      'catalog_brand.name as brand_name',
      'catalog_model.name as model_name',
      'catalog_service_type.code as service_code',
    ]);
}

export type OverrideRow = NonNullable<Awaited<ReturnType<typeof findOverride>>>;

export async function findOverride(db: Executor, id: string) {
  return overridesJoined(db).where('catalog_norm_override.id', '=', id).executeTakeFirst();
}

/** The override of a service for exactly this brand (modelId null) or this model. */
export async function findOverrideFor(
  db: Executor,
  serviceTypeId: string,
  brandId: string,
  modelId: string | null,
) {
  let q = overridesJoined(db).where('catalog_norm_override.service_type_id', '=', serviceTypeId);
  q = modelId
    ? q.where('catalog_norm_override.model_id', '=', modelId)
    : q
        .where('catalog_norm_override.brand_id', '=', brandId)
        .where('catalog_norm_override.model_id', 'is', null);
  return q.executeTakeFirst();
}

export async function listOverridesOf(db: Executor, serviceTypeId: string) {
  return overridesJoined(db)
    .where('catalog_norm_override.service_type_id', '=', serviceTypeId)
    .orderBy('catalog_brand.code')
    .orderBy(sql`catalog_model.name is not null`)
    .orderBy('catalog_model.name')
    .execute();
}

/** Every override, for the CSV export: by service code, brand code, then brand-wide before models. */
export async function listAllOverrides(db: Executor) {
  return overridesJoined(db)
    .orderBy('catalog_service_type.code')
    .orderBy('catalog_brand.code')
    .orderBy(sql`catalog_model.name is not null`)
    .orderBy('catalog_model.name')
    .execute();
}

/** The overrides of several service types (the import's duplicate check). */
export async function overridesOfServiceTypes(db: Executor, serviceTypeIds: readonly string[]) {
  const out: Pick<CatalogNormOverrideTable, 'id' | 'service_type_id' | 'brand_id' | 'model_id'>[] = [];
  for (const part of chunked([...new Set(serviceTypeIds)])) {
    if (!part.length) continue;
    out.push(
      ...(await db
        .selectFrom('catalog_norm_override')
        .select(['id', 'service_type_id', 'brand_id', 'model_id'])
        .where('service_type_id', 'in', part)
        .execute()),
    );
  }
  return out;
}

export async function insertOverrides(
  db: Executor,
  rows: Insertable<CatalogNormOverrideTable>[],
): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto('catalog_norm_override').values(part).execute();
}

export async function updateOverrideRow(
  db: Executor,
  id: string,
  patch: Updateable<CatalogNormOverrideTable>,
): Promise<void> {
  await db.updateTable('catalog_norm_override').set(patch).where('id', '=', id).execute();
}

export async function deleteOverrideRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('catalog_norm_override').where('id', '=', id).execute();
}

// Parts --------------------------------------------------------------------------------------------------------

function partsJoined(db: Executor) {
  return db
    .selectFrom('catalog_part')
    .leftJoin('catalog_category', 'catalog_category.id', 'catalog_part.category_id')
    .leftJoin('party as preferred_supplier', 'preferred_supplier.id', 'catalog_part.preferred_supplier_id')
    .selectAll('catalog_part')
    .select([
      'catalog_category.code as category_code',
      'preferred_supplier.name as preferred_supplier_name',
      'preferred_supplier.uic as preferred_supplier_uic',
    ]);
}

export type PartRow = NonNullable<Awaited<ReturnType<typeof findPart>>>;

export async function findPart(db: Executor, id: string) {
  return partsJoined(db).where('catalog_part.id', '=', id).executeTakeFirst();
}

export async function findParts(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return partsJoined(db).where('catalog_part.id', 'in', ids).execute();
}

export async function findPartByCode(db: Executor, code: string) {
  return partsJoined(db).where('catalog_part.code', '=', code).executeTakeFirst();
}

export async function findPartByBarcode(db: Executor, barcode: string) {
  return partsJoined(db).where('catalog_part.barcode', '=', barcode).executeTakeFirst();
}

export async function findPartsByCodes(db: Executor, codes: readonly string[]) {
  const out: { id: string; code: string; name_bg: string }[] = [];
  for (const part of chunked([...new Set(codes)])) {
    if (!part.length) continue;
    out.push(
      ...(await db
        .selectFrom('catalog_part')
        .select(['id', 'code', 'name_bg'])
        .where('code', 'in', part)
        .execute()),
    );
  }
  return out;
}

export async function findPartsByBarcodes(db: Executor, barcodes: readonly string[]) {
  const out: { id: string; code: string; barcode: string | null }[] = [];
  for (const part of chunked([...new Set(barcodes)])) {
    if (!part.length) continue;
    out.push(
      ...(await db
        .selectFrom('catalog_part')
        .select(['id', 'code', 'barcode'])
        .where('barcode', 'in', part)
        .execute()),
    );
  }
  return out;
}

export interface PartFilter extends BaseFilter {
  categoryId?: string;
  /** Parts listed for this model, or for its whole brand (compatibleBrandOfModel). */
  compatibleModel?: { id: string; brandId: string };
  compatibleBrandId?: string;
  includeUniversal?: boolean;
}

export async function listParts(db: Executor, f: PartFilter, sort: ListOrder, window?: PageRequest) {
  let q: AnyQuery<PartRow> = partsJoined(db);
  q = whereArchived(q, 'catalog_part.archived_at', f.archived);
  if (f.q) q = q.where(matchesSearchIndexed(db, 'catalog_part', f.q));
  if (f.categoryId) q = q.where(sql.ref('catalog_part.category_id'), '=', f.categoryId);
  const universal = f.includeUniversal
    ? sql` or not exists (select 1 from catalog_part_compat u where u.part_id = catalog_part.id)`
    : sql``;
  if (f.compatibleModel) {
    const { id, brandId } = f.compatibleModel;
    q = q.where(
      sql<boolean>`(exists (select 1 from catalog_part_compat pc where pc.part_id = catalog_part.id and (pc.model_id = ${id} or (pc.model_id is null and pc.brand_id = ${brandId})))${universal})`,
    );
  }
  if (f.compatibleBrandId) {
    q = q.where(
      sql<boolean>`(exists (select 1 from catalog_part_compat pb where pb.part_id = catalog_part.id and pb.brand_id = ${f.compatibleBrandId})${universal})`,
    );
  }
  return page(q, sort, 'catalog_part.id', window);
}

/** Active parts for the global search: an exact code or barcode first, then by code. */
export async function searchParts(db: Executor, needle: string, limit: number) {
  const exact = needle.trim();
  return partsJoined(db)
    .where('catalog_part.archived_at', 'is', null)
    .where(matchesSearchIndexed(db, 'catalog_part', needle))
    .orderBy(
      sql`case when catalog_part.code = ${exact.toUpperCase()} or catalog_part.barcode = ${exact} then 0 else 1 end`,
    )
    .orderBy('catalog_part.code')
    .limit(limit)
    .execute();
}

export async function insertParts(db: Executor, rows: Insertable<CatalogPartTable>[]): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto('catalog_part').values(part).execute();
}

export async function updatePartRow(db: Executor, id: string, patch: Updateable<CatalogPartTable>) {
  await db.updateTable('catalog_part').set(patch).where('id', '=', id).execute();
}

export async function deletePartRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('catalog_part_compat').where('part_id', '=', id).execute();
  await db.deleteFrom('catalog_part').where('id', '=', id).execute();
}

export type CompatRow = Awaited<ReturnType<typeof compatOfParts>>[number];

/** The compatibility rows of the parts, with brand and model names: one query for a whole page. */
export async function compatOfParts(db: Executor, partIds: readonly string[]) {
  const out = [];
  for (const part of chunked([...new Set(partIds)])) {
    if (!part.length) continue;
    out.push(
      ...(await db
        .selectFrom('catalog_part_compat')
        .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_part_compat.brand_id')
        .leftJoin('catalog_model', 'catalog_model.id', 'catalog_part_compat.model_id')
        .select([
          'catalog_part_compat.part_id',
          'catalog_part_compat.brand_id',
          'catalog_part_compat.model_id',
          'catalog_brand.code as brand_code',
          'catalog_brand.name as brand_name',
          'catalog_model.name as model_name',
        ])
        .where('catalog_part_compat.part_id', 'in', part)
        .orderBy('catalog_brand.code')
        .orderBy('catalog_model.name')
        .execute()),
    );
  }
  return out;
}

export async function insertCompat(db: Executor, rows: Insertable<CatalogPartCompatTable>[]): Promise<void> {
  for (const part of chunked(rows)) await db.insertInto('catalog_part_compat').values(part).execute();
}

export async function deleteCompatOfPart(db: Executor, partId: string): Promise<void> {
  await db.deleteFrom('catalog_part_compat').where('part_id', '=', partId).execute();
}

/** Recomputes search_text for several rows of one table at once (after a brand is renamed, its models). */
export async function setSearchTexts(
  db: Executor,
  table: 'catalog_model',
  rows: readonly { id: string; searchText: string }[],
): Promise<void> {
  for (const r of rows)
    await db.updateTable(table).set({ search_text: r.searchText }).where('id', '=', r.id).execute();
}

/** How much of the catalogue is in use (not archived): the first-steps checklist asks for a model or a part. */
export async function countCatalogue(
  db: Executor,
): Promise<{ brands: number; models: number; parts: number }> {
  const count = async (table: 'catalog_brand' | 'catalog_model' | 'catalog_part') =>
    (
      await db
        .selectFrom(table)
        .select(countAll().as('n'))
        .where('archived_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n;
  return {
    brands: await count('catalog_brand'),
    models: await count('catalog_model'),
    parts: await count('catalog_part'),
  };
}
