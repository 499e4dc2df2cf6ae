/**
 * The invoices API's shapes (issue 13, first slice): an invoice with its parties' requisites, lines, VAT per rate
 * and totals; the bodies that draft, change, issue, cancel and bill a service order.
 */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { TrimmedId } from '../../kernel/ids';
import { MAX_LINES, MAX_QUANTITY_MILLI, MAX_UNIT_CENTS } from '../../kernel/limits';
import { ListQueryBase, Page } from '../../kernel/list-query';
import { PaymentState } from '../../kernel/payment-state';
import { VatRateKind } from '../../kernel/vat-rate-kinds';

const Id = TrimmedId;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : s === undefined ? undefined : null));

/** As the API names them: the stored document statuses draft, posted and reversed read as draft, issued, cancelled. */
export const INVOICE_STATUSES = ['draft', 'issued', 'cancelled'] as const;
export const InvoiceStatus = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

/** What a document of the invoice series is (INV-11); the VAT journal maps them to NAP's 01, 03 and 02. */
export const INVOICE_KINDS = ['invoice', 'credit_note', 'debit_note'] as const;
export const InvoiceKind = z.enum(INVOICE_KINDS);
export type InvoiceKind = z.infer<typeof InvoiceKind>;

export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export const Currency = z.enum(['BGN', 'EUR']);

/** The legal grounds offered for a 0 % or exempt line (INV-09) and for a company outside VAT (INV-10). */
export const VAT_REASONS = [
  'чл. 113, ал. 9 ЗДДС',
  'чл. 21, ал. 2 ЗДДС – обратно начисляване',
  'чл. 28 ЗДДС – износ',
  'чл. 53 ЗДДС – вътреобщностна доставка',
  'чл. 39 ЗДДС – освободена доставка',
] as const;
/** The ground printed on an invoice of a company not registered for VAT, unless another is given (INV-10). */
export const NOT_REGISTERED_REASON = 'чл. 113, ал. 9 ЗДДС';

export const InvoiceLineInput = z.strictObject({
  description: z.string().trim().min(1).max(500),
  quantityMilli: z.number().int().min(1).max(MAX_QUANTITY_MILLI),
  unit: z.string().trim().min(1).max(20).default('бр.'),
  unitPriceCents: z.number().int().min(0).max(MAX_UNIT_CENTS).describe('Without VAT'),
  discountBp: z.number().int().min(0).max(10_000).default(0),
  vatRateBp: z.number().int().min(0).max(10_000),
  vatExempt: z.boolean().default(false).describe('Exempt or outside VAT: no VAT, a legal ground is required'),
  vatReason: optionalText(300).describe('The legal ground of a 0 % or exempt line (INV-09)'),
  vatRateKind: VatRateKind.nullish().describe(
    'The kind of rate (INV-08): the line takes the kind’s rate valid on the tax event date (GET /api/v1/vat-rates), which replaces vatRateBp and vatExempt; a 0 % or exempt kind brings its ground unless vatReason is given',
  ),
});
export type InvoiceLineInput = z.infer<typeof InvoiceLineInput>;

const DraftFields = {
  documentDate: IsoDate.optional().describe(
    'Issue date; today when not given. It fixes the currency (EUR-04)',
  ),
  taxEventDate: IsoDate.optional().describe('Tax event date; the issue date when not given'),
  currency: Currency.optional().describe('BGN up to 2025-12-31, EUR from 2026-01-01; derived from the date'),
  paymentMethod: PaymentMethod.default('cash'),
  dueDate: IsoDate.nullish(),
  receivedBy: optionalText(200),
  noVatReason: optionalText(300).describe('For a company not registered for VAT (INV-10)'),
  notes: optionalText(2000),
  seriesId: Id.optional().describe('The invoice series; the default one when not given'),
  withoutPersonalId: z
    .boolean()
    .optional()
    .describe(
      'Issue to a natural person without ЕГН/ЛНЧ, confirmed by the issuer (INV-16): printed on the invoice and audited',
    ),
};

export const CreateInvoiceBody = z.strictObject({
  partyId: Id,
  ...DraftFields,
  lines: z.array(InvoiceLineInput).max(MAX_LINES),
  deductAdvances: z
    .array(
      z.strictObject({
        invoiceId: Id,
        netCents: z.number().int().min(1).max(MAX_UNIT_CENTS),
      }),
    )
    .max(20)
    .optional()
    .describe('Advance invoices deducted on this final invoice (INV-06)'),
});
export type CreateInvoiceBody = z.infer<typeof CreateInvoiceBody>;

/** Only the fields sent change; lines, when sent, replace all of the draft's lines. */
export const PatchInvoiceBody = z
  .strictObject({
    partyId: Id,
    ...DraftFields,
    paymentMethod: PaymentMethod,
    lines: z.array(InvoiceLineInput).max(MAX_LINES),
  })
  .partial();
export type PatchInvoiceBody = z.infer<typeof PatchInvoiceBody>;

