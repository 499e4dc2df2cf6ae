import { sql } from 'kysely';
import { toSearchText } from '../../kernel/search-text';
import type { Migration, MigrationDb } from './helpers';

/**
 * Goods notes, sale receipts and proformas on the shared document lifecycle (ADR 0008): each header gets the columns
 * every numbered document has (`reversal_of_id, reversed_by_id, posted_at, posted_by`, and `search_text,
 * updated_at` where missing), its number and series may be empty on a draft, and its status is stored as the
 * lifecycle names it: `issued` (and a proforma's `converted`, told by its invoice) is `posted`, a proforma's
 * `cancelled` is `reversed`. The API still answers with the document's own words (as an invoice's does).
 *
 * SQLite cannot drop a NOT NULL nor change a CHECK: each table is rebuilt from its own stored definition, as
 * 0032-counter-sales does, with foreign keys off while the copy is swapped in and checked before they are back on.
 */
const TABLES = {
  goods_note: { statuses: { issued: 'posted' }, addSearchText: true, addUpdatedAt: true, nullable: [] },
  // A receipt's payment is recorded once its number is taken (its reason cites the number): a draft has none.
  sale_receipt: {
    statuses: { issued: 'posted' },
    addSearchText: true,
    addUpdatedAt: true,
    nullable: ['movement_id'],
  },
  sales_proforma: {
    statuses: { issued: 'posted', converted: 'posted', cancelled: 'reversed' },
    addSearchText: false,
    addUpdatedAt: false,
    nullable: [],
  },
} as const;

const STATUS_CHECK = "status in ('draft', 'posted', 'reversed')";

export const documentsOnTheLifecycle: Migration = {
  name: '0035-documents-on-the-lifecycle',
  async up(db, dialect) {
    const pg = dialect === 'postgres';
    for (const [table, spec] of Object.entries(TABLES)) {
      // The header columns every document has; the not-null ones are filled below before they are made so.
      await db.schema
        .alterTable(table)
        .addColumn('reversal_of_id', 'text', (x) => x.references(`${table}.id`))
        .execute();
      await db.schema
        .alterTable(table)
        .addColumn('reversed_by_id', 'text', (x) => x.references(`${table}.id`))
        .execute();
      await db.schema
        .alterTable(table)
        .addColumn('posted_at', pg ? 'timestamptz' : 'text')
        .execute();
      await db.schema
        .alterTable(table)
        .addColumn('posted_by', 'text', (x) => x.references('app_user.id'))
        .execute();
      if (spec.addSearchText)
        await db.schema
          .alterTable(table)
          .addColumn('search_text', 'text', (x) => (pg ? x : x.notNull().defaultTo('')))
          .execute();
      if (spec.addUpdatedAt)
        await db.schema
          .alterTable(table)
          .addColumn('updated_at', pg ? 'timestamptz' : 'text', (x) => (pg ? x : x.notNull().defaultTo('')))
          .execute();

      // SQLite's old CHECK refuses the new words: its rows take them as they are copied into the rebuilt table.
      if (pg) {
        await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_status_check`)}`.execute(
          db,
        );
        for (const [from, to] of Object.entries(spec.statuses))
          await db.updateTable(table).set({ status: to }).where('status', '=', from).execute();
      }
      await db
        .updateTable(table)
        .set({ posted_at: sql.ref('created_at'), posted_by: sql.ref('created_by') })
        .execute();
      if (spec.addUpdatedAt)
        await db
          .updateTable(table)
          .set({ updated_at: sql.ref('created_at') })
          .execute();
      if (spec.addSearchText) await fillSearchText(db, table);

      if (pg) {
        await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_status_check`)} check (${sql.raw(STATUS_CHECK)})`.execute(
          db,
        );
        for (const col of ['number', 'series_id', ...spec.nullable])
          await sql`alter table ${sql.table(table)} alter column ${sql.ref(col)} drop not null`.execute(db);
        if (spec.addSearchText)
          await sql`alter table ${sql.table(table)} alter column search_text set not null`.execute(db);
        if (spec.addUpdatedAt)
          await sql`alter table ${sql.table(table)} alter column updated_at set not null`.execute(db);
      } else await rebuildOnSqlite(db, table, ['number', 'series_id', ...spec.nullable], spec.statuses);
      for (const col of ['reversal_of_id', 'reversed_by_id', 'posted_by'])
        await db.schema.createIndex(`${table}_${col}_idx`).on(table).column(col).execute();
    }
  },
};

/** The words a document is found by: its number, and a note's recipient or a receipt's УНП (as they are written). */
async function fillSearchText(db: MigrationDb, table: string): Promise<void> {
  const rows: { id: string; number: string; more: string | null }[] = await db
    .selectFrom(table)
    .select([
      'id',
      'number',
      table === 'goods_note' ? 'recipient_name as more' : 'unique_sale_number as more',
    ])
    .execute();
  for (const r of rows)
    await db
      .updateTable(table)
      .set({ search_text: toSearchText(r.number, r.more) })
      .where('id', '=', r.id)
      .execute();
}

async function rebuildOnSqlite(
  db: MigrationDb,
  table: string,
  nullable: string[],
  statuses: Record<string, string>,
): Promise<void> {
  const objects = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const stored = objects.rows.find((o) => o.type === 'table')?.sql;
  if (!stored) throw new Error(`0035: ${table} not found`);
  const rebuilt = nullable
    .reduce((def, col) => def.replace(`"${col}" text not null`, `"${col}" text`), stored)
    .replace(/check \(status in \([^)]*\)\)/, `check (${STATUS_CHECK})`)
    .replaceAll("not null default ''", 'not null')
    .replace(new RegExp(`^create table "${table}"`, 'i'), `create table "${table}_rebuilt"`);
  if (!rebuilt.includes(STATUS_CHECK) || nullable.some((col) => rebuilt.includes(`"${col}" text not null`)))
    throw new Error(`0035: ${table} is not as expected: ${stored}`);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql.raw(rebuilt).execute(db);
    const cols = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
    const status = `case status ${Object.entries(statuses)
      .map(([from, to]) => `when '${from}' then '${to}'`)
      .join(' ')} else status end`;
    const names = cols.rows.map((c) => `"${c.name}"`).join(', ');
    const values = cols.rows.map((c) => (c.name === 'status' ? status : `"${c.name}"`)).join(', ');
    await sql.raw(`insert into "${table}_rebuilt" (${names}) select ${values} from "${table}"`).execute(db);
    await sql.raw(`drop table "${table}"`).execute(db);
    await sql.raw(`alter table "${table}_rebuilt" rename to "${table}"`).execute(db);
    for (const o of objects.rows) if (o.type === 'index' && o.sql) await sql.raw(o.sql).execute(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length) throw new Error(`0035: foreign keys broken by the rebuild of ${table}`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
