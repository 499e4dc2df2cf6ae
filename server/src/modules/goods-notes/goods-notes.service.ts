/**
 * Goods delivery notes (стокова разписка, issue 13 items 3 and 5; ADR 0024): a numbered non-tax sale document built
 * in one transaction from a ready or delivered order's lines the customer pays, both parties' requisites copied as
 * they stand that day, the order marked billed (once only, whatever the document). An order whose customer pays
 * nothing (a warranty or contract repair) is closed with a handover of zero value listing what was done. The
 * Bulgarian rendering is stored right after with its SHA-256, as an invoice's (INV-15).
 */
import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/database';
import { type DocumentKind, postDraft } from '../../db/document-lifecycle';
import { nowIso } from '../../db/sql';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PageOf } from '../../kernel/list-query';
import { toSearchText } from '../../kernel/search-text';
import { computeVat } from '../../kernel/vat';
import { type AuditAction, type AuditChange, type AuditEntity, recordAudit } from '../audit';
import { findUserSummary } from '../auth';
import { getCompanySettings, getLockDate, rateOfKind, vatRatesOn } from '../company';
import { takeNumber } from '../numbering';
import { lineNetCents, lockBillableOrder, markOrderBilled, readLines } from '../orders';
import { getPartyRequisites } from '../parties';
import { requisitesOf } from '../sales';
import * as repo from './goods-notes.repository';
import type {
  GoodsNote,
  GoodsNoteFromOrderBody,
  GoodsNoteListItem,
  GoodsNoteListQuery,
} from './goods-notes.schema';

/** The first day of the euro (EUR-03): a note dated from it is in EUR, before it in BGN. */
const EURO_DAY = '2026-01-01';

type LineRow = Awaited<ReturnType<typeof repo.linesOf>>[number];

/**
 * The goods note as a kind of numbered document (ADR 8): drafted and posted in the one transaction that closes the
 * order, numbered last in the goods note series; never reversed (the order's closing is final).
 */
export const GOODS_NOTE_KIND: DocumentKind<repo.NoteHeaderRow> = {
  table: 'goods_note',
  entity: 'goods_note' satisfies AuditEntity,
  actions: { post: 'goods_note.create' satisfies AuditAction },
  takeNumber: (trx) => takeNumber(trx, 'goods_delivery_note'),
  audit: (trx, actor, changes) => recordAudit(trx, actor, changes as AuditChange[]),
  lockDate: getLockDate,
};

function toListItem(r: repo.NoteRow): GoodsNoteListItem {
  return {
    id: r.id,
    number: r.number ?? '',
    // A note is drafted and posted in one transaction: only posted ones are ever read.
    status: 'issued',
    documentDate: String(r.document_date),
    currency: r.currency,
    partyId: r.party_id,
    recipientName: r.recipient_name,
    orderId: r.order_id,
    orderNumber: r.order_number ?? null,
    zeroValue: Boolean(r.zero_value),
    netCents: Number(r.net_cents),
    vatCents: Number(r.vat_cents),
    totalCents: Number(r.total_cents),
    createdAt: String(r.created_at),
  };
}

function toNote(r: repo.NoteRow, lines: LineRow[], pdfSha256: string | null): GoodsNote {
  return {
    ...toListItem(r),
    supplier: {
      name: r.supplier_name,
      uic: r.supplier_uic,
      vatNumber: r.supplier_vat_number,
      address: r.supplier_address,
      mol: r.supplier_mol,
    },
    recipient: {
      name: r.recipient_name,
      uic: r.recipient_uic,
      vatNumber: r.recipient_vat_number,
      address: r.recipient_address,
      mol: r.recipient_mol,
    },
    receivedBy: r.received_by,
    issuedByName: r.issued_by_name,
    notes: r.notes,
    pdfSha256,
    lines: lines.map((l) => ({
      position: l.position,
      description: l.description,
      quantityMilli: Number(l.quantity_milli),
      unit: l.unit,
      payer: l.payer,
      unitPriceCents: Number(l.unit_price_cents),
      discountBp: l.discount_bp,
      vatRateBp: l.vat_rate_bp,
      netCents: Number(l.net_cents),
    })),
  };
}

export async function getGoodsNote(db: Executor, id: string): Promise<GoodsNote> {
  const row = await repo.findNote(db, id);
  if (!row) throw notFound('goods_note');
  return toNote(row, await repo.linesOf(db, id), await repo.findRenderingHash(db, id));
}

