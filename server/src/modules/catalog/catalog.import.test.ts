import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { DIALECTS, useTestApp } from '../../../test/harness';
import { countAll } from '../../db/sql';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import type { ImportAdapter, RowError } from '../imports';
import { MODEL_CSV, PART_CSV } from './catalog.csv';
import {
  CATALOG_IMPORT_ADAPTERS,
  modelsImport,
  normOverridesImport,
  parseAndCheck,
  partsImport,
  serviceTypesImport,
} from './catalog.import';
import { isValidEan13 } from './catalog.schema';
import { readSeedCsv, seedCatalogDemo } from './catalog.seed';
import {
  exportModels,
  exportParts,
  findModelByBrandCodeAndName,
  findServiceTypeByCode,
  quoteService,
} from './catalog.service';

const SEED_FILES: Record<string, string> = {
  categories: 'categories.csv',
  brands: 'brands.csv',
  models: 'models.csv',
  'service-types': 'service_types.csv',
  'norm-overrides': 'norm_overrides.csv',
  parts: 'parts.csv',
};

/** Errors as "row field code", sorted: easy to compare with what a user would be told. */
function flat(errors: Map<number, RowError[]>): string[] {
  return [...errors]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([row, errs]) => errs.map((e) => `${row} ${e.field} ${e.code}`));
}

const PART = {
  code: 'NEW-1',
  barcode: '',
  name_bg: 'Нова част',
  name_en: 'New part',
  unit: 'бр.',
  category_code: 'WASHER',
  sale_price_eur: '24.90',
  typical_cost_eur: '12.40',
  vat_rate_percent: '20',
  min_stock: '2',
  compatible: 'BOSCH;WAN28263BY',
};

/** A valid EAN-13 in the in-store range (200…): 12 digits and their check digit. */
function ean(n: number): string {
  const body = `200${String(n).padStart(9, '0')}`;
  for (let d = 0; d < 10; d++) if (isValidEan13(`${body}${d}`)) return `${body}${d}`;
  throw new Error('no check digit');
}

