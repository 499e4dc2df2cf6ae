import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../test/harness';
import { backup, restore } from './cli';
import { SYSTEM_ACTOR } from './kernel/actor';
import { createUser } from './modules/auth/auth.service';

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  it('restores the database as it was when the backup was taken', async () => {
    const tdb = await freshDatabase(dialect);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'servix-backup-'));
    const file = path.join(dir, 'servix.backup');
    const addUser = (username: string) =>
      tdb.handle.db.transaction().execute((trx) =>
        createUser(trx, SYSTEM_ACTOR, {
          username,
          password: 'password-123',
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
      if (dialect === 'sqlite') await tdb.handle.close(); // restore needs the server stopped
      await restore(tdb.config, file);
      if (dialect === 'sqlite') {
        const { openDatabase } = await import('./db/database');
        tdb.handle = openDatabase(tdb.config.database);
      }
      expect(await usernames()).toEqual(['before']);
    } finally {
      await tdb.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
