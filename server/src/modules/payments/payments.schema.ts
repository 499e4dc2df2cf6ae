/** The customer payments and receivables API's shapes (ADR 0020). */
import { z } from 'zod';
import { IsoDate } from '../../kernel/dates';
import { Id, TrimmedId } from '../../kernel/ids';
import { MAX_AMOUNT_CENTS } from '../../kernel/limits';
import { ListQueryBase, Page } from '../../kernel/list-query';
import { PaymentState } from '../../kernel/payment-state';
import { SaleReceiptStorno, STORNO_REASONS } from '../receipts/receipts.schema';

export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
const AmountCents = z.number().int().min(1).max(MAX_AMOUNT_CENTS).describe('Integer cents, more than 0');
const Reason = z.string().trim().min(1).max(500);

export const AllocationInput = z.strictObject({
  invoiceId: TrimmedId,
  amountCents: AmountCents,
});
export const AllocateBody = z.strictObject({
  allocations: z.array(AllocationInput).max(200).optional().describe('By hand: each invoice and how much'),
  oldestFirst: z
    .boolean()
    .optional()
    .describe('Instead of allocations: the unallocated amount goes to the open invoices, oldest due first'),
});
export type AllocateBody = z.infer<typeof AllocateBody>;

export const CreatePaymentBody = z.strictObject({
  partyId: TrimmedId.describe('The customer who pays'),
  accountId: TrimmedId.describe('The cash desk or bank account the money comes into'),
  method: PaymentMethod,
  date: IsoDate,
  amountCents: AmountCents,
  notes: z.string().trim().max(500).optional(),
  allocations: AllocateBody.shape.allocations,
  oldestFirst: AllocateBody.shape.oldestFirst,
});
export type CreatePaymentBody = z.infer<typeof CreatePaymentBody>;

export const UndoBody = z.strictObject({ reason: Reason });
export type UndoBody = z.infer<typeof UndoBody>;

export const WriteOffBody = z.strictObject({
  amountCents: AmountCents,
  reason: Reason,
  date: IsoDate.optional().describe('Default today'),
});
export type WriteOffBody = z.infer<typeof WriteOffBody>;

export const Allocation = z.object({
  id: z.string(),
  kind: z.enum(['payment', 'write_off']),
  paymentId: z.string().nullable(),
  paymentNumber: z.string().nullable(),
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  date: z.string(),
  amountCents: z.number().int().describe("In the payment's currency (a write-off: the invoice's)"),
  settledCents: z
    .number()
    .int()
    .describe(
      "What it settled on the invoice, in the invoice's currency: a EUR payment against a BGN invoice of 2025 settles the converted amount (EUR-05)",
    ),
  invoiceCurrency: z.string(),
  reason: z.string().nullable(),
  undone: z.boolean(),
  undoReason: z.string().nullable(),
  createdAt: z.string(),
});
export type Allocation = z.infer<typeof Allocation>;

