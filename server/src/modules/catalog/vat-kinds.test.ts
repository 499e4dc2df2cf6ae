import { beforeAll, describe, expect, it } from 'vitest';
import { databaseBefore } from '../../../test/database-before';
import { aModel, anInvoiceCustomer, anItem, aUser, aVatCompany, moved } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { type Json, requests } from '../../../test/requests';
import { migrateToLatest } from '../../db/migrate';
import { vatRateKindsOfProformaLines } from '../../db/migrations/0046-vat-rate-kinds-of-proforma-lines';
import { addDays, todayDate } from '../../kernel/calendar';
import { newId } from '../../kernel/ids';

/**
 * ADR 0042 through the HTTP API on both databases: catalogue items carry a kind of VAT rate, order and quote lines
 * take their item's kind, and the invoice takes the kind's rate valid on its tax event date. The change used below
 * (the reduced kind at 20 % from yesterday) is invented for the test; the VAT journal has columns for 20 % and 9 %
 * only, so each day's rate shows in its own column.
 */
describe.each(DIALECTS)('ADR 0042: VAT rate kinds of catalogue items on %s', (dialect) => {
  const t = useTestApp(dialect, { jobs: { autoStart: false } });
  let admin: Session;
  let desk: Session;
  let customerId: string;
  let modelId: string;
  const { json, refused } = requests(t, () => admin);
  const today = todayDate();
  const changed = addDays(today, -1);
  const before = addDays(today, -3);

  const service = (over: Json = {}) =>
    json(
      admin,
      'POST',
      '/api/v1/service-types',
      {
        code: `S-${newId().slice(-8).toUpperCase()}`,
        nameBg: 'Ремонт на книга',
        normMinutes: 60,
        pricing: 'fixed',
        priceCents: 10_000,
        ...over,
      },
      201,
    );
  /** A ready order of one labour line of the service: 100.00 net. */
  const readyOrder = async (serviceTypeId: string) => {
    const item = await anItem(t, admin, { modelId, partyId: customerId });
    const o = await json(
      desk,
      'POST',
      '/api/v1/service-orders',
      { partyId: customerId, itemId: item.id, complaint: 'Скъсана подвързия' },
      201,
    );
    await json(
      desk,
      'POST',
      `/api/v1/service-orders/${o.id}/lines`,
      { kind: 'labour', serviceTypeId, quantityMilli: 1000 },
      201,
    );
    return o.id as string;
  };
  const invoiceOf = (orderId: string, taxEventDate: string) =>
    json(desk, 'POST', '/api/v1/invoices/from-order', { orderId, taxEventDate }, 201);

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    customerId = await anInvoiceCustomer(t, admin, 'Книжарница ООД', {
      city: 'София',
      address: 'ул. „Граф Игнатиев“ 1',
    });
    modelId = (await aModel(t, admin)).id;
  });

  it('ADR 0042: an item of the reduced kind invoiced before and after a dated rate change takes each day’s rate; the VAT journal groups by it', async () => {
    const binding = await service({ vatRateKind: 'reduced' });
    expect(binding).toMatchObject({ vatRateKind: 'reduced', vatRateBp: 900, vatReason: null });
    // Lines made before the change is known: the order page shows the reduced rate of today, 9 %.
    const early = await readyOrder(binding.id);
    const late = await readyOrder(binding.id);
    const page = await json(desk, 'GET', `/api/v1/service-orders/${late}`);
    expect(page.lines[0]).toMatchObject({ vatRateKind: 'reduced', vatRateBp: 900 });

    await json(
      admin,
      'POST',
      '/api/v1/vat-rates',
      { kind: 'reduced', rateBp: 2000, validFrom: changed },
      201,
    );
    // The order page now shows the rate that would apply today; the item too.
    expect((await json(desk, 'GET', `/api/v1/service-orders/${late}`)).lines[0]).toMatchObject({
      vatRateKind: 'reduced',
      vatRateBp: 2000,
    });
    expect((await json(admin, 'GET', `/api/v1/service-types/${binding.id}`)).vatRateBp).toBe(2000);

    await moved(t, desk, early, 'diagnosing', 'in_repair', 'ready');
    await moved(t, desk, late, 'diagnosing', 'in_repair', 'ready');
    const a = await invoiceOf(early, before);
    const b = await invoiceOf(late, today);
    expect(a.lines[0]).toMatchObject({ vatRateKind: 'reduced', vatRateBp: 900 });
    expect(a).toMatchObject({ netCents: 10_000, vatCents: 900, totalCents: 10_900 });
    expect(b.lines[0]).toMatchObject({ vatRateKind: 'reduced', vatRateBp: 2000 });
    expect(b).toMatchObject({ netCents: 10_000, vatCents: 2000, totalCents: 12_000 });

    const accountant = await aUser(t, 'accountant');
    const journal = await json(accountant, 'GET', `/api/v1/vat/sales-journal?month=${today.slice(0, 7)}`);
    const cells = (n: string) => journal.rows.find((r: Json) => r.number === n)?.cells;
    expect(cells(a.number)).toMatchObject({ base9Cents: 10_000, vat9Cents: 900, base20Cents: 0 });
    expect(cells(b.number)).toMatchObject({ base20Cents: 10_000, vat20Cents: 2000, base9Cents: 0 });
  });

  it('ADR 0042 / INV-09: an exempt or 0 % item without its ground is 400 naming vatReason, nothing written; with it the ground is kept', async () => {
    const body = { code: 'EX-1', nameBg: 'Обучение', salePriceCents: 5000, vatRateKind: 'exempt' };
    await refused('POST', '/api/v1/parts', body, {
      status: 400,
      code: 'vat_rate_reason_required',
      field: 'vatReason',
    });
    await refused(
      'POST',
      '/api/v1/service-types',
      {
        code: 'EX-2',
        nameBg: 'Износ',
        normMinutes: 60,
        pricing: 'fixed',
        priceCents: 100,
        vatRateKind: 'zero',
      },
      { status: 400, code: 'vat_rate_reason_required', field: 'vatReason' },
    );
    const part = await json(admin, 'POST', '/api/v1/parts', { ...body, vatReason: 'чл. 41 ЗДДС' }, 201);
    expect(part).toMatchObject({ vatRateKind: 'exempt', vatRateBp: 0, vatReason: 'чл. 41 ЗДДС' });
    await refused(
      'PATCH',
      `/api/v1/parts/${part.id}`,
      { vatReason: '' },
      {
        status: 400,
        code: 'vat_rate_reason_required',
        field: 'vatReason',
      },
    );
    // A client that still sends a rate: 20 % is the standard kind (the ground dropped), 15 % stays explicit.
    const std = await json(admin, 'PATCH', `/api/v1/parts/${part.id}`, { vatRateBp: 2000 });
    expect(std).toMatchObject({ vatRateKind: 'standard', vatRateBp: 2000, vatReason: null });
    const odd = await json(admin, 'PATCH', `/api/v1/parts/${part.id}`, { vatRateBp: 1500 });
    expect(odd).toMatchObject({ vatRateKind: null, vatRateBp: 1500 });
  });

  it('ADR 0042: a quote line takes its item’s kind, the order converted from it keeps it, and its invoice takes the kind’s rate', async () => {
    const exempt = await service({ vatRateKind: 'exempt', vatReason: 'чл. 41 ЗДДС – обучение' });
    const binding = await service({ vatRateKind: 'reduced' });
    const item = await anItem(t, admin, { modelId, partyId: customerId });
    const q = await json(
      desk,
      'POST',
      '/api/v1/repair-quotes',
      { partyId: customerId, itemId: item.id, complaint: 'Подвързия и обучение' },
      201,
    );
    for (const s of [binding, exempt])
      await json(
        desk,
        'POST',
        `/api/v1/repair-quotes/${q.id}/lines`,
        { kind: 'labour', serviceTypeId: s.id, quantityMilli: 1000 },
        201,
      );
    const quote = await json(desk, 'GET', `/api/v1/repair-quotes/${q.id}`);
    expect(quote.lines.map((l: Json) => [l.vatRateKind, l.vatRateBp, l.vatReason])).toEqual([
      ['reduced', 2000, null],
      ['exempt', 0, 'чл. 41 ЗДДС – обучение'],
    ]);
    await json(desk, 'POST', `/api/v1/repair-quotes/${q.id}/status`, { to: 'sent' });
    await json(desk, 'POST', `/api/v1/repair-quotes/${q.id}/status`, { to: 'accepted' });
    const c = await json(desk, 'POST', `/api/v1/repair-quotes/${q.id}/convert`);
    const order = await json(desk, 'GET', `/api/v1/service-orders/${c.orderId}`);
    expect(order.lines.map((l: Json) => [l.vatRateKind, l.vatReason])).toEqual([
      ['reduced', null],
      ['exempt', 'чл. 41 ЗДДС – обучение'],
    ]);
    await moved(t, desk, c.orderId, 'diagnosing', 'in_repair', 'ready');
    const inv = await invoiceOf(c.orderId, before);
    expect(inv.lines.map((l: Json) => [l.vatRateKind, l.vatRateBp, l.vatExempt, l.vatReason])).toEqual([
      ['reduced', 900, false, null],
      ['exempt', 0, true, 'чл. 41 ЗДДС – обучение'],
    ]);
    expect(inv).toMatchObject({ netCents: 20_000, vatCents: 900 });
  });

  it('ADR 0042: a proforma made before a dated rate change and converted after it takes the new rate; an explicit rate stays', async () => {
    const binding = await service({ vatRateKind: 'reduced' });
    const orderId = await readyOrder(binding.id);
    await json(
      desk,
      'POST',
      `/api/v1/service-orders/${orderId}/lines`,
      { kind: 'charge', description: 'Куриер', quantityMilli: 1000, unitPriceCents: 1000, vatRateBp: 1500 },
      201,
    );
    await moved(t, desk, orderId, 'diagnosing', 'in_repair', 'ready');
    const lastWeek = addDays(today, -4);
    const p = await json(
      desk,
      'POST',
      '/api/v1/proformas/from-order',
      { orderId, documentDate: lastWeek },
      201,
    );
    expect(p.lines.map((l: Json) => [l.vatRateKind, l.vatRateBp])).toEqual([
      ['reduced', 900],
      [null, 1500],
    ]);
    expect(p).toMatchObject({ netCents: 11_000, vatCents: 1050 });

    // The law changes the reduced rate after the proforma was issued (a date of its own, not the other tests').
    await json(
      admin,
      'POST',
      '/api/v1/vat-rates',
      { kind: 'reduced', rateBp: 2000, validFrom: addDays(today, -2) },
      201,
    );
    const converted = await json(desk, 'POST', `/api/v1/proformas/${p.id}/convert`, { taxEventDate: today });
    const inv = await json(desk, 'GET', `/api/v1/invoices/${converted.invoiceId}`);
    expect(inv.lines.map((l: Json) => [l.vatRateKind, l.vatRateBp])).toEqual([
      ['reduced', 2000],
      [null, 1500],
    ]);
    expect(inv).toMatchObject({ netCents: 11_000, vatCents: 2150, totalCents: 13_150 });
    // The proforma itself stays as it was issued.
    expect((await json(desk, 'GET', `/api/v1/proformas/${p.id}`)).vatCents).toBe(1050);
  });

  it('ADR 0042: a line’s kind is changed on the order and the quote; exempt without its ground is 400 naming vatReason, nothing written', async () => {
    const repair = await service({ vatRateKind: 'standard' });
    const orderId = await readyOrder(repair.id);
    const order = await json(desk, 'GET', `/api/v1/service-orders/${orderId}`);
    const line = order.lines[0];
    expect(line).toMatchObject({ vatRateKind: 'standard', vatRateBp: 2000 });
    const url = `/api/v1/service-orders/${orderId}/lines/${line.id}`;
    await refused(
      'PATCH',
      url,
      { vatRateKind: 'exempt' },
      { status: 400, code: 'vat_rate_reason_required', field: 'vatReason' },
      desk,
    );
    await json(desk, 'PATCH', url, { vatRateKind: 'exempt', vatReason: 'чл. 41 ЗДДС' });
    expect((await json(desk, 'GET', `/api/v1/service-orders/${orderId}`)).lines[0]).toMatchObject({
      vatRateKind: 'exempt',
      vatRateBp: 0,
      vatReason: 'чл. 41 ЗДДС',
    });
    // Back to the standard kind: the ground goes with the exempt kind.
    await json(desk, 'PATCH', url, { vatRateKind: 'standard' });
    expect((await json(desk, 'GET', `/api/v1/service-orders/${orderId}`)).lines[0]).toMatchObject({
      vatRateKind: 'standard',
      vatRateBp: 2000,
      vatReason: null,
    });
    // A line added with a kind other than its item's keeps it.
    await json(
      desk,
      'POST',
      `/api/v1/service-orders/${orderId}/lines`,
      {
        kind: 'labour',
        serviceTypeId: repair.id,
        quantityMilli: 1000,
        vatRateKind: 'zero',
        vatReason: 'чл. 28 ЗДДС',
      },
      201,
    );
    expect((await json(desk, 'GET', `/api/v1/service-orders/${orderId}`)).lines[1]).toMatchObject({
      vatRateKind: 'zero',
      vatRateBp: 0,
      vatReason: 'чл. 28 ЗДДС',
    });

    const item = await anItem(t, admin, { modelId, partyId: customerId });
    const q = await json(
      desk,
      'POST',
      '/api/v1/repair-quotes',
      { partyId: customerId, itemId: item.id, complaint: 'Подвързия' },
      201,
    );
    await json(
      desk,
      'POST',
      `/api/v1/repair-quotes/${q.id}/lines`,
      { kind: 'labour', serviceTypeId: repair.id, quantityMilli: 1000 },
      201,
    );
    const qLine = (await json(desk, 'GET', `/api/v1/repair-quotes/${q.id}`)).lines[0];
    const qUrl = `/api/v1/repair-quotes/${q.id}/lines/${qLine.id}`;
    await refused(
      'PATCH',
      qUrl,
      { vatRateKind: 'exempt', vatReason: ' ' },
      { status: 400, code: 'vat_rate_reason_required', field: 'vatReason' },
      desk,
    );
    await json(desk, 'PATCH', qUrl, { vatRateKind: 'reduced' });
    expect((await json(desk, 'GET', `/api/v1/repair-quotes/${q.id}`)).lines[0]).toMatchObject({
      vatRateKind: 'reduced',
    });
  });

  it('migration 0046: proforma lines made before it take their order line’s kind where the rates agree; others keep their rate', async () => {
    const repair = await service({ vatRateKind: 'standard' });
    const orderId = await readyOrder(repair.id);
    await json(
      desk,
      'POST',
      `/api/v1/service-orders/${orderId}/lines`,
      { kind: 'labour', serviceTypeId: repair.id, quantityMilli: 2000 },
      201,
    );
    await json(
      desk,
      'POST',
      `/api/v1/service-orders/${orderId}/lines`,
      { kind: 'charge', description: 'Куриер', quantityMilli: 1000, unitPriceCents: 1000, vatRateBp: 1500 },
      201,
    );
    await moved(t, desk, orderId, 'diagnosing', 'in_repair', 'ready');
    const p = await json(desk, 'POST', '/api/v1/proformas/from-order', { orderId }, 201);
    const [agrees, differs, explicit] = p.lines.map((l: Json) => l.id as string);
    // The proforma as it stood before the migration: no kind on its lines; the second issued at another rate than
    // its order line carries now.
    // biome-ignore lint/suspicious/noExplicitAny: the table as it stood before the migration
    const db = t.db as any;
    await db.updateTable('sales_proforma_line').set({ vat_rate_bp: 900 }).where('id', '=', differs).execute();
    await db.schema.alterTable('sales_proforma_line').dropColumn('vat_rate_kind').execute();

    await vatRateKindsOfProformaLines.up(t.db, t.dialect);

    const kinds = await db
      .selectFrom('sales_proforma_line')
      .select(['id', 'vat_rate_kind', 'vat_rate_bp'])
      .where('proforma_id', '=', p.id)
      .execute();
    const byId = new Map(kinds.map((k: Json) => [k.id, [k.vat_rate_kind, Number(k.vat_rate_bp)]]));
    expect([byId.get(agrees), byId.get(differs), byId.get(explicit)]).toEqual([
      ['standard', 2000],
      [null, 900],
      [null, 1500],
    ]);
  });
});

