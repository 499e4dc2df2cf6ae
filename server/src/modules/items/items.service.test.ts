import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { registerUsageCheck } from '../../db/usage';
import type { Item } from './items.schema';
import { reindexItems, searchItems } from './items.service';

const REFERENCE = '2026-11-27';

async function partyId(t: TestApp, name: string): Promise<string> {
  const row = await t.db.selectFrom('party').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

async function siteId(t: TestApp, party: string, name: string): Promise<string> {
  const row = await t.db
    .selectFrom('site')
    .select('id')
    .where('party_id', '=', party)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function modelId(t: TestApp, brandCode: string, name: string): Promise<string> {
  const row = await t.db
    .selectFrom('catalog_model')
    .innerJoin('catalog_brand', 'catalog_brand.id', 'catalog_model.brand_id')
    .select('catalog_model.id')
    .where('catalog_brand.code', '=', brandCode)
    .where('catalog_model.name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function itemBySerial(t: TestApp, serial: string): Promise<string> {
  const row = await t.db
    .selectFrom('item')
    .select('id')
    .where('serial_number', '=', serial)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe.each(DIALECTS)('items on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let reception: Session;
  let technician: Session;
  let storekeeper: Session;
  let bosch: string;
  let maria: string;
  let hotel: string;
  let hotelSite: string;
  let otherSite: string;

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
    reception = await t.signInAs('reception');
    technician = await t.signInAs('technician');
    storekeeper = await t.signInAs('storekeeper');
    bosch = await modelId(t, 'BOSCH', 'WAN28263BY');
    maria = await partyId(t, 'Мария Петрова Георгиева');
    hotel = await partyId(t, 'Хотел „Морска звезда“ ЕООД');
    hotelSite = await siteId(t, hotel, 'Основна сграда');
    const other = await t.db
      .selectFrom('site')
      .select('id')
      .where('party_id', '!=', hotel)
      .executeTakeFirstOrThrow();
    otherSite = other.id;
  });

  const list = async (query: string, session: Session = reception) => {
    const res = await t.request(session, 'GET', `/api/v1/items?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
  };

  it('the demo seed holds the 149 items of items.csv; 40 are under warranty on the reference date', async () => {
    expect((await list('pageSize=1')).total).toBe(149);
    expect((await list(`underWarranty=true&warrantyOn=${REFERENCE}`)).total).toBe(40);
    expect((await list(`underWarranty=false&warrantyOn=${REFERENCE}`)).total).toBe(109);
    const owners = await t.db.selectFrom('item_owner_history').select('id').execute();
    expect(owners.length).toBe(149);
  });

  it('the warranty of an item: covered through the end date inclusive, GET /items/:id/warranty?date=', async () => {
    const id = await itemBySerial(t, 'FD 0408 715103');
    const on = async (date: string) =>
      (await t.request(reception, 'GET', `/api/v1/items/${id}/warranty?date=${date}`)).json();
    const item = (await t.request(reception, 'GET', `/api/v1/items/${id}`)).json() as Item;
    expect(item).toMatchObject({
      partyName: 'Мария Петрова Георгиева',
      purchaseDate: '2024-11-27',
      warrantyMonths: 24,
    });
    expect(item.warranty.warrantyEnd).toBe('2026-11-27');
    expect(await on('2026-11-27')).toMatchObject({
      underWarranty: true,
      warrantyEnd: '2026-11-27',
      daysLeft: 0,
    });
    expect(await on('2026-11-28')).toMatchObject({ underWarranty: false, daysLeft: -1 });
    expect(
      (await t.request(reception, 'GET', `/api/v1/items/${id}/warranty?date=2026-02-30`)).statusCode,
    ).toBe(400);
    expect(
      (await t.request(reception, 'GET', '/api/v1/items/01900000-0000-7000-8000-000000000000/warranty'))
        .statusCode,
    ).toBe(404);
  });

  it('registers an item: serial trimmed and upper case, warranty months from the model, first owner period', async () => {
    const res = await t.request(reception, 'POST', '/api/v1/items', {
      modelId: bosch,
      serialNumber: '  fd 0301   555111 ',
      partyId: maria,
      purchaseDate: '2026-01-31',
      seller: 'Техномаркет',
      warrantyDocNumber: 'КБ № 1234567/31.01.2026',
    });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json() as Item;
    expect(item).toMatchObject({
      serialNumber: 'FD 0301 555111',
      brandCode: 'BOSCH',
      modelName: 'WAN28263BY',
      partyId: maria,
      siteId: null,
      warrantyMonths: 24,
      warrantyEnd: null,
      warranty: { warrantyEnd: '2028-01-31' },
    });
    const history = (await t.request(reception, 'GET', `/api/v1/items/${item.id}/history`)).json();
    expect(history.owners).toEqual([
      expect.objectContaining({ partyId: maria, fromDate: '2026-01-31', toDate: null, reason: null }),
    ]);
    expect(history.events).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', item.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['item.create']);
  });

  it('a duplicate serial for the same model is 409 naming the existing item and its owner; nothing is written', async () => {
    const existing = await itemBySerial(t, 'FD 0408 715103');
    const before = await snapshotDatabase(t.db);
    const res = await t.request(reception, 'POST', '/api/v1/items', {
      modelId: bosch,
      serialNumber: ' fd 0408   715103',
      partyId: hotel,
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'duplicate_serial',
      field: 'serialNumber',
      existingId: existing,
    });
    expect(res.json().detail).toContain('Мария Петрова Георгиева');
    expect(await snapshotDatabase(t.db)).toEqual(before);

    // The same serial on another model is another item.
    const otherModel = await modelId(t, 'DAIKIN', 'FTXM35R');
    const ok = await t.request(reception, 'POST', '/api/v1/items', {
      modelId: otherModel,
      serialNumber: 'FD 0408 715103',
      partyId: hotel,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    // A PATCH that would make a duplicate is refused too.
    const clash = await t.request(reception, 'PATCH', `/api/v1/items/${ok.json().id}`, { modelId: bosch });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'duplicate_serial', existingId: existing });
  });

  it('a site of another customer is 400 site_not_of_customer on siteId; bad references and bad input are 400', async () => {
    const before = await snapshotDatabase(t.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { modelId: bosch, serialNumber: 'X-1', partyId: hotel, siteId: otherSite },
        'siteId',
        'site_not_of_customer',
      ],
      [{ modelId: bosch, serialNumber: 'X-1', partyId: hotel, siteId: 'nope' }, 'siteId', 'unknown_site'],
      [{ modelId: 'nope', serialNumber: 'X-1', partyId: hotel }, 'modelId', 'unknown_model'],
      [{ modelId: bosch, serialNumber: 'X-1', partyId: 'nope' }, 'partyId', 'unknown_party'],
      [{ modelId: bosch, serialNumber: '   ', partyId: hotel }, 'serialNumber', 'too_small'],
      [
        { modelId: bosch, serialNumber: 'X-1', partyId: hotel, warrantyMonths: -1 },
        'warrantyMonths',
        'too_small',
      ],
      [
        { modelId: bosch, serialNumber: 'X-1', partyId: hotel, purchaseDate: '2026-13-01' },
        'purchaseDate',
        'invalid_value',
      ],
      [{ modelId: bosch, serialNumber: 'X-1', partyId: hotel, colour: 'red' }, 'colour', 'unknown_field'],
      [
        {
          modelId: bosch,
          serialNumber: 'X-1',
          partyId: hotel,
          purchaseDate: '2026-05-01',
          warrantyEnd: '2026-04-30',
        },
        'warrantyEnd',
        'warranty_end_before_purchase',
      ],
    ];
    for (const [body, field, code] of cases) {
      const res = await t.request(reception, 'POST', '/api/v1/items', body);
      expect([res.statusCode, res.json().field, res.json().code], JSON.stringify(body)).toEqual([
        400,
        field,
        code,
      ]);
    }
    const item = await itemBySerial(t, 'E175530');
    const patch = await t.request(reception, 'PATCH', `/api/v1/items/${item}`, { siteId: otherSite });
    expect([patch.statusCode, patch.json().code]).toEqual([400, 'site_not_of_customer']);
    const owner = await t.request(reception, 'PATCH', `/api/v1/items/${item}`, { partyId: maria });
    expect([owner.statusCode, owner.json().code, owner.json().field]).toEqual([
      400,
      'unknown_field',
      'partyId',
    ]);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('PATCH changes warranty data; an explicit end overrides; null months go back to the model default', async () => {
    const id = await itemBySerial(t, 'E175531');
    const patched = await t.request(reception, 'PATCH', `/api/v1/items/${id}`, {
      warrantyEnd: '2027-06-30',
      notes: 'удължена гаранция',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      warrantyEnd: '2027-06-30',
      warranty: { warrantyEnd: '2027-06-30' },
    });
    const back = await t.request(reception, 'PATCH', `/api/v1/items/${id}`, {
      warrantyEnd: null,
      warrantyMonths: null,
    });
    expect(back.json()).toMatchObject({
      warrantyMonths: 36,
      warrantyEnd: null,
      warranty: { warrantyEnd: '2026-11-30' },
    });
    const site = await t.request(reception, 'PATCH', `/api/v1/items/${id}`, { siteId: null });
    expect(site.json()).toMatchObject({ siteId: null, siteName: null });
    const history = (await t.request(reception, 'GET', `/api/v1/items/${id}/history`)).json();
    expect(history.owners).toEqual([expect.objectContaining({ siteId: null, fromDate: '2023-11-30' })]);
    await t.request(reception, 'PATCH', `/api/v1/items/${id}`, { siteId: hotelSite });
  });

  it('a transfer moves the item to another owner and keeps its id and history', async () => {
    const id = await itemBySerial(t, 'H007378');
    const buyer = await t.request(reception, 'POST', '/api/v1/parties', {
      kind: 'person',
      name: 'Борис Купувачов',
    });
    expect(buyer.statusCode, buyer.body).toBe(201);
    const buyerId = buyer.json().id as string;
    const site = await t.request(reception, 'POST', '/api/v1/sites', { partyId: buyerId, name: 'Вила Бор' });
    expect(site.statusCode, site.body).toBe(201);

    const before = await snapshotDatabase(t.db);
    const refused: [Record<string, unknown>, string, string][] = [
      [{ partyId: hotel, date: '2026-11-01', reason: 'x' }, 'partyId', 'transfer_same_owner'],
      [
        { partyId: buyerId, siteId: hotelSite, date: '2026-11-01', reason: 'x' },
        'siteId',
        'site_not_of_customer',
      ],
      [{ partyId: buyerId, date: '2020-01-01', reason: 'x' }, 'date', 'transfer_date_before_current'],
      [{ partyId: buyerId, date: '2099-01-01', reason: 'x' }, 'date', 'transfer_date_in_future'],
      [{ partyId: buyerId, date: '2026-11-01' }, 'reason', 'required'],
      [{ partyId: 'nope', date: '2026-11-01', reason: 'x' }, 'partyId', 'unknown_party'],
    ];
    for (const [body, field, code] of refused) {
      const res = await t.request(reception, 'POST', `/api/v1/items/${id}/transfer`, body);
      expect([res.statusCode, res.json().field, res.json().code], JSON.stringify(body)).toEqual([
        400,
        field,
        code,
      ]);
    }
    expect((await t.request(technician, 'POST', `/api/v1/items/${id}/transfer`, {})).statusCode).toBe(403);
    expect(await snapshotDatabase(t.db)).toEqual(before);

    const moved = await t.request(reception, 'POST', `/api/v1/items/${id}/transfer`, {
      partyId: buyerId,
      siteId: site.json().id,
      date: '2026-11-01',
      reason: 'Продаден заедно с вилата',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      id,
      serialNumber: 'H007378',
      partyId: buyerId,
      partyName: 'Борис Купувачов',
    });
    const history = (await t.request(reception, 'GET', `/api/v1/items/${id}/history`)).json();
    expect(history.owners).toEqual([
      expect.objectContaining({ partyId: hotel, fromDate: '2021-05-18', toDate: '2026-11-01', reason: null }),
      expect.objectContaining({
        partyId: buyerId,
        siteName: 'Вила Бор',
        fromDate: '2026-11-01',
        toDate: null,
        reason: 'Продаден заедно с вилата',
      }),
    ]);
    expect((await list(`partyId=${buyerId}`)).items.map((i) => i.id)).toEqual([id]);
    expect((await list(`partyId=${hotel}&q=H007378`)).total).toBe(0);
    expect((await list('q=купувачов')).items.map((i) => i.id)).toEqual([id]);
    // The item's history follows it: deleting it now is refused, and so is deleting its former owner's site.
    const del = await t.request(reception, 'DELETE', `/api/v1/items/${id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json()).toMatchObject({
      code: 'in_use',
      errors: [expect.objectContaining({ field: 'owner_history' })],
    });
  });

  it('DELETE: an item with no history beyond its registration goes; one used by another module is 409 in_use', async () => {
    const created = await t.request(reception, 'POST', '/api/v1/items', {
      modelId: bosch,
      serialNumber: 'MISTAKE-1',
      partyId: maria,
    });
    const id = created.json().id as string;
    expect((await t.request(storekeeper, 'DELETE', `/api/v1/items/${id}`)).statusCode).toBe(403);
    expect((await t.request(reception, 'DELETE', `/api/v1/items/${id}`)).statusCode).toBe(204);
    expect((await t.request(reception, 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404);

    const used = await t.request(reception, 'POST', '/api/v1/items', {
      modelId: bosch,
      serialNumber: 'USED-1',
      partyId: maria,
    });
    const usedId = used.json().id as string;
    registerUsageCheck('item', async (_db, itemId) =>
      itemId === usedId ? { entity: 'service_orders', code: 'item_has_owner_history', count: 2 } : null,
    );
    const before = await snapshotDatabase(t.db);
    const res = await t.request(reception, 'DELETE', `/api/v1/items/${usedId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'in_use',
      errors: [expect.objectContaining({ field: 'service_orders' })],
      usages: [{ entity: 'service_orders', code: 'item_has_owner_history', count: 2 }],
    });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('a customer, a site or a model with items cannot be deleted (the modules below ask items)', async () => {
    const res = await t.request(admin, 'DELETE', `/api/v1/parties/${maria}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'in_use' });
    expect(JSON.stringify(res.json())).toContain('party_has_items');
    const siteRes = await t.request(admin, 'DELETE', `/api/v1/sites/${hotelSite}`);
    expect(siteRes.statusCode).toBe(409);
    expect(JSON.stringify(siteRes.json())).toContain('site_has_items');
    const modelRes = await t.request(admin, 'DELETE', `/api/v1/models/${bosch}`);
    expect(modelRes.statusCode).toBe(409);
    expect(JSON.stringify(modelRes.json())).toContain('items');
  });

  it('archive takes an item out of lists and search; unarchive brings it back; the serial stays taken', async () => {
    const id = await itemBySerial(t, 'E175530');
    const archived = await t.request(reception, 'POST', `/api/v1/items/${id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await list('q=E175530')).total).toBe(0);
    expect((await list('q=E175530&archived=true')).items.map((i) => i.id)).toEqual([id]);
    expect(await searchItems(t.db, 'E175530', 5)).toEqual([]);
    const dup = await t.request(reception, 'POST', '/api/v1/items', {
      modelId: await modelId(t, 'DAIKIN', 'FTXM35R'),
      serialNumber: 'e175530',
      partyId: maria,
    });
    expect(dup.json()).toMatchObject({ code: 'duplicate_serial', existingId: id });
    const back = await t.request(reception, 'POST', `/api/v1/items/${id}/unarchive`);
    expect(back.json().archivedAt).toBeNull();
    expect((await list('q=E175530')).total).toBe(1);
  });

  it('list filters: search in Cyrillic and Latin, serial without spaces, owner, site, model, brand; sorts and pages', async () => {
    expect((await list('q=WAN28263BY')).items.map((i) => i.serialNumber)).toContain('FD 0408 715103');
    const compact = (await list('q=fd0408715103')).items;
    expect(compact.map((i) => i.modelName).sort()).toEqual(['FTXM35R', 'WAN28263BY']);
    expect(compact.every((i) => i.serialNumber === 'FD 0408 715103')).toBe(true);
    const cyr = await list('q=МОРСКА звезда&pageSize=200');
    const lat = await list('q=morska zvezda&pageSize=200');
    expect(cyr.total).toBeGreaterThan(0);
    expect(lat.items.map((i) => i.id).sort()).toEqual(cyr.items.map((i) => i.id).sort());
    expect(cyr.items.every((i) => i.partyName === 'Хотел „Морска звезда“ ЕООД')).toBe(true);

    const byParty = await list(`partyId=${hotel}&pageSize=200`);
    expect(byParty.items.every((i) => i.partyId === hotel)).toBe(true);
    const bySite = await list(`siteId=${hotelSite}&pageSize=200`);
    expect(bySite.total).toBeGreaterThan(0);
    expect(bySite.items.every((i) => i.siteId === hotelSite)).toBe(true);
    const daikin = await list(`modelId=${await modelId(t, 'DAIKIN', 'FTXM35R')}`);
    expect(daikin.items.every((i) => i.modelName === 'FTXM35R')).toBe(true);
    const brand = (
      await t.db
        .selectFrom('catalog_brand')
        .select('id')
        .where('code', '=', 'BOSCH')
        .executeTakeFirstOrThrow()
    ).id;
    const byBrand = await list(`brandId=${brand}&pageSize=200`);
    expect(byBrand.total).toBeGreaterThan(1);
    expect(byBrand.items.every((i) => i.brandCode === 'BOSCH')).toBe(true);

    const serials = (await list('sort=serial&pageSize=200')).items.map((i) => i.serialNumber);
    expect(serials).toEqual([...serials].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const ends = (await list('sort=-warrantyEnd&pageSize=200')).items.map((i) => i.warranty.warrantyEnd);
    const known = ends.filter((e): e is string => e !== null);
    expect(known).toEqual([...known].sort().reverse());
    expect(ends.slice(known.length).every((e) => e === null)).toBe(true);

    const page1 = await list('sort=serial&pageSize=10&page=1');
    const page2 = await list('sort=serial&pageSize=10&page=2');
    expect(page1.items.length).toBe(10);
    expect(page2.items[0]?.serialNumber).toBe(serials[10]);
    expect(page1.total).toBe(serials.length);

    const under = await list(`underWarranty=true&warrantyOn=${REFERENCE}&partyId=${maria}`);
    expect(under.items.map((i) => i.serialNumber)).toContain('FD 0408 715103');
    const after = await list(`underWarranty=true&warrantyOn=2026-11-28&partyId=${maria}`);
    expect(after.items.map((i) => i.serialNumber)).not.toContain('FD 0408 715103');
    expect((await t.request(reception, 'GET', '/api/v1/items?bogus=1')).statusCode).toBe(400);
  });

  it('the CSV export has the columns of items.csv and the same filters; it imports back', async () => {
    const res = await t.request(storekeeper, 'GET', `/api/v1/items/export.csv?partyId=${hotel}&sort=serial`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const records = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0] ?? {})).toEqual([
      'customer_name',
      'site_name',
      'brand_code',
      'model',
      'serial',
      'purchase_date',
      'warranty_doc',
      'warranty_months',
    ]);
    expect(records.length).toBe((await list(`partyId=${hotel}&pageSize=200`)).total);
    expect(records.find((r) => r.serial === 'E175531')).toMatchObject({
      customer_name: 'Хотел „Морска звезда“ ЕООД',
      site_name: 'Основна сграда',
      brand_code: 'DAIKIN',
      model: 'FTXM35R',
      purchase_date: '2023-11-30',
      warranty_doc: 'Ф-ра № 1872868857',
      warranty_months: '36',
    });
    const { itemsImport } = await import('./items.import');
    const rows = records.map((r) => itemsImport.row.safeParse(r));
    expect(rows.every((r) => r.success)).toBe(true);
    const all = await t.request(reception, 'GET', '/api/v1/items/export.csv');
    expect((parse(all.body, { bom: true, columns: true }) as unknown[]).length).toBe(
      (await list('pageSize=1')).total,
    );
  });

  it('searchItems finds by serial, model and owner for the global search; reindexItems follows renames', async () => {
    const hits = await searchItems(t.db, 'wan28263', 10);
    expect(hits).toContainEqual(
      expect.objectContaining({
        serialNumber: 'FD 0408 715103',
        partyName: 'Мария Петрова Георгиева',
        brandName: 'Bosch',
        modelName: 'WAN28263BY',
      }),
    );
    expect(hits.every((h) => h.modelName === 'WAN28263BY')).toBe(true);
    expect((await searchItems(t.db, 'георгиева', 50)).some((h) => h.serialNumber === 'FD 0408 715103')).toBe(
      true,
    );
    expect((await searchItems(t.db, 'georgieva', 50)).some((h) => h.serialNumber === 'FD 0408 715103')).toBe(
      true,
    );
    expect(await searchItems(t.db, '  ', 10)).toEqual([]);
    await t.db.updateTable('party').set({ name: 'Мария Преименувана' }).where('id', '=', maria).execute();
    expect(await reindexItems(t.db, { partyId: maria })).toBeGreaterThan(0);
    expect((await searchItems(t.db, 'преименувана', 50)).length).toBeGreaterThan(0);
    await t.db
      .updateTable('party')
      .set({ name: 'Мария Петрова Георгиева' })
      .where('id', '=', maria)
      .execute();
    await reindexItems(t.db, { partyId: maria });
  });

  it('an item is found by its brand’s and model’s new names once they are renamed', async () => {
    const [item] = await searchItems(t.db, 'FD 0408 715103', 1);
    if (!item) throw new Error('demo item missing');
    const one = (await t.request(admin, 'GET', `/api/v1/items/${item.id}`)).json();
    const rename = async (url: string, body: Record<string, string>) => {
      const res = await t.request(admin, 'PATCH', url, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    const serialsFound = async (needle: string) =>
      (await searchItems(t.db, needle, 200)).map((h) => h.serialNumber);

    await rename(`/api/v1/models/${one.modelId}`, { name: 'WAN28263BY-ПРЕИМЕНУВАН' });
    expect(await serialsFound('преименуван')).toContain('FD 0408 715103');
    await rename(`/api/v1/brands/${one.brandId}`, { name: 'Бош Сименс Груп' });
    expect(await serialsFound('бош сименс')).toContain('FD 0408 715103');
    expect(await serialsFound('bosh simens')).toContain('FD 0408 715103');
    await rename(`/api/v1/brands/${one.brandId}`, { name: one.brandName });
    await rename(`/api/v1/models/${one.modelId}`, { name: one.modelName });
    expect(await serialsFound('бош сименс')).not.toContain('FD 0408 715103');
    expect(await serialsFound('wan28263by')).toContain('FD 0408 715103');
  });

  it('roles: everyone on staff reads, front office and technicians register, only the front office transfers', async () => {
    expect((await list('pageSize=1', storekeeper)).total).toBeGreaterThan(0);
    const byTech = await t.request(technician, 'POST', '/api/v1/items', {
      modelId: bosch,
      serialNumber: 'TECH-1',
      partyId: maria,
    });
    expect(byTech.statusCode, byTech.body).toBe(201);
    expect(
      (await t.request(technician, 'PATCH', `/api/v1/items/${byTech.json().id}`, { notes: 'на място' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.request(technician, 'POST', `/api/v1/items/${byTech.json().id}/archive`)).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(storekeeper, 'POST', '/api/v1/items', {
          modelId: bosch,
          serialNumber: 'S-1',
          partyId: maria,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('the API is described in OpenAPI: every item and technician route with its schemas', async () => {
    const doc = (await t.request(null, 'GET', '/api/openapi.json')).json();
    for (const [path, method] of [
      ['/api/v1/items', 'get'],
      ['/api/v1/items', 'post'],
      ['/api/v1/items/export.csv', 'get'],
      ['/api/v1/items/{id}', 'patch'],
      ['/api/v1/items/{id}', 'delete'],
      ['/api/v1/items/{id}/transfer', 'post'],
      ['/api/v1/items/{id}/history', 'get'],
      ['/api/v1/items/{id}/warranty', 'get'],
      ['/api/v1/technicians', 'post'],
      ['/api/v1/technicians/{id}/pay-terms', 'post'],
    ] as const)
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const body = doc.paths['/api/v1/items'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining([
        'modelId',
        'serialNumber',
        'partyId',
        'siteId',
        'warrantyMonths',
        'warrantyEnd',
      ]),
    );
  });
});
