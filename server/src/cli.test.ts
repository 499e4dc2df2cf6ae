import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DIALECTS, freshDatabase } from '../test/harness';
import { buildApp } from './app';
import { backup, restore, runCli, stockCheck } from './cli';
import { openDatabase } from './db/database';
import { SYSTEM_ACTOR } from './kernel/actor';
import { createUser } from './modules/auth';
import { runSetup } from './modules/setup';

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  it('restores the database as it was when the backup was taken', async () => {
    const tdb = await freshDatabase(dialect);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-backup-'));
    const file = path.join(dir, 'servix.backup');
    const addUser = (username: string) =>
      tdb.handle.db.transaction().execute((trx) =>
        createUser(trx, SYSTEM_ACTOR, {
          username,
          password: 'cli-secret-2026',
          role: 'reception',
          fullName: username,
          locale: 'bg',
          email: null,
        }),
      );
    const usernames = async () =>
      (await tdb.handle.db.selectFrom('app_user').select('username').orderBy('username').execute()).map(
        (r) => r.username,
      );
    try {
      await addUser('before');
      await backup(tdb.config, file);
      expect(fs.statSync(file).size).toBeGreaterThan(0);
      await addUser('after');
      expect(await usernames()).toEqual(['after', 'before']);
      await tdb.handle.close(); // restore needs the server stopped
      await restore(tdb.config, file);
      tdb.handle = openDatabase(tdb.config.database);
      expect(await usernames()).toEqual(['before']);
    } finally {
      await tdb.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)('servix restore while a server runs on %s', (dialect) => {
  it('refuses, changes nothing, exits non-zero; once the server stops it restores', async () => {
    const tdb = await freshDatabase(dialect);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-backup-'));
    const file = path.join(dir, 'servix.backup');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const countUsers = async () =>
      Number(
        (
          await tdb.handle.db
            .selectFrom('app_user')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    try {
      await backup(tdb.config, file);
      await runSetup(tdb.handle.db, {
        companyName: 'Сервиз Проба ЕООД',
        adminUsername: 'admin',
        adminFullName: 'Администратор',
        adminPassword: 'restore-proof-2026-kv',
        locale: 'bg',
        demo: false,
      });
      // The server, as `servix serve` runs it, on the same database.
      const app = await buildApp({ config: tdb.config, database: tdb.handle, logger: false });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as { port: number };
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

      await expect(restore(tdb.config, file)).rejects.toThrow(/Refusing to restore: .* is in use/);
      await runCli(['node', 'servix', 'restore', file], {
        DATABASE_URL:
          dialect === 'sqlite'
            ? `sqlite:${(tdb.config.database as { file: string }).file}`
            : (tdb.config.database as { url: string }).url,
      });
      expect(process.exitCode).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toMatch(/Refusing to restore/);
      process.exitCode = 0;
      // Nothing was restored: the server still sees its data, and keeps it after it stops.
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      expect(await countUsers()).toBe(1);

      await app.close();
      await tdb.handle.close();
      await restore(tdb.config, file);
      tdb.handle = openDatabase(tdb.config.database);
      expect(await countUsers()).toBe(0);
    } finally {
      errors.mockRestore();
      log.mockRestore();
      process.exitCode = 0;
      await tdb.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)('servix stock check on %s', (dialect) => {
  it('proves the demo stock levels equal the ledger, names a tampered level, and --rebuild repairs it', async () => {
    const tdb = await freshDatabase(dialect);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await runSetup(tdb.handle.db, {
        companyName: 'Сервиз Проба ЕООД',
        adminUsername: 'admin',
        adminFullName: 'Администратор',
        adminPassword: 'cli-secret-2026',
        locale: 'bg',
        demo: true,
      });
      const clean = await stockCheck(tdb.config);
      expect(clean.consistent).toBe(true);
      expect(clean.movementCount).toBeGreaterThan(40);
      expect(process.exitCode ?? 0).toBe(0);

      const level = await tdb.handle.db
        .selectFrom('stock_level')
        .select(['id', 'part_id', 'warehouse_id', 'on_hand_milli'])
        .where('on_hand_milli', '>', 0)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await tdb.handle.db
        .updateTable('stock_level')
        .set({ on_hand_milli: level.on_hand_milli + 5000 })
        .where('id', '=', level.id)
        .execute();

      const tampered = await stockCheck(tdb.config);
      expect(tampered.consistent).toBe(false);
      expect(tampered.mismatches).toContainEqual({
        partId: level.part_id,
        warehouseId: level.warehouse_id,
        field: 'onHandMilli',
        stored: level.on_hand_milli + 5000,
        expected: level.on_hand_milli,
      });
      expect(process.exitCode).toBe(1);
      expect(log.mock.calls.flat().join('\n')).toContain(
        `part ${level.part_id} in warehouse ${level.warehouse_id}`,
      );
      process.exitCode = 0;

      const rebuilt = await stockCheck(tdb.config, { rebuild: true });
      expect(rebuilt.consistent).toBe(true);
      expect(process.exitCode).toBe(0);
      const repaired = await tdb.handle.db
        .selectFrom('stock_level')
        .select('on_hand_milli')
        .where('id', '=', level.id)
        .executeTakeFirstOrThrow();
      expect(repaired.on_hand_milli).toBe(level.on_hand_milli);
    } finally {
      log.mockRestore();
      process.exitCode = 0;
      await tdb.drop();
    }
  });
});
