import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';

/** Text as Excel on a Bulgarian Windows saves it ("CSV (разделител запетая)"): Windows-1251 bytes. */
function windows1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((ch) => {
      const b = byChar.get(ch);
      if (b === undefined) throw new Error(`not in Windows-1251: ${ch}`);
      return b;
    }),
  );
}

const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

describe.each(DIALECTS)('CSV files as spreadsheets save them, on %s', (dialect) => {
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;

  const post = (url: string, body: Buffer) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'text/csv',
      },
      payload: body,
    });

  /** Previews the file, then imports it and runs the job to its end; answers both as the API shows them. */
  async function previewAndImport(file: Buffer) {
    const preview = await post('/api/v1/imports/customers/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    const started = await post('/api/v1/imports/customers/jobs', file);
    expect(started.statusCode, started.body).toBe(202);
    await t.app.jobs.drain();
    const job = (await t.request(admin, 'GET', `/api/v1/imports/jobs/${started.json().id}`)).json();
    return { preview: preview.json(), job };
  }

  const storedNames = async (like: string) =>
    (
      await t.db
        .selectFrom('party')
        .select('name')
        .where('name', 'like', `${like}%`)
        .orderBy('name')
        .execute()
    ).map((r) => r.name);

  beforeAll(async () => {
    admin = await t.setup();
  });

  it('reads a Windows-1251 file with semicolons and Bulgarian headers and words, and stores the Cyrillic names', async () => {
    const file = windows1251(
      [
        'Вид;Име;ЕИК;Телефон;Град',
        'лице;Иванка Петрова-Щерева;;0888123456;Шумен',
        'Фирма;"Ерато; ЕООД";131234568;;Русе',
      ].join('\r\n'),
    );
    const { preview, job } = await previewAndImport(file);
    expect(preview).toMatchObject({
      encoding: 'windows-1251',
      separator: ';',
      fileHeader: ['Вид', 'Име', 'ЕИК', 'Телефон', 'Град'],
      columns: ['type', 'name', 'uic', 'phone', 'city'],
      totalRows: 2,
      validRows: 2,
    });
    expect(preview.sample[0].values).toMatchObject({
      type: 'лице',
      name: 'Иванка Петрова-Щерева',
      city: 'Шумен',
    });
    expect(job).toMatchObject({ status: 'done', importedRows: 2 });
    expect(await storedNames('Иванка')).toEqual(['Иванка Петрова-Щерева']);
    const company = await t.db
      .selectFrom('party')
      .select(['name', 'kind', 'uic'])
      .where('name', '=', 'Ерато; ЕООД')
      .executeTakeFirstOrThrow();
    expect(company).toEqual({ name: 'Ерато; ЕООД', kind: 'company', uic: '131234568' });
  });

  it('reads a UTF-8 file with a BOM and commas, as Excel saves "CSV UTF-8"', async () => {
    const file = utf8Bom('type,name,phone\r\nperson,Ёлка Ъглова,0877000111\r\ncompany,"Бор, ООД",\r\n');
    const { preview, job } = await previewAndImport(file);
    expect(preview).toMatchObject({ encoding: 'utf-8-bom', separator: ',', validRows: 2, errorRows: 0 });
    expect(job).toMatchObject({ status: 'done', importedRows: 2 });
    expect(await storedNames('Ёлка')).toEqual(['Ёлка Ъглова']);
    expect(await storedNames('Бор')).toEqual(['Бор, ООД']);
  });

  it('reads a tab-separated UTF-8 file, as LibreOffice saves it', async () => {
    const file = Buffer.from('Вид\tИме\tИмейл\nфирма\tТабулатор АД\toffice@tab.bg\n', 'utf8');
    const { preview, job } = await previewAndImport(file);
    expect(preview).toMatchObject({ encoding: 'utf-8', separator: '\t', validRows: 1 });
    expect(job).toMatchObject({ status: 'done', importedRows: 1 });
    expect(await storedNames('Табулатор')).toEqual(['Табулатор АД']);
  });

  it('refuses a file in an unknown encoding before any preview, and writes nothing', async () => {
    const before = await snapshotDatabase(t.db);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('type,name\nperson,Иван\n', 'utf16le'),
    ]);
    // The first bytes of an .xlsx file (a ZIP archive) and no more: a spreadsheet, but not one that can be read.
    const xlsx = Buffer.from([
      0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x21, 0x00, 0x62, 0xee, 0x9d, 0x68,
    ]);
    for (const [file, code, hint] of [
      [utf16, 'unknown_encoding', 'Windows-1251'],
      [xlsx, 'unreadable_spreadsheet', '.xlsx'],
    ] as const) {
      for (const url of ['/api/v1/imports/customers/preview', '/api/v1/imports/customers/jobs']) {
        const res = await post(url, file);
        expect(res.statusCode, url).toBe(400);
        expect(res.json()).toMatchObject({ code });
        expect(res.json().detail).toContain(hint);
      }
    }
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('a cell with an unreadable character is an error on that cell and is never imported', async () => {
    const file = Buffer.from('type,name\nperson,\uFFFD\uFFFD\uFFFD\uFFFD\nperson,Мария Белчева\n', 'utf8');
    const preview = (await post('/api/v1/imports/customers/preview', file)).json();
    expect(preview).toMatchObject({ validRows: 1, errorRows: 1 });
    expect(preview.errors).toEqual([
      { row: 2, field: 'name', code: 'invalid_character', message: expect.stringContaining('„name“') },
    ]);
    const started = await post('/api/v1/imports/customers/jobs?onlyValid=true', file);
    await t.app.jobs.drain();
    const job = (await t.request(admin, 'GET', `/api/v1/imports/jobs/${started.json().id}`)).json();
    expect(job).toMatchObject({ status: 'done', importedRows: 1, rejectedRows: 1 });
    expect(await storedNames('\uFFFD')).toEqual([]);
  });

  it('lists the allowed values of a coded column: in the columns of the file and in the error for a wrong one', async () => {
    const { entities } = (await t.request(admin, 'GET', '/api/v1/imports')).json();
    const customers = entities.find((e: { entity: string }) => e.entity === 'customers');
    expect(customers.fields).toContainEqual({
      column: 'type',
      headerBg: 'Вид',
      required: true,
      values: [
        { value: 'person', bg: 'лице', en: 'person' },
        { value: 'company', bg: 'фирма', en: 'company' },
      ],
    });
    // Every column of every entity has one Bulgarian header, which names no other column.
    for (const e of entities as { entity: string; fields: { column: string; headerBg: string }[] }[]) {
      const names = e.fields.flatMap((f) =>
        [f.column, f.headerBg].filter((n, i) => i === 0 || n !== f.column),
      );
      expect(new Set(names.map((n) => n.toLocaleLowerCase('bg'))).size, e.entity).toBe(names.length);
      for (const f of e.fields) expect(f.headerBg, `${e.entity}.${f.column}`).toMatch(/[А-Яа-я]/);
    }
    const preview = (
      await post('/api/v1/imports/customers/preview', Buffer.from('Вид,Име\nчовек,Иван\n', 'utf8'))
    ).json();
    expect(preview.errors).toEqual([
      {
        row: 2,
        field: 'type',
        code: 'invalid_choice',
        message: 'Непозволена стойност в „type“. Позволени са: person (лице), company (фирма).',
      },
    ]);
  });

  it('an unknown column names it and lists the accepted ones, and a column named twice is refused', async () => {
    const unknown = (
      await post('/api/v1/imports/customers/preview', Buffer.from('type|name|uic\nperson|Иван|\n', 'utf8'))
    ).json();
    expect(unknown).toMatchObject({ code: 'unknown_column', field: 'type|name|uic' });
    expect(unknown.detail).toContain('type / Вид, name / Име, uic / ЕИК');
    expect(unknown.detail).toContain('точка и запетая');
    const twice = (
      await post('/api/v1/imports/customers/preview', Buffer.from('type,name,Име\nperson,a,b\n', 'utf8'))
    ).json();
    expect(twice).toMatchObject({ code: 'duplicate_column', field: 'name' });
  });
});
