import type { Insertable, Selectable } from 'kysely';
import type { Db, Executor } from '../../db/database';
import {
  type DocumentKind,
  lockDraft,
  type Posting,
  postDraft,
  refusalDetails,
  reversePosted,
} from '../../db/document-lifecycle';
import { nowIso } from '../../db/sql';
import { updateMany } from '../../db/update-many';
import type { Actor } from '../../kernel/actor';
import { todayDate } from '../../kernel/calendar';
import { DomainError, notFound } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { parseSort } from '../../kernel/list-query';
import { allocate, cents } from '../../kernel/money';
import { toSearchText } from '../../kernel/search-text';
import { type AuditAction, type AuditChange, type AuditEntity, recordAudit } from '../audit';
import { getPartsByIds, type Part } from '../catalog';
import { getLockDate } from '../company';
import { type DocType, takeNumber } from '../numbering';
import { assertSupplierExists } from '../parties';
import { receiptLineValue, unitCostOf } from './stock.costing';
import { receiptPosted, receiptPosting } from './stock.hooks';
import { type Labels, PostingBook, type Settled } from './stock.ledger';
import * as repo from './stock.repository';
import type {
  CreateDocumentBody,
  ReverseDocumentBody,
  StockDocument,
  StockDocumentLine,
  StockDocumentListItem,
  StockDocumentType,
  UpdateDocumentBody,
} from './stock.schema';
import type { StockDocumentLineTable, StockDocumentTable } from './stock.table';
import { assertWarehouseUsable } from './stock.warehouses';

/** Each document type numbers in its own series (STK-01). */
export const SERIES_OF: Record<StockDocumentType, DocType> = {
  receipt: 'stock_receipt',
  issue: 'stock_issue',
  transfer: 'stock_transfer',
  writeoff: 'stock_writeoff',
  count: 'stock_count',
};

type DocRow = Selectable<StockDocumentTable>;

/** Stock documents on the shared lifecycle (ADR 0008): numbered per type at posting, audited, reversed by a mirror. */
export const STOCK_DOCUMENT: DocumentKind<DocRow> = {
  table: 'stock_document',
  entity: 'stock_document' satisfies AuditEntity,
  actions: {
    post: 'stock_document.post',
    reverse: 'stock_document.reverse',
  } satisfies Record<string, AuditAction>,
  takeNumber: (trx, draft) => takeNumber(trx, SERIES_OF[draft.type]),
  // The lifecycle writes only the entity and actions above, both audit names.
  audit: (trx, actor, changes) => recordAudit(trx, actor, changes as AuditChange[]),
  lockDate: getLockDate,
};

// ---------------------------------------------------------------- reading

function toLine(r: repo.LineRow): StockDocumentLine {
  return {
    id: r.id,
    lineNo: r.line_no,
    partId: r.part_id,
    partCode: r.part_code,
    partName: r.part_name,
    unit: r.part_unit,
    quantityMilli: r.quantity_milli,
    countedMilli: r.counted_milli,
    bookMilli: r.book_milli,
    differenceMilli:
      r.counted_milli !== null && r.book_milli !== null ? r.counted_milli - r.book_milli : null,
    unitCostCents: r.unit_cost_cents,
    landedCostCents: r.landed_cost_cents,
    valueCents: r.value_cents,
    serialNumbers: r.serial_numbers,
    reservationId: r.reservation_id,
    sourceLineId: r.source_line_id,
  };
}

function toListItem(r: repo.DocumentRow): StockDocumentListItem {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    number: r.number,
    documentDate: r.document_date,
    warehouseId: r.warehouse_id,
    warehouseCode: r.warehouse_code,
    warehouseName: r.warehouse_name,
    toWarehouseId: r.to_warehouse_id,
    toWarehouseCode: r.to_warehouse_code ?? null,
    toWarehouseName: r.to_warehouse_name ?? null,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name ?? null,
    supplierDocNumber: r.supplier_doc_number,
    supplierDocDate: r.supplier_doc_date,
    reason: r.reason,
    sourceType: r.source_type,
    sourceId: r.source_id,
    landedCostCents: r.landed_cost_cents,
    totalValueCents: r.total_value_cents,
    notes: r.notes,
    reversalOfId: r.reversal_of_id,
    reversedById: r.reversed_by_id,
    postedAt: r.posted_at,
    postedBy: r.posted_by,
    postedByName: r.posted_by_name ?? null,
    createdBy: r.created_by,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lineCount: Number(r.line_count ?? 0),
  };
}

/** A document with its lines; 404 not_found when there is none. */
export async function getDocument(db: Executor, id: string): Promise<StockDocument> {
  const row = await repo.findDocument(db, id);
  if (!row) throw notFound('stock_document');
  const { lineCount: _, ...core } = toListItem(row);
  return { ...core, lines: (await repo.listLines(db, [id])).map(toLine) };
}

export interface DocumentListQuery extends repo.DocumentFilter {
  sort?: string;
  page: number;
  pageSize: number;
}

const SORTS: Record<string, string[]> = {
  documentDate: ['stock_document.document_date', 'stock_document.created_at'],
  number: ['stock_document.number'],
  createdAt: ['stock_document.created_at'],
  totalValueCents: ['stock_document.total_value_cents'],
};

