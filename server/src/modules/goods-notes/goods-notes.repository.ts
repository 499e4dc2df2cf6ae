/** The goods delivery notes' SQL (ADR 0024). */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import { offsetOf } from '../../kernel/list-query';
import type { GoodsNoteListQuery } from './goods-notes.schema';
import type { GoodsNoteLineTable, GoodsNoteRenderingTable, GoodsNoteTable } from './goods-notes.table';

export async function insertNote(db: Executor, row: Insertable<GoodsNoteTable>): Promise<void> {
  await db.insertInto('goods_note').values(row).execute();
}

export async function insertLines(db: Executor, rows: Insertable<GoodsNoteLineTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('goods_note_line').values(rows).execute();
}

const withOrder = (db: Executor) =>
  db
    .selectFrom('goods_note as n')
    .leftJoin('service_order as o', 'o.id', 'n.order_id')
    .selectAll('n')
    .select('o.number as order_number');

export async function findNote(db: Executor, id: string) {
  return withOrder(db).where('n.id', '=', id).executeTakeFirst();
}
export type NoteRow = NonNullable<Awaited<ReturnType<typeof findNote>>>;
/** The header as the document lifecycle locks and posts it (ADR 8). */
export type NoteHeaderRow = Selectable<GoodsNoteTable>;

export async function listNotes(db: Executor, q: GoodsNoteListQuery) {
  let base = db.selectFrom('goods_note as n');
  if (q.orderId) base = base.where('n.order_id', '=', q.orderId);
  if (q.partyId) base = base.where('n.party_id', '=', q.partyId);
  if (q.q) {
    const like = `%${q.q}%`;
    base = base.where((eb) => eb.or([eb('n.number', 'like', like), eb('n.recipient_name', 'like', like)]));
  }
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = q.sort?.startsWith('-') ?? true;
  const rows = await base
    .leftJoin('service_order as o', 'o.id', 'n.order_id')
    .selectAll('n')
    .select('o.number as order_number')
    .orderBy('n.number', q.sort === 'number' ? 'asc' : desc ? 'desc' : 'asc')
    .limit(q.pageSize)
    .offset(offsetOf(q.page, q.pageSize))
    .execute();
  return { rows, total: Number(count.n) };
}

export async function linesOf(db: Executor, noteId: string) {
  return db
    .selectFrom('goods_note_line')
    .selectAll()
    .where('note_id', '=', noteId)
    .orderBy('position')
    .execute();
}

export async function findRendering(
  db: Executor,
  noteId: string,
  language: GoodsNoteRenderingTable['language'],
) {
  return db
    .selectFrom('goods_note_rendering')
    .selectAll()
    .where('note_id', '=', noteId)
    .where('language', '=', language)
    .executeTakeFirst();
}

export async function findRenderingHash(db: Executor, noteId: string): Promise<string | null> {
  const row = await db
    .selectFrom('goods_note_rendering')
    .select('sha256')
    .where('note_id', '=', noteId)
    .where('language', '=', 'bg')
    .executeTakeFirst();
  return row?.sha256 ?? null;
}

/** Keeps the first rendering of a language: a second one made at the same time is dropped. */
export async function insertRendering(db: Executor, row: Insertable<GoodsNoteRenderingTable>): Promise<void> {
  await db
    .insertInto('goods_note_rendering')
    .values(row)
    .onConflict((oc) => oc.columns(['note_id', 'language']).doNothing())
    .execute();
}
