/**
 * The database half of a numbered document's lifecycle (ADR 0008), the same for every kind of document: lock the
 * header, refuse what its status does not allow, take the number at posting inside the posting transaction, mark
 * it posted only while it is still a draft, reverse it by a mirror linked both ways, leave the audit pair, and read
 * what a printout needs. A module describes its kind once (table, audit actions, its numbering and audit as
 * functions: db/ imports no module) and passes the work only it knows (moving stock, copying lines) as callbacks.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../kernel/actor';
import { DomainError, type DomainErrorOptions, notFound } from '../kernel/errors';
import { newId } from '../kernel/ids';
import {
  assertEditable,
  assertTransition,
  DOCUMENT_LIFECYCLE,
  type DocumentStatus,
  type Lifecycle,
} from '../kernel/lifecycle';
import type { Executor } from './database';
import { type CalendarDate, type Instant, lockForUpdate, nowIso } from './sql';

/** The columns every numbered document's header table has (stock_document; sales_invoice and the rest to come). */
export interface DocumentHeader {
  id: string;
  status: DocumentStatus;
  /** The numbering series the number came from; null on drafts. */
  series_id: string | null;
  /** Taken at posting; null on drafts. */
  number: string | null;
  document_date: CalendarDate;
  /** On a reversal: the document it reverses. */
  reversal_of_id: string | null;
  /** On a reversed document: its reversal. */
  reversed_by_id: string | null;
  posted_at: Instant | null;
  posted_by: string | null;
  created_by: string | null;
  /** Folded words the document is found by; its number joins them at posting. */
  search_text: string;
  created_at: Instant;
  updated_at: Instant;
}

