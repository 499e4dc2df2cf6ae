import { sql } from 'kysely';
import type { Migration, MigrationDb } from './helpers';

/**
 * The customer's signature on a service order (issue 14 items 5 and 6; ADR 0032): an attachment of kind
 * 'signature', at most one per record (a partial unique index), with the signer's name as they typed it. The time
 * it was signed is the attachment's created_at (a new signature replaces the old row).
 *
 * The position a phone photo was taken at, kept only when the service settings say so (keepPhotoLocation, default
 * off): the attachment's latitude and longitude in millionths of a degree (integers: the same on both databases).
 *
 * SQLite cannot change a CHECK: the table is rebuilt from its own stored definition (every column and index kept),
 * with foreign keys off while the copy is swapped in, and checked before they are turned back on (as 0032).
 */
export const orderSignatures: Migration = {
  name: '0037-order-signatures',
  async up(db, dialect) {
    if (dialect === 'postgres') {
      await sql`alter table attachment drop constraint attachment_kind_check`.execute(db);
      await sql`alter table attachment add constraint attachment_kind_check check (kind in ('photo', 'signature'))`.execute(
        db,
      );
    } else await widenKindOnSqlite(db);
    await db.schema.alterTable('attachment').addColumn('signer_name', 'text').execute();
    await db.schema.alterTable('attachment').addColumn('latitude_e6', 'integer').execute();
    await db.schema.alterTable('attachment').addColumn('longitude_e6', 'integer').execute();
    await db.schema
      .alterTable('service_settings')
      .addColumn('keep_photo_location', dialect === 'postgres' ? 'boolean' : 'integer', (c) =>
        c.notNull().defaultTo(dialect === 'postgres' ? false : 0),
      )
      .execute();
    await db.schema
      .createIndex('attachment_one_signature')
      .on('attachment')
      .columns(['owner_type', 'owner_id'])
      .unique()
      .where(sql.ref('kind'), '=', 'signature')
      .execute();
  },
};

async function widenKindOnSqlite(db: MigrationDb): Promise<void> {
  const objects = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = 'attachment'`.execute(db);
  const table = objects.rows.find((o) => o.type === 'table');
  if (!table?.sql) throw new Error('0037: attachment not found');
  const widened = table.sql.replace("check (kind in ('photo'))", "check (kind in ('photo', 'signature'))");
  if (widened === table.sql)
    throw new Error(`0037: attachment.kind is not checked as expected: ${table.sql}`);
  const created = widened.replace(/^create table "attachment"/i, 'create table "attachment_rebuilt"');
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql.raw(created).execute(db);
    await sql`insert into attachment_rebuilt select * from attachment`.execute(db);
    await sql`drop table attachment`.execute(db);
    await sql`alter table attachment_rebuilt rename to attachment`.execute(db);
    for (const o of objects.rows) if (o.type === 'index' && o.sql) await sql.raw(o.sql).execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length) throw new Error('0037: foreign keys broken by the rebuild');
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
