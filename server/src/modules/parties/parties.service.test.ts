import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { registerUsageCheck } from '../../db/usage';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import type { ImportAdapter, RowError } from '../imports';
import { registerPartyRenamedHook, registerPrivacyExporter, searchParties } from './index';
import { customersImport, sitesImport } from './parties.import';
import { sortKey } from './parties.search';
import { seedPartiesDemo } from './parties.seed';

// Hooks as other modules register them at import time.
const partiesWithItems = new Set<string>();
registerUsageCheck('party', async (_db, partyId) =>
  partiesWithItems.has(partyId) ? { entity: 'items', code: 'party_has_sites', count: 2 } : null,
);
const renamed: string[] = [];
registerPartyRenamedHook(async (_db, partyId) => {
  renamed.push(partyId);
});
registerPrivacyExporter('testModule', async (_db, partyId) => ({
  partyId,
  held: 'a note from another module',
}));

const FAKE_ID = '01900000-0000-7000-8000-000000000000';
const VALID_EGN = '7501010010';

function aCompany(over: Record<string, unknown> = {}) {
  return {
    kind: 'company',
    name: 'Техно Клима ООД',
    uic: '131468980',
    vatNumber: 'BG131468980',
    mol: 'инж. Стоян Стоянов',
    phones: [{ label: 'офис', number: '+35921234567' }],
    emails: [{ label: null, email: 'office@techno-klima.example' }],
    addresses: [{ label: 'registered', city: 'София', address: 'ул. „Шипка“ 1', postcode: '1000' }],
    contacts: [{ name: 'Никола Данев', position: 'поддръжка', phone: '+359876901455' }],
    ...over,
  };
}

function aPerson(over: Record<string, unknown> = {}) {
  return {
    kind: 'person',
    name: 'Иван Петров',
    phones: [{ number: '+359888412635' }],
    emails: [{ email: 'ivan.petrov@example.com' }],
    addresses: [{ city: 'Пловдив', address: 'бул. „Марица“ 58, ап. 11' }],
    notes: 'Звъни след 17:00.',
    ...over,
  };
}

function csvRecords(file: string): Record<string, string>[] {
  const text = fs.readFileSync(new URL(`../../../seed-data/${file}`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true });
}

/** One record through an adapter's row schema, the way the import does it: field = first path element. */
function rowErrors<Row>(adapter: ImportAdapter<Row>, record: Record<string, string>): RowError[] {
  const full = Object.fromEntries(adapter.columns.map((c) => [c, record[c] ?? '']));
  const parsed = adapter.row.safeParse(full);
  if (parsed.success) return [];
  return parsed.error.issues.map((i: z.core.$ZodIssue) => ({
    field: String(i.path[0] ?? ''),
    code: (i.code === 'custom' ? (i.params as { code?: string } | undefined)?.code : undefined) ?? i.code,
  }));
}

function parseAll<Row>(adapter: ImportAdapter<Row>, records: Record<string, string>[]): Row[] {
  return records.map((record) => {
    const full = Object.fromEntries(adapter.columns.map((c) => [c, record[c] ?? '']));
    return adapter.row.parse(full);
  });
}

function names(res: { json(): { items: { name: string }[] } }): string[] {
  return res.json().items.map((p) => p.name);
}

