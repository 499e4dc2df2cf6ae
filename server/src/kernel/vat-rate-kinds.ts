import { z } from 'zod';

/**
 * The kinds of VAT rate (INV-08; ADR 0038): a document line or a setting names a kind, and the rate is the kind's
 * valid on the tax event date in the company's dated rate table. No rate lives here.
 */
export const VAT_RATE_KINDS = ['standard', 'reduced', 'zero', 'exempt'] as const;
export const VatRateKind = z.enum(VAT_RATE_KINDS);
export type VatRateKind = z.infer<typeof VatRateKind>;
