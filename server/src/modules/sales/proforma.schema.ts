/**
 * The proforma invoices' API shapes (проформа фактура, INV-13; ADR 0025): made by hand or from a service order's
 * lines the customer pays, numbered in the proforma series at once, converted once into an invoice.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';
import { MAX_LINES } from '../../kernel/limits';
import { ListQueryBase, Page } from '../../kernel/list-query';
import {
  Currency,
  DocumentParties,
  DocumentRef,
  InvoiceLine,
  InvoiceLineInput,
  InvoiceVatByRate,
  PaymentMethod,
} from './sales.schema';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : s === undefined ? undefined : null));

export const PROFORMA_STATUSES = ['issued', 'converted', 'cancelled'] as const;
export const ProformaStatus = z.enum(PROFORMA_STATUSES);
export type ProformaStatus = z.infer<typeof ProformaStatus>;

const Fields = {
  documentDate: IsoDate.optional().describe(
    'Issue date; today when not given. It fixes the currency (EUR-04)',
  ),
  paymentMethod: PaymentMethod.default('bank_transfer'),
  validUntil: IsoDate.nullish().describe('The last day the offer stands (валидна до)'),
  noVatReason: optionalText(300).describe('For a company not registered for VAT (INV-10)'),
  notes: optionalText(2000),
  seriesId: TrimmedId.optional().describe('The proforma series; the default one when not given'),
};

export const CreateProformaBody = z.strictObject({
  partyId: TrimmedId,
  ...Fields,
  lines: z.array(InvoiceLineInput).min(1).max(MAX_LINES),
});
export type CreateProformaBody = z.infer<typeof CreateProformaBody>;

export const ProformaFromOrderBody = z.strictObject({
  orderId: TrimmedId,
  ...Fields,
});
export type ProformaFromOrderBody = z.infer<typeof ProformaFromOrderBody>;

export const ConvertProformaBody = z.strictObject({
  documentDate: IsoDate.optional().describe('The invoice’s issue date; today when not given'),
  taxEventDate: IsoDate.optional().describe('The invoice’s tax event date; its issue date when not given'),
  paymentMethod: PaymentMethod.optional().describe('The proforma’s when not given'),
  dueDate: IsoDate.nullish(),
  receivedBy: optionalText(200),
  seriesId: TrimmedId.optional().describe('The invoice series; the default one when not given'),
  withoutPersonalId: z
    .boolean()
    .optional()
    .describe(
      'Invoice a natural person without ЕГН/ЛНЧ, confirmed by the issuer (INV-16), as issuing takes it: without it such a conversion is 400 personal_id_required; printed on the invoice and audited',
    ),
});
export type ConvertProformaBody = z.infer<typeof ConvertProformaBody>;

export const CancelProformaBody = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});
export type CancelProformaBody = z.infer<typeof CancelProformaBody>;

const HeaderFields = {
  id: z.string(),
  number: z.string().describe('10 digits of the proforma series'),
  status: ProformaStatus,
  documentDate: z.string(),
  currency: Currency,
  partyId: z.string(),
  recipientName: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  paymentMethod: PaymentMethod,
  validUntil: z.string().nullable(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  invoiceId: z.string().nullable().describe('The invoice it was converted into'),
  createdAt: z.string(),
};

export const ProformaListItem = z.object(HeaderFields);
export type ProformaListItem = z.infer<typeof ProformaListItem>;
export const ProformaPage = Page(ProformaListItem);

export const ProformaDetail = z.object({
  ...HeaderFields,
  ...DocumentParties,
  noVatReason: z.string().nullable(),
  issuedByName: z.string().nullable(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  invoice: DocumentRef.nullable().describe('The invoice it was converted into: its number and date'),
  lines: z.array(InvoiceLine),
  vatByRate: z.array(InvoiceVatByRate),
});
export type ProformaDetail = z.infer<typeof ProformaDetail>;

export const PROFORMA_SORTS = ['number', 'documentDate', 'recipientName', 'totalCents', 'createdAt'] as const;

export const ProformaListQuery = z.strictObject({
  ...ListQueryBase,
  status: ProformaStatus.optional(),
  partyId: TrimmedId.optional(),
  orderId: TrimmedId.optional(),
});
export type ProformaListQuery = z.infer<typeof ProformaListQuery>;