function sortOf(sort: string | undefined) {
  // Newest first unless asked otherwise.
  const { entry, direction } = parseSort(sort ?? '-documentDate', SORTS, 'documentDate');
  return { columns: entry, direction };
}

export async function listDocuments(db: Executor, q: DocumentListQuery) {
  const { rows, total } = await repo.listDocuments(db, q, sortOf(q.sort), {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toListItem), total, page: q.page, pageSize: q.pageSize };
}

export async function exportDocuments(db: Executor, q: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
  return (await repo.listDocuments(db, q, sortOf(q.sort))).rows.map(toListItem);
}

// ---------------------------------------------------------------- drafting

/** A draft as the API or another module gives it. Source fields and reservations come only from other modules. */
export interface DraftInput {
  type: StockDocumentType;
  documentDate?: string | undefined;
  warehouseId: string;
  toWarehouseId?: string | null | undefined;
  supplierId?: string | null | undefined;
  supplierDocNumber?: string | null | undefined;
  supplierDocDate?: string | null | undefined;
  reason?: string | null | undefined;
  landedCostCents?: number | null | undefined;
  notes?: string | null | undefined;
  sourceType?: string | null | undefined;
  sourceId?: string | null | undefined;
  lines: DraftLineInput[];
}

export interface DraftLineInput {
  partId: string;
  quantityMilli?: number | undefined;
  countedMilli?: number | undefined;
  unitCostCents?: number | undefined;
  serialNumbers?: string | null | undefined;
  reservationId?: string | null | undefined;
  sourceLineId?: string | null | undefined;
}

const bad = (code: string, field: string, params: Record<string, unknown> = {}) =>
  new DomainError('invalid', code, { field, params: { field, ...params } });

function isGiven<T>(v: T | null | undefined): v is T {
  return v !== undefined && v !== null;
}

/** The rules of a document's shape by its type, before any database read (400 naming the field). */
export function checkDraftShape(input: DraftInput, today: string): void {
  const t = input.type;
  if (input.documentDate && input.documentDate > today) throw bad('date_in_future', 'documentDate');
  if (t !== 'receipt') {
    for (const f of ['supplierId', 'supplierDocNumber', 'supplierDocDate'] as const)
      if (isGiven(input[f])) throw bad('not_for_document_type', f, { type: t });
    if (input.landedCostCents) throw bad('not_for_document_type', 'landedCostCents', { type: t });
  }
  if (t === 'transfer') {
    if (!input.toWarehouseId) throw bad('required', 'toWarehouseId');
    if (input.toWarehouseId === input.warehouseId) throw bad('same_warehouse', 'toWarehouseId');
  } else if (isGiven(input.toWarehouseId)) throw bad('not_for_document_type', 'toWarehouseId', { type: t });
  const manualIssue = t === 'issue' && !input.sourceType;
  if ((t === 'writeoff' || manualIssue) && !input.reason?.trim()) throw bad('required', 'reason');
  const counted = new Set<string>();
  for (const [i, l] of input.lines.entries()) {
    const at = (f: string) => `lines.${i}.${f}`;
    if (t === 'count') {
      if (!isGiven(l.countedMilli)) throw bad('required', at('countedMilli'));
      if (isGiven(l.quantityMilli)) throw bad('not_for_document_type', at('quantityMilli'), { type: t });
      if (counted.has(l.partId)) throw bad('duplicate_count_line', at('partId'));
      counted.add(l.partId);
    } else {
      if (!isGiven(l.quantityMilli)) throw bad('required', at('quantityMilli'));
      if (l.quantityMilli <= 0) throw bad('too_small', at('quantityMilli'));
      if (isGiven(l.countedMilli)) throw bad('not_for_document_type', at('countedMilli'), { type: t });
    }
    if (t === 'receipt' && !isGiven(l.unitCostCents)) throw bad('required', at('unitCostCents'));
    if (t !== 'receipt' && isGiven(l.unitCostCents))
      throw bad('not_for_document_type', at('unitCostCents'), { type: t });
    if (t !== 'issue' && isGiven(l.reservationId))
      throw bad('not_for_document_type', at('reservationId'), { type: t });
  }
}

interface CheckedRefs {
  parts: Map<string, Part>;
  supplierName: string | null;
  warehouseCode: string;
}

/** The records a draft names exist: warehouses in use, the supplier, the parts, the reservations. */
async function checkDraftReferences(trx: Executor, input: DraftInput): Promise<CheckedRefs> {
  const warehouse = await assertWarehouseUsable(trx, input.warehouseId, 'warehouseId');
  if (input.toWarehouseId) await assertWarehouseUsable(trx, input.toWarehouseId, 'toWarehouseId');
  const supplierName = input.supplierId
    ? (await assertSupplierExists(trx, input.supplierId, 'supplierId')).name
    : null;
  // The lines' parts and reservations read at once (two reads and one, whatever the number of lines).
  const found = await getPartsByIds(
    trx,
    input.lines.map((l) => l.partId),
  );
  const parts = new Map<string, Part>();
  for (const [i, l] of input.lines.entries()) {
    const part = found.get(l.partId);
    if (!part) throw bad('unknown_part', `lines.${i}.partId`);
    parts.set(l.partId, part);
  }
  const reservations = await repo.findReservations(
    trx,
    input.lines.flatMap((l) => (l.reservationId ? [l.reservationId] : [])),
  );
  for (const [i, l] of input.lines.entries()) {
    if (!l.reservationId) continue;
    const field = `lines.${i}.reservationId`;
    const r = reservations.get(l.reservationId);
    if (!r) throw bad('unknown_reservation', field);
    if (
      r.part_id !== l.partId ||
      r.warehouse_id !== input.warehouseId ||
      r.source_type !== input.sourceType ||
      r.source_id !== input.sourceId
    )
      throw bad('reservation_mismatch', field);
    if (r.status !== 'active')
      throw new DomainError('conflict', 'reservation_not_active', { field, params: { field } });
  }
  return { parts, supplierName, warehouseCode: warehouse.code };
}

