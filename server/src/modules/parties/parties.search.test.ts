import { CompiledQuery, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import type { Db } from '../../db/database';
import { matchesSearchIndexed, type SearchIndexedTable } from '../../db/sql';
import { likePattern } from '../../kernel/search-text';
import { searchParties } from './index';
import { partySearchText, phoneNeedle, phoneSearchVariants, siteSearchText, sortKey } from './parties.search';

/** What matchesSearch does in SQL, in JS: the folded needle is a substring of search_text. */
function contains(searchText: string, needle: string): boolean {
  return searchText.includes(likePattern(needle).slice(1, -1).replace(/\\(.)/g, '$1'));
}

/** What the parties' search does: contains the needle or, for a needle that looks like a phone number, its digits. */
function finds(searchText: string, needle: string): boolean {
  const digits = phoneNeedle(needle);
  return contains(searchText, needle) || (digits !== null && searchText.includes(digits));
}

describe('phone search variants', () => {
  it('an E.164 number is also stored as digits and in the national form', () => {
    expect(phoneSearchVariants('+359888412635')).toEqual(['359888412635', '0888412635']);
    expect(phoneSearchVariants('+359 2 481 2290')).toEqual(['35924812290', '024812290']);
  });

  it('a national number also gets the international digits; 00 is dropped', () => {
    expect(phoneSearchVariants('0888 412 635')).toEqual(['0888412635', '359888412635']);
    expect(phoneSearchVariants('00359888412635')).toEqual(['00359888412635', '359888412635', '0888412635']);
    expect(phoneSearchVariants('—')).toEqual([]);
  });

  it('a needle of digits and phone punctuation becomes its digits; anything else is not a phone', () => {
    expect(phoneNeedle('0888 412 635')).toBe('0888412635');
    expect(phoneNeedle('+359 888-412-635')).toBe('359888412635');
    expect(phoneNeedle('(0888) 412/635')).toBe('0888412635');
    expect(phoneNeedle('00359888412635')).toBe('359888412635');
    expect(phoneNeedle('88')).toBeNull();
    expect(phoneNeedle('Иван 0888')).toBeNull();
    expect(phoneNeedle('BG203395636')).toBeNull();
  });

  it('every usual spelling of a phone number finds the customer', () => {
    const text = partySearchText({
      name: 'Георги Иванов Петров',
      phones: ['+359888412635'],
      emails: [],
      contacts: [],
    });
    for (const needle of [
      '0888 412 635',
      '+359888412635',
      '888412635',
      '+359 888 412 635',
      '00359888412635',
      '0888-412-635',
    ])
      expect(finds(text, needle), needle).toBe(true);
    expect(finds(text, '0888 412 636')).toBe(false);
  });
});

describe('party and site search text', () => {
  const text = partySearchText({
    name: 'Хотел „Морска звезда“ ЕООД',
    uic: '203395636',
    vatNumber: 'BG203395636',
    mol: 'Даниела Костова',
    phones: ['+35952612744'],
    emails: ['Reception@Morska-Zvezda.example'],
    contacts: [{ name: 'Никола Данев', phone: '+359876901455', email: 'n.danev@example.com' }],
  });

  it('holds name, ЕИК, VAT number, МОЛ, phones, e-mails and contacts, Cyrillic names also in Latin', () => {
    for (const needle of [
      'морска',
      'МОРСКА ЗВЕЗДА',
      'morska zvezda',
      '203395636',
      'bg203395636',
      'даниела',
      'reception@morska',
      'данев',
      'danev',
      '0876 901 455',
      '052 612 744',
    ])
      expect(finds(text, needle), needle).toBe(true);
  });

  it('a site is found by its name, city, address, contact and phone', () => {
    const site = siteSearchText({
      name: 'Котелно помещение',
      city: 'Варна',
      address: 'к.к. „Златни пясъци“',
      contactPerson: 'Никола Данев',
      contactPhone: '+359876901455',
    });
    for (const needle of ['котелно', 'kotelno', 'варна', 'златни', 'данев', '0876901455'])
      expect(finds(site, needle)).toBe(true);
  });

  it('names sort without their quotes and case', () => {
    expect(sortKey('„Ханът на бай Ганьо“ ООД')).toBe('ханът на бай ганьо оод');
    expect(sortKey('Ресторант "Старият дъб" ООД')).toBe('ресторант старият дъб оод');
    expect(sortKey('ивелина ДОНЧЕВА')).toBe('ивелина дончева');
  });
});

const INDEXED: SearchIndexedTable[] = ['party', 'site', 'item', 'catalog_part'];

/** Needles by kind, run over the demo data plus two parties with %, _ and \\ in their names. */
const NEEDLES = {
  cyrillic: ['георги', 'ИВАНОВ', 'морска звезда', 'хотел „морска', 'Варна', 'помпа за пералня'],
  latin: ['georgi', 'Ivanov', 'morska zvezda', 'zlatni pyasatsi', 'drain pump', 'daikin'],
  phone: ['0888 412 635', '+359 888 412 635', '412635', '(052) 612-744', '0876901455'],
  short: ['и', 'ИВ', 'g', '08', '3', 'ъ', 'e1'],
  special: ['100%', 'чисто_ново', '%', '_', 'a\\b', 'o\\', '%ов', 'н_в'],
  nothing: ['нищо-такова-няма', 'zzz', 'q'],
} as const;
const ALL_NEEDLES = Object.values(NEEDLES).flat();

const sorted = (ids: string[]) => [...ids].sort();

/** Every row of the table with its search_text, to run the model over. */
async function rowsOf(db: Db, table: SearchIndexedTable) {
  const r = await sql<{
    id: string;
    search_text: string;
    archived: number | boolean;
  }>`select id, search_text, archived_at is not null as archived from ${sql.table(table)}`.execute(db);
  return r.rows.map((x) => ({ id: x.id, text: x.search_text, archived: Boolean(x.archived) }));
}

async function idsMatching(db: Db, table: SearchIndexedTable, needle: string): Promise<string[]> {
  const r = await db
    .selectFrom(table)
    .select(`${table}.id as id`)
    .where(matchesSearchIndexed(db, table, needle))
    .execute();
  return sorted(r.map((x) => x.id));
}

describe.each(DIALECTS)('search through the index on %s: the answers of the model', (dialect) => {
  const t = useTestApp(dialect);
  let reception: Session;
  let admin: Session;

  /** Party and site lists (live and archived) and the global search give exactly what the model finds. */
  async function expectModelAnswers(needles: readonly string[]) {
    const get = async (url: string) => {
      const res = await t.request(reception, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const parties = await rowsOf(t.db, 'party');
    const sites = await rowsOf(t.db, 'site');
    for (const needle of needles) {
      const q = encodeURIComponent(needle);
      for (const archived of [false, true]) {
        const model = (rows: typeof parties) =>
          sorted(rows.filter((r) => r.archived === archived && finds(r.text, needle)).map((r) => r.id));
        const partyList = await get(`/api/v1/parties?q=${q}&archived=${archived}&pageSize=200`);
        expect(sorted(partyList.items.map((p: { id: string }) => p.id)), `parties ${needle}`).toEqual(
          model(parties),
        );
        expect(partyList.total).toBe(model(parties).length);
        const siteList = await get(`/api/v1/sites?q=${q}&archived=${archived}&pageSize=200`);
        expect(sorted(siteList.items.map((x: { id: string }) => x.id)), `sites ${needle}`).toEqual(
          model(sites),
        );
      }
      const live = parties.filter((r) => !r.archived && finds(r.text, needle)).map((r) => r.id);
      const hits = (await searchParties(t.db, needle, 200)).map((h) => h.id);
      expect(sorted(hits), `search ${needle}`).toEqual(sorted(live));
    }
  }

  /** Every indexed table answers matchesSearchIndexed as the model does, and (SQLite) its index equals its rows. */
  async function expectIndexesInStep(needles: readonly string[]) {
    for (const table of INDEXED) {
      const rows = await rowsOf(t.db, table);
      for (const needle of needles)
        expect(await idsMatching(t.db, table, needle), `${table} ${needle}`).toEqual(
          sorted(rows.filter((r) => contains(r.text, needle)).map((r) => r.id)),
        );
      if (dialect === 'sqlite') {
        // With rank = 1 FTS5 also compares the index with the content table; a difference is SQLITE_CORRUPT.
        const fts = sql.table(`${table}_search_fts`);
        await sql`insert into ${fts} (${fts}, rank) values ('integrity-check', 1)`.execute(t.db);
      }
    }
  }

  const create = async (body: Record<string, unknown>) => {
    const res = await t.request(reception, 'POST', '/api/v1/parties', { kind: 'person', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
    reception = await t.signInAs('reception');
    await create({ kind: 'company', name: 'Фирма 100% Чисто_Ново ООД', uic: null });
    await create({ name: 'Ана Backslash a\\b Колева', phones: [{ number: '+359 2 100 1000' }] });
  });

  it('Cyrillic, Latin, phone, short (1–2 characters) and % _ \\ needles', async () => {
    const texts = [...(await rowsOf(t.db, 'party')), ...(await rowsOf(t.db, 'site'))].map((r) => r.text);
    for (const needle of [...NEEDLES.cyrillic.slice(0, 5), ...NEEDLES.phone, '100%', 'чисто_ново', 'a\\b'])
      expect(
        texts.some((x) => finds(x, needle)),
        needle,
      ).toBe(true);
    await expectModelAnswers(ALL_NEEDLES);
    await expectIndexesInStep(ALL_NEEDLES);
  });

  it('the index follows an insert, a rename, a delete and an anonymisation', async () => {
    const needles = [
      'зорница',
      'zornitsa',
      'велислава',
      'velislava',
      'кръстева',
      '0899 555 123',
      'зо',
      'обект',
    ];
    const expectFound = async (needle: string, ids: string[]) => {
      expect((await searchParties(t.db, needle, 20)).map((h) => h.id)).toEqual(ids);
      await expectModelAnswers([needle]);
    };

    const party = await create({ name: 'Зорница Кръстева', phones: [{ number: '0899 555 123' }] });
    const site = await t.request(reception, 'POST', '/api/v1/sites', {
      partyId: party.id,
      name: 'Вила Зорница',
      city: 'Банско',
    });
    expect(site.statusCode, site.body).toBe(201);
    await expectFound('зорница', [party.id]);
    await expectFound('0899 555 123', [party.id]);
    await expectIndexesInStep(needles);

    expect(
      (await t.request(reception, 'PATCH', `/api/v1/parties/${party.id}`, { name: 'Велислава Кръстева' }))
        .statusCode,
    ).toBe(200);
    await expectFound('зорница', []);
    await expectFound('velislava', [party.id]);
    await expectIndexesInStep(needles);

    expect((await t.request(reception, 'DELETE', `/api/v1/sites/${site.json().id}`)).statusCode).toBe(204);
    expect((await t.request(admin, 'DELETE', `/api/v1/parties/${party.id}`)).statusCode).toBe(204);
    await expectFound('велислава', []);
    await expectIndexesInStep(needles);

    const forgotten = await create({ name: 'Зорница Кръстева', phones: [{ number: '0899 555 123' }] });
    await t.request(reception, 'POST', '/api/v1/sites', { partyId: forgotten.id, name: 'Вила Зорница' });
    await expectFound('зорница', [forgotten.id]);
    const anonymised = await t.request(admin, 'POST', `/api/v1/parties/${forgotten.id}/anonymise`, {
      confirm: true,
    });
    expect(anonymised.statusCode, anonymised.body).toBe(200);
    await expectFound('зорница', []);
    await expectFound('0899 555 123', []);
    await expectIndexesInStep(needles);
  });

  it('SQLite reads the trigram index for 3+ characters and scans for fewer; PostgreSQL keeps the LIKE pg_trgm serves', async () => {
    const compiled = (table: SearchIndexedTable, needle: string) =>
      t.db
        .selectFrom(table)
        .select(`${table}.id as id`)
        .where(matchesSearchIndexed(t.db, table, needle))
        .compile();
    const plan = async (table: SearchIndexedTable, needle: string) => {
      const q = compiled(table, needle);
      const r = await t.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
      );
      return r.rows.map((x) => x.detail).join(' | ');
    };
    for (const table of INDEXED) {
      if (dialect === 'sqlite') {
        expect(await plan(table, 'ива')).toContain(`SCAN ${table}_search_fts VIRTUAL TABLE INDEX 0:L`);
        expect(await plan(table, 'ив')).toBe(`SCAN ${table}`);
        expect(await plan(table, '100%')).toBe(`SCAN ${table}`);
      } else {
        const { sql } = compiled(table, 'ива');
        expect(sql).toContain(`"${table}"."search_text" like $1 escape`);
        expect(sql).not.toContain('_search_fts');
      }
    }
  });
});
