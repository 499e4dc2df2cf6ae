import { sql } from 'kysely';
import { columns, type Migration, type MigrationDb } from './helpers';

async function index(db: MigrationDb, table: string, cols: string[], unique = false, where?: string) {
  let b = db.schema
    .createIndex(`${table}_${cols.join('_')}_${unique ? 'uq' : 'idx'}`)
    .on(table)
    .columns(cols);
  if (unique) b = b.unique();
  if (where) b = b.where(sql<boolean>`${sql.raw(where)}`);
  await b.execute();
}

/** Tables of the catalog module: categories, brands, models, the norm-time labour catalogue, parts. */
export const catalog: Migration = {
  name: '0003-catalog',
  async up(db, dialect) {
    const c = columns(dialect);

    let category = db.schema.createTable('catalog_category');
    category = c.id(category);
    category = c.text(category, 'code', (x) => x.notNull());
    category = c.text(category, 'name_bg', (x) => x.notNull());
    category = c.text(category, 'name_en');
    category = c.instant(category, 'archived_at');
    category = c.text(category, 'search_text', (x) => x.notNull());
    category = c.instant(category, 'created_at', (x) => x.notNull());
    category = c.instant(category, 'updated_at', (x) => x.notNull());
    await category.execute();
    await index(db, 'catalog_category', ['code'], true);
    await index(db, 'catalog_category', ['search_text']);

    let brand = db.schema.createTable('catalog_brand');
    brand = c.id(brand);
    brand = c.text(brand, 'code', (x) => x.notNull());
    brand = c.text(brand, 'name', (x) => x.notNull());
    brand = c.text(brand, 'country');
    brand = c.instant(brand, 'archived_at');
    brand = c.text(brand, 'search_text', (x) => x.notNull());
    brand = c.instant(brand, 'created_at', (x) => x.notNull());
    brand = c.instant(brand, 'updated_at', (x) => x.notNull());
    await brand.execute();
    await index(db, 'catalog_brand', ['code'], true);
    await index(db, 'catalog_brand', ['name']);
    await index(db, 'catalog_brand', ['search_text']);

    let model = db.schema.createTable('catalog_model');
    model = c.id(model);
    model = c.ref(model, 'brand_id', 'catalog_brand', (x) => x.notNull());
    model = c.ref(model, 'category_id', 'catalog_category', (x) => x.notNull());
    model = c.text(model, 'name', (x) => x.notNull());
    model = c.int(model, 'default_warranty_months', (x) =>
      x.notNull().defaultTo(24).check(sql`default_warranty_months >= 0`),
    );
    model = c.instant(model, 'archived_at');
    model = c.text(model, 'search_text', (x) => x.notNull());
    model = c.instant(model, 'created_at', (x) => x.notNull());
    model = c.instant(model, 'updated_at', (x) => x.notNull());
    await model.execute();
    await index(db, 'catalog_model', ['brand_id', 'name'], true);
    await index(db, 'catalog_model', ['category_id']);
    await index(db, 'catalog_model', ['name']);
    await index(db, 'catalog_model', ['search_text']);

    let service = db.schema.createTable('catalog_service_type');
    service = c.id(service);
    service = c.text(service, 'code', (x) => x.notNull());
    service = c.text(service, 'name_bg', (x) => x.notNull());
    service = c.text(service, 'name_en');
    service = c.ref(service, 'category_id', 'catalog_category');
    service = c.int(service, 'norm_minutes', (x) => x.notNull().check(sql`norm_minutes >= 0`));
    service = c.text(service, 'pricing', (x) => x.notNull().check(sql`pricing in ('hourly', 'fixed')`));
    service = c.bigint(service, 'price_cents', (x) => x.notNull().check(sql`price_cents >= 0`));
    service = c.int(service, 'vat_rate_bp', (x) =>
      x.notNull().defaultTo(2000).check(sql`vat_rate_bp between 0 and 10000`),
    );
    service = c.int(service, 'shop_warranty_months', (x) =>
      x.notNull().defaultTo(0).check(sql`shop_warranty_months >= 0`),
    );
    service = c.instant(service, 'archived_at');
    service = c.text(service, 'search_text', (x) => x.notNull());
    service = c.instant(service, 'created_at', (x) => x.notNull());
    service = c.instant(service, 'updated_at', (x) => x.notNull());
    await service.execute();
    await index(db, 'catalog_service_type', ['code'], true);
    await index(db, 'catalog_service_type', ['category_id']);
    await index(db, 'catalog_service_type', ['search_text']);

    let override = db.schema.createTable('catalog_norm_override');
    override = c.id(override);
    override = c.ref(override, 'service_type_id', 'catalog_service_type', (x) => x.notNull());
    override = c.ref(override, 'brand_id', 'catalog_brand', (x) => x.notNull());
    override = c.ref(override, 'model_id', 'catalog_model');
    override = c.int(override, 'norm_minutes', (x) => x.notNull().check(sql`norm_minutes >= 0`));
    override = c.bigint(override, 'price_cents', (x) => x.check(sql`price_cents >= 0`));
    override = c.instant(override, 'created_at', (x) => x.notNull());
    override = c.instant(override, 'updated_at', (x) => x.notNull());
    await override.execute();
    // One brand-wide row and one row per model for each service type (NULLs are distinct in unique indexes).
    await db.schema
      .createIndex('catalog_norm_override_brand_uq')
      .on('catalog_norm_override')
      .columns(['service_type_id', 'brand_id'])
      .unique()
      .where(sql<boolean>`model_id is null`)
      .execute();
    await db.schema
      .createIndex('catalog_norm_override_model_uq')
      .on('catalog_norm_override')
      .columns(['service_type_id', 'model_id'])
      .unique()
      .where(sql<boolean>`model_id is not null`)
      .execute();
    await index(db, 'catalog_norm_override', ['service_type_id']);
    await index(db, 'catalog_norm_override', ['brand_id']);
    await index(db, 'catalog_norm_override', ['model_id']);

    let part = db.schema.createTable('catalog_part');
    part = c.id(part);
    part = c.text(part, 'code', (x) => x.notNull());
    part = c.text(part, 'barcode');
    part = c.text(part, 'name_bg', (x) => x.notNull());
    part = c.text(part, 'name_en');
    part = c.text(part, 'unit', (x) => x.notNull());
    part = c.ref(part, 'category_id', 'catalog_category');
    part = c.bigint(part, 'sale_price_cents', (x) => x.notNull().check(sql`sale_price_cents >= 0`));
    part = c.bigint(part, 'typical_cost_cents', (x) => x.check(sql`typical_cost_cents >= 0`));
    part = c.int(part, 'vat_rate_bp', (x) =>
      x.notNull().defaultTo(2000).check(sql`vat_rate_bp between 0 and 10000`),
    );
    part = c.bigint(part, 'min_stock_milli', (x) =>
      x.notNull().defaultTo(0).check(sql`min_stock_milli >= 0`),
    );
    part = c.instant(part, 'archived_at');
    part = c.text(part, 'search_text', (x) => x.notNull());
    part = c.instant(part, 'created_at', (x) => x.notNull());
    part = c.instant(part, 'updated_at', (x) => x.notNull());
    await part.execute();
    await index(db, 'catalog_part', ['code'], true);
    await index(db, 'catalog_part', ['barcode'], true);
    await index(db, 'catalog_part', ['category_id']);
    await index(db, 'catalog_part', ['search_text']);

    let compat = db.schema.createTable('catalog_part_compat');
    compat = c.id(compat);
    compat = c.ref(compat, 'part_id', 'catalog_part', (x) => x.notNull());
    compat = c.ref(compat, 'brand_id', 'catalog_brand', (x) => x.notNull());
    compat = c.ref(compat, 'model_id', 'catalog_model');
    compat = c.instant(compat, 'created_at', (x) => x.notNull());
    await compat.execute();
    await db.schema
      .createIndex('catalog_part_compat_brand_uq')
      .on('catalog_part_compat')
      .columns(['part_id', 'brand_id'])
      .unique()
      .where(sql<boolean>`model_id is null`)
      .execute();
    await db.schema
      .createIndex('catalog_part_compat_model_uq')
      .on('catalog_part_compat')
      .columns(['part_id', 'model_id'])
      .unique()
      .where(sql<boolean>`model_id is not null`)
      .execute();
    await index(db, 'catalog_part_compat', ['part_id']);
    await index(db, 'catalog_part_compat', ['brand_id']);
    await index(db, 'catalog_part_compat', ['model_id']);
  },
};
