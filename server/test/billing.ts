/**
 * Billing many finished orders at once (INV-02 under concurrency): the orders made through the API, every order's
 * closing invoice asked for twice at the same moment, spread over one or more app instances on one database; then
 * the numbers are consecutive, the series has no gap, and each order has exactly one invoice.
 */
import { expect } from 'vitest';
import { aModel, anOrder, created, moved, unique } from './factories';
import type { Session, TestApp } from './harness';
import type { Json } from './requests';

/** `count` orders of the customer with one charge line each (12.50 + 20 %), moved to ready. */
export async function finishedOrders(
  t: TestApp,
  session: Session,
  partyId: string,
  count: number,
): Promise<string[]> {
  const modelId = (await aModel(t, session)).id as string;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const o = await anOrder(t, session, { partyId, modelId, serialNumber: unique('SN') });
    await created(t, session, `/api/v1/service-orders/${o.id}/lines`, {
      kind: 'charge',
      description: 'Труд',
      quantityMilli: 1000,
      unitPriceCents: 1250,
      vatRateBp: 2000,
    });
    await moved(t, session, o.id, 'diagnosing', 'in_repair', 'ready');
    ids.push(o.id as string);
  }
  return ids;
}

/**
 * Asks every order's invoice twice at once, the requests dealt round the apps in turn; expects one 201 and one 409
 * order_already_billed per order. Returns the new invoices' numbers, sorted.
 */
export async function billAllAtOnce(
  apps: TestApp[],
  session: Session,
  orderIds: string[],
): Promise<number[]> {
  const asks = orderIds.flatMap((orderId) => [orderId, orderId]);
  const answers = await Promise.all(
    asks.map((orderId, i) =>
      (apps[i % apps.length] as TestApp).request(session, 'POST', '/api/v1/invoices/from-order', { orderId }),
    ),
  );
  const byOrder = new Map<string, number[]>();
  answers.forEach((a, i) => {
    const id = asks[i] as string;
    byOrder.set(id, [...(byOrder.get(id) ?? []), a.statusCode].sort());
    if (a.statusCode === 409) expect(a.json()).toMatchObject({ code: 'order_already_billed' });
  });
  for (const [id, statuses] of byOrder) expect(statuses, `order ${id}`).toEqual([201, 409]);
  return answers
    .filter((a) => a.statusCode === 201)
    .map((a) => Number(a.json().number))
    .sort((a, b) => a - b);
}

/** Every invoice number ever taken is 1..n, each once, and each order has exactly one issued invoice. */
export async function expectGaplessAndBilledOnce(
  t: TestApp,
  session: Session,
  orderIds: string[],
): Promise<void> {
  const items: Json[] = [];
  for (let page = 1; ; page++) {
    const res = await t.request(
      session,
      'GET',
      `/api/v1/invoices?status=issued,cancelled&pageSize=200&sort=number&page=${page}`,
    );
    const body = res.json();
    items.push(...body.items);
    if (items.length >= body.total) break;
  }
  expect(items.map((i) => i.number)).toEqual(
    Array.from({ length: items.length }, (_, i) => String(i + 1).padStart(10, '0')),
  );
  const billed = new Map<string, number>();
  for (const i of items)
    if (i.orderId && i.status === 'issued') billed.set(i.orderId, (billed.get(i.orderId) ?? 0) + 1);
  for (const id of orderIds) expect(billed.get(id), `invoices of order ${id}`).toBe(1);
}
