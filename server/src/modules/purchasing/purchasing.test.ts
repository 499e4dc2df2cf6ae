import { beforeAll, describe, expect, it } from 'vitest';
import {
  aCustomer,
  aModel,
  anItem,
  aPart,
  aPostedReceipt,
  aSupplier,
  aTechnician,
  aTransfer,
  aUser,
  aVan,
  aWarehouse,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { snapshotDatabase } from '../../../test/snapshot';
import { canTransition } from '../../kernel/lifecycle';
import { PURCHASE_REQUEST_LIFECYCLE, PURCHASE_REQUEST_STATUSES } from './purchasing.lifecycle';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read as the tests please
type Json = Record<string, any>;

describe('the purchase request lifecycle (one table)', () => {
  const allowed = new Set(['draft>sent', 'draft>cancelled', 'sent>received', 'sent>cancelled']);
  for (const from of PURCHASE_REQUEST_STATUSES)
    for (const to of PURCHASE_REQUEST_STATUSES)
      it(`${from} → ${to} is ${allowed.has(`${from}>${to}`) ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(PURCHASE_REQUEST_LIFECYCLE, from, to)).toBe(allowed.has(`${from}>${to}`));
      });
});

describe.each(DIALECTS)('purchase requests for missing parts on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let keeper: Session;
  let tech: Session;
  let supplierA: string;
  let supplierB: string;
  let customerId: string;
  let main: string;
  let modelId: string;
  let leadId: string;

  const send = async (session: Session, method: Method, url: string, body?: unknown, status?: number) => {
    const res = await t.request(session, method, url, body);
    if (status !== undefined && res.statusCode !== status)
      throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
    return res;
  };
  const json = async (session: Session, method: Method, url: string, body?: unknown, status = 200) =>
    (await send(session, method, url, body, status)).json() as Json;

  /** Refused with the status, code and field, and nothing at all written. */
  const refused = async (
    method: Method,
    url: string,
    body: unknown,
    expected: { status: number; code: string; field?: string },
    session: Session = keeper,
  ) => {
    const before = await snapshotDatabase(t.db);
    const res = await t.request(session, method, url, body);
    expect(res.statusCode, res.body).toBe(expected.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: expected.code,
      ...(expected.field ? { field: expected.field } : {}),
    });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  };

  const order = async () => {
    const it = await anItem(t, admin, { modelId, partyId: customerId, purchaseDate: '2020-01-10' });
    const o = await json(
      desk,
      'POST',
      '/api/v1/service-orders',
      { partyId: customerId, itemId: it.id, complaint: 'Не работи', technicianId: leadId },
      201,
    );
    await json(desk, 'POST', `/api/v1/service-orders/${o.id}/status`, { to: 'diagnosing' });
    return o as Json;
  };
  const addPart = (orderId: string, partId: string, quantityMilli: number) =>
    json(
      desk,
      'POST',
      `/api/v1/service-orders/${orderId}/lines`,
      { kind: 'part', partId, warehouseId: main, quantityMilli },
      201,
    );
  const lineOf = (o: Json, lineId: string) => o.lines.find((l: Json) => l.id === lineId) as Json;
  const requests = async (query: string) =>
    (await json(tech, 'GET', `/api/v1/purchase-requests?${query}`)).items as Json[];
  const request = (id: string) => json(tech, 'GET', `/api/v1/purchase-requests/${id}`);
  const draftOf = async (supplier: string | null) => {
    const q = supplier ? `supplierId=${supplier}&status=draft` : 'noSupplier=true&status=draft';
    const [r, more] = await requests(q);
    expect(more).toBeUndefined();
    return r ? request(r.id) : undefined;
  };
  const needsOf = (r: Json, partId: string) => {
    const line = r.lines.find((l: Json) => l.partId === partId);
    return {
      quantityMilli: line?.quantityMilli,
      needs: (line?.needs ?? []).map((n: Json) => [n.sourceLabel, n.quantityMilli]),
    };
  };

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    keeper = await aUser(t, 'storekeeper');
    tech = await aUser(t, 'technician');
    supplierA = (await aSupplier(t, admin, { name: 'Доставчик А' })).id;
    supplierB = (await aSupplier(t, admin, { name: 'Доставчик Б' })).id;
    customerId = (await aCustomer(t, admin, { name: 'Иван Иванов', kind: 'person' })).id;
    main = (await aWarehouse(t, keeper, { code: 'MAIN' })).id;
    modelId = (await aModel(t, admin)).id;
    leadId = (await aTechnician(t, admin)).id;
  });

  it('waiting parts are drafted per supplier across orders: the preferred supplier, the last receipt’s, or none yet', async () => {
    const p1 = await aPart(t, admin, { preferredSupplierId: supplierA, typicalCostCents: 1500 });
    expect(p1.preferredSupplierId).toBe(supplierA);
    const p2 = await aPart(t, admin);
    await aPostedReceipt(t, keeper, {
      warehouseId: main,
      supplierId: supplierB,
      lines: [{ partId: p2.id, quantityMilli: 1000, unitCostCents: 800 }],
    });
    const p3 = await aPart(t, admin);
    const o1 = await order();
    const o2 = await order();
    const a = await addPart(o1.id, p1.id, 2000);
    expect(lineOf(a, a.lineId)).toMatchObject({ reservationState: 'waiting' });
    expect(a.status).toBe('awaiting_parts');
    const b = await addPart(o1.id, p2.id, 3000);
    expect(lineOf(b, b.lineId)).toMatchObject({ reservationState: 'partly', reservedMilli: 1000 });
    await addPart(o2.id, p1.id, 1000);
    await addPart(o2.id, p3.id, 1000);

    const ofA = (await draftOf(supplierA)) as Json;
    expect(ofA).toMatchObject({ status: 'draft', supplierName: 'Доставчик А', orderCount: 2 });
    expect(ofA.lines).toHaveLength(1);
    expect(needsOf(ofA, p1.id)).toEqual({
      quantityMilli: 3000,
      needs: [
        [o1.number, 2000],
        [o2.number, 1000],
      ],
    });
    const ofB = (await draftOf(supplierB)) as Json;
    expect(needsOf(ofB, p2.id)).toEqual({ quantityMilli: 2000, needs: [[o1.number, 2000]] });
    const none = (await draftOf(null)) as Json;
    expect(none.supplierId).toBeNull();
    expect(needsOf(none, p3.id)).toEqual({ quantityMilli: 1000, needs: [[o2.number, 1000]] });
    // The order page finds the requests of its waiting lines.
    expect((await requests(`sourceId=${o2.id}`)).map((r) => r.id).sort()).toEqual([ofA.id, none.id].sort());
    expect(new Set([ofA.number, ofB.number, none.number]).size).toBe(3);
  });

  it('a change of the waiting line updates the draft; a sent request never goes below what was ordered', async () => {
    const p = await aPart(t, admin, { preferredSupplierId: supplierB });
    const o1 = await order();
    const o2 = await order();
    const l1 = (await addPart(o1.id, p.id, 2000)).lineId;
    const l2 = (await addPart(o2.id, p.id, 1000)).lineId;
    const url1 = `/api/v1/service-orders/${o1.id}/lines/${l1}`;
    await json(desk, 'PATCH', url1, { quantityMilli: 4000 });
    let draft = (await draftOf(supplierB)) as Json;
    expect(needsOf(draft, p.id)).toEqual({
      quantityMilli: 5000,
      needs: [
        [o1.number, 4000],
        [o2.number, 1000],
      ],
    });
    await json(desk, 'DELETE', `/api/v1/service-orders/${o2.id}/lines/${l2}`);
    draft = (await draftOf(supplierB)) as Json;
    expect(needsOf(draft, p.id)).toEqual({ quantityMilli: 4000, needs: [[o1.number, 4000]] });

    // The buyer sends it: 4 ordered.
    const sent = await json(keeper, 'POST', `/api/v1/purchase-requests/${draft.id}/status`, { to: 'sent' });
    expect(sent).toMatchObject({ status: 'sent', nextStatuses: ['cancelled'] });
    await json(desk, 'PATCH', url1, { quantityMilli: 1000 });
    let now = await request(draft.id);
    expect(needsOf(now, p.id)).toEqual({ quantityMilli: 4000, needs: [[o1.number, 1000]] });
    expect(await draftOf(supplierB)).toBeUndefined();
    // Up to 6: the sent request covers its 4 again, the other 2 go onto a new draft.
    await json(desk, 'PATCH', url1, { quantityMilli: 6000 });
    now = await request(draft.id);
    expect(needsOf(now, p.id)).toEqual({ quantityMilli: 4000, needs: [[o1.number, 4000]] });
    const extra = (await draftOf(supplierB)) as Json;
    expect(needsOf(extra, p.id)).toEqual({ quantityMilli: 2000, needs: [[o1.number, 2000]] });
    // Cancelling the order takes its needs off: the draft, left with nothing, is cancelled.
    await json(desk, 'POST', `/api/v1/service-orders/${o1.id}/status`, { to: 'cancelled', reason: 'Отказ' });
    expect(await draftOf(supplierB)).toBeUndefined();
    expect((await request(extra.id)).status).toBe('cancelled');
    expect(needsOf(await request(draft.id), p.id)).toEqual({ quantityMilli: 4000, needs: [] });
  });

  it('posting the receipt made from a request reserves for the waiting orders, oldest first, and flags them', async () => {
    const p = await aPart(t, admin, { preferredSupplierId: supplierA, typicalCostCents: 1500 });
    const older = await order();
    const newer = await order();
    const lOld = (await addPart(older.id, p.id, 2000)).lineId;
    const lNew = (await addPart(newer.id, p.id, 1000)).lineId;
    const draft = (await draftOf(supplierA)) as Json;
    expect(needsOf(draft, p.id).quantityMilli).toBeGreaterThanOrEqual(3000);
    await refused(
      'POST',
      `/api/v1/purchase-requests/${draft.id}/receive`,
      {},
      { status: 409, code: 'purchase_request_not_sent' },
    );
    await json(keeper, 'POST', `/api/v1/purchase-requests/${draft.id}/status`, { to: 'sent' });
    const received = await json(keeper, 'POST', `/api/v1/purchase-requests/${draft.id}/receive`, {}, 201);
    await refused(
      'POST',
      `/api/v1/purchase-requests/${draft.id}/receive`,
      {},
      { status: 409, code: 'purchase_request_receipt_exists' },
    );
    const receipt = await json(keeper, 'GET', `/api/v1/stock/documents/${received.receiptId}`);
    expect(receipt).toMatchObject({
      type: 'receipt',
      status: 'draft',
      supplierId: supplierA,
      warehouseId: main,
      sourceType: 'purchase_request',
      sourceId: draft.id,
    });
    const line = receipt.lines.find((l: Json) => l.partId === p.id);
    expect(line).toMatchObject({ unitCostCents: 1500 });
    // Only 2 came: enough for the older order alone. The storekeeper corrects the draft and posts it.
    await json(keeper, 'PUT', `/api/v1/stock/documents/${receipt.id}`, {
      warehouseId: main,
      supplierId: supplierA,
      supplierDocNumber: 'F-100',
      lines: [{ partId: p.id, quantityMilli: 2000, unitCostCents: 1600 }],
    });
    await json(keeper, 'POST', `/api/v1/stock/documents/${receipt.id}/post`);

    const o1 = await json(desk, 'GET', `/api/v1/service-orders/${older.id}`);
    expect(lineOf(o1, lOld)).toMatchObject({ reservationState: 'reserved', reservedMilli: 2000 });
    expect(o1.partsArrivedAt).not.toBeNull();
    expect(o1.status).toBe('awaiting_parts');
    const o2 = await json(desk, 'GET', `/api/v1/service-orders/${newer.id}`);
    expect(lineOf(o2, lNew)).toMatchObject({ reservationState: 'waiting', reservedMilli: 0 });
    expect(o2.partsArrivedAt).toBeNull();
    // The request is received and still tells whom it served; the newer order's part is drafted again.
    const done = await request(draft.id);
    expect(done).toMatchObject({ status: 'received', receiptId: receipt.id, nextStatuses: [] });
    expect(needsOf(done, p.id).needs).toEqual(
      expect.arrayContaining([
        [older.number, 2000],
        [newer.number, 1000],
      ]),
    );
    const again = (await draftOf(supplierA)) as Json;
    expect(needsOf(again, p.id)).toEqual({ quantityMilli: 1000, needs: [[newer.number, 1000]] });
    // The flag shows in the list and the board, and goes when the order moves on.
    const list = await json(desk, 'GET', `/api/v1/service-orders?status=awaiting_parts&q=${older.number}`);
    expect(list.items.find((x: Json) => x.id === older.id)?.partsArrivedAt).not.toBeNull();
    const timeline = await json(desk, 'GET', `/api/v1/service-orders/${older.id}/timeline`);
    expect(timeline.map((e: Json) => e.kind)).toContain('parts_arrived');
    const moved = await json(desk, 'POST', `/api/v1/service-orders/${older.id}/status`, { to: 'in_repair' });
    expect(moved.partsArrivedAt).toBeNull();
  });

  it('any posted receipt of a waiting part serves the waiting lines, not only one made from a request', async () => {
    const p = await aPart(t, admin);
    const o = await order();
    const l = (await addPart(o.id, p.id, 1000)).lineId;
    const none = (await draftOf(null)) as Json;
    expect(needsOf(none, p.id).quantityMilli).toBe(1000);
    await aPostedReceipt(t, keeper, {
      warehouseId: main,
      supplierId: supplierB,
      lines: [{ partId: p.id, quantityMilli: 5000, unitCostCents: 100 }],
    });
    const after = await json(desk, 'GET', `/api/v1/service-orders/${o.id}`);
    expect(lineOf(after, l)).toMatchObject({ reservationState: 'reserved' });
    expect(after.partsArrivedAt).not.toBeNull();
    const left = await request(none.id);
    expect(left.lines.find((x: Json) => x.partId === p.id)).toBeUndefined();
  });

  it('a transfer into a technician’s van serves the lines waiting for the part in that van', async () => {
    const p = await aPart(t, admin);
    const van = (await aVan(t, admin, { technicianId: leadId })).id;
    const o = await order();
    const l = (
      await json(
        desk,
        'POST',
        `/api/v1/service-orders/${o.id}/lines`,
        { kind: 'part', partId: p.id, warehouseId: van, quantityMilli: 1000 },
        201,
      )
    ).lineId;
    expect(lineOf(await json(desk, 'GET', `/api/v1/service-orders/${o.id}`), l)).toMatchObject({
      reservationState: 'waiting',
    });
    await aPostedReceipt(t, keeper, {
      warehouseId: main,
      supplierId: supplierB,
      lines: [{ partId: p.id, quantityMilli: 2000, unitCostCents: 100 }],
    });
    // The receipt into the store serves nobody in the van; the transfer into the van does.
    expect(lineOf(await json(desk, 'GET', `/api/v1/service-orders/${o.id}`), l)).toMatchObject({
      reservationState: 'waiting',
    });
    await aTransfer(t, keeper, {
      warehouseId: main,
      toWarehouseId: van,
      lines: [{ partId: p.id, quantityMilli: 1000 }],
    });
    const after = await json(desk, 'GET', `/api/v1/service-orders/${o.id}`);
    expect(lineOf(after, l)).toMatchObject({ reservationState: 'reserved' });
    expect(after.partsArrivedAt).not.toBeNull();
  });

  it('orders waiting at once for the same supplier’s part share one draft and one line, summed', async () => {
    const supplier = (await aSupplier(t, admin)).id;
    const p = await aPart(t, admin, { preferredSupplierId: supplier });
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await order());
    await Promise.all(orders.map((o) => addPart(o.id, p.id, 1000)));
    const all = await requests(`supplierId=${supplier}`);
    expect(all).toHaveLength(1);
    const draft = await request(all[0]?.id);
    expect(needsOf(draft, p.id).quantityMilli).toBe(5000);
    expect(
      needsOf(draft, p.id)
        .needs.map(([label]: [string]) => label)
        .sort(),
    ).toEqual(orders.map((o) => o.number).sort());
  });

  it('moves, edits and receipts that are not allowed are refused and write nothing', async () => {
    const p = await aPart(t, admin);
    const o = await order();
    await addPart(o.id, p.id, 1000);
    const none = (await draftOf(null)) as Json;
    const url = `/api/v1/purchase-requests/${none.id}`;
    await refused(
      'POST',
      `${url}/status`,
      { to: 'sent' },
      { status: 400, code: 'purchase_request_no_supplier', field: 'supplierId' },
    );
    await refused(
      'POST',
      `${url}/status`,
      { to: 'received' },
      { status: 409, code: 'purchase_request_not_sent' },
    );
    await refused(
      'POST',
      `${url}/status`,
      { to: 'shipped' },
      { status: 400, code: 'invalid_value', field: 'to' },
    );
    await refused(
      'PATCH',
      url,
      { supplierId: customerId },
      { status: 400, code: 'not_a_supplier', field: 'supplierId' },
    );
    await refused(
      'PATCH',
      url,
      { lines: [{ id: 'nope', quantityMilli: 1000 }] },
      { status: 400, code: 'unknown_request_line', field: 'lines.0.id' },
    );
    await refused(
      'PATCH',
      url,
      { lines: [{ id: none.lines[0].id, quantityMilli: -1 }] },
      { status: 400, code: 'too_small', field: 'lines.0.quantityMilli' },
    );
    await refused('PATCH', url, { notes: 'x' }, { status: 403, code: 'forbidden' }, tech);
    await refused(
      'PATCH',
      `/api/v1/parts/${p.id}`,
      { preferredSupplierId: customerId },
      { status: 400, code: 'not_a_supplier', field: 'preferredSupplierId' },
      admin,
    );
    // A supplier that has a draft already: its draft is the one to add to.
    const q = await aPart(t, admin, { preferredSupplierId: supplierB });
    await addPart(o.id, q.id, 1000);
    const ofB = (await draftOf(supplierB)) as Json;
    await refused(
      'PATCH',
      url,
      { supplierId: supplierB },
      { status: 409, code: 'purchase_request_draft_exists', field: 'supplierId' },
    );
    // The buyer assigns a new supplier, raises the quantity, sends; then the request is closed to edits.
    const supplierC = (await aSupplier(t, admin, { name: 'Доставчик В' })).id;
    const patched = await json(keeper, 'PATCH', url, {
      supplierId: supplierC,
      notes: 'Спешно',
      lines: [{ id: none.lines[0].id, quantityMilli: 2000 }],
    });
    expect(patched).toMatchObject({ supplierId: supplierC, notes: 'Спешно' });
    expect(patched.lines[0]).toMatchObject({ quantityMilli: 2000, neededMilli: 1000 });
    await json(keeper, 'POST', `${url}/status`, { to: 'sent' });
    await refused('PATCH', url, { notes: 'y' }, { status: 409, code: 'purchase_request_not_draft' });
    await refused(
      'POST',
      `${url}/status`,
      { to: 'sent' },
      { status: 409, code: 'purchase_request_not_draft' },
    );
    await refused(
      'POST',
      `${url}/status`,
      { to: 'received' },
      { status: 409, code: 'purchase_request_received_by_receipt' },
    );
    const csv = await send(tech, 'GET', `${url}/lines.csv`, undefined, 200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(p.code);
    expect(csv.body).toContain(o.number);
    // Cancelling a sent request puts what its lines still wait for back onto a draft.
    await json(keeper, 'POST', `${url}/status`, { to: 'cancelled' });
    await refused(
      'POST',
      `${url}/status`,
      { to: 'sent' },
      { status: 409, code: 'purchase_request_not_draft' },
    );
    await refused(
      'POST',
      `${url}/status`,
      { to: 'cancelled' },
      { status: 409, code: 'purchase_request_closed' },
    );
    const back = (await draftOf(null)) as Json;
    expect(needsOf(back, p.id)).toEqual({ quantityMilli: 1000, needs: [[o.number, 1000]] });
    expect(ofB.status).toBe('draft');
  });
});