describe.each(DIALECTS)('catalogue import adapters on %s', (dialect) => {
  const t = useTestApp(dialect);

  it('every seed file parses and checks with zero errors, in load order, and loads', async () => {
    await t.setup();
    await t.db.transaction().execute(async (trx) => {
      for (const adapter of CATALOG_IMPORT_ADAPTERS as readonly ImportAdapter<unknown>[]) {
        const records = readSeedCsv(SEED_FILES[adapter.entity] as string);
        const { rows, errors } = await parseAndCheck(trx, adapter, records);
        expect(flat(errors), adapter.entity).toEqual([]);
        expect(rows).toHaveLength(records.length);
        await adapter.insert(trx, SYSTEM_ACTOR, rows);
      }
    });
    const count = async (table: 'catalog_category' | 'catalog_brand' | 'catalog_model' | 'catalog_part') =>
      (await t.db.selectFrom(table).select(countAll().as('n')).executeTakeFirstOrThrow()).n;
    expect(await count('catalog_category')).toBe(16);
    expect(await count('catalog_brand')).toBe(36);
    expect(await count('catalog_model')).toBe(210);
    expect(await count('catalog_part')).toBe(201);
    const services = await t.db
      .selectFrom('catalog_service_type')
      .select(countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(services.n).toBe(80);
    const overrides = await t.db
      .selectFrom('catalog_norm_override')
      .select(countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(overrides.n).toBe(31);

    // The demo seed skips a catalogue that has data.
    await t.db.transaction().execute((trx) => seedCatalogDemo(trx, SYSTEM_ACTOR));
    expect(await count('catalog_part')).toBe(201);
  });

  it('the seed values arrive as integers: cents, basis points, thousandths, with compatibility', async () => {
    const parts = await exportParts(t.db, { archived: 'false', page: 1, pageSize: 50, q: 'WM-PUMP-UNI30' });
    expect(parts[0]).toMatchObject({
      code: 'WM-PUMP-UNI30',
      barcode: '8000944822463',
      unit: 'бр.',
      categoryCode: 'WASHER',
      salePriceCents: 2490,
      typicalCostCents: 1240,
      vatRateBp: 2000,
      minStockMilli: 6000,
    });
    expect(parts[0]?.compatibleBrands.map((b) => b.code)).toEqual([
      'BEKO',
      'CANDY',
      'GORENJE',
      'INDESIT',
      'WHIRLPOOL',
    ]);
    const byModel = await exportParts(t.db, { archived: 'false', page: 1, pageSize: 50, q: 'WM-' });
    const listed = byModel.find((p) => p.compatibleModels.some((m) => m.name === 'MTWE 71252 W EE'));
    expect(listed?.compatibleModels.map((m) => m.brandCode)).toContain('INDESIT');
  });

  it('norm-time catalogue from the seed: base norm, brand override, model override (README examples)', async () => {
    const quote = async (service: string, brand: string, model: string) => {
      const s = await findServiceTypeByCode(t.db, service);
      const m = await findModelByBrandCodeAndName(t.db, brand, model);
      if (!s || !m) throw new Error(`${service} ${brand} ${model} not in the seed`);
      return quoteService(t.db, s.id, { modelId: m.id });
    };
    expect(await quote('WM_BEARINGS', 'INDESIT', 'MTWE 71252 W EE')).toMatchObject({
      normMinutes: 300,
      unitPriceCents: 16000,
      source: 'brand',
    });
    expect(await quote('WM_BEARINGS', 'BEKO', 'WTV 8712 XSW')).toMatchObject({
      normMinutes: 270,
      source: 'model',
    });
    expect(await quote('WM_BEARINGS', 'BEKO', 'WUE 6612 XAW')).toMatchObject({
      normMinutes: 180,
      unitPriceCents: 9600,
      source: 'default',
    });
    expect(await quote('LT_KEYBOARD', 'APPLE', 'MacBook Air 13 M1 A2337')).toMatchObject({
      normMinutes: 180,
      unitPriceCents: 9000,
      source: 'brand',
    });
    expect(await quote('LT_KEYBOARD', 'ASUS', 'ZenBook 14 UX3402VA-KP309W')).toMatchObject({
      normMinutes: 150,
      source: 'model',
    });
  });

  it('an exported file imports back: no parse errors, only "already exists"', async () => {
    const parts = await exportParts(t.db, { archived: 'all', page: 1, pageSize: 50 });
    const partRecords = parts.map((p) =>
      Object.fromEntries(PART_CSV.map((c) => [c.header, String(c.value(p) ?? '')])),
    );
    const checked = await parseAndCheck(t.db, partsImport, partRecords);
    expect(checked.rows).toHaveLength(201);
    expect(new Set(flat(checked.errors).map((e) => e.split(' ').slice(1).join(' ')))).toEqual(
      new Set(['code duplicate_code', 'barcode duplicate_barcode']),
    );
    const models = await exportModels(t.db, { archived: 'all', page: 1, pageSize: 50 });
    const modelRecords = models.map((m) =>
      Object.fromEntries(MODEL_CSV.map((c) => [c.header, String(c.value(m) ?? '')])),
    );
    const m = await parseAndCheck(t.db, modelsImport, modelRecords);
    expect(m.rows).toHaveLength(210);
    expect(new Set(flat(m.errors).map((e) => e.split(' ').slice(1).join(' ')))).toEqual(
      new Set(['model duplicate_model']),
    );
  });

  it("parts name their preferred supplier by ЕИК: it is set, exported back, and an unknown ЕИК is the row's error", async () => {
    const admin = await t.signInAs('manager', 'supplier-import');
    const supplier = await t.request(admin, 'POST', '/api/v1/parties', {
      kind: 'company',
      name: 'Части Експрес ООД',
      uic: '200012346',
      isCustomer: false,
      isSupplier: true,
      addresses: [],
    });
    expect(supplier.statusCode).toBe(201);
    const customer = await t.request(admin, 'POST', '/api/v1/parties', {
      kind: 'company',
      name: 'Само клиент ООД',
      uic: '131468980',
      isCustomer: true,
      isSupplier: false,
      addresses: [],
    });
    expect(customer.statusCode).toBe(201);
    const records = [
      { ...PART, code: 'SUP-1', supplier_uic: '200012346' },
      { ...PART, code: 'SUP-2', supplier_uic: '999999999' }, // nobody
      { ...PART, code: 'SUP-3', supplier_uic: '131468980' }, // a customer, not a supplier
      { ...PART, code: 'SUP-4', supplier_uic: '' },
    ];
    const { rows, errors } = await parseAndCheck(t.db, partsImport, records);
    expect(flat(errors)).toEqual(['1 supplier_uic unknown_supplier', '2 supplier_uic unknown_supplier']);
    expect(errors.get(1)?.[0]?.params).toMatchObject({ uic: '999999999' });
    await t.db.transaction().execute((trx) =>
      partsImport.insert(
        trx,
        SYSTEM_ACTOR,
        [rows[0], rows[3]].flatMap((r) => (r ? [r] : [])),
      ),
    );
    const parts = await exportParts(t.db, { archived: 'all', page: 1, pageSize: 50, q: 'SUP-' });
    const byCode = new Map(parts.map((p) => [p.code, p]));
    expect(byCode.get('SUP-1')).toMatchObject({
      preferredSupplierId: supplier.json().id,
      preferredSupplierName: 'Части Експрес ООД',
      preferredSupplierUic: '200012346',
    });
    expect(byCode.get('SUP-4')?.preferredSupplierId).toBeNull();
    const sup1 = byCode.get('SUP-1');
    if (!sup1) throw new Error('SUP-1 not imported');
    const exported = Object.fromEntries(PART_CSV.map((c) => [c.header, String(c.value(sup1) ?? '')]));
    expect(exported.supplier_uic).toBe('200012346');
  });

  it('parts: each bad row reports its column and a stable code', async () => {
    const records = [
      { ...PART }, // 0 valid
      { ...PART, code: 'NEW-2', sale_price_eur: '-1.00' }, // 1
      { ...PART, code: 'NEW-3', category_code: 'SPACESHIP' }, // 2
      { ...PART }, // 3 duplicate of row 0 in the file
      { ...PART, code: 'WM-PUMP-LG' }, // 4 duplicate of a part in the database
      { ...PART, code: 'NEW-5', barcode: '8000944822464' }, // 5 wrong EAN-13 check digit
      { ...PART, code: 'NEW-6', sale_price_eur: '24.999' }, // 6 three decimals
      { ...PART, code: 'NEW-7', compatible: 'BOSCH;NOSUCH' }, // 7
      { ...PART, code: 'NEW-8', vat_rate_percent: 'twenty' }, // 8
      { ...PART, code: 'NEW-9', min_stock: '-1' }, // 9
      { ...PART, code: 'NEW-10', name_bg: '' }, // 10
      { ...PART, code: 'NEW-11', barcode: '8000944822463' }, // 11 barcode of WM-PUMP-UNI30
      { ...PART, code: 'помпа' }, // 12
      { ...PART, code: 'EXEMPT-13', vat_rate_percent: '', vat_rate_kind: 'exempt' }, // 13: no ground (INV-09)
      { ...PART, code: 'NEW-14', typical_cost_eur: '', min_stock: '', vat_rate_percent: '', unit: '' }, // 14 valid
    ];
    const { rows, errors } = await parseAndCheck(t.db, partsImport, records);
    expect(flat(errors)).toEqual([
      '1 sale_price_eur negative_not_allowed',
      '2 category_code unknown_category',
      '3 code duplicate_code',
      '4 code duplicate_code',
      '5 barcode invalid_barcode',
      '6 sale_price_eur invalid_money',
      '7 compatible unknown_compatible',
      '8 vat_rate_percent invalid_number',
      '9 min_stock negative_not_allowed',
      '10 name_bg required',
      '11 barcode duplicate_barcode',
      '12 code invalid_code',
      '13 vat_reason vat_rate_reason_required',
    ]);
    expect(errors.get(4)?.[0]?.params).toMatchObject({ code: 'WM-PUMP-LG', existingId: expect.any(String) });
    expect(errors.get(7)?.[0]?.params).toMatchObject({ value: 'NOSUCH' });
    const last = rows.at(-1);
    expect(last).toMatchObject({
      code: 'NEW-14',
      unit: 'бр.',
      typicalCostCents: null,
      // ADR 0042: an empty rate and kind: the standard kind, at its rate of the day, when the row is written.
      vatRateBp: null,
      vatRateKind: null,
      minStockMilli: 0,
      compatible: ['BOSCH', 'WAN28263BY'],
    });
  });

  it('models, service types and overrides: bad rows report their column and code', async () => {
    const model = {
      brand_code: 'BOSCH',
      category_code: 'WASHER',
      model: 'WAX32EH0BY',
      default_warranty_months: '24',
    };
    const models = await parseAndCheck(t.db, modelsImport, [
      model,
      { ...model, brand_code: 'ACME' },
      { ...model, model: 'WAN28263BY' },
      { ...model, model: 'WAX32EH0BY-R', category_code: 'ROCKET' },
      { ...model, model: '' },
      { ...model, default_warranty_months: '-1' },
      { ...model, model: 'WAX32EH0BY ' },
      { ...model, model: 'NEW-WARRANTY', default_warranty_months: '' },
    ]);
    expect(flat(models.errors)).toEqual([
      '1 brand_code unknown_brand',
      '2 model duplicate_model',
      '3 category_code unknown_category',
      '4 model required',
      '5 default_warranty_months negative_not_allowed',
      '6 model duplicate_model',
    ]);
    expect(models.rows.at(-1)).toMatchObject({ defaultWarrantyMonths: 24 });

    const service = {
      code: 'NEW_SERVICE',
      name_bg: 'Нова услуга',
      name_en: '',
      category_code: '',
      norm_minutes: '30',
      pricing: 'Hourly',
      price_eur: '32.00',
      vat_rate_percent: '20',
      shop_warranty_months: '3',
    };
    const services = await parseAndCheck(t.db, serviceTypesImport, [
      service,
      { ...service, code: 'S2', pricing: 'monthly' },
      { ...service, code: 'S3', norm_minutes: '-5' },
      { ...service, code: 'S4', price_eur: '-1.00' },
      { ...service, code: 'S5', category_code: 'NOPE' },
      { ...service, code: 'WM_BEARINGS' },
      { ...service, code: 'S7', norm_minutes: '1.5' },
    ]);
    expect(flat(services.errors)).toEqual([
      '1 pricing invalid_value',
      '2 norm_minutes negative_not_allowed',
      '3 price_eur negative_not_allowed',
      '4 category_code unknown_category',
      '5 code duplicate_code',
      '6 norm_minutes invalid_number',
    ]);
    expect(services.rows[0]).toMatchObject({
      pricing: 'hourly',
      priceCents: 3200,
      categoryCode: null,
      nameEn: null,
    });

    const override = {
      service_code: 'WM_BEARINGS',
      brand_code: 'LG',
      model: '',
      norm_minutes: '200',
      price_eur: '',
    };
    const overrides = await parseAndCheck(t.db, normOverridesImport, [
      override,
      { ...override, service_code: 'NOPE' },
      { ...override, brand_code: 'INDESIT' },
      { ...override, model: 'WAN28263BY' },
      { ...override, model: 'F4WV509S1E', norm_minutes: '-1' },
      { ...override },
    ]);
    expect(flat(overrides.errors)).toEqual([
      '1 service_code unknown_service_type',
      '2 brand_code duplicate_override',
      '3 model unknown_model',
      '4 norm_minutes negative_not_allowed',
      '5 brand_code duplicate_override',
    ]);
  });

  it('1,000 parts with 3 bad rows: checked and inserted fast, the 3 rows reported', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      ...PART,
      code: `BULK-${String(i).padStart(4, '0')}`,
      barcode: ean(i),
      name_bg: `Резервна част № ${i}`,
      compatible: i % 2 ? 'BOSCH;SIEMENS' : 'MTWE 71252 W EE',
    }));
    records[10] = { ...(records[10] as typeof PART), sale_price_eur: '-5.00' };
    records[500] = { ...(records[500] as typeof PART), category_code: 'NOPE' };
    records[999] = { ...(records[999] as typeof PART), code: 'BULK-0001' };

    const started = performance.now();
    const { rows, errors } = await parseAndCheck(t.db, partsImport, records);
    const checkedMs = performance.now() - started;
    expect(flat(errors)).toEqual([
      '10 sale_price_eur negative_not_allowed',
      '500 category_code unknown_category',
      '999 code duplicate_code',
    ]);
    const valid = rows.filter((r) => !['BULK-0500'].includes(r.code) && r.salePriceCents >= 0);
    const unique = valid.filter((r, i) => valid.findIndex((x) => x.code === r.code) === i);
    expect(unique).toHaveLength(997);

    const insertStarted = performance.now();
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < unique.length; i += 250)
        await partsImport.insert(trx, SYSTEM_ACTOR, unique.slice(i, i + 250));
    });
    const insertedMs = performance.now() - insertStarted;
    const n = await t.db
      .selectFrom('catalog_part')
      .select(countAll().as('n'))
      .where('code', 'like', 'BULK-%')
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(997);
    const compat = await t.db
      .selectFrom('catalog_part_compat')
      .innerJoin('catalog_part', 'catalog_part.id', 'catalog_part_compat.part_id')
      .select(countAll().as('n'))
      .where('catalog_part.code', 'like', 'BULK-%')
      .executeTakeFirstOrThrow();
    expect(compat.n).toBe(498 * 1 + 499 * 2);
    console.log(
      `${dialect}: 1,000 parts checked in ${checkedMs.toFixed(0)} ms, 997 inserted in ${insertedMs.toFixed(0)} ms`,
    );
    expect(checkedMs).toBeLessThan(3000);
    expect(insertedMs).toBeLessThan(5000);
  });

  it('CSV text with quotes and commas (as the files hold it) parses: "Pro1 R 80 V 1,8K"', async () => {
    const text = stringify([
      ['brand_code', 'category_code', 'model', 'default_warranty_months'],
      ['TESY', 'WATER_HEATER', 'Pro1 R 80 V 1,8K "test"', '24'],
    ]);
    expect(text).toContain('"Pro1 R 80 V 1,8K ""test"""');
    const { parse } = await import('csv-parse/sync');
    const records: Record<string, string>[] = parse(text, { columns: true });
    const { rows, errors } = await parseAndCheck(t.db, modelsImport, records);
    expect(flat(errors)).toEqual([]);
    expect(rows[0]?.name).toBe('Pro1 R 80 V 1,8K "test"');
  });
});
