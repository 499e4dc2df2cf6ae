import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import type { RowError } from '../imports';
import { TECHNICIANS_CSV_COLUMNS, type TechnicianImportRow, techniciansImport } from './technicians.import';
import type { Technician } from './technicians.schema';
import { technicianPayTermsOn } from './technicians.service';

const SEED = fs.readFileSync(new URL('../../../seed-data/technicians.csv', import.meta.url), 'utf8');

function records(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
}

async function checkRecords(t: TestApp, recs: Record<string, string>[]) {
  const errors = new Map<number, string[]>();
  const rows: TechnicianImportRow[] = [];
  const index: number[] = [];
  recs.forEach((record, i) => {
    const full = Object.fromEntries(TECHNICIANS_CSV_COLUMNS.map((c) => [c, record[c] ?? '']));
    const parsed = techniciansImport.row.safeParse(full);
    if (parsed.success) {
      rows.push(parsed.data);
      index.push(i);
    } else
      errors.set(
        i,
        parsed.error.issues.map(
          (issue) =>
            `${String(issue.path[0])}:${issue.code === 'custom' ? (issue.params as { code: string }).code : 'invalid_value'}`,
        ),
      );
  });
  const checked: Map<number, RowError[]> = await techniciansImport.check(t.db, rows);
  for (const [k, errs] of checked)
    errors.set(
      index[k] as number,
      errs.map((e) => `${e.field}:${e.code}`),
    );
  return { rows, errors: Object.fromEntries(errors) };
}

const mon = (startMinute: number, endMinute: number) => ({ weekday: 1, startMinute, endMinute });

