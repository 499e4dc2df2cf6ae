import { todayDate } from '@servix/server/kernel/calendar';
import { pdfText } from '../server/test/pdf-text';
import {
  aCustomerSite,
  aFieldTechnician,
  aPhoto,
  aVanWithPart,
  chooseService,
  columnOf,
  drawSignature,
  phoneOf,
  SLOW,
  setLocale,
  yOf,
} from './field-support';
import { api, expect, expectHome, post, shot, signIn, test } from './support';
import { expectFitsScreen } from './width';

const PASSWORD = 'e2e-field-visit-2026';
const DESKTOP = { width: 1440, height: 900 };

/**
 * Issue 14's journey in one go: the dispatcher plans a request by dragging it onto a technician's day and sees the
 * occupancy change; then, on a 390 px phone, the technician opens the job, starts it, adds a part from their van and
 * labour, takes a photo, has the customer sign on the screen and finishes; the work report PDF carries the signature.
 */
test('a request planned by drag and drop is done on the technician’s phone, signed, and printed on the work report', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page);
  await expectHome(page);

  // The office's master data, through the API: a technician (07–19 every day) with a user and a van holding 3
  // filters, a customer's site with an air conditioner, a planned service of 45 minutes.
  const run = String(Date.now()).slice(-6);
  const today = todayDate();
  const username = `field.tech.${run}`;
  const fullName = `Иван Теренов ${run}`;
  const { technician } = await aFieldTechnician(page, {
    username,
    fullName,
    password: PASSWORD,
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 7 * 60, endMinute: 19 * 60 })),
  });
  const { van, part } = await aVanWithPart(page, technician.id, {
    run,
    code: `FV${run}`,
    partCode: `FV-FLT-${run}`,
    partName: `Филтър за климатик ${run}`,
    quantityMilli: 3000,
    supplierName: `Доставчик ${run} ЕООД`,
  });
  const { customer, site, item } = await aCustomerSite(page, {
    name: `Аптека Здраве ${run} ООД`,
    siteName: `Аптека ${run}`,
    city: 'Пловдив',
    address: 'ул. Главна 5',
    serial: `SN-FV-${run}`,
  });
  const service = await post(page, '/api/v1/service-types', {
    code: `FV-SRV-${run}`,
    nameBg: `Профилактика на климатик ${run}`,
    normMinutes: 45,
    pricing: 'hourly',
    priceCents: 4000,
  });

  // The call: the desk records the request (45 minutes of service + 30 of travel).
  const request = await post(page, '/api/v1/visit-requests', {
    partyId: customer.id,
    siteId: site.id,
    itemIds: [item.id],
    services: [{ serviceTypeId: service.id, itemId: item.id }],
    problem: `Климатикът не охлажда ${run}`,
  });
  expect(request.expectedMinutes).toBe(75);

  // The technician's day on the heat map before: nothing booked.
  await page.goto(`/visits/occupancy?from=${today}`);
  const cell = page
    .getByTestId('occupancy-table')
    .locator(`tr[data-technician="${fullName}"] td[data-period="${today}"]`);
  await expect(cell).toContainText('0 %', SLOW);

  // The dispatcher drags the waiting request onto the technician's column at 10:00 today.
  await page.goto(`/visits/schedule?date=${today}`);
  const waiting = page.getByTestId('unplanned-request').filter({ hasText: `Климатикът не охлажда ${run}` });
  await expect(waiting).toBeVisible(SLOW);
  const column = await columnOf(page, fullName);
  await column.scrollIntoViewIfNeeded();
  const y10 = await yOf(page, '10:00');
  const box = await column.boundingBox();
  if (!box) throw new Error('no column');
  await waiting.dragTo(column, { targetPosition: { x: box.width / 2, y: y10 - box.y + 2 } });
  await expect(page.getByText('Посещението е планирано.')).toBeVisible(SLOW);
  await expect(
    column.getByTestId('schedule-event').filter({ hasText: `Аптека Здраве ${run}` }),
  ).toContainText('10:00–11:15', SLOW);
  const planned = await api(page, `/api/v1/visit-requests/${request.id}`);
  expect(planned.status).toBe('planned');
  const bookingId = planned.bookings[0].id as string;

  // The heat map after: 75 minutes of 12 hours.
  await page.goto(`/visits/occupancy?from=${today}`);
  await expect(cell).toContainText('10 %', SLOW);
  await shot(page, 'field-visit-occupancy-bg');

  // The technician's phone.
  const tech = await phoneOf(browser, username, fullName, PASSWORD);
  const p = tech.page;
  try {
    await setLocale(p, 'bg');
    await p.goto('/my-jobs');
    const card = p.getByTestId('job-card').filter({ hasText: `Аптека Здраве ${run} ООД` });
    await expect(card).toContainText(`Климатикът не охлажда ${run}`, SLOW);
    await card.getByRole('link', { name: 'Отвори' }).click();
    await p.getByRole('button', { name: 'Започни посещението' }).click();
    const lines = p.getByTestId('job-lines');
    await expect(lines).toContainText(`Профилактика на климатик ${run}`, SLOW);

    // A filter from the van (3 free → 2) and labour from the catalogue.
    const vanPart = p.getByTestId('van-part').filter({ hasText: `Филтър за климатик ${run}` });
    await expect(vanPart).toContainText('свободни 3', SLOW);
    await vanPart.getByRole('button', { name: 'Добави' }).click();
    await expect(lines).toContainText(`Филтър за климатик ${run}`, SLOW);
    await expect(vanPart).toContainText('свободни 2', SLOW);
    await chooseService(p, 'Услуга', `FV-SRV-${run}`);
    await p.getByRole('button', { name: 'Добави труд' }).click();
    await expect(p.getByText(`Добавен труд: FV-SRV-${run} — Профилактика на климатик ${run}.`)).toBeVisible(
      SLOW,
    );

    // A photo from the camera.
    await p.getByTestId('order-photos-input').setInputFiles({
      name: 'klimatik.png',
      mimeType: 'image/png',
      buffer: await aPhoto(),
    });
    await expect(p.getByTestId('order-photos').getByRole('img')).toHaveCount(1, SLOW);

    // The customer signs on the phone's screen.
    const signature = p.getByTestId('order-signature');
    await drawSignature(p);
    const signer = `Мария Фармацевтова ${run}`;
    await signature.getByRole('textbox', { name: /Име на подписващия/ }).fill(signer);
    await expectFitsScreen(p, 'the started job with the signature pad (bg)');
    await shot(p, 'field-visit-signing-bg-390');
    await signature.getByRole('button', { name: 'Запиши подписа' }).click();
    await expect(signature.getByTestId('order-signature-stored')).toContainText(`Подписал: ${signer}`, SLOW);

    // Finish with the actual minutes.
    await p.getByRole('button', { name: 'Завърши посещението' }).click();
    await p.getByRole('textbox', { name: 'Действително време (минути)' }).fill('55');
    await p.getByRole('button', { name: 'Завърши', exact: true }).click();
    await expect(p.getByTestId('job-done')).toContainText('55 мин', SLOW);
    await expectFitsScreen(p, 'the done job (bg)');
    await shot(p, 'field-visit-done-bg-390');

    // The order is ready, the van holds 2, the booking is done; the work report carries the visit and the signature.
    const job = await api(p, `/api/v1/visit-bookings/${bookingId}/job`);
    const order = await api(page, `/api/v1/service-orders/${job.orderId}`);
    expect(order).toMatchObject({ status: 'ready', location: 'on_site' });
    const levels = await api(page, `/api/v1/stock/levels?warehouseId=${van.id}&partId=${part.id}`);
    expect(levels.items[0].onHandMilli).toBe(2000);
    expect(await api(page, `/api/v1/visit-bookings/${bookingId}`)).toMatchObject({
      status: 'done',
      actualMinutes: 55,
    });
    const pdf = await page.request.get(`/api/v1/service-orders/${job.orderId}/work-report.pdf?language=bg`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    // Words as printed: a long name may wrap inside its table cell.
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('ПРОТОКОЛ ЗА ИЗВЪРШЕНА РАБОТА');
    expect(text).toContain(signer);
    expect(text).toContain(fullName);
    expect(text).toContain(`Филтър за климатик ${run}`);
    expect(bytes.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);

    // The phone in English too.
    await setLocale(p, 'en');
    await p.reload();
    await expect(p.getByTestId('job-done')).toContainText('55 min', SLOW);
    await expect(p.getByTestId('order-signature-stored')).toContainText(`Signed by ${signer}`, SLOW);
    await expectFitsScreen(p, 'the done job (en)');
    await shot(p, 'field-visit-done-en-390');
    expect(tech.errors).toEqual([]);
  } finally {
    await tech.close();
  }
});
