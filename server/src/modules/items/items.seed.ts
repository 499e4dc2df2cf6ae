import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import { type ItemImportRow, itemsImport } from './items.import';
import { countAllItems } from './items.repository';

/**
 * Demo data of the items module: the 149 items of server/seed-data/items.csv, through the import adapter (so the
 * seed proves the import). Skipped when items exist already; needs the catalog and parties demo data first.
 */
export async function seedItemsDemo(db: Executor, actor: Actor): Promise<void> {
  if ((await countAllItems(db)) > 0) return;
  const text = fs.readFileSync(new URL('../../../seed-data/items.csv', import.meta.url), 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows: ItemImportRow[] = records.map((record, i) => {
    const parsed = itemsImport.row.safeParse(record);
    if (!parsed.success) throw new Error(`items.csv row ${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
  const errors = await itemsImport.check(db, rows);
  if (errors.size) {
    const [i, errs] = [...errors][0] ?? [];
    throw new Error(`items.csv row ${(i ?? 0) + 2}: ${JSON.stringify(errs)}`);
  }
  await itemsImport.insert(db, actor, rows);
}