function documentSearchText(
  number: string | null,
  input: Pick<DraftInput, 'supplierDocNumber' | 'reason' | 'notes'>,
  supplierName: string | null,
): string {
  return toSearchText(number, input.supplierDocNumber, supplierName, input.reason, input.notes);
}

/** Receipt lines carry their value in the draft already (quantity × unit cost + their share of landed costs). */
function lineRows(documentId: string, input: DraftInput, now: string): Insertable<StockDocumentLineTable>[] {
  const base = input.lines.map((l) =>
    input.type === 'receipt' ? receiptLineValue(l.quantityMilli ?? 0, l.unitCostCents ?? 0) : 0,
  );
  const shares = input.type === 'receipt' ? allocate(input.landedCostCents ?? 0, base) : base.map(() => 0);
  return input.lines.map((l, i) => ({
    id: newId(),
    document_id: documentId,
    line_no: i + 1,
    part_id: l.partId,
    quantity_milli: input.type === 'count' ? null : (l.quantityMilli ?? null),
    counted_milli: input.type === 'count' ? (l.countedMilli ?? 0) : null,
    book_milli: null,
    unit_cost_cents: input.type === 'receipt' ? (l.unitCostCents ?? 0) : null,
    landed_cost_cents: shares[i] ?? 0,
    value_cents: input.type === 'receipt' ? (base[i] ?? 0) + (shares[i] ?? 0) : null,
    serial_numbers: l.serialNumbers ?? null,
    reservation_id: l.reservationId ?? null,
    source_line_id: l.sourceLineId ?? null,
    created_at: now,
    updated_at: now,
  }));
}

function draftTotal(input: DraftInput, rows: Insertable<StockDocumentLineTable>[]): number {
  // Checked before the insert: a total outside the safe range fails inside the transaction, never after it.
  return input.type === 'receipt' ? cents(rows.reduce((s, r) => s + (r.value_cents ?? 0), 0)) : 0;
}

/** Writes a new draft (checked) with its audit row, in the caller's transaction; returns its id. */
export async function insertDraft(trx: Executor, actor: Actor, input: DraftInput): Promise<string> {
  checkDraftShape(input, todayDate());
  const refs = await checkDraftReferences(trx, input);
  const now = nowIso();
  const id = newId();
  const lines = lineRows(id, input, now);
  await repo.insertDocument(trx, {
    id,
    type: input.type,
    status: 'draft',
    series_id: null,
    number: null,
    document_date: input.documentDate ?? todayDate(),
    warehouse_id: input.warehouseId,
    to_warehouse_id: input.toWarehouseId ?? null,
    supplier_id: input.supplierId ?? null,
    supplier_doc_number: input.supplierDocNumber ?? null,
    supplier_doc_date: input.supplierDocDate ?? null,
    reason: input.reason ?? null,
    source_type: input.sourceType ?? null,
    source_id: input.sourceId ?? null,
    landed_cost_cents: input.landedCostCents ?? 0,
    total_value_cents: draftTotal(input, lines),
    notes: input.notes ?? null,
    reversal_of_id: null,
    reversed_by_id: null,
    posted_at: null,
    posted_by: null,
    created_by: actor.userId,
    search_text: documentSearchText(null, input, refs.supplierName),
    created_at: now,
    updated_at: now,
  });
  await repo.insertLines(trx, lines);
  await recordAudit(trx, actor, {
    action: 'stock_document.create',
    entity: 'stock_document',
    entityId: id,
    after: { ...input, id },
  });
  return id;
}

/** Drafts a stock document: nothing moves and no number is taken until it is posted. */
export async function createDraft(db: Db, actor: Actor, body: CreateDocumentBody): Promise<StockDocument> {
  return db.transaction().execute(async (trx) => getDocument(trx, await insertDraft(trx, actor, body)));
}

function notDraft(doc: DocRow): DomainError {
  return new DomainError('conflict', 'document_not_draft', refusalDetails(doc)('document_not_draft'));
}