export async function listGoodsNotes(
  db: Executor,
  q: GoodsNoteListQuery,
): Promise<PageOf<GoodsNoteListItem>> {
  const { rows, total } = await repo.listNotes(db, q);
  return { items: rows.map(toListItem), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Closes a ready or delivered order with a goods delivery note: the lines the customer pays, or — when the customer
 * pays nothing (every line a warranty or contract one) — a handover of zero value listing every line at price 0. The
 * number is taken last, inside the transaction that marks the order billed: a refusal writes nothing, takes none.
 */
export async function goodsNoteFromOrder(
  db: Db,
  actor: Actor,
  body: GoodsNoteFromOrderBody,
): Promise<GoodsNote> {
  const id = await db.transaction().execute(async (trx) => {
    const date = body.documentDate ?? todayDate();
    const today = todayDate();
    if (date > today)
      throw new DomainError('invalid', 'date_in_future', { field: 'documentDate', params: { today } });
    const order = await lockBillableOrder(trx, body.orderId);
    const all = (await readLines(trx, order.id)).filter((l) => (l.usedQuantityMilli ?? l.quantityMilli) > 0);
    // ADR 0042: a line of a kind takes the kind's rate valid on the note's date.
    const rates = await vatRatesOn(trx, date);
    const priced = all.map((l) => {
      const quantityMilli = l.usedQuantityMilli ?? l.quantityMilli;
      const customer = l.payer === 'customer';
      const unitPriceCents = customer ? l.unitPriceCents : 0;
      const discountBp = customer ? l.discountBp : 0;
      return {
        line: l,
        vatRateBp: rateOfKind(rates, l.vatRateKind, l.vatRateBp),
        quantityMilli,
        unitPriceCents,
        discountBp,
        netCents: Number(
          lineNetCents({ quantityMilli, usedQuantityMilli: null, unitPriceCents, discountBp }),
        ),
      };
    });
    const customerLines = priced.filter((p) => p.line.payer === 'customer');
    const paid = customerLines.reduce((s, p) => s + p.netCents, 0) > 0;
    // Something to pay: the customer's lines only. Nothing to pay: a handover of zero value of all the work done.
    const lines = paid ? customerLines : priced;
    if (!lines.length)
      throw new DomainError('conflict', 'order_nothing_to_bill', {
        field: 'orderId',
        params: { number: order.number },
      });
    const company = await getCompanySettings(trx);
    const party = await getPartyRequisites(trx, order.partyId);
    // Both parties' requisites as they stand on the day, as an invoice copies them (INV-03).
    const requisites = requisitesOf(company, party, date);
    const registered = requisites.supplier_vat_registered;
    const vat = computeVat(
      lines.map((p) => ({ netCents: p.netCents, vatRateBp: p.vatRateBp })),
      { vatRegistered: registered },
    );
    const issuer = actor.userId ? await findUserSummary(trx, actor.userId) : null;
    const noteId = newId();
    const currency = date >= EURO_DAY ? 'EUR' : 'BGN';
    const now = nowIso();
    await repo.insertNote(trx, {
      id: noteId,
      series_id: null,
      number: null,
      status: 'draft',
      document_date: date,
      currency,
      party_id: order.partyId,
      order_id: order.id,
      supplier_name: requisites.supplier_name,
      supplier_uic: requisites.supplier_uic,
      supplier_vat_number: requisites.supplier_vat_number,
      supplier_address: requisites.supplier_address,
      supplier_mol: requisites.supplier_mol,
      recipient_name: requisites.recipient_name,
      recipient_uic: requisites.recipient_uic,
      recipient_vat_number: requisites.recipient_vat_number,
      recipient_address: requisites.recipient_address,
      recipient_mol: requisites.recipient_mol,
      zero_value: !paid,
      net_cents: vat.totalBaseCents,
      vat_cents: vat.totalVatCents,
      total_cents: vat.totalCents,
      received_by: body.receivedBy ?? null,
      issued_by_name: issuer?.fullName ?? null,
      notes: body.notes ?? null,
      reversal_of_id: null,
      reversed_by_id: null,
      posted_at: null,
      posted_by: null,
      created_by: actor.userId,
      search_text: toSearchText(party.name, party.uic, party.vatNumber),
      created_at: now,
      updated_at: now,
    });
    await repo.insertLines(
      trx,
      lines.map((p, i) => ({
        id: newId(),
        note_id: noteId,
        position: i + 1,
        description: p.line.description,
        quantity_milli: p.quantityMilli,
        unit: p.line.unit,
        payer: p.line.payer,
        unit_price_cents: p.unitPriceCents,
        discount_bp: p.discountBp,
        vat_rate_bp: p.vatRateBp,
        net_cents: p.netCents,
        order_line_id: p.line.id,
      })),
    );
    // Posted in the transaction that marks the order billed: a refusal (a closed period) writes nothing, takes no number.
    await postDraft(trx, GOODS_NOTE_KIND, actor, noteId, async () => ({
      at: now,
      audit: { order: order.number, totalCents: Number(vat.totalCents), currency, zeroValue: !paid },
    }));
    await markOrderBilled(trx, order.id, noteId, 'goods_note');
    return noteId;
  });
  await keepRendering(db, id);
  return getGoodsNote(db, id);
}

// ---------------------------------------------------------------- the stored rendering (as INV-15)

type Renderer = (db: Executor, id: string, language: 'bg' | 'bg_en') => Promise<Buffer>;
let renderer: Renderer | null = null;

/** The PDF layout registers itself here (goods-notes.pdf.ts imports this file, not the other way round). */
export function registerGoodsNoteRenderer(render: Renderer): void {
  renderer = render;
}

async function storeRendering(db: Db, id: string, language: 'bg' | 'bg_en') {
  if (!renderer) throw new Error('The goods note renderer is not registered');
  const pdf = await renderer(db, id, language);
  await repo.insertRendering(db, {
    note_id: id,
    language,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    created_at: nowIso(),
  });
  const stored = await repo.findRendering(db, id, language);
  if (!stored) throw notFound('goods_note');
  return stored;
}

async function keepRendering(db: Db, id: string): Promise<void> {
  if (renderer && !(await repo.findRendering(db, id, 'bg'))) await storeRendering(db, id, 'bg');
}

/** The note's PDF: made once per language, stored unchanged with its SHA-256 and served from the store ever after. */
export async function goodsNotePdf(
  db: Db,
  id: string,
  language: 'bg' | 'bg_en',
): Promise<{ pdf: Buffer; sha256: string; number: string }> {
  const row = await repo.findNote(db, id);
  if (!row) throw notFound('goods_note');
  const stored = (await repo.findRendering(db, id, language)) ?? (await storeRendering(db, id, language));
  return { pdf: Buffer.from(stored.pdf), sha256: stored.sha256, number: row.number ?? '' };
}
