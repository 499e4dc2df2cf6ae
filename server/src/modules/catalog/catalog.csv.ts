/**
 * The catalogue's CSV shape, shared by the import adapters and the exports, so that an exported file imports back
 * unchanged: the headers are those of server/seed-data, money is decimal euro text ("24.90"), VAT a percent ("20"),
 * quantities decimal units ("6", "2.5").
 */
import type { CsvColumn } from '../../kernel/csv-cell';
import type { GuardedCsvColumn } from '../../kernel/fields';
import { cents, toDecimalString } from '../../kernel/money';
import { milliToUnits } from '../../kernel/quantity';
import type { Brand, Category, Model, NormOverride, Part, ServiceType } from './catalog.schema';

export const CATEGORY_COLUMNS = ['code', 'name_bg', 'name_en'] as const;
export const BRAND_COLUMNS = ['code', 'name', 'country'] as const;
export const MODEL_COLUMNS = ['brand_code', 'category_code', 'model', 'default_warranty_months'] as const;
export const SERVICE_TYPE_COLUMNS = [
  'code',
  'name_bg',
  'name_en',
  'category_code',
  'norm_minutes',
  'pricing',
  'price_eur',
  'vat_rate_percent',
  'vat_rate_kind',
  'vat_reason',
  'shop_warranty_months',
] as const;
/** price_eur is optional: it replaces the service's rate or fixed price for that brand/model. */
export const NORM_OVERRIDE_COLUMNS = [
  'service_code',
  'brand_code',
  'model',
  'norm_minutes',
  'price_eur',
] as const;
export const PART_COLUMNS = [
  'code',
  'barcode',
  'name_bg',
  'name_en',
  'unit',
  'category_code',
  'sale_price_eur',
  'typical_cost_eur',
  'vat_rate_percent',
  'vat_rate_kind',
  'vat_reason',
  'min_stock',
  'compatible',
  'supplier_uic',
] as const;

/** "20" → 2000, "9.5" → 950; null for anything but a percent with at most 2 decimals. */
export function percentToBp(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 2000 → "20", 950 → "9.5", 925 → "9.25". */
export function bpToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** "6" → 6000, "2.5" → 2500, "0.125" → 125 thousandths; null for anything else (negative, 4 decimals, text). */
export function unitsToMilli(text: string): number | null {
  const m = /^(\d{1,12})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

const eur = (c: number | null | undefined) =>
  c === null || c === undefined ? '' : toDecimalString(cents(c));

export const CATEGORY_CSV: CsvColumn<Category>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'name_bg', value: (r) => r.nameBg },
  { header: 'name_en', value: (r) => r.nameEn },
];

export const BRAND_CSV: CsvColumn<Brand>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'name', value: (r) => r.name },
  { header: 'country', value: (r) => r.country },
];

export const MODEL_CSV: CsvColumn<Model>[] = [
  { header: 'brand_code', value: (r) => r.brandCode },
  { header: 'category_code', value: (r) => r.categoryCode },
  { header: 'model', value: (r) => r.name },
  { header: 'default_warranty_months', value: (r) => r.defaultWarrantyMonths },
];

export const SERVICE_TYPE_CSV: CsvColumn<ServiceType>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'name_bg', value: (r) => r.nameBg },
  { header: 'name_en', value: (r) => r.nameEn },
  { header: 'category_code', value: (r) => r.categoryCode },
  { header: 'norm_minutes', value: (r) => r.normMinutes },
  { header: 'pricing', value: (r) => r.pricing },
  { header: 'price_eur', value: (r) => eur(r.priceCents) },
  { header: 'vat_rate_percent', value: (r) => bpToPercent(r.vatRateBp) },
  { header: 'vat_rate_kind', value: (r) => r.vatRateKind ?? '' },
  { header: 'vat_reason', value: (r) => r.vatReason ?? '' },
  { header: 'shop_warranty_months', value: (r) => r.shopWarrantyMonths },
];

export interface NormOverrideExportRow extends NormOverride {
  serviceCode: string;
}

export const NORM_OVERRIDE_CSV: CsvColumn<NormOverrideExportRow>[] = [
  { header: 'service_code', value: (r) => r.serviceCode },
  { header: 'brand_code', value: (r) => r.brandCode },
  { header: 'model', value: (r) => r.modelName },
  { header: 'norm_minutes', value: (r) => r.normMinutes },
  { header: 'price_eur', value: (r) => eur(r.priceCents) },
];

/** Brand codes first, then model names, ";"-separated: the seed file's "compatible" column. */
export function compatibleText(p: Pick<Part, 'compatibleBrands' | 'compatibleModels'>): string {
  return [...p.compatibleBrands.map((b) => b.code), ...p.compatibleModels.map((m) => m.name)].join(';');
}

/** The typical cost column only for the roles that may see costs (PART_FIELDS). */
export const PART_CSV: GuardedCsvColumn<Part, 'cost'>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'barcode', value: (r) => r.barcode },
  { header: 'name_bg', value: (r) => r.nameBg },
  { header: 'name_en', value: (r) => r.nameEn },
  { header: 'unit', value: (r) => r.unit },
  { header: 'category_code', value: (r) => r.categoryCode },
  { header: 'sale_price_eur', value: (r) => eur(r.salePriceCents) },
  { header: 'typical_cost_eur', group: 'cost', value: (r) => eur(r.typicalCostCents) },
  { header: 'vat_rate_percent', value: (r) => bpToPercent(r.vatRateBp) },
  { header: 'vat_rate_kind', value: (r) => r.vatRateKind ?? '' },
  { header: 'vat_reason', value: (r) => r.vatReason ?? '' },
  { header: 'min_stock', value: (r) => milliToUnits(r.minStockMilli) },
  { header: 'compatible', value: (r) => compatibleText(r) },
  { header: 'supplier_uic', value: (r) => r.preferredSupplierUic },
];
