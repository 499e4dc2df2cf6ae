import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, anItem, anOrder, aService, aTechnician, moved } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { earningShares } from '../../db/migrations/0022-earning-shares';
import { todayDate } from '../../kernel/calendar';
import { newId } from '../../kernel/ids';
import { recordEarnings } from './orders.earnings.record';
import type { EarningsLines, TechnicianEarnings } from './orders.earnings.schema';

/**
 * The report over the database: orders finished in November 2026 (Sofia days), one finished on 1 December just after
 * midnight Sofia time (still 30 November in UTC), one reopened order (status back in repair: not counted), a part
 * line (not labour), and Ivan's terms changing on 15 November. Figures written by hand in the comments.
 */
describe.each(DIALECTS)('technician earnings on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let ivan: { id: string };
  let georgi: { id: string };
  let diag: { id: string };
  let comp: { id: string };

  async function order(finishedAt: string, status = 'ready') {
    const customer = await aCustomer(t, admin);
    const item = await anItem(t, admin, { partyId: customer.id });
    const series = await t.db
      .selectFrom('numbering_series')
      .select('id')
      .where('doc_type', '=', 'service_order')
      .executeTakeFirstOrThrow();
    const id = newId();
    await t.db
      .insertInto('service_order')
      .values({
        id,
        series_id: series.id,
        number: `ORD-${id.slice(-8)}`,
        status: status as 'ready',
        status_changed_at: finishedAt,
        location: 'shop',
        party_id: customer.id,
        item_id: item.id,
        site_id: null,
        complaint: 'не работи',
        accessories: '[]',
        condition_notes: null,
        received_by: admin.userId,
        received_at: '2026-11-01T08:00:00.000Z',
        promised_date: null,
        diagnosis: null,
        internal_notes: null,
        customer_notes: null,
        technician_id: null,
        parts_arrived_at: null,
        finished_at: status === 'in_repair' ? null : finishedAt,
        delivered_at: null,
        cancelled_at: null,
        cancel_reason: null,
        issue_document_id: null,
        returns_document_id: null,
        refused_repair: false,
        search_text: id,
        created_by: admin.userId,
        created_at: '2026-11-01T08:00:00.000Z',
        updated_at: finishedAt,
      })
      .execute();
    return id;
  }

  let position = 0;
  async function labour(
    orderId: string,
    service: { id: string },
    payer: string,
    norm: number,
    actual: number | null,
    unitPriceCents: number,
    shares: [{ id: string }, number][],
    kind: 'labour' | 'charge' = 'labour',
  ) {
    const id = newId();
    position += 1;
    await t.db
      .insertInto('service_order_line')
      .values({
        id,
        order_id: orderId,
        position,
        kind,
        part_id: null,
        service_type_id: service.id,
        description: 'Труд',
        warehouse_id: null,
        quantity_milli: 1000,
        used_quantity_milli: null,
        unit: 'бр.',
        unit_price_cents: unitPriceCents,
        list_price_cents: unitPriceCents,
        discount_bp: 0,
        vat_rate_bp: 2000,
        payer: payer as 'customer',
        payer_reason: null,
        covered_by_warranty_id: null,
        norm_minutes: norm,
        price_override_reason: null,
        actual_minutes: actual,
        fitted_serial: null,
        removed_serial: null,
        removed_disposition: null,
        removed_warehouse_id: null,
        unit_cost_cents: null,
        created_at: '2026-11-01T08:00:00.000Z',
        updated_at: '2026-11-01T08:00:00.000Z',
      })
      .execute();
    for (const [tech, shareBp] of shares)
      await t.db
        .insertInto('service_order_line_technician')
        .values({ line_id: id, technician_id: tech.id, share_bp: shareBp })
        .execute();
    return id;
  }

  beforeAll(async () => {
    admin = await t.setup();
    ivan = await aTechnician(t, admin, {
      name: 'Иван Петров',
      payTerms: [
        { validFrom: '2026-01-01', payType: 'commission', commissionBp: 3000 },
        { validFrom: '2026-11-15', payType: 'per_norm_hour', rateCents: 1400 },
      ],
    });
    georgi = await aTechnician(t, admin, {
      name: 'Георги Колев',
      payTerms: [{ validFrom: '2026-01-01', payType: 'commission', commissionBp: 2500 }],
    });
    diag = await aService(t, admin, { code: 'DIAG', nameBg: 'Диагностика', nameEn: 'Diagnostics' });
    comp = await aService(t, admin, { code: 'COMP', nameBg: 'Смяна на компресор', nameEn: 'Compressor' });

    // 10 Nov, commission 30 % of 30.00 € = 9.00 €
    const o1 = await order('2026-11-10T12:00:00.000Z');
    await labour(o1, diag, 'customer', 30, 40, 3000, [[ivan, 10_000]]);
    // A charge line on the same order: not labour, not in the report.
    await labour(o1, comp, 'customer', 0, null, 99_999, [[ivan, 10_000]], 'charge');
    // 20 Nov, shared: Ivan 120 min × 14.00 €/h × 50 % = 14.00 €; Georgi 180.00 € × 25 % × 50 % = 22.50 €
    const o2 = await order('2026-11-20T09:00:00.000Z', 'delivered');
    await labour(o2, comp, 'customer', 120, 100, 18_000, [
      [ivan, 5000],
      [georgi, 5000],
    ]);
    // 21 Nov, a manufacturer's warranty line: Georgi 25 % × 30.00 € = 7.50 € (rule "pay")
    const o3 = await order('2026-11-21T09:00:00.000Z');
    await labour(o3, diag, 'manufacturer_warranty', 30, 30, 3000, [[georgi, 10_000]]);
    // 30 Nov 23:30 in Sofia (21:30 UTC): still November. Ivan 45 min × 14.00 €/h = 10.50 €
    const o4 = await order('2026-11-30T21:30:00.000Z');
    await labour(o4, diag, 'customer', 45, null, 4500, [[ivan, 10_000]]);
    // 1 Dec 00:30 in Sofia (30 Nov 22:30 UTC): December, outside the period.
    const o5 = await order('2026-11-30T22:30:00.000Z');
    await labour(o5, diag, 'customer', 600, 600, 60_000, [[ivan, 10_000]]);
    // Reopened (back in repair): its work is not finished, not counted.
    const o6 = await order('2026-11-12T09:00:00.000Z', 'in_repair');
    await labour(o6, diag, 'customer', 600, 600, 60_000, [[georgi, 10_000]]);
    // Written straight into the tables, so the finishing's copy of the shares is taken here as finishing takes it
    // (the reopened o6 has no finishing time: nothing to copy).
    for (const id of [o1, o2, o3, o4, o5, o6]) await recordEarnings(t.db, id);
  });

  const november = '/api/v1/reports/technician-earnings?from=2026-11-01&to=2026-11-30';

  it('per technician and service type: lines, hours, efficiency, value and pay by the terms of each day', async () => {
    const res = await t.request(admin, 'GET', november);
    expect(res.statusCode).toBe(200);
    const r = res.json() as TechnicianEarnings;
    const row = (tech: { id: string }, type: { id: string }) =>
      r.rows.find((x) => x.technicianId === tech.id && x.serviceTypeId === type.id);
    expect(row(ivan, diag)).toMatchObject({
      lines: 2,
      normMinuteBp: 75 * 10_000,
      actualMinuteBp: 40 * 10_000,
      efficiencyBp: 18_750,
      labourValueCents: 7500,
      earningsCents: 900 + 1050,
      serviceTypeNameEn: 'Diagnostics',
    });
    expect(row(ivan, comp)).toMatchObject({ lines: 1, normMinuteBp: 60 * 10_000, earningsCents: 1400 });
    expect(row(georgi, comp)).toMatchObject({ lines: 1, labourValueCents: 9000, earningsCents: 2250 });
    expect(row(georgi, diag)).toMatchObject({ lines: 1, earningsCents: 750 });
    expect(r.rows).toHaveLength(4);
    expect(r.total).toMatchObject({ lines: 4, labourValueCents: 28_500, earningsCents: 6350 });
    expect(r.byTechnician.map((x) => [x.technicianName, x.earningsCents])).toEqual([
      ['Георги Колев', 3000],
      ['Иван Петров', 3350],
    ]);
  });

  it('the sums (made by the database) equal the drill-down’s lines (priced one by one) and one technician’s report', async () => {
    const all = (await t.request(admin, 'GET', november)).json() as TechnicianEarnings;
    for (const row of all.rows) {
      const lines = (
        await t.request(
          admin,
          'GET',
          `/api/v1/reports/technician-earnings/lines?from=2026-11-01&to=2026-11-30&technicianId=${row.technicianId}&serviceTypeId=${row.serviceTypeId}`,
        )
      ).json().lines as { earningsCents: number; labourValueCents: number; normMinuteBp: number }[];
      const sum = (k: 'earningsCents' | 'labourValueCents' | 'normMinuteBp') =>
        lines.reduce((n, l) => n + l[k], 0);
      expect([row.lines, row.earningsCents, row.labourValueCents, row.normMinuteBp]).toEqual([
        lines.length,
        sum('earningsCents'),
        sum('labourValueCents'),
        sum('normMinuteBp'),
      ]);
    }
    const one = (
      await t.request(admin, 'GET', `${november}&technicianId=${ivan.id}`)
    ).json() as TechnicianEarnings;
    expect(one.rows).toEqual(all.rows.filter((r) => r.technicianId === ivan.id));
    expect(one.byTechnician).toEqual(all.byTechnician.filter((r) => r.technicianId === ivan.id));
    expect(one.total).toMatchObject({ earningsCents: 3350 });
  });

  it('drills down to the lines of one technician and service type, with the terms applied', async () => {
    const res = await t.request(
      admin,
      'GET',
      `/api/v1/reports/technician-earnings/lines?from=2026-11-01&to=2026-11-30&technicianId=${ivan.id}&serviceTypeId=${diag.id}`,
    );
    expect(res.statusCode).toBe(200);
    const d = res.json() as EarningsLines;
    expect(d.lines.map((l) => [l.date, l.payType, l.earningsCents])).toEqual([
      ['2026-11-10', 'commission', 900],
      ['2026-11-30', 'per_norm_hour', 1050],
    ]);
  });

  it('follows the settings’ rule for warranty lines', async () => {
    const put = await t.request(admin, 'PUT', '/api/v1/service-settings', {
      earningsWarrantyRule: 'hours_only',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ earningsWarrantyRule: 'hours_only' });
    const r = (await t.request(admin, 'GET', november)).json() as TechnicianEarnings;
    expect(r.warrantyRule).toBe('hours_only');
    expect(r.total.earningsCents).toBe(6350 - 750);
    await t.request(admin, 'PUT', '/api/v1/service-settings', { earningsWarrantyRule: 'exclude' });
    const excluded = (await t.request(admin, 'GET', november)).json() as TechnicianEarnings;
    expect(excluded.total).toMatchObject({ lines: 3, earningsCents: 6350 - 750 });
    await t.request(admin, 'PUT', '/api/v1/service-settings', { earningsWarrantyRule: 'pay' });
  });

  it('exports the rows as CSV with hours and euros', async () => {
    const res = await t.request(admin, 'GET', november.replace('?', '/export.csv?'));
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    const ivanDiag = rows.find((x) => x.technician === 'Иван Петров' && x.service_code === 'DIAG');
    expect(ivanDiag).toMatchObject({
      lines: '2',
      norm_hours: '1.25',
      actual_hours: '0.67',
      efficiency_percent: '187.50',
      earnings_eur: '19.50',
    });
  });

  it('is for the management and the accountant only; a bad period is a 400 naming the field', async () => {
    const technician = await t.signInAs('technician');
    expect((await t.request(technician, 'GET', november)).statusCode).toBe(403);
    const accountant = await t.signInAs('accountant');
    expect((await t.request(accountant, 'GET', november)).statusCode).toBe(200);
    const bad = await t.request(
      admin,
      'GET',
      '/api/v1/reports/technician-earnings?from=2026-11-30&to=2026-11-01',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      errors: [expect.objectContaining({ field: 'to', code: 'period_ends_before_start' })],
    });
  });

  it('an order finished through the API counts at once; reopened it leaves the report, finished again it is back', async () => {
    const petar = await aTechnician(t, admin, {
      name: 'Петър Стоянов',
      payTerms: [{ validFrom: '2026-01-01', payType: 'commission', commissionBp: 4000 }],
    });
    const repair = await aService(t, admin, { code: 'REP', nameBg: 'Ремонт', nameEn: 'Repair' });
    const o = await anOrder(t, admin);
    await moved(t, admin, o.id, 'diagnosing', 'in_repair');
    const line = await t.request(admin, 'POST', `/api/v1/service-orders/${o.id}/lines`, {
      kind: 'labour',
      serviceTypeId: repair.id,
      quantityMilli: 2000,
      unitPriceCents: 2500,
      priceOverrideReason: 'Договорена цена',
      discountBp: 1000,
      normMinutes: 45,
      actualMinutes: 80,
      technicians: [{ technicianId: petar.id, shareBp: 10_000 }],
    });
    expect(line.statusCode, line.body).toBe(201);
    const today = todayDate();
    const url = `/api/v1/reports/technician-earnings?from=${today}&to=${today}&technicianId=${petar.id}`;
    const report = async () => ((await t.request(admin, 'GET', url)).json() as TechnicianEarnings).total;

    await moved(t, admin, o.id, 'ready');
    // 2 × 25.00 € less 10 % = 45.00 €; norm 2 × 45 min = 90 min; 40 % of 45.00 € = 18.00 €
    const finished = {
      lines: 1,
      normMinuteBp: 90 * 10_000,
      actualMinuteBp: 80 * 10_000,
      labourValueCents: 4500,
    };
    expect(await report()).toMatchObject({ ...finished, earningsCents: 1800 });
    await moved(t, admin, o.id, 'in_repair');
    expect(await report()).toMatchObject({ lines: 0, labourValueCents: 0, earningsCents: 0 });
    await moved(t, admin, o.id, 'ready');
    expect(await report()).toMatchObject({ ...finished, earningsCents: 1800 });
  });

  it('migration 0022 fills the copy from the orders finished before it exactly as finishing writes it', async () => {
    const shares = () =>
      t.db
        .selectFrom('service_order_earning')
        .selectAll()
        .orderBy('line_id')
        .orderBy('technician_id')
        .execute();
    const written = await shares();
    expect(written.length).toBeGreaterThan(5);
    await sql`drop table service_order_earning`.execute(t.db);
    await earningShares.up(t.db as never, dialect);
    expect(await shares()).toEqual(written);
  });
});
