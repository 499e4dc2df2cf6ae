import { sql } from 'kysely';
import { columns, type Migration } from './helpers';

/**
 * Attachments (ADR 15): files that belong to a record (a service order's photos first), with their bytes in the
 * database (a BLOB on SQLite, a bytea on PostgreSQL) beside their description.
 */
export const attachments: Migration = {
  name: '0019-attachments',
  async up(db, dialect) {
    const c = columns(dialect);
    await db.schema
      .createTable('attachment')
      .$call((t) => c.id(t))
      .$call((t) => c.text(t, 'owner_type', (x) => x.notNull()))
      .$call((t) => c.text(t, 'owner_id', (x) => x.notNull()))
      .$call((t) => c.text(t, 'kind', (x) => x.notNull().check(sql`kind in ('photo')`)))
      .$call((t) => c.text(t, 'file_name', (x) => x.notNull()))
      .$call((t) => c.text(t, 'content_type', (x) => x.notNull()))
      .$call((t) => c.int(t, 'size_bytes', (x) => x.notNull()))
      .$call((t) => c.text(t, 'sha256', (x) => x.notNull()))
      .$call((t) => c.int(t, 'width'))
      .$call((t) => c.int(t, 'height'))
      .$call((t) => c.ref(t, 'created_by', 'app_user'))
      .$call((t) => c.instant(t, 'created_at', (x) => x.notNull()))
      .execute();
    await db.schema
      .createIndex('attachment_owner_idx')
      .on('attachment')
      .columns(['owner_type', 'owner_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('attachment_content')
      .$call((t) => c.ref(t, 'attachment_id', 'attachment', (x) => x.notNull()))
      .$call((t) => c.text(t, 'variant', (x) => x.notNull().check(sql`variant in ('original', 'thumbnail')`)))
      .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (x) => x.notNull())
      .addPrimaryKeyConstraint('attachment_content_pk', ['attachment_id', 'variant'])
      .execute();
  },
};
