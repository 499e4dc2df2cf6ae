import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/context';
import { sendCsv } from '../../http/csv';
import type { CsvColumn } from '../../kernel/csv-cell';
import { cents, toDecimalString } from '../../kernel/money';
import { sendPdf } from '../../pdf';
import { receiptPdf } from './receipts.pdf';
import {
  CounterSaleBody,
  ReceiptFilter,
  ReceiptFromOrderBody,
  ReceiptListQuery,
  ReceiptParams,
  SaleReceipt,
  type SaleReceiptListItem,
  SaleReceiptPage,
  SaleReceiptStorno,
  StornoBody,
} from './receipts.schema';
import * as receipts from './receipts.service';

const money = (c: number) => toDecimalString(cents(c));

const RECEIPT_CSV: CsvColumn<SaleReceiptListItem>[] = [
  { header: 'number', value: (r) => r.number },
  { header: 'date', value: (r) => r.documentDate },
  { header: 'status', value: (r) => r.status },
  { header: 'customer', value: (r) => r.partyName ?? '' },
  { header: 'service_order', value: (r) => r.orderNumber ?? '' },
  { header: 'payment_method', value: (r) => r.method },
  { header: 'currency', value: (r) => r.currency },
  { header: 'net', value: (r) => money(r.netCents) },
  { header: 'vat', value: (r) => money(r.vatCents) },
  { header: 'total', value: (r) => money(r.totalCents) },
  { header: 'unique_sale_number', value: (r) => r.uniqueSaleNumber },
  { header: 'fiscal_status', value: (r) => r.fiscalStatus },
  { header: 'fiscal_receipt_number', value: (r) => r.receiptNumber ?? '' },
  { header: 'storno_reason', value: (r) => r.stornoReason ?? '' },
  // The mandatory reports (FIS-05, ADR 0041): where, who and when, the discount and what is due, the invoice paid.
  { header: 'site', value: (r) => r.siteName ?? '' },
  { header: 'site_code', value: (r) => r.siteCode ?? '' },
  { header: 'workstation', value: (r) => r.workstationName ?? '' },
  { header: 'fiscal_device', value: (r) => r.deviceName ?? '' },
  { header: 'operator', value: (r) => r.operatorName ?? '' },
  { header: 'created_at', value: (r) => r.createdAt },
  { header: 'fiscal_receipt_date_time', value: (r) => r.receiptDateTime ?? '' },
  { header: 'discount', value: (r) => money(r.discountCents) },
  { header: 'due', value: (r) => money(r.totalCents) },
  { header: 'invoice', value: (r) => r.invoiceNumbers ?? '' },
];

/** Sale receipts (касова бележка, issue 13 items 3 and 4; ADR 0022). */
export async function receiptsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['sale-receipts'];

  r.get(
    '/api/v1/sale-receipts',
    {
      schema: {
        tags,
        summary:
          'Sale receipts: search (number, УНП, order, customer), filter (status, fiscal state, method, source, dates)',
        querystring: ReceiptListQuery,
        response: { 200: SaleReceiptPage },
      },
    },
    async (req) => receipts.listReceipts(db, req.query),
  );

  r.get(
    '/api/v1/sale-receipts/export.csv',
    { schema: { tags, summary: 'The sale receipts the filter matches, as CSV', querystring: ReceiptFilter } },
    async (req, reply) =>
      sendCsv(reply, 'sale-receipts.csv', RECEIPT_CSV, await receipts.exportReceipts(db, req.query)),
  );

  r.post(
    '/api/v1/sale-receipts/counter-sale',
    {
      schema: {
        tags,
        summary:
          'Sell parts over the counter without an order: a receipt, paid in cash or by card, the stock issued in the same transaction',
        body: CounterSaleBody,
        response: { 201: SaleReceipt },
      },
    },
    async (req, reply) => reply.code(201).send(await receipts.counterSale(db, actorOf(req), req.body)),
  );

  r.post(
    '/api/v1/sale-receipts/from-order',
    {
      schema: {
        tags,
        summary:
          'Close a ready order with a sale receipt: its customer lines, paid in cash or by card, printed',
        body: ReceiptFromOrderBody,
        response: { 201: SaleReceipt },
      },
    },
    async (req, reply) => reply.code(201).send(await receipts.receiptFromOrder(db, actorOf(req), req.body)),
  );

  r.get(
    '/api/v1/sale-receipts/:id',
    { schema: { tags, summary: 'A sale receipt', params: ReceiptParams, response: { 200: SaleReceipt } } },
    async (req) => receipts.getReceipt(db, req.params.id),
  );

  r.post(
    '/api/v1/sale-receipts/:id/print',
    {
      schema: {
        tags,
        summary: 'Print a receipt the device has not printed yet (the same УНП: never printed twice)',
        params: ReceiptParams,
        response: { 200: SaleReceipt },
      },
    },
    async (req) => receipts.printReceipt(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/sale-receipt-stornos/:id/print',
    {
      schema: {
        tags,
        summary:
          "Print a refund's storno the device has not printed yet (FIS-02, ADR 0040): printed or no device answers as it is, never twice",
        params: ReceiptParams,
        response: { 200: SaleReceiptStorno },
      },
    },
    async (req) => receipts.printStorno(db, actorOf(req), req.params.id),
  );

  r.post(
    '/api/v1/sale-receipts/:id/storno',
    {
      schema: {
        tags,
        summary:
          'Reverse a receipt (сторно) with its reason; the payment reversed, the order free to bill again',
        params: ReceiptParams,
        body: StornoBody,
        response: { 200: SaleReceipt },
      },
    },
    async (req) => receipts.stornoReceipt(db, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/v1/sale-receipts/:id/pdf',
    {
      schema: {
        tags,
        summary: "The customer's copy of a sale receipt as a PDF, bg or bg_en",
        params: ReceiptParams,
        querystring: z.strictObject({ language: z.enum(['bg', 'bg_en']).optional() }),
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await receiptPdf(db, req.params.id, req.query.language ?? 'bg');
      return sendPdf(reply, filename, pdf, { inline: true });
    },
  );
}
