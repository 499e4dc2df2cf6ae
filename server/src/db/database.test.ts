import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../test/harness';
import { loadConfig } from '../config';
import { toSearchText } from '../kernel/search-text';
import { type Db, openDatabase, parseInstant, readDurability, withStatementCache } from './database';
import { columns, type MigrationDb } from './migrations/helpers';
import { countAll, dialectOf, lockForUpdate, matchesSearch, sumInt } from './sql';

/** A scratch table, made only in this test's own fresh database. */
async function createScratch(db: MigrationDb, dialect: 'sqlite' | 'postgres') {
  const c = columns(dialect);
  let t = db.schema.createTable('scratch');
  t = c.id(t);
  t = c.text(t, 'name', (x) => x.notNull());
  t = c.text(t, 'search_text', (x) => x.notNull().defaultTo(''));
  t = c.bool(t, 'flag', false);
  t = c.bigint(t, 'amount_cents', (x) => x.notNull().defaultTo(0));
  t = c.bigint(t, 'qty', (x) => x.notNull().defaultTo(0));
  t = c.instant(t, 'at');
  t = c.date(t, 'day');
  await t.execute();
}

// biome-ignore lint/suspicious/noExplicitAny: the scratch table is not part of the typed schema
const scratch = (db: Db) => db as unknown as MigrationDb & { selectFrom: any };

