import type { Instant, SqlBool } from '../../db/sql';
import type { VatRateKind } from '../../kernel/vat-rate-kinds';

/** Product category (WASHER, AC, LAPTOP…): groups models, labour types and parts; technicians' skills. */
export interface CatalogCategoryTable {
  id: string;
  /** Upper-case ASCII, unique. */
  code: string;
  name_bg: string;
  name_en: string | null;
  archived_at: Instant | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface CatalogBrandTable {
  id: string;
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2 of the brand's home country. */
  country: string | null;
  archived_at: Instant | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface CatalogModelTable {
  id: string;
  brand_id: string;
  category_id: string;
  /** The model code as printed on the rating plate; unique per brand. */
  name: string;
  default_warranty_months: number;
  archived_at: Instant | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

/** A labour or service type of the norm-time catalogue (нормовреме). */
export interface CatalogServiceTypeTable {
  id: string;
  code: string;
  name_bg: string;
  name_en: string | null;
  /** Null: general (diagnostics, call-out, hourly labour). */
  category_id: string | null;
  norm_minutes: number;
  pricing: 'hourly' | 'fixed';
  /** The hourly rate when pricing is hourly, the price of one unit when fixed; cents without VAT. */
  price_cents: number;
  vat_rate_bp: number;
  /** The kind of VAT rate (ADR 0042): its rate is read on the tax event date; null: vat_rate_bp is an explicit rate. */
  vat_rate_kind: VatRateKind | null;
  /** The legal ground of a 0 % or exempt kind (INV-09), printed on the documents. */
  vat_reason: string | null;
  shop_warranty_months: number;
  archived_at: Instant | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

/** A norm time (and optionally a price) of a service type for one brand (model_id null) or one model. */
export interface CatalogNormOverrideTable {
  id: string;
  service_type_id: string;
  brand_id: string;
  model_id: string | null;
  norm_minutes: number;
  /** Replaces the service type's price_cents, with the same meaning (hourly rate or fixed price); null keeps it. */
  price_cents: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface CatalogPartTable {
  id: string;
  code: string;
  barcode: string | null;
  name_bg: string;
  name_en: string | null;
  unit: string;
  category_id: string | null;
  sale_price_cents: number;
  typical_cost_cents: number | null;
  vat_rate_bp: number;
  /** The kind of VAT rate (ADR 0042): its rate is read on the tax event date; null: vat_rate_bp is an explicit rate. */
  vat_rate_kind: VatRateKind | null;
  /** The legal ground of a 0 % or exempt kind (INV-09), printed on the documents. */
  vat_reason: string | null;
  min_stock_milli: number;
  /** A fitted part of this kind needs its serial number at finishing (issue 12). */
  serial_tracked: SqlBool;
  /** The shop's warranty on this part in months; null: the service settings' default. */
  warranty_months: number | null;
  /** The supplier a missing part is ordered from first (a party that is a supplier); null: none chosen. */
  preferred_supplier_id: string | null;
  archived_at: Instant | null;
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

/** A part fits every model of a brand (model_id null) or one model (brand_id is that model's brand). */
export interface CatalogPartCompatTable {
  id: string;
  part_id: string;
  brand_id: string;
  model_id: string | null;
  created_at: Instant;
}

export interface CatalogTables {
  catalog_category: CatalogCategoryTable;
  catalog_brand: CatalogBrandTable;
  catalog_model: CatalogModelTable;
  catalog_service_type: CatalogServiceTypeTable;
  catalog_norm_override: CatalogNormOverrideTable;
  catalog_part: CatalogPartTable;
  catalog_part_compat: CatalogPartCompatTable;
}
