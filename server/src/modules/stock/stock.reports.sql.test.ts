import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { todayDate } from '../../kernel/calendar';
import { listLevels, lowStock, partCard, valuation } from './stock.reports';

/**
 * The SQL of the heavy stock reports, as each dialect receives it, kept in __snapshots__/stock.reports.*.sql: a
 * change to a report's query shows up in review as a diff of that file. The reports run against a driver that
 * records every statement and answers a row of zeroes, so no database is needed and nothing in the reports changes.
 * After a deliberate change: `npx vitest run -u server/src/modules/stock/stock.reports.sql.test.ts`.
 */

/** One row whose every column is 0: enough for the reports to go on to their next statement. */
const ZEROES = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? 0 : undefined) });

/** A driver that keeps what it is asked to run and answers every statement with one row of zeroes. */
class RecordingDriver implements Driver {
  readonly statements: CompiledQuery[] = [];
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const statements = this.statements;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        statements.push(query);
        return { rows: [ZEROES as R] };
      },
      // biome-ignore lint/correctness/useYield: the reports never stream
      async *streamQuery() {
        throw new Error('the reports do not stream');
      },
    };
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

function recorder(dialect: 'sqlite' | 'postgres') {
  const driver = new RecordingDriver();
  const kyselyDialect: Dialect =
    dialect === 'sqlite'
      ? {
          createAdapter: () => new SqliteAdapter(),
          createDriver: () => driver,
          createIntrospector: (db) => new SqliteIntrospector(db),
          createQueryCompiler: () => new SqliteQueryCompiler(),
        }
      : {
          createAdapter: () => new PostgresAdapter(),
          createDriver: () => driver,
          createIntrospector: (db) => new PostgresIntrospector(db),
          createQueryCompiler: () => new PostgresQueryCompiler(),
        };
  // No plugins, as openDatabase gives SQLite (PostgreSQL's literal limits are left out of these texts).
  const db = new Kysely<Database>({ dialect: kyselyDialect });
  return { db, driver };
}

/** One line per clause, so that a diff names the clause that changed. */
function readable(text: string): string {
  return text.replace(
    / (from|inner join|left join|where|group by|having|order by|limit|offset|union all) /g,
    '\n  $1 ',
  );
}

const PART = '01900000-0000-7000-8000-00000000000a';
const WAREHOUSE = '01900000-0000-7000-8000-00000000000b';

const REPORTS: [string, (db: Kysely<Database>) => Promise<unknown>][] = [
  ['stock valuation at a date', (db) => valuation(db, '2026-06-30')],
  ['stock valuation at a date, one warehouse', (db) => valuation(db, '2026-06-30', WAREHOUSE)],
  [
    'levels: search, warehouse and part, sorted by value, second page',
    (db) =>
      listLevels(db, {
        q: 'помпа',
        warehouseId: WAREHOUSE,
        partId: PART,
        sort: '-valueCents',
        page: 2,
        pageSize: 50,
      }),
  ],
  ['levels below minimum', (db) => listLevels(db, { belowMinimum: true, page: 1, pageSize: 50 })],
  [
    'part card: movements with running balance, from the balance before a date',
    (db) => partCard(db, PART, { warehouseId: WAREHOUSE, from: '2026-01-01', to: '2026-06-30' }),
  ],
  ['parts below minimum, by last supplier', (db) => lowStock(db)],
];

describe.each(['sqlite', 'postgres'] as const)('the SQL of the stock reports on %s', (dialect) => {
  it('is what __snapshots__ holds (review any change to it)', async () => {
    const out: string[] = [];
    for (const [name, run] of REPORTS) {
      const { db, driver } = recorder(dialect);
      await run(db);
      out.push(`-- ${name}`);
      for (const q of driver.statements) {
        out.push(`${readable(q.sql)};`);
        // A rate looked up for today (the part's VAT rate kind, ADR 0042) is named, not dated: the file stays put.
        const today = todayDate();
        const parameters = q.parameters.map((p) => (p === today ? '<today>' : p));
        if (parameters.length) out.push(`-- parameters: ${JSON.stringify(parameters)}`);
      }
      out.push('');
    }
    await expect(out.join('\n')).toMatchFileSnapshot(`./__snapshots__/stock.reports.${dialect}.sql`);
  });
});
