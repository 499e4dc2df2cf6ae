import { sql } from 'kysely';
import type { Migration, MigrationDb } from './helpers';

/**
 * Over-the-counter sales of parts (issue 13 item 3; ADR 0026): a sale receipt without an order may have no customer
 * (a walk-in buyer at the till), so `sale_receipt.party_id` may be null; each receipt line may name the catalogue part
 * it sold (its stock issue is a stock document whose source is the receipt).
 *
 * SQLite cannot drop a NOT NULL: the table is rebuilt from its own stored definition (so every column and index
 * that any migration gave it is kept), with foreign keys off while the copy is swapped in (Kysely runs SQLite
 * migrations outside a transaction, where the pragma takes effect), and checked before they are turned back on.
 */
export const counterSales: Migration = {
  name: '0032-counter-sales',
  async up(db, dialect) {
    if (dialect === 'postgres')
      await sql`alter table sale_receipt alter column party_id drop not null`.execute(db);
    else await dropPartyNotNullOnSqlite(db);
    await db.schema
      .alterTable('sale_receipt_line')
      .addColumn('part_id', 'text', (c) => c.references('catalog_part.id'))
      .execute();
    await db.schema
      .createIndex('sale_receipt_line_part_id_idx')
      .on('sale_receipt_line')
      .column('part_id')
      .execute();
  },
};

async function dropPartyNotNullOnSqlite(db: MigrationDb): Promise<void> {
  const objects = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = 'sale_receipt'`.execute(db);
  const table = objects.rows.find((o) => o.type === 'table');
  if (!table?.sql) throw new Error('0032: sale_receipt not found');
  const nullable = table.sql.replace('"party_id" text not null references', '"party_id" text references');
  if (nullable === table.sql)
    throw new Error(`0032: sale_receipt.party_id is not "not null" as expected: ${table.sql}`);
  const created = nullable.replace(/^create table "sale_receipt"/i, 'create table "sale_receipt_rebuilt"');
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql.raw(created).execute(db);
    await sql`insert into sale_receipt_rebuilt select * from sale_receipt`.execute(db);
    await sql`drop table sale_receipt`.execute(db);
    await sql`alter table sale_receipt_rebuilt rename to sale_receipt`.execute(db);
    for (const o of objects.rows) if (o.type === 'index' && o.sql) await sql.raw(o.sql).execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length) throw new Error('0032: foreign keys broken by the rebuild');
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
