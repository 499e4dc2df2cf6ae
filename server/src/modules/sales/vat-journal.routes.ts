/**
 * The VAT sales journal (issue 13 item 9; ADR 21) under /api/v1/vat: the month on screen (JSON) or as CSV, and
 * PRODAGBI.TXT for NAP's VAT return software. One rule (VAT_JOURNAL_READ) for all three.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendCsv } from '../../http/csv';
import type { CsvColumn } from '../../kernel/csv-cell';
import { cents, toDecimalString } from '../../kernel/money';
import { JournalQuery, type JournalRow, SalesJournal } from './vat-journal.schema';
import { salesJournal, salesJournalFile } from './vat-journal.service';

const money = (c: number) => toDecimalString(cents(c));

/** The CSV's columns: the journal's, each header naming its NAP field, and the period's currency (EUR-08). */
const journalCsv = (currency: string): CsvColumn<JournalRow>[] => [
  { header: 'seq (02-03)', value: (r) => r.seq },
  { header: 'doc_type (02-04)', value: (r) => r.docType },
  { header: 'number (02-05)', value: (r) => r.number },
  { header: 'date (02-06)', value: (r) => r.documentDate },
  { header: 'recipient_id (02-07)', value: (r) => r.recipientId },
  { header: 'recipient (02-08)', value: (r) => r.recipientName },
  { header: 'description (02-09)', value: (r) => r.description },
  { header: 'cancelled', value: (r) => r.cancelled },
  { header: 'total_base (02-10)', value: (r) => money(r.cells.totalBaseCents) },
  { header: 'total_vat (02-20)', value: (r) => money(r.cells.totalVatCents) },
  { header: 'base_20 (02-11)', value: (r) => money(r.cells.base20Cents) },
  { header: 'vat_20 (02-21)', value: (r) => money(r.cells.vat20Cents) },
  { header: 'base_9 (02-13)', value: (r) => money(r.cells.base9Cents) },
  { header: 'vat_9 (02-24)', value: (r) => money(r.cells.vat9Cents) },
  { header: 'base_0_chapter3 (02-14)', value: (r) => money(r.cells.base0Cents) },
  { header: 'base_0_intra_eu (02-15)', value: (r) => money(r.cells.base0IntraEuCents) },
  { header: 'base_0_art140_146_173 (02-16)', value: (r) => money(r.cells.base0SpecialCents) },
  { header: 'services_art21_2 (02-17)', value: (r) => money(r.cells.baseServicesEuCents) },
  { header: 'exempt (02-19)', value: (r) => money(r.cells.baseExemptCents) },
  // EUR-08: a 2025 period is declared in BGN, from January 2026 in EUR; the export says which.
  { header: 'currency', value: () => currency },
];

export async function vatJournalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = ['vat'];

  r.get(
    '/api/v1/vat/sales-journal',
    {
      schema: {
        tags,
        summary: "The month's VAT sales journal (дневник за продажбите): rows and column totals, or CSV",
        querystring: JournalQuery.extend({ format: z.enum(['json', 'csv']).optional() }),
        response: { 200: SalesJournal },
      },
    },
    async (req, reply) => {
      const journal = await salesJournal(db, req.query.month);
      if (req.query.format !== 'csv') return journal;
      const total: JournalRow = {
        seq: 0,
        invoiceId: '',
        kind: 'invoice',
        docType: '',
        number: '',
        documentDate: '',
        cancelled: false,
        recipientId: '',
        recipientName: 'TOTAL',
        description: '',
        cells: journal.totals,
      };
      return sendCsv(reply, `sales-journal-${req.query.month}.csv`, journalCsv(journal.currency), [
        ...journal.rows,
        total,
      ]);
    },
  );
  r.get(
    '/api/v1/vat/sales-journal.txt',
    {
      schema: {
        tags,
        summary: "The month's PRODAGBI.TXT for NAP's VAT return software: fixed width, windows-1251, CR LF",
        querystring: JournalQuery,
      },
    },
    async (req, reply) => {
      const file = await salesJournalFile(db, req.query.month);
      return reply
        .type('text/plain; charset=windows-1251')
        .header('content-disposition', 'attachment; filename="PRODAGBI.TXT"')
        .send(file);
    },
  );
}
