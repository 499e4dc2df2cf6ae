import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import type { ImportAdapter } from '../imports';
import { CATALOG_IMPORT_ADAPTERS, parseAndCheck } from './catalog.import';
import { anyCategory } from './catalog.repository';

const FILES: Record<string, string> = {
  categories: 'categories.csv',
  brands: 'brands.csv',
  models: 'models.csv',
  'service-types': 'service_types.csv',
  'norm-overrides': 'norm_overrides.csv',
  parts: 'parts.csv',
};

export function readSeedCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(new URL(`../../../seed-data/${file}`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true });
}

async function load<Row>(db: Executor, actor: Actor, adapter: ImportAdapter<Row>): Promise<void> {
  const file = FILES[adapter.entity];
  if (!file) return;
  const { rows, errors } = await parseAndCheck(db, adapter, readSeedCsv(file));
  if (errors.size) {
    const [row, errs] = [...errors][0] ?? [];
    throw new Error(`seed-data/${file} row ${row}: ${JSON.stringify(errs)}`);
  }
  await adapter.insert(db, actor, rows);
}

/**
 * Demo data of the catalog module from server/seed-data, through the import adapters: categories, brands, models,
 * the labour catalogue with its norm-time overrides, and spare parts. Skipped when the catalogue has data.
 */
export async function seedCatalogDemo(db: Executor, actor: Actor): Promise<void> {
  if (await anyCategory(db)) return;
  for (const adapter of CATALOG_IMPORT_ADAPTERS) await load(db, actor, adapter as ImportAdapter<unknown>);
}
