/**
 * Customer payments and receivables (issue 13, items 6 and 8; ADR 0020): payments into a cash desk or bank
 * account allocated to invoices, undoing an allocation, writing off a small difference, an invoice's payments, a
 * customer's open invoices, the write-off limit, and the receivables with their ageing (JSON and CSV).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import type { CsvColumn } from '../../kernel/csv-cell';
import { IsoDate } from '../../kernel/dates';
import { IdParams } from '../../kernel/ids';
import { cents, toDecimalString } from '../../kernel/money';
import { sendPdf } from '../../pdf';
import { importBankStatement, previewBankStatement } from './payments.bank';
import { registerPaymentHooks } from './payments.hooks';
import { statementPdf } from './payments.pdf';
import {
  AllocateBody,
  BankImportBody,
  BankImportResult,
  BankPreview,
  BankPreviewBody,
  CreatePaymentBody,
  CreateRefundBody,
  InvoiceSettlement,
  OpenInvoices,
  OpenInvoicesQuery,
  Payment,
  PaymentListQuery,
  PaymentPage,
  PaymentSettings,
  PaymentSettingsBody,
  type ReceivableRow,
  Receivables,
  ReceivablesQuery,
  Refund,
  Refundable,
  RefundableQuery,
  RefundListQuery,
  RefundPage,
  UndoBody,
  UndoRefundBody,
  WriteOffBody,
} from './payments.schema';
import * as payments from './payments.service';
import { receivables } from './receivables.service';
import * as refunds from './refunds.service';

const money = (c: number) => toDecimalString(cents(c));
const AGEING_CSV: CsvColumn<ReceivableRow>[] = [
  { header: 'customer', value: (r) => r.partyName },
  { header: 'not_due', value: (r) => money(r.ageing.notDue) },
  { header: 'overdue_1_30', value: (r) => money(r.ageing.d1to30) },
  { header: 'overdue_31_60', value: (r) => money(r.ageing.d31to60) },
  { header: 'overdue_61_90', value: (r) => money(r.ageing.d61to90) },
  { header: 'overdue_over_90', value: (r) => money(r.ageing.over90) },
  { header: 'open', value: (r) => money(r.openCents) },
  { header: 'advance', value: (r) => money(r.advanceCents) },
  { header: 'credit', value: (r) => money(r.creditCents) },
  { header: 'balance', value: (r) => money(r.balanceCents) },
];

export async function paymentsRoutes(app: FastifyInstance) {
  registerPaymentHooks();
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['payments and receivables'];

  r.get(
    '/api/v1/payments',
    {
      schema: {
        tags,
        summary: "Customers' payments, newest first; filter by customer, or those with an advance left",
        querystring: PaymentListQuery,
        response: { 200: PaymentPage },
      },
    },
    async (req) => payments.listPayments(db, req.query),
  );
  r.post(
    '/api/v1/money-accounts/:id/bank-statement/preview',
    {
      // A statement of up to about 1.5 MB as base64 in JSON.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'A bank statement (CSV) read against a bank account: each line with its proposed match (an invoice by number and amount, else the customer by ЕИК or name) and whether it is already imported; writes nothing',
        params: IdParams,
        body: BankPreviewBody,
        response: { 200: BankPreview },
      },
    },
    async (req) => previewBankStatement(db, req.params.id, req.body),
  );
  r.post(
    '/api/v1/money-accounts/:id/bank-statement/import',
    {
      // A statement of up to about 1.5 MB as base64 in JSON.
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import the confirmed incoming lines of a bank statement: each becomes a bank transfer payment allocated as chosen; all or nothing; a line is never imported twice',
        params: IdParams,
        body: BankImportBody,
        response: { 201: BankImportResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await importBankStatement(db, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/payments/open-invoices',
    {
      schema: {
        tags,
        summary: "A customer's issued invoices with money open, oldest due first, and the customer's advance",
        querystring: OpenInvoicesQuery,
        response: { 200: OpenInvoices },
      },
    },
    async (req) => payments.openInvoices(db, req.query.partyId, req.query.date),
  );
  r.get(
    '/api/v1/payments/:id',
    {
      schema: {
        tags,
        summary: 'A payment with its allocations',
        params: IdParams,
        response: { 200: Payment },
      },
    },
    async (req) => payments.getPayment(db, req.params.id),
  );
  r.post(
    '/api/v1/payments',
    {
      schema: {
        tags,
        summary:
          'A customer payment (cash, card, bank transfer) into a cash desk or bank account, allocated by hand or oldest first; the rest is an advance',
        body: CreatePaymentBody,
        response: { 201: Payment },
      },
    },
    async (req, reply) => reply.status(201).send(await payments.createPayment(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/payments/:id/allocations',
    {
      schema: {
        tags,
        summary: "Allocate more of a payment's unallocated amount, by hand or oldest first",
        params: IdParams,
        body: AllocateBody,
        response: { 200: Payment },
      },
    },
    async (req) => payments.allocatePayment(db, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/v1/payment-allocations/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo an allocation or a write-off, with a reason (kept, marked undone)',
        params: IdParams,
        body: UndoBody,
      },
    },
    async (req, reply) => {
      await payments.undoAllocation(db, actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  r.get(
    '/api/v1/invoices/:id/payments',
    {
      schema: {
        tags,
        summary: "An invoice's derived payment state, paid and open amounts, and its allocations",
        params: IdParams,
        response: { 200: InvoiceSettlement },
      },
    },
    async (req) => payments.invoiceSettlement(db, req.params.id),
  );
  r.post(
    '/api/v1/invoices/:id/write-off',
    {
      schema: {
        tags,
        summary:
          "Write off a small open difference of an issued invoice with a reason (up to the setting's limit)",
        params: IdParams,
        body: WriteOffBody,
        response: { 200: InvoiceSettlement },
      },
    },
    async (req) => payments.writeOff(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/refunds',
    {
      schema: {
        tags,
        summary: 'Money paid back to customers, newest first; filter by customer or credit note',
        querystring: RefundListQuery,
        response: { 200: RefundPage },
      },
    },
    async (req) => refunds.listRefunds(db, req.query),
  );
  r.get(
    '/api/v1/refunds/refundable',
    {
      schema: {
        tags,
        summary:
          'What a customer may be paid back now: credit notes on paid invoices and unused advances (ADR 0029)',
        querystring: RefundableQuery,
        response: { 200: Refundable },
      },
    },
    async (req) => refunds.refundable(db, req.query.partyId),
  );
  r.get(
    '/api/v1/refunds/:id',
    {
      schema: {
        tags,
        summary: 'A refund with what it paid back',
        params: IdParams,
        response: { 200: Refund },
      },
    },
    async (req) => refunds.getRefund(db, req.params.id),
  );
  r.post(
    '/api/v1/refunds',
    {
      schema: {
        tags,
        summary:
          'Pay money back to a customer from a cash desk or bank account against credit notes or an unused advance',
        body: CreateRefundBody,
        response: { 201: Refund },
      },
    },
    async (req, reply) => reply.status(201).send(await refunds.createRefund(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/refunds/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a refund with a reason: its money movement is reversed, the refund kept and marked',
        params: IdParams,
        body: UndoRefundBody,
        response: { 200: Refund },
      },
    },
    async (req) => refunds.undoRefund(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/payment-settings',
    {
      schema: {
        tags,
        summary: 'The largest difference that may be written off',
        response: { 200: PaymentSettings },
      },
    },
    async () => payments.getSettings(db),
  );
  r.put(
    '/api/v1/payment-settings',
    {
      schema: {
        tags,
        summary: 'Set the largest difference that may be written off',
        body: PaymentSettingsBody,
        response: { 200: PaymentSettings },
      },
    },
    async (req) => payments.saveSettings(db, actorOf(req), req.body),
  );
  r.get(
    '/api/v1/receivables',
    {
      schema: {
        tags,
        summary:
          "Each customer's open invoices, advances, balance and ageing on a day; overdueOnly for the overdue list",
        querystring: ReceivablesQuery,
        response: { 200: Receivables },
      },
    },
    async (req) => receivables(db, req.query),
  );
  r.get(
    '/api/v1/receivables/:id/statement/pdf',
    {
      schema: {
        tags,
        summary: "A customer's statement on a day (invoices, payments, balance) as a PDF, bg or bg_en",
        params: IdParams,
        querystring: z.strictObject({
          date: IsoDate.optional().describe('Default today'),
          language: z.enum(['bg', 'bg_en']).optional(),
        }),
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await statementPdf(
        db,
        req.params.id,
        req.query.date,
        req.query.language ?? 'bg',
      );
      return sendPdf(reply, filename, pdf, { inline: true });
    },
  );
  r.get(
    '/api/v1/receivables/ageing.csv',
    { schema: { tags, summary: 'The ageing on a day as CSV', querystring: ReceivablesQuery } },
    async (req, reply) => sendCsv(reply, 'ageing.csv', AGEING_CSV, (await receivables(db, req.query)).items),
  );
}
