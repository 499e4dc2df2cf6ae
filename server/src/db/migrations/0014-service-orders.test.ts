import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { DIALECTS } from '../../../test/harness';
import { createDatabaseFrom, dropDatabase } from '../../../test/pg-admin';
import { loadConfig } from '../../config';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { createCompany } from '../../modules/company';
import { type DatabaseHandle, type Dialect, openDatabase } from '../database';
import { migrateToLatest } from '../migrate';
import { MIGRATIONS } from './index';

/** An empty database of the dialect, migrated up to (not including) 0014-service-orders. */
async function databaseBefore0014(dialect: Dialect) {
  let handle: DatabaseHandle;
  let file: string | undefined;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-0014-'));
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
        const before = MIGRATIONS.slice(
          0,
          MIGRATIONS.findIndex((m) => m.name === '0014-service-orders'),
        );
        return Object.fromEntries(before.map((m) => [m.name, { up: (db) => m.up(db, dialect) }]));
      },
    },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { handle, file, drop };
}

describe.each(DIALECTS)('migration 0014-service-orders on %s', (dialect) => {
  it('an installation set up before it gets the default service order series; a new one gets it at setup', async () => {
    const { handle, file, drop } = await databaseBefore0014(dialect);
    try {
      await createCompany(handle.db, SYSTEM_ACTOR, 'Стара Фирма ООД');
      await migrateToLatest(handle, file);
      const series = await handle.db
        .selectFrom('numbering_series')
        .select(['code', 'next_number'])
        .where('doc_type', '=', 'service_order')
        .where('is_default', '=', true)
        .execute();
      expect(series).toEqual([{ code: 'MAIN', next_number: 1 }]);
    } finally {
      await handle.close();
      await drop();
    }
  });
});