describe.each(DIALECTS)('parties on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let reception: Session;
  let technician: Session;
  let accountant: Session;
  let company: { id: string; name: string };
  let person: { id: string; name: string };

  beforeAll(async () => {
    admin = await t.setup();
    reception = await t.signInAs('reception');
    technician = await t.signInAs('technician');
    accountant = await t.signInAs('accountant');
  });

  it('creates a person and a company; the first phone, e-mail and address are the primary ones', async () => {
    const p = await t.request(reception, 'POST', '/api/v1/parties', aPerson());
    expect(p.statusCode, p.body).toBe(201);
    person = p.json();
    expect(p.json()).toMatchObject({
      kind: 'person',
      name: 'Иван Петров',
      uic: null,
      egn: null,
      isCustomer: true,
      isSupplier: false,
      phone: '+359888412635',
      email: 'ivan.petrov@example.com',
      city: 'Пловдив',
      phones: [{ number: '+359888412635', label: null }],
      addresses: [{ label: 'other', country: 'BG', city: 'Пловдив' }],
      siteCount: 0,
      archivedAt: null,
    });

    const c = await t.request(admin, 'POST', '/api/v1/parties', aCompany());
    expect(c.statusCode, c.body).toBe(201);
    company = c.json();
    expect(c.json()).toMatchObject({
      kind: 'company',
      uic: '131468980',
      vatNumber: 'BG131468980',
      mol: 'инж. Стоян Стоянов',
      city: 'София',
      contacts: [{ name: 'Никола Данев', position: 'поддръжка', phone: '+359876901455' }],
    });

    const audit = await t.request(admin, 'GET', `/api/v1/audit?entity=party&entityId=${company.id}`);
    expect(audit.json().items).toMatchObject([
      { action: 'party.create', after: { name: 'Техно Клима ООД' } },
    ]);
    expect((await t.request(technician, 'GET', `/api/v1/parties/${company.id}`)).statusCode).toBe(200);
    expect((await t.request(technician, 'POST', '/api/v1/parties', aPerson())).statusCode).toBe(403);
    expect((await t.request(admin, 'GET', `/api/v1/parties/${FAKE_ID}`)).statusCode).toBe(404);
  });

  it('bad input: 400 problem+json naming the field; nothing is written', async () => {
    const before = await snapshotDatabase(t.db);
    const cases: [unknown, string, string][] = [
      [aCompany({ uic: '131468981', vatNumber: null }), 'invalid_uic', 'uic'],
      [aPerson({ uic: '200012346' }), 'not_for_person', 'uic'],
      [aPerson({ mol: 'Някой' }), 'not_for_person', 'mol'],
      [aPerson({ vatNumber: 'BG200012346' }), 'invalid_vat_number', 'vatNumber'],
      [
        aPerson({ vatNumber: 'BG6101057509', egn: VALID_EGN, wantsInvoices: true }),
        'invalid_vat_number',
        'vatNumber',
      ],
      [aCompany({ uic: '12345', vatNumber: null }), 'invalid_uic_length', 'uic'],
      [aCompany({ uic: '200012346', vatNumber: 'BG175001117' }), 'invalid_vat_number', 'vatNumber'],
      [aCompany({ uic: null, vatNumber: 'BG200012346' }), 'required', 'uic'],
      [aCompany({ uic: '200012346', vatNumber: 'BG200012347' }), 'invalid_vat_number', 'vatNumber'],
      [aCompany({ uic: '200012346', vatNumber: null, egn: VALID_EGN }), 'not_for_company', 'egn'],
      [aPerson({ egn: '7501010011', wantsInvoices: true }), 'invalid_egn', 'egn'],
      [aPerson({ egn: VALID_EGN }), 'egn_without_invoice', 'egn'],
      [aPerson({ emails: [{ email: 'ivan.petrov@' }] }), 'invalid_email', 'emails.0.email'],
      [aPerson({ phones: [{ number: 'звънни ми' }] }), 'invalid_phone', 'phones.0.number'],
      [aPerson({ addresses: [{ label: 'summer', city: 'Варна' }] }), 'invalid_value', 'addresses.0.label'],
      [aPerson({ kind: 'robot' }), 'invalid_value', 'kind'],
      [aPerson({ name: undefined }), 'required', 'name'],
      [aPerson({ name: '   ' }), 'too_small', 'name'],
      [aPerson({ surprise: 1 }), 'unknown_field', 'surprise'],
      [aPerson({ phones: [{ number: '0888', extension: '1' }] }), 'unknown_field', 'phones.0.extension'],
    ];
    for (const [body, code, field] of cases) {
      const res = await t.request(reception, 'POST', '/api/v1/parties', body);
      expect(res.statusCode, `${code} ${res.body}`).toBe(400);
      // One error per field: "12345" is too short, not a wrong check digit as well.
      expect(
        res.json().errors?.filter((e: { field: string }) => e.field === field).length ?? 1,
        res.body,
      ).toBe(1);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json(), res.body).toMatchObject({ code, field });
      expect(res.json().detail.length).toBeGreaterThan(0);
    }
    const patch = await t.request(reception, 'PATCH', `/api/v1/parties/${company.id}`, { kind: 'person' });
    expect(patch.json()).toMatchObject({ status: 400, code: 'not_for_person', field: 'uic' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('a duplicate ЕИК is a 409 naming the existing party; an archived one frees its ЕИК until it comes back', async () => {
    const before = await snapshotDatabase(t.db);
    const dup = await t.request(reception, 'POST', '/api/v1/parties', aCompany({ name: 'Друга фирма ЕООД' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'duplicate_uic', field: 'uic', existingId: company.id });
    expect(dup.json().detail).toContain('Техно Клима ООД');
    const other = await t.request(
      reception,
      'POST',
      '/api/v1/parties',
      aCompany({ name: 'Втора фирма', uic: null, vatNumber: null }),
    );
    expect(other.statusCode).toBe(201);
    const patched = await t.request(reception, 'PATCH', `/api/v1/parties/${other.json().id}`, {
      uic: '131468980',
    });
    expect(patched.json()).toMatchObject({ status: 409, code: 'duplicate_uic', existingId: company.id });
    await t.request(admin, 'DELETE', `/api/v1/parties/${other.json().id}`);

    // Only live parties hold their ЕИК.
    const old = await t.request(
      reception,
      'POST',
      '/api/v1/parties',
      aCompany({ name: 'Стара фирма', uic: '175001117', vatNumber: null }),
    );
    expect(
      (await t.request(reception, 'POST', `/api/v1/parties/${old.json().id}/archive`)).json().archivedAt,
    ).not.toBeNull();
    const successor = await t.request(
      reception,
      'POST',
      '/api/v1/parties',
      aCompany({ name: 'Нова фирма', uic: '175001117', vatNumber: null }),
    );
    expect(successor.statusCode).toBe(201);
    const back = await t.request(reception, 'POST', `/api/v1/parties/${old.json().id}/unarchive`);
    expect(back.json()).toMatchObject({
      status: 409,
      code: 'duplicate_uic',
      existingId: successor.json().id,
    });
    expect(before).not.toEqual(await snapshotDatabase(t.db)); // the valid steps did write
  });

  it('concurrent creates of one ЕИК: exactly one wins, the others get the 409 naming it', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.request(
          reception,
          'POST',
          '/api/v1/parties',
          aCompany({ name: `Състезател ${i}`, uic: '020469788', vatNumber: null }),
        ),
      ),
    );
    const created = results.filter((r) => r.statusCode === 201);
    expect(created).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201))
      expect(r.json()).toMatchObject({
        status: 409,
        code: 'duplicate_uic',
        existingId: created[0]?.json().id,
      });
    expect((await t.request(admin, 'DELETE', `/api/v1/parties/${created[0]?.json().id}`)).statusCode).toBe(
      204,
    );
  });

  it('ЕГН only for a person who wants invoices; full for admin, manager and accountant, masked otherwise', async () => {
    const res = await t.request(
      reception,
      'POST',
      '/api/v1/parties',
      aPerson({
        name: 'Мария Фактурова',
        phones: [{ number: '0899 555 121' }],
        emails: [],
        wantsInvoices: true,
        egn: VALID_EGN,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ egn: '******0010', egnMasked: true, wantsInvoices: true });
    const id = res.json().id;
    expect((await t.request(admin, 'GET', `/api/v1/parties/${id}`)).json()).toMatchObject({
      egn: VALID_EGN,
      egnMasked: false,
    });
    expect((await t.request(accountant, 'GET', `/api/v1/parties/${id}`)).json().egn).toBe(VALID_EGN);
    expect((await t.request(technician, 'GET', `/api/v1/parties/${id}`)).json().egn).toBe('******0010');
    const list = await t.request(admin, 'GET', '/api/v1/parties?q=фактурова');
    expect(list.json().items).toMatchObject([{ egn: '******0010' }]);
    expect(JSON.stringify(list.json())).not.toContain(VALID_EGN);
    const audit = await t.request(admin, 'GET', `/api/v1/audit?entity=party&entityId=${id}`);
    expect(JSON.stringify(audit.json())).not.toContain(VALID_EGN);

    const noInvoices = await t.request(admin, 'PATCH', `/api/v1/parties/${id}`, { wantsInvoices: false });
    expect(noInvoices.json()).toMatchObject({ egn: null, wantsInvoices: false });
  });

  it('search: Cyrillic in any case, Latin, any spelling of a phone, e-mail, ЕИК, VAT number, МОЛ and contacts', async () => {
    for (const body of [
      aPerson({ name: 'ПЕТЯ ГЕОРГИЕВА', phones: [], emails: [{ email: 'PETYA.G@EXAMPLE.COM' }] }),
      aPerson({ name: 'ивелина ДОНЧЕВА', phones: [], emails: [] }),
    ])
      expect((await t.request(reception, 'POST', '/api/v1/parties', body)).statusCode).toBe(201);
    const find = async (q: string) =>
      names(await t.request(technician, 'GET', `/api/v1/parties?q=${encodeURIComponent(q)}`));
    for (const q of [
      'иван',
      'ИВАН',
      'Иван',
      'petrov',
      'Ivan Petrov',
      '0888 412 635',
      '+359888412635',
      '888412635',
      '00359 888 412 635',
      'ivan.petrov@example',
    ])
      expect(await find(q), q).toContain('Иван Петров');
    expect(await find('петя')).toEqual(['ПЕТЯ ГЕОРГИЕВА']);
    expect(await find('petya.g@example.com')).toEqual(['ПЕТЯ ГЕОРГИЕВА']);
    expect(await find('Дончева')).toEqual(['ивелина ДОНЧЕВА']);
    for (const q of ['131468980', 'bg131468980', 'стоянов', 'данев', 'danev', '0876 901 455', 'техно клима'])
      expect(await find(q), q).toContain('Техно Клима ООД');
    expect(await find('%')).toEqual([]);
    expect(await find('0888 412 636')).toEqual([]);

    const hits = await searchParties(t.db, 'ИВАН петров', 10);
    expect(hits).toEqual([
      {
        id: person.id,
        name: 'Иван Петров',
        kind: 'person',
        uic: null,
        phone: '+359888412635',
        email: 'ivan.petrov@example.com',
        city: 'Пловдив',
      },
    ]);
    expect(await searchParties(t.db, '   ', 10)).toEqual([]);
    expect((await searchParties(t.db, 'a', 2)).length).toBeLessThanOrEqual(2);
  });

  it('lists filter by kind, role and archived, sort by name, city or creation, and page', async () => {
    const supplier = await t.request(
      admin,
      'POST',
      '/api/v1/parties',
      aCompany({
        name: 'Доставки на части АД',
        uic: '200012346',
        vatNumber: 'BG200012346',
        isCustomer: false,
        isSupplier: true,
        addresses: [],
      }),
    );
    expect(supplier.json()).toMatchObject({ isCustomer: false, isSupplier: true, city: null });
    const all = await t.request(reception, 'GET', '/api/v1/parties?pageSize=200');
    const companies = await t.request(reception, 'GET', '/api/v1/parties?kind=company&pageSize=200');
    expect(companies.json().items.every((p: { kind: string }) => p.kind === 'company')).toBe(true);
    expect(names(await t.request(reception, 'GET', '/api/v1/parties?role=supplier'))).toEqual([
      'Доставки на части АД',
    ]);
    expect(
      names(await t.request(reception, 'GET', '/api/v1/parties?role=customer&pageSize=200')),
    ).not.toContain('Доставки на части АД');
    expect(names(await t.request(reception, 'GET', '/api/v1/parties?archived=true'))).toEqual([
      'Стара фирма',
    ]);

    const byName = names(all);
    const expected = [...byName].sort((a, b) =>
      sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0,
    );
    expect(byName).toEqual(expected);
    expect(names(await t.request(reception, 'GET', '/api/v1/parties?sort=-name&pageSize=200'))).toEqual(
      [...expected].reverse(),
    );
    const byCity = (await t.request(reception, 'GET', '/api/v1/parties?sort=city&pageSize=200')).json()
      .items as { city: string | null }[];
    const cities = byCity.map((p) => p.city);
    expect(cities.indexOf(null)).toBeGreaterThan(cities.lastIndexOf('София'));
    const newest = await t.request(reception, 'GET', '/api/v1/parties?sort=-createdAt&pageSize=1');
    expect(names(newest)).toEqual(['Доставки на части АД']);

    const page2 = await t.request(reception, 'GET', '/api/v1/parties?pageSize=2&page=2');
    expect(page2.json()).toMatchObject({ page: 2, pageSize: 2, total: all.json().total });
    expect(names(page2)).toEqual(expected.slice(2, 4));
    expect((await t.request(reception, 'GET', '/api/v1/parties?role=boss')).statusCode).toBe(400);
  });

  it('PATCH changes only what is sent; a list sent replaces the whole list and the primary follows', async () => {
    renamed.length = 0; // the hooks are shared by both databases' runs
    const contactId = (await t.request(admin, 'GET', `/api/v1/parties/${company.id}`)).json().contacts[0].id;
    const res = await t.request(reception, 'PATCH', `/api/v1/parties/${person.id}`, {
      phones: [{ label: 'мобилен', number: '0899 111 222' }, { number: '+359888412699' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Иван Петров',
      phone: '0899 111 222',
      email: 'ivan.petrov@example.com',
      notes: 'Звъни след 17:00.',
    });
    expect(res.json().phones).toHaveLength(2);
    const find = async (q: string) =>
      names(await t.request(reception, 'GET', `/api/v1/parties?q=${encodeURIComponent(q)}`));
    expect(await find('888412635')).toEqual([]);
    expect(await find('+359899111222')).toEqual(['Иван Петров']);
    expect(renamed).toEqual([]);
    const other = await t.request(
      reception,
      'POST',
      '/api/v1/parties',
      aPerson({ name: 'Стар Наем', phones: [], emails: [] }),
    );
    await t.request(reception, 'PATCH', `/api/v1/parties/${other.json().id}`, { name: 'Нов Наем' });
    expect(renamed).toEqual([other.json().id]);
    await t.request(reception, 'DELETE', `/api/v1/parties/${other.json().id}`);

    const kept = await t.request(reception, 'PATCH', `/api/v1/parties/${company.id}`, {
      contacts: [{ id: contactId, name: 'Никола Данев', position: 'главен техник' }, { name: 'Ана Колева' }],
      notes: null,
    });
    expect(kept.json().contacts).toMatchObject([
      { id: contactId, position: 'главен техник' },
      { name: 'Ана Колева' },
    ]);
    const audit = await t.request(admin, 'GET', `/api/v1/audit?entity=party&entityId=${company.id}`);
    expect(audit.json().items[0]).toMatchObject({
      action: 'party.update',
      before: { contacts: [{ position: 'поддръжка' }] },
      after: { contacts: [{ position: 'главен техник' }, { name: 'Ана Колева' }] },
    });
  });

  it('archive and unarchive: an archived party leaves the list and the search, and comes back', async () => {
    const archived = await t.request(reception, 'POST', `/api/v1/parties/${person.id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    expect(
      (await t.request(reception, 'POST', `/api/v1/parties/${person.id}/archive`)).json().archivedAt,
    ).toBe(archived.json().archivedAt);
    expect(names(await t.request(reception, 'GET', '/api/v1/parties?q=иван'))).toEqual([]);
    expect(names(await t.request(reception, 'GET', '/api/v1/parties?q=иван&archived=true'))).toEqual([
      'Иван Петров',
    ]);
    expect(await searchParties(t.db, 'иван', 10)).toEqual([]);
    const back = await t.request(reception, 'POST', `/api/v1/parties/${person.id}/unarchive`);
    expect(back.json().archivedAt).toBeNull();
    expect(names(await t.request(reception, 'GET', '/api/v1/parties?q=иван'))).toEqual(['Иван Петров']);
    const actions = (await t.request(admin, 'GET', `/api/v1/audit?entity=party&entityId=${person.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a.includes('archive'))).toEqual([
      'party.unarchive',
      'party.archive',
    ]);
  });

  let site: { id: string };

  it('sites: added to a customer, named uniquely per customer, listed per customer and in the flat list', async () => {
    const body = {
      partyId: company.id,
      name: 'Котелно помещение',
      city: 'София',
      address: 'ул. „Шипка“ 1, сутерен',
      contactPerson: 'Никола Данев',
      contactPhone: '+359876901455',
      accessNotes: 'Ключът е при охраната.',
      workingHours: 'Mon-Fri 08:00-17:00',
    };
    const res = await t.request(reception, 'POST', '/api/v1/sites', body);
    expect(res.statusCode, res.body).toBe(201);
    site = res.json();
    expect(res.json()).toMatchObject({
      ...body,
      partyName: 'Техно Клима ООД',
      notes: null,
      archivedAt: null,
    });

    const before = await snapshotDatabase(t.db);
    const dup = await t.request(reception, 'POST', '/api/v1/sites', {
      partyId: company.id,
      name: 'Котелно помещение',
    });
    expect(dup.json()).toMatchObject({
      status: 409,
      code: 'duplicate_site',
      field: 'name',
      existingId: site.id,
    });
    const supplierId = (await t.request(admin, 'GET', '/api/v1/parties?role=supplier')).json().items[0].id;
    const bad: [unknown, number, string, string][] = [
      [{ partyId: supplierId, name: 'Склад' }, 400, 'not_a_customer', 'partyId'],
      [{ partyId: FAKE_ID, name: 'Склад' }, 400, 'unknown_party', 'partyId'],
      [{ name: 'Склад' }, 400, 'required', 'partyId'],
      [
        { partyId: company.id, name: 'Склад', contactPhone: 'обади се' },
        400,
        'invalid_phone',
        'contactPhone',
      ],
      [{ partyId: company.id, name: '' }, 400, 'too_small', 'name'],
      [{ partyId: company.id, name: 'Склад', floor: 2 }, 400, 'unknown_field', 'floor'],
    ];
    for (const [b, status, code, field] of bad) {
      const r = await t.request(reception, 'POST', '/api/v1/sites', b);
      expect(r.json(), r.body).toMatchObject({ status, code, field });
    }
    expect(await snapshotDatabase(t.db)).toEqual(before);

    await t.request(reception, 'POST', '/api/v1/sites', { partyId: company.id, name: 'Офис', city: 'София' });
    await t.request(reception, 'POST', '/api/v1/sites', {
      partyId: person.id,
      name: 'Вила',
      city: 'Арбанаси',
    });
    const ofCompany = await t.request(technician, 'GET', `/api/v1/customers/${company.id}/sites`);
    expect(ofCompany.json()).toMatchObject({ total: 2 });
    expect(names(ofCompany)).toEqual(['Котелно помещение', 'Офис']);
    expect((await t.request(technician, 'GET', `/api/v1/customers/${FAKE_ID}/sites`)).statusCode).toBe(404);
    expect(names(await t.request(technician, 'GET', `/api/v1/sites?partyId=${person.id}`))).toEqual(['Вила']);
    for (const q of ['котелно', 'KOTELNO', 'сутерен', 'данев', '0876 901 455'])
      expect(
        names(await t.request(technician, 'GET', `/api/v1/sites?q=${encodeURIComponent(q)}`)),
        q,
      ).toEqual(['Котелно помещение']);
    expect(names(await t.request(technician, 'GET', '/api/v1/sites?sort=-name'))).toEqual([
      'Офис',
      'Котелно помещение',
      'Вила',
    ]);
    expect((await t.request(technician, 'GET', `/api/v1/sites/${site.id}`)).json()).toMatchObject({
      name: 'Котелно помещение',
    });
    expect((await t.request(technician, 'GET', `/api/v1/sites/${FAKE_ID}`)).statusCode).toBe(404);
    expect((await t.request(technician, 'GET', `/api/v1/parties/${company.id}`)).json().siteCount).toBe(2);
  });

  it('sites: changed, archived and unarchived; an archived name is free, so the old site cannot come back over it', async () => {
    const changed = await t.request(reception, 'PATCH', `/api/v1/sites/${site.id}`, {
      workingHours: 'Mon-Sat 07:00-19:00',
      notes: 'Нов бойлер',
    });
    expect(changed.json()).toMatchObject({
      workingHours: 'Mon-Sat 07:00-19:00',
      notes: 'Нов бойлер',
      contactPerson: 'Никола Данев',
    });
    expect(
      (await t.request(reception, 'PATCH', `/api/v1/sites/${site.id}`, { partyId: person.id })).json(),
    ).toMatchObject({ code: 'unknown_field' });

    const archived = await t.request(reception, 'POST', `/api/v1/sites/${site.id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    expect(names(await t.request(reception, 'GET', `/api/v1/sites?partyId=${company.id}`))).toEqual(['Офис']);
    expect(
      names(await t.request(reception, 'GET', `/api/v1/sites?partyId=${company.id}&archived=true`)),
    ).toEqual(['Котелно помещение']);
    const again = await t.request(reception, 'POST', '/api/v1/sites', {
      partyId: company.id,
      name: 'Котелно помещение',
    });
    expect(again.statusCode).toBe(201);
    const back = await t.request(reception, 'POST', `/api/v1/sites/${site.id}/unarchive`);
    expect(back.json()).toMatchObject({ status: 409, code: 'duplicate_site', existingId: again.json().id });
    expect((await t.request(reception, 'DELETE', `/api/v1/sites/${again.json().id}`)).statusCode).toBe(204);
    expect(
      (await t.request(reception, 'POST', `/api/v1/sites/${site.id}/unarchive`)).json().archivedAt,
    ).toBeNull();
  });

  it('deleting a party that has sites (or that another module uses) is refused with the reason; nothing is written', async () => {
    const before = await snapshotDatabase(t.db);
    const refused = await t.request(reception, 'DELETE', `/api/v1/parties/${company.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'in_use',
      usages: [{ entity: 'sites', code: 'party_has_sites', count: 2 }],
      errors: [{ field: 'sites', code: 'party_has_sites', message: 'Контрагентът има обекти: 2.' }],
    });
    expect(refused.json().detail).toContain('Архивирайте');
    const withItems = await t.request(
      admin,
      'POST',
      '/api/v1/parties',
      aPerson({ name: 'Собственик на уреди', phones: [], emails: [] }),
    );
    partiesWithItems.add(withItems.json().id);
    const blocked = await t.request(reception, 'DELETE', `/api/v1/parties/${withItems.json().id}`);
    expect(blocked.json()).toMatchObject({ code: 'in_use', usages: [{ entity: 'items', count: 2 }] });
    partiesWithItems.delete(withItems.json().id);

    const unused = await t.request(reception, 'DELETE', `/api/v1/parties/${withItems.json().id}`);
    expect(unused.statusCode).toBe(204);
    expect((await t.request(reception, 'GET', `/api/v1/parties/${withItems.json().id}`)).statusCode).toBe(
      404,
    );
    const audit = await t.request(admin, 'GET', `/api/v1/audit?entity=party&entityId=${withItems.json().id}`);
    expect(audit.json().items[0]).toMatchObject({
      action: 'party.delete',
      before: { name: 'Собственик на уреди' },
    });
    expect((await t.request(reception, 'DELETE', `/api/v1/parties/${FAKE_ID}`)).statusCode).toBe(404);
    // The refused delete wrote nothing; the create and the delete of the other party cancel out but for the audit.
    const after = await snapshotDatabase(t.db);
    expect(after.party).toEqual(before.party);
    expect(after.site).toEqual(before.site);
  });

  it('privacy export: everything held about the party, with what other modules registered; the export is audited', async () => {
    await t.request(admin, 'PATCH', `/api/v1/parties/${person.id}`, { wantsInvoices: true, egn: VALID_EGN });
    expect(
      (await t.request(reception, 'GET', `/api/v1/parties/${person.id}/privacy-export`)).statusCode,
    ).toBe(403);
    const res = await t.request(admin, 'GET', `/api/v1/parties/${person.id}/privacy-export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`party-${person.id}.json`);
    const data = res.json();
    expect(data.party).toMatchObject({
      id: person.id,
      name: 'Иван Петров',
      egn: VALID_EGN,
      notes: 'Звъни след 17:00.',
    });
    expect(data.party.phones.map((p: { number: string }) => p.number)).toEqual([
      '0899 111 222',
      '+359888412699',
    ]);
    expect(data.sites).toMatchObject([{ name: 'Вила', city: 'Арбанаси' }]);
    const actions = data.audit.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['party.create', 'party.update', 'party.archive', 'site.create']),
    );
    expect(data.modules.testModule).toEqual({ partyId: person.id, held: 'a note from another module' });
    const audit = await t.request(admin, 'GET', `/api/v1/audit?entity=party&entityId=${person.id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'party.privacy_export', username: 'admin' });
    expect((await t.request(admin, 'GET', `/api/v1/parties/${FAKE_ID}/privacy-export`)).statusCode).toBe(404);
  });

  it('anonymise: admin only, persons only, confirmed; the person is forgotten, the row and its id stay', async () => {
    const before = await snapshotDatabase(t.db);
    expect(
      (await t.request(reception, 'POST', `/api/v1/parties/${person.id}/anonymise`, { confirm: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request(admin, 'POST', `/api/v1/parties/${person.id}/anonymise`, {})).json(),
    ).toMatchObject({ status: 400, field: 'confirm' });
    expect(
      (await t.request(admin, 'POST', `/api/v1/parties/${person.id}/anonymise`, { confirm: false }))
        .statusCode,
    ).toBe(400);
    expect(
      (await t.request(admin, 'POST', `/api/v1/parties/${company.id}/anonymise`, { confirm: true })).json(),
    ).toMatchObject({ status: 409, code: 'not_a_person' });
    expect(await snapshotDatabase(t.db)).toEqual(before);

    const res = await t.request(admin, 'POST', `/api/v1/parties/${person.id}/anonymise`, { confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    const shortId = person.id.replace(/-/g, '').slice(-8);
    expect(res.json()).toMatchObject({
      id: person.id,
      name: `Анонимизиран клиент ${shortId}`,
      egn: null,
      notes: null,
      phone: null,
      email: null,
      city: null,
      address: null,
      phones: [],
      emails: [],
      addresses: [],
      contacts: [],
      wantsInvoices: false,
    });
    expect(res.json().anonymisedAt).not.toBeNull();
    expect(res.json().archivedAt).not.toBeNull();
    expect(renamed).toContain(person.id);

    const find = async (q: string, archived: boolean) =>
      (
        await t.request(admin, 'GET', `/api/v1/parties?q=${encodeURIComponent(q)}&archived=${archived}`)
      ).json().total;
    for (const q of [
      'Иван Петров',
      'petrov',
      '0899 111 222',
      '888412699',
      'ivan.petrov@example.com',
      'Анонимизиран',
    ])
      for (const archived of [true, false]) expect(await find(q, archived), q).toBe(0);
    expect(await searchParties(t.db, 'Иван Петров', 10)).toEqual([]);
    expect((await t.request(admin, 'GET', `/api/v1/parties/${person.id}`)).json()).toMatchObject({
      id: person.id,
      name: `Анонимизиран клиент ${shortId}`,
    });
    expect(names(await t.request(admin, 'GET', `/api/v1/sites?partyId=${person.id}&archived=true`))).toEqual([
      'Обект 1',
    ]);
    expect((await t.request(admin, 'GET', `/api/v1/sites?q=арбанаси&archived=true`)).json().total).toBe(0);

    const audit = await t.request(admin, 'GET', `/api/v1/audit?entity=party&entityId=${person.id}`);
    const entry = audit.json().items[0];
    expect(entry).toMatchObject({ action: 'party.anonymise', after: { sitesAnonymised: 1 } });
    for (const personal of ['Иван', '0899', '888412', 'ivan.petrov', VALID_EGN, 'Арбанаси'])
      expect(JSON.stringify(entry)).not.toContain(personal);

    const frozen = await snapshotDatabase(t.db);
    expect(
      (await t.request(admin, 'PATCH', `/api/v1/parties/${person.id}`, { name: 'Иван Петров' })).json(),
    ).toMatchObject({ status: 409, code: 'party_anonymised' });
    expect((await t.request(admin, 'POST', `/api/v1/parties/${person.id}/unarchive`)).json()).toMatchObject({
      code: 'party_anonymised',
    });
    expect(
      (await t.request(admin, 'POST', `/api/v1/parties/${person.id}/anonymise`, { confirm: true })).json(),
    ).toMatchObject({ code: 'party_anonymised' });
    expect(await snapshotDatabase(t.db)).toEqual(frozen);
  });

  it('CSV export: the customers.csv columns plus id, Cyrillic intact, the list filters applied, no ЕГН', async () => {
    await t.request(
      reception,
      'POST',
      '/api/v1/parties',
      aPerson({ name: 'Пётр Фактуров', phones: [], emails: [], wantsInvoices: true, egn: '8505151234' }),
    );
    const res = await t.request(technician, 'GET', '/api/v1/parties/export.csv?kind=company');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('parties.csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [header] = res.body.slice(1).split('\n');
    expect(header).toBe('type,name,uic,vat_number,mol,phone,email,city,address,id');
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.uic === '131468980')).toEqual({
      type: 'company',
      name: 'Техно Клима ООД',
      uic: '131468980',
      vat_number: 'BG131468980',
      mol: 'инж. Стоян Стоянов',
      phone: '+35921234567',
      email: 'office@techno-klima.example',
      city: 'София',
      address: 'ул. „Шипка“ 1',
      id: company.id,
    });
    expect(rows.every((r) => r.type === 'company')).toBe(true);
    const people = await t.request(admin, 'GET', '/api/v1/parties/export.csv?kind=person&q=фактуров');
    expect(people.body).toContain('Пётр Фактуров');
    expect(people.body).not.toContain('8505151234');

    const sites = await t.request(technician, 'GET', `/api/v1/sites/export.csv?partyId=${company.id}`);
    expect(sites.body.slice(1).split('\n')[0]).toBe(
      'customer_name,site_name,city,address,contact_person,contact_phone,access_notes,working_hours,id',
    );
    const siteRows = parse(sites.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(siteRows.map((r) => r.site_name)).toEqual(['Котелно помещение', 'Офис']);
    expect(siteRows[0]).toMatchObject({
      customer_name: 'Техно Клима ООД',
      working_hours: 'Mon-Sat 07:00-19:00',
      contact_phone: '+359876901455',
    });
    // An export imports back: its header is the adapters' columns.
    expect(customersImport.columns).toEqual(header?.split(','));
  });
  it('an ЕИК typed with its BG prefix or spaces is stored as digits; a person registered for VAT keeps BG + ЕГН, masked like it', async () => {
    const typed = await t.request(
      reception,
      'POST',
      '/api/v1/parties',
      aCompany({ name: 'Префикс ООД', uic: 'BG 131129282', vatNumber: 'bg131129282' }),
    );
    expect(typed.statusCode, typed.body).toBe(201);
    expect(typed.json()).toMatchObject({ uic: '131129282', vatNumber: 'BG131129282' });

    const freelancer = await t.request(
      reception,
      'POST',
      '/api/v1/parties',
      aPerson({
        name: 'Светлин Фрийлансов',
        phones: [{ number: '0899 555 122' }],
        emails: [],
        wantsInvoices: true,
        egn: '6101057509',
        vatNumber: 'BG6101057509',
      }),
    );
    expect(freelancer.statusCode, freelancer.body).toBe(201);
    expect(freelancer.json()).toMatchObject({ vatNumber: 'BG******7509', egn: '******7509' });
    const id = freelancer.json().id;
    expect((await t.request(accountant, 'GET', `/api/v1/parties/${id}`)).json().vatNumber).toBe(
      'BG6101057509',
    );
    const list = await t.request(admin, 'GET', '/api/v1/parties?q=фрийлансов');
    expect(JSON.stringify(list.json())).not.toContain('6101057509');
    // An edit that does not send it keeps it; no longer wanting invoices drops both.
    await t.request(reception, 'PATCH', `/api/v1/parties/${id}`, { notes: 'редовен' });
    expect((await t.request(admin, 'GET', `/api/v1/parties/${id}`)).json().vatNumber).toBe('BG6101057509');
    const dropped = await t.request(admin, 'PATCH', `/api/v1/parties/${id}`, { wantsInvoices: false });
    expect(dropped.json()).toMatchObject({ egn: null, vatNumber: null });
  });
});

describe.each(DIALECTS)('parties import and demo seed on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  beforeAll(async () => {
    admin = await t.setup();
  });

  it('the seed files parse and check with no errors against an empty database', async () => {
    const customers = csvRecords('customers.csv');
    expect(customers).toHaveLength(60);
    for (const r of customers) expect(rowErrors(customersImport, r), r.name).toEqual([]);
    expect((await customersImport.check(t.db, parseAll(customersImport, customers))).size).toBe(0);
    for (const r of csvRecords('sites.csv')) expect(rowErrors(sitesImport, r), r.site_name).toEqual([]);
  });

  it('the demo seed loads the 60 customers, their 45 sites and 3 suppliers, once', async () => {
    await t.db.transaction().execute((trx) => seedPartiesDemo(trx, SYSTEM_ACTOR));
    await t.db.transaction().execute((trx) => seedPartiesDemo(trx, SYSTEM_ACTOR));
    const customers = await t.request(admin, 'GET', '/api/v1/parties?role=customer&pageSize=200');
    expect(customers.json().total).toBe(60);
    const kinds = customers.json().items.map((p: { kind: string }) => p.kind);
    expect(kinds.filter((k: string) => k === 'person')).toHaveLength(36);
    expect((await t.request(admin, 'GET', '/api/v1/parties?role=supplier')).json().total).toBe(3);
    expect((await t.request(admin, 'GET', '/api/v1/sites?pageSize=200')).json().total).toBe(45);
    const hotel = customers
      .json()
      .items.find((p: { name: string }) => p.name === 'Хотел „Морска звезда“ ЕООД');
    expect(hotel).toMatchObject({
      uic: '203395636',
      vatNumber: 'BG203395636',
      mol: 'Даниела Костова',
      city: 'Варна',
      phone: '+35952612744',
    });
    expect((await t.request(admin, 'GET', `/api/v1/customers/${hotel.id}/sites`)).json().total).toBe(4);
    const school = customers.json().items.find((p: { uic: string }) => p.uic === '000157247');
    expect(school.name).toBe('ОУ „Св. св. Кирил и Методий“ – гр. Плевен');

    // The seed data's search cases (seed-data/README.md), with the same answers on both databases.
    const find = async (q: string) =>
      names(await t.request(admin, 'GET', `/api/v1/parties?q=${encodeURIComponent(q)}&pageSize=200`));
    expect(await find('петя')).toEqual(['ПЕТЯ ГЕОРГИЕВА']);
    expect(await find('Дончева')).toEqual(['ивелина ДОНЧЕВА']);
    expect(await find('Кирилова')).toEqual(['Йоанна Стоянова-Кирилова']);
    expect(await find('Анна')).toEqual(expect.arrayContaining(['Анна-Мария Димитрова']));
    expect(await find('Семенов')).toEqual(['Пётр Семёнов']);
    expect(await find('ivan petrov')).toEqual(['Ivan Petrov', 'Иван Петров']);
    expect(await find("O'Connor")).toEqual(["Michael O'Connor"]);
    expect(await find('Yılmaz')).toEqual(['Emre Yılmaz']);
    expect(await find('№ 41')).toEqual(['Детска градина № 41 „Слънчице“']);
    expect(await find('старият дъб')).toEqual(['Ресторант "Старият дъб" ООД']);
    expect(await find('0888 412 635')).toEqual(['Георги Иванов Петров']);
    expect(await find('ruiz')).toEqual(['Аква Вита Спа АД']);

    // One alphabetical order on both databases: quotes and case ignored.
    const all = names(await t.request(admin, 'GET', '/api/v1/parties?pageSize=200'));
    expect(all).toEqual(
      [...all].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0)),
    );
    expect(all.indexOf('„Ханът на бай Ганьо“ ООД')).toBeLessThan(all.indexOf('Хотел „Дунав Изток“ ООД'));
  });

  it('customers import: bad rows get the field and code; an ЕИК twice in the file or already live is duplicate_uic', async () => {
    const base = {
      type: 'company',
      name: 'Нова фирма ООД',
      uic: '',
      vat_number: '',
      mol: '',
      phone: '',
      email: '',
      city: 'Русе',
      address: '',
    };
    expect(rowErrors(customersImport, { ...base, uic: '203395637' })).toEqual([
      { field: 'uic', code: 'invalid_uic' },
    ]);
    expect(rowErrors(customersImport, { ...base, uic: '200012346', vat_number: 'BG200012347' })).toEqual([
      { field: 'vat_number', code: 'invalid_vat_number' },
    ]);
    expect(rowErrors(customersImport, { ...base, uic: '200012346', vat_number: 'BG175001117' })).toEqual([
      { field: 'vat_number', code: 'invalid_vat_number' },
    ]);
    expect(rowErrors(customersImport, { ...base, type: 'person', uic: '200012346' })).toEqual([
      { field: 'uic', code: 'not_for_person' },
    ]);
    expect(rowErrors(customersImport, { ...base, email: 'не-е-поща' })).toEqual([
      { field: 'email', code: 'invalid_email' },
    ]);
    expect(rowErrors(customersImport, { ...base, phone: 'няма' })).toEqual([
      { field: 'phone', code: 'invalid_phone' },
    ]);
    expect(rowErrors(customersImport, { ...base, type: 'firm' }).map((e) => e.field)).toEqual(['type']);
    expect(rowErrors(customersImport, { ...base, name: ' ' }).map((e) => e.field)).toEqual(['name']);

    const rows = parseAll(customersImport, [
      { ...base, name: 'Първа', uic: '200012346' },
      { ...base, name: 'Втора', uic: '200012346' },
      { ...base, name: 'Хотелът отново', uic: '203395636' },
      { ...base, name: 'Без ЕИК' },
    ]);
    const errors = await customersImport.check(t.db, rows);
    expect([...errors.keys()]).toEqual([1, 2]);
    expect(errors.get(1)).toEqual([
      { field: 'uic', code: 'duplicate_uic', params: { uic: '200012346', name: 'Първа' } },
    ]);
    expect(errors.get(2)).toMatchObject([
      { field: 'uic', code: 'duplicate_uic', params: { name: 'Хотел „Морска звезда“ ЕООД' } },
    ]);
    // The whole seed file again: every company's ЕИК is taken now.
    const again = await customersImport.check(t.db, parseAll(customersImport, csvRecords('customers.csv')));
    expect(again.size).toBe(24);
  });

  it('sites import: customer_name must name exactly one live customer; a site name is new per customer', async () => {
    const namesake = await t.request(admin, 'POST', '/api/v1/parties', {
      kind: 'person',
      name: 'Мария Петрова',
    });
    expect(namesake.statusCode).toBe(201);
    const base = {
      customer_name: 'Стефан Станчев',
      site_name: 'Гараж',
      city: 'с. Марково',
      address: '',
      contact_person: '',
      contact_phone: '',
      access_notes: '',
    };
    expect(rowErrors(sitesImport, { ...base, contact_phone: 'утре' })).toEqual([
      { field: 'contact_phone', code: 'invalid_phone' },
    ]);
    expect(rowErrors(sitesImport, { ...base, site_name: '' }).map((e) => e.field)).toEqual(['site_name']);
    const rows = parseAll(sitesImport, [
      base,
      { ...base, customer_name: 'Никой Никоев' },
      { ...base, customer_name: 'Мария Петрова' },
      { ...base },
      { ...base, site_name: 'Къща – с. Марково' },
    ]);
    const errors = await sitesImport.check(t.db, rows);
    expect([...errors.keys()]).toEqual([1, 2, 3, 4]);
    expect(errors.get(1)).toEqual([
      { field: 'customer_name', code: 'unknown_customer', params: { name: 'Никой Никоев', count: 0 } },
    ]);
    expect(errors.get(2)).toEqual([
      { field: 'customer_name', code: 'ambiguous_customer', params: { name: 'Мария Петрова', count: 2 } },
    ]);
    expect(errors.get(3)).toEqual([
      { field: 'site_name', code: 'duplicate_site', params: { name: 'Гараж' } },
    ]);
    expect(errors.get(4)).toMatchObject([
      { field: 'site_name', code: 'duplicate_site', params: { name: 'Къща – с. Марково' } },
    ]);
    expect((await sitesImport.check(t.db, parseAll(sitesImport, csvRecords('sites.csv')))).size).toBe(45);

    // The valid row imports, with an audit row.
    const [garage] = rows;
    await t.db
      .transaction()
      .execute((trx) => sitesImport.insert(trx, SYSTEM_ACTOR, [garage as (typeof rows)[number]]));
    const stanchev = (
      await t.request(admin, 'GET', `/api/v1/parties?q=${encodeURIComponent('Стефан Станчев')}`)
    ).json().items[0];
    expect(names(await t.request(admin, 'GET', `/api/v1/customers/${stanchev.id}/sites`))).toEqual([
      'Гараж',
      'Къща – с. Марково',
    ]);
    const imported = (await t.request(admin, 'GET', '/api/v1/sites?q=гараж')).json().items[0];
    const audit = await t.request(admin, 'GET', `/api/v1/audit?entity=site&entityId=${imported.id}`);
    expect(audit.json().items).toMatchObject([{ action: 'site.create', after: { name: 'Гараж' } }]);
  });
});
