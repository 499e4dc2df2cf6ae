import type { Executor } from '../../db/database';

/** The stored forms of one attachment. */
export type AttachmentVariant = 'original' | 'thumbnail';

/**
 * Where the bytes of attachments are kept (ADR 15): the one interface every upload goes through. Every call takes
 * the caller's executor, so bytes are written and removed in the same transaction as their attachment row.
 */
export interface AttachmentStore {
  put(db: Executor, attachmentId: string, variant: AttachmentVariant, data: Buffer): Promise<void>;
  get(db: Executor, attachmentId: string, variant: AttachmentVariant): Promise<Buffer | null>;
  removeAll(db: Executor, attachmentId: string): Promise<void>;
}

/** The bytes in the database itself (a BLOB on SQLite, a bytea on PostgreSQL): one backup, one transaction. */
export const databaseStore: AttachmentStore = {
  async put(db, attachmentId, variant, data) {
    await db
      .insertInto('attachment_content')
      .values({ attachment_id: attachmentId, variant, data })
      .execute();
  },
  async get(db, attachmentId, variant) {
    const row = await db
      .selectFrom('attachment_content')
      .select('data')
      .where('attachment_id', '=', attachmentId)
      .where('variant', '=', variant)
      .executeTakeFirst();
    return row ? Buffer.from(row.data) : null;
  },
  async removeAll(db, attachmentId) {
    await db.deleteFrom('attachment_content').where('attachment_id', '=', attachmentId).execute();
  },
};
