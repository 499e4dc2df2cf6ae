/**
 * Invoices (issue 13, first slice) under /api/v1/invoices: list and CSV, read, draft, change and delete a draft,
 * issue, cancel, bill a service order in one step, and the PDF (the stored rendering once issued).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import type { CsvColumn } from '../../kernel/csv-cell';
import { IdParams } from '../../kernel/ids';
import { cents, toDecimalString } from '../../kernel/money';
import { sendPdf } from '../../pdf';
import './sales.pdf';
import {
  AdvanceInvoiceBody,
  CancelInvoiceBody,
  CreateInvoiceBody,
  CreateNoteBody,
  FromOrderBody,
  InvoiceDetail,
  InvoiceFilter,
  type InvoiceListItem,
  InvoiceListQuery,
  InvoicePage,
  PatchInvoiceBody,
  PdfQuery,
} from './sales.schema';
import * as sales from './sales.service';

const money = (c: number) => toDecimalString(cents(c));

const INVOICE_CSV: CsvColumn<InvoiceListItem>[] = [
  { header: 'number', value: (r) => r.number ?? '' },
  { header: 'kind', value: (r) => r.kind },
  { header: 'status', value: (r) => r.status },
  { header: 'issue_date', value: (r) => r.documentDate },
  { header: 'tax_event_date', value: (r) => r.taxEventDate },
  { header: 'recipient', value: (r) => r.recipientName },
  { header: 'currency', value: (r) => r.currency },
  { header: 'net', value: (r) => money(r.netCents) },
  { header: 'vat', value: (r) => money(r.vatCents) },
  { header: 'total', value: (r) => money(r.totalCents) },
  { header: 'payment_method', value: (r) => r.paymentMethod },
  { header: 'due_date', value: (r) => r.dueDate ?? '' },
  { header: 'service_order', value: (r) => r.orderNumber ?? '' },
  { header: 'payment_state', value: (r) => r.paymentState ?? '' },
  { header: 'open', value: (r) => (r.openCents === null ? '' : money(r.openCents)) },
];

const FILE_TITLE = {
  invoice: 'Фактура',
  credit_note: 'Кредитно известие',
  debit_note: 'Дебитно известие',
} as const;

export async function salesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['invoices'];

  r.get(
    '/api/v1/invoices',
    {
      schema: {
        tags,
        summary:
          'Invoices: search (number, recipient, ЕИК), filter (status, customer, order, issue dates), page',
        querystring: InvoiceListQuery,
        response: { 200: InvoicePage },
      },
    },
    async (req) => sales.listInvoices(db, req.query),
  );
  r.get(
    '/api/v1/invoices/export.csv',
    {
      schema: {
        tags,
        summary: 'The invoices the filter matches, as CSV',
        querystring: InvoiceFilter,
      },
    },
    async (req, reply) =>
      sendCsv(reply, 'invoices.csv', INVOICE_CSV, await sales.exportInvoices(db, req.query)),
  );
  r.get(
    '/api/v1/invoices/:id',
    {
      schema: {
        tags,
        summary: 'An invoice: requisites as copied, lines, VAT per rate, totals, warnings',
        params: IdParams,
        response: { 200: InvoiceDetail },
      },
    },
    async (req) => sales.getInvoice(db, req.params.id),
  );
  r.post(
    '/api/v1/invoices',
    {
      schema: {
        tags,
        summary: 'A new draft invoice for a customer (the currency is fixed by its date: EUR from 2026)',
        body: CreateInvoiceBody,
        response: { 201: InvoiceDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await sales.createInvoice(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/invoices/from-order',
    {
      schema: {
        tags,
        summary:
          'Bill a ready or delivered service order in one step: an issued invoice of the lines the customer pays; the order is marked billed (409 order_already_billed the second time)',
        body: FromOrderBody,
        response: { 201: InvoiceDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await sales.invoiceOrder(db, actorOf(req), req.body)),
  );
  r.post(
    '/api/v1/invoices/advance',
    {
      schema: {
        tags,
        summary:
          'An advance invoice (авансова фактура, INV-06): one line „Аванс по …“ with its VAT, issued at once; deducted later on the final invoice (deductAdvances)',
        body: AdvanceInvoiceBody,
        response: { 201: InvoiceDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await sales.createAdvanceInvoice(db, actorOf(req), req.body)),
  );
  r.patch(
    '/api/v1/invoices/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft (lines, when sent, replace all); an issued invoice never changes (409)',
        params: IdParams,
        body: PatchInvoiceBody,
        response: { 200: InvoiceDetail },
      },
    },
    async (req) => sales.patchInvoice(db, actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/api/v1/invoices/:id',
    {
      schema: { tags, summary: 'Delete a draft', params: IdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await sales.deleteInvoice(db, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/v1/invoices/:id/issue',
    {
      schema: {
        tags,
        summary: 'Issue a draft: every requisite checked, the next 10-digit number of its series taken',
        params: IdParams,
        response: { 200: InvoiceDetail },
      },
    },
    async (req) => sales.issueInvoice(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/v1/invoices/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an issued invoice (анулиране): it keeps its number; a reason is required',
        params: IdParams,
        body: CancelInvoiceBody,
        response: { 200: InvoiceDetail },
      },
    },
    async (req) => sales.cancelInvoice(db, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/v1/invoices/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The invoice as PDF, bg or bg_en; an issued one is served from its stored rendering',
        params: IdParams,
        querystring: PdfQuery,
      },
    },
    async (req, reply) => {
      const { pdf, sha256, number, kind } = await sales.invoicePdf(
        db,
        req.params.id,
        req.query.language ?? 'bg',
      );
      if (sha256) reply.header('x-content-sha256', sha256);
      return sendPdf(reply, `${FILE_TITLE[kind]} ${number ?? 'чернова'}.pdf`, pdf, { inline: true });
    },
  );
  for (const [path, kind, what] of [
    ['credit-note', 'credit_note', 'A credit note'],
    ['debit-note', 'debit_note', 'A debit note'],
  ] as const)
    r.post(
      `/api/v1/invoices/:id/${path}`,
      {
        schema: {
          tags,
          summary: `${what} against an issued invoice (INV-11): the same recipient, a reason, all lines (full) or the chosen ones in the invoice's currency; numbered in the invoice series; in EUR from 2026 (EUR-06)${kind === 'credit_note' ? '; more than is left of the invoice is 409 credit_exceeds_invoice' : ''}`,
          params: IdParams,
          body: CreateNoteBody,
          response: { 201: InvoiceDetail },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await sales.createNote(db, actorOf(req), req.params.id, kind, req.body)),
    );
  r.get(
    '/api/v1/invoices/:id/cancellation-protocol.pdf',
    {
      schema: {
        tags,
        summary:
          'The cancellation protocol (протокол за анулиране, INV-12) of a cancelled invoice or note, bg or bg_en',
        params: IdParams,
        querystring: PdfQuery,
      },
    },
    async (req, reply) => {
      const { pdf, number } = await sales.cancellationProtocolPdf(
        db,
        req.params.id,
        req.query.language ?? 'bg',
      );
      return sendPdf(reply, `Протокол за анулиране ${number}.pdf`, pdf, { inline: true });
    },
  );
}
