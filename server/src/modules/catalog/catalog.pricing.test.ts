import { describe, expect, it } from 'vitest';
import { type NormOverrideRule, type PricedServiceType, priceService } from './catalog.pricing';

const BEARINGS: PricedServiceType = { normMinutes: 180, pricing: 'hourly', priceCents: 3200 };
const CALLOUT_KM: PricedServiceType = { normMinutes: 1, pricing: 'fixed', priceCents: 45 };
const INDESIT = 'brand-indesit';
const BEKO = 'brand-beko';
const BEKO_WTV = 'model-beko-wtv';
const BEKO_OTHER = 'model-beko-other';

const overrides: NormOverrideRule[] = [
  { brandId: INDESIT, modelId: null, normMinutes: 300, priceCents: null },
  { brandId: BEKO, modelId: null, normMinutes: 240, priceCents: 3500 },
  { brandId: BEKO, modelId: BEKO_WTV, normMinutes: 270, priceCents: null },
];

describe('priceService', () => {
  it('with no brand or model: the service type itself (180 min × 32.00 €/h = 96.00 €)', () => {
    expect(priceService({ serviceType: BEARINGS, overrides })).toEqual({
      normMinutes: 180,
      unitPriceCents: 9600,
      source: 'default',
      priceSource: 'default',
      quantityMilli: 1000,
      totalNormMinutes: 180,
      amountCents: 9600,
    });
  });

  it('a brand override replaces the norm: WM_BEARINGS on an Indesit = 300/60 × 32.00 = 160.00 €', () => {
    const p = priceService({
      serviceType: BEARINGS,
      overrides,
      brandId: INDESIT,
      modelId: 'model-indesit-x',
    });
    expect(p).toMatchObject({
      normMinutes: 300,
      unitPriceCents: 16000,
      source: 'brand',
      priceSource: 'default',
    });
  });

  it('a model override beats the brand override; the brand override still gives its rate', () => {
    const p = priceService({ serviceType: BEARINGS, overrides, brandId: BEKO, modelId: BEKO_WTV });
    // 270 min at the Beko rate of 35.00 €/h = 157.50 €
    expect(p).toMatchObject({
      normMinutes: 270,
      unitPriceCents: 15750,
      source: 'model',
      priceSource: 'brand',
    });
    const other = priceService({ serviceType: BEARINGS, overrides, brandId: BEKO, modelId: BEKO_OTHER });
    expect(other).toMatchObject({ normMinutes: 240, unitPriceCents: 14000, source: 'brand' });
  });

  it('overrides of another brand never apply; a brand-only call ignores model overrides', () => {
    expect(priceService({ serviceType: BEARINGS, overrides, brandId: 'brand-lg' }).source).toBe('default');
    expect(priceService({ serviceType: BEARINGS, overrides, brandId: BEKO }).normMinutes).toBe(240);
  });

  it('a model override applies by model even when the brand is not given', () => {
    expect(priceService({ serviceType: BEARINGS, overrides, modelId: BEKO_WTV })).toMatchObject({
      normMinutes: 270,
      source: 'model',
      priceSource: 'default',
      unitPriceCents: 14400,
    });
  });

  it('hourly prices round half away from zero to the cent', () => {
    // 0.30 €/h × 1 min = 0.5 cent → 1 cent; 0.29 €/h × 1 min = 0.483 → 0; 0.90 €/h × 1 min = 1.5 → 2
    const at = (priceCents: number, normMinutes: number) =>
      priceService({ serviceType: { pricing: 'hourly', priceCents, normMinutes }, overrides: [] })
        .unitPriceCents;
    expect(at(30, 1)).toBe(1);
    expect(at(29, 1)).toBe(0);
    expect(at(90, 1)).toBe(2);
    expect(at(3333, 1)).toBe(56); // 55.55 → 56
    expect(at(3500, 45)).toBe(2625);
    expect(at(4500, 0)).toBe(0);
  });

  it('a fixed price stays fixed whatever the norm; an override price replaces it', () => {
    const longer: NormOverrideRule[] = [
      { brandId: INDESIT, modelId: null, normMinutes: 5, priceCents: null },
    ];
    expect(priceService({ serviceType: CALLOUT_KM, overrides: longer, brandId: INDESIT })).toMatchObject({
      normMinutes: 5,
      unitPriceCents: 45,
      source: 'brand',
      priceSource: 'default',
    });
    const priced: NormOverrideRule[] = [{ brandId: INDESIT, modelId: null, normMinutes: 1, priceCents: 60 }];
    expect(
      priceService({ serviceType: CALLOUT_KM, overrides: priced, brandId: INDESIT }).unitPriceCents,
    ).toBe(60);
  });

  it('quantity in thousandths scales the amount and the total norm time (25 km × 0.45 € = 11.25 €)', () => {
    expect(priceService({ serviceType: CALLOUT_KM, overrides: [], quantityMilli: 25_000 })).toMatchObject({
      unitPriceCents: 45,
      amountCents: 1125,
      totalNormMinutes: 25,
    });
    // 1.5 kg × 45 min = 67.5 → 68 min; 0.5 × 0.45 € = 22.5 cents → 23
    const half = priceService({
      serviceType: { pricing: 'fixed', normMinutes: 45, priceCents: 45 },
      overrides: [],
      quantityMilli: 1500,
    });
    expect(half.totalNormMinutes).toBe(68);
    expect(priceService({ serviceType: CALLOUT_KM, overrides: [], quantityMilli: 500 }).amountCents).toBe(23);
    expect(priceService({ serviceType: CALLOUT_KM, overrides: [], quantityMilli: 0 }).amountCents).toBe(0);
  });

  it('refuses negative or fractional inputs instead of pricing them', () => {
    expect(() => priceService({ serviceType: { ...BEARINGS, normMinutes: -1 }, overrides: [] })).toThrow(
      RangeError,
    );
    expect(() => priceService({ serviceType: { ...BEARINGS, priceCents: 10.5 }, overrides: [] })).toThrow(
      RangeError,
    );
    expect(() => priceService({ serviceType: BEARINGS, overrides: [], quantityMilli: -1000 })).toThrow(
      RangeError,
    );
    const bad: NormOverrideRule[] = [{ brandId: INDESIT, modelId: null, normMinutes: -5, priceCents: null }];
    expect(() => priceService({ serviceType: BEARINGS, overrides: bad, brandId: INDESIT })).toThrow(
      RangeError,
    );
  });
});
