import { z } from 'zod';
import { Id, IdParams } from '../../kernel/ids';
import {
  MAX_NORM_MINUTES as KERNEL_MAX_NORM_MINUTES,
  MAX_LEVEL_MILLI,
  MAX_QUANTITY_MILLI as MAX_LINE_MILLI,
  MAX_UNIT_CENTS,
} from '../../kernel/limits';
import { ListQueryBase, QueryBool } from '../../kernel/list-query';
import { VatRateKind } from '../../kernel/vat-rate-kinds';

const code = (c: string) => ({ params: { code: c } });

/** Upper bound of any catalogue money field: 100,000 euro, the largest unit price (kernel/limits.ts). */
export const MAX_CATALOG_CENTS = MAX_UNIT_CENTS;
export const MAX_NORM_MINUTES = KERNEL_MAX_NORM_MINUTES;
export const MAX_WARRANTY_MONTHS = 600;
/** A minimum stock: a level, not a line (kernel/limits.ts). */
export const MAX_QUANTITY_MILLI = MAX_LEVEL_MILLI;

/** Units a part is counted in; free text is accepted too (a shop may count in "пакет"). */
export const PART_UNITS = ['бр.', 'м', 'кг', 'л', 'к-т'] as const;
export const PRICING = ['hourly', 'fixed'] as const;
export const Pricing = z.enum(PRICING);
export type Pricing = z.infer<typeof Pricing>;

/** Catalogue codes: upper-case ASCII letters, digits and . _ - (lower case is upper-cased). */
export const CATALOG_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_.-]*$/;
export function isCatalogCode(s: string): boolean {
  return CATALOG_CODE_PATTERN.test(s);
}

/** GTIN/EAN-13 check digit: weights 1 and 3 from the left over the first 12 digits, (10 − sum mod 10) mod 10. */
export function isValidEan13(s: string): boolean {
  if (!/^\d{13}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(s[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(s[12]);
}

/** A barcode is any printable ASCII without spaces; a 13-digit one is an EAN-13 and must carry a valid check digit. */
export function isValidBarcode(s: string): boolean {
  return /^[\x21-\x7e]{1,64}$/.test(s) && (!/^\d{13}$/.test(s) || isValidEan13(s));
}

/** Model codes compare without caring about runs of spaces: "FFB  8458" is "FFB 8458". */
export function normalizeModelName(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

export { Id, IdParams };
export const OverrideParams = z.strictObject({ id: Id, overrideId: Id });

export const CatalogCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((s) => s.toUpperCase())
  .refine(isCatalogCode, code('invalid_code'));
const Name = (max = 200) => z.string().trim().min(1).max(max);
const OptionalName = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : s === undefined ? undefined : null));
const CatalogCents = z.number().int().min(0).max(MAX_CATALOG_CENTS);
const NormMinutes = z.number().int().min(0).max(MAX_NORM_MINUTES);
const WarrantyMonths = z.number().int().min(0).max(MAX_WARRANTY_MONTHS);
const VatRateBp = z.number().int().min(0).max(10_000).describe('VAT rate in basis points: 2000 = 20 %');
/** ADR 0042: the item's kind of VAT rate, whose rate a document takes on its tax event date. */
const ItemVatKind = VatRateKind.describe(
  'The kind of VAT rate (INV-08): an invoice, receipt or goods note takes the kind’s rate valid on its tax event date (GET /api/v1/vat-rates); replaces vatRateBp',
);
const ItemVatReason = z
  .string()
  .trim()
  .max(300)
  .nullish()
  .describe('The legal ground of a 0 % or exempt kind (INV-09), required for them; printed on the documents');
const ItemVatOut = {
  vatRateBp: z.number().int().describe('The rate of the kind valid today, or the explicit rate when no kind'),
  vatRateKind: VatRateKind.nullable().describe(
    'Null: an explicit rate kept from before ADR 0042 (vatRateBp)',
  ),
  vatReason: z.string().nullable(),
};
const Country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/)
  .describe('ISO 3166-1 alpha-2');
const Barcode = z
  .string()
  .trim()
  .max(64)
  .transform((s) => s || null)
  .refine((s) => s === null || isValidBarcode(s), code('invalid_barcode'))
  .describe('EAN-13 (check digit verified) or any printable code without spaces; empty for none');

const Stamps = {
  archived: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** Which records a list shows: active ones (default), archived ones, or all. */
export const ArchivedFilter = z
  .enum(['false', 'true', 'all'])
  .default('false')
  .describe('false: active only (default); true: archived only; all: both');
export type ArchivedFilter = z.infer<typeof ArchivedFilter>;

function Sort<const K extends string>(keys: readonly K[]) {
  const values = [...keys, ...keys.map((k) => `-${k}` as const)] as [K | `-${K}`, ...(K | `-${K}`)[]];
  return z.enum(values).optional().describe(`Sort by one field; "-" before it for descending`);
}

const ListBase = { ...ListQueryBase, archived: ArchivedFilter };

// Categories ---------------------------------------------------------------------------------------------------

export const Category = z.object({
  id: z.string(),
  code: z.string(),
  nameBg: z.string(),
  nameEn: z.string().nullable(),
  ...Stamps,
});
export type Category = z.infer<typeof Category>;

const CategoryShape = { code: CatalogCode, nameBg: Name(), nameEn: OptionalName() };
export const CategoryInput = z.strictObject(CategoryShape);
export type CategoryInput = z.infer<typeof CategoryInput>;
export const CategoryPatch = z.strictObject(CategoryShape).partial();
export type CategoryPatch = z.infer<typeof CategoryPatch>;

export const CATEGORY_SORTS = ['code', 'nameBg', 'nameEn', 'createdAt'] as const;
export const CategoryListQuery = z.strictObject({ ...ListBase, sort: Sort(CATEGORY_SORTS) });
export type CategoryListQuery = z.infer<typeof CategoryListQuery>;

// Brands -------------------------------------------------------------------------------------------------------

export const Brand = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  ...Stamps,
});
export type Brand = z.infer<typeof Brand>;

