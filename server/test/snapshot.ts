import { sql } from 'kysely';
import type { Db } from '../src/db/database';
import { dialectOf } from '../src/db/sql';

/**
 * What the app's background runner may change while a test runs, whatever the request under test did: the rendering
 * of an issued invoice (stored by its job), and a job's progress (status, lease, attempts). A job a request queued
 * still shows: the job table is compared by the columns the request writes.
 */
const BACKGROUND_TABLES = ['sales_invoice_rendering'];
const STABLE_COLUMNS: Record<string, string[]> = {
  job: ['id', 'kind', 'payload', 'created_by', 'created_at'],
};

const NOT_WRITTEN_BY_REQUESTS = ['login_attempt', 'login_throttle', ...BACKGROUND_TABLES];

/**
 * Every row of every table (but the sign-in attempt counters), to prove a refused request wrote nothing: compare
 * two with toEqual. A table is one text, a line per row in key order, so that comparing the snapshots of a demo
 * database costs milliseconds (toEqual over its 4,000 row objects took half a second) and a difference still shows
 * as the rows that differ.
 */
export async function snapshotDatabase(
  db: Db,
  except: string[] = NOT_WRITTEN_BY_REQUESTS,
): Promise<Record<string, string>> {
  const rows = await tableRows(db, except);
  return Object.fromEntries(
    Object.entries(rows).map(([name, list]) => [name, list.map((r) => JSON.stringify(r)).join('\n')]),
  );
}

/** Every row of every table but those named, by table name. */
export async function tableRows(
  db: Db,
  except: string[] = NOT_WRITTEN_BY_REQUESTS,
): Promise<Record<string, unknown[]>> {
  const tables =
    dialectOf(db) === 'postgres'
      ? (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
            db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
        ).rows;
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (except.includes(name)) continue;
    const stable = STABLE_COLUMNS[name];
    const columns = stable ? sql.join(stable.map((c) => sql.ref(c))) : sql`*`;
    out[name] = (await sql`select ${columns} from ${sql.table(name)} order by 1`.execute(db)).rows;
  }
  return out;
}
