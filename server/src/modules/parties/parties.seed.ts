import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Executor } from '../../db/database';
import type { Actor } from '../../kernel/actor';
import type { ImportAdapter } from '../imports';
import { customersImport, sitesImport } from './parties.import';
import { hasAnyParty } from './parties.repository';
import { insertPartyDrafts, type PartyDraft } from './parties.service';

function readSeedCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(new URL(`../../../seed-data/${file}`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true });
}

/** Parses, checks and inserts one seed file through the import adapter: the seed is the import's happy path. */
async function importSeedFile<Row>(db: Executor, actor: Actor, adapter: ImportAdapter<Row>, file: string) {
  const rows = readSeedCsv(file).map((record, i) => {
    const full = Object.fromEntries(adapter.columns.map((c) => [c, record[c] ?? '']));
    const parsed = adapter.row.safeParse(full);
    if (!parsed.success) throw new Error(`${file} row ${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
  const errors = await adapter.check(db, rows);
  if (errors.size) throw new Error(`${file}: ${JSON.stringify([...errors])}`);
  await adapter.insert(db, actor, rows);
}

function supplier(
  name: string,
  uic: string,
  mol: string,
  phone: string,
  email: string,
  city: string,
  address: string,
  postcode: string,
  contacts: PartyDraft['contacts'] = [],
): PartyDraft {
  return {
    kind: 'company',
    name,
    uic,
    vatNumber: `BG${uic}`,
    mol,
    egn: null,
    wantsInvoices: false,
    isCustomer: false,
    isSupplier: true,
    notes: 'Демо доставчик на резервни части.',
    phones: [{ label: 'офис', number: phone }],
    emails: [{ label: null, email }],
    addresses: [{ label: 'registered', city, address, postcode, country: 'BG' }],
    contacts,
  };
}

/** Invented parts suppliers (valid ЕИК check digits, fictitious numbers): the seed data has customers only. */
const DEMO_SUPPLIERS: PartyDraft[] = [
  supplier(
    'Резервни части България ООД',
    '206114589',
    'Красен Драганов',
    '+35928105540',
    'orders@rezervni-chasti.example',
    'София',
    'бул. „Ботевградско шосе“ 247',
    '1517',
    [
      {
        name: 'Милена Тошева',
        position: 'търговски представител',
        phone: '+359888310742',
        email: 'm.tosheva@rezervni-chasti.example',
        notes: null,
      },
    ],
  ),
  supplier(
    'Климат Дистрибуция ЕООД',
    '204893362',
    'Стилиян Петков',
    '+35932940115',
    'sales@klimat-distribution.example',
    'Пловдив',
    'ул. „Коматевско шосе“ 58',
    '4004',
  ),
  supplier(
    'Електрон Сервиз Доставки АД',
    '121587737',
    'Даря Михайлова',
    '+35952507311',
    'office@elektron-dostavki.example',
    'Варна',
    'Западна промишлена зона, ул. „Девня“ 9',
    '9009',
  ),
];

/** Demo data of the parties module: the 60 customers and 45 sites of server/seed-data, and 3 parts suppliers. */
export async function seedPartiesDemo(db: Executor, actor: Actor): Promise<void> {
  if (await hasAnyParty(db)) return;
  await importSeedFile(db, actor, customersImport, 'customers.csv');
  await importSeedFile(db, actor, sitesImport, 'sites.csv');
  await insertPartyDrafts(db, actor, DEMO_SUPPLIERS);
}