const BrandShape = { code: CatalogCode, name: Name(), country: Country.nullish() };
export const BrandInput = z.strictObject(BrandShape);
export type BrandInput = z.infer<typeof BrandInput>;
export const BrandPatch = z.strictObject(BrandShape).partial();
export type BrandPatch = z.infer<typeof BrandPatch>;

export const BRAND_SORTS = ['code', 'name', 'country', 'createdAt'] as const;
export const BrandListQuery = z.strictObject({
  ...ListBase,
  country: Country.optional(),
  sort: Sort(BRAND_SORTS),
});
export type BrandListQuery = z.infer<typeof BrandListQuery>;

// Models -------------------------------------------------------------------------------------------------------

export const Model = z.object({
  id: z.string(),
  brandId: z.string(),
  brandCode: z.string(),
  brandName: z.string(),
  categoryId: z.string(),
  categoryCode: z.string(),
  categoryNameBg: z.string(),
  categoryNameEn: z.string().nullable(),
  name: z.string().describe('Model code as on the rating plate; unique per brand'),
  defaultWarrantyMonths: z.number().int(),
  ...Stamps,
});
export type Model = z.infer<typeof Model>;

const ModelName = z.string().trim().min(1).max(120).transform(normalizeModelName);
const ModelShape = { brandId: Id, categoryId: Id, name: ModelName, defaultWarrantyMonths: WarrantyMonths };
export const ModelInput = z.strictObject({
  ...ModelShape,
  defaultWarrantyMonths: WarrantyMonths.default(24),
});
export type ModelInput = z.infer<typeof ModelInput>;
export const ModelPatch = z.strictObject(ModelShape).partial();
export type ModelPatch = z.infer<typeof ModelPatch>;

export const MODEL_SORTS = ['name', 'brand', 'category', 'defaultWarrantyMonths', 'createdAt'] as const;
export const ModelListQuery = z.strictObject({
  ...ListBase,
  brandId: Id.optional(),
  categoryId: Id.optional(),
  sort: Sort(MODEL_SORTS),
});
export type ModelListQuery = z.infer<typeof ModelListQuery>;

// Labour and service types -------------------------------------------------------------------------------------

export const ServiceType = z.object({
  id: z.string(),
  code: z.string(),
  nameBg: z.string(),
  nameEn: z.string().nullable(),
  categoryId: z.string().nullable().describe('Null: a general service (diagnostics, call-out)'),
  categoryCode: z.string().nullable(),
  normMinutes: z.number().int().describe('Norm time of one unit, in minutes'),
  pricing: Pricing.describe('hourly: price = priceCents × normMinutes / 60; fixed: priceCents per unit'),
  priceCents: z.number().int().describe('Hourly rate when hourly, price of one unit when fixed; without VAT'),
  ...ItemVatOut,
  shopWarrantyMonths: z.number().int(),
  overrideCount: z.number().int().describe('Norm-time overrides for brands or models'),
  ...Stamps,
});
export type ServiceType = z.infer<typeof ServiceType>;