describe.each(DIALECTS)('technicians on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let manager: Session;
  let reception: Session;
  let technicianUser: Session;

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
    manager = await t.signInAs('manager');
    reception = await t.signInAs('reception');
    technicianUser = await t.signInAs('technician');
  });

  const list = async (query: string, session: Session = reception) => {
    const res = await t.request(session, 'GET', `/api/v1/technicians?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Technician[]; total: number };
  };
  const byName = async (name: string, session: Session = reception) => {
    const found = (await list(`q=${encodeURIComponent(name)}`, session)).items.find((x) => x.name === name);
    if (!found) throw new Error(`no technician ${name}`);
    return found;
  };

  it('the demo seed holds the 10 technicians with skills, hours and pay terms from 2026-01-01', async () => {
    expect((await list('')).total).toBe(10);
    // Pay terms are for the management and the accountant only (technicians.fields.test.ts).
    const stoyan = await byName('Стоян Георгиев', manager);
    expect(stoyan).toMatchObject({
      phone: '+359897210448',
      active: true,
      skills: ['AC', 'FRIDGE'],
      hoursText: 'Mon-Fri 08:00-17:00; Sat 09:00-13:00',
      payTerms: [{ validFrom: '2026-01-01', payType: 'per_norm_hour', rateCents: 1400, commissionBp: null }],
    });
    expect(stoyan.hours).toHaveLength(6);
    expect(stoyan.hours[5]).toEqual({ weekday: 6, startMinute: 540, endMinute: 780 });
    expect(await byName('Иван Колев', manager)).toMatchObject({
      username: 'technician',
      payTerms: [{ payType: 'commission', commissionBp: 3000 }],
    });
    expect((await byName('Виктор Андонов')).hoursText).toBe('Tue-Sat 10:00-19:00');
  });

  it('creates a technician with or without a user account; overlapping hours are 400 and write nothing', async () => {
    const before = await snapshotDatabase(t.db);
    const refused: [Record<string, unknown>, string, string][] = [
      [{ name: 'А', hours: [mon(480, 720), mon(700, 900)] }, 'hours', 'hours_overlap'],
      [{ name: 'А', hours: [mon(720, 480)] }, 'hours.0.endMinute', 'invalid_hours'],
      [{ name: 'А', hours: [{ weekday: 8, startMinute: 0, endMinute: 60 }] }, 'hours.0.weekday', 'too_big'],
      [{ name: 'А', skills: ['AC', 'TELEPORT'] }, 'skills', 'unknown_category'],
      [{ name: 'А', userId: 'nope' }, 'userId', 'unknown_user'],
      [{ name: '' }, 'name', 'too_small'],
      [{ name: 'А', salary: 1 }, 'salary', 'unknown_field'],
      [
        { name: 'А', payTerms: [{ validFrom: '2026-01-01', payType: 'commission' }] },
        'payTerms.0.commissionBp',
        'required',
      ],
      [
        {
          name: 'А',
          payTerms: [
            { validFrom: '2026-01-01', payType: 'per_norm_hour', rateCents: 1200, commissionBp: 10 },
          ],
        },
        'payTerms.0.commissionBp',
        'invalid_value',
      ],
      [
        { name: 'А', payTerms: [{ validFrom: '2026-01-01', payType: 'commission', commissionBp: 10001 }] },
        'payTerms.0.commissionBp',
        'too_big',
      ],
    ];
    for (const [body, field, code] of refused) {
      const res = await t.request(manager, 'POST', '/api/v1/technicians', body);
      expect([res.statusCode, res.json().field, res.json().code], JSON.stringify(body)).toEqual([
        400,
        field,
        code,
      ]);
    }
    expect((await t.request(reception, 'POST', '/api/v1/technicians', { name: 'Б' })).statusCode).toBe(403);
    expect(await snapshotDatabase(t.db)).toEqual(before);

    const res = await t.request(manager, 'POST', '/api/v1/technicians', {
      name: 'Пламен Тестов',
      phone: '+359888000111',
      skills: ['ac', 'WASHER', 'AC'],
      hours: [mon(780, 1020), mon(480, 720), { weekday: 2, startMinute: 480, endMinute: 720 }],
      payTerms: [{ validFrom: '2026-03-01', payType: 'commission', commissionBp: 2750 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      userId: null,
      skills: ['AC', 'WASHER'],
      hours: [mon(480, 720), mon(780, 1020), { weekday: 2, startMinute: 480, endMinute: 720 }],
      hoursText: 'Mon 08:00-12:00, 13:00-17:00; Tue 08:00-12:00',
      payTerms: [{ validFrom: '2026-03-01', payType: 'commission', commissionBp: 2750, rateCents: null }],
    });
    const patched = await t.request(manager, 'PATCH', `/api/v1/technicians/${res.json().id}`, {
      hours: [mon(600, 700), mon(650, 800)],
    });
    expect([patched.statusCode, patched.json().code]).toEqual([400, 'hours_overlap']);
  });

  it('a user account links to one technician at most: 409 naming the one who has it', async () => {
    const kolev = await byName('Иван Колев');
    expect(kolev.userId).not.toBeNull();
    const before = await snapshotDatabase(t.db);
    const res = await t.request(admin, 'POST', '/api/v1/technicians', {
      name: 'Двойник',
      userId: kolev.userId,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'user_already_technician',
      field: 'userId',
      existingId: kolev.id,
    });
    const other = await byName('Тодор Тодоров');
    const patch = await t.request(admin, 'PATCH', `/api/v1/technicians/${other.id}`, {
      userId: kolev.userId,
    });
    expect([patch.statusCode, patch.json().existingId]).toEqual([409, kolev.id]);
    expect(await snapshotDatabase(t.db)).toEqual(before);

    // Unlinked, the account can go to another technician; a second technician without an account is fine.
    expect(
      (await t.request(admin, 'PATCH', `/api/v1/technicians/${kolev.id}`, { userId: null })).json().userId,
    ).toBeNull();
    const moved = await t.request(admin, 'PATCH', `/api/v1/technicians/${other.id}`, {
      userId: technicianUser.userId,
    });
    expect(moved.json()).toMatchObject({ userId: technicianUser.userId, username: expect.any(String) });
    const relink = await t.request(admin, 'PATCH', `/api/v1/technicians/${kolev.id}`, {
      userId: kolev.userId,
    });
    expect(relink.statusCode, relink.body).toBe(200);
  });

  it('pay terms are added from a date; the term in force is picked by date; one term per start date', async () => {
    const kalo = await byName('Калоян Петков');
    const added = await t.request(manager, 'POST', `/api/v1/technicians/${kalo.id}/pay-terms`, {
      validFrom: '2026-07-01',
      payType: 'commission',
      commissionBp: 3500,
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().payTerms.map((p: { validFrom: string }) => p.validFrom)).toEqual([
      '2026-07-01',
      '2026-01-01',
    ]);
    expect(await technicianPayTermsOn(t.db, kalo.id, '2025-12-31')).toBeNull();
    expect(await technicianPayTermsOn(t.db, kalo.id, '2026-01-01')).toMatchObject({
      payType: 'per_norm_hour',
      rateCents: 1550,
    });
    expect(await technicianPayTermsOn(t.db, kalo.id, '2026-06-30')).toMatchObject({ rateCents: 1550 });
    expect(await technicianPayTermsOn(t.db, kalo.id, '2026-07-01')).toMatchObject({
      payType: 'commission',
      commissionBp: 3500,
    });

    const before = await snapshotDatabase(t.db);
    const again = await t.request(manager, 'POST', `/api/v1/technicians/${kalo.id}/pay-terms`, {
      validFrom: '2026-07-01',
      payType: 'per_norm_hour',
      rateCents: 1600,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'pay_terms_date_taken', field: 'validFrom' });
    const noRate = await t.request(manager, 'POST', `/api/v1/technicians/${kalo.id}/pay-terms`, {
      validFrom: '2026-08-01',
      payType: 'per_norm_hour',
    });
    expect([noRate.statusCode, noRate.json().field]).toEqual([400, 'rateCents']);
    expect(
      (
        await t.request(reception, 'POST', `/api/v1/technicians/${kalo.id}/pay-terms`, {
          validFrom: '2026-08-01',
          payType: 'per_norm_hour',
          rateCents: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('list filters: search in Cyrillic and Latin, skill, active, archived; sort', async () => {
    expect((await list('q=стоян')).items.map((x) => x.name)).toEqual(['Стоян Георгиев']);
    expect((await list('q=stoyan')).items.map((x) => x.name)).toEqual(['Стоян Георгиев']);
    expect((await list('q=0897210448')).items.map((x) => x.name)).toEqual(['Стоян Георгиев']);
    const ac = (await list('skill=ac')).items.map((x) => x.name).sort();
    expect(ac).toEqual(['Георги Ненов', 'Калоян Петков', 'Пламен Тестов', 'Стоян Георгиев'].sort());
    const emil = await byName('Емил Радев');
    await t.request(manager, 'PATCH', `/api/v1/technicians/${emil.id}`, { active: false });
    expect((await list('active=false')).items.map((x) => x.name)).toEqual(['Емил Радев']);
    expect((await list('active=true')).total).toBe(10);
    const archived = await t.request(manager, 'POST', `/api/v1/technicians/${emil.id}/archive`);
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await list('')).total).toBe(10);
    expect((await list('archived=true')).items.map((x) => x.name)).toEqual(['Емил Радев']);
    await t.request(manager, 'POST', `/api/v1/technicians/${emil.id}/unarchive`);
    await t.request(manager, 'PATCH', `/api/v1/technicians/${emil.id}`, { active: true });
    const names = (await list('sort=-name&pageSize=3')).items.map((x) => x.name);
    expect(names.length).toBe(3);
    expect((await list('sort=-name&pageSize=3')).total).toBe(11);
    expect((await t.request(technicianUser, 'GET', `/api/v1/technicians/${emil.id}`)).statusCode).toBe(200);
    expect(
      (await t.request(reception, 'GET', '/api/v1/technicians/01900000-0000-7000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
  });

  it('the CSV export has the columns of technicians.csv and imports back as the seed file was', async () => {
    const res = await t.request(
      manager,
      'GET',
      '/api/v1/technicians/export.csv?q=%D0%BA%D0%BE%D0%BB%D0%B5%D0%B2',
    );
    expect(res.statusCode).toBe(200);
    const exported = records(res.body);
    expect(Object.keys(exported[0] ?? {})).toEqual([...TECHNICIANS_CSV_COLUMNS]);
    expect(exported).toEqual([
      {
        name: 'Иван Колев',
        phone: '+359888503721',
        skills: 'DISHWASHER;DRYER;MICROWAVE;OVEN;WASHER',
        weekday_hours: 'Mon-Fri 08:30-17:30',
        pay_type: 'commission',
        pay_value: '30',
      },
    ]);
    const all = records((await t.request(manager, 'GET', '/api/v1/technicians/export.csv')).body);
    const seed = records(SEED);
    for (const s of seed) {
      const e = all.find((x) => x.name === s.name);
      expect(e, s.name).toBeDefined();
      if (s.name === 'Калоян Петков') continue; // has a newer term now
      expect({ ...e, skills: e?.skills?.split(';').sort().join(';') }).toEqual({
        ...s,
        skills: s.skills?.split(';').sort().join(';'),
      });
    }
  });

  it('import adapter: the seed file parses with zero errors; bad rows give the field and the code', async () => {
    const seed = records(SEED);
    expect(seed.length).toBe(10);
    expect(seed.every((r) => techniciansImport.row.safeParse(r).success)).toBe(true);
    const renamed = await checkRecords(
      t,
      seed.map((r) => ({ ...r, name: `${r.name} II` })),
    );
    expect(renamed.errors).toEqual({});
    expect(renamed.rows[1]).toMatchObject({
      skills: ['AC', 'FRIDGE'],
      pay: { payType: 'per_norm_hour', rateCents: 1400 },
    });
    expect(renamed.rows[0]?.hours).toHaveLength(5);

    const bad = await checkRecords(t, [
      {
        name: 'Иван Колев',
        phone: '',
        skills: 'AC',
        weekday_hours: 'Mon 08:00-12:00',
        pay_type: '',
        pay_value: '',
      },
      { name: 'Нов 1', phone: '', skills: 'AC;TELEPORT', weekday_hours: '', pay_type: '', pay_value: '' },
      { name: 'Нов 2', phone: '', skills: '', weekday_hours: 'Mon-Fri 8-17', pay_type: '', pay_value: '' },
      {
        name: 'Нов 3',
        phone: '',
        skills: '',
        weekday_hours: 'Mon 08:00-12:00; Mon 11:00-13:00',
        pay_type: '',
        pay_value: '',
      },
      {
        name: 'Нов 4',
        phone: '',
        skills: '',
        weekday_hours: '',
        pay_type: 'commission',
        pay_value: '30.125',
      },
      { name: 'Нов 5', phone: '', skills: '', weekday_hours: '', pay_type: 'per_norm_hour', pay_value: '' },
      { name: 'Нов 6', phone: '', skills: '', weekday_hours: '', pay_type: 'salary', pay_value: '1000' },
      { name: '', phone: '', skills: '', weekday_hours: '', pay_type: '', pay_value: '' },
      { name: 'Нов 8', phone: '', skills: '', weekday_hours: '', pay_type: '', pay_value: '' },
      { name: 'нов 8', phone: '', skills: '', weekday_hours: '', pay_type: '', pay_value: '' },
    ]);
    expect(bad.errors).toEqual({
      0: ['name:duplicate_technician'],
      1: ['skills:unknown_category'],
      2: ['weekday_hours:invalid_hours'],
      3: ['weekday_hours:hours_overlap'],
      4: ['pay_value:invalid_value'],
      5: ['pay_value:required'],
      6: ['pay_type:invalid_value'],
      7: ['name:required'],
      9: ['name:duplicate_technician'],
    });
  });

  it('a category that is a technician skill cannot be deleted', async () => {
    const category = await t.request(admin, 'POST', '/api/v1/categories', {
      code: 'DRONE',
      nameBg: 'Дронове',
      nameEn: 'Drones',
    });
    expect(category.statusCode, category.body).toBe(201);
    const tech = await byName('Мартин Димов');
    await t.request(admin, 'PATCH', `/api/v1/technicians/${tech.id}`, { skills: [...tech.skills, 'DRONE'] });
    const del = await t.request(admin, 'DELETE', `/api/v1/categories/${category.json().id}`);
    expect(del.statusCode).toBe(409);
    expect(JSON.stringify(del.json())).toContain('technicians');
    await t.request(admin, 'PATCH', `/api/v1/technicians/${tech.id}`, { skills: tech.skills });
    expect((await t.request(admin, 'DELETE', `/api/v1/categories/${category.json().id}`)).statusCode).toBe(
      204,
    );
  });
});
