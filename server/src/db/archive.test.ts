import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../test/harness';
import { type ArchiveAudit, archiveRecord, deleteRecord } from './archive';
import type { Executor } from './database';
import { registerUsageCheck } from './usage';

// The kit on a real archivable table (catalog_category), with the audit kept in memory.
interface Category {
  id: string;
  archivedAt: string | null;
}

const load = async (db: Executor, id: string): Promise<Category | undefined> => {
  const row = await db.selectFrom('catalog_category').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, archivedAt: row.archived_at };
};

// Another module's records use category c1 (registered once, as a module does when it loads).
registerUsageCheck('catalog_category', async (_db, id) =>
  id === 'c1' ? { entity: 'catalog_model', code: 'used_by_models', count: 2 } : null,
);

describe.each(DIALECTS)('archive and delete kit on %s', (dialect) => {
  let t: TestDatabase;
  const audit: ArchiveAudit<Category>[] = [];
  const options = (id: string) => ({
    table: 'catalog_category' as const,
    id,
    load,
    isArchived: (c: Category) => c.archivedAt !== null,
    audit: async (_db: Executor, entry: ArchiveAudit<Category>) => {
      audit.push(entry);
    },
  });
  const insert = async (id: string, code: string) => {
    const now = new Date().toISOString();
    await t.handle.db
      .insertInto('catalog_category')
      .values({
        id,
        code,
        name_bg: code,
        name_en: null,
        archived_at: null,
        search_text: code,
        created_at: now,
        updated_at: now,
      })
      .execute();
  };

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await insert('c1', 'ONE');
    await insert('c2', 'TWO');
  });
  afterAll(async () => {
    await t.drop();
  });

  it('archives once (a second archive changes nothing) and restores, each change audited', async () => {
    const archived = await archiveRecord(t.handle.db, true, options('c1'));
    expect(archived.archivedAt).not.toBeNull();
    expect(await archiveRecord(t.handle.db, true, options('c1'))).toEqual(archived);
    const restored = await archiveRecord(t.handle.db, false, options('c1'));
    expect(restored.archivedAt).toBeNull();
    expect(audit.map((a) => [a.action, a.before.archivedAt === null, a.after?.archivedAt === null])).toEqual([
      ['archive', true, false],
      ['unarchive', false, true],
    ]);
    await expect(archiveRecord(t.handle.db, true, options('nope'))).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('refuses to delete a record in use (409 in_use with the reasons), deletes one nothing uses', async () => {
    const remove = async (db: Executor, id: string) => {
      await db.deleteFrom('catalog_category').where('id', '=', id).execute();
    };
    await expect(deleteRecord(t.handle.db, { ...options('c1'), remove })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'in_use',
      options: { extra: { usages: [{ entity: 'catalog_model', code: 'used_by_models', count: 2 }] } },
    });
    expect(await load(t.handle.db, 'c1')).toBeDefined();
    await deleteRecord(t.handle.db, { ...options('c2'), remove });
    expect(await load(t.handle.db, 'c2')).toBeUndefined();
    expect(audit.at(-1)).toMatchObject({ action: 'delete', before: { id: 'c2' } });
    await expect(deleteRecord(t.handle.db, { ...options('c2'), remove })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});
