import { beforeAll, describe, expect, it } from 'vitest';
import {
  aCategory,
  aCustomer,
  aModel,
  anItem,
  aPart,
  aPostedReceipt,
  aService,
  aSite,
  aSupplier,
  aTechnician,
  aUser,
  aVan,
  created,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { instantAt } from '../../kernel/calendar';

const MON_FRI_8_17 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 }));
const MONDAY = '2030-01-07';

describe.each(DIALECTS)('a visit started and finished from the phone on %s', (dialect) => {
  const t = useTestApp(dialect);
  const { json, refused } = requests(t, () => tech);
  let admin: Session;
  let desk: Session;
  let tech: Session;
  let otherTech: Session;
  let partyId: string;
  let siteId: string;
  let item: Json;
  let serviceId: string;
  let techId: string;
  let van: Json;
  let part: Json;
  let slot = 8 * 60;

  const aRequest = (overrides: Json = {}) =>
    created(t, desk, '/api/v1/visit-requests', {
      partyId,
      siteId,
      itemIds: [item.id],
      services: [{ serviceTypeId: serviceId, itemId: item.id }],
      problem: 'Климатикът капе',
      contactPhone: '+359 88 123 4567',
      ...overrides,
    });
  /** A booking of a new request for the technician, each on its own slot of Monday. */
  const aBooking = async (overrides: Json = {}) => {
    const r = await aRequest(overrides);
    const start = instantAt(MONDAY, slot).toISOString();
    slot += 60;
    const b = await created(t, desk, '/api/v1/visit-bookings', {
      requestId: r.id,
      technicianIds: [techId],
      start,
      durationMinutes: 60,
    });
    return { request: r, booking: b };
  };
  const vanLevel = async (): Promise<number> => {
    const page = await json(
      admin,
      'GET',
      `/api/v1/stock/levels?partId=${part.id}&warehouseId=${van.id}&includeEmpty=true`,
    );
    return page.items[0]?.onHandMilli ?? 0;
  };

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    tech = await aUser(t, 'technician');
    otherTech = await aUser(t, 'technician');
    const category = await aCategory(t, admin);
    const model = await aModel(t, admin, { categoryId: category.id });
    serviceId = (await aService(t, admin, { normMinutes: 90 })).id;
    partyId = (await aCustomer(t, admin)).id;
    siteId = (await aSite(t, admin, partyId, { name: 'Офис Лозенец', address: 'ул. Криволак 32' })).id;
    item = await anItem(t, admin, { modelId: model.id, partyId, siteId });
    techId = (
      await aTechnician(t, admin, {
        name: 'Алекс',
        skills: [category.code],
        hours: MON_FRI_8_17,
        userId: tech.userId,
      })
    ).id;
    await aTechnician(t, admin, { name: 'Борис', hours: MON_FRI_8_17, userId: otherTech.userId });
    van = await aVan(t, admin, { technicianId: techId });
    part = await aPart(t, admin);
    const supplier = await aSupplier(t, admin);
    await aPostedReceipt(t, admin, {
      warehouseId: van.id,
      supplierId: supplier.id,
      lines: [{ partId: part.id, quantityMilli: 10_000, unitCostCents: 500 }],
    });
  });

  it('my jobs and the job page show the customer, phone, address, item and problem; not to another technician', async () => {
    const { booking } = await aBooking();
    const mine = await json(tech, 'GET', `/api/v1/visit-bookings/mine?date=${MONDAY}&days=2`);
    const job = mine.items.find((j: Json) => j.id === booking.id);
    expect(job).toMatchObject({
      status: 'planned',
      startedAt: null,
      orderId: null,
      phone: '+359 88 123 4567',
      siteName: 'Офис Лозенец',
      problem: 'Климатикът капе',
      requestStatus: 'planned',
      items: [{ id: item.id, label: expect.stringContaining(item.serialNumber) }],
      services: [{ normMinutes: 90 }],
    });
    expect(job.siteAddress).toContain('ул. Криволак 32');
    expect(await json(tech, 'GET', `/api/v1/visit-bookings/${booking.id}/job`)).toMatchObject({
      id: booking.id,
      customerName: job.customerName,
    });
    expect((await json(otherTech, 'GET', `/api/v1/visit-bookings/mine?date=${MONDAY}`)).items).toEqual([]);
    await refused(
      'GET',
      `/api/v1/visit-bookings/${booking.id}/job`,
      undefined,
      { status: 403, code: 'not_own_booking' },
      otherTech,
    );
  });

  it('starting makes an on-site order in repair with the planned labour; again answers the same order', async () => {
    const { request, booking } = await aBooking();
    await refused(
      'POST',
      `/api/v1/visit-bookings/${booking.id}/start`,
      undefined,
      { status: 403, code: 'not_own_booking' },
      otherTech,
    );
    const started = await json(tech, 'POST', `/api/v1/visit-bookings/${booking.id}/start`);
    expect(started).toMatchObject({ status: 'planned', orderStatus: 'in_repair' });
    expect(started.orderId).toBeTruthy();
    expect(started.startedAt).toBeTruthy();
    const order = await json(tech, 'GET', `/api/v1/service-orders/${started.orderId}`);
    expect(order).toMatchObject({
      status: 'in_repair',
      location: 'on_site',
      partyId,
      siteId,
      itemId: item.id,
      complaint: 'Климатикът капе',
      technicianId: techId,
    });
    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]).toMatchObject({ kind: 'labour', serviceTypeId: serviceId, normMinutes: 90 });
    expect((await json(desk, 'GET', `/api/v1/visit-requests/${request.id}`)).status).toBe('in_progress');

    const again = await json(tech, 'POST', `/api/v1/visit-bookings/${booking.id}/start`);
    expect(again.orderId).toBe(started.orderId);
    expect(again.startedAt).toBe(started.startedAt);
    const orders = await json(desk, 'GET', `/api/v1/service-orders?partyId=${partyId}&pageSize=100`);
    expect(orders.items.filter((o: Json) => o.id === started.orderId)).toHaveLength(1);
  });

  it('finishing issues the parts from the van, finishes the order and the booking, and the request is done', async () => {
    const { request, booking } = await aBooking();
    const before = await vanLevel();
    await refused(
      'POST',
      `/api/v1/visit-bookings/${booking.id}/finish`,
      { actualMinutes: 80 },
      { status: 409, code: 'visit_not_started' },
    );
    const { orderId } = await json(tech, 'POST', `/api/v1/visit-bookings/${booking.id}/start`);
    await json(
      tech,
      'POST',
      `/api/v1/service-orders/${orderId}/lines`,
      { kind: 'part', partId: part.id, warehouseId: van.id, quantityMilli: 2000 },
      201,
    );
    const done = await json(tech, 'POST', `/api/v1/visit-bookings/${booking.id}/finish`, {
      actualMinutes: 80,
    });
    expect(done).toMatchObject({ status: 'done', actualMinutes: 80, orderStatus: 'ready' });
    expect(done.history.at(-1).action).toBe('done');
    const order = await json(tech, 'GET', `/api/v1/service-orders/${orderId}`);
    expect(order.status).toBe('ready');
    expect(await vanLevel()).toBe(before - 2000);
    // A warranty record for the fitted part and one for the labour.
    expect(order.warrantyRecords).toHaveLength(2);
    expect((await json(desk, 'GET', `/api/v1/visit-requests/${request.id}`)).status).toBe('done');

    await refused(
      'POST',
      `/api/v1/visit-bookings/${booking.id}/finish`,
      { actualMinutes: 80 },
      { status: 409, code: 'booking_not_planned' },
    );
    await refused('POST', `/api/v1/visit-bookings/${booking.id}/start`, undefined, {
      status: 409,
      code: 'booking_not_planned',
    });
  });

  it('a finishing the order refuses leaves the booking planned and nothing written', async () => {
    const serialPart = await aPart(t, admin, { serialTracked: true });
    const supplier = await aSupplier(t, admin);
    await aPostedReceipt(t, admin, {
      warehouseId: van.id,
      supplierId: supplier.id,
      lines: [{ partId: serialPart.id, quantityMilli: 1000, unitCostCents: 900 }],
    });
    const { booking } = await aBooking();
    const { orderId } = await json(tech, 'POST', `/api/v1/visit-bookings/${booking.id}/start`);
    await json(
      tech,
      'POST',
      `/api/v1/service-orders/${orderId}/lines`,
      { kind: 'part', partId: serialPart.id, warehouseId: van.id, quantityMilli: 1000 },
      201,
    );
    await refused(
      'POST',
      `/api/v1/visit-bookings/${booking.id}/finish`,
      { actualMinutes: 30 },
      { status: 409, code: 'serial_required' },
    );
    expect((await json(tech, 'GET', `/api/v1/visit-bookings/${booking.id}`)).status).toBe('planned');
  });

  it('refuses a cancelled booking, a request without an item and bad minutes (problem+json, nothing written)', async () => {
    const { booking } = await aBooking();
    await json(desk, 'POST', `/api/v1/visit-bookings/${booking.id}/cancel`, {});
    await refused(
      'POST',
      `/api/v1/visit-bookings/${booking.id}/start`,
      undefined,
      { status: 409, code: 'booking_not_planned' },
      desk,
    );
    const bare = await aBooking({ itemIds: [], services: [] });
    await refused('POST', `/api/v1/visit-bookings/${bare.booking.id}/start`, undefined, {
      status: 409,
      code: 'visit_request_without_item',
    });
    const ok = await aBooking();
    await json(tech, 'POST', `/api/v1/visit-bookings/${ok.booking.id}/start`);
    await refused(
      'POST',
      `/api/v1/visit-bookings/${ok.booking.id}/finish`,
      { actualMinutes: -5 },
      { status: 400, code: 'too_small', field: 'actualMinutes' },
    );
  });

  it('a dispatcher may start and finish a technician’s visit', async () => {
    const { booking } = await aBooking({ services: [] });
    const started = await json(desk, 'POST', `/api/v1/visit-bookings/${booking.id}/start`);
    expect(started.orderStatus).toBe('in_repair');
    const done = await json(desk, 'POST', `/api/v1/visit-bookings/${booking.id}/finish`, {
      actualMinutes: 45,
    });
    expect(done).toMatchObject({ status: 'done', orderStatus: 'ready', actualMinutes: 45 });
  });

  it('my jobs of a day keep a visit of the day before that runs on past midnight; one that ended before it stays out', async () => {
    const sunday = '2030-01-06';
    // Out of hours: booked by the manager (the admin here) with a reason.
    const night = async (minute: number) =>
      created(t, admin, '/api/v1/visit-bookings', {
        requestId: (await aRequest()).id,
        technicianIds: [techId],
        start: instantAt(sunday, minute).toISOString(),
        durationMinutes: 60,
        override: { reason: 'Авария' },
      });
    const ended = await night(22 * 60); // 22:00–23:00 on Sunday
    const running = await night(23 * 60 + 30); // 23:30 on Sunday – 00:30 on Monday
    const monday = (await json(tech, 'GET', `/api/v1/visit-bookings/mine?date=${MONDAY}`)).items.map(
      (j: Json) => j.id,
    );
    expect(monday).toContain(running.id);
    expect(monday).not.toContain(ended.id);
    // The visit running into Monday comes first, before Monday's own.
    expect(monday[0]).toBe(running.id);
    const sundays = (await json(tech, 'GET', `/api/v1/visit-bookings/mine?date=${sunday}`)).items.map(
      (j: Json) => j.id,
    );
    expect(sundays).toEqual([ended.id, running.id]);
  });
});
