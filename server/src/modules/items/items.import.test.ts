import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import type { RowError } from '../imports';
import { ITEMS_CSV_COLUMNS, type ItemImportRow, itemsImport } from './items.import';

const SEED = fs.readFileSync(new URL('../../../seed-data/items.csv', import.meta.url), 'utf8');
const HEADER = ITEMS_CSV_COLUMNS.join(',');

function records(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
}

/** What the import does with a file: the row parser's errors, then the adapter's check on the rows that parsed. */
async function checkFile(
  db: Parameters<typeof itemsImport.check>[0],
  text: string | Record<string, string>[],
) {
  const errors = new Map<number, RowError[]>();
  const rows: ItemImportRow[] = [];
  const index: number[] = [];
  (typeof text === 'string' ? records(text) : text).forEach((record, i) => {
    const full = Object.fromEntries(ITEMS_CSV_COLUMNS.map((c) => [c, record[c] ?? '']));
    const parsed = itemsImport.row.safeParse(full);
    if (parsed.success) {
      rows.push(parsed.data);
      index.push(i);
    } else
      errors.set(
        i,
        parsed.error.issues.map((issue) => ({
          field: String(issue.path[0]),
          code:
            issue.code === 'custom'
              ? ((issue.params as { code?: string } | undefined)?.code ?? 'invalid_value')
              : 'invalid_value',
        })),
      );
  });
  for (const [k, errs] of await itemsImport.check(db, rows)) errors.set(index[k] as number, errs);
  return { rows, errors };
}

const fieldsAndCodes = (errors: Map<number, RowError[]>) =>
  Object.fromEntries([...errors].map(([i, errs]) => [i, errs.map((e) => `${e.field}:${e.code}`)]));

describe('items import rows', () => {
  it('every row of the seed file parses', () => {
    const all = records(SEED);
    expect(all.length).toBe(149);
    const failed = all.filter((r) => !itemsImport.row.safeParse(r).success);
    expect(failed).toEqual([]);
    const first = itemsImport.row.parse(all[0]);
    expect(first).toEqual({
      customerName: 'Хотел „Морска звезда“ ЕООД',
      siteName: 'Основна сграда',
      brandCode: 'DAIKIN',
      model: 'FTXM35R',
      serial: 'E175530',
      purchaseDate: '2023-11-30',
      warrantyDoc: 'Ф-ра № 1872868857',
      warrantyMonths: 36,
    });
    expect(itemsImport.columns).toEqual(HEADER.split(','));
    expect(SEED.split('\n')[0]).toBe(HEADER);
  });
});