export const Payment = z.object({
  id: z.string(),
  number: z.string().describe("The money movement's number"),
  movementId: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  method: PaymentMethod,
  date: z.string(),
  amountCents: z.number().int(),
  allocatedCents: z.number().int(),
  refundedCents: z.number().int().describe('Paid back to the customer from the advance (ADR 0029)'),
  unallocatedCents: z.number().int().describe("The customer's advance left on this payment"),
  currency: z.string(),
  notes: z.string().nullable(),
  allocations: z.array(Allocation),
  receipt: z
    .object({
      id: z.string(),
      number: z.string(),
      uniqueSaleNumber: z.string().describe('УНП (FIS-05)'),
      fiscalStatus: z.enum(['printing', 'printed', 'no_device', 'failed']),
      fiscalErrorCode: z.string().nullable(),
      fiscalErrorText: z
        .object({ bg: z.string(), en: z.string() })
        .nullable()
        .describe('The fiscal error code in words, in Bulgarian and English'),
      receiptNumber: z.string().nullable(),
      receiptDateTime: z.string().nullable(),
      fiscalMemorySerialNumber: z.string().nullable(),
      stornoableCents: z.number().int().describe('What is left to storno of it (ADR 0040)'),
      stornos: z.array(SaleReceiptStorno).describe('Its stornos printed for refunds (FIS-02, ADR 0040)'),
    })
    .nullable()
    .optional()
    .describe(
      'The fiscal receipt of a payment in cash or by card (FIS-01, ADR 0037); printed again by POST /sale-receipts/{id}/print while failed or printing. None for a bank transfer',
    ),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof Payment>;
export const PaymentListItem = Payment.omit({ allocations: true, receipt: true });
export type PaymentListItem = z.infer<typeof PaymentListItem>;
export const PaymentPage = Page(PaymentListItem);

export const PaymentListQuery = z.strictObject({
  ...ListQueryBase,
  partyId: Id.optional(),
  withAdvance: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only payments with an unallocated amount'),
});
export type PaymentListQuery = z.infer<typeof PaymentListQuery>;

export const OpenInvoice = z.object({
  id: z.string(),
  number: z.string().nullable(),
  documentDate: z.string(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  openCents: z.number().int(),
  openEurCents: z
    .number()
    .int()
    .describe('What a EUR payment settles it with: a BGN invoice’s open amount converted by EUR-01 (EUR-05)'),
  paymentState: PaymentState,
  daysOverdue: z.number().int().describe('0 when not yet due'),
});
export type OpenInvoice = z.infer<typeof OpenInvoice>;
export const OpenInvoices = z.object({
  partyId: z.string(),
  date: z.string(),
  items: z.array(OpenInvoice),
  advanceCents: z.number().int().describe('Unallocated payments of the customer'),
});
export type OpenInvoices = z.infer<typeof OpenInvoices>;
export const OpenInvoicesQuery = z.strictObject({
  partyId: Id,
  date: IsoDate.optional().describe('Overdue as on this day; default today'),
});

export const InvoiceSettlement = z.object({
  invoiceId: z.string(),
  paymentState: PaymentState.nullable(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  openCents: z.number().int(),
  allocations: z.array(Allocation),
});
export type InvoiceSettlement = z.infer<typeof InvoiceSettlement>;

export const PaymentSettings = z.object({ writeOffMaxCents: z.number().int() });
export type PaymentSettings = z.infer<typeof PaymentSettings>;
export const PaymentSettingsBody = z.strictObject({
  writeOffMaxCents: z.number().int().min(0).max(100_000),
});

// ---------------------------------------------------------------- receivables

export const AGEING_BUCKETS = ['notDue', 'd1to30', 'd31to60', 'd61to90', 'over90'] as const;
const Buckets = z.object({
  notDue: z.number().int(),
  d1to30: z.number().int(),
  d31to60: z.number().int(),
  d61to90: z.number().int(),
  over90: z.number().int(),
});
export type Buckets = z.infer<typeof Buckets>;
export const ReceivableRow = z.object({
  partyId: z.string(),
  partyName: z.string(),
  openCents: z.number().int().describe('Open invoices in EUR (BGN ones converted at 1.95583, EUR-01)'),
  advanceCents: z.number().int(),
  creditCents: z
    .number()
    .int()
    .describe(
      'Owed back to the customer: credit notes beyond what was left to pay, not yet refunded (ADR 0029)',
    ),
  balanceCents: z
    .number()
    .int()
    .describe(
      'invoices + debit notes − credit notes − payments − write-offs + refunds: open less advances less credit',
    ),
  overdueCents: z.number().int(),
  ageing: Buckets,
});
export type ReceivableRow = z.infer<typeof ReceivableRow>;
export const Receivables = z.object({
  date: z.string(),
  items: z.array(ReceivableRow),
  totals: Buckets.extend({
    openCents: z.number().int(),
    advanceCents: z.number().int(),
    creditCents: z.number().int(),
    balanceCents: z.number().int(),
    overdueCents: z.number().int(),
  }),
});
export type Receivables = z.infer<typeof Receivables>;
export const ReceivablesQuery = z.strictObject({
  date: IsoDate.optional().describe('Ageing as on this day; default today'),
  overdueOnly: z.enum(['true', 'false']).optional(),
});

// ---------------------------------------------------------------- refunds (ADR 0029)

export const RefundAllocationInput = z.strictObject({
  creditNoteId: TrimmedId.optional().describe('The credit note the money goes back for'),
  paymentId: TrimmedId.optional().describe('Or: the payment whose unused advance is paid back'),
  amountCents: AmountCents,
});
export const StornoReceiptInput = z.strictObject({
  receiptNumber: z.string().trim().min(1).max(40),
  receiptDateTime: z.string().trim().min(1).max(40),
});
export const CreateRefundBody = z.strictObject({
  partyId: TrimmedId.describe('The customer paid back'),
  accountId: TrimmedId.describe('The cash desk or bank account the money goes out of'),
  method: PaymentMethod,
  date: IsoDate,
  notes: z.string().trim().max(500).optional(),
  allocations: z
    .array(RefundAllocationInput)
    .min(1)
    .max(200)
    .describe('What is paid back: the refund is their sum'),
  storno: z
    .strictObject({
      receiptId: TrimmedId.describe("The customer payment's fiscal receipt the money goes back against"),
      reason: z.enum(STORNO_REASONS).describe('operator-error, refund or taxbase-reduction'),
    })
    .optional()
    .describe(
      "FIS-02 (ADR 0040): a cash or card refund stornoes a payment's receipt: printed after the commit with the original's four fields and УНП",
    ),
  stornoReceipt: StornoReceiptInput.optional().describe(
    "A storno printed elsewhere (FIS-02, ADR 0029): for a cash or card refund with a device configured and no payment's receipt to storno",
  ),
});
export type CreateRefundBody = z.infer<typeof CreateRefundBody>;
export const UndoRefundBody = z.strictObject({
  reason: Reason,
  date: IsoDate.optional().describe('Day of the reversing movement; default today'),
});
export type UndoRefundBody = z.infer<typeof UndoRefundBody>;

export const RefundAllocation = z.object({
  id: z.string(),
  creditNoteId: z.string().nullable(),
  creditNoteNumber: z.string().nullable(),
  paymentId: z.string().nullable(),
  paymentNumber: z.string().nullable(),
  amountCents: z.number().int(),
  settledCents: z
    .number()
    .int()
    .nullable()
    .describe(
      "EUR-06: what it paid back of the BGN invoice's owed-back amount, in BGN; null in one currency",
    ),
  roundingCents: z.number().int().nullable().describe('EUR-06: the booked rounding difference, in BGN'),
});
export const Refund = z.object({
  id: z.string(),
  number: z.string().describe("The money movement's number"),
  movementId: z.string(),
  partyId: z.string(),
  partyName: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  method: PaymentMethod,
  date: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  notes: z.string().nullable(),
  stornoReceiptNumber: z.string().nullable(),
  stornoReceiptDateTime: z.string().nullable(),
  undone: z.boolean(),
  undoReason: z.string().nullable(),
  reversalNumber: z.string().nullable(),
  allocations: z.array(RefundAllocation),
  stornos: z.array(SaleReceiptStorno).describe("The payments' receipts it stornoed (FIS-02, ADR 0040)"),
  createdAt: z.string(),
});
export type Refund = z.infer<typeof Refund>;
export const RefundPage = Page(Refund);
export const RefundListQuery = z.strictObject({
  ...ListQueryBase,
  partyId: Id.optional(),
  creditNoteId: Id.optional(),
  paymentId: Id.optional().describe("Only refunds of this payment's advance"),
});
export type RefundListQuery = z.infer<typeof RefundListQuery>;

export const Refundable = z.object({
  partyId: z.string(),
  creditNotes: z.array(
    z.object({
      id: z.string(),
      number: z.string().nullable(),
      documentDate: z.string(),
      invoiceId: z.string(),
      invoiceNumber: z.string().nullable(),
      currency: z.string().describe("The note's (EUR)"),
      invoiceCurrency: z.string().describe('BGN: a 2026 EUR note on a 2025 BGN invoice (EUR-06)'),
      totalCents: z.number().int(),
      refundedCents: z.number().int(),
      refundableCents: z.number().int().describe('What may be paid back on it now, in EUR'),
      receiptIds: z
        .array(z.string())
        .describe('The receipts of the payments that paid its invoice, with something left to storno'),
    }),
  ),
  advances: z.array(
    z.object({
      paymentId: z.string(),
      number: z.string(),
      date: z.string(),
      refundableCents: z.number().int(),
      accountId: z
        .string()
        .describe('The cash desk or bank account it was paid into: where a refund goes out of first'),
      method: PaymentMethod,
      receiptId: z.string().nullable().describe("The payment's receipt, if something is left to storno"),
    }),
  ),
  receipts: z
    .array(
      z.object({
        id: z.string(),
        number: z.string(),
        paymentId: z.string(),
        date: z.string(),
        method: z.enum(['cash', 'card']),
        fiscalStatus: z.enum(['printing', 'printed', 'no_device', 'failed']),
        currency: z.string(),
        totalCents: z.number().int(),
        leftCents: z.number().int().describe('What is left to storno'),
      }),
    )
    .describe("The customer's payments' receipts a cash or card refund can storno (FIS-02)"),
  totalCents: z.number().int(),
});
export type Refundable = z.infer<typeof Refundable>;
export const RefundableQuery = z.strictObject({ partyId: Id });

// ---------------------------------------------------------------- bank statement import (ADR 0023)

export const BANK_COLUMNS = [
  'date',
  'amount',
  'credit',
  'debit',
  'name',
  'iban',
  'eik',
  'description',
] as const;
export type BankColumn = (typeof BANK_COLUMNS)[number];
const HeaderName = z.string().trim().min(1).max(200);
export const BankColumnMap = z
  .strictObject({
    date: HeaderName.optional(),
    amount: HeaderName.optional().describe('A signed amount: incoming positive, outgoing negative'),
    credit: HeaderName.optional().describe('Instead of amount: the incoming column'),
    debit: HeaderName.optional().describe('Instead of amount: the outgoing column'),
    name: HeaderName.optional(),
    iban: HeaderName.optional(),
    eik: HeaderName.optional(),
    description: HeaderName.optional(),
  })
  .describe("The file's header for each column, where the file's headers are not the usual ones");
export type BankColumnMap = z.infer<typeof BankColumnMap>;

/** About 1.5 MB of statement file, base64. */
const StatementFile = z
  .string()
  .min(1)
  .max(2_000_000)
  .refine((s) => /^[A-Za-z0-9+/=\s]+$/.test(s), { params: { code: 'invalid_base64' } })
  .describe(
    'The statement file as the bank exports it (CSV: UTF-8 or Windows-1251; comma, semicolon or tab), base64',
  );

export const BankPreviewBody = z.strictObject({ file: StatementFile, columns: BankColumnMap.optional() });
export type BankPreviewBody = z.infer<typeof BankPreviewBody>;

export const BankImportLine = z.strictObject({
  hash: z
    .string()
    .trim()
    .max(64)
    .refine((s) => /^[0-9a-f]{64}$/.test(s), { params: { code: 'invalid_value' } }),
  partyId: TrimmedId.describe('The customer who paid'),
  invoiceId: TrimmedId.optional().describe(
    'The invoice the whole amount goes to; without it: oldest due first',
  ),
});
export const BankImportBody = z.strictObject({
  file: StatementFile,
  columns: BankColumnMap.optional(),
  lines: z.array(BankImportLine).min(1).max(500),
});
export type BankImportBody = z.infer<typeof BankImportBody>;

export const BankLineMatch = z.object({
  kind: z.enum(['invoice', 'customer', 'none']),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
  invoiceId: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  openCents: z.number().int().describe("The invoice's open amount, or the customer's open invoices together"),
});
export const BankLine = z.object({
  line: z.number().int().describe('The line in the file (the header is line 1)'),
  hash: z
    .string()
    .describe('Identifies the line in the account: the same line uploaded again has the same hash'),
  status: z.enum(['new', 'imported', 'outgoing', 'invalid']),
  error: z.string().nullable().describe('invalid: the error code (bank_line_date, bank_line_amount)'),
  date: z.string().nullable(),
  amountCents: z.number().int().describe('Incoming positive, outgoing negative'),
  counterparty: z.string(),
  iban: z.string(),
  eik: z.string(),
  description: z.string(),
  match: BankLineMatch,
  paymentId: z.string().nullable().describe('imported: the payment it became'),
});
export type BankLine = z.infer<typeof BankLine>;
export const BankPreview = z.object({
  accountId: z.string(),
  encoding: z.string(),
  header: z.array(z.string()),
  columns: z.record(z.string(), z.string()).describe('The header found for each column'),
  lines: z.array(BankLine),
});
export type BankPreview = z.infer<typeof BankPreview>;
export const BankImportResult = z.object({
  imported: z.number().int(),
  payments: z.array(z.object({ hash: z.string(), paymentId: z.string(), number: z.string() })),
});