const ServiceTypeShape = {
  code: CatalogCode,
  nameBg: Name(),
  nameEn: OptionalName(),
  categoryId: Id.nullish(),
  normMinutes: NormMinutes,
  pricing: Pricing,
  priceCents: CatalogCents,
  vatRateBp: VatRateBp,
  vatRateKind: ItemVatKind,
  vatReason: ItemVatReason,
  shopWarrantyMonths: WarrantyMonths,
};
export const ServiceTypeInput = z.strictObject({
  ...ServiceTypeShape,
  // INV-08: no rate in code; omitted, it is the company's default rate (a setting, 20 % out of the box).
  vatRateBp: VatRateBp.optional().describe(
    'Basis points, as before ADR 0042: read as the kind whose rate it is today (20 % standard, 9 % reduced), else kept as an explicit rate; prefer vatRateKind',
  ),
  vatRateKind: ItemVatKind.optional().describe('Omitted (and no vatRateBp): standard (INV-08)'),
  shopWarrantyMonths: WarrantyMonths.default(0),
});
export type ServiceTypeInput = z.infer<typeof ServiceTypeInput>;
export const ServiceTypePatch = z.strictObject(ServiceTypeShape).partial();
export type ServiceTypePatch = z.infer<typeof ServiceTypePatch>;

export const SERVICE_TYPE_SORTS = ['code', 'nameBg', 'normMinutes', 'priceCents', 'createdAt'] as const;
export const ServiceTypeListQuery = z.strictObject({
  ...ListBase,
  categoryId: Id.optional(),
  general: QueryBool.optional().describe('true: only services without a category'),
  pricing: Pricing.optional(),
  sort: Sort(SERVICE_TYPE_SORTS),
});
export type ServiceTypeListQuery = z.infer<typeof ServiceTypeListQuery>;

