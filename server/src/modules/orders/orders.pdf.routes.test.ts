import { beforeAll, describe, expect, it } from 'vitest';
import {
  aCustomer,
  aModel,
  anItem,
  anOrder,
  aPart,
  aPostedReceipt,
  aService,
  aSupplier,
  aTechnician,
  aUser,
  aWarehouse,
  moved,
} from '../../../test/factories';
import { DIALECTS, type Session, useTestApp } from '../../../test/harness';
import { pdfQrCodes } from '../../../test/pdf-qr';
import { pdfText } from '../../../test/pdf-text';

const FAKE_ID = '01900000-0000-7000-8000-000000000000';

describe.each(DIALECTS)('the printed documents of a service order on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read as the tests please
  let order: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  let item: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  let company: any;

  beforeAll(async () => {
    admin = await t.setup({ demo: true });
    company = (await t.request(admin, 'GET', '/api/v1/company')).json();
    item = (await t.request(admin, 'GET', '/api/v1/items?pageSize=1')).json().items[0];
    const taken = await t.request(admin, 'POST', '/api/v1/service-orders', {
      partyId: item.partyId,
      itemId: item.id,
      complaint: 'Не загрява водата, изключва предпазителя',
      accessories: ['Захранващ кабел', 'Дистанционно'],
      conditionNotes: 'Вдлъбнатина отстрани',
      promisedDate: '2026-12-18',
      customerNotes: 'Обадете се преди доставка',
    });
    expect(taken.statusCode, taken.body).toBe(201);
    order = taken.json();
  });

  const get = (session: Session | null, url: string) => t.request(session, 'GET', url);
  const pdfOf = async (url: string, session: Session = admin) => {
    const res = await get(session, url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline; /);
    return { pdf: res.rawPayload, text: await pdfText(res.rawPayload) };
  };
  const publicStatus = (token: string) => get(null, `/api/v1/public/orders/${encodeURIComponent(token)}`);
  const tokenOf = (url: string) => /\/s\/([^/?#]+)$/.exec(url)?.[1] ?? '';

  it('prints the intake protocol with the token the intake answered: requisites, customer, item, complaint, QR to the status page', async () => {
    const token = order.statusLink.token as string;
    const { pdf, text } = await pdfOf(
      `/api/v1/service-orders/${order.id}/pdf/intake?token=${encodeURIComponent(token)}`,
    );
    expect(text).toContain('ПРИЕМО-ПРЕДАВАТЕЛЕН ПРОТОКОЛ');
    expect(text).toContain(`№ ${order.number}`);
    expect(text).toContain(company.legalName);
    if (company.uic) expect(text).toContain(`ЕИК: ${company.uic}`);
    expect(text).toContain(order.customerName);
    expect(text).toContain(item.serialNumber);
    expect(text).toContain(`${item.brandName} ${item.modelName}`);
    expect(text).toContain('Не загрява водата, изключва предпазителя');
    expect(text).toContain('Захранващ кабел, Дистанционно');
    expect(text).toContain('Вдлъбнатина отстрани');
    expect(text).toContain('18.12.2026');
    expect(text).toContain('Приел:');
    expect(text).toContain('Клиент:');
    // The QR code decodes to the public page of the same token, and the address is printed in words too.
    const [qr] = pdfQrCodes(pdf);
    expect(qr).toMatch(/^http:\/\/[^/]+\/s\//);
    expect(qr).toBe(`${qr?.split('/s/')[0]}/s/${token}`);
    expect(text).toContain(qr);
    // Printed with its token, the link stays the same.
    expect((await publicStatus(token)).statusCode).toBe(200);

    const en = await pdfOf(
      `/api/v1/service-orders/${order.id}/pdf/intake?language=en&token=${encodeURIComponent(token)}`,
    );
    expect(en.text).toContain('INTAKE PROTOCOL');
    expect(en.text).toContain(`No. ${order.number}`);
    expect(pdfQrCodes(en.pdf)).toEqual([qr]);
  });

  it('a reprint without the token keeps the customer’s link working: no QR code, the protocol says the link still works', async () => {
    const old = order.statusLink.token as string;
    const before = (await get(admin, `/api/v1/service-orders/${order.id}/timeline`)).json();
    const { pdf, text } = await pdfOf(`/api/v1/service-orders/${order.id}/pdf/intake`);
    expect(pdfQrCodes(pdf)).toEqual([]);
    expect(text).toContain('продължава да работи');
    expect((await publicStatus(old)).statusCode).toBe(200);
    expect((await get(admin, `/api/v1/service-orders/${order.id}/timeline`)).json()).toEqual(before);
  });

  it('a print asked with a new link makes one, the old one stops working, and the timeline says so', async () => {
    const old = order.statusLink.token as string;
    const { pdf } = await pdfOf(`/api/v1/service-orders/${order.id}/pdf/intake?newLink=true`);
    const [qr] = pdfQrCodes(pdf);
    const fresh = tokenOf(qr ?? '');
    expect(fresh).not.toBe('');
    expect(fresh).not.toBe(old);
    expect((await publicStatus(old)).statusCode).toBe(404);
    const page = await publicStatus(fresh);
    expect(page.statusCode).toBe(200);
    expect(page.json().number).toBe(order.number);
    const timeline = (await get(admin, `/api/v1/service-orders/${order.id}/timeline`)).json();
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('printed');
    order.statusLink.token = fresh;
  });

  it('a reader who may not make links gets the protocol without a QR code, and the link stays', async () => {
    const storekeeper = await t.signInAs('storekeeper');
    const { pdf, text } = await pdfOf(
      `/api/v1/service-orders/${order.id}/pdf/intake?newLink=true`,
      storekeeper,
    );
    expect(pdfQrCodes(pdf)).toEqual([]);
    expect(text).toContain(`№ ${order.number}`);
    expect((await publicStatus(order.statusLink.token)).statusCode).toBe(200);
  });

  it('prints the work report, the warranty protocol and the warranty card in bg and en', async () => {
    const report = await pdfOf(`/api/v1/service-orders/${order.id}/pdf/work-report`);
    expect(report.text).toContain('ПРОТОКОЛ ЗА ИЗВЪРШЕНА РАБОТА');
    expect(report.text).toContain(`№ ${order.number}`);
    expect(report.text).toContain(company.legalName);
    expect(report.text).toContain(item.serialNumber);
    expect(report.text).toContain('Общо за плащане: 0,00 €');
    expect((await pdfOf(`/api/v1/service-orders/${order.id}/pdf/work-report?language=en`)).text).toContain(
      'WORK REPORT',
    );

    const claim = await pdfOf(`/api/v1/service-orders/${order.id}/pdf/warranty-protocol`);
    expect(claim.text).toContain('ГАРАНЦИОНЕН ПРОТОКОЛ');
    expect(claim.text).toContain(item.brandName);
    expect(claim.text).toContain('Поръчката няма редове за сметка на гаранция.');
    expect((await pdfOf(`/api/v1/service-orders/${order.id}/pdf/warranty-protocol?lang=en`)).text).toContain(
      'WARRANTY CLAIM PROTOCOL',
    );

    const card = await pdfOf(`/api/v1/service-orders/${order.id}/pdf/warranty-card`);
    expect(card.text).toContain('ГАРАНЦИОННА КАРТА');
    expect(card.text).toContain('Ремонтът няма гаранции.');
    expect((await pdfOf(`/api/v1/service-orders/${order.id}/pdf/warranty-card?language=en`)).text).toContain(
      'WARRANTY CARD',
    );
  });

  it('answers 404 for an unknown order, 400 for an unknown document or language, 401 without a session', async () => {
    expect((await get(admin, `/api/v1/service-orders/${FAKE_ID}/pdf/intake`)).statusCode).toBe(404);
    expect((await get(admin, `/api/v1/service-orders/${FAKE_ID}/pdf/work-report`)).statusCode).toBe(404);
    expect((await get(admin, `/api/v1/service-orders/${order.id}/pdf/invoice`)).statusCode).toBe(400);
    expect((await get(admin, `/api/v1/service-orders/${order.id}/pdf/intake?language=de`)).statusCode).toBe(
      400,
    );
    expect((await get(null, `/api/v1/service-orders/${order.id}/pdf/intake`)).statusCode).toBe(401);
  });
});

describe.each(DIALECTS)('the documents of a finished repair on %s', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let desk: Session;
  let orderId: string;
  let number: string;

  const send = async (session: Session, method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown) => {
    const res = await t.request(session, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const pdfText$ = async (url: string, session: Session = admin) => {
    const res = await t.request(session, 'GET', url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return pdfText(res.rawPayload);
  };

  beforeAll(async () => {
    admin = await t.setup();
    const company = (await t.request(admin, 'GET', '/api/v1/company')).json();
    await send(admin, 'PUT', '/api/v1/company', {
      legalName: company.legalName,
      uic: '131129282',
      vatNumber: 'BG131129282',
      vatRegistered: true,
      defaultVatRateBp: 2000,
      fiscalDeviceRequired: false,
      bankAccounts: [],
    });
    desk = await aUser(t, 'reception');
    const keeper = await aUser(t, 'storekeeper');
    const supplierId = (await aSupplier(t, admin)).id;
    const customer = await aCustomer(t, admin, {
      name: 'Пералня Експрес ООД',
      kind: 'company',
      uic: '131071587',
    });
    const main = (await aWarehouse(t, keeper, { code: 'MAIN' })).id;
    const model = await aModel(t, admin);
    const lead = await aTechnician(t, admin, { name: 'Георги Техников' });
    const second = await aTechnician(t, admin, { name: 'Петър Монтьоров' });
    const labour = await aService(t, admin, { nameBg: 'Смяна на лагери', normMinutes: 60, priceCents: 6000 });
    const pump = await aPart(t, admin, { nameBg: 'Помпа за пералня 30 W', salePriceCents: 2500 });
    const bearing = await aPart(t, admin, { nameBg: 'Лагери 6305 (к-т)', salePriceCents: 3500 });
    await aPostedReceipt(t, keeper, {
      warehouseId: main,
      supplierId,
      lines: [
        { partId: pump.id, quantityMilli: 10_000, unitCostCents: 1240 },
        { partId: bearing.id, quantityMilli: 10_000, unitCostCents: 1750 },
      ],
    });
    // Bought long ago: out of the manufacturer's warranty, so the lines default to the customer.
    const item = await anItem(t, admin, {
      modelId: model.id,
      partyId: customer.id,
      purchaseDate: '2020-01-10',
      warrantyMonths: 24,
    });
    const order = await anOrder(t, desk, { partyId: customer.id, itemId: item.id, technicianId: lead.id });
    orderId = order.id;
    number = order.number;
    await moved(t, desk, orderId, 'diagnosing', 'in_repair');
    await send(desk, 'PATCH', `/api/v1/service-orders/${orderId}`, {
      diagnosis: 'Запушена помпа и износени лагери',
    });
    const lines = `/api/v1/service-orders/${orderId}/lines`;
    await send(desk, 'POST', lines, {
      kind: 'part',
      partId: pump.id,
      warehouseId: main,
      quantityMilli: 1000,
      fittedSerial: 'PMP-NEW-1',
      removedSerial: 'PMP-OLD-1',
      removedDisposition: 'scrapped',
    });
    await send(desk, 'POST', lines, {
      kind: 'part',
      partId: bearing.id,
      warehouseId: main,
      quantityMilli: 1000,
      payer: 'manufacturer_warranty',
      payerReason: 'Фабричен дефект на лагера',
      fittedSerial: 'BRG-NEW-7',
      removedSerial: 'BRG-OLD-7',
      removedDisposition: 'returned',
    });
    // 60 min at 60.00 €/h − 10 % = 54.00 €
    await send(desk, 'POST', lines, {
      kind: 'labour',
      serviceTypeId: labour.id,
      quantityMilli: 1000,
      discountBp: 1000,
      actualMinutes: 100,
      technicians: [
        { technicianId: lead.id, shareBp: 6000 },
        { technicianId: second.id, shareBp: 4000 },
      ],
    });
    // 10 km × 0.50 € at 9 % = 5.00 €
    await send(desk, 'POST', lines, {
      kind: 'charge',
      description: 'Транспорт',
      quantityMilli: 10_000,
      unitPriceCents: 50,
      vatRateBp: 900,
    });
    await moved(t, desk, orderId, 'ready');
  });

  it('the work report: diagnosis, parts with both serials, labour by two technicians, the warranty part at zero, VAT per rate by hand', async () => {
    const text = await pdfText$(`/api/v1/service-orders/${orderId}/pdf/work-report`);
    expect(text).toContain(`№ ${number}`);
    expect(text).toContain('ЕИК: 131129282');
    expect(text).toContain('Пералня Експрес ООД');
    expect(text).toContain('Запушена помпа и износени лагери');
    for (const s of ['PMP-NEW-1', 'PMP-OLD-1', '(бракувана)', 'BRG-NEW-7', 'BRG-OLD-7', '(върната на'])
      expect(text).toContain(s);
    expect(text).toContain('Георги Техников');
    expect(text).toContain('Петър Монтьоров');
    expect(text).toContain('60 100 60,00 € 10 % 20 % 54,00 €');
    // The bearing is the manufacturer's: 0 for the customer, its list value in the warranty total.
    expect(text).toContain('0,00 € 20 % 0,00 €');
    expect(text).toContain('Покрито от гаранция (по каталожни цени): 35,00 €');
    // 20 %: 25.00 + 54.00 = 79.00, VAT 15.80; 9 %: 5.00, VAT 0.45; total 84.00 + 16.25 = 100.25
    expect(text).toContain('Данъчна основа 20 %: 79,00 €');
    expect(text).toContain('ДДС 20 %: 15,80 €');
    expect(text).toContain('Данъчна основа 9 %: 5,00 €');
    expect(text).toContain('ДДС 9 %: 0,45 €');
    expect(text).toContain('Общо без ДДС: 84,00 €');
    expect(text).toContain('Общо за плащане: 100,25 €');
    expect(await pdfText$(`/api/v1/service-orders/${orderId}/pdf/work-report?language=en`)).toContain(
      'Total due: €100.25',
    );
  });

  it('the warranty protocol claims only the warranty part, with old and new serial, cost for the valuers and list value', async () => {
    const text = await pdfText$(`/api/v1/service-orders/${orderId}/pdf/warranty-protocol`);
    expect(text).toContain('ГАРАНЦИОНЕН ПРОТОКОЛ');
    expect(text).toContain('Лагери 6305 (к-т)');
    expect(text).toContain('BRG-OLD-7 BRG-NEW-7');
    expect(text).not.toContain('PMP-NEW-1');
    expect(text).not.toContain('Транспорт');
    expect(text).toContain('Себестойност общо: 17,50 €');
    expect(text).toContain('Стойност на претенцията: 35,00 €');
    // The desk does not see stock costs: the claim prints without them.
    const forDesk = await pdfText$(`/api/v1/service-orders/${orderId}/pdf/warranty-protocol`, desk);
    expect(forDesk).not.toContain('17,50');
    expect(forDesk).toContain('Стойност на претенцията: 35,00 €');
  });

  it('the warranty card lists each warranty record: part, serial, months and end; the labour too', async () => {
    const detail = (await t.request(admin, 'GET', `/api/v1/service-orders/${orderId}`)).json();
    const text = await pdfText$(`/api/v1/service-orders/${orderId}/pdf/warranty-card`);
    expect(text).toContain('ГАРАНЦИОННА КАРТА');
    expect(detail.warrantyRecords.length).toBeGreaterThan(0);
    for (const r of detail.warrantyRecords) {
      const until = r.validUntil.split('-').reverse().join('.');
      expect(text).toContain(`${r.months} ${until}`);
      if (r.serial) expect(text).toContain(r.serial);
    }
    expect(text).toContain('Част Помпа за пералня 30 W');
    expect(text).toContain('Труд');
    expect(text).toContain('PMP-NEW-1');
  });
});
