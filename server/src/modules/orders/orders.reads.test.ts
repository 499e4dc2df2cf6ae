import { describe, expect, it } from 'vitest';
import { aCustomer, aModel, anOrder, aTechnician, created, moved, unique } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';

describe.each(DIALECTS)('service order reads, edits, settings and the public link on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;

  it('the list searches by number, customer, phone and serial, filters by status, technician, customer and overdue', async () => {
    admin = await t.setup();
    const tech = await aTechnician(t, admin);
    const maria = await aCustomer(t, admin, {
      kind: 'person',
      name: 'Мария Иванова',
      phones: [{ number: '0899 555 111' }],
    });
    const other = await aCustomer(t, admin);
    const model = await aModel(t, admin);
    const a = await anOrder(t, admin, {
      partyId: maria.id,
      serialNumber: 'WM-A-1',
      modelId: model.id,
      technicianId: tech.id,
    });
    const b = await anOrder(t, admin, { partyId: other.id, serialNumber: 'WM-B-2', modelId: model.id });
    const c = await anOrder(t, admin, { partyId: other.id, serialNumber: 'WM-C-3', modelId: model.id });
    await moved(t, admin, b.id, 'diagnosing');
    await moved(t, admin, c.id, 'cancelled');
    const numbers = async (query: string) => {
      const res = await t.request(admin, 'GET', `/api/v1/service-orders?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.map((o: { number: string }) => o.number)
        .sort();
    };
    expect(await numbers('q=мария')).toEqual([a.number]);
    expect(await numbers('q=maria')).toEqual([a.number]);
    expect(await numbers('q=0899555')).toEqual([a.number]);
    expect(await numbers('q=wm-b')).toEqual([b.number]);
    expect(await numbers(`q=${c.number}`)).toEqual([c.number]);
    // A searched list keeps the chosen order across its pages, with every display field (customer, serial).
    const searched = async (query: string) => {
      const res = await t.request(admin, 'GET', `/api/v1/service-orders?q=wm-&pageSize=2&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      return {
        total: body.total,
        rows: body.items.map((o: { number: string; customerName: string; serialNumber: string }) =>
          [o.number, o.customerName, o.serialNumber].join(' '),
        ),
      };
    };
    const row = (o: { id: string; number?: string }, name: string, serial: string) =>
      `${o.number} ${name} ${serial}`;
    expect(await searched('sort=number&page=1')).toEqual({
      total: 3,
      rows: [row(a, 'Мария Иванова', 'WM-A-1'), row(b, other.name, 'WM-B-2')],
    });
    expect(await searched('sort=number&page=2')).toEqual({ total: 3, rows: [row(c, other.name, 'WM-C-3')] });
    expect(await searched('sort=-number&page=1')).toEqual({
      total: 3,
      rows: [row(c, other.name, 'WM-C-3'), row(b, other.name, 'WM-B-2')],
    });
    expect(await numbers('status=received&status=diagnosing')).toEqual([a.number, b.number].sort());
    expect(await numbers('status=received,cancelled')).toEqual([a.number, c.number].sort());
    expect(await numbers('open=true')).toEqual([a.number, b.number].sort());
    expect(await numbers(`technicianId=${tech.id}`)).toEqual([a.number]);
    expect(await numbers(`partyId=${other.id}`)).toEqual([b.number, c.number].sort());
    expect(await numbers(`itemId=${b.itemId}`)).toEqual([b.number]);
    expect(await numbers('overdue=true')).toEqual([]);
    const bad = await t.request(admin, 'GET', '/api/v1/service-orders?status=lost');
    expect(bad.statusCode).toBe(400);

    // A received order is overdue at once with a 0-hour limit; diagnosing keeps its 48 hours; cancelled never.
    const settings = await t.request(admin, 'PUT', '/api/v1/service-settings', {
      statusLimits: { received: 0 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json().statusLimits).toMatchObject({ received: 0, diagnosing: 48 });
    await new Promise((r) => setTimeout(r, 5));
    expect(await numbers('overdue=true')).toEqual([a.number]);
    expect(await numbers('overdue=false')).toEqual([b.number, c.number].sort());
    const list = (await t.request(admin, 'GET', '/api/v1/service-orders?sort=number')).json();
    expect(list.items.map((o: { overdue: boolean }) => o.overdue)).toEqual([true, false, false]);
    expect(list.items[0]).toMatchObject({
      customerName: 'Мария Иванова',
      customerPhone: '0899 555 111',
      technicianName: tech.name,
    });

    const board = (await t.request(admin, 'GET', '/api/v1/service-orders/board')).json();
    const received = board.columns.find((col: { status: string }) => col.status === 'received');
    expect(received).toMatchObject({ count: 1, overdueCount: 1 });
    expect(received.cards[0]).toMatchObject({ number: a.number, overdue: true });
    expect(board.transitions.received).toEqual(['diagnosing', 'cancelled']);

    const csv = await t.request(admin, 'GET', '/api/v1/service-orders/export.csv?sort=number');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toBe(
      'number,status,overdue,received_at,status_changed_at,promised_date,customer,phone,item,serial_number,complaint,technician,location',
    );
    expect(rows).toHaveLength(4);
    await t.request(admin, 'PUT', '/api/v1/service-settings', { statusLimits: { received: 24 } });
  });

  it('a renamed customer is found by the new name', async () => {
    const customer = await aCustomer(t, admin, { name: 'Старо Име ООД' });
    const order = await anOrder(t, admin, { partyId: customer.id });
    const renamed = await t.request(admin, 'PATCH', `/api/v1/parties/${customer.id}`, {
      name: 'Ново Име ООД',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const found = (
      await t.request(admin, 'GET', `/api/v1/service-orders?q=${encodeURIComponent('ново име')}`)
    ).json();
    expect(found.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const old = (
      await t.request(admin, 'GET', `/api/v1/service-orders?q=${encodeURIComponent('старо име')}`)
    ).json();
    expect(old.items).toEqual([]);
  });

  it('a customer’s new phone and an item’s new serial find their orders; the old ones no longer do', async () => {
    const customer = await aCustomer(t, admin, {
      name: 'Телефон Сериен',
      phones: [{ number: '0888 100 200' }],
    });
    const model = await aModel(t, admin);
    const order = await anOrder(t, admin, {
      partyId: customer.id,
      serialNumber: 'OLD-SER-77',
      modelId: model.id,
    });
    const ids = async (q: string) =>
      (await t.request(admin, 'GET', `/api/v1/service-orders?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((o: { id: string }) => o.id);
    expect(await ids('0888100200')).toEqual([order.id]);
    const phone = await t.request(admin, 'PATCH', `/api/v1/parties/${customer.id}`, {
      phones: [{ number: '0877 300 400' }],
    });
    expect(phone.statusCode, phone.body).toBe(200);
    expect(await ids('0877300400')).toEqual([order.id]);
    expect(await ids('0888100200')).toEqual([]);
    const serial = await t.request(admin, 'PATCH', `/api/v1/items/${order.itemId}`, {
      serialNumber: 'NEW-SER-88',
    });
    expect(serial.statusCode, serial.body).toBe(200);
    expect(await ids('new-ser-88')).toEqual([order.id]);
    expect(await ids('old-ser-77')).toEqual([]);
  });

  it('the board counts and shows the delivered and cancelled orders of the last 30 days only, and says so', async () => {
    const board = async () =>
      (await t.request(admin, 'GET', '/api/v1/service-orders/board')).json() as {
        closedDays: number;
        columns: { status: string; count: number; since: string | null; cards: { id: string }[] }[];
      };
    const cancelledBefore = (await board()).columns.find((c) => c.status === 'cancelled');
    const old = await anOrder(t, admin);
    const recent = await anOrder(t, admin);
    await moved(t, admin, old.id, 'cancelled');
    await moved(t, admin, recent.id, 'cancelled');
    await t.db
      .updateTable('service_order')
      .set({ status_changed_at: new Date(Date.now() - 31 * 86_400_000).toISOString() })
      .where('id', '=', old.id)
      .execute();
    const after = await board();
    expect(after.closedDays).toBe(30);
    const cancelled = after.columns.find((c) => c.status === 'cancelled');
    expect(cancelled?.count).toBe((cancelledBefore?.count ?? 0) + 1);
    expect(cancelled?.cards.map((c) => c.id)).toContain(recent.id);
    expect(cancelled?.cards.map((c) => c.id)).not.toContain(old.id);
    // Each column in its own order, read in one statement: open ones the longest waiting first, closed the latest.
    const older = await anOrder(t, admin);
    await t.db
      .updateTable('service_order')
      .set({ status_changed_at: new Date(Date.now() - 5 * 86_400_000).toISOString() })
      .where('id', '=', older.id)
      .execute();
    const full = (await t.request(admin, 'GET', '/api/v1/service-orders/board')).json() as {
      columns: { status: string; cards: { id: string; status: string; statusChangedAt: string }[] }[];
    };
    for (const column of full.columns) {
      expect(column.cards.every((c) => c.status === column.status)).toBe(true);
      const times = column.cards.map((c) => c.statusChangedAt);
      const open = !['delivered', 'cancelled'].includes(column.status);
      expect(times).toEqual([...times].sort((a, b) => (open ? a.localeCompare(b) : b.localeCompare(a))));
    }
    const receivedCards = full.columns.find((c) => c.status === 'received')?.cards ?? [];
    expect(receivedCards[0]?.id).toBe(older.id);
    const since = Date.parse(cancelled?.since ?? '');
    expect(Math.abs(since - (Date.now() - 30 * 86_400_000))).toBeLessThan(60_000);
    expect(after.columns.find((c) => c.status === 'received')?.since).toBeNull();
    // The list still has every cancelled order, and its total counts them on every page.
    const page = (
      await t.request(admin, 'GET', '/api/v1/service-orders?status=cancelled&pageSize=1&page=2')
    ).json();
    const all = (
      await t.request(admin, 'GET', '/api/v1/service-orders?status=cancelled&pageSize=100')
    ).json();
    expect(all.items.map((o: { id: string }) => o.id)).toContain(old.id);
    expect(page.total).toBe(all.items.length);
    expect(page.items).toHaveLength(1);
  });

  it('"my orders" lists the open orders of the technician linked to the signed-in user', async () => {
    const user = await t.signInAs('technician');
    const tech = await aTechnician(t, admin, { userId: user.userId });
    const mine = await anOrder(t, admin, { technicianId: tech.id });
    const done = await anOrder(t, admin, { technicianId: tech.id });
    await moved(t, admin, done.id, 'cancelled');
    await anOrder(t, admin);
    const res = await t.request(user, 'GET', '/api/v1/service-orders/mine');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { id: string }) => o.id)).toEqual([mine.id]);
    // Someone who is not a technician has none.
    expect((await t.request(admin, 'GET', '/api/v1/service-orders/mine')).json()).toMatchObject({
      items: [],
      total: 0,
    });
  });

  it('edits the diagnosis and notes (timeline note), the technician and date (changed); not once delivered', async () => {
    const tech = await aTechnician(t, admin);
    const order = await anOrder(t, admin);
    const res = await t.request(admin, 'PATCH', `/api/v1/service-orders/${order.id}`, {
      diagnosis: 'Износен лагер',
      customerNotes: 'Чакаме част',
      technicianId: tech.id,
      promisedDate: '2031-02-03',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      diagnosis: 'Износен лагер',
      customerNotes: 'Чакаме част',
      technicianId: tech.id,
      promisedDate: '2031-02-03',
    });
    const timeline = (await t.request(admin, 'GET', `/api/v1/service-orders/${order.id}/timeline`)).json();
    expect(
      timeline
        .slice(0, 2)
        .map((e: { kind: string }) => e.kind)
        .sort(),
    ).toEqual(['changed', 'note']);
    const unknownTech = await t.request(admin, 'PATCH', `/api/v1/service-orders/${order.id}`, {
      technicianId: 'nope',
    });
    expect(unknownTech.statusCode).toBe(400);
    expect(unknownTech.json()).toMatchObject({ field: 'technicianId' });

    await moved(t, admin, order.id, 'diagnosing', 'in_repair', 'ready', 'delivered');
    const before = await snapshotDatabase(t.db);
    const late = await t.request(admin, 'PATCH', `/api/v1/service-orders/${order.id}`, {
      diagnosis: 'Друго',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'order_closed' });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it('settings: defaults until saved, saved and audited, a diagnostic fee needs its service type', async () => {
    const res = await t.request(admin, 'GET', '/api/v1/service-settings');
    expect(res.json()).toMatchObject({
      diagnosticFee: 'none',
      overdueCustomers: 'warn',
      partWarrantyMonths: 6,
      labourWarrantyMonths: 3,
    });
    const before = await snapshotDatabase(t.db);
    const bad = await t.request(admin, 'PUT', '/api/v1/service-settings', { diagnosticFee: 'charge' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'diagnosticServiceTypeId' });
    const badStatus = await t.request(admin, 'PUT', '/api/v1/service-settings', {
      statusLimits: { delivered: 5 },
    });
    expect(badStatus.statusCode).toBe(400);
    expect(await snapshotDatabase(t.db)).toEqual(before);
    const ok = await t.request(admin, 'PUT', '/api/v1/service-settings', {
      overdueCustomers: 'refuse',
      partWarrantyMonths: 12,
    });
    expect(ok.json()).toMatchObject({
      overdueCustomers: 'refuse',
      partWarrantyMonths: 12,
      labourWarrantyMonths: 3,
    });
    const audit = (await t.request(admin, 'GET', '/api/v1/audit?entity=service_settings')).json();
    expect(audit.items[0]).toMatchObject({ action: 'service_settings.update' });
    // With 'refuse' and no overdue money (0 until the sales issue), intake goes on.
    await anOrder(t, admin);
    const tech = await t.signInAs('technician');
    expect(
      (await t.request(tech, 'PUT', '/api/v1/service-settings', { partWarrantyMonths: 1 })).statusCode,
    ).toBe(403);
    await t.request(admin, 'PUT', '/api/v1/service-settings', {
      overdueCustomers: 'warn',
      partWarrantyMonths: 6,
    });
  });

  it('the public status link works logged out, shows only its fields, and stops when replaced or revoked', async () => {
    const order = await anOrder(t, admin, {
      customerNotes: 'Обадете се след 17 ч.',
      promisedDate: '2032-03-04',
    });
    const token = order.statusLink.token as string;
    const open = await t.request(null, 'GET', `/api/v1/public/orders/${token}`);
    expect(open.statusCode, open.body).toBe(200);
    expect(Object.keys(open.json()).sort()).toEqual(
      [
        'companyName',
        'customerNotes',
        'itemLabel',
        'number',
        'promisedDate',
        'status',
        'statusChangedAt',
      ].sort(),
    );
    expect(open.json()).toMatchObject({
      number: order.number,
      status: 'received',
      promisedDate: '2032-03-04',
      customerNotes: 'Обадете се след 17 ч.',
      companyName: 'Тест Сервиз ООД',
    });
    expect(open.body).not.toContain(order.serialNumber);
    expect((await t.request(null, 'GET', `/api/v1/public/orders/${unique('x')}`)).statusCode).toBe(404);

    const renewed = await created(t, admin, `/api/v1/service-orders/${order.id}/link`, undefined, 201);
    expect(renewed.url).toBe(`/s/${renewed.token}`);
    expect((await t.request(null, 'GET', `/api/v1/public/orders/${token}`)).statusCode).toBe(404);
    expect((await t.request(null, 'GET', `/api/v1/public/orders/${renewed.token}`)).statusCode).toBe(200);

    const revoked = await t.request(admin, 'DELETE', `/api/v1/service-orders/${order.id}/link`);
    expect(revoked.statusCode).toBe(204);
    expect((await t.request(null, 'GET', `/api/v1/public/orders/${renewed.token}`)).statusCode).toBe(404);
    const detail = (await t.request(admin, 'GET', `/api/v1/service-orders/${order.id}`)).json();
    expect(detail.hasStatusLink).toBe(false);
    const timeline = (await t.request(admin, 'GET', `/api/v1/service-orders/${order.id}/timeline`)).json();
    expect(timeline[0].kind).toBe('link_revoked');
  });
});
