import { beforeAll, describe, expect, it } from 'vitest';
import {
  aCustomer,
  aModel,
  anItem,
  aPart,
  aPostedReceipt,
  aService,
  aSupplier,
  aTechnician,
  aUser,
  aVan,
  aWarehouse,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { addDays, addMonths, todayDate } from '../../kernel/calendar';
import { checkLevels } from '../stock';

describe.each(DIALECTS)('service order lines and finishing on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let keeper: Session;
  let supplierId: string;
  let customerId: string;
  let main: string;
  let returns: string;
  let modelId: string;
  let brandId: string;
  let leadId: string;
  let van: string;
  let otherVan: string;
  let labour: Json;
  let diagnostic: Json;

  const { json, refused } = requests(t, () => desk);

  const part = async (overrides: Json = {}, stockMilli = 10_000, unitCostCents = 2000) => {
    const p = await aPart(t, admin, { salePriceCents: 4590, typicalCostCents: 2000, ...overrides });
    if (stockMilli > 0)
      await aPostedReceipt(t, keeper, {
        warehouseId: main,
        supplierId,
        lines: [{ partId: p.id, quantityMilli: stockMilli, unitCostCents }],
      });
    return p;
  };
  const receive = (partId: string, quantityMilli: number, warehouseId = main) =>
    aPostedReceipt(t, keeper, {
      warehouseId,
      supplierId,
      lines: [{ partId, quantityMilli, unitCostCents: 2000 }],
    });
  const level = async (partId: string, warehouseId = main) => {
    const page = await json(
      keeper,
      'GET',
      `/api/v1/stock/levels?partId=${partId}&warehouseId=${warehouseId}&includeEmpty=true`,
    );
    return (page.items[0] ?? { onHandMilli: 0, reservedMilli: 0 }) as {
      onHandMilli: number;
      reservedMilli: number;
    };
  };
  const activeReservations = async (orderId: string) =>
    (
      await json(
        keeper,
        'GET',
        `/api/v1/stock/reservations?sourceType=service_order&sourceId=${orderId}&status=active`,
      )
    ).items as Json[];

  /** An item bought long ago (out of the manufacturer's warranty), or as given. */
  const item = (overrides: Json = {}) =>
    anItem(t, admin, {
      modelId,
      partyId: customerId,
      purchaseDate: '2020-01-10',
      warrantyMonths: 24,
      ...overrides,
    });
  const order = async (
    status: 'received' | 'diagnosing' | 'in_repair' = 'diagnosing',
    itemOverrides: Json = {},
  ) => {
    const it = await item(itemOverrides);
    const o = await json(
      desk,
      'POST',
      '/api/v1/service-orders',
      { partyId: customerId, itemId: it.id, complaint: 'Не центрофугира', technicianId: leadId },
      201,
    );
    if (status !== 'received') await moveTo(o.id, 'diagnosing');
    if (status === 'in_repair') await moveTo(o.id, 'in_repair');
    return o.id as string;
  };
  const moveTo = (id: string, to: string, extra: Json = {}) =>
    json(desk, 'POST', `/api/v1/service-orders/${id}/status`, { to, ...extra });
  const addLine = (id: string, body: Json, status = 201) =>
    json(desk, 'POST', `/api/v1/service-orders/${id}/lines`, body, status);
  const lineOf = (o: Json, lineId: string) => o.lines.find((l: Json) => l.id === lineId) as Json;
  const getOrder = (id: string) => json(desk, 'GET', `/api/v1/service-orders/${id}`);

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
    customerId = (await aCustomer(t, admin, { name: 'Мария Петрова', kind: 'person' })).id;
    main = (await aWarehouse(t, keeper, { code: 'MAIN' })).id;
    returns = (await aWarehouse(t, keeper, { code: 'RET' })).id;
    const model = await aModel(t, admin);
    modelId = model.id;
    brandId = model.brandId;
    const lead = await aTechnician(t, admin, { name: 'Георги Техников' });
    leadId = lead.id;
    van = (await aVan(t, keeper, { technicianId: leadId })).id;
    otherVan = (await aVan(t, admin)).id;
    // Labour: 60 min at 60.00 €/h; on this model 90 min (model override) → 90.00 €.
    labour = await aService(t, admin, { normMinutes: 60, pricing: 'hourly', priceCents: 6000 });
    await json(
      admin,
      'POST',
      `/api/v1/service-types/${labour.id}/overrides`,
      { brandId, modelId, normMinutes: 90 },
      201,
    );
    diagnostic = await aService(t, admin, { normMinutes: 30, pricing: 'fixed', priceCents: 2500 });
  });

  describe('part lines and reservations', () => {
    it('a part line takes the catalogue price and VAT and reserves its quantity in the warehouse', async () => {
      const p = await part({ vatRateBp: 2000 });
      const id = await order();
      const o = await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 2000 });
      const l = lineOf(o, o.lineId);
      expect(l).toMatchObject({
        kind: 'part',
        partId: p.id,
        description: p.nameBg,
        unitPriceCents: 4590,
        listPriceCents: 4590,
        vatRateBp: 2000,
        payer: 'customer',
        reservationState: 'reserved',
        reservedMilli: 2000,
        netCents: 9180,
      });
      expect(o.status).toBe('diagnosing');
      expect(await level(p.id)).toMatchObject({ onHandMilli: 10_000, reservedMilli: 2000 });
      const [r] = await activeReservations(id);
      expect(r).toMatchObject({ partId: p.id, quantityMilli: 2000, sourceLineId: o.lineId });
    });

    it('what is not in stock waits: partly reserved, or waiting; an order in diagnosis goes to awaiting_parts', async () => {
      const scarce = await part({}, 3000);
      const none = await part({}, 0);
      const id = await order();
      const a = await addLine(id, {
        kind: 'part',
        partId: scarce.id,
        warehouseId: main,
        quantityMilli: 5000,
      });
      expect(lineOf(a, a.lineId)).toMatchObject({ reservationState: 'partly', reservedMilli: 3000 });
      expect(a.status).toBe('awaiting_parts');
      const b = await addLine(id, { kind: 'part', partId: none.id, warehouseId: main, quantityMilli: 1000 });
      expect(lineOf(b, b.lineId)).toMatchObject({ reservationState: 'waiting', reservedMilli: 0 });
      expect(await level(scarce.id)).toMatchObject({ onHandMilli: 3000, reservedMilli: 3000 });
      const timeline = await json(desk, 'GET', `/api/v1/service-orders/${id}/timeline`);
      expect(timeline.map((e: Json) => e.kind)).toEqual(expect.arrayContaining(['line_added', 'status']));
    });

    it('a new quantity holds the stock again; removing the line releases it', async () => {
      const p = await part({}, 4000);
      const id = await order();
      const o = await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      const url = `/api/v1/service-orders/${id}/lines/${o.lineId}`;
      const up = await json(desk, 'PATCH', url, { quantityMilli: 3000 });
      expect(lineOf(up, o.lineId)).toMatchObject({
        quantityMilli: 3000,
        reservedMilli: 3000,
        reservationState: 'reserved',
      });
      expect(await level(p.id)).toMatchObject({ reservedMilli: 3000 });
      expect(await activeReservations(id)).toHaveLength(1);
      const down = await json(desk, 'PATCH', url, { quantityMilli: 2000 });
      expect(lineOf(down, o.lineId)).toMatchObject({ reservedMilli: 2000 });
      expect(await level(p.id)).toMatchObject({ reservedMilli: 2000 });
      const gone = await json(desk, 'DELETE', url);
      expect(gone.lines).toEqual([]);
      expect(await level(p.id)).toMatchObject({ onHandMilli: 4000, reservedMilli: 0 });
      expect(await activeReservations(id)).toEqual([]);
    });

    it('a cancelled order taken back holds its parts again: what is free is reserved, the rest waits', async () => {
      const p = await part({}, 3000);
      const id = await order();
      const o = await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 2000 });
      const status = `/api/v1/service-orders/${id}/status`;
      await json(desk, 'POST', status, { to: 'cancelled', reason: 'Клиентът се отказа' });
      expect(await level(p.id)).toMatchObject({ reservedMilli: 0 });
      expect(await activeReservations(id)).toEqual([]);
      // Meanwhile another order takes two of the three.
      await addLine(await order(), { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 2000 });
      const back = await json(desk, 'POST', status, { to: 'received' });
      expect(back.status).toBe('received');
      expect(lineOf(back, o.lineId)).toMatchObject({ reservedMilli: 1000, reservationState: 'partly' });
      expect(await level(p.id)).toMatchObject({ onHandMilli: 3000, reservedMilli: 3000 });
      expect(await activeReservations(id)).toHaveLength(1);
    });

    it('the lead technician’s van may supply a part; another technician’s van may not', async () => {
      const p = await part({}, 0);
      await aPostedReceipt(t, keeper, {
        warehouseId: van,
        supplierId,
        lines: [{ partId: p.id, quantityMilli: 2000, unitCostCents: 100 }],
      });
      const id = await order();
      const o = await addLine(id, { kind: 'part', partId: p.id, warehouseId: van, quantityMilli: 1000 });
      expect(lineOf(o, o.lineId)).toMatchObject({ warehouseId: van, reservationState: 'reserved' });
      await refused(
        'POST',
        `/api/v1/service-orders/${id}/lines`,
        { kind: 'part', partId: p.id, warehouseId: otherVan, quantityMilli: 1000 },
        { status: 400, code: 'van_not_of_lead_technician', field: 'warehouseId' },
      );
    });

    it('a price other than the catalogue’s needs a reason; the list price stays for the warranty claim', async () => {
      const p = await part();
      const id = await order();
      await refused(
        'POST',
        `/api/v1/service-orders/${id}/lines`,
        { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000, unitPriceCents: 3990 },
        { status: 400, code: 'price_override_reason_required', field: 'priceOverrideReason' },
      );
      const o = await addLine(id, {
        kind: 'part',
        partId: p.id,
        warehouseId: main,
        quantityMilli: 1000,
        unitPriceCents: 3990,
        priceOverrideReason: 'Редовен клиент',
      });
      expect(lineOf(o, o.lineId)).toMatchObject({
        unitPriceCents: 3990,
        listPriceCents: 4590,
        priceOverrideReason: 'Редовен клиент',
      });
    });
  });

  describe('labour and charges', () => {
    it('labour takes the norm time and price for the item’s model and the lead technician; shares must sum to 100 %', async () => {
      const id = await order();
      const o = await addLine(id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000 });
      expect(lineOf(o, o.lineId)).toMatchObject({
        kind: 'labour',
        serviceTypeId: labour.id,
        normMinutes: 90,
        unitPriceCents: 9000,
        listPriceCents: 9000,
        reservationState: 'none',
        technicians: [{ technicianId: leadId, name: 'Георги Техников', shareBp: 10_000 }],
      });
      const helper = await aTechnician(t, admin);
      const url = `/api/v1/service-orders/${id}/lines/${o.lineId}`;
      await refused(
        'PATCH',
        url,
        {
          technicians: [
            { technicianId: leadId, shareBp: 6000 },
            { technicianId: helper.id, shareBp: 3000 },
          ],
        },
        { status: 400, code: 'shares_not_100', field: 'technicians' },
      );
      const shared = await json(desk, 'PATCH', url, {
        actualMinutes: 75,
        technicians: [
          { technicianId: leadId, shareBp: 6000 },
          { technicianId: helper.id, shareBp: 4000 },
        ],
      });
      expect(lineOf(shared, o.lineId)).toMatchObject({ actualMinutes: 75 });
      expect(lineOf(shared, o.lineId).technicians.map((x: Json) => x.shareBp)).toEqual([6000, 4000]);
      await refused(
        'PATCH',
        url,
        { normMinutes: 120 },
        { status: 400, code: 'price_override_reason_required', field: 'priceOverrideReason' },
      );
      const longer = await json(desk, 'PATCH', url, {
        normMinutes: 120,
        unitPriceCents: 12_000,
        priceOverrideReason: 'Ръждясали болтове',
      });
      expect(lineOf(longer, o.lineId)).toMatchObject({
        normMinutes: 120,
        unitPriceCents: 12_000,
        listPriceCents: 9000,
      });
    });

    it('line totals, discounts and VAT per rate equal the figures computed by hand', async () => {
      const p = await part({ salePriceCents: 4590, vatRateBp: 2000 });
      const id = await order();
      // 2 × 45.90 € − 10 % = 82.62 €
      await addLine(id, {
        kind: 'part',
        partId: p.id,
        warehouseId: main,
        quantityMilli: 2000,
        discountBp: 1000,
      });
      // Labour 90 min on this model = 90.00 €, − 5 % = 85.50 €
      await addLine(id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000, discountBp: 500 });
      // Transport 2.5 km × 1.01 € at 9 % = 2.525 → 2.53 €
      await addLine(id, {
        kind: 'charge',
        description: 'Транспорт',
        quantityMilli: 2500,
        unitPriceCents: 101,
        vatRateBp: 900,
      });
      const o = await getOrder(id);
      expect(o.lines.map((l: Json) => l.netCents)).toEqual([8262, 8550, 253]);
      // 20 %: 82.62 + 85.50 = 168.12 €, VAT 33.624 → 33.62 €; 9 %: 2.53 €, VAT 0.2277 → 0.23 €
      expect(o.vatByRate).toEqual([
        { vatRateBp: 2000, vatExempt: false, baseCents: 16_812, vatCents: 3362 },
        { vatRateBp: 900, vatExempt: false, baseCents: 253, vatCents: 23 },
      ]);
      expect(o.totals).toMatchObject({ netCents: 17_065, vatCents: 3385, totalCents: 20_450 });
    });
  });

  describe('payer', () => {
    it('an item under the manufacturer’s warranty: its lines go to the manufacturer; an override needs a reason and is audited', async () => {
      const p = await part();
      const id = await order('diagnosing', { purchaseDate: addMonths(todayDate(), -3), warrantyMonths: 24 });
      const o = await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      expect(lineOf(o, o.lineId)).toMatchObject({
        payer: 'manufacturer_warranty',
        netCents: 4590,
        customerNetCents: 0,
      });
      expect(o.totals).toMatchObject({ netCents: 0, totalCents: 0, warrantyNetCents: 4590 });
      const url = `/api/v1/service-orders/${id}/lines/${o.lineId}`;
      await refused(
        'PATCH',
        url,
        { payer: 'customer' },
        { status: 400, code: 'payer_reason_required', field: 'payerReason' },
      );
      const paid = await json(desk, 'PATCH', url, {
        payer: 'customer',
        payerReason: 'Следи от удар: извън гаранцията',
      });
      expect(lineOf(paid, o.lineId)).toMatchObject({
        payer: 'customer',
        payerReason: 'Следи от удар: извън гаранцията',
        customerNetCents: 4590,
      });
      const timeline = await json(desk, 'GET', `/api/v1/service-orders/${id}/timeline`);
      expect(timeline.find((e: Json) => e.kind === 'payer_override')?.details).toMatchObject({
        from: 'manufacturer_warranty',
        to: 'customer',
        reason: 'Следи от удар: извън гаранцията',
      });
      const audit = await json(admin, 'GET', `/api/v1/audit?entity=service_order&entityId=${id}`);
      expect(audit.items.map((a: Json) => a.action)).toContain('service_order.payer_override');
    });
  });

  describe('warranty decision', () => {
    it('the manufacturer’s warranty is judged on the intake date: covered on its last day, not one day after', async () => {
      const p = await part();
      const lastDay = await order('diagnosing', {
        purchaseDate: null,
        warrantyMonths: null,
        warrantyEnd: todayDate(),
      });
      const a = await addLine(lastDay, {
        kind: 'part',
        partId: p.id,
        warehouseId: main,
        quantityMilli: 1000,
      });
      expect(lineOf(a, a.lineId).payer).toBe('manufacturer_warranty');
      const dayOut = await order('diagnosing', {
        purchaseDate: null,
        warrantyMonths: null,
        warrantyEnd: addDays(todayDate(), -1),
      });
      const b = await addLine(dayOut, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      expect(lineOf(b, b.lineId).payer).toBe('customer');
    });
  });

  describe('bad input writes nothing', () => {
    it('zero or negative quantities, a wrong kind’s field, an unknown part', async () => {
      const p = await part();
      const id = await order();
      const url = `/api/v1/service-orders/${id}/lines`;
      for (const quantityMilli of [0, -1000])
        await refused(
          'POST',
          url,
          { kind: 'part', partId: p.id, warehouseId: main, quantityMilli },
          { status: 400, code: 'too_small', field: 'quantityMilli' },
        );
      await refused(
        'POST',
        url,
        { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000, normMinutes: 30 },
        { status: 400, code: 'not_for_line_kind', field: 'normMinutes' },
      );
      await refused(
        'POST',
        url,
        { kind: 'part', partId: labour.id, warehouseId: main, quantityMilli: 1000 },
        { status: 400, code: 'unknown_part', field: 'partId' },
      );
      await refused(
        'POST',
        url,
        { kind: 'charge', quantityMilli: 1000, unitPriceCents: 100 },
        { status: 400, code: 'required', field: 'description' },
      );
    });

    it('a used quantity only in repair, never above what the line holds plus the free stock', async () => {
      const p = await part({}, 3000);
      const id = await order();
      const o = await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 2000 });
      const url = `/api/v1/service-orders/${id}/lines/${o.lineId}`;
      await refused(
        'PATCH',
        url,
        { usedQuantityMilli: 1000 },
        { status: 409, code: 'used_quantity_not_in_repair', field: 'usedQuantityMilli' },
      );
      await moveTo(id, 'in_repair');
      const problem = await refused(
        'PATCH',
        url,
        { usedQuantityMilli: 4000 },
        { status: 409, code: 'insufficient_stock', field: 'usedQuantityMilli' },
      );
      expect(problem).toMatchObject({ requestedMilli: 4000, availableMilli: 3000, shortfallMilli: 1000 });
      const used = await json(desk, 'PATCH', url, { usedQuantityMilli: 3000 });
      expect(lineOf(used, o.lineId)).toMatchObject({
        usedQuantityMilli: 3000,
        reservedMilli: 3000,
        reservationState: 'reserved',
      });
    });

    it('lines of a finished order no longer change: 409 order_lines_locked', async () => {
      const p = await part();
      const id = await order('in_repair');
      const o = await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      await moveTo(id, 'ready');
      const url = `/api/v1/service-orders/${id}/lines`;
      await refused(
        'POST',
        url,
        { kind: 'charge', description: 'Транспорт', quantityMilli: 1000, unitPriceCents: 500 },
        { status: 409, code: 'order_lines_locked' },
      );
      await refused(
        'PATCH',
        `${url}/${o.lineId}`,
        { quantityMilli: 2000 },
        { status: 409, code: 'order_lines_locked' },
      );
      await refused('DELETE', `${url}/${o.lineId}`, undefined, { status: 409, code: 'order_lines_locked' });
    });
  });

  describe('finishing', () => {
    it('posts exactly one stock issue of the used parts, releases every reservation, writes the warranty records, takes removed parts into returns at zero cost', async () => {
      const pump = await part({ warrantyMonths: 12 });
      const bearing = await part();
      const board = await part({ serialTracked: true });
      const id = await order('in_repair');
      const a = await addLine(id, {
        kind: 'part',
        partId: pump.id,
        warehouseId: main,
        quantityMilli: 2000,
        removedSerial: 'OLD-PUMP-1',
        removedDisposition: 'to_warehouse',
        removedWarehouseId: returns,
      });
      const b = await addLine(id, {
        kind: 'part',
        partId: bearing.id,
        warehouseId: main,
        quantityMilli: 1000,
      });
      const c = await addLine(id, {
        kind: 'part',
        partId: board.id,
        warehouseId: main,
        quantityMilli: 1000,
        fittedSerial: 'PCB-778899',
      });
      const d = await addLine(id, {
        kind: 'part',
        partId: bearing.id,
        warehouseId: main,
        quantityMilli: 1000,
      });
      await addLine(id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000 });
      const lines = `/api/v1/service-orders/${id}/lines`;
      await json(desk, 'PATCH', `${lines}/${a.lineId}`, { usedQuantityMilli: 1000 });
      await json(desk, 'PATCH', `${lines}/${d.lineId}`, { usedQuantityMilli: 0 });
      expect(await level(bearing.id)).toMatchObject({ reservedMilli: 1000 });

      const done = await moveTo(id, 'ready');
      expect(done.status).toBe('ready');
      // Used below planned warns, in the answer of finishing.
      expect(done.finishWarnings).toMatchObject([
        {
          code: 'used_below_planned',
          lineId: a.lineId,
          plannedMilli: 2000,
          usedMilli: 1000,
          params: { used: '1', planned: '2' },
        },
        { code: 'used_below_planned', lineId: d.lineId, plannedMilli: 1000, usedMilli: 0 },
      ]);
      const issues = done.documents.filter((x: Json) => x.type === 'issue');
      expect(issues).toHaveLength(1);
      expect(done.issueDocumentId).toBe(issues[0].id);
      const issue = await json(keeper, 'GET', `/api/v1/stock/documents/${issues[0].id}`);
      expect(issue).toMatchObject({
        status: 'posted',
        sourceType: 'service_order',
        sourceId: id,
        warehouseId: main,
      });
      expect(issue.lines.map((l: Json) => [l.partId, l.quantityMilli, l.sourceLineId])).toEqual([
        [pump.id, 1000, a.lineId],
        [bearing.id, 1000, b.lineId],
        [board.id, 1000, c.lineId],
      ]);
      // Every reservation of the order is gone: consumed by the issue or released.
      expect(await activeReservations(id)).toEqual([]);
      expect(await level(pump.id)).toMatchObject({ onHandMilli: 9000, reservedMilli: 0 });
      expect(await level(bearing.id)).toMatchObject({ onHandMilli: 9000, reservedMilli: 0 });
      // The old pump is in the returns warehouse at zero cost.
      const receipt = await json(keeper, 'GET', `/api/v1/stock/documents/${done.returnsDocumentId}`);
      expect(receipt).toMatchObject({
        type: 'receipt',
        status: 'posted',
        warehouseId: returns,
        totalValueCents: 0,
      });
      expect(receipt.lines).toMatchObject([
        { partId: pump.id, quantityMilli: 1000, serialNumbers: 'OLD-PUMP-1' },
      ]);
      expect(await level(pump.id, returns)).toMatchObject({ onHandMilli: 1000 });
      // Unit costs of the fitted parts stay on the lines (for the roles that see costs), not for the desk.
      expect(lineOf(done, a.lineId)).not.toHaveProperty('unitCostCents');
      const costed = await json(admin, 'GET', `/api/v1/service-orders/${id}`);
      expect(lineOf(costed, a.lineId).unitCostCents).toBe(2000);
      // One warranty record per fitted part line, one per labour line; the line used 0 has none.
      const today = todayDate();
      const parts = done.warrantyRecords.filter((w: Json) => w.kind === 'part');
      expect(parts.map((w: Json) => [w.lineId, w.months, w.validUntil, w.serial])).toEqual(
        expect.arrayContaining([
          [a.lineId, 12, addMonths(today, 12), null],
          [b.lineId, 6, addMonths(today, 6), null],
          [c.lineId, 6, addMonths(today, 6), 'PCB-778899'],
        ]),
      );
      expect(parts).toHaveLength(3);
      expect(done.warrantyRecords.filter((w: Json) => w.kind === 'labour')).toMatchObject([
        { months: 3, status: 'active' },
      ]);
      // The used-below-planned warning is on the timeline.
      const timeline = await json(desk, 'GET', `/api/v1/service-orders/${id}/timeline`);
      const finished = timeline.find((e: Json) => e.kind === 'finished');
      expect(finished.details.warnings).toMatchObject([
        { code: 'used_below_planned', lineId: a.lineId, plannedMilli: 2000, usedMilli: 1000 },
        { code: 'used_below_planned', lineId: d.lineId, plannedMilli: 1000, usedMilli: 0 },
      ]);
      // The fitted board is found by its serial, and in the item's history.
      const bySerial = await json(desk, 'GET', '/api/v1/warranty-records?serial=PCB-778899');
      expect(bySerial.items).toMatchObject([
        { orderId: id, kind: 'part', partId: board.id, status: 'active' },
      ]);
      const history = await json(desk, 'GET', `/api/v1/items/${done.itemId}/history`);
      expect(history.events.filter((e: Json) => e.source === 'warranty_record')).toHaveLength(3);
      expect((await checkLevels(t.db)).mismatches).toEqual([]);
    });

    it('a serial-tracked part without its serial: 409 serial_required naming the line, nothing written', async () => {
      const board = await part({ serialTracked: true });
      const id = await order('in_repair');
      await addLine(id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000 });
      await addLine(id, { kind: 'part', partId: board.id, warehouseId: main, quantityMilli: 1000 });
      const problem = await refused(
        'POST',
        `/api/v1/service-orders/${id}/status`,
        { to: 'ready' },
        { status: 409, code: 'serial_required', field: 'lines.1.fittedSerial' },
      );
      expect(problem.detail ?? problem.title).toContain(board.nameBg);
    });

    it('a serial-tracked part is one unit a line (one serial each): 2 units or a used 2 refused, nothing written', async () => {
      const board = await part({ serialTracked: true });
      const id = await order('in_repair');
      await refused(
        'POST',
        `/api/v1/service-orders/${id}/lines`,
        { kind: 'part', partId: board.id, warehouseId: main, quantityMilli: 2000 },
        { status: 400, code: 'serial_tracked_one_unit', field: 'quantityMilli' },
      );
      const one = await addLine(id, {
        kind: 'part',
        partId: board.id,
        warehouseId: main,
        quantityMilli: 1000,
      });
      await refused(
        'PATCH',
        `/api/v1/service-orders/${id}/lines/${one.lineId}`,
        { usedQuantityMilli: 2000 },
        { status: 400, code: 'serial_tracked_one_unit', field: 'usedQuantityMilli' },
      );
      // Two units: two lines, each finished with its own serial and warranty record.
      const two = await addLine(id, {
        kind: 'part',
        partId: board.id,
        warehouseId: main,
        quantityMilli: 1000,
      });
      for (const [lineId, serial] of [
        [one.lineId, 'BRD-A1'],
        [two.lineId, 'BRD-A2'],
      ])
        await json(desk, 'PATCH', `/api/v1/service-orders/${id}/lines/${lineId}`, { fittedSerial: serial });
      const done = await json(desk, 'POST', `/api/v1/service-orders/${id}/status`, { to: 'ready' });
      const parts = done.warrantyRecords.filter((w: Json) => w.kind === 'part') as Json[];
      expect(parts.map((w) => w.serial).sort()).toEqual(['BRD-A1', 'BRD-A2']);
    });

    it('a failure half-way (the second warehouse is short) leaves nothing posted', async () => {
      const p = await part();
      const short = await part({}, 0);
      const id = await order('in_repair');
      await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      // Nothing of it in the van: the line waits, the order goes to awaiting_parts; the technician goes on anyway.
      const waiting = await addLine(id, {
        kind: 'part',
        partId: short.id,
        warehouseId: van,
        quantityMilli: 1000,
      });
      expect(waiting.status).toBe('awaiting_parts');
      await moveTo(id, 'in_repair');
      // The store's issue is posted first, then the van's is refused: the whole finishing is rolled back.
      const problem = await refused(
        'POST',
        `/api/v1/service-orders/${id}/status`,
        { to: 'ready' },
        { status: 409, code: 'insufficient_stock' },
      );
      expect(problem).toMatchObject({
        partId: short.id,
        warehouseId: van,
        requestedMilli: 1000,
        availableMilli: 0,
      });
      const o = await getOrder(id);
      expect(o).toMatchObject({
        status: 'in_repair',
        issueDocumentId: null,
        warrantyRecords: [],
        documents: [],
      });
      expect(await level(p.id)).toMatchObject({ onHandMilli: 10_000, reservedMilli: 1000 });
    });

    it('reopening reverses the documents, voids the warranty records and holds the used parts again', async () => {
      const p = await part();
      const id = await order('in_repair');
      const a = await addLine(id, {
        kind: 'part',
        partId: p.id,
        warehouseId: main,
        quantityMilli: 1000,
        removedDisposition: 'to_warehouse',
        removedWarehouseId: returns,
      });
      await addLine(id, { kind: 'labour', serviceTypeId: labour.id, quantityMilli: 1000 });
      await moveTo(id, 'ready');
      expect(await level(p.id)).toMatchObject({ onHandMilli: 9000, reservedMilli: 0 });
      const back = await moveTo(id, 'in_repair');
      expect(back).toMatchObject({ status: 'in_repair', issueDocumentId: null, returnsDocumentId: null });
      expect(back.warrantyRecords.every((w: Json) => w.status === 'void')).toBe(true);
      expect(back.warrantyRecords).toHaveLength(2);
      const docs = back.documents as Json[];
      expect(docs.filter((d) => d.status === 'reversed')).toHaveLength(2);
      expect(await level(p.id)).toMatchObject({ onHandMilli: 10_000, reservedMilli: 1000 });
      expect(await level(p.id, returns)).toMatchObject({ onHandMilli: 0 });
      expect(lineOf(back, a.lineId)).toMatchObject({ reservationState: 'reserved' });
      expect(
        lineOf(await json(admin, 'GET', `/api/v1/service-orders/${id}`), a.lineId).unitCostCents,
      ).toBeNull();
      // Finished again: a new issue, new warranty records.
      const again = await moveTo(id, 'ready');
      expect(again.warrantyRecords.filter((w: Json) => w.status === 'active')).toHaveLength(2);
      expect((await checkLevels(t.db)).mismatches).toEqual([]);
    });

    it('a return inside the shop’s warranty of a fitted part: that part’s new line is shop warranty', async () => {
      const p = await part();
      const it = await item();
      const first = await json(
        desk,
        'POST',
        '/api/v1/service-orders',
        { partyId: customerId, itemId: it.id, complaint: 'Тече вода', technicianId: leadId },
        201,
      );
      await moveTo(first.id, 'diagnosing');
      await moveTo(first.id, 'in_repair');
      await addLine(first.id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      const done = await moveTo(first.id, 'ready');
      const record = done.warrantyRecords.find((w: Json) => w.kind === 'part');
      const second = await json(
        desk,
        'POST',
        '/api/v1/service-orders',
        { partyId: customerId, itemId: it.id, complaint: 'Пак тече', technicianId: leadId },
        201,
      );
      const o = await addLine(second.id, {
        kind: 'part',
        partId: p.id,
        warehouseId: main,
        quantityMilli: 1000,
      });
      expect(lineOf(o, o.lineId)).toMatchObject({
        payer: 'shop_warranty',
        coveredByWarrantyId: record.id,
        customerNetCents: 0,
      });
    });

    it('a refused repair with the diagnostic fee: the diagnosis is charged, the reservations released', async () => {
      await json(admin, 'PUT', '/api/v1/service-settings', {
        diagnosticFee: 'charge',
        diagnosticServiceTypeId: diagnostic.id,
      });
      const p = await part();
      const id = await order();
      await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
      const o = await moveTo(id, 'ready', { refused: true });
      expect(o.lines.filter((l: Json) => l.kind === 'labour')).toMatchObject([
        { serviceTypeId: diagnostic.id, unitPriceCents: 2500, payer: 'customer' },
      ]);
      expect(await activeReservations(id)).toEqual([]);
      expect(await level(p.id)).toMatchObject({ reservedMilli: 0 });
      await json(admin, 'PUT', '/api/v1/service-settings', { diagnosticFee: 'none' });
    });
  });

  // On PostgreSQL the finishings race for the level rows; on SQLite the one writer takes them in turn: same answer.
  describe('concurrency', () => {
    it('20 orders finishing at once for the same scarce part never oversell: 10 in stock, 10 finish', async () => {
      const p = await part({}, 0);
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const id = await order('in_repair');
        await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
        ids.push(id);
      }
      // All 20 wait for the part; 10 arrive, nobody holds them yet.
      await receive(p.id, 10_000);
      for (const id of ids) await moveTo(id, 'in_repair');
      const results = await Promise.all(
        ids.map((id) => t.request(desk, 'POST', `/api/v1/service-orders/${id}/status`, { to: 'ready' })),
      );
      const ok = results.filter((r) => r.statusCode === 200);
      const short = results.filter((r) => r.statusCode === 409);
      expect(ok).toHaveLength(10);
      expect(short).toHaveLength(10);
      for (const r of short) expect(r.json()).toMatchObject({ code: 'insufficient_stock', partId: p.id });
      expect(await level(p.id)).toMatchObject({ onHandMilli: 0, reservedMilli: 0 });
      const issued = await t.db
        .selectFrom('stock_document')
        .select('id')
        .where('source_type', '=', 'service_order')
        .where('source_id', 'in', ids)
        .where('status', '=', 'posted')
        .execute();
      expect(issued).toHaveLength(10);
      expect((await checkLevels(t.db)).mismatches).toEqual([]);
    });

    // A receipt locks the part's level, then the waiting orders; a desk adding that part to one of those orders
    // locks the order, then the level. Unless the receipt locks the orders first, PostgreSQL finds deadlocks and
    // answers some of them 409 busy_try_again. Every request here must simply succeed.
    it('receipts of a part posted while the desk adds the same part to the orders waiting for it: all succeed', async () => {
      const p = await part({}, 0);
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const id = await order('in_repair');
        await addLine(id, { kind: 'part', partId: p.id, warehouseId: main, quantityMilli: 1000 });
        ids.push(id);
      }
      for (let round = 0; round < 3; round++) {
        const drafts = [];
        for (let i = 0; i < 4; i++)
          drafts.push(
            await json(
              keeper,
              'POST',
              '/api/v1/stock/documents',
              {
                type: 'receipt',
                warehouseId: main,
                supplierId,
                lines: [{ partId: p.id, quantityMilli: 1000, unitCostCents: 2000 }],
              },
              201,
            ),
          );
        const results = await Promise.all([
          ...drafts.map((d) => t.request(keeper, 'POST', `/api/v1/stock/documents/${d.id}/post`)),
          ...ids.map((id) =>
            t.request(desk, 'POST', `/api/v1/service-orders/${id}/lines`, {
              kind: 'part',
              partId: p.id,
              warehouseId: main,
              quantityMilli: 1000,
            }),
          ),
        ]);
        expect(
          results.filter((r) => r.statusCode >= 300).map((r) => r.body),
          `round ${round}`,
        ).toEqual([]);
      }
      // 12 units came in, all reserved for the waiting lines (oldest first), none left free.
      expect(await level(p.id)).toMatchObject({ onHandMilli: 12_000, reservedMilli: 12_000 });
      expect((await checkLevels(t.db)).mismatches).toEqual([]);
    });
  });
});
