import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { inject } from 'vitest';
import { loadConfig } from '../src/config';
import { type DatabaseHandle, type Dialect, openDatabase } from '../src/db/database';
import { MIGRATIONS } from '../src/db/migrations';
import { createDatabaseFrom, dropDatabase } from './pg-admin';

/**
 * An empty database of the dialect, migrated up to (not including) the named migration: a migration's test makes
 * the rows an older installation had, then runs migrateToLatest (db/migrate.ts) as an upgrade would.
 */
export async function databaseBefore(
  dialect: Dialect,
  migration: string,
): Promise<{ handle: DatabaseHandle; file: string | undefined; drop: () => Promise<void> }> {
  const upTo = MIGRATIONS.findIndex((m) => m.name === migration);
  if (upTo < 0) throw new Error(`no migration ${migration}`);
  let handle: DatabaseHandle;
  let file: string | undefined;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `servix-${migration.slice(0, 4)}-`));
    file = path.join(dir, 'servix.db');
    handle = openDatabase(loadConfig({ DATABASE_URL: `sqlite:${file}` }).database);
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const pgUrl = inject('pgUrl');
    if (!pgUrl) throw new Error('PostgreSQL is not available in this run');
    const url = await createDatabaseFrom(pgUrl, 'template0');
    handle = openDatabase({ kind: 'postgres', url });
    drop = () => dropDatabase(pgUrl, new URL(url).pathname.slice(1));
  }
  // The same bookkeeping tables as db/migrate.ts, so that migrateToLatest carries on from here.
  const migrator = new Migrator({
    db: handle.db,
    migrationTableName: 'servix_migration',
    migrationLockTableName: 'servix_migration_lock',
    provider: {
      async getMigrations() {
        const before = MIGRATIONS.slice(0, upTo);
        return Object.fromEntries(before.map((m) => [m.name, { up: (db) => m.up(db, dialect) }]));
      },
    },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { handle, file, drop };
}
