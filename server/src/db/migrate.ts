import { type Migration as KyselyMigration, Migrator } from 'kysely';
import type { DatabaseHandle } from './database';
import { MIGRATIONS } from './migrations';

export interface MigrateResult {
  applied: string[];
  backupFile?: string;
}

function migrator(handle: DatabaseHandle): Migrator {
  return new Migrator({
    db: handle.db,
    migrationTableName: 'servix_migration',
    migrationLockTableName: 'servix_migration_lock',
    provider: {
      async getMigrations() {
        const out: Record<string, KyselyMigration> = {};
        for (const m of MIGRATIONS) out[m.name] = { up: (db) => m.up(db, handle.dialect) };
        return out;
      },
    },
  });
}

/** Brings the schema up to date. On an existing SQLite file it first takes an online backup beside it. */
export async function migrateToLatest(handle: DatabaseHandle, sqliteFile?: string): Promise<MigrateResult> {
  const m = migrator(handle);
  const known = await m.getMigrations();
  const pending = known.filter((x) => !x.executedAt);
  const ranBefore = known.length - pending.length;
  let backupFile: string | undefined;
  if (pending.length > 0 && ranBefore > 0 && handle.sqlite && sqliteFile && sqliteFile !== ':memory:') {
    backupFile = `${sqliteFile}.before-${pending[0]?.name}.bak`;
    await handle.sqlite.backup(backupFile);
  }
  const { error, results } = await m.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    backupFile,
  };
}