describe.each(DIALECTS)('migration 0045-vat-rate-kinds-of-items on %s', (dialect) => {
  it('maps the rates items and lines carried to kinds: 20 % standard, 9 % reduced, 0 % zero with its ground, others explicit', async () => {
    const { handle, file, drop } = await databaseBefore(dialect, '0045-vat-rate-kinds-of-items');
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the tables as they stood before the migration
      const db = handle.db as any;
      const at = new Date().toISOString();
      const part = (code: string, bp: number) => ({
        id: newId(),
        code,
        name_bg: code,
        unit: 'бр.',
        sale_price_cents: 100,
        vat_rate_bp: bp,
        min_stock_milli: 0,
        search_text: code.toLowerCase(),
        created_at: at,
        updated_at: at,
      });
      await db
        .insertInto('catalog_part')
        .values([part('P20', 2000), part('P9', 900), part('P0', 0), part('P15', 1500)])
        .execute();
      await db
        .insertInto('catalog_service_type')
        .values({
          id: newId(),
          code: 'S9',
          name_bg: 'S9',
          norm_minutes: 60,
          pricing: 'fixed',
          price_cents: 100,
          vat_rate_bp: 900,
          shop_warranty_months: 0,
          search_text: 's9',
          created_at: at,
          updated_at: at,
        })
        .execute();

      await migrateToLatest(handle, file);

      expect(
        await db
          .selectFrom('catalog_part')
          .select(['code', 'vat_rate_bp', 'vat_rate_kind', 'vat_reason'])
          .orderBy('code')
          .execute(),
      ).toEqual([
        { code: 'P0', vat_rate_bp: 0, vat_rate_kind: 'zero', vat_reason: 'чл. 28 ЗДДС – износ' },
        { code: 'P15', vat_rate_bp: 1500, vat_rate_kind: null, vat_reason: null },
        { code: 'P20', vat_rate_bp: 2000, vat_rate_kind: 'standard', vat_reason: null },
        { code: 'P9', vat_rate_bp: 900, vat_rate_kind: 'reduced', vat_reason: null },
      ]);
      expect(await db.selectFrom('catalog_service_type').select(['code', 'vat_rate_kind']).execute()).toEqual(
        [{ code: 'S9', vat_rate_kind: 'reduced' }],
      );
    } finally {
      await handle.close();
      await drop();
    }
  });
});
