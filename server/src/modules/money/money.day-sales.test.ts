/**
 * The cash desk's day report lists the day's fiscal receipts and stornos by site, workstation and device (FIS-03,
 * FIS-05; ADR 0043) on both databases, with two sites and two fake ErpNet.FP devices: count, total and payment
 * method per place; per device the desk's part against all the device printed that day, which is what the device
 * itself counted (its Z report); in the API and in the PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anInvoiceCustomer, aUser, aVatCompany } from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfText } from '../../../test/pdf-text';
import { type Json, requests } from '../../../test/requests';
import { aReversedCounterSale, fromWorkstation, type SaleSite, twoSaleSites } from '../../../test/two-sites';
import { addDays, todayDate } from '../../kernel/calendar';

describe.each(DIALECTS)('the day report by site and workstation on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let a: SaleSite;
  let b: SaleSite;
  const { json, send } = requests(t, () => desk);
  const today = todayDate();

  beforeAll(async () => {
    admin = await t.setup();
    desk = await aUser(t, 'reception');
    await aVatCompany(t, admin);
    [a, b] = await twoSaleSites(t, admin);
  });
  afterAll(async () => {
    await a.fake.close();
    await b.fake.close();
  });

  it('ADR 0043: the desk’s receipts and stornos by site · workstation · device, by payment method, and per device against what the device printed (its Z report)', async () => {
    const customer = await anInvoiceCustomer(t, admin, 'Клиент Дневен отчет ООД');
    const a2 = await json(
      admin,
      'POST',
      '/api/v1/fiscal-workstations',
      { siteId: a.site.id, name: 'Каса Център 2', deviceId: a.device.id },
      201,
    );
    const pay = (workstationId: string, deskId: string, amountCents: number) =>
      fromWorkstation(t, desk, workstationId, 'POST', '/api/v1/payments', {
        partyId: customer,
        accountId: deskId,
        method: 'cash',
        date: today,
        amountCents,
      });
    await pay(a.workstation.id, a.deskId, 1000);
    await pay(a2.id, a.deskId, 3000);
    // The first site's till takes a payment made at the second site's workstation (printed on its device).
    await pay(b.workstation.id, a.deskId, 2000);
    // A card sale over the counter at the first workstation, reversed the same day.
    await aReversedCounterSale(t, admin, desk, a.workstation.id, a.deskId, 'card');
    // The second site's own till: a sale and part of it paid back with a storno: not the first desk's.
    const own = await pay(b.workstation.id, b.deskId, 4000);
    const ownReceipt = (await json(desk, 'GET', `/api/v1/payments/${own.id}`)).receipt as Json;
    await json(
      admin,
      'POST',
      '/api/v1/refunds',
      {
        partyId: customer,
        accountId: b.deskId,
        method: 'cash',
        date: today,
        allocations: [{ paymentId: own.id, amountCents: 500 }],
        storno: { receiptId: ownReceipt.id, reason: 'refund' },
      },
      201,
    );

    const report = await json(desk, 'GET', `/api/v1/money-accounts/${a.deskId}/day-report?date=${today}`);
    const counts = (receipts: number, receiptsCents: number, stornos: number, stornosCents: number) => ({
      receipts,
      receiptsCents,
      stornos,
      stornosCents,
      netCents: receiptsCents - stornosCents,
    });
    expect(report.sales.places).toEqual([
      {
        siteId: a.site.id,
        siteName: 'Магазин Център',
        siteCode: 'OB-0001',
        workstationId: a.workstation.id,
        workstationName: 'Каса Център',
        deviceId: a.device.id,
        deviceName: 'ФУ Център',
        fiscalNumber: 'DT111111',
        ...counts(2, 2200, 1, 1200),
        byMethod: [
          { method: 'cash', ...counts(1, 1000, 0, 0) },
          { method: 'card', ...counts(1, 1200, 1, 1200) },
        ],
        notPrinted: 0,
      },
      {
        siteId: a.site.id,
        siteName: 'Магазин Център',
        siteCode: 'OB-0001',
        workstationId: a2.id,
        workstationName: 'Каса Център 2',
        deviceId: a.device.id,
        deviceName: 'ФУ Център',
        fiscalNumber: 'DT111111',
        ...counts(1, 3000, 0, 0),
        byMethod: [{ method: 'cash', ...counts(1, 3000, 0, 0) }],
        notPrinted: 0,
      },
      {
        siteId: b.site.id,
        siteName: 'Магазин Юг',
        siteCode: 'OB-0002',
        workstationId: b.workstation.id,
        workstationName: 'Каса Юг',
        deviceId: b.device.id,
        deviceName: 'ФУ Юг',
        fiscalNumber: 'DT222222',
        ...counts(1, 2000, 0, 0),
        byMethod: [{ method: 'cash', ...counts(1, 2000, 0, 0) }],
        notPrinted: 0,
      },
    ]);
    expect(report.sales.total).toMatchObject(counts(4, 7200, 1, 1200));

    // Per device: all of device A's day is this desk's; device B printed for the other till too.
    const [devA, devB] = report.sales.devices as [Json, Json];
    expect(devA).toMatchObject({ deviceId: a.device.id, ...counts(3, 5200, 1, 1200), matchesDevice: true });
    expect(devA.deviceDay).toMatchObject(counts(3, 5200, 1, 1200));
    expect(devB).toMatchObject({ deviceId: b.device.id, ...counts(1, 2000, 0, 0), matchesDevice: false });
    expect(devB.deviceDay).toMatchObject(counts(2, 6000, 1, 500));
    // What each device printed is its day in the report: receipts, stornos and the cash in its drawer.
    for (const [dev, fake] of [
      [devA, a.fake],
      [devB, b.fake],
    ] as const) {
      const printed = (action: string) => fake.printed.filter((p) => p.action === action);
      const sum = (xs: Json[]) =>
        xs.reduce((s, p) => s + Math.round(Number(p.answer.receiptAmount) * 100), 0);
      expect([printed('receipt').length, sum(printed('receipt'))]).toEqual([
        dev.deviceDay.receipts,
        dev.deviceDay.receiptsCents,
      ]);
      expect([printed('reversalreceipt').length, sum(printed('reversalreceipt'))]).toEqual([
        dev.deviceDay.stornos,
        dev.deviceDay.stornosCents,
      ]);
      const cash = dev.deviceDay.byMethod.find((m: Json) => m.method === 'cash');
      expect(Math.round(fake.cash * 100)).toBe(cash.netCents);
    }

    // The Z report of the first till is listed with its device, its cash the device's cash sales of the day.
    const afterZ = await json(desk, 'POST', `/api/v1/money-accounts/${a.deskId}/z-report`);
    const zA = (afterZ.sales.devices as Json[]).find((d) => d.deviceId === a.device.id) as Json;
    expect(zA.zReports).toHaveLength(1);
    expect(zA.zReports[0].deviceCashCents).toBe(4000);
    expect((afterZ.sales.devices as Json[]).find((d) => d.deviceId === b.device.id)?.zReports).toEqual([]);

    // The other till's report holds only its own sale and storno.
    const other = await json(desk, 'GET', `/api/v1/money-accounts/${b.deskId}/day-report?date=${today}`);
    expect(
      other.sales.places.map((p: Json) => [p.workstationName, p.receipts, p.stornos, p.netCents]),
    ).toEqual([['Каса Юг', 1, 1, 3500]]);

    // The PDF has the section, in Bulgarian, and in both languages.
    const bg = await pdfText(
      (
        await send(
          desk,
          'GET',
          `/api/v1/money-accounts/${a.deskId}/day-report/pdf?date=${today}`,
          undefined,
          200,
        )
      ).rawPayload,
    );
    expect(bg).toContain('Касови бележки по обект и работно място');
    expect(bg).toContain('Каса Център 2');
    expect(bg).toContain('По фискално устройство (за равнение със Z отчета)');
    expect(bg.replace(/\s+/g, ' ')).toContain('ФУ Юг DT222222 има за деня и бележки към други сметки');
    expect(bg).not.toContain('Sale receipts by site');
    const both = await pdfText(
      (
        await send(
          desk,
          'GET',
          `/api/v1/money-accounts/${a.deskId}/day-report/pdf?date=${today}&language=bg%2Ben`,
          undefined,
          200,
        )
      ).rawPayload,
    );
    expect(both).toContain('Касови бележки по обект и работно място / Sale receipts by site and workstation');
    // The note is a paragraph: the PDF wraps it.
    expect(both.replace(/\s+/g, ' ')).toContain(
      'ФУ Юг DT222222 also printed receipts into other accounts: its Z report is 55,00 €, this desk 20,00 €.',
    );
  });

  it('a day without sales has an empty section, said so in the PDF', async () => {
    const yesterday = addDays(today, -1);
    const report = await json(desk, 'GET', `/api/v1/money-accounts/${a.deskId}/day-report?date=${yesterday}`);
    expect(report.sales).toMatchObject({
      places: [],
      devices: [],
      total: { receipts: 0, stornos: 0, netCents: 0 },
    });
    const bg = await pdfText(
      (
        await send(
          desk,
          'GET',
          `/api/v1/money-accounts/${a.deskId}/day-report/pdf?date=${yesterday}`,
          undefined,
          200,
        )
      ).rawPayload,
    );
    expect(bg).toContain('Няма касови бележки и сторно през деня.');
  });
});
