import { beforeAll, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, anOrder, aUser, aVatCompany, moved } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { snapshotDatabase } from '../../../test/snapshot';

/**
 * Goods delivery notes (стокова разписка, issue 13 items 3 and 5; ADR 0024) through the HTTP API on both databases:
 * from an order's customer lines, numbered in their own series, the order billed once across every kind of closing
 * document, the PDF stored with its hash; a warranty repair closed with a handover of zero value; refused input
 * writes nothing.
 */
describe.each(DIALECTS)('goods delivery notes on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let tech: Session;
  let customerId: string;
  const { json, refused, send } = requests(t, () => desk);

  const orderWith = async (lines: Json[], status: 'ready' | 'in_repair' = 'ready') => {
    const o = await anOrder(t, admin, { partyId: customerId });
    for (const l of lines) await json(desk, 'POST', `/api/v1/service-orders/${o.id}/lines`, l, 201);
    if (status === 'ready') await moved(t, desk, o.id, 'diagnosing', 'in_repair', 'ready');
    else await moved(t, desk, o.id, 'diagnosing', 'in_repair');
    return o.id as string;
  };
  const labour = {
    kind: 'charge',
    description: 'Труд',
    quantityMilli: 1500,
    unitPriceCents: 4000,
    vatRateBp: 2000,
  };
  const transport = {
    kind: 'charge',
    description: 'Транспорт',
    quantityMilli: 1000,
    unitPriceCents: 1000,
    discountBp: 1000,
    vatRateBp: 2000,
  };
  const warranty = {
    kind: 'charge',
    description: 'Гаранционен труд',
    quantityMilli: 1000,
    unitPriceCents: 9900,
    vatRateBp: 2000,
    payer: 'shop_warranty',
    payerReason: 'Повторен ремонт в гаранция',
  };
  const note = (orderId: string, body: Json = {}) =>
    json(desk, 'POST', '/api/v1/goods-notes/from-order', { orderId, ...body }, 201);

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    tech = await aUser(t, 'technician');
    await aVatCompany(t, admin);
    customerId = await anInvoiceCustomer(t, admin, 'Иван Петров ЕООД');
  });

  it('is built from the customer lines, numbered in its own series, stored with its hash; the order is billed once', async () => {
    const orderId = await orderWith([labour, transport, warranty]);
    const n = await note(orderId, { receivedBy: 'Иван Петров' });
    // 1.5 × 40.00 = 60.00; 10.00 at 10 % off = 9.00; the warranty line stays off; VAT 20 % on 69.00 = 13.80.
    expect(n.lines.map((l: Json) => [l.description, l.quantityMilli, l.unitPriceCents, l.netCents])).toEqual([
      ['Труд', 1500, 4000, 6000],
      ['Транспорт', 1000, 1000, 900],
    ]);
    expect(n).toMatchObject({
      status: 'issued',
      orderId,
      zeroValue: false,
      netCents: 6900,
      vatCents: 1380,
      totalCents: 8280,
      supplier: { name: 'Тест Сервиз ООД', uic: '131129282', vatNumber: 'BG131129282' },
      recipient: { name: 'Иван Петров ЕООД', uic: '020469788' },
      receivedBy: 'Иван Петров',
    });
    expect(n.number).toMatch(/^\d{10}$/);
    expect(n.recipient.address).toContain('Пловдив');
    expect(n.pdfSha256).toMatch(/^[0-9a-f]{64}$/);

    // Its own series: the next note takes the next number, whatever invoices were issued in between.
    const other = await orderWith([labour]);
    await json(desk, 'POST', '/api/v1/invoices/from-order', { orderId: other }, 201);
    const next = await note(await orderWith([transport]));
    expect(Number(next.number)).toBe(Number(n.number) + 1);

    // Billed once, whatever the document: a second note, an invoice and a receipt are refused.
    for (const [path, body] of [
      ['/api/v1/goods-notes/from-order', { orderId }],
      ['/api/v1/invoices/from-order', { orderId }],
    ] as const)
      await refused('POST', path, body, { status: 409, code: 'order_already_billed', field: 'orderId' });
    const order = await json(desk, 'GET', `/api/v1/service-orders/${orderId}`);
    expect(order).toMatchObject({ billedById: n.id, billedByKind: 'goods_note' });

    expect((await json(desk, 'GET', `/api/v1/goods-notes?orderId=${orderId}`)).items).toMatchObject([
      { id: n.id, number: n.number, totalCents: 8280, orderId },
    ]);
    expect(await json(desk, 'GET', `/api/v1/goods-notes/${n.id}`)).toEqual(n);

    // The PDF: the stored rendering (its hash), bg; bg_en on request.
    const pdf = await send(desk, 'GET', `/api/v1/goods-notes/${n.id}/pdf`, undefined, 200);
    expect(pdf.headers['x-content-sha256']).toBe(n.pdfSha256);
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      'СТОКОВА РАЗПИСКА',
      n.number,
      'Тест Сервиз ООД',
      'Иван Петров ЕООД',
      'Транспорт',
      '82,80',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Гаранционен труд');
    const again = await send(desk, 'GET', `/api/v1/goods-notes/${n.id}/pdf`, undefined, 200);
    expect(Buffer.compare(again.rawPayload, pdf.rawPayload)).toBe(0);
    const both = await pdfText(
      (await send(desk, 'GET', `/api/v1/goods-notes/${n.id}/pdf?language=bg_en`, undefined, 200)).rawPayload,
    );
    expect(both).toContain('GOODS DELIVERY NOTE');
    for (const path of [
      `/api/v1/goods-notes/${n.id}/pdf`,
      `/api/v1/goods-notes/${n.id}`,
      '/api/v1/goods-notes',
    ])
      await refused('GET', path, undefined, { status: 403, code: 'forbidden' }, tech);

    const audit = await json(admin, 'GET', `/api/v1/audit?entity=goods_note&entityId=${n.id}`);
    expect(audit.items.map((a: Json) => a.action)).toEqual(['goods_note.create']);
  });

  it('closes a warranty repair with a handover of zero value, where an invoice is refused', async () => {
    const orderId = await orderWith([warranty]);
    await refused(
      'POST',
      '/api/v1/invoices/from-order',
      { orderId },
      { status: 409, code: 'order_nothing_to_bill', field: 'orderId' },
    );
    const n = await note(orderId);
    expect(n).toMatchObject({ zeroValue: true, netCents: 0, vatCents: 0, totalCents: 0 });
    expect(n.lines).toMatchObject([
      { description: 'Гаранционен труд', payer: 'shop_warranty', unitPriceCents: 0, netCents: 0 },
    ]);
    await refused(
      'POST',
      '/api/v1/goods-notes/from-order',
      { orderId },
      { status: 409, code: 'order_already_billed', field: 'orderId' },
    );
  });

  it('refuses bad input, an order not finished and one already billed, with nothing written', async () => {
    const open = await orderWith([labour], 'in_repair');
    let before = await snapshotDatabase(t.db);
    const bad = await send(desk, 'POST', '/api/v1/goods-notes/from-order', { orderId: open, colour: 'red' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'colour' });
    const future = await send(desk, 'POST', '/api/v1/goods-notes/from-order', {
      orderId: open,
      documentDate: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    await refused(
      'POST',
      '/api/v1/goods-notes/from-order',
      { orderId: open },
      { status: 409, code: 'order_not_billable', field: 'orderId' },
    );
    await refused(
      'POST',
      '/api/v1/goods-notes/from-order',
      { orderId: open },
      { status: 403, code: 'forbidden' },
      tech,
    );
    expect(await snapshotDatabase(t.db)).toEqual(before);

    const billed = await orderWith([labour]);
    await json(desk, 'POST', '/api/v1/invoices/from-order', { orderId: billed }, 201);
    before = await snapshotDatabase(t.db);
    await refused(
      'POST',
      '/api/v1/goods-notes/from-order',
      { orderId: billed },
      { status: 409, code: 'order_already_billed', field: 'orderId' },
    );
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });
  it('delivering asks for the closing document or a reason: refused with nothing written, the reason kept and audited', async () => {
    const deliver = (orderId: string, body: Json = {}) =>
      send(desk, 'POST', `/api/v1/service-orders/${orderId}/status`, { to: 'delivered', ...body });
    const unbilled = await orderWith([labour, warranty]);
    const before = await snapshotDatabase(t.db);
    await refused(
      'POST',
      `/api/v1/service-orders/${unbilled}/status`,
      { to: 'delivered' },
      { status: 409, code: 'delivery_needs_document', field: 'reason' },
    );
    expect(await snapshotDatabase(t.db)).toEqual(before);

    const delivered = await deliver(unbilled, { reason: 'Клиентът плаща по договор в края на месеца' });
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json()).toMatchObject({
      status: 'delivered',
      billedById: null,
      deliveredWithoutDocumentReason: 'Клиентът плаща по договор в края на месеца',
    });
    const audit = await json(admin, 'GET', `/api/v1/audit?entity=service_order&entityId=${unbilled}`);
    expect(audit.items.find((a: Json) => a.after?.status === 'delivered')?.after).toMatchObject({
      reason: 'Клиентът плаща по договор в края на месеца',
    });

    // Closed with a document, or nothing to pay: delivered without a word.
    const billed = await orderWith([labour]);
    await note(billed);
    const warrantyOnly = await orderWith([warranty]);
    for (const orderId of [billed, warrantyOnly]) {
      const ok = await deliver(orderId);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'delivered', deliveredWithoutDocumentReason: null });
    }
  });
});
