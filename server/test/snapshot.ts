import { sql } from 'kysely';
import type { Db } from '../src/db/database';
import { dialectOf } from '../src/db/sql';

/** Every row of every table (but the sign-in attempt counters), to prove a refused request wrote nothing. */
export async function snapshotDatabase(
  db: Db,
  except: string[] = ['login_attempt', 'login_throttle'],
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
    out[name] = (await sql`select * from ${sql.table(name)} order by 1`.execute(db)).rows;
  }
  return out;
}
