import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';

/** Files saved by Excel and LibreOffice (fixtures/README.md says how each was made). */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

describe.each(DIALECTS)('customer files as Excel and LibreOffice save them, on %s', (dialect) => {
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;

  /** Sends the bytes as a browser does for a file of unknown type: the content decides what it is. */
  const post = (url: string, body: Buffer) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/octet-stream',
      },
      payload: body,
    });

  async function previewAndImport(file: Buffer) {
    const preview = await post('/api/v1/imports/customers/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const started = await post('/api/v1/imports/customers/jobs?fileName=fixture', file);
    expect(started.statusCode, started.body).toBe(202);
    await t.app.jobs.drain();
    const job = (await t.request(admin, 'GET', `/api/v1/imports/jobs/${started.json().id}`)).json();
    return { preview: preview.json(), job };
  }

  /** Each stored customer with the name given, with its ЕИК, first phone and city. */
  async function stored(names: string[]) {
    const parties = await t.db
      .selectFrom('party')
      .select(['id', 'name', 'kind', 'uic'])
      .where('name', 'in', names)
      .execute();
    const out: Record<string, { kind: string; uic: string | null; phone: string | null }> = {};
    for (const p of parties) {
      const phone = await t.db
        .selectFrom('party_phone')
        .select('number')
        .where('party_id', '=', p.id)
        .executeTakeFirst();
      out[p.name] = { kind: p.kind, uic: p.uic, phone: phone?.number ?? null };
    }
    return out;
  }

  beforeAll(async () => {
    admin = await t.setup();
  });

  it('Excel "CSV (разделител запетая)" on Bulgarian Windows: Windows-1251, semicolons, Bulgarian headers, CRLF, empty rows at the end', async () => {
    const { preview, job } = await previewAndImport(fixture('customers-excel-windows-1251-semicolon.csv'));
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'windows-1251',
      separator: ';',
      sheet: null,
      fileHeader: ['Вид', 'Име', 'ЕИК', 'ДДС номер', 'МОЛ', 'Телефон', 'Имейл', 'Град', 'Адрес'],
      totalRows: 4,
      validRows: 4,
      errorRows: 0,
    });
    expect(preview.sample.map((r: { values: { name: string } }) => r.values.name)).toEqual([
      '"Бряг-Щерев" ЕООД',
      'Иванка Петрова-Щерева',
      'Юлиян Ъглев и сие ООД',
      'Ясен Чолаков',
    ]);
    expect(job).toMatchObject({ status: 'done', importedRows: 4, rejectedRows: 0 });
    expect(
      await stored(['"Бряг-Щерев" ЕООД', 'Иванка Петрова-Щерева', 'Юлиян Ъглев и сие ООД', 'Ясен Чолаков']),
    ).toEqual({
      '"Бряг-Щерев" ЕООД': { kind: 'company', uic: '203980782', phone: '052 612 345' },
      'Иванка Петрова-Щерева': { kind: 'person', uic: null, phone: '0888 123 456' },
      'Юлиян Ъглев и сие ООД': { kind: 'company', uic: '104630798', phone: null },
      'Ясен Чолаков': { kind: 'person', uic: null, phone: '+359 87 765 4321' },
    });
    const address = await t.db
      .selectFrom('party_address')
      .innerJoin('party', 'party.id', 'party_address.party_id')
      .select('party_address.address')
      .where('party.name', '=', '"Бряг-Щерев" ЕООД')
      .executeTakeFirstOrThrow();
    expect(address.address).toBe('ул. „Цар Освободител“ № 12; ет. 3');
  });

  it('Excel "CSV UTF-8": a byte order mark, commas, English headers and codes', async () => {
    const { preview, job } = await previewAndImport(fixture('customers-excel-utf8-bom-comma.csv'));
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8-bom',
      separator: ',',
      fileHeader: ['type', 'name', 'uic', 'vat_number', 'mol', 'phone', 'email', 'city', 'address'],
      totalRows: 4,
      validRows: 4,
    });
    expect(job).toMatchObject({ status: 'done', importedRows: 4 });
    expect(
      await stored(['Топлина-Север ООД', 'Цветелина Дюлгерова', 'Електро "Юг" ЕООД', 'Щилиян Ягодов']),
    ).toEqual({
      'Топлина-Север ООД': { kind: 'company', uic: '120570788', phone: '0899 555 111' },
      'Цветелина Дюлгерова': { kind: 'person', uic: null, phone: '0877 222 333' },
      'Електро "Юг" ЕООД': { kind: 'company', uic: '837410784', phone: null },
      'Щилиян Ягодов': { kind: 'person', uic: null, phone: null },
    });
  });

  it('LibreOffice "Text CSV" with tab, UTF-8 without BOM, every text cell quoted', async () => {
    const { preview, job } = await previewAndImport(fixture('customers-libreoffice-tab.tsv'));
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      separator: '\t',
      totalRows: 4,
      validRows: 4,
    });
    expect(job).toMatchObject({ status: 'done', importedRows: 4 });
    expect(
      await stored(['Хладилна техника „Щит“ ООД', 'Ждрейко Чернев', 'Янко Дечев', 'Топлотехника Ъгъл ЕООД']),
    ).toEqual({
      'Хладилна техника „Щит“ ООД': { kind: 'company', uic: '000690786', phone: null },
      'Ждрейко Чернев': { kind: 'person', uic: null, phone: '0888390125' },
      'Янко Дечев': { kind: 'person', uic: null, phone: '02 987 6543' },
      'Топлотехника Ъгъл ЕООД': { kind: 'company', uic: '104631576', phone: null },
    });
  });

  it('an XLSX saved by LibreOffice Calc, with phones and ЕИК typed as numbers: read from its first sheet, leading zeros back', async () => {
    const { preview, job } = await previewAndImport(fixture('customers-libreoffice.xlsx'));
    expect(preview).toMatchObject({
      format: 'xlsx',
      encoding: null,
      separator: null,
      sheet: 'typed',
      fileHeader: ['Вид', 'Име', 'ЕИК', 'Телефон', 'Имейл', 'Град', 'Адрес'],
      totalRows: 4,
      validRows: 4,
      errorRows: 0,
    });
    expect(preview.sample[0].values).toMatchObject({
      name: 'Климатици „Ямбол-Юг“ ООД',
      uic: '000691564',
      address: 'ул. „Жельо войвода“ 3',
    });
    expect(preview.sample[1].values).toMatchObject({ name: 'Пенчо Щерянов', phone: '0899112233' });
    expect(job).toMatchObject({ status: 'done', importedRows: 4 });
    expect(
      await stored(['Климатици „Ямбол-Юг“ ООД', 'Пенчо Щерянов', 'Юлиана Йовска', 'Ел-Сервиз Юг ЕООД']),
    ).toEqual({
      'Климатици „Ямбол-Юг“ ООД': { kind: 'company', uic: '000691564', phone: null },
      'Пенчо Щерянов': { kind: 'person', uic: null, phone: '0899112233' },
      'Юлиана Йовска': { kind: 'person', uic: null, phone: '029 876 543' },
      'Ел-Сервиз Юг ЕООД': { kind: 'company', uic: '203981560', phone: '+359887654321' },
    });
  });

  it('refuses, before any preview and writing nothing: UTF-16 and KOI8-R text, the old .xls, a LibreOffice .ods', async () => {
    const before = await snapshotDatabase(t.db);
    for (const [name, code] of [
      ['customers-excel-unicode-text-utf16le.txt', 'unknown_encoding'],
      ['customers-koi8-r.csv', 'unknown_encoding'],
      ['customers-excel-97.xls', 'old_excel_format'],
      ['customers-libreoffice.ods', 'unreadable_spreadsheet'],
    ] as const) {
      for (const url of ['/api/v1/imports/customers/preview', '/api/v1/imports/customers/jobs']) {
        const res = await post(url, fixture(name));
        expect(res.statusCode, `${name} ${url}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json(), name).toMatchObject({ code });
      }
    }
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('templates: XLSX with the values of coded columns on a second sheet, and CSV in Windows-1251 that imports back', async () => {
    const get = (query: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/imports/customers/template?${query}`,
        headers: { cookie: admin.cookie },
      });
    const xlsx = await get('format=xlsx&language=bg');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="customers-bg.xlsx"');
    const sheets = await readXlsxFile(xlsx.rawPayload);
    expect(sheets.map((s) => s.sheet)).toEqual(['Данни', 'Стойности']);
    expect(sheets[0]?.data).toEqual([
      ['Вид', 'Име', 'ЕИК', 'ДДС номер', 'МОЛ', 'Телефон', 'Имейл', 'Град', 'Адрес'],
    ]);
    expect(sheets[1]?.data[1]).toEqual(['Вид', 'type', 'да', 'лице (person), фирма (company)']);
    const en = await readXlsxFile((await get('format=xlsx&language=en')).rawPayload);
    expect(en.map((s) => s.sheet)).toEqual(['Data', 'Values']);
    expect(en[1]?.data[1]).toEqual(['type', 'Вид', 'yes', 'person, company']);

    const csv = await get('format=csv-windows-1251&language=bg');
    expect(csv.headers['content-type']).toBe('text/csv; charset=windows-1251');
    expect(new TextDecoder('windows-1251').decode(csv.rawPayload)).toBe(
      'Вид;Име;ЕИК;ДДС номер;МОЛ;Телефон;Имейл;Град;Адрес\r\n',
    );
    // The template filled in as Excel saves it: "Лице;Димьо Щерев" in Windows-1251, CRLF.
    const filled = Buffer.concat([
      csv.rawPayload,
      Buffer.from([
        0xcb, 0xe8, 0xf6, 0xe5, 0x3b, 0xc4, 0xe8, 0xec, 0xfc, 0xee, 0x20, 0xd9, 0xe5, 0xf0, 0xe5, 0xe2, 0x0d,
        0x0a,
      ]),
    ]);
    const { preview, job } = await previewAndImport(filled);
    expect(preview).toMatchObject({ encoding: 'windows-1251', separator: ';', validRows: 1 });
    expect(job).toMatchObject({ status: 'done', importedRows: 1 });
    expect(Object.keys(await stored(['Димьо Щерев']))).toEqual(['Димьо Щерев']);
    const utf8 = await get('format=csv&language=en');
    expect(utf8.body).toBe('\uFEFFtype,name,uic,vat_number,mol,phone,email,city,address\r\n');
    expect((await get('format=pdf')).statusCode).toBe(400);
  });
});
