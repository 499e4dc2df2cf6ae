import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../app'; // every module registers its references when it loads, as the server does
import { freshDatabase, type TestDatabase } from '../../test/harness';
import { guardedEntities, registeredReferences } from './usage';

/**
 * Foreign keys that a module checks with a function of its own (registerUsageCheck) rather than a counted column,
 * or that cannot block a delete: each with the reason.
 */
const CHECKED_OTHERWISE: Record<string, string> = {
  'item.party_id': 'the items module counts the items (and their owner history) in one check',
  'item_owner_history.party_id': 'the items module counts the items (and their owner history) in one check',
  'item.site_id': 'the items module counts the items at the site (and their history) in one check',
  'item_owner_history.site_id':
    'the items module counts the items at the site (and their history) in one check',
  'catalog_norm_override.service_type_id': "a service's norm overrides are its own: deleted with it",
  'catalog_part_compat.part_id': "a part's compatible models are its own: deleted with it",
  'stock_document_line.part_id': "the stock module counts a part's documents, levels and reservations",
  'stock_level.part_id': "the stock module counts a part's documents, levels and reservations",
  'stock_movement.part_id': "the stock module counts a part's documents, levels and reservations",
  'stock_reservation.part_id': "the stock module counts a part's documents, levels and reservations",
  'stock_document.warehouse_id': "the stock module counts a warehouse's documents",
  'stock_document.to_warehouse_id': "the stock module counts a warehouse's documents",
  'stock_movement.warehouse_id': 'a movement belongs to a document of the warehouse, counted',
  'warranty_record.item_id': 'a warranty record belongs to a service order of the item, counted',
  'warranty_record.part_id': 'a warranty record belongs to a service order line with the part, counted',
  'warranty_record.service_type_id':
    'a warranty record belongs to a service order line with the service, counted',
  'service_order_earning.technician_id': "an earning comes from a service order line's technician, counted",
  'service_order_earning.service_type_id':
    'an earning comes from a service order line with the service, counted',
};

interface ForeignKey {
  table: string;
  column: string;
  references: string;
  onDelete: string;
}

async function foreignKeys(t: TestDatabase): Promise<ForeignKey[]> {
  const db = t.handle.db;
  const tables = (
    await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
  ).rows;
  const out: ForeignKey[] = [];
  for (const { name } of tables) {
    const keys = await sql<{
      table: string;
      from: string;
      on_delete: string;
    }>`select * from pragma_foreign_key_list(${name})`.execute(db);
    for (const k of keys.rows)
      out.push({ table: name, column: k.from, references: k.table, onDelete: k.on_delete });
  }
  return out;
}

describe('deleting a record that another module uses', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase('sqlite');
  });
  afterAll(async () => t?.drop());

  it('every foreign key to a record deleted only when unused is counted, so the delete is 409 in_use, never a 500', async () => {
    const guarded = new Set(guardedEntities());
    const uncovered = (await foreignKeys(t))
      .filter((k) => guarded.has(k.references) && k.onDelete.toUpperCase() !== 'CASCADE')
      .filter(
        (k) =>
          !registeredReferences(k.references).some((r) => r.table === k.table && r.column === k.column) &&
          !CHECKED_OTHERWISE[`${k.table}.${k.column}`],
      )
      .map((k) => `${k.table}.${k.column} → ${k.references}`)
      .sort();
    expect(uncovered).toEqual([]);
  });
});
