import { beforeAll, describe, expect, it } from 'vitest';
import {
  aCustomer,
  aModel,
  anItem,
  aPart,
  aPostedReceipt,
  aService,
  aSupplier,
  aUser,
  aWarehouse,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { snapshotDatabase } from '../../../test/snapshot';
import { addDays, todayDate } from '../../kernel/calendar';
import { canTransition } from '../../kernel/lifecycle';
import { QUOTE_LIFECYCLE, QUOTE_STATUSES } from './quotes.lifecycle';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read as the tests please
type Json = Record<string, any>;

describe.each(DIALECTS)('repair quotes on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let keeper: Session;
  let supplierId: string;
  let customerId: string;
  let main: string;
  let modelId: string;
  let labour: Json;

  const json = async (session: Session, method: Method, url: string, body?: unknown, status = 200) => {
    const res = await t.request(session, method, url, body);
    if (res.statusCode !== status)
      throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
    return res.json() as Json;
  };

  /** Refused with the status, code and field, and nothing at all written. */
  const refused = async (
    method: Method,
    url: string,
    body: unknown,
    expected: { status: number; code: string; field?: string },
  ) => {
    const before = await snapshotDatabase(t.db);
    const res = await t.request(desk, method, url, body);
    expect(res.statusCode, res.body).toBe(expected.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: expected.code,
      ...(expected.field ? { field: expected.field } : {}),
    });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  };

  const part = async (overrides: Json = {}, stockMilli = 10_000) => {
    const p = await aPart(t, admin, { salePriceCents: 4590, vatRateBp: 2000, ...overrides });
    if (stockMilli > 0)
      await aPostedReceipt(t, keeper, {
        warehouseId: main,
        supplierId,
        lines: [{ partId: p.id, quantityMilli: stockMilli, unitCostCents: 2000 }],
      });
    return p;
  };
  const item = () => anItem(t, admin, { modelId, partyId: customerId, purchaseDate: '2020-01-10' });
  const newQuote = async (extra: Json = {}) =>
    json(
      desk,
      'POST',
      '/api/v1/repair-quotes',
      { partyId: customerId, itemId: (await item()).id, complaint: 'Тече вода', ...extra },
      201,
    );
  const addLine = (id: string, body: Json) =>
    json(desk, 'POST', `/api/v1/repair-quotes/${id}/lines`, body, 201);
  const move = (id: string, to: string) => json(desk, 'POST', `/api/v1/repair-quotes/${id}/status`, { to });
  const orderInDiagnosis = async () => {
    const it = await item();
    const o = await json(
      desk,
      'POST',
      '/api/v1/service-orders',
      { partyId: customerId, itemId: it.id, complaint: 'Не загрява' },
      201,
    );
    await json(desk, 'POST', `/api/v1/service-orders/${o.id}/status`, { to: 'diagnosing' });
    return o.id as string;
  };
  const level = async (partId: string) =>
    (await json(keeper, 'GET', `/api/v1/stock/levels?partId=${partId}&warehouseId=${main}&includeEmpty=true`))
      .items[0] as { onHandMilli: number; reservedMilli: number };

  beforeAll(async () => {
    admin = await t.setup();
    const company = await json(admin, 'GET', '/api/v1/company');
    await json(admin, 'PUT', '/api/v1/company', {
      legalName: company.legalName,
      uic: '131129282',
      vatNumber: 'BG131129282',
      vatRegistered: true,
      defaultVatRateBp: 2000,
      fiscalDeviceRequired: false,
      bankAccounts: [],
    });
    desk = await aUser(t, 'reception');
    keeper = await aUser(t, 'storekeeper');
    supplierId = (await aSupplier(t, admin)).id;
    customerId = (await aCustomer(t, admin, { name: 'Иван Иванов', kind: 'person' })).id;
    main = (await aWarehouse(t, keeper, { code: 'QMAIN' })).id;
    const model = await aModel(t, admin);
    modelId = model.id;
    // Labour: 60 min at 60.00 €/h; on this model 90 min (the catalogue's override) → 90.00 €.
    labour = await aService(t, admin, {
      normMinutes: 60,
      pricing: 'hourly',
      priceCents: 6000,
      vatRateBp: 2000,
    });
    await json(
      admin,
      'POST',
      `/api/v1/service-types/${labour.id}/overrides`,
      { brandId: model.brandId, modelId, normMinutes: 90 },
      201,
    );
  });

  describe('the lifecycle', () => {
    it('the table: every move not listed is refused, and the final statuses have none', () => {
      const allowed = QUOTE_STATUSES.flatMap((from) =>
        QUOTE_STATUSES.filter((to) => canTransition(QUOTE_LIFECYCLE, from, to)).map((to) => `${from}→${to}`),
      );
      expect(allowed.sort()).toEqual(
        [
          'draft→sent',
          'sent→draft',
          'sent→accepted',
          'sent→rejected',
          'sent→expired',
          'accepted→converted',
          'expired→draft',
        ].sort(),
      );
    });

    it('through the API: each allowed move answers the new status; each refused one 409 with nothing written', async () => {
      const p = await part();
      // A quote in each status, reached through the API.
      const at = async (status: string) => {
        const q = await newQuote();
        await addLine(q.id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
        const path: Record<string, string[]> = {
          draft: [],
          sent: ['sent'],
          accepted: ['sent', 'accepted'],
          rejected: ['sent', 'rejected'],
          expired: ['sent', 'expired'],
        };
        for (const to of path[status] ?? []) await move(q.id, to);
        return q.id as string;
      };
      const targets = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
      for (const from of ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const)
        for (const to of targets) {
          const id = await at(from);
          if (canTransition(QUOTE_LIFECYCLE, from, to)) expect((await move(id, to)).status).toBe(to);
          else
            await refused(
              'POST',
              `/api/v1/repair-quotes/${id}/status`,
              { to },
              {
                status: 409,
                code: from === 'expired' && to === 'accepted' ? 'quote_expired' : 'quote_invalid_transition',
              },
            );
        }
      // converted only through convert, and only once.
      const accepted = await at('accepted');
      await refused(
        'POST',
        `/api/v1/repair-quotes/${accepted}/status`,
        { to: 'converted' },
        {
          status: 400,
          code: 'invalid_value',
        },
      );
      const draft = await at('draft');
      await refused('POST', `/api/v1/repair-quotes/${draft}/convert`, undefined, {
        status: 409,
        code: 'quote_not_accepted',
      });
    });

    it('a sent quote past its validity date reads as expired (list filter too), cannot be accepted, and is revised back to draft', async () => {
      const p = await part();
      const q = await newQuote();
      await addLine(q.id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      await move(q.id, 'sent');
      // The date passes: written straight into the row, as time would.
      await t.db
        .updateTable('repair_quote')
        .set({ valid_until: addDays(todayDate(), -1) })
        .where('id', '=', q.id)
        .execute();
      const read = await json(desk, 'GET', `/api/v1/repair-quotes/${q.id}`);
      expect(read).toMatchObject({ status: 'expired', nextStatuses: ['draft'] });
      const expired = await json(desk, 'GET', '/api/v1/repair-quotes?status=expired&pageSize=200');
      expect(expired.items.map((i: Json) => i.id)).toContain(q.id);
      const sent = await json(desk, 'GET', '/api/v1/repair-quotes?status=sent&pageSize=200');
      expect(sent.items.map((i: Json) => i.id)).not.toContain(q.id);
      await refused(
        'POST',
        `/api/v1/repair-quotes/${q.id}/status`,
        { to: 'accepted' },
        {
          status: 409,
          code: 'quote_expired',
        },
      );
      expect((await move(q.id, 'draft')).status).toBe('draft');
      await refused(
        'POST',
        `/api/v1/repair-quotes/${q.id}/status`,
        { to: 'sent' },
        {
          status: 400,
          code: 'valid_until_past',
          field: 'validUntil',
        },
      );
      await json(desk, 'PATCH', `/api/v1/repair-quotes/${q.id}`, { validUntil: addDays(todayDate(), 7) });
      expect((await move(q.id, 'sent')).status).toBe('sent');
    });
  });

  describe('lines and totals', () => {
    it('prices parts and labour from the catalogues (labour by the model override) and totals by hand', async () => {
      const p = await part({ salePriceCents: 4590, vatRateBp: 2000 });
      const q = await newQuote({ validUntil: addDays(todayDate(), 30), customerNotes: 'Цените са с ДДС' });
      expect(q).toMatchObject({ status: 'draft', editable: true, fromOrder: false, orderId: null });
      expect(q.number).toMatch(/^\d+$/);
      const a = await addLine(q.id, {
        kind: 'part',
        partId: p.id,
        warehouseId: main,
        quantityMilli: 2000,
        discountBp: 1000,
      });
      expect(a.lines[0]).toMatchObject({
        unitPriceCents: 4590,
        listPriceCents: 4590,
        vatRateBp: 2000,
        description: p.nameBg,
        netCents: 8262, // 2 × 45.90 × 0.9 = 82.62
      });
      const b = await addLine(q.id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000 });
      expect(b.lines[1]).toMatchObject({ normMinutes: 90, unitPriceCents: 9000, netCents: 9000 });
      const c = await addLine(q.id, {
        kind: 'charge',
        description: 'Транспорт',
        quantityMilli: 1500,
        unitPriceCents: 1500,
        discountBp: 3333,
        vatRateBp: 900,
      });
      // 1.5 × 15.00 × (1 − 0.3333) = 15.00075 → 15.00 (one rounding)
      expect(c.lines[2]).toMatchObject({ netCents: 1500 });
      // 20 %: 82.62 + 90.00 = 172.62 → VAT 34.52; 9 %: 15.00 → VAT 1.35.
      expect(c.vatByRate).toEqual([
        { vatRateBp: 2000, vatExempt: false, baseCents: 17262, vatCents: 3452 },
        { vatRateBp: 900, vatExempt: false, baseCents: 1500, vatCents: 135 },
      ]);
      expect(c.totals).toMatchObject({
        netCents: 18762,
        vatCents: 3587,
        totalCents: 22349,
        partsNetCents: 8262,
        labourNetCents: 9000,
        chargesNetCents: 1500,
      });
      const list = await json(desk, 'GET', `/api/v1/repair-quotes?q=${encodeURIComponent(q.number)}`);
      expect(list.items).toEqual([expect.objectContaining({ id: q.id, totalCents: 22349 })]);
      // A price other than the catalogue's needs a reason.
      await refused(
        'POST',
        `/api/v1/repair-quotes/${q.id}/lines`,
        { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000, unitPriceCents: 5000 },
        { status: 400, code: 'price_override_reason_required', field: 'priceOverrideReason' },
      );
      const patched = await json(desk, 'PATCH', `/api/v1/repair-quotes/${q.id}/lines/${b.lineId}`, {
        unitPriceCents: 8000,
        priceOverrideReason: 'Редовен клиент',
      });
      expect(patched.lines[1]).toMatchObject({ unitPriceCents: 8000, listPriceCents: 9000, netCents: 8000 });
      const removed = await json(desk, 'DELETE', `/api/v1/repair-quotes/${q.id}/lines/${c.lineId}`);
      expect(removed.lines).toHaveLength(2);
    });

    it('bad input: zero or negative quantity, a part without warehouse, lines on a sent quote — refused, nothing written', async () => {
      const p = await part();
      const q = await newQuote();
      const url = `/api/v1/repair-quotes/${q.id}/lines`;
      await refused(
        'POST',
        url,
        { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 0 },
        {
          status: 400,
          code: 'too_small',
          field: 'quantityMilli',
        },
      );
      await refused(
        'POST',
        url,
        { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: -1000 },
        {
          status: 400,
          code: 'too_small',
          field: 'quantityMilli',
        },
      );
      await refused(
        'POST',
        url,
        { kind: 'part', partId: p.id, quantityMilli: 1000 },
        {
          status: 400,
          code: 'required',
          field: 'warehouseId',
        },
      );
      await refused(
        'POST',
        `/api/v1/repair-quotes/${q.id}/status`,
        { to: 'sent' },
        {
          status: 409,
          code: 'quote_empty',
        },
      );
      const a = await addLine(q.id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      await refused(
        'PATCH',
        `${url}/${a.lineId}`,
        { quantityMilli: 0 },
        {
          status: 400,
          code: 'too_small',
          field: 'quantityMilli',
        },
      );
      await move(q.id, 'sent');
      await refused(
        'POST',
        url,
        { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 },
        {
          status: 409,
          code: 'quote_not_draft',
        },
      );
      await refused(
        'PATCH',
        `${url}/${a.lineId}`,
        { quantityMilli: 3000 },
        { status: 409, code: 'quote_not_draft' },
      );
      await refused('DELETE', `${url}/${a.lineId}`, undefined, { status: 409, code: 'quote_not_draft' });
      await refused(
        'PATCH',
        `/api/v1/repair-quotes/${q.id}`,
        { complaint: 'Друго' },
        {
          status: 409,
          code: 'quote_not_draft',
        },
      );
      // Sent → draft: revised, its lines change again.
      await move(q.id, 'draft');
      const revised = await json(desk, 'PATCH', `${url}/${a.lineId}`, { quantityMilli: 3000 });
      expect(revised.lines[0].quantityMilli).toBe(3000);
    });

    it('a customer is required, and must be a customer', async () => {
      const it = await item();
      await refused(
        'POST',
        '/api/v1/repair-quotes',
        { itemId: it.id, complaint: 'x' },
        {
          status: 400,
          code: 'required',
          field: 'partyId',
        },
      );
      const supplier = await aSupplier(t, admin);
      await refused(
        'POST',
        '/api/v1/repair-quotes',
        { partyId: supplier.id, itemId: it.id, complaint: 'x' },
        {
          status: 400,
          code: 'not_a_customer',
          field: 'partyId',
        },
      );
    });
    it('for an item not yet registered: serial and model create it for the customer; the same serial again reuses it', async () => {
      const serial = `NEW-${Date.now()}`;
      const first = await json(
        desk,
        'POST',
        '/api/v1/repair-quotes',
        {
          partyId: customerId,
          serialNumber: serial,
          modelId,
          purchaseDate: '2025-03-01',
          complaint: 'Не центрофугира',
        },
        201,
      );
      const created = await json(admin, 'GET', `/api/v1/items/${first.itemId}`, undefined, 200);
      expect(created).toMatchObject({
        serialNumber: serial,
        modelId,
        partyId: customerId,
        purchaseDate: '2025-03-01',
      });
      const second = await json(
        desk,
        'POST',
        '/api/v1/repair-quotes',
        { partyId: customerId, serialNumber: ` ${serial} `, modelId, complaint: 'Пак' },
        201,
      );
      expect(second.itemId).toBe(first.itemId);
      // A serial without its model, an unknown model, or a supplier as the customer: refused, no item written.
      await refused(
        'POST',
        '/api/v1/repair-quotes',
        { partyId: customerId, serialNumber: 'X-1', complaint: 'x' },
        {
          status: 400,
          code: 'item_required',
          field: 'itemId',
        },
      );
      const supplier = await aSupplier(t, admin);
      await refused(
        'POST',
        '/api/v1/repair-quotes',
        { partyId: supplier.id, serialNumber: 'X-2', modelId, complaint: 'x' },
        { status: 400, code: 'not_a_customer', field: 'partyId' },
      );
      await refused(
        'POST',
        '/api/v1/repair-quotes',
        { partyId: customerId, serialNumber: 'X-3', modelId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', complaint: 'x' },
        { status: 400, code: 'unknown_model', field: 'modelId' },
      );
    });
  });

  describe('convert', () => {
    it('a serial-tracked part of 2 units on the quote becomes 2 order lines of one unit, one serial each', async () => {
      const board = await part({ serialTracked: true }, 5000);
      const q = await newQuote();
      await addLine(q.id, { kind: 'part', partId: board.id, warehouseId: main, quantityMilli: 2000 });
      await move(q.id, 'sent');
      await move(q.id, 'accepted');
      const c = await json(desk, 'POST', `/api/v1/repair-quotes/${q.id}/convert`);
      const order = await json(desk, 'GET', `/api/v1/service-orders/${c.orderId}`);
      expect(order.lines.map((l: Json) => [l.partId, l.quantityMilli, l.reservationState])).toEqual([
        [board.id, 1000, 'reserved'],
        [board.id, 1000, 'reserved'],
      ]);
    });

    it('an accepted quote becomes a new service order carrying its lines (the part reserved); a second convert is 409', async () => {
      const p = await part({}, 5000);
      const q = await newQuote();
      await addLine(q.id, {
        kind: 'part',
        partId: p.id,
        warehouseId: main,
        quantityMilli: 2000,
        discountBp: 1000,
      });
      await addLine(q.id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000 });
      await move(q.id, 'sent');
      await move(q.id, 'accepted');
      const c = await json(desk, 'POST', `/api/v1/repair-quotes/${q.id}/convert`);
      expect(c).toMatchObject({ status: 'converted', orderCreated: true, nextStatuses: [] });
      expect(c.orderId).toBeTruthy();
      const order = await json(desk, 'GET', `/api/v1/service-orders/${c.orderId}`);
      expect(order).toMatchObject({
        status: 'received',
        partyId: customerId,
        itemId: q.itemId,
        complaint: 'Тече вода',
      });
      expect(order.lines).toEqual([
        expect.objectContaining({
          kind: 'part',
          partId: p.id,
          quantityMilli: 2000,
          unitPriceCents: 4590,
          discountBp: 1000,
          netCents: 8262,
          reservationState: 'reserved',
        }),
        expect.objectContaining({ kind: 'labour', normMinutes: 90, unitPriceCents: 9000, netCents: 9000 }),
      ]);
      expect(order.totals.netCents).toBe(c.totals.netCents);
      expect(await level(p.id)).toMatchObject({ onHandMilli: 5000, reservedMilli: 2000 });
      // The order shows its quote.
      const ofOrder = await json(desk, 'GET', `/api/v1/repair-quotes?orderId=${c.orderId}`);
      expect(ofOrder.items).toEqual([expect.objectContaining({ id: q.id, orderNumber: order.number })]);
      await refused('POST', `/api/v1/repair-quotes/${q.id}/convert`, undefined, {
        status: 409,
        code: 'quote_already_converted',
      });
    });

    it('from an order in diagnosis: sending moves it to awaiting approval; converting adds the lines to it and moves it to in repair', async () => {
      const p = await part({}, 5000);
      const orderId = await orderInDiagnosis();
      const q = await json(desk, 'POST', '/api/v1/repair-quotes/from-order', { orderId }, 201);
      expect(q).toMatchObject({ fromOrder: true, orderId, partyId: customerId, complaint: 'Не загрява' });
      await refused(
        'POST',
        '/api/v1/repair-quotes/from-order',
        { orderId },
        {
          status: 409,
          code: 'quote_open_exists',
          field: 'orderId',
        },
      );
      await addLine(q.id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      await addLine(q.id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000 });
      await move(q.id, 'sent');
      expect((await json(desk, 'GET', `/api/v1/service-orders/${orderId}`)).status).toBe('awaiting_approval');
      await move(q.id, 'accepted');
      const c = await json(desk, 'POST', `/api/v1/repair-quotes/${q.id}/convert`);
      expect(c).toMatchObject({ status: 'converted', orderCreated: false, orderId });
      const order = await json(desk, 'GET', `/api/v1/service-orders/${orderId}`);
      expect(order.status).toBe('in_repair');
      expect(order.lines.map((l: Json) => [l.kind, l.quantityMilli, l.reservationState])).toEqual([
        ['part', 1000, 'reserved'],
        ['labour', 1000, 'none'],
      ]);
      // The order's timeline tells the quote's steps, and why the order moved (oldest first here).
      const timeline = await json(desk, 'GET', `/api/v1/service-orders/${orderId}/timeline`);
      const events = (Array.isArray(timeline) ? timeline : timeline.items).slice().reverse() as Json[];
      expect(
        events.filter((e) => e.kind === 'quote').map((e) => [e.details.action, e.details.quoteNumber]),
      ).toEqual([
        ['created', q.number],
        ['sent', q.number],
        ['accepted', q.number],
        ['converted', q.number],
      ]);
      expect(
        events
          .filter((e) => e.kind === 'status' && e.details?.cause)
          .map((e) => [e.toStatus, e.details.cause, e.details.quoteNumber]),
      ).toEqual([
        ['awaiting_approval', 'quote_sent', q.number],
        ['in_repair', 'quote_converted', q.number],
      ]);
      // Converted: no longer open, a new quote may be made (once the order is back in diagnosis it would be).
      await refused(
        'POST',
        '/api/v1/repair-quotes/from-order',
        { orderId },
        {
          status: 409,
          code: 'order_not_in_diagnosis',
          field: 'orderId',
        },
      );
    });

    it('from an order: a part that waits for stock sends the order to awaiting parts', async () => {
      const none = await part({}, 0);
      const orderId = await orderInDiagnosis();
      const q = await json(desk, 'POST', '/api/v1/repair-quotes/from-order', { orderId }, 201);
      await addLine(q.id, { kind: 'part', partId: none.id, warehouseId: main, quantityMilli: 1000 });
      await move(q.id, 'sent');
      await move(q.id, 'accepted');
      await json(desk, 'POST', `/api/v1/repair-quotes/${q.id}/convert`);
      const order = await json(desk, 'GET', `/api/v1/service-orders/${orderId}`);
      expect(order.status).toBe('awaiting_parts');
      expect(order.lines[0]).toMatchObject({ reservationState: 'waiting' });
    });

    it('a rejected quote leaves its order in awaiting approval, without the quote’s lines', async () => {
      const p = await part();
      const orderId = await orderInDiagnosis();
      const q = await json(desk, 'POST', '/api/v1/repair-quotes/from-order', { orderId }, 201);
      await addLine(q.id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      await move(q.id, 'sent');
      await move(q.id, 'rejected');
      const order = await json(desk, 'GET', `/api/v1/service-orders/${orderId}`);
      expect(order).toMatchObject({ status: 'awaiting_approval', lines: [] });
    });

    it('from an order not in diagnosis: 409, nothing written', async () => {
      const it = await item();
      const o = await json(
        desk,
        'POST',
        '/api/v1/service-orders',
        { partyId: customerId, itemId: it.id, complaint: 'x' },
        201,
      );
      await refused(
        'POST',
        '/api/v1/repair-quotes/from-order',
        { orderId: o.id },
        {
          status: 409,
          code: 'order_not_in_diagnosis',
          field: 'orderId',
        },
      );
    });
  });

  describe('the PDF', () => {
    it('prints the quote in Bulgarian and English with its lines and totals', async () => {
      const p = await part({ nameBg: 'Помпа за източване' });
      const q = await newQuote();
      await addLine(q.id, {
        kind: 'part',
        partId: p.id,
        warehouseId: main,
        quantityMilli: 2000,
        discountBp: 1000,
      });
      await addLine(q.id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000 });
      const bg = await t.request(desk, 'GET', `/api/v1/repair-quotes/${q.id}/pdf`);
      expect(bg.statusCode).toBe(200);
      expect(bg.headers['content-type']).toContain('application/pdf');
      const bgText = await pdfText(bg.rawPayload);
      expect(bgText).toContain('ОФЕРТА ЗА РЕМОНТ');
      expect(bgText).toContain(q.number);
      expect(bgText).toContain('Помпа за източване');
      expect(bgText).toContain('Иван Иванов');
      expect(bgText).toContain('Валидна до');
      // 82.62 + 90.00 = 172.62; VAT 34.52; total 207.14
      expect(bgText).toMatch(/207,14/);
      const en = await t.request(desk, 'GET', `/api/v1/repair-quotes/${q.id}/pdf?language=en`);
      const enText = await pdfText(en.rawPayload);
      expect(enText).toContain('REPAIR QUOTE');
      expect(enText).toContain('Total due');
      expect(enText).toMatch(/207[.,]14/);
    });
  });
});