describe.each(DIALECTS)('items import adapter on %s', (dialect) => {
  const t = useTestApp(dialect);

  beforeAll(async () => {
    await t.setup({ demo: true });
  });

  it('the seed file resolves with zero errors (new serials), and each seeded serial is a duplicate now', async () => {
    const renamed = records(SEED).map((r) => ({ ...r, serial: `${r.serial}-NEW` }));
    const fresh = await checkFile(t.db, renamed);
    expect(fresh.rows.length).toBe(149);
    expect(fieldsAndCodes(fresh.errors)).toEqual({});

    const again = await checkFile(t.db, SEED);
    expect(again.errors.size).toBe(149);
    expect([...again.errors.values()].every((e) => e.length === 1 && e[0]?.code === 'duplicate_serial')).toBe(
      true,
    );
    expect(again.errors.get(0)?.[0]).toMatchObject({
      field: 'serial',
      params: { serial: 'E175530', owner: 'Хотел „Морска звезда“ ЕООД' },
    });
  });

  it('a bad row gives the field and the code', async () => {
    const file = [
      HEADER,
      'Няма Такъв Клиент,,BOSCH,WAN28263BY,N-1,2025-01-01,,24',
      'Мария Петрова Георгиева,,BOSCH,NO-SUCH-MODEL,N-2,2025-01-01,,24',
      'Мария Петрова Георгиева,,NOBRAND,WAN28263BY,N-3,2025-01-01,,24',
      'Хотел „Морска звезда“ ЕООД,Няма такъв обект,DAIKIN,FTXM35R,N-4,2025-01-01,,36',
      'Мария Петрова Георгиева,,BOSCH,WAN28263BY,N-5,27.11.2026,,24',
      'Мария Петрова Георгиева,,BOSCH,WAN28263BY,N-6,2025-01-01,,двадесет',
      'Мария Петрова Георгиева,,BOSCH,WAN28263BY,,2025-01-01,,24',
      'Мария Петрова Георгиева,,BOSCH,WAN28263BY,dup-7,2025-01-01,,24',
      'Мария Петрова Георгиева,,BOSCH,WAN28263BY, DUP-7 ,2025-01-01,,24',
      'Мария Петрова Георгиева,,BOSCH,WAN28263BY,FD 0408 715103,2025-01-01,,24',
      ',,BOSCH,WAN28263BY,N-11,2025-01-01,,24',
      'Мария Петрова Георгиева,,bosch,WAN28263BY,N-12,,,',
    ].join('\n');
    const { errors, rows } = await checkFile(t.db, file);
    expect(fieldsAndCodes(errors)).toEqual({
      0: ['customer_name:unknown_customer'],
      1: ['model:unknown_model'],
      2: ['model:unknown_model'],
      3: ['site_name:unknown_site'],
      4: ['purchase_date:invalid_value'],
      5: ['warranty_months:invalid_value'],
      6: ['serial:required'],
      8: ['serial:duplicate_serial'],
      9: ['serial:duplicate_serial'],
      10: ['customer_name:required'],
    });
    // The last row is valid: brand codes are read in upper case, empty months mean the model's default.
    expect(rows.at(-1)).toMatchObject({ brandCode: 'BOSCH', purchaseDate: null, warrantyMonths: null });
  });

  it('insert writes checked rows with their owner period and audit; a row that became invalid writes nothing', async () => {
    const { rows, errors } = await checkFile(
      t.db,
      [
        HEADER,
        'Хотел „Морска звезда“ ЕООД,Основна сграда,DAIKIN,FTXM35R,IMP-1,2026-02-10,Ф-ра № 0000000001,',
        'Мария Петрова Георгиева,,BOSCH,WAN28263BY,IMP-2,,ГК № 1,12',
      ].join('\n'),
    );
    expect(errors.size).toBe(0);
    await t.db.transaction().execute((trx) => itemsImport.insert(trx, SYSTEM_ACTOR, rows));
    const written = await t.db
      .selectFrom('item')
      .select(['id', 'serial_number', 'warranty_months', 'warranty_until', 'site_id'])
      .where('serial_number', 'in', ['IMP-1', 'IMP-2'])
      .orderBy('serial_number')
      .execute();
    expect(written).toMatchObject([
      { serial_number: 'IMP-1', warranty_months: 36, warranty_until: '2029-02-10' },
      { serial_number: 'IMP-2', warranty_months: 12, warranty_until: null, site_id: null },
    ]);
    expect(written[0]?.site_id).not.toBeNull();
    const periods = await t.db
      .selectFrom('item_owner_history')
      .select('from_date')
      .where('item_id', '=', written[0]?.id as string)
      .execute();
    expect(periods).toEqual([{ from_date: '2026-02-10' }]);
    const audits = await t.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'item.create')
      .where(
        'entity_id',
        'in',
        written.map((w) => w.id),
      )
      .execute();
    expect(audits.length).toBe(2);

    const before = await snapshotDatabase(t.db);
    await expect(
      t.db.transaction().execute((trx) => itemsImport.insert(trx, SYSTEM_ACTOR, rows)),
    ).rejects.toMatchObject({
      kind: 'conflict',
      code: 'duplicate_serial',
    });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });
});