/** Advances to deduct on a final invoice (INV-06): each advance invoice and the tax base taken off it. */
export const DeductAdvances = z
  .array(
    z.strictObject({
      invoiceId: Id.describe('An issued advance invoice of the same customer'),
      netCents: z
        .number()
        .int()
        .min(1)
        .max(MAX_UNIT_CENTS)
        .describe('The tax base deducted; VAT at its rate'),
    }),
  )
  .max(20);

export const FromOrderBody = z.strictObject({
  orderId: Id,
  ...DraftFields,
  deductAdvances: DeductAdvances.optional().describe(
    'Advance invoices deducted on this final invoice (INV-06)',
  ),
});

/**
 * An advance invoice (авансова фактура, INV-06): one line „Аванс по …“ with the tax base received and its VAT
 * rate, issued at once; deducted later on the final invoice.
 */
export const AdvanceInvoiceBody = z.strictObject({
  partyId: Id,
  orderId: Id.optional().describe('The service order the advance is for'),
  description: z.string().trim().min(1).max(300).optional().describe('Printed after „Аванс по “'),
  netCents: z.number().int().min(1).max(MAX_UNIT_CENTS).describe('The tax base of the advance'),
  vatRateBp: z.number().int().min(0).max(10_000).default(2000),
  vatReason: optionalText(300),
  documentDate: IsoDate.optional(),
  taxEventDate: IsoDate.optional().describe(
    'The day the advance was received; the issue date when not given',
  ),
  paymentMethod: PaymentMethod.default('bank_transfer'),
  receivedBy: optionalText(200),
  withoutPersonalId: DraftFields.withoutPersonalId,
});
export type AdvanceInvoiceBody = z.infer<typeof AdvanceInvoiceBody>;
export type FromOrderBody = z.infer<typeof FromOrderBody>;

export const CancelInvoiceBody = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe('Why it is cancelled (анулиране), printed and audited'),
  replacedById: Id.optional().describe(
    'The issued document that replaces it, printed on the cancellation protocol (INV-12)',
  ),
});
export type CancelInvoiceBody = z.infer<typeof CancelInvoiceBody>;

/**
 * A credit or debit note against an issued invoice (INV-11): its reason, and either `full` (credit the whole
 * invoice: its lines as they are) or the chosen lines with their quantities and amounts. Dated today unless given;
 * a note dated in 2026 is in EUR, the invoice's BGN prices converted (EUR-06). `issue` issues it at once.
 */
export const CreateNoteBody = z.strictObject({
  reason: z.string().trim().min(1).max(500).describe('Why the note is issued (основание), printed on it'),
  full: z.boolean().default(false).describe("All the invoice's lines as they are (credit the whole invoice)"),
  lines: z.array(InvoiceLineInput).max(MAX_LINES).optional().describe('The lines, unless `full`'),
  documentDate: IsoDate.optional().describe('Issue date; today when not given'),
  receivedBy: optionalText(200),
  notes: optionalText(2000),
  issue: z
    .boolean()
    .default(false)
    .describe('Issue it at once (takes the next number of the invoice series)'),
});
export type CreateNoteBody = z.infer<typeof CreateNoteBody>;