/** Replaces a draft's header and lines (same rules as a new draft); a posted document is 409 document_not_draft. */
export async function updateDraft(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateDocumentBody,
): Promise<StockDocument> {
  return db.transaction().execute(async (trx) => {
    const doc = await lockDraft(trx, STOCK_DOCUMENT, id);
    const input: DraftInput = {
      ...body,
      type: doc.type,
      sourceType: doc.source_type,
      sourceId: doc.source_id,
    };
    checkDraftShape(input, todayDate());
    const refs = await checkDraftReferences(trx, input);
    const before = await getDocument(trx, id);
    const now = nowIso();
    const lines = lineRows(id, input, now);
    await repo.updateDocumentRow(trx, id, {
      document_date: input.documentDate ?? doc.document_date,
      warehouse_id: input.warehouseId,
      to_warehouse_id: input.toWarehouseId ?? null,
      supplier_id: input.supplierId ?? null,
      supplier_doc_number: input.supplierDocNumber ?? null,
      supplier_doc_date: input.supplierDocDate ?? null,
      reason: input.reason ?? null,
      landed_cost_cents: input.landedCostCents ?? 0,
      total_value_cents: draftTotal(input, lines),
      notes: input.notes ?? null,
      search_text: documentSearchText(null, input, refs.supplierName),
      updated_at: now,
    });
    await repo.replaceLines(trx, id, lines);
    const after = await getDocument(trx, id);
    await recordAudit(trx, actor, {
      action: 'stock_document.update',
      entity: 'stock_document',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a draft; a posted document is never deleted (409 document_not_draft: reverse it). */
export async function deleteDraft(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const doc = await lockDraft(trx, STOCK_DOCUMENT, id);
    const before = await getDocument(trx, id);
    if (!(await repo.deleteDraft(trx, id))) throw notDraft(doc);
    await recordAudit(trx, actor, {
      action: 'stock_document.delete',
      entity: 'stock_document',
      entityId: id,
      before,
    });
  });
}

// ---------------------------------------------------------------- posting

function labelsOf(lines: repo.LineRow[], warehouses: Record<string, string>): Labels {
  return {
    parts: new Map(lines.map((l) => [l.part_id, l.part_code])),
    warehouses: new Map(Object.entries(warehouses)),
  };
}

/** The header rules again at posting: referenced records may have changed since the draft was saved. */
async function checkPostable(
  trx: Executor,
  doc: DocRow,
  lines: repo.LineRow[],
): Promise<Record<string, string>> {
  if (!lines.length) throw new DomainError('invalid', 'document_empty', { field: 'lines' });
  if (doc.document_date > todayDate()) throw bad('date_in_future', 'documentDate');
  const codes: Record<string, string> = {};
  codes[doc.warehouse_id] = (await assertWarehouseUsable(trx, doc.warehouse_id, 'warehouseId')).code;
  if (doc.to_warehouse_id)
    codes[doc.to_warehouse_id] = (
      await assertWarehouseUsable(trx, doc.to_warehouse_id, 'toWarehouseId')
    ).code;
  if (doc.type === 'receipt') {
    // A receipt made for another module's record (a service order's removed parts) may come from no supplier.
    if (!doc.supplier_id) {
      if (!doc.source_type) throw bad('required', 'supplierId');
    } else await assertSupplierExists(trx, doc.supplier_id, 'supplierId');
  }
  return codes;
}

interface LineResult {
  unit_cost_cents?: number;
  landed_cost_cents?: number;
  value_cents: number;
  book_milli?: number;
}

/**
 * Adds every line's movements to the posting book: receipts in at cost plus their share of landed costs, issues and
 * write-offs out at the average (consuming their reservations), transfers out at the average and in at what left,
 * counts to the counted quantity. Their values follow when the book settles. Returns the receipt lines' results.
 */
async function moveLines(
  trx: Executor,
  doc: DocRow,
  lines: repo.LineRow[],
  book: PostingBook,
): Promise<Map<string, LineResult>> {
  const out = new Map<string, LineResult>();
  const from = (partId: string) => ({ partId, warehouseId: doc.warehouse_id });
  const to = (partId: string) => ({ partId, warehouseId: doc.to_warehouse_id ?? '' });
  const reservations = new Map(
    (
      await repo.lockReservations(
        trx,
        lines.flatMap((l) => (l.reservation_id ? [l.reservation_id] : [])),
      )
    ).map((r) => [r.id, r]),
  );
  const consumed = new Set<string>();
  switch (doc.type) {
    case 'receipt': {
      const base = lines.map((l) => receiptLineValue(l.quantity_milli ?? 0, l.unit_cost_cents ?? 0));
      const shares = allocate(doc.landed_cost_cents, base);
      for (const [i, l] of lines.entries()) {
        const value = (base[i] ?? 0) + (shares[i] ?? 0);
        book.fixed(l.id, from(l.part_id), l.quantity_milli ?? 0, value);
        out.set(l.id, { landed_cost_cents: shares[i] ?? 0, value_cents: value });
      }
      break;
    }
    case 'issue':
    case 'writeoff': {
      for (const l of lines) {
        let release = 0;
        if (l.reservation_id) {
          const r = reservations.get(l.reservation_id);
          if (r?.status !== 'active' || consumed.has(r.id))
            throw new DomainError('conflict', 'reservation_not_active', { field: 'reservationId' });
          release = r.quantity_milli;
          consumed.add(r.id);
          await repo.closeReservation(trx, r.id, {
            status: 'consumed',
            consumed_by_document_id: doc.id,
            consumed_at: book.now,
            updated_at: book.now,
          });
        }
        book.average(l.id, from(l.part_id), l.quantity_milli ?? 0, release);
      }
      break;
    }
    case 'transfer': {
      for (const l of lines) {
        const q = l.quantity_milli ?? 0;
        book.follow(l.id, to(l.part_id), q, book.average(l.id, from(l.part_id), q));
      }
      break;
    }
    case 'count': {
      for (const l of lines)
        book.count(l.id, from(l.part_id), l.counted_milli ?? 0, l.part_typical_cost_cents ?? 0);
      break;
    }
  }
  return out;
}

interface MovementResult {
  lineId: string;
  q: number;
  v: number;
}

/**
 * What each line of a document shows, from its movements as they stand: issues, write-offs and transfers their
 * value and unit cost, counts the book they found and the value of the difference; a reversal's lines the value
 * they moved back. Receipts keep what they were drafted with.
 */
function lineResultsOf(
  doc: Pick<DocRow, 'type' | 'reversal_of_id'>,
  lines: Pick<repo.LineRow, 'id' | 'quantity_milli' | 'counted_milli'>[],
  movements: MovementResult[],
): Map<string, LineResult> {
  const out = new Map<string, LineResult>();
  for (const l of lines) {
    const own = movements.filter((m) => m.lineId === l.id);
    const sum = own.reduce((s, m) => s + m.v, 0);
    const left = own.find((m) => m.q < 0);
    if (doc.reversal_of_id) {
      // What the reversal moved back; a count's reversal shows the book its original found.
      if (doc.type === 'receipt') out.set(l.id, { value_cents: Math.abs(sum) });
      else if (doc.type === 'count') {
        const back = own.reduce((s, m) => s + m.q, 0);
        out.set(l.id, {
          value_cents: sum,
          unit_cost_cents: unitCostOf(sum, back),
          book_milli: (l.counted_milli ?? 0) + back,
        });
      } else {
        const value = doc.type === 'transfer' ? Math.abs(left?.v ?? 0) : Math.abs(sum);
        out.set(l.id, { value_cents: value, unit_cost_cents: unitCostOf(value, l.quantity_milli ?? 0) });
      }
      continue;
    }
    switch (doc.type) {
      case 'receipt':
        break;
      case 'issue':
      case 'writeoff':
        out.set(l.id, { unit_cost_cents: unitCostOf(sum, l.quantity_milli ?? 0), value_cents: -sum });
        break;
      case 'transfer': {
        const value = -(left?.v ?? 0);
        out.set(l.id, { unit_cost_cents: unitCostOf(value, l.quantity_milli ?? 0), value_cents: value });
        break;
      }
      case 'count': {
        const diff = own.reduce((s, m) => s + m.q, 0);
        out.set(l.id, {
          book_milli: (l.counted_milli ?? 0) - diff,
          unit_cost_cents: unitCostOf(sum, diff),
          value_cents: sum,
        });
        break;
      }
    }
  }
  return out;
}

function totalOf(type: StockDocumentType, results: Iterable<LineResult>): number {
  let total = 0;
  for (const r of results) total += type === 'count' ? r.value_cents : Math.abs(r.value_cents);
  return total;
}

async function writeLineResults(trx: Executor, results: Map<string, LineResult>, now: string) {
  for (const [lineId, r] of results) await repo.updateLineRow(trx, lineId, { ...r, updated_at: now });
}

/**
 * The documents whose movements a back-dated posting re-costed: their lines and totals are brought to what their
 * movements now say (in a few statements however many there are). Returns how many documents changed.
 */
async function refreshRecosted(trx: Executor, documentIds: readonly string[]): Promise<number> {
  let changed = 0;
  for (let i = 0; i < documentIds.length; i += 500)
    changed += await refreshDocuments(trx, documentIds.slice(i, i + 500));
  return changed;
}

async function refreshDocuments(trx: Executor, documentIds: readonly string[]): Promise<number> {
  const docs = await repo.documentHeads(trx, documentIds);
  const lines = await repo.linesToRefresh(trx, documentIds);
  const movements = await repo.movementsOfDocuments(trx, documentIds);
  const group = <T extends { document_id: string }>(rows: T[]) => {
    const by = new Map<string, T[]>();
    for (const r of rows) {
      const list = by.get(r.document_id);
      if (list) list.push(r);
      else by.set(r.document_id, [r]);
    }
    return by;
  };
  const linesOf = group(lines);
  const movementsOf = group(movements);
  const lineUpdates: unknown[][] = [];
  const docUpdates: unknown[][] = [];
  const touched = new Set<string>();
  for (const d of docs) {
    const own = linesOf.get(d.id) ?? [];
    const results = lineResultsOf(
      d,
      own,
      (movementsOf.get(d.id) ?? []).map((m) => ({
        lineId: m.line_id,
        q: m.quantity_milli,
        v: m.value_cents,
      })),
    );
    for (const l of own) {
      const r = results.get(l.id);
      if (!r) continue;
      const next = [r.unit_cost_cents ?? l.unit_cost_cents, r.value_cents, r.book_milli ?? l.book_milli];
      if (next[0] !== l.unit_cost_cents || next[1] !== l.value_cents || next[2] !== l.book_milli) {
        lineUpdates.push([l.id, ...next]);
        touched.add(d.id);
      }
    }
    const total = totalOf(d.type, results.values());
    if (results.size && total !== d.total_value_cents) {
      docUpdates.push([d.id, total]);
      touched.add(d.id);
    }
  }
  await updateMany(
    trx,
    'stock_document_line',
    [
      { name: 'unit_cost_cents', type: 'bigint' },
      { name: 'value_cents', type: 'bigint' },
      { name: 'book_milli', type: 'bigint' },
    ],
    lineUpdates,
  );
  await updateMany(trx, 'stock_document', [{ name: 'total_value_cents', type: 'bigint' }], docUpdates);
  return touched.size;
}

/** Settles a posting's results: the document's own lines, and the documents it re-costed. */
async function finishPosting(
  trx: Executor,
  doc: Pick<DocRow, 'id' | 'type' | 'reversal_of_id'>,
  lines: repo.LineRow[],
  drafted: Map<string, LineResult>,
  posted: { at: string; settled: Settled },
) {
  const results = lineResultsOf(doc, lines, posted.settled.rows);
  for (const [id, r] of drafted) results.set(id, r);
  await writeLineResults(trx, results, posted.at);
  const others = [...new Set(posted.settled.recosted.map((r) => r.documentId))].filter((id) => id !== doc.id);
  const recostedDocuments = await refreshRecosted(trx, others);
  return {
    total: totalOf(doc.type, results.values()),
    recosted: { movements: posted.settled.recosted.length, documents: recostedDocuments },
  };
}

/** The stock side of posting a draft: checks it again, moves every line, fills the lines' results. */
async function postLines(trx: Executor, doc: DocRow): Promise<Posting> {
  const lines = await repo.listLines(trx, [doc.id]);
  const codes = await checkPostable(trx, doc, lines);
  const keys = lines.flatMap((l) => [
    { partId: l.part_id, warehouseId: doc.warehouse_id },
    ...(doc.to_warehouse_id ? [{ partId: l.part_id, warehouseId: doc.to_warehouse_id }] : []),
  ]);
  const posted = await PostingBook.post(
    trx,
    { documentId: doc.id, date: doc.document_date },
    keys,
    labelsOf(lines, codes),
    (book) => moveLines(trx, doc, lines, book),
  );
  const { total, recosted } = await finishPosting(trx, doc, lines, posted.result, posted);
  return {
    at: posted.at,
    patch: { total_value_cents: total },
    audit: {
      totalValueCents: total,
      movements: posted.movements,
      ...(recosted.movements ? { recosted } : {}),
    },
  };
}

/**
 * Posts a draft in the caller's transaction: every line moves stock through the ledger at the document's date
 * (receipts in at cost plus landed costs, issues and write-offs out at the average of that date, transfers carrying
 * their cost, counts to the counted quantity), later movements are re-costed, then the number is taken from the
 * type's series. Nothing is written when any line is refused.
 */
export async function postDocumentTx(
  trx: Executor,
  actor: Actor,
  id: string,
  /** The draft's type when the caller just wrote it: an issue or a write-off has no receipt hook to call first. */
  draftType?: StockDocument['type'],
): Promise<StockDocument> {
  // The modules that wait for parts lock their rows before the levels are (stock.hooks.ts); an unknown id is left
  // to postDraft to refuse.
  const hooked = draftType === undefined || draftType === 'receipt' || draftType === 'transfer';
  const draft = hooked ? await getDocument(trx, id).catch(() => null) : null;
  if (draft) await receiptPosting(trx, draft);
  await postDraft(trx, STOCK_DOCUMENT, actor, id, (doc) => postLines(trx, doc));
  const posted = await getDocument(trx, id);
  // A posted receipt tells the modules that wait for parts (stock.hooks.ts), in this transaction.
  await receiptPosted(trx, actor, posted);
  return posted;
}

/** Posts a draft (one transaction); posting a posted document is 409 document_not_draft. */
export async function postDocument(db: Db, actor: Actor, id: string): Promise<StockDocument> {
  return db.transaction().execute((trx) => postDocumentTx(trx, actor, id));
}

/**
 * Drafts and posts a document in one transaction, for integrations and the counter: the two calls' audit rows
 * (created, posted) and numbering, but a refused posting leaves no draft behind and takes no number.
 */
export async function createAndPostDocument(
  db: Db,
  actor: Actor,
  body: CreateDocumentBody,
): Promise<StockDocument> {
  return db.transaction().execute(async (trx) => {
    const id = await insertDraft(trx, actor, body);
    return postDocumentTx(trx, actor, id);
  });
}

// ---------------------------------------------------------------- reversal

/** The mirror's lines: the original's, without reservations, their results filled by the reversal. */
async function copyLines(trx: Executor, lines: repo.LineRow[], mirrorId: string, now: string) {
  const mirrorLineOf = new Map<string, string>();
  await repo.insertLines(
    trx,
    lines.map((l) => {
      mirrorLineOf.set(l.id, newId());
      return {
        id: mirrorLineOf.get(l.id) as string,
        document_id: mirrorId,
        line_no: l.line_no,
        part_id: l.part_id,
        quantity_milli: l.quantity_milli,
        counted_milli: l.counted_milli,
        book_milli: l.book_milli,
        unit_cost_cents: l.unit_cost_cents,
        landed_cost_cents: l.landed_cost_cents,
        value_cents: null,
        serial_numbers: l.serial_numbers,
        reservation_id: null,
        source_line_id: l.source_line_id,
        created_at: now,
        updated_at: now,
      };
    }),
  );
  return mirrorLineOf;
}

/**
 * Undoes each line's movements in the mirror. On the original's date every movement is cancelled right after
 * itself, as if the document had never been posted. On a later date what came in goes out first, at most at the
 * value it came in with (a transfer's mirror then brings into A what actually left B), and what went out comes
 * back at the value it left with.
 */
function undoMovements(
  book: PostingBook,
  doc: DocRow,
  mirror: DocRow,
  lines: repo.LineRow[],
  movements: repo.MovementRow[],
  mirrorLineOf: Map<string, string>,
): void {
  const sameDate = mirror.document_date === doc.document_date;
  for (const l of lines) {
    const mirrorLineId = mirrorLineOf.get(l.id) as string;
    const own = movements.filter((m) => m.line_id === l.id);
    if (sameDate) {
      for (const m of own) book.cancel(mirrorLineId, m);
      continue;
    }
    if (doc.type === 'transfer') {
      const inRow = own.find((m) => m.quantity_milli > 0);
      const outRow = own.find((m) => m.quantity_milli < 0);
      if (!inRow || !outRow) continue;
      const back = book.reverse(mirrorLineId, inRow);
      book.follow(
        mirrorLineId,
        { partId: outRow.part_id, warehouseId: outRow.warehouse_id },
        -outRow.quantity_milli,
        back,
      );
      continue;
    }
    for (const m of own) book.reverse(mirrorLineId, m);
  }
}

/** The stock side of a reversal: the mirror's lines, the original's movements undone, the lines' results. */
async function reverseLines(
  trx: Executor,
  doc: DocRow,
  mirror: DocRow,
  reason?: string | null,
): Promise<Posting> {
  const lines = await repo.listLines(trx, [doc.id]);
  const movements = await repo.movementsOfDocument(trx, doc.id);
  const codes: Record<string, string> = {};
  for (const whId of new Set(movements.map((m) => m.warehouse_id)))
    codes[whId] = (await repo.findWarehouse(trx, whId))?.code ?? whId;
  const mirrorLineOf = await copyLines(trx, lines, mirror.id, mirror.created_at);
  const posted = await PostingBook.post(
    trx,
    { documentId: mirror.id, date: mirror.document_date },
    movements.map((m) => ({ partId: m.part_id, warehouseId: m.warehouse_id })),
    labelsOf(lines, codes),
    (book) => undoMovements(book, doc, mirror, lines, movements, mirrorLineOf),
  );
  const mirrorLines = await repo.listLines(trx, [mirror.id]);
  const { total, recosted } = await finishPosting(
    trx,
    { ...mirror, reversal_of_id: doc.id },
    mirrorLines,
    new Map(),
    posted,
  );
  return {
    at: posted.at,
    patch: { total_value_cents: total },
    audit: { totalValueCents: total, ...(recosted.movements ? { recosted } : {}) },
    // Found by its own number and by everything the reversed document is found by (its number too).
    searchText: toSearchText(reason),
  };
}

/**
 * Reverses a posted document with its mirror (сторно): a new document of the same type, numbered in the same
 * series, linked both ways, that cancels the original. On the original's date (the default) it is as if the
 * original had never been posted, and the movements after it are re-costed; on a later date what came in goes out
 * at most at the value it came in with and what went out comes back at the value it left with. Refused
 * (409 insufficient_stock, with the first date that would go negative) when a later movement needs the stock.
 */
export async function reverseDocument(
  db: Db,
  actor: Actor,
  id: string,
  body: Partial<ReverseDocumentBody> = {},
): Promise<StockDocument> {
  return db.transaction().execute((trx) => reverseDocumentTx(trx, actor, id, body));
}

/** reverseDocument in the caller's transaction (a service order reopened reverses its finishing documents). */
export async function reverseDocumentTx(
  trx: Executor,
  actor: Actor,
  id: string,
  body: Partial<ReverseDocumentBody> = {},
): Promise<StockDocument> {
  const { mirrorId } = await reversePosted(trx, STOCK_DOCUMENT, actor, id, {
    documentDate: body.documentDate,
    today: todayDate(),
    mirror: (doc) => ({ reason: body.reason ?? doc.reason }),
    work: (doc, mirror) => reverseLines(trx, doc, mirror, body.reason),
  });
  return getDocument(trx, mirrorId);
}

// ---------------------------------------------------------------- return to the supplier

/** The source type of an issue that returns goods of a receipt to its supplier. */
export const SUPPLIER_RETURN = 'supplier_return';

/**
 * Drafts the return of a posted receipt's goods to its supplier: a new issue (source: the receipt), dated today,
 * with the receipt's lines and quantities, to be edited and posted like any issue. Unlike a reversal it leaves the
 * receipt as it was: the goods leave on the day they leave, at that day's average. 409 when the receipt was
 * reversed (nothing of it is left to return) or is not a posted receipt.
 */
export async function draftSupplierReturn(db: Db, actor: Actor, receiptId: string): Promise<StockDocument> {
  return db.transaction().execute(async (trx) => {
    const receipt = await repo.findDocument(trx, receiptId);
    if (!receipt) throw notFound('stock_document');
    if (receipt.type !== 'receipt' || receipt.status !== 'posted' || receipt.reversal_of_id)
      throw new DomainError('conflict', 'not_a_posted_receipt', { params: { number: receipt.number ?? '' } });
    const lines = await repo.listLines(trx, [receipt.id]);
    const id = await insertDraft(trx, actor, {
      type: 'issue',
      warehouseId: receipt.warehouse_id,
      sourceType: SUPPLIER_RETURN,
      sourceId: receipt.id,
      reason: [receipt.supplier_name, receipt.supplier_doc_number ?? receipt.number]
        .filter(Boolean)
        .join(', '),
      lines: lines.map((l) => ({ partId: l.part_id, quantityMilli: l.quantity_milli ?? 0 })),
    });
    return getDocument(trx, id);
  });
}

// ---------------------------------------------------------------- for other modules

export interface IssueForOrderInput {
  warehouseId: string;
  /** e.g. 'service_order' */
  sourceType: string;
  sourceId: string;
  documentDate?: string;
  reason?: string | null;
  notes?: string | null;
  lines: {
    partId: string;
    quantityMilli: number;
    /** A reservation of the same source, part and warehouse: consumed by this issue. */
    reservationId?: string | null;
    serialNumbers?: string | null;
    sourceLineId?: string | null;
  }[];
}

/**
 * Makes and posts an issue document for another module's record (a service order) in the caller's transaction;
 * lines that name a reservation consume it. Refused whole (409 insufficient_stock) when any part is short.
 */
export async function issuePartsForOrder(
  trx: Executor,
  actor: Actor,
  input: IssueForOrderInput,
): Promise<StockDocument> {
  return postForSource(trx, actor, 'issue', input, (l) => ({ reservationId: l.reservationId ?? null }));
}

/**
 * Makes and posts a document of the type for another module's record, in the caller's transaction: the one way
 * issuePartsForOrder and receivePartsForOrder write (a source is required; each line keeps its source line).
 */
async function postForSource<L extends ForSourceLine>(
  trx: Executor,
  actor: Actor,
  type: 'issue' | 'receipt',
  input: ForSourceInput<L>,
  lineExtras: (line: L) => { reservationId?: string | null; unitCostCents?: number },
): Promise<StockDocument> {
  if (!input.sourceType || !input.sourceId) throw bad('required', 'sourceId');
  const id = await insertDraft(trx, actor, {
    type,
    documentDate: input.documentDate,
    warehouseId: input.warehouseId,
    reason: input.reason ?? null,
    notes: input.notes ?? null,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    lines: input.lines.map((l) => ({
      partId: l.partId,
      quantityMilli: l.quantityMilli,
      serialNumbers: l.serialNumbers ?? null,
      sourceLineId: l.sourceLineId ?? null,
      ...lineExtras(l),
    })),
  });
  return postDocumentTx(trx, actor, id, type);
}

interface ForSourceLine {
  partId: string;
  quantityMilli: number;
  serialNumbers?: string | null;
  sourceLineId?: string | null;
}

interface ForSourceInput<L extends ForSourceLine> {
  warehouseId: string;
  sourceType: string;
  sourceId: string;
  documentDate?: string;
  reason?: string | null;
  notes?: string | null;
  lines: L[];
}

/** Posted stock documents made for a record of another module (its issues and their reversals), oldest first. */
export async function documentsOfSource(
  db: Executor,
  sourceType: string,
  sourceId: string,
): Promise<StockDocument[]> {
  const out: StockDocument[] = [];
  for (const d of await documentListOfSource(db, sourceType, sourceId)) out.push(await getDocument(db, d.id));
  return out;
}

/** The stock documents made for a source (an order, a counter sale) as list rows, oldest first: one read. */
export async function documentListOfSource(
  db: Executor,
  sourceType: string,
  sourceId: string,
): Promise<StockDocumentListItem[]> {
  const { rows } = await repo.listDocuments(
    db,
    { sourceType, sourceId },
    { columns: ['stock_document.created_at'], direction: 'asc' },
  );
  return rows.map(toListItem);
}

export interface ReceiveForOrderInput {
  warehouseId: string;
  /** e.g. 'service_order' */
  sourceType: string;
  sourceId: string;
  documentDate?: string;
  reason?: string | null;
  notes?: string | null;
  lines: {
    partId: string;
    quantityMilli: number;
    /** 0 for the customer's removed parts taken in for a return to the supplier. */
    unitCostCents: number;
    serialNumbers?: string | null;
    sourceLineId?: string | null;
  }[];
}

/**
 * Makes and posts a receipt for another module's record (a service order's removed parts taken into a warehouse,
 * at zero cost) in the caller's transaction; such a receipt names no supplier.
 */
export async function receivePartsForOrder(
  trx: Executor,
  actor: Actor,
  input: ReceiveForOrderInput,
): Promise<StockDocument> {
  return postForSource(trx, actor, 'receipt', input, (l) => ({ unitCostCents: l.unitCostCents }));
}

export interface SupplierReceiptDraftInput {
  warehouseId: string;
  supplierId: string;
  /** e.g. 'purchase_request' */
  sourceType: string;
  sourceId: string;
  notes?: string | null;
  lines: { partId: string; quantityMilli: number; unitCostCents: number; sourceLineId?: string | null }[];
}

/**
 * Drafts a receipt from a supplier for another module's record (a purchase request) in the caller's transaction; the
 * stock keeper edits its quantities and unit costs and posts it as any receipt. Returns its id.
 */
export async function draftSupplierReceipt(
  trx: Executor,
  actor: Actor,
  input: SupplierReceiptDraftInput,
): Promise<string> {
  return insertDraft(trx, actor, {
    type: 'receipt',
    warehouseId: input.warehouseId,
    supplierId: input.supplierId,
    notes: input.notes ?? null,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    lines: input.lines.map((l) => ({
      partId: l.partId,
      quantityMilli: l.quantityMilli,
      unitCostCents: l.unitCostCents,
      sourceLineId: l.sourceLineId ?? null,
    })),
  });
}
