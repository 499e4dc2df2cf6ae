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

/** Every row of every table (but the sign-in attempt counters), to prove a refused request wrote nothing. */
export async function snapshotDatabase(
  db: Db,
  except: string[] = ['login_attempt', 'login_throttle', ...BACKGROUND_TABLES],
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