export const NormOverride = z.object({
  id: z.string(),
  serviceTypeId: z.string(),
  brandId: z.string(),
  brandCode: z.string(),
  brandName: z.string(),
  modelId: z.string().nullable().describe('Null: the override applies to every model of the brand'),
  modelName: z.string().nullable(),
  normMinutes: z.number().int(),
  priceCents: z
    .number()
    .int()
    .nullable()
    .describe("Replaces the service's priceCents (hourly rate or fixed price); null keeps it"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NormOverride = z.infer<typeof NormOverride>;

export const NormOverrideInput = z.strictObject({
  brandId: Id.optional().describe('The brand; may be left out when modelId is given'),
  modelId: Id.nullish().describe('A model of the brand; empty for a brand-wide override'),
  normMinutes: NormMinutes,
  priceCents: CatalogCents.nullish(),
});
export type NormOverrideInput = z.infer<typeof NormOverrideInput>;
export const NormOverridePatch = z.strictObject({
  normMinutes: NormMinutes.optional(),
  priceCents: CatalogCents.nullish(),
});
export type NormOverridePatch = z.infer<typeof NormOverridePatch>;

export const ServiceQuoteQuery = z.strictObject({
  modelId: Id.optional().describe('The model worked on: a model override wins over a brand override'),
  brandId: Id.optional().describe('The brand, when the model is not known'),
  quantityMilli: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_LINE_MILLI)
    .default(1000)
    .describe('Quantity in thousandths (1000 = one unit, e.g. 25000 = 25 km)'),
});
export type ServiceQuoteQuery = z.infer<typeof ServiceQuoteQuery>;

export const PriceSource = z.enum(['model', 'brand', 'default']);
export type PriceSource = z.infer<typeof PriceSource>;

export const ServiceQuote = z.object({
  serviceTypeId: z.string(),
  code: z.string(),
  nameBg: z.string(),
  nameEn: z.string().nullable(),
  pricing: Pricing,
  brandId: z.string().nullable(),
  modelId: z.string().nullable(),
  normMinutes: z.number().int().describe('Norm minutes of one unit on this brand/model'),
  unitPriceCents: z.number().int().describe('Price of one unit without VAT'),
  source: PriceSource.describe('Where the norm time came from'),
  priceSource: PriceSource.describe('Where the rate or fixed price came from'),
  quantityMilli: z.number().int(),
  totalNormMinutes: z.number().int(),
  amountCents: z.number().int().describe('quantity × unit price, rounded half away from zero'),
  ...ItemVatOut,
  shopWarrantyMonths: z.number().int(),
});
export type ServiceQuote = z.infer<typeof ServiceQuote>;

// Parts --------------------------------------------------------------------------------------------------------

export const CompatibleBrand = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const CompatibleModel = z.object({
  id: z.string(),
  name: z.string(),
  brandId: z.string(),
  brandCode: z.string(),
});

export const Part = z.object({
  id: z.string(),
  code: z.string(),
  barcode: z.string().nullable(),
  nameBg: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string(),
  categoryId: z.string().nullable(),
  categoryCode: z.string().nullable(),
  salePriceCents: z.number().int().describe('Without VAT'),
  typicalCostCents: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe('Only for the roles that may see the stock valuation (left out for the others)'),
  ...ItemVatOut,
  minStockMilli: z.number().int().describe('Minimum stock in thousandths of the unit; 0 = order on demand'),
  serialTracked: z
    .boolean()
    .describe('A fitted part needs its serial number when a service order is finished'),
  warrantyMonths: z
    .number()
    .int()
    .nullable()
    .describe("The shop's warranty on the fitted part in months; null: the service settings' default"),
  preferredSupplierId: z
    .string()
    .nullable()
    .describe('The supplier a missing part is ordered from first (purchase requests); null: none chosen'),
  preferredSupplierName: z.string().nullable(),
  preferredSupplierUic: z
    .string()
    .nullable()
    .describe("The preferred supplier's ЕИК (the import's supplier_uic column)"),
  compatibleBrands: z.array(CompatibleBrand).describe('Fits every model of these brands'),
  compatibleModels: z.array(CompatibleModel),
  ...Stamps,
});
export type Part = z.infer<typeof Part>;

const IdList = z.array(Id).max(500);
const PartShape = {
  code: CatalogCode,
  barcode: Barcode.nullish(),
  nameBg: Name(),
  nameEn: OptionalName(),
  unit: z.string().trim().min(1).max(12),
  categoryId: Id.nullish(),
  salePriceCents: CatalogCents,
  typicalCostCents: CatalogCents.nullish(),
  vatRateBp: VatRateBp,
  vatRateKind: ItemVatKind,
  vatReason: ItemVatReason,
  minStockMilli: z.number().int().min(0).max(MAX_QUANTITY_MILLI),
  serialTracked: z.boolean(),
  warrantyMonths: z.number().int().min(0).max(240).nullish(),
  preferredSupplierId: Id.nullish(),
  compatibleBrandIds: IdList,
  compatibleModelIds: IdList,
};
export const PartInput = z.strictObject({
  ...PartShape,
  unit: PartShape.unit.default('бр.'),
  vatRateBp: VatRateBp.optional().describe(
    'Basis points, as before ADR 0042: read as the kind whose rate it is today (20 % standard, 9 % reduced), else kept as an explicit rate; prefer vatRateKind',
  ),
  vatRateKind: ItemVatKind.optional().describe('Omitted (and no vatRateBp): standard (INV-08)'),
  minStockMilli: PartShape.minStockMilli.default(0),
  serialTracked: PartShape.serialTracked.default(false),
  compatibleBrandIds: IdList.default([]),
  compatibleModelIds: IdList.default([]),
});
export type PartInput = z.infer<typeof PartInput>;
/** Compatibility lists, when given, replace the part's lists. */
export const PartPatch = z.strictObject(PartShape).partial();
export type PartPatch = z.infer<typeof PartPatch>;

export const PART_SORTS = ['code', 'nameBg', 'salePriceCents', 'createdAt'] as const;
export const PartListQuery = z.strictObject({
  ...ListBase,
  categoryId: Id.optional(),
  compatibleModelId: Id.optional().describe(
    'Parts that fit this model: listed for it or for its whole brand',
  ),
  compatibleBrandId: Id.optional().describe('Parts listed for this brand or for any of its models'),
  includeUniversal: QueryBool.optional().describe(
    'With a compatibility filter: also parts with no compatibility list (general consumables)',
  ),
  sort: Sort(PART_SORTS),
});
export type PartListQuery = z.infer<typeof PartListQuery>;
