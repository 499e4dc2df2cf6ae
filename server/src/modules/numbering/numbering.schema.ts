import { z } from 'zod';

/** Document kinds that take numbers; each has one or more series (e.g. per branch). */
export const DOC_TYPES = [
  'invoice',
  'proforma',
  'sale_receipt',
  'goods_delivery_note',
  'quote',
  'service_order',
  'warranty_protocol',
  'stock_receipt',
  'stock_issue',
  'stock_transfer',
  'stock_writeoff',
  'stock_count',
  'cash_in',
  'cash_out',
  'contract',
  'purchase_request',
  'money_movement',
] as const;
export const DocType = z.enum(DOC_TYPES);
export type DocType = z.infer<typeof DocType>;

export const NumberingSeries = z.object({
  id: z.string(),
  docType: DocType,
  code: z.string(),
  name: z.string(),
  startNumber: z.number().int(),
  nextNumber: z.number().int(),
  width: z.number().int(),
  isDefault: z.boolean(),
  active: z.boolean(),
  used: z.boolean().describe('Numbers have been taken: the next number can no longer change'),
});
export type NumberingSeries = z.infer<typeof NumberingSeries>;

export const CreateSeriesBody = z.strictObject({
  docType: DocType,
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Z0-9_-]+$/i),
  name: z.string().trim().min(1).max(100),
  nextNumber: z.number().int().min(1).max(9_999_999_999).default(1),
  width: z.number().int().min(1).max(10).default(10),
  isDefault: z.boolean().default(false),
});
export type CreateSeriesBody = z.infer<typeof CreateSeriesBody>;

export const UpdateSeriesBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  nextNumber: z.number().int().min(1).max(9_999_999_999).optional(),
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type UpdateSeriesBody = z.infer<typeof UpdateSeriesBody>;
