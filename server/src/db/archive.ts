/**
 * Archive, restore and delete, the same way for every record that has archived_at: an archived record stays a
 * valid reference (old orders, items) but leaves pickers and default lists; archiving twice keeps the first
 * date; a delete is refused while anything registered in db/usage.ts uses the record ("archive it instead").
 * The caller opens the transaction and says how its record is loaded and audited.
 */
import { notFound } from '../kernel/errors';
import type { Executor } from './database';
import type { Database } from './schema';
import { nowIso } from './sql';
import { refuseIfUsed } from './usage';

/** Tables with archived_at and updated_at. */
export type ArchivableTable = {
  [T in keyof Database]: Database[T] extends { archived_at: unknown; updated_at: unknown } ? T : never;
}[keyof Database];

/** Sets archived_at to now (archive) or clears it (restore), with updated_at; returns the new archived_at. */
export async function setArchivedAt(
  db: Executor,
  table: ArchivableTable,
  id: string,
  archived: boolean,
): Promise<string | null> {
  const now = nowIso();
  const archivedAt = archived ? now : null;
  // Every archivable table has archived_at and updated_at; the union is narrowed to one for Kysely's types.
  await db
    .updateTable(table as 'catalog_category')
    .set({ archived_at: archivedAt, updated_at: now })
    .where('id', '=', id)
    .execute();
  return archivedAt;
}

/** What an archive or a delete writes to the audit log; the caller adds the actor (modules/audit). */
export interface ArchiveAudit<T = unknown> {
  action: 'archive' | 'unarchive' | 'delete';
  before: T;
  /** The record after an archive or a restore; none after a delete. */
  after?: T;
}

export interface ArchiveOptions<T> {
  table: ArchivableTable;
  id: string;
  /** The record as the API shows it; undefined answers 404 (not_found of `table`). */
  load: (db: Executor, id: string) => Promise<T | undefined>;
  isArchived: (record: T) => boolean;
  audit: (db: Executor, entry: ArchiveAudit<T>) => Promise<void>;
}

/** Archives (archived true) or restores a record, audits the change, and returns the record as it is now. */
export async function archiveRecord<T>(db: Executor, archived: boolean, o: ArchiveOptions<T>): Promise<T> {
  const before = await o.load(db, o.id);
  if (!before) throw notFound(o.table);
  if (o.isArchived(before) === archived) return before;
  await setArchivedAt(db, o.table, o.id, archived);
  const after = await o.load(db, o.id);
  if (!after) throw notFound(o.table);
  await o.audit(db, { action: archived ? 'archive' : 'unarchive', before, after });
  return after;
}

/** Deletes a record nothing uses (409 in_use with the reasons otherwise), and audits it. */
export async function deleteRecord<T>(
  db: Executor,
  o: Omit<ArchiveOptions<T>, 'isArchived'> & { remove: (db: Executor, id: string) => Promise<void> },
): Promise<void> {
  const before = await o.load(db, o.id);
  if (!before) throw notFound(o.table);
  await refuseIfUsed(db, o.table, o.id);
  await o.remove(db, o.id);
  await o.audit(db, { action: 'delete', before });
}
