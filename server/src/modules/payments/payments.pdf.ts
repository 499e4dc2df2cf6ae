/**
 * The customer statement (извлечение) on a day in Bulgarian, or Bulgarian and English side by side (never English
 * only, INV-04): the customer's issued invoices with what is paid and open, their payments with the advance left,
 * the money paid back to them (ADR 0029), and the balance (invoices + debit notes − credit notes − payments −
 * write-offs + refunds), laid out by the shared PDF layout (server/src/pdf).
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import { todayDate } from '../../kernel/calendar';
import { notFound } from '../../kernel/errors';
import { bgnToEur } from '../../kernel/eur';
import { documentFormat, printedCompany, renderDocument, type TableColumn, tableBlock } from '../../pdf';
import { getCompanySettings, getLogoDataUrl } from '../company';

export type StatementLanguage = 'bg' | 'bg_en';

const BG = {
  title: 'Извлечение от сметка на клиент',
  customer: 'Клиент',
  date: 'Към дата',
  invoices: 'Фактури',
  payments: 'Плащания',
  number: 'Номер',
  issued: 'Дата',
  due: 'Падеж',
  total: 'Сума',
  paid: 'Платено',
  open: 'Остатък',
  amount: 'Сума',
  advance: 'Аванс',
  openTotal: 'Неплатени фактури',
  advanceTotal: 'Аванси',
  balance: 'Салдо',
  refunds: 'Върнати суми',
  refundsTotal: 'Върнато по кредитни известия',
  none: 'Няма.',
} as const;
const EN: Record<keyof typeof BG, string> = {
  title: 'Customer statement',
  customer: 'Customer',
  date: 'As on',
  invoices: 'Invoices',
  payments: 'Payments',
  number: 'Number',
  issued: 'Date',
  due: 'Due',
  total: 'Amount',
  paid: 'Paid',
  open: 'Open',
  amount: 'Amount',
  advance: 'Advance',
  openTotal: 'Open invoices',
  advanceTotal: 'Advances',
  balance: 'Balance',
  refunds: 'Money paid back',
  refundsTotal: 'Paid back on credit notes',
  none: 'None.',
};

interface InvoiceLine {
  number: string;
  date: string;
  due: string | null;
  currency: string;
  total: number;
  paid: number;
}
interface PaymentLine {
  number: string;
  date: string;
  amount: number;
  allocated: number;
}
interface RefundLine {
  number: string;
  date: string;
  amount: number;
  /** Of it, paid back on credit notes in their invoice's currency (the rest: advances, or a BGN invoice's netted on it, ADR 40). */
  toNotes: number;
}

/** The statement's figures on `date`: allocations and payments made after the day do not count. */
async function statementData(db: Executor, partyId: string, date: string) {
  const party = await db
    .selectFrom('party')
    .select(['id', 'name'])
    .where('id', '=', partyId)
    .executeTakeFirst();
  if (!party) throw notFound('party');
  const invoices = await db
    .selectFrom('sales_invoice as i')
    .select([
      'i.number',
      'i.document_date',
      'i.due_date',
      'i.currency',
      // A credit note lowers what is owed: it stands on the statement as a negative document.
      sql<number>`case when i.kind = 'credit_note' then -i.total_cents else i.total_cents end`.as(
        'total_cents',
      ),
      // EUR-06 (ADR 38): a EUR credit note against a BGN invoice stands applied to it: the invoice counts what the note
      // settled (in BGN) as paid, and the note leaves nothing open of its own, so the totals agree with receivables.
      // A EUR refund of what it made owed back (ADR 40) takes its settled BGN off the paid amount.
      sql<number>`case when exists (select 1 from credit_note_settlement cs where cs.note_id = i.id) then -i.total_cents else cast((select coalesce(sum(coalesce(a.settled_cents, a.amount_cents)), 0) from payment_allocation a where a.invoice_id = i.id and a.undone_at is null and a.allocation_date <= ${date}) + (select coalesce(sum(cs.settled_cents), 0) from credit_note_settlement cs inner join sales_invoice cn on cn.id = cs.note_id where cs.invoice_id = i.id and cn.status = 'posted' and cn.document_date <= ${date}) - (select coalesce(sum(ra.settled_cents), 0) from refund_allocation ra inner join customer_refund r on r.id = ra.refund_id inner join sales_invoice rn on rn.id = ra.credit_note_id where rn.related_invoice_id = i.id and ra.settled_cents is not null and r.undone_at is null and r.refund_date <= ${date}) as bigint) end`.as(
        'paid',
      ),
    ])
    .where('i.party_id', '=', partyId)
    .where('i.status', '=', 'posted')
    .where('i.document_date', '<=', date)
    .orderBy('i.document_date')
    .orderBy('i.number')
    .execute();
  const payments = await db
    .selectFrom('customer_payment as p')
    .innerJoin('money_movement as m', 'm.id', 'p.movement_id')
    .select([
      'm.number',
      'p.payment_date',
      'p.amount_cents',
      // Allocated, and paid back by refunds made up to the day: neither is the advance any more.
      sql<number>`cast((select coalesce(sum(a.amount_cents), 0) from payment_allocation a where a.payment_id = p.id and a.undone_at is null) + (select coalesce(sum(ra.amount_cents), 0) from refund_allocation ra inner join customer_refund r on r.id = ra.refund_id where ra.payment_id = p.id and r.undone_at is null and r.refund_date <= ${date}) as bigint)`.as(
        'allocated',
      ),
    ])
    .where('p.party_id', '=', partyId)
    .where('p.payment_date', '<=', date)
    .orderBy('p.payment_date')
    .orderBy('m.number')
    .execute();
  const refunds = await db
    .selectFrom('customer_refund as r')
    .innerJoin('money_movement as m', 'm.id', 'r.movement_id')
    .select([
      'm.number',
      'r.refund_date',
      'r.amount_cents',
      sql<number>`cast((select coalesce(sum(ra.amount_cents), 0) from refund_allocation ra where ra.refund_id = r.id and ra.credit_note_id is not null and ra.settled_cents is null) as bigint)`.as(
        'to_notes',
      ),
    ])
    .where('r.party_id', '=', partyId)
    .where('r.refund_date', '<=', date)
    .where('r.undone_at', 'is', null)
    .orderBy('r.refund_date')
    .orderBy('m.number')
    .execute();
  return {
    party,
    invoices: invoices.map(
      (i): InvoiceLine => ({
        number: i.number ?? '',
        date: String(i.document_date),
        due: i.due_date === null ? null : String(i.due_date),
        currency: i.currency,
        total: Number(i.total_cents),
        paid: Number(i.paid),
      }),
    ),
    payments: payments.map(
      (p): PaymentLine => ({
        number: p.number,
        date: String(p.payment_date),
        amount: Number(p.amount_cents),
        allocated: Number(p.allocated),
      }),
    ),
    refunds: refunds.map(
      (r): RefundLine => ({
        number: r.number,
        date: String(r.refund_date),
        amount: Number(r.amount_cents),
        toNotes: Number(r.to_notes),
      }),
    ),
  };
}

