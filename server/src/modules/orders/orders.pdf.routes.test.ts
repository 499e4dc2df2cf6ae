import { beforeAll, describe, expect, it } from 'vitest';
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

  it('a reprint without the token makes a new link, the old one stops working, and the timeline says so', async () => {
    const old = order.statusLink.token as string;
    const { pdf } = await pdfOf(`/api/v1/service-orders/${order.id}/pdf/intake`);
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
    const { pdf, text } = await pdfOf(`/api/v1/service-orders/${order.id}/pdf/intake`, storekeeper);
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
