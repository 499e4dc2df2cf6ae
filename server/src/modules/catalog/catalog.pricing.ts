/**
 * The norm-time catalogue's one pricing rule: "norm minutes and price for this service on this model".
 * Pure: values in, values out; the database and the routes only feed it.
 */
import { type Cents, cents, lineAmount, mulDivRound } from '../../kernel/money';
import type { PriceSource, Pricing } from './catalog.schema';

export interface PricedServiceType {
  normMinutes: number;
  pricing: Pricing;
  /** The hourly rate when hourly, the price of one unit when fixed; cents without VAT. */
  priceCents: number;
}

export interface NormOverrideRule {
  brandId: string;
  /** Null: the rule holds for every model of the brand. */
  modelId: string | null;
  normMinutes: number;
  /** Replaces the service's priceCents with the same meaning; null keeps it. */
  priceCents: number | null;
}

export interface PriceServiceInput {
  serviceType: PricedServiceType;
  /** The service type's overrides (any brand or model: the function picks the ones that apply). */
  overrides: readonly NormOverrideRule[];
  brandId?: string | null;
  modelId?: string | null;
  /** Quantity in thousandths; one unit (1000) when left out. */
  quantityMilli?: number;
}

export interface ServicePrice {
  /** Norm minutes of one unit. */
  normMinutes: number;
  /** Price of one unit without VAT. */
  unitPriceCents: Cents;
  /** Where the norm time came from. */
  source: PriceSource;
  /** Where the rate or the fixed price came from. */
  priceSource: PriceSource;
  quantityMilli: number;
  /** normMinutes × quantity, rounded half away from zero to whole minutes. */
  totalNormMinutes: number;
  /** unitPriceCents × quantity, rounded half away from zero to the cent (kernel/money lineAmount). */
  amountCents: Cents;
}

function requireNonNegativeInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${n}`);
}

/**
 * Norm time and price of a service on a brand/model. A model override beats a brand-wide override, which beats the
 * service type's own values; norm time and price are resolved each on their own, so a model override that sets only
 * the norm keeps a brand override's price. Hourly: unit price = round_half_away(rate × normMinutes / 60). Fixed:
 * the fixed price, whatever the norm time.
 */
export function priceService(input: PriceServiceInput): ServicePrice {
  const { serviceType, overrides } = input;
  const brandId = input.brandId ?? null;
  const modelId = input.modelId ?? null;
  const quantityMilli = input.quantityMilli ?? 1000;
  requireNonNegativeInteger(serviceType.normMinutes, 'normMinutes');
  requireNonNegativeInteger(serviceType.priceCents, 'priceCents');
  requireNonNegativeInteger(quantityMilli, 'quantityMilli');

  const modelRule = modelId ? overrides.find((o) => o.modelId === modelId) : undefined;
  const brandRule = brandId ? overrides.find((o) => o.modelId === null && o.brandId === brandId) : undefined;

  let normMinutes = serviceType.normMinutes;
  let source: PriceSource = 'default';
  if (modelRule) [normMinutes, source] = [modelRule.normMinutes, 'model'];
  else if (brandRule) [normMinutes, source] = [brandRule.normMinutes, 'brand'];
  requireNonNegativeInteger(normMinutes, 'override normMinutes');

  let price = serviceType.priceCents;
  let priceSource: PriceSource = 'default';
  if (modelRule && modelRule.priceCents !== null) [price, priceSource] = [modelRule.priceCents, 'model'];
  else if (brandRule && brandRule.priceCents !== null) [price, priceSource] = [brandRule.priceCents, 'brand'];
  requireNonNegativeInteger(price, 'override priceCents');

  const unitPriceCents = cents(
    serviceType.pricing === 'hourly' ? mulDivRound(price, normMinutes, 60) : price,
  );
  return {
    normMinutes,
    unitPriceCents,
    source,
    priceSource,
    quantityMilli,
    totalNormMinutes: mulDivRound(normMinutes, quantityMilli, 1000),
    amountCents: lineAmount(quantityMilli, unitPriceCents),
  };
}
