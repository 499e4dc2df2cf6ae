import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, useTestApp } from '../../test/harness';
import { parseCsvInSlices } from '../modules/imports';

const ITEM_SERIAL = '=HYPERLINK("http://evil.example/s","SN")';
const PARTY_NAME = '=HYPERLINK("http://evil.example/p","Клиент")';
const BRAND_NAME = '@SUM(1+1)*cmd|" /C calc"!A0';
const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** The cells of a CSV body, header first. */
const cellsOf = (body: string) => parse(body, { bom: true }) as string[][];

/** True when no cell would start a formula in a spreadsheet (a plain signed number is not one). */
function safe(body: string): boolean {
  return cellsOf(body).every((row) =>
    row.every((cell) => !/^[=+\-@\t\r]/.test(cell) || PLAIN_DECIMAL.test(cell)),
  );
}

/** One column of an exported file as the CSV import reads it back. */
async function columnAsImported(body: string, column: string): Promise<string[]> {
  const { header, rows } = await parseCsvInSlices(body, async () => {});
  const k = header.indexOf(column);
  return rows.map((cells) => (cells[k] ?? '').trim());
}

async function exported(t: TestApp, s: Session, url: string) {
  const res = await t.request(s, 'GET', url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  return res.body;
}

describe.each(DIALECTS)('CSV exports neutralise formulas on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let manager: Session;
  let accountant: Session;
  let itemSerial: string;
  let brandId: string;

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
    manager = await t.signInAs('manager');
    accountant = await t.signInAs('accountant');
    const technician = await t.signInAs('technician');
    const reception = await t.signInAs('reception');
    const model = (await t.request(admin, 'GET', '/api/v1/models?pageSize=1')).json().items[0];
    const party = (await t.request(admin, 'GET', '/api/v1/parties?pageSize=1')).json().items[0];
    const item = await t.request(technician, 'POST', '/api/v1/items', {
      modelId: model.id,
      partyId: party.id,
      serialNumber: ITEM_SERIAL,
    });
    expect(item.statusCode, item.body).toBe(201);
    itemSerial = item.json().serialNumber;
    expect(itemSerial.startsWith('=HYPERLINK(')).toBe(true);
    const p = await t.request(reception, 'POST', '/api/v1/parties', { kind: 'person', name: PARTY_NAME });
    expect(p.statusCode, p.body).toBe(201);
    const b = await t.request(manager, 'POST', '/api/v1/brands', { code: 'EVIL', name: BRAND_NAME });
    expect(b.statusCode, b.body).toBe(201);
    brandId = b.json().id;
  });

  it("items.csv: a technician's =HYPERLINK serial reaches the accountant as text, not a formula", async () => {
    const body = await exported(t, accountant, '/api/v1/items/export.csv');
    expect(safe(body)).toBe(true);
    const [header, ...rows] = cellsOf(body);
    const serial = header?.indexOf('serial') ?? -1;
    expect(rows.map((r) => r[serial])).toContain(`'${itemSerial}`);
    // The import reads the export back as it was.
    expect(await columnAsImported(body, 'serial')).toContain(itemSerial);
  });

  it('parties.csv and brands.csv: the same, for names', async () => {
    const parties = await exported(t, accountant, '/api/v1/parties/export.csv');
    expect(safe(parties)).toBe(true);
    expect(cellsOf(parties).map((r) => r[1])).toContain(`'${PARTY_NAME}`);
    expect(await columnAsImported(parties, 'name')).toContain(PARTY_NAME);

    const brands = await exported(t, accountant, '/api/v1/brands/export.csv');
    expect(safe(brands)).toBe(true);
    expect(cellsOf(brands)).toContainEqual(['EVIL', `'${BRAND_NAME}`, '']);
  });

  it('an exported brand imports back with its name exactly as it was', async () => {
    const file = await exported(t, manager, '/api/v1/brands/export.csv?q=EVIL');
    expect(cellsOf(file)).toHaveLength(2);
    expect((await t.request(manager, 'DELETE', `/api/v1/brands/${brandId}`)).statusCode).toBe(204);
    const job = await t.request(manager, 'POST', '/api/v1/imports/brands/jobs', file, {
      'content-type': 'text/csv',
    });
    expect(job.statusCode, job.body).toBe(202);
    let status = '';
    for (let i = 0; i < 200 && status !== 'done' && status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await t.request(manager, 'GET', `/api/v1/imports/jobs/${job.json().id}`)).json().status;
    }
    expect(status).toBe('done');
    const back = (await t.request(manager, 'GET', '/api/v1/brands?q=EVIL')).json().items;
    expect(back).toMatchObject([{ code: 'EVIL', name: BRAND_NAME }]);
  });

  it('negative amounts the exporter writes stay numbers', async () => {
    const receipt = (
      await t.request(admin, 'GET', '/api/v1/stock/documents?type=receipt&status=posted&pageSize=1')
    ).json().items[0];
    const doc = (await t.request(admin, 'GET', `/api/v1/stock/documents/${receipt.id}`)).json();
    const draft = await t.request(admin, 'POST', '/api/v1/stock/documents', {
      type: 'count',
      warehouseId: doc.warehouseId,
      lines: [{ partId: doc.lines[0].partId, countedMilli: 0 }],
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const posted = await t.request(admin, 'POST', `/api/v1/stock/documents/${draft.json().id}/post`);
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().totalValueCents).toBeLessThan(0);

    const body = await exported(t, accountant, '/api/v1/stock/documents/export.csv?type=count');
    const [header, ...rows] = cellsOf(body);
    const total = header?.indexOf('total_value_eur') ?? -1;
    const number = header?.indexOf('number') ?? -1;
    const row = rows.find((r) => r[number] === posted.json().number);
    expect(row?.[total]).toMatch(/^-\d+\.\d{2}$/);
  });
});