describe.each(DIALECTS)('database on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: MigrationDb;

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = scratch(tdb.handle.db);
    await createScratch(db, dialect);
  });
  afterAll(async () => tdb?.drop());

  it('knows its dialect', () => {
    expect(dialectOf(tdb.handle.db)).toBe(dialect);
  });

  it('stores booleans and reads them back as truthy/falsy the same way', async () => {
    await db.insertInto('scratch').values({ id: 'b1', name: 'yes', flag: true }).execute();
    await db.insertInto('scratch').values({ id: 'b2', name: 'no', flag: false }).execute();
    const rows = await db.selectFrom('scratch').select(['id', 'flag']).where('flag', '=', true).execute();
    expect(rows.map((r: { id: string }) => r.id)).toEqual(['b1']);
    const no = await db.selectFrom('scratch').select('flag').where('id', '=', 'b2').executeTakeFirstOrThrow();
    expect(Boolean(no.flag)).toBe(false);
  });

  it('returns bigint columns, sums and counts as numbers, beyond 32 bits', async () => {
    const big = 5_000_000_000_00; // 5 billion euro in cents
    await db.insertInto('scratch').values({ id: 'm1', name: 'a', amount_cents: big }).execute();
    await db.insertInto('scratch').values({ id: 'm2', name: 'b', amount_cents: 1 }).execute();
    const row = await db
      .selectFrom('scratch')
      .select('amount_cents')
      .where('id', '=', 'm1')
      .executeTakeFirstOrThrow();
    expect(row.amount_cents).toBe(big);
    const agg = await db
      .selectFrom('scratch')
      .select([sumInt('amount_cents').as('total'), countAll().as('n')])
      .where('id', 'in', ['m1', 'm2'])
      .executeTakeFirstOrThrow();
    expect(agg).toEqual({ total: big + 1, n: 2 });
    const empty = await db
      .selectFrom('scratch')
      .select(sumInt('amount_cents').as('total'))
      .where('id', '=', 'none')
      .executeTakeFirstOrThrow();
    expect(empty.total).toBe(0);
  });

  it('keeps instants as ISO UTC strings and dates as YYYY-MM-DD', async () => {
    await db
      .insertInto('scratch')
      .values({ id: 't1', name: 't', at: '2026-11-27T22:30:00.123Z', day: '2026-01-01' })
      .execute();
    const row = await db
      .selectFrom('scratch')
      .select(['at', 'day'])
      .where('id', '=', 't1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ at: '2026-11-27T22:30:00.123Z', day: '2026-01-01' });
    const later = await db
      .selectFrom('scratch')
      .select('id')
      .where('at', '>', '2026-11-27T22:00:00.000Z')
      .execute();
    expect(later.map((r: { id: string }) => r.id)).toContain('t1');
  });

  it('finds Cyrillic text in any case, and Latin transliteration, with LIKE wildcards escaped', async () => {
    for (const [id, name] of [
      ['c1', 'Иван Петров'],
      ['c2', 'ИВАНКА ДИМОВА'],
      ['c3', 'Георги 100% _сервиз_'],
      ['c4', 'Ivan Smith'],
    ]) {
      await db
        .insertInto('scratch')
        .values({ id, name, search_text: toSearchText(name) })
        .execute();
    }
    const find = async (needle: string) =>
      (
        await db
          .selectFrom('scratch')
          .select('id')
          .where(matchesSearch('search_text', needle))
          .orderBy('id')
          .execute()
      ).map((r: { id: string }) => r.id);
    expect(await find('иван')).toEqual(['c1', 'c2']);
    expect(await find('ИВАН')).toEqual(['c1', 'c2']);
    expect(await find('петров')).toEqual(['c1']);
    expect(await find('petrov')).toEqual(['c1']);
    expect(await find('ivan')).toEqual(['c1', 'c2', 'c4']);
    expect(await find('100%')).toEqual(['c3']);
    expect(await find('_')).toEqual(['c3']);
    expect(await find('0%_')).toEqual([]);
  });

  it('a guarded update cannot oversell under concurrency', async () => {
    await db.insertInto('scratch').values({ id: 'stock', name: 'part', qty: 20 }).execute();
    const takeOne = async () => {
      const r = await db
        .updateTable('scratch')
        .set({ qty: sql`qty - 1` })
        .where('id', '=', 'stock')
        .where('qty', '>=', 1)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    };
    const results = await Promise.all(Array.from({ length: 50 }, takeOne));
    expect(results.filter(Boolean)).toHaveLength(20);
    const row = await db
      .selectFrom('scratch')
      .select('qty')
      .where('id', '=', 'stock')
      .executeTakeFirstOrThrow();
    expect(row.qty).toBe(0);
  });

  it('read-modify-write in transactions with a row lock loses no update', async () => {
    await db.insertInto('scratch').values({ id: 'counter', name: 'c', qty: 0 }).execute();
    const typed = tdb.handle.db;
    await Promise.all(
      Array.from({ length: 30 }, () =>
        typed.transaction().execute(async (trx) => {
          const t = scratch(trx);
          const row = await lockForUpdate(
            t.selectFrom('scratch').select('qty').where('id', '=', 'counter'),
            trx,
          ).executeTakeFirstOrThrow();
          await t
            .updateTable('scratch')
            .set({ qty: row.qty + 1 })
            .where('id', '=', 'counter')
            .execute();
        }),
      ),
    );
    const row = await db
      .selectFrom('scratch')
      .select('qty')
      .where('id', '=', 'counter')
      .executeTakeFirstOrThrow();
    expect(row.qty).toBe(30);
  });

  it('a failed transaction writes nothing', async () => {
    await expect(
      tdb.handle.db.transaction().execute(async (trx) => {
        await scratch(trx).insertInto('scratch').values({ id: 'r1', name: 'rolled back' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const row = await db.selectFrom('scratch').select('id').where('id', '=', 'r1').executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('enforces foreign keys', async () => {
    await expect(
      tdb.handle.db
        .insertInto('user_session')
        .values({
          id: 's',
          user_id: 'nobody',
          csrf_token: 'x',
          created_at: 'a',
          expires_at: 'b',
          last_seen_at: 'c',
        })
        .execute(),
    ).rejects.toThrow();
  });
});

// Only PostgreSQL prepares statements (SQLite's statement cache is tested above).
describe.each(DIALECTS.filter((d) => d === 'postgres'))('prepared reads on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: MigrationDb;

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = scratch(tdb.handle.db);
    await createScratch(db, dialect);
  });
  afterAll(async () => tdb?.drop());

  it('a session prepares a read once, with LIMIT and OFFSET in its text; a search is planned each time', async () => {
    await db.insertInto('scratch').values({ id: 'p1', name: 'prepared', search_text: 'prepared' }).execute();
    const page = (trx: Db, from: number) =>
      scratch(trx)
        .selectFrom('scratch')
        .select('id')
        .where('name', '=', 'prepared')
        .orderBy('id')
        .limit(5)
        .offset(from)
        .execute();
    const prepared = await tdb.handle.db.transaction().execute(async (trx) => {
      expect(await page(trx, 0)).toEqual([{ id: 'p1' }]);
      expect(await page(trx, 0)).toEqual([{ id: 'p1' }]);
      expect(await page(trx, 1)).toEqual([]);
      await scratch(trx).selectFrom('scratch').select('id').where('search_text', 'like', '%prep%').execute();
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
        trx,
      );
      return rows.map((r) => r.statement);
    });
    const ofPage = prepared.filter((s) => s.includes('"scratch"') && s.includes('"name" = $1'));
    // One statement per page: the limit and the offset are literals, the compared value is a parameter.
    expect(ofPage.filter((s) => s.includes('limit 5 offset 0'))).toHaveLength(1);
    expect(ofPage.filter((s) => s.includes('limit 5 offset 1'))).toHaveLength(1);
    expect(prepared.filter((s) => s.includes(' like '))).toEqual([]);
  });
});

describe('instants read from PostgreSQL', () => {
  it('are ISO-8601 UTC with milliseconds, whatever fraction or offset pg sends', () => {
    const cases = [
      '2026-11-27 10:00:00+00',
      '2026-11-27 10:00:00.1+00',
      '2026-11-27 10:00:00.123+00',
      '2026-11-27 10:00:00.123456+00',
      '2026-11-27 10:00:00.999999+00',
      '2026-03-29 03:30:00.5+03',
      '2026-11-27 10:00:00-05',
      '1999-12-31 23:59:59.07+00',
    ];
    // The same as a Date makes of it (microseconds cut to milliseconds).
    for (const text of cases)
      expect(parseInstant(text), text).toBe(
        new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString(),
      );
    expect(parseInstant('2026-11-27 10:00:00.123456+00')).toBe('2026-11-27T10:00:00.123Z');
    expect(() => parseInstant('not a time')).toThrow(RangeError);
  });
});

describe('the SQLite statement cache', () => {
  it('prepares a statement once, keeps at most `size`, and follows a schema change', () => {
    const raw = new SQLite(':memory:');
    const db = withStatementCache(raw, 2);
    db.prepare('create table t (a integer)').run([]);
    const insert = db.prepare('insert into t (a) values (?)');
    expect(db.prepare('insert into t (a) values (?)')).toBe(insert);
    insert.run([1]);
    insert.run([2]);
    expect(db.prepare('select a from t order by a').all([])).toEqual([{ a: 1 }, { a: 2 }]);
    // Two others used since: the insert is the least recently used and was dropped.
    db.prepare('select count(*) as n from t').all([]);
    expect(db.prepare('insert into t (a) values (?)')).not.toBe(insert);
    // A cached statement still answers after the table changes under it.
    const star = db.prepare('select * from t order by a');
    db.prepare('alter table t add column b text').run([]);
    expect(db.prepare('select * from t order by a')).toBe(star);
    expect(star.all([])).toEqual([
      { a: 1, b: null },
      { a: 2, b: null },
    ]);
    // SQLite binds no booleans: true and false go in as 1 and 0 (the `SqlBool` columns).
    db.prepare('create table flags (on_off integer)').run([]);
    db.prepare('insert into flags (on_off) values (?), (?)').run([true, false]);
    expect(db.prepare('select on_off from flags order by rowid').all([])).toEqual([
      { on_off: 1 },
      { on_off: 0 },
    ]);
    db.close();
    expect(raw.open).toBe(false);
  });
});

describe.each(DIALECTS)('durability on %s', (dialect) => {
  it('commits durably from the start: WAL with synchronous=FULL, or synchronous_commit on', async () => {
    const tdb = await freshDatabase(dialect, { production: true });
    try {
      const durability = await readDurability(tdb.handle);
      if (dialect === 'sqlite') {
        expect(durability).toEqual({ dialect: 'sqlite', journalMode: 'wal', synchronous: 'full' });
      } else {
        expect(durability).toEqual({ dialect: 'postgres', synchronousCommit: 'on', fsync: 'on' });
        // Even when the role's default says otherwise, the pool's sessions commit synchronously.
        const url = (tdb.config.database as { url: string }).url;
        const role = await sql<{ r: string }>`select current_user as r`.execute(tdb.handle.db);
        const name = role.rows[0]?.r ?? 'postgres';
        const database = new URL(url).pathname.slice(1);
        await sql`alter role ${sql.id(name)} in database ${sql.id(database)} set synchronous_commit = off`.execute(
          tdb.handle.db,
        );
        try {
          const other = openDatabase({ kind: 'postgres', url });
          try {
            expect(await readDurability(other)).toMatchObject({ synchronousCommit: 'on' });
            const app = await sql<{ a: string }>`select current_setting('application_name') as a`.execute(
              other.db,
            );
            expect(app.rows[0]?.a).toBe('servix');
          } finally {
            await other.close();
          }
        } finally {
          await sql`alter role ${sql.id(name)} in database ${sql.id(database)} reset synchronous_commit`.execute(
            tdb.handle.db,
          );
        }
      }
    } finally {
      await tdb.drop();
    }
  });
});

describe('SQLITE_SYNCHRONOUS', () => {
  it('is full unless set to normal; anything else is refused at start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-sync-'));
    const file = path.join(dir, 'servix.db');
    try {
      expect(loadConfig({ DATABASE_URL: `sqlite:${file}` }).database).toMatchObject({ synchronous: 'full' });
      const config = loadConfig({ DATABASE_URL: `sqlite:${file}`, SQLITE_SYNCHRONOUS: 'normal' });
      expect(config.database).toMatchObject({ synchronous: 'normal' });
      expect(() => loadConfig({ DATABASE_URL: `sqlite:${file}`, SQLITE_SYNCHRONOUS: 'off' })).toThrow(
        /SQLITE_SYNCHRONOUS must be full or normal/,
      );
      const handle = openDatabase(config.database);
      try {
        expect(await readDurability(handle)).toEqual({
          dialect: 'sqlite',
          journalMode: 'wal',
          synchronous: 'normal',
        });
      } finally {
        await handle.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
