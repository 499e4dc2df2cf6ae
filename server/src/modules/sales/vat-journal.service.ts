/**
 * The VAT sales journal (дневник за продажбите, issue 13 item 9; ADR 21): every invoice issued in a month while the
 * company was VAT-registered, in number order, with its tax bases and VAT per journal column; a cancelled one with
 * zero amounts. On screen and as CSV (JSON rows) and as PRODAGBI.TXT, the fixed-width windows-1251 file NAP's VAT
 * return software imports.
 */
import iconv from 'iconv-lite';
import type { Executor } from '../../db/database';
import { DomainError } from '../../kernel/errors';
import { getCompanySettings } from '../company';
import { currencyOf } from './sales.rules';
import * as repo from './vat-journal.repository';
import {
  addCells,
  documentCells,
  type JournalLine,
  napDocument,
  napRecord,
  type SalesDocumentKind,
  zeroCells,
} from './vat-journal.rules';
import type { JournalRow, SalesJournal } from './vat-journal.schema';

/** The recipient's number in 02-07: VAT number, else ЕИК, else NAP's placeholder for a person without one. */
export const NO_RECIPIENT_ID = '999999999999999';

/** The month's journal: rows in number order with their columns, and the totals of every column. */
export async function salesJournal(db: Executor, month: string): Promise<SalesJournal> {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const invoices = await repo.journalInvoices(
    db,
    `${month}-01`,
    `${month}-${String(lastDay).padStart(2, '0')}`,
  );
  const lines = await repo.journalLines(
    db,
    invoices.map((i) => i.id),
  );
  const byInvoice = new Map<string, typeof lines>();
  for (const l of lines) byInvoice.set(l.invoice_id, [...(byInvoice.get(l.invoice_id) ?? []), l]);
  const company = await getCompanySettings(db);
  let totals = zeroCells();
  const rows: JournalRow[] = invoices.map((inv, i) => {
    const kind = inv.kind as SalesDocumentKind;
    const own = byInvoice.get(inv.id) ?? [];
    const cancelled = inv.status === 'reversed';
    const cells = documentCells(
      own.map(
        (l): JournalLine => ({
          netCents: Number(l.net_cents),
          vatRateBp: l.vat_rate_bp,
          vatExempt: Boolean(l.vat_exempt),
          vatReason: l.vat_reason,
        }),
      ),
      { kind, cancelled },
    );
    totals = addCells(totals, cells);
    return {
      seq: i + 1,
      invoiceId: inv.id,
      kind,
      docType: napDocument(kind).docType,
      number: inv.number ?? '',
      documentDate: inv.document_date,
      cancelled,
      recipientId: inv.recipient_vat_number ?? inv.recipient_uic ?? NO_RECIPIENT_ID,
      recipientName: inv.recipient_name,
      description: own.map((l) => l.description).join(', '),
      cells,
    };
  });
  return {
    month,
    currency: currencyOf(`${month}-01`),
    vatNumber: company.vatNumber ?? null,
    rows,
    totals,
  };
}

/**
 * PRODAGBI.TXT of the month: one fixed-width record per row, each ended by CR LF, encoded windows-1251 (a character
 * the code page lacks becomes "?"). Without the company's VAT number there is no file (409).
 */
export async function salesJournalFile(db: Executor, month: string): Promise<Buffer> {
  const journal = await salesJournal(db, month);
  if (!journal.vatNumber)
    throw new DomainError('conflict', 'company_vat_number_missing', { field: 'vatNumber', params: {} });
  const period = month.replace('-', '');
  const text = journal.rows
    .map(
      (r) =>
        `${napRecord({ ...r, vatNumber: journal.vatNumber ?? '', period, recipientId: r.recipientId })}\r\n`,
    )
    .join('');
  return iconv.encode(text, 'win1251');
}