/** The statement's PDF and file name; 404 when there is no such customer. */
export async function statementPdf(
  db: Executor,
  partyId: string,
  date: string | undefined,
  language: StatementLanguage,
): Promise<{ filename: string; pdf: Buffer }> {
  const on = date ?? todayDate();
  const data = await statementData(db, partyId, on);
  const [company, logoDataUrl] = await Promise.all([getCompanySettings(db), getLogoDataUrl(db)]);
  const w = (k: keyof typeof BG) => (language === 'bg_en' ? `${BG[k]} / ${EN[k]}` : BG[k]);
  const f = documentFormat('bg');
  const eur = (c: number, currency: string) => f.money(c, currency);
  const invoiceCols: TableColumn<InvoiceLine>[] = [
    { header: w('number'), width: 24, value: (i) => i.number },
    { header: w('issued'), width: 20, value: (i) => f.date(i.date) },
    { header: w('due'), width: 20, value: (i) => (i.due ? f.date(i.due) : '—') },
    { header: w('total'), width: '*', align: 'right', value: (i) => eur(i.total, i.currency) },
    { header: w('paid'), width: 24, align: 'right', value: (i) => eur(i.paid, i.currency) },
    { header: w('open'), width: 24, align: 'right', value: (i) => eur(i.total - i.paid, i.currency) },
  ];
  const paymentCols: TableColumn<PaymentLine>[] = [
    { header: w('number'), width: 24, value: (p) => p.number },
    { header: w('issued'), width: 20, value: (p) => f.date(p.date) },
    { header: w('amount'), width: '*', align: 'right', value: (p) => f.money(p.amount) },
    { header: w('advance'), width: 30, align: 'right', value: (p) => f.money(p.amount - p.allocated) },
  ];
  const refundCols: TableColumn<RefundLine>[] = [
    { header: w('number'), width: 24, value: (r) => r.number },
    { header: w('issued'), width: 20, value: (r) => f.date(r.date) },
    { header: w('amount'), width: '*', align: 'right', value: (r) => f.money(r.amount) },
  ];
  // EUR-05: a statement spanning the changeover lists each BGN document as issued and counts its open amount in EUR,
  // converted per document by EUR-01.
  const openEur = data.invoices.reduce(
    (s, i) => s + (i.currency === 'BGN' ? Number(bgnToEur(i.total - i.paid)) : i.total - i.paid),
    0,
  );
  const advances = data.payments.reduce((s, p) => s + p.amount - p.allocated, 0);
  const refundedToNotes = data.refunds.reduce((s, r) => s + r.toNotes, 0);
  const pdf = await renderDocument({
    language: 'bg',
    company: printedCompany(company, { date: on, logoDataUrl }),
    title: w('title').toLocaleUpperCase('bg-BG'),
    number: '',
    date: on,
    body: [
      {
        kind: 'facts',
        rows: [
          { label: w('customer'), value: data.party.name },
          { label: w('date'), value: f.date(on) },
        ],
      },
      { kind: 'text', heading: w('invoices'), text: data.invoices.length ? '' : w('none') },
      ...(data.invoices.length ? [tableBlock(invoiceCols, data.invoices)] : []),
      { kind: 'text', heading: w('payments'), text: data.payments.length ? '' : w('none') },
      ...(data.payments.length ? [tableBlock(paymentCols, data.payments)] : []),
      ...(data.refunds.length
        ? [{ kind: 'text' as const, heading: w('refunds'), text: '' }, tableBlock(refundCols, data.refunds)]
        : []),
      {
        kind: 'totals',
        rows: [
          { label: w('openTotal'), value: f.money(openEur) },
          { label: w('advanceTotal'), value: f.money(advances) },
          ...(refundedToNotes ? [{ label: w('refundsTotal'), value: f.money(refundedToNotes) }] : []),
          { label: w('balance'), value: f.money(openEur - advances + refundedToNotes) },
        ],
      },
    ],
    signatures: [],
  });
  return { filename: `${BG.title} ${data.party.name} ${on}.pdf`, pdf };
}
