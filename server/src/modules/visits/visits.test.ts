import { beforeAll, describe, expect, it } from 'vitest';
import {
  aCategory,
  aCustomer,
  aModel,
  anItem,
  anOrder,
  aService,
  aSite,
  aTechnician,
  aUser,
  created,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { instantAt } from '../../kernel/calendar';

const MON_FRI_8_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 }));
const MONDAY = '2030-01-07';
const TUESDAY = '2030-01-08';
/** Company time (Sofia) as an instant. */
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return instantAt(date, (h as number) * 60 + (m as number)).toISOString();
};

describe.each(DIALECTS)('visit requests and the schedule on %s', (dialect) => {
  const t = useTestApp(dialect);
  const { json, refused, send } = requests(t, () => desk);
  let admin: Session;
  let manager: Session;
  let desk: Session;
  let techUser: Session;
  let categoryCode: string;
  let partyId: string;
  let siteA: string;
  let siteB: string;
  let itemAtA: Json;
  let itemAtB: Json;
  let serviceId: string;
  let t1: string; // the AC skill, linked to techUser
  let t2: string; // no skill
  let t3: string; // the AC skill

  const request = (overrides: Json = {}) =>
    created(t, desk, '/api/v1/visit-requests', {
      partyId,
      siteId: siteA,
      itemIds: [itemAtA.id],
      services: [{ serviceTypeId: serviceId, itemId: itemAtA.id }],
      problem: 'Климатикът не охлажда',
      ...overrides,
    });
  const book = (body: Json, session: Session = desk, status = 201) =>
    json(session, 'POST', '/api/v1/visit-bookings', body, status);

  beforeAll(async () => {
    admin = await t.setup();
    manager = await aUser(t, 'manager');
    desk = await aUser(t, 'reception');
    techUser = await aUser(t, 'technician');
    const category = await aCategory(t, admin);
    categoryCode = category.code;
    const model = await aModel(t, admin, { categoryId: category.id });
    // 90 norm minutes, 120 on this model.
    const service = await aService(t, admin, { normMinutes: 90 });
    serviceId = service.id;
    await json(
      admin,
      'POST',
      `/api/v1/service-types/${serviceId}/overrides`,
      {
        brandId: model.brandId,
        modelId: model.id,
        normMinutes: 120,
      },
      201,
    );
    partyId = (await aCustomer(t, admin)).id;
    siteA = (await aSite(t, admin, partyId, { name: 'Офис Младост' })).id;
    siteB = (await aSite(t, admin, partyId, { name: 'Склад Божурище' })).id;
    itemAtA = await anItem(t, admin, { modelId: model.id, partyId, siteId: siteA });
    itemAtB = await anItem(t, admin, { modelId: model.id, partyId, siteId: siteB });
    t1 = (
      await aTechnician(t, admin, {
        name: 'Алекс',
        skills: [categoryCode],
        hours: MON_FRI_8_17,
        userId: techUser.userId,
      })
    ).id;
    t2 = (await aTechnician(t, admin, { name: 'Борис', skills: [], hours: MON_FRI_8_17 })).id;
    t3 = (await aTechnician(t, admin, { name: 'Васил', skills: [categoryCode], hours: MON_FRI_8_17 })).id;
    // Travel: 30 minutes by default, 20 to site A.
    await json(manager, 'PUT', `/api/v1/visit-settings/sites/${siteA}`, { travelMinutes: 20 });
  });

  it('refuses an item that is not installed at the site, naming it, and writes nothing', async () => {
    const problem = await refused(
      'POST',
      '/api/v1/visit-requests',
      { partyId, siteId: siteA, itemIds: [itemAtA.id, itemAtB.id], problem: 'Шум' },
      { status: 409, code: 'item_not_at_site', field: 'itemIds.1' },
    );
    expect(problem.detail).toContain(itemAtB.serialNumber);
    expect(problem.detail).toContain('Офис Младост');
  });

  it('refuses a site of another customer (400)', async () => {
    const other = await aCustomer(t, admin);
    await refused(
      'POST',
      '/api/v1/visit-requests',
      { partyId: other.id, siteId: siteA, problem: 'Шум' },
      { status: 400, code: 'site_not_of_customer', field: 'siteId' },
    );
  });

  it('expects the norm minutes of the planned services (the model override) plus the travel time of the site', async () => {
    const r = await request();
    expect(r).toMatchObject({ status: 'new', normMinutes: 120, travelMinutes: 20, expectedMinutes: 140 });
    expect(r.services[0]).toMatchObject({ serviceTypeId: serviceId, normMinutes: 120 });
    // Without the item, the service's own 90 minutes; at site B the default 30 minutes of travel; two units.
    const b = await request({
      siteId: siteB,
      itemIds: [itemAtB.id],
      services: [{ serviceTypeId: serviceId, quantityMilli: 2000 }],
    });
    expect(b).toMatchObject({ normMinutes: 180, travelMinutes: 30, expectedMinutes: 210 });
    // No services: the settings' default visit (60) plus travel.
    expect(await request({ services: [] })).toMatchObject({ expectedMinutes: 80 });
    const page = await json(desk, 'GET', `/api/v1/visit-requests?open=true&siteId=${siteB}`);
    expect(page.items.map((x: Json) => x.id)).toEqual([b.id]);
  });

  it('a change prices the request again; an item of another site is refused and nothing written', async () => {
    const r = await request();
    await refused(
      'PATCH',
      `/api/v1/visit-requests/${r.id}`,
      { itemIds: [itemAtB.id] },
      { status: 409, code: 'item_not_at_site', field: 'itemIds.0' },
    );
    const changed = await json(desk, 'PATCH', `/api/v1/visit-requests/${r.id}`, {
      services: [{ serviceTypeId: serviceId, itemId: itemAtA.id, quantityMilli: 1500 }],
      priority: 'urgent',
    });
    expect(changed).toMatchObject({ normMinutes: 180, expectedMinutes: 200, priority: 'urgent' });
    const urgent = await json(desk, 'GET', `/api/v1/visit-requests?priority=urgent`);
    expect(urgent.items.map((x: Json) => x.id)).toEqual([r.id]);
  });

  it('books a technician for the expected duration, plans the request, and keeps the history', async () => {
    const r = await request();
    const b = await book({ requestId: r.id, technicianIds: [t1], start: at(MONDAY, '08:00') });
    expect(b).toMatchObject({
      kind: 'visit',
      status: 'planned',
      start: at(MONDAY, '08:00'),
      end: at(MONDAY, '10:20'),
      date: MONDAY,
      normMinutes: 120,
      travelMinutes: 20,
      warnings: [],
      overridden: [],
      technicians: [{ id: t1, name: 'Алекс' }],
    });
    expect(b.history.map((h: Json) => h.action)).toEqual(['book']);
    expect((await json(desk, 'GET', `/api/v1/visit-requests/${r.id}`)).status).toBe('planned');

    // An overlap with it is refused, naming the booking; nothing written.
    const other = await request();
    const problem = await refused(
      'POST',
      '/api/v1/visit-bookings',
      { requestId: other.id, technicianIds: [t1], start: at(MONDAY, '10:00') },
      { status: 409, code: 'booking_overlap', field: 'start' },
    );
    expect(problem.conflicts).toEqual([
      expect.objectContaining({ code: 'booking_overlap', technicianId: t1, bookingId: b.id }),
    ]);
    expect(problem.detail).toContain('Алекс');
    // Touching is fine: 10:20.
    await book({ requestId: other.id, technicianIds: [t1], start: at(MONDAY, '10:20') });

    // Move it to the afternoon: history book, move; then re-assign to Васил.
    const moved = await json(desk, 'POST', `/api/v1/visit-bookings/${b.id}/move`, {
      start: at(MONDAY, '13:00'),
    });
    expect(moved).toMatchObject({ start: at(MONDAY, '13:00'), end: at(MONDAY, '15:20') });
    const given = await json(desk, 'POST', `/api/v1/visit-bookings/${b.id}/move`, {
      technicianIds: [t3],
      reason: 'болен',
    });
    expect(given.technicians).toEqual([{ id: t3, name: 'Васил' }]);
    expect(given.history.map((h: Json) => [h.action, h.techniciansBefore, h.techniciansAfter])).toEqual([
      ['book', [], [t1]],
      ['move', [t1], [t1]],
      ['reassign', [t1], [t3]],
    ]);
    expect(given.history[1]).toMatchObject({ fromStart: at(MONDAY, '08:00'), toStart: at(MONDAY, '13:00') });
  });

  it('refuses a slot outside the working hours and on a day off (the technician’s or everyone’s)', async () => {
    const r = await request();
    await refused(
      'POST',
      '/api/v1/visit-bookings',
      { requestId: r.id, technicianIds: [t3], start: at(MONDAY, '16:00') },
      { status: 409, code: 'outside_working_hours', field: 'start' },
    );
    await refused(
      'POST',
      '/api/v1/visit-bookings',
      { requestId: r.id, technicianIds: [t3], start: at('2030-01-12', '09:00') },
      { status: 409, code: 'outside_working_hours' },
    );
    await json(
      manager,
      'POST',
      '/api/v1/visit-days-off',
      { technicianId: t3, date: TUESDAY, note: 'отпуск' },
      201,
    );
    const problem = await refused(
      'POST',
      '/api/v1/visit-bookings',
      { requestId: r.id, technicianIds: [t3], start: at(TUESDAY, '09:00') },
      { status: 409, code: 'technician_day_off' },
    );
    expect(problem.detail).toContain('08.01.2030');
    await json(manager, 'POST', '/api/v1/visit-days-off', { date: '2030-01-09', note: 'празник' }, 201);
    await refused(
      'POST',
      '/api/v1/visit-bookings',
      { requestId: r.id, technicianIds: [t1], start: at('2030-01-09', '09:00') },
      { status: 409, code: 'technician_day_off' },
    );
  });

  it('a manager overrides a conflict with a reason (audited); the desk may not', async () => {
    const r = await request();
    const body = {
      requestId: r.id,
      technicianIds: [t2],
      start: at(MONDAY, '16:00'),
      override: { reason: 'Клиентът настоява' },
    };
    await refused(
      'POST',
      '/api/v1/visit-bookings',
      body,
      { status: 403, code: 'override_not_allowed' },
      desk,
    );
    const b = await book(body, manager);
    expect(b.overrideReason).toBe('Клиентът настоява');
    expect(b.overridden).toEqual([
      expect.objectContaining({ code: 'outside_working_hours', technicianId: t2 }),
    ]);
    // Борис lacks the skill of the item: a warning, the booking stands.
    expect(b.warnings).toEqual([{ code: 'technician_lacks_skill', technicianId: t2, categoryCode }]);
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=visit_booking&entityId=${b.id}`);
    expect(audit.items.map((a: Json) => a.action)).toContain('visit_booking.override');
  });

  it('counts occupancy per technician and day, week and month, and actual against norm once done', async () => {
    const day = '2030-02-04'; // a Monday
    const r = await request();
    const b = await book({ requestId: r.id, technicianIds: [t1], start: at(day, '09:00') });
    const order = await anOrder(t, admin, { partyId });
    const block = await book({
      orderId: order.id,
      technicianIds: [t1],
      start: at(day, '13:00'),
      durationMinutes: 60,
    });
    expect(block).toMatchObject({ kind: 'work_block', orderId: order.id, title: `№ ${order.number}` });
    const occ = await json(
      desk,
      'GET',
      `/api/v1/visit-occupancy?from=${day}&to=2030-02-10&technicianId=${t1}`,
    );
    const monday = occ.technicians[0].periods[0];
    expect(monday).toMatchObject({
      period: day,
      workingMinutes: 540,
      bookedMinutes: 200,
      freeMinutes: 340,
      loadPercent: 37,
      normMinutes: 0,
    });
    expect(occ.technicians[0].total).toMatchObject({
      workingMinutes: 2700,
      bookedMinutes: 200,
      loadPercent: 7,
    });
    const week = await json(desk, 'GET', `/api/v1/visit-occupancy?from=${day}&to=2030-02-10&groupBy=week`);
    const mine = week.technicians.find((x: Json) => x.technicianId === t1);
    expect(mine.periods).toEqual([
      expect.objectContaining({ period: day, workingMinutes: 2700, bookedMinutes: 200 }),
    ]);

    // The technician finishes their own job, not another's.
    const others = await book({
      requestId: (await request()).id,
      technicianIds: [t3],
      start: at(day, '09:00'),
    });
    await refused(
      'POST',
      `/api/v1/visit-bookings/${others.id}/done`,
      { actualMinutes: 100 },
      { status: 403, code: 'not_own_booking' },
      techUser,
    );
    const done = await json(techUser, 'POST', `/api/v1/visit-bookings/${b.id}/done`, { actualMinutes: 150 });
    expect(done.status).toBe('done');
    expect((await json(desk, 'GET', `/api/v1/visit-requests/${r.id}`)).status).toBe('done');
    const after = await json(desk, 'GET', `/api/v1/visit-occupancy?from=${day}&to=${day}&technicianId=${t1}`);
    expect(after.technicians[0].periods[0]).toMatchObject({
      bookedMinutes: 200,
      normMinutes: 120,
      actualMinutes: 150,
    });

    // My jobs: the technician's day.
    const jobs = await json(techUser, 'GET', `/api/v1/visit-bookings/mine?date=${day}`);
    expect(jobs.items.map((x: Json) => x.id)).toEqual([b.id, block.id]);
    expect((await json(desk, 'GET', `/api/v1/visit-bookings/mine?date=${day}`)).items).toEqual([]);
    // The calendar's range read.
    const cal = await json(desk, 'GET', `/api/v1/visit-bookings?from=${day}&to=2030-02-10`);
    expect(cal.items.map((x: Json) => x.id).sort()).toEqual([b.id, block.id, others.id].sort());
  });

  it('suggests the technicians with the skill, earliest free slot in the windows first', async () => {
    const day = '2030-03-04'; // a Monday
    const busy = await request();
    await book({ requestId: busy.id, technicianIds: [t1], start: at(day, '08:00') }); // Алекс 08:00-10:20
    const r = await request({ windows: [{ start: at(day, '08:00'), end: at('2030-03-05', '17:00') }] });
    const s = await json(
      desk,
      'GET',
      `/api/v1/visit-requests/${r.id}/suggestions?from=${day}&days=3&perTechnician=2`,
    );
    expect(s.durationMinutes).toBe(140);
    expect(s.categoryCodes).toEqual([categoryCode]);
    // Борис lacks the skill: not suggested. Васил is free at 08:00, Алекс from 10:30 (the 15-minute grid).
    expect(s.suggestions.map((x: Json) => [x.technicianName, x.slots[0].start])).toEqual([
      ['Васил', at(day, '08:00')],
      ['Алекс', at(day, '10:30')],
    ]);
    expect(s.suggestions[1].loadPercent).toBe(26);
    // A window that only Алекс's afternoon fits after Васил is booked there.
    await book({ requestId: (await request()).id, technicianIds: [t3], start: at(day, '08:00') });
    const again = await json(desk, 'GET', `/api/v1/visit-requests/${r.id}/suggestions?from=${day}&days=1`);
    expect(again.suggestions.map((x: Json) => x.technicianName)).toEqual(['Алекс', 'Васил']);
  });

  it('counts a visit that runs past midnight against the next morning of its technician', async () => {
    const sunday = '2030-03-17';
    const monday = '2030-03-18';
    // A night call booked by a manager over the conflict: Sunday 20:00 for 14 h, until Monday 10:00.
    await book(
      {
        requestId: (await request()).id,
        technicianIds: [t3],
        start: at(sunday, '20:00'),
        durationMinutes: 14 * 60,
        override: { reason: 'Авария' },
      },
      manager,
    );
    const r = await request({ windows: [{ start: at(monday, '08:00'), end: at(monday, '17:00') }] });
    const s = await json(desk, 'GET', `/api/v1/visit-requests/${r.id}/suggestions?from=${monday}&days=1`);
    const first = Object.fromEntries(s.suggestions.map((x: Json) => [x.technicianName, x.slots[0].start]));
    // Васил is busy until 10:00 on Monday; Алекс (free) from 08:00.
    expect(first).toEqual({ Алекс: at(monday, '08:00'), Васил: at(monday, '10:00') });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const r = await request();
    const order = await anOrder(t, admin, { partyId });
    await refused(
      'POST',
      '/api/v1/visit-bookings',
      { requestId: r.id, orderId: order.id, technicianIds: [t1], start: at('2030-05-06', '08:00') },
      { status: 400, code: 'request_or_order', field: 'requestId' },
    );
    await refused(
      'POST',
      '/api/v1/visit-bookings',
      { requestId: r.id, technicianIds: ['no-such-technician'], start: at('2030-05-06', '08:00') },
      { status: 400, code: 'unknown_technician', field: 'technicianIds.0' },
    );
    await refused(
      'POST',
      '/api/v1/visit-requests',
      {
        partyId,
        siteId: siteA,
        problem: 'Шум',
        windows: [{ start: at('2030-05-06', '12:00'), end: at('2030-05-06', '10:00') }],
      },
      { status: 400, code: 'end_before_start', field: 'windows.0.end' },
    );
    await refused('GET', '/api/v1/visit-occupancy?from=2030-01-01&to=2030-06-30', undefined, {
      status: 400,
      code: 'range_too_long',
      field: 'to',
    });
    await json(manager, 'POST', '/api/v1/visit-days-off', { technicianId: t2, date: '2030-05-07' }, 201);
    await refused(
      'POST',
      '/api/v1/visit-days-off',
      { technicianId: t2, date: '2030-05-07' },
      { status: 409, code: 'day_off_exists', field: 'date' },
      manager,
    );
  });

  it('cancelling the only booking makes the request new again; a cancelled request takes no booking', async () => {
    const r = await request();
    const b = await book({ requestId: r.id, technicianIds: [t1], start: at('2030-04-01', '08:00') });
    const c = await json(desk, 'POST', `/api/v1/visit-bookings/${b.id}/cancel`, { reason: 'отложено' });
    expect(c.status).toBe('cancelled');
    expect(c.technicians).toEqual([]);
    expect(c.history.map((h: Json) => h.action)).toEqual(['book', 'cancel']);
    expect((await json(desk, 'GET', `/api/v1/visit-requests/${r.id}`)).status).toBe('new');
    // The slot is free again.
    const again = await book({ requestId: r.id, technicianIds: [t1], start: at('2030-04-01', '08:00') });
    await json(desk, 'POST', `/api/v1/visit-requests/${r.id}/status`, { to: 'cancelled' });
    expect((await json(desk, 'GET', `/api/v1/visit-bookings/${again.id}`)).status).toBe('cancelled');
    await refused(
      'POST',
      '/api/v1/visit-bookings',
      { requestId: r.id, technicianIds: [t1], start: at('2030-04-02', '08:00') },
      { status: 409, code: 'visit_request_closed', field: 'requestId' },
    );
    // The technician reads the schedule but may not book.
    expect(
      (
        await send(techUser, 'POST', '/api/v1/visit-bookings', {
          requestId: r.id,
          technicianIds: [t1],
          start: at('2030-04-02', '08:00'),
        })
      ).statusCode,
    ).toBe(403);
  });
});
