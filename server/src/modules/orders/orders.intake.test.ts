import { describe, expect, it } from 'vitest';
import {
  aCustomer,
  aModel,
  anItem,
  anOrder,
  aSite,
  aTechnician,
  created,
  unique,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';

describe.each(DIALECTS)('service order intake on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  it('takes in a new item for a new customer in one go: a number, status received, a status link, the timeline', async () => {
    admin = await t.setup();
    const model = await aModel(t, admin, { defaultWarrantyMonths: 24 });
    const tech = await aTechnician(t, admin);
    const order = await created(t, admin, '/api/v1/service-orders', {
      newCustomer: { kind: 'person', name: 'Иван Петров', phone: '0888 123 456' },
      serialNumber: ' sn-777 abc ',
      modelId: model.id,
      purchaseDate: new Date().toISOString().slice(0, 10),
      complaint: 'Не центрофугира',
      accessories: ['кабел', 'маркуч'],
      conditionNotes: 'Драскотина отгоре',
      promisedDate: '2030-01-15',
      technicianId: tech.id,
    });
    expect(order).toMatchObject({
      number: '0000000001',
      status: 'received',
      customerName: 'Иван Петров',
      customerPhone: '0888 123 456',
      serialNumber: 'SN-777 ABC',
      accessories: ['кабел', 'маркуч'],
      technicianId: tech.id,
      technicianName: tech.name,
      customerCreated: true,
      itemCreated: true,
      overdue: false,
      nextStatuses: ['diagnosing', 'cancelled'],
      lines: [],
      totals: { netCents: 0, vatCents: 0, totalCents: 0 },
      manufacturerWarranty: { underWarranty: true },
      overdueCustomer: { overdueCents: 0, policy: 'warn', refused: false },
      hasStatusLink: true,
    });
    expect(order.statusLink.url).toBe(`/s/${order.statusLink.token}`);
    expect(order.statusLink.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The same serial of the same model again: the item is reused, not created twice.
    const again = await created(t, admin, '/api/v1/service-orders', {
      partyId: order.partyId,
      serialNumber: 'SN-777 ABC',
      modelId: model.id,
      complaint: 'Пак',
    });
    expect(again).toMatchObject({ itemId: order.itemId, itemCreated: false, number: '0000000002' });
    // A known serial without the model finds the item too.
    const third = await created(t, admin, '/api/v1/service-orders', {
      partyId: order.partyId,
      serialNumber: 'sn-777 abc',
      complaint: 'Трети път',
    });
    expect(third.itemId).toBe(order.itemId);

    const timeline = await t.request(admin, 'GET', `/api/v1/service-orders/${order.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json()).toMatchObject([
      { kind: 'created', toStatus: 'received', userName: 'Админ Админов' },
    ]);

    const audit = await t.request(admin, 'GET', '/api/v1/audit?entity=service_order');
    expect(audit.json().items.map((a: { action: string }) => a.action)).toContain('service_order.create');

    // The item's page shows the repair.
    const history = await t.request(admin, 'GET', `/api/v1/items/${order.itemId}/history`);
    expect(history.json().events).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'service_order', title: order.number })]),
    );
  });

  it('bad input is 400 naming the field and writes nothing, even half-way (a new customer with a wrong site)', async () => {
    const other = await aCustomer(t, admin);
    const site = await aSite(t, admin, other.id);
    const model = await aModel(t, admin);
    const before = await snapshotDatabase(t.db);
    const cases: [Record<string, unknown>, string, number][] = [
      [
        { partyId: '01900000-0000-7000-8000-000000000000', serialNumber: 'X1', modelId: model.id },
        'partyId',
        400,
      ],
      [
        {
          newCustomer: { name: 'Нов Клиент' },
          serialNumber: unique('SN'),
          modelId: model.id,
          siteId: site.id,
        },
        'siteId',
        400,
      ],
      [
        {
          newCustomer: { name: 'Нов Клиент' },
          serialNumber: unique('SN'),
          modelId: model.id,
          complaint: '  ',
        },
        'complaint',
        400,
      ],
      [{ newCustomer: { name: 'Нов' }, serialNumber: unique('SN'), modelId: 'nope' }, 'modelId', 400],
      [{ newCustomer: { name: 'Нов' }, serialNumber: unique('SN') }, 'modelId', 400],
      [{ newCustomer: { name: 'Нов' }, itemId: 'nope' }, 'itemId', 400],
      [
        { newCustomer: { name: 'Нов' }, serialNumber: unique('SN'), modelId: model.id, technicianId: 'nope' },
        'technicianId',
        400,
      ],
      [{ serialNumber: unique('SN'), modelId: model.id }, 'partyId', 400],
      [
        { partyId: other.id, newCustomer: { name: 'Двама' }, serialNumber: unique('SN'), modelId: model.id },
        'partyId',
        400,
      ],
      [
        {
          newCustomer: { kind: 'person', name: 'Лице', uic: '121212121' },
          serialNumber: unique('SN'),
          modelId: model.id,
        },
        'newCustomer.uic',
        400,
      ],
    ];
    for (const [body, field, status] of cases) {
      const res = await t.request(admin, 'POST', '/api/v1/service-orders', { complaint: 'Шуми', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const problem = res.json();
      const fields = [problem.field, ...(problem.errors ?? []).map((e: { field: string }) => e.field)];
      expect(fields, `${JSON.stringify(body)} → ${res.body}`).toContain(field);
    }
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('intake-check tells the manufacturer warranty, the open orders and the overdue policy of an item and customer', async () => {
    const customer = await aCustomer(t, admin);
    const model = await aModel(t, admin, { defaultWarrantyMonths: 12 });
    const item = await anItem(t, admin, {
      modelId: model.id,
      partyId: customer.id,
      purchaseDate: '2020-01-01',
    });
    const res = await t.request(
      admin,
      'GET',
      `/api/v1/service-orders/intake-check?partyId=${customer.id}&serial=${encodeURIComponent(item.serialNumber.toLowerCase())}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      itemId: item.id,
      warranty: { underWarranty: false, warrantyEnd: '2021-01-01' },
      shopWarranty: [],
      openOrders: [],
      overdueCents: 0,
      overduePolicy: 'warn',
    });
    const order = await anOrder(t, admin, { partyId: customer.id, itemId: item.id });
    const again = await t.request(admin, 'GET', `/api/v1/service-orders/intake-check?itemId=${item.id}`);
    expect(again.json().openOrders).toEqual([{ id: order.id, number: order.number, status: 'received' }]);
    const unknown = await t.request(admin, 'GET', '/api/v1/service-orders/intake-check?serial=NO-SUCH');
    expect(unknown.json()).toMatchObject({ itemId: null, warranty: null, shopWarranty: [] });
  });
});
