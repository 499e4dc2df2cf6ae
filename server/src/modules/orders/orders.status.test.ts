import { describe, expect, it } from 'vitest';
import {
  aCustomer,
  anOrder,
  aPart,
  aPostedReceipt,
  aSupplier,
  aWarehouse,
  created,
  moved,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { SYSTEM_ACTOR } from '../../kernel/actor';
import { reserveParts } from '../stock';
import { ORDER_LIFECYCLE, ORDER_STATUSES } from './orders.lifecycle';

/** A way to bring a new order into each status. */
const PATH: Record<string, string[]> = {
  received: [],
  diagnosing: ['diagnosing'],
  awaiting_approval: ['diagnosing', 'awaiting_approval'],
  awaiting_parts: ['diagnosing', 'awaiting_parts'],
  in_repair: ['diagnosing', 'in_repair'],
  ready: ['diagnosing', 'in_repair', 'ready'],
  delivered: ['diagnosing', 'in_repair', 'ready', 'delivered'],
  cancelled: ['cancelled'],
};

/** The body of a move: a cancel gives a reason; diagnosing/awaiting_approval → ready is a refused repair. */
function bodyOf(from: string, to: string) {
  return {
    to,
    ...(to === 'cancelled' ? { reason: 'Клиентът се отказа' } : {}),
    ...(to === 'ready' && (from === 'diagnosing' || from === 'awaiting_approval') ? { refused: true } : {}),
  };
}

describe.each(DIALECTS)('service order status workflow on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let customerId: string;

  it('every move of the lifecycle table is allowed and every other is refused with 409, writing nothing', async () => {
    admin = await t.setup();
    customerId = (await aCustomer(t, admin)).id;
    let allowed = 0;
    let refused = 0;
    for (const from of ORDER_STATUSES) {
      // The refused moves, on one order in `from`.
      const order = await anOrder(t, admin, { partyId: customerId });
      await moved(t, admin, order.id, ...(PATH[from] ?? []));
      const before = await snapshotDatabase(t.db);
      for (const to of ORDER_STATUSES) {
        if (ORDER_LIFECYCLE.transitions[from].includes(to)) continue;
        const res = await t.request(
          admin,
          'POST',
          `/api/v1/service-orders/${order.id}/status`,
          bodyOf(from, to),
        );
        expect(res.statusCode, `${from} → ${to}`).toBe(409);
        expect(res.json().code, `${from} → ${to}`).toBe(
          to === 'cancelled' && from === 'delivered'
            ? 'order_delivered'
            : to === 'cancelled' && from === 'cancelled'
              ? 'order_cancelled'
              : 'invalid_transition',
        );
        refused++;
      }
      expect(await snapshotDatabase(t.db), from).toEqual(before);
      // The allowed moves, each on its own order.
      for (const to of ORDER_LIFECYCLE.transitions[from]) {
        const o = await anOrder(t, admin, { partyId: customerId });
        await moved(t, admin, o.id, ...(PATH[from] ?? []));
        const res = await t.request(admin, 'POST', `/api/v1/service-orders/${o.id}/status`, bodyOf(from, to));
        expect(res.statusCode, `${from} → ${to}: ${res.body}`).toBe(200);
        const after = res.json();
        expect(after.status).toBe(to);
        expect(after.nextStatuses).toEqual([...ORDER_LIFECYCLE.transitions[to]]);
        allowed++;
      }
    }
    expect(allowed).toBe(19);
    expect(refused).toBe(64 - 19);
  });

  it('a delivered order cannot be cancelled: 409 order_delivered', async () => {
    const order = await anOrder(t, admin, { partyId: customerId });
    await moved(t, admin, order.id, ...(PATH.delivered ?? []));
    const res = await t.request(admin, 'POST', `/api/v1/service-orders/${order.id}/status`, {
      to: 'cancelled',
      reason: 'Късно',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'order_delivered' });
  });

  it('a cancel needs a reason, releases the reservations, and the order reopens as received', async () => {
    const warehouse = await aWarehouse(t, admin);
    const part = await aPart(t, admin);
    const supplier = await aSupplier(t, admin);
    await aPostedReceipt(t, admin, {
      warehouseId: warehouse.id,
      supplierId: supplier.id,
      lines: [{ partId: part.id, quantityMilli: 5000, unitCostCents: 500 }],
    });
    const order = await anOrder(t, admin, { partyId: customerId });
    await moved(t, admin, order.id, 'diagnosing');
    await t.db.transaction().execute((trx) =>
      reserveParts(trx, SYSTEM_ACTOR, {
        warehouseId: warehouse.id,
        sourceType: 'service_order',
        sourceId: order.id,
        lines: [{ partId: part.id, quantityMilli: 2000 }],
      }),
    );
    const active = () =>
      t
        .request(admin, 'GET', `/api/v1/stock/reservations?sourceId=${order.id}&status=active`)
        .then((r) => r.json().total);
    expect(await active()).toBe(1);

    const before = await snapshotDatabase(t.db);
    const noReason = await t.request(admin, 'POST', `/api/v1/service-orders/${order.id}/status`, {
      to: 'cancelled',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'required', field: 'reason' });
    expect(await snapshotDatabase(t.db)).toEqual(before);

    const cancelled = await created(
      t,
      admin,
      `/api/v1/service-orders/${order.id}/status`,
      { to: 'cancelled', reason: 'Клиентът се отказа' },
      200,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Клиентът се отказа',
      nextStatuses: ['received'],
    });
    expect(cancelled.cancelledAt).toBeTruthy();
    expect(await active()).toBe(0);

    const reopened = await created(
      t,
      admin,
      `/api/v1/service-orders/${order.id}/status`,
      { to: 'received' },
      200,
    );
    expect(reopened).toMatchObject({ status: 'received', cancelledAt: null, cancelReason: null });

    const timeline = (await t.request(admin, 'GET', `/api/v1/service-orders/${order.id}/timeline`)).json();
    expect(
      timeline.map((e: { kind: string; fromStatus: string; toStatus: string }) => [
        e.kind,
        e.fromStatus,
        e.toStatus,
      ]),
    ).toEqual([
      ['status', 'cancelled', 'received'],
      ['status', 'diagnosing', 'cancelled'],
      ['status', 'received', 'diagnosing'],
      ['created', null, 'received'],
    ]);
    expect(timeline[1].details).toEqual({ reason: 'Клиентът се отказа' });
  });

  it('a refused repair goes to ready only with refused: true and is marked; refused elsewhere is 400', async () => {
    const order = await anOrder(t, admin, { partyId: customerId });
    await moved(t, admin, order.id, 'diagnosing');
    const plain = await t.request(admin, 'POST', `/api/v1/service-orders/${order.id}/status`, {
      to: 'ready',
    });
    expect(plain.statusCode).toBe(400);
    expect(plain.json()).toMatchObject({ code: 'refusal_required', field: 'refused' });
    const wrong = await t.request(admin, 'POST', `/api/v1/service-orders/${order.id}/status`, {
      to: 'in_repair',
      refused: true,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'refusal_not_allowed', field: 'refused' });
    const ready = await created(
      t,
      admin,
      `/api/v1/service-orders/${order.id}/status`,
      { to: 'ready', refused: true },
      200,
    );
    expect(ready).toMatchObject({ status: 'ready', refusedRepair: true });
    const delivered = await moved(t, admin, order.id, 'delivered');
    expect(delivered.deliveredAt).toBeTruthy();
  });

  it('an unknown order is 404; a storekeeper may read but not move an order', async () => {
    const res = await t.request(
      admin,
      'POST',
      '/api/v1/service-orders/01900000-0000-7000-8000-000000000000/status',
      {
        to: 'diagnosing',
      },
    );
    expect(res.statusCode).toBe(404);
    const order = await anOrder(t, admin, { partyId: customerId });
    const keeper = await t.signInAs('storekeeper');
    expect((await t.request(keeper, 'GET', `/api/v1/service-orders/${order.id}`)).statusCode).toBe(200);
    expect(
      (await t.request(keeper, 'POST', `/api/v1/service-orders/${order.id}/status`, { to: 'diagnosing' }))
        .statusCode,
    ).toBe(403);
  });
});