export const InvoiceLine = z.object({
  id: z.string(),
  position: z.number().int(),
  description: z.string(),
  quantityMilli: z.number().int(),
  unit: z.string(),
  unitPriceCents: z.number().int(),
  discountBp: z.number().int(),
  netCents: z.number().int().describe('Tax base: round(quantity × price × (1 − discount)), rounded once'),
  vatRateBp: z.number().int(),
  vatExempt: z.boolean(),
  vatReason: z.string().nullable(),
  vatRateKind: VatRateKind.nullable()
    .optional()
    .describe('The kind of rate the line named (INV-08); null: its rate was given'),
  orderLineId: z.string().nullable(),
  deductsInvoiceId: z
    .string()
    .nullable()
    .optional()
    .describe('The advance invoice this line deducts (INV-06): its price and base are negative'),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const InvoiceVatByRate = z.object({
  vatRateBp: z.number().int(),
  vatExempt: z.boolean(),
  baseCents: z.number().int(),
  vatCents: z.number().int(),
});
export type InvoiceVatByRate = z.infer<typeof InvoiceVatByRate>;

export const InvoiceParty = z.object({
  name: z.string(),
  uic: z.string().nullable(),
  vatNumber: z.string().nullable(),
  egn: z.string().nullable().describe('ЕГН/ЛНЧ of a person (masked in lists)'),
  address: z.string().nullable(),
  mol: z.string().nullable(),
});

/** Another document of the series as a page links to it. */
export const DocumentRef = z.object({
  id: z.string(),
  kind: InvoiceKind,
  number: z.string().nullable(),
  status: InvoiceStatus,
  documentDate: z.string(),
  currency: Currency,
  totalCents: z.number().int(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

const HeaderFields = {
  id: z.string(),
  kind: InvoiceKind,
  relatedInvoiceId: z.string().nullable().describe('The invoice a note corrects'),
  number: z.string().nullable().describe('10 digits, taken at issue'),
  status: InvoiceStatus,
  documentDate: z.string(),
  taxEventDate: z.string(),
  currency: Currency,
  partyId: z.string(),
  recipientName: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  paymentMethod: PaymentMethod,
  dueDate: z.string().nullable(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
  issuedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  advance: z.boolean().describe('An advance invoice (авансова фактура, INV-06), deducted on a final invoice'),
};

/** Derived from the payments' allocations and the due date (ADR 0020), never stored; null on a draft or cancelled one. */
export { PAYMENT_STATES, PaymentState } from '../../kernel/payment-state';

const SettlementFields = {
  paymentState: PaymentState.nullable().describe(
    'unpaid, partly_paid, paid or overdue (past the due date, not paid)',
  ),
  paidCents: z
    .number()
    .int()
    .nullable()
    .describe('Allocated payments and write-offs, in the invoice currency'),
  openCents: z.number().int().nullable().describe('What is left to pay'),
};

export const InvoiceListItem = z.object({ ...HeaderFields, ...SettlementFields });
export type InvoiceListItem = z.infer<typeof InvoiceListItem>;
export const InvoicePage = Page(InvoiceListItem);

/** Both parties' requisites as copied onto a document (an invoice, a proforma) on its day (INV-03). */
export const DocumentParties = {
  supplier: InvoiceParty.extend({ bank: z.string().nullable(), vatRegistered: z.boolean() }),
  recipient: InvoiceParty.extend({ kind: z.string() }),
};
export type DocumentParties = z.infer<z.ZodObject<typeof DocumentParties>>;

export const InvoiceDetail = z.object({
  ...HeaderFields,
  ...SettlementFields,
  ...DocumentParties,
  noVatReason: z.string().nullable(),
  withoutPersonalId: z
    .boolean()
    .describe('Issued to a natural person without ЕГН/ЛНЧ on the issuer’s confirmation (INV-16)'),
  informativeTotals: z
    .object({
      currency: Currency,
      netCents: z.number().int(),
      vatCents: z.number().int(),
      totalCents: z.number().int(),
    })
    .nullable()
    .describe(
      'The totals in the other currency by EUR-01, for information only, when the company setting asks for it (EUR-03); null by default',
    ),
  receivedBy: z.string().nullable(),
  issuedByName: z.string().nullable(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  noteReason: z.string().nullable().describe('Why a note was issued'),
  relatedInvoice: DocumentRef.nullable().describe('The invoice a note corrects: its number and date'),
  correctingNotes: z.array(DocumentRef).describe('The notes issued or drafted against an invoice'),
  replacedBy: DocumentRef.nullable().describe('The document that replaces a cancelled one (INV-12)'),
  proforma: z
    .object({ id: z.string(), number: z.string(), documentDate: z.string() })
    .nullable()
    .describe('The proforma invoice it was converted from (INV-13): its number and date'),
  lines: z.array(InvoiceLine),
  vatByRate: z.array(InvoiceVatByRate),
  editable: z.boolean().describe('Only a draft changes'),
  warnings: z
    .array(z.enum(['issued_late']))
    .describe('issued_late: more than 5 days after the tax event (INV-06)'),
  pdfSha256: z.string().nullable().describe('SHA-256 of the stored rendering of the issued invoice (INV-15)'),
  updatedAt: z.string(),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

const StatusFilter = z
  .union([z.string().max(100), z.array(z.string().max(20)).max(3)])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
  .pipe(z.array(InvoiceStatus).max(3));

const KindFilter = z
  .union([z.string().max(100), z.array(z.string().max(20)).max(3)])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
  .pipe(z.array(InvoiceKind).max(3));

export const INVOICE_SORTS = ['number', 'documentDate', 'recipientName', 'totalCents', 'createdAt'] as const;

export const InvoiceListQuery = z.strictObject({
  ...ListQueryBase,
  status: StatusFilter.optional(),
  kind: KindFilter.optional().describe('invoice, credit_note, debit_note; several comma-separated'),
  relatedInvoiceId: Id.optional().describe('The notes of an invoice'),
  paymentState: PaymentState.optional().describe('Issued invoices in this derived payment state (today)'),
  partyId: Id.optional(),
  orderId: Id.optional().describe('The invoices of a service order'),
  from: IsoDate.optional().describe('Issue date from, inclusive'),
  to: IsoDate.optional().describe('Issue date to, inclusive'),
});
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>;
/** The list's filter without paging: the CSV export. */
export const InvoiceFilter = InvoiceListQuery.omit({ page: true, pageSize: true });
export type InvoiceFilter = z.infer<typeof InvoiceFilter>;

export const PdfQuery = z.strictObject({
  language: z
    .enum(['bg', 'bg_en'])
    .optional()
    .describe('bg (default) or bg_en: Bulgarian with English; never English only (INV-04)'),
});