/** One audit row, as the audit module records it. */
export interface DocumentAuditChange {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface TakenDocumentNumber {
  seriesId: string;
  formatted: string;
}

/** What a module tells the lifecycle about one kind of document. */
export interface DocumentKind<Row extends DocumentHeader = DocumentHeader> {
  /** The header table, e.g. 'stock_document'. */
  table: string;
  /** The entity named by 404s and audit rows, e.g. 'stock_document'. */
  entity: string;
  /** The audit actions of posting and reversing, e.g. 'stock_document.post'; a kind never reversed names none. */
  actions: { post: string; reverse?: string };
  /** DOCUMENT_LIFECYCLE unless the kind has its own (it must know draft, posted and reversed). */
  lifecycle?: Lifecycle<DocumentStatus>;
  /** Takes the next number of the document's series in the caller's transaction (the numbering module). */
  takeNumber(trx: Executor, draft: Row): Promise<TakenDocumentNumber>;
  /** Records audit rows in the caller's transaction (the audit module). */
  audit(trx: Executor, actor: Actor, changes: DocumentAuditChange[]): Promise<void>;
  /** The last day of the closed period, or null (the company module): nothing is posted or reversed up to it. */
  lockDate(trx: Executor): Promise<CalendarDate | null>;
}

// The header table is the kind's; queries see it through the columns every document table has.
type HeaderDb = { document: DocumentHeader; app_user: { id: string; full_name: string } };
const headerDb = (db: Executor) => db as unknown as Kysely<HeaderDb>;
const tableOf = (kind: { table: string }) => kind.table as 'document';
const lifecycleOf = (kind: { lifecycle?: Lifecycle<DocumentStatus> | undefined }) =>
  kind.lifecycle ?? DOCUMENT_LIFECYCLE;

/** The facts each refusal carries, from the header it refuses. */
export function refusalDetails(doc: DocumentHeader): (code: string) => DomainErrorOptions {
  return (code) => {
    if (code === 'document_not_posted') return { extra: { documentId: doc.id } };
    if (code === 'already_reversed')
      return { params: { number: doc.number ?? '' }, extra: { reversedById: doc.reversed_by_id } };
    return { params: { number: doc.number ?? '' }, extra: { status: doc.status, documentId: doc.id } };
  };
}

/** The header, locked (PostgreSQL) until the transaction ends: one poster, editor or reverser at a time. 404 if none. */
export async function lockDocument<Row extends DocumentHeader>(
  trx: Executor,
  kind: DocumentKind<Row>,
  id: string,
): Promise<Row> {
  const db = headerDb(trx);
  const row = await lockForUpdate(
    db.selectFrom(tableOf(kind)).selectAll().where('id', '=', id),
    trx,
  ).executeTakeFirst();
  if (!row) throw notFound(kind.entity);
  return row as unknown as Row;
}

/** The header of a draft, locked; a document past its draft is 409 document_not_draft (edit, delete, post). */
export async function lockDraft<Row extends DocumentHeader>(
  trx: Executor,
  kind: DocumentKind<Row>,
  id: string,
): Promise<Row> {
  const doc = await lockDocument(trx, kind, id);
  assertEditable(lifecycleOf(kind), doc.status, refusalDetails(doc));
  return doc;
}

/** What the kind's own work at posting leaves on the header, the audit row and the search text. */
export interface Posting {
  /** The instant of the posting (e.g. when its stock moved); now when not given. */
  at?: Instant;
  /** The kind's own header columns written with the posting (totals). */
  patch?: Record<string, unknown>;
  /** What the posting's audit row keeps besides the number. */
  audit?: Record<string, unknown>;
  /** Words the posted document is also found by, after its number and its draft's search text. */
  searchText?: string;
  /**
   * The kind's work that names the number, done once it is taken and before the audit row (a payment or a stock
   * issue whose reason cites it); what it answers joins the audit row.
   */
  numbered?: (number: string) => Promise<Record<string, unknown> | undefined>;
}

/**
 * The closed period (issue 10, rule 6): a posting or a reversal that touches a date on or before the lock date is
 * 409 period_closed naming the lock date, before anything is written. A draft may carry any date; only posting it
 * touches the books.
 */
export async function assertPeriodOpen(
  trx: Executor,
  kind: Pick<DocumentKind, 'lockDate'>,
  dates: CalendarDate[],
): Promise<void> {
  const lockDate = await kind.lockDate(trx);
  if (lockDate !== null && dates.some((d) => d <= lockDate))
    throw new DomainError('conflict', 'period_closed', { params: { date: lockDate }, extra: { lockDate } });
}

function fromStatuses(lifecycle: Lifecycle<DocumentStatus>, to: DocumentStatus): DocumentStatus[] {
  return lifecycle.statuses.filter((s) => lifecycle.transitions[s].includes(to));
}

/** Numbers and marks a draft posted, guarded by its status in SQL (rows affected checked); returns the number. */
async function numberAndMarkPosted<Row extends DocumentHeader>(
  trx: Executor,
  kind: DocumentKind<Row>,
  actor: Actor,
  draft: Row,
  posting: Posting,
  at: Instant,
): Promise<string> {
  const taken = await kind.takeNumber(trx, draft);
  const more = posting.searchText === undefined ? '' : ` ${posting.searchText}`;
  const r = await headerDb(trx)
    .updateTable(tableOf(kind))
    .set({
      ...posting.patch,
      series_id: taken.seriesId,
      number: taken.formatted,
      posted_at: at,
      posted_by: actor.userId,
      search_text: `${taken.formatted} ${draft.search_text}${more}`.trim(),
      updated_at: at,
      status: 'posted',
    })
    .where('id', '=', draft.id)
    .where('status', 'in', fromStatuses(lifecycleOf(kind), 'posted'))
    .executeTakeFirst();
  // Someone else posted or deleted it since the lock (SQLite takes none): refused, and the number goes back.
  if (Number(r.numUpdatedRows) !== 1) {
    const code = lifecycleOf(kind).notEditable;
    throw new DomainError('conflict', code, refusalDetails(draft)(code));
  }
  return taken.formatted;
}

/**
 * Posts a draft in the caller's transaction: locks it, refuses anything but a draft, runs the kind's own work
 * (which may refuse: nothing is written then), then takes the number, marks it posted and leaves its audit row.
 * The number comes last, so a refused posting takes none.
 */
export async function postDraft<Row extends DocumentHeader>(
  trx: Executor,
  kind: DocumentKind<Row>,
  actor: Actor,
  id: string,
  work: (draft: Row) => Promise<Posting>,
): Promise<{ number: string }> {
  const draft = await lockDocument(trx, kind, id);
  assertTransition(lifecycleOf(kind), draft.status, 'posted', refusalDetails(draft));
  await assertPeriodOpen(trx, kind, [draft.document_date]);
  const posting = await work(draft);
  const number = await numberAndMarkPosted(trx, kind, actor, draft, posting, posting.at ?? nowIso());
  const more = await posting.numbered?.(number);
  await kind.audit(trx, actor, [
    {
      action: kind.actions.post,
      entity: kind.entity,
      entityId: id,
      after: { number, ...posting.audit, ...more },
    },
  ]);
  return { number };
}

export interface Reversal<Row extends DocumentHeader> {
  /** The mirror's date; today when not given. */
  documentDate?: CalendarDate | undefined;
  /** Today in the company's time zone: a reversal is never dated in the future. */
  today: CalendarDate;
  /** The kind's own header columns of the mirror that differ from the original's (a new reason). */
  mirror?: (original: Row) => Partial<Row>;
  /** Writes the mirror's lines and undoes the original's effects, in the caller's transaction. */
  work: (original: Row, mirror: Row) => Promise<Posting>;
}

const invalidDate = (code: string) =>
  new DomainError('invalid', code, { field: 'documentDate', params: { field: 'documentDate' } });

/**
 * Reverses a posted document in the caller's transaction: a mirror of the same kind, dated between the original's
 * date and today, linked both ways, written as a draft, worked by the kind (its lines, its effects undone), then
 * numbered in the same series and posted; the original turns reversed. A draft, a reversed document and a reversal
 * are refused (409). Leaves the audit pair: the original reversed, the mirror posted.
 */
export async function reversePosted<Row extends DocumentHeader>(
  trx: Executor,
  kind: DocumentKind<Row>,
  actor: Actor,
  id: string,
  reversal: Reversal<Row>,
): Promise<{ mirrorId: string; number: string }> {
  const reverseAction = kind.actions.reverse;
  if (!reverseAction) throw new Error(`A ${kind.entity} is never reversed`);
  const original = await lockDocument(trx, kind, id);
  assertTransition(lifecycleOf(kind), original.status, 'reversed', refusalDetails(original));
  if (original.reversed_by_id)
    throw new DomainError('conflict', 'already_reversed', refusalDetails(original)('already_reversed'));
  if (original.reversal_of_id)
    throw new DomainError('conflict', 'reversal_not_reversible', {
      params: { number: original.number ?? '' },
    });
  // A reversal cancels the original as if it had never been posted: on its date, unless a later one is given.
  const date = reversal.documentDate ?? original.document_date;
  if (date > reversal.today) throw invalidDate('date_in_future');
  if (date < original.document_date) throw invalidDate('reversal_before_original');
  // The original's movements leave the books of its own date, the mirror's enter those of its date: both must be open.
  await assertPeriodOpen(trx, kind, [original.document_date, date]);

  const now = nowIso();
  const mirror = {
    ...original,
    id: newId(),
    status: 'draft',
    series_id: null,
    number: null,
    document_date: date,
    reversal_of_id: original.id,
    reversed_by_id: null,
    posted_at: null,
    posted_by: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    ...reversal.mirror?.(original),
  } as Row;
  await headerDb(trx).insertInto(tableOf(kind)).values(mirror).execute();
  const posting = await reversal.work(original, mirror);
  const at = posting.at ?? nowIso();
  const number = await numberAndMarkPosted(trx, kind, actor, mirror, posting, at);
  const more = await posting.numbered?.(number);
  const reversed = await headerDb(trx)
    .updateTable(tableOf(kind))
    .set({ status: 'reversed', reversed_by_id: mirror.id, updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', fromStatuses(lifecycleOf(kind), 'reversed'))
    .where('reversed_by_id', 'is', null)
    .executeTakeFirst();
  if (Number(reversed.numUpdatedRows) !== 1)
    throw new DomainError('conflict', 'already_reversed', { params: { number: original.number ?? '' } });
  await kind.audit(trx, actor, [
    {
      action: reverseAction,
      entity: kind.entity,
      entityId: id,
      before: { status: 'posted' },
      after: { status: 'reversed', reversedById: mirror.id },
    },
    {
      action: kind.actions.post,
      entity: kind.entity,
      entityId: mirror.id,
      after: { number, reversalOfId: id, ...posting.audit, ...more },
    },
  ]);
  return { mirrorId: mirror.id, number };
}

export interface DocumentLink {
  id: string;
  number: string | null;
  documentDate: CalendarDate;
}

/** What every printed document shows about itself, whatever its kind. */
export interface DocumentPrintHeader {
  id: string;
  status: DocumentStatus;
  number: string | null;
  documentDate: CalendarDate;
  postedAt: Instant | null;
  createdByName: string | null;
  postedByName: string | null;
  /** Who compiled it: the poster of a posted document, the drafter of a draft. */
  compiledByName: string | null;
  /** A reversal prints as the reversal ("СТОРНО") of this document. */
  reversalOf: DocumentLink | null;
  reversedBy: DocumentLink | null;
}

/** The print header of a document (drafts too), with names and reversal links; undefined when there is none. */
export async function documentPrintHeader(
  db: Executor,
  kind: { table: string },
  id: string,
): Promise<DocumentPrintHeader | undefined> {
  const t = tableOf(kind);
  const row = await headerDb(db)
    .selectFrom(`${t} as d` as 'document as d')
    .leftJoin('app_user as drafter', 'drafter.id', 'd.created_by')
    .leftJoin('app_user as poster', 'poster.id', 'd.posted_by')
    .leftJoin(`${t} as original` as 'document as original', 'original.id', 'd.reversal_of_id')
    .leftJoin(`${t} as mirror` as 'document as mirror', 'mirror.id', 'd.reversed_by_id')
    .select([
      'd.id',
      'd.status',
      'd.number',
      'd.document_date',
      'd.posted_at',
      'd.posted_by',
      'drafter.full_name as created_by_name',
      'poster.full_name as posted_by_name',
      'original.id as original_id',
      'original.number as original_number',
      'original.document_date as original_date',
      'mirror.id as mirror_id',
      'mirror.number as mirror_number',
      'mirror.document_date as mirror_date',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const link = (linkId: string | null, number: string | null, date: string | null) =>
    linkId ? { id: linkId, number, documentDate: date ?? '' } : null;
  return {
    id: row.id,
    status: row.status,
    number: row.number,
    documentDate: row.document_date,
    postedAt: row.posted_at,
    createdByName: row.created_by_name ?? null,
    postedByName: row.posted_by_name ?? null,
    compiledByName: (row.posted_by ? row.posted_by_name : row.created_by_name) ?? null,
    reversalOf: link(row.original_id, row.original_number, row.original_date),
    reversedBy: link(row.mirror_id, row.mirror_number, row.mirror_date),
  };
}
