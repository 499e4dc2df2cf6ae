import {
  aCustomerSite,
  aFieldTechnician,
  aPhoto,
  aVanWithPart,
  chooseService,
  phoneOf as phoneWith,
  SLOW,
  setLocale,
} from './field-support';
import { api, expect, expectHome, post, shot, signIn, test } from './support';
import { expectFitsScreen } from './width';

const phoneOf = (browser: Parameters<typeof phoneWith>[0], username: string, fullName: string) =>
  phoneWith(browser, username, fullName, PASSWORD);

const PASSWORD = 'e2e-phone-tech-2026';
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));

test('a technician does today’s visit on the phone: start, a part from the van, labour, a photo, finish', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  await expectHome(page);

  // The office's part, through the API: a technician with a user and a van holding 5 pieces of a part, a customer
  // with a site and an air conditioner there, a visit request with a planned service, booked for now.
  const run = String(Date.now()).slice(-6);
  const username = `phone.tech.${run}`;
  const fullName = `Петър Телефонов ${run}`;
  const { technician } = await aFieldTechnician(page, {
    username,
    fullName,
    password: PASSWORD,
    hours: EVERY_DAY,
  });
  const { van, part } = await aVanWithPart(page, technician.id, {
    run,
    code: `VAN${run}`,
    partCode: `FLT-${run}`,
    partName: `Филтър климатик ${run}`,
    quantityMilli: 5000,
    supplierName: `Доставчик бус ${run}`,
  });
  const { customer, site, item } = await aCustomerSite(page, {
    name: `Кафене Витоша ${run} ООД`,
    siteName: `Кафене ${run}`,
    city: 'София',
    address: 'бул. Витоша 12',
    serial: `SN-PH-${run}`,
  });
  const service = await post(page, '/api/v1/service-types', {
    code: `VIS-${run}`,
    nameBg: `Профилактика ${run}`,
    normMinutes: 45,
    pricing: 'hourly',
    priceCents: 4000,
  });
  await post(page, '/api/v1/service-types', {
    code: `GAS-${run}`,
    nameBg: `Зареждане с фреон ${run}`,
    normMinutes: 30,
    pricing: 'hourly',
    priceCents: 4000,
  });
  // Last year's repair of the same air conditioner: the job page shows it in the item's history.
  const earlier = await post(page, '/api/v1/service-orders', {
    partyId: customer.id,
    itemId: item.id,
    complaint: 'Не охлажда (миналата година)',
  });
  const request = await post(page, '/api/v1/visit-requests', {
    partyId: customer.id,
    siteId: site.id,
    itemIds: [item.id],
    services: [{ serviceTypeId: service.id, itemId: item.id }],
    problem: 'Климатикът капе вода',
    contactPhone: '+359 88 765 4321',
  });
  const booking = await post(page, '/api/v1/visit-bookings', {
    requestId: request.id,
    technicianIds: [technician.id],
    start: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000).toISOString(),
    override: { reason: 'e2e: now, whatever the hour' },
  });

  // The technician's phone: today's job as a card with the phone and the map.
  const tech = await phoneOf(browser, username, fullName);
  const p = tech.page;
  try {
    await setLocale(p, 'bg');
    await p.goto('/my-jobs');
    await expect(p.getByRole('heading', { level: 2, name: 'Моите посещения' })).toBeVisible(SLOW);
    const card = p.getByTestId('job-card').filter({ hasText: `Кафене Витоша ${run} ООД` });
    await expect(card).toBeVisible(SLOW);
    await expect(card).toContainText('Климатикът капе вода');
    await expect(card).toContainText(`SN-PH-${run}`);
    await expect(card).toContainText('Планирано');
    await expect(card.getByRole('link', { name: 'Обаждане' })).toHaveAttribute('href', 'tel:+359887654321');
    await expect(card.getByRole('link', { name: 'Карта' })).toHaveAttribute(
      'href',
      /google\.com\/maps\/search\/\?api=1&query=.*%D0%92%D0%B8%D1%82%D0%BE%D1%88%D0%B0/,
    );
    await expectFitsScreen(p, 'my jobs (bg)');
    await shot(p, 'technician-my-jobs-bg-390');

    await card.getByRole('link', { name: 'Отвори' }).click();
    await expect(p.getByRole('button', { name: 'Започни посещението' })).toBeVisible(SLOW);
    await expect(p.getByTestId('job-history')).toContainText(earlier.number, SLOW);
    await expect(p.getByTestId('job-history')).toContainText('Не охлажда (миналата година)');
    await expectFitsScreen(p, 'the job before the start (bg)');
    await shot(p, 'technician-job-planned-bg-390');

    // Start: the visit becomes an on-site order in repair with the planned labour.
    await p.getByRole('button', { name: 'Започни посещението' }).click();
    const lines = p.getByTestId('job-lines');
    await expect(lines).toContainText(`Профилактика ${run}`, SLOW);
    const started = await api(p, `/api/v1/visit-bookings/${booking.id}/job`);
    expect(started.orderId).toBeTruthy();
    expect(started.orderStatus).toBe('in_repair');

    // A part from the van: its free quantity shown, one piece added.
    const vanPart = p.getByTestId('van-part').filter({ hasText: `Филтър климатик ${run}` });
    await expect(vanPart).toContainText('свободни 5', SLOW);
    await vanPart.getByRole('button', { name: 'Добави' }).click();
    await expect(lines).toContainText(`Филтър климатик ${run}`, SLOW);
    await expect(vanPart).toContainText('свободни 4', SLOW);

    // Labour from the catalogue.
    await chooseService(p, 'Услуга', `GAS-${run}`);
    await p.getByRole('button', { name: 'Добави труд' }).click();
    await expect(lines).toContainText(`Зареждане с фреон ${run}`, SLOW);
    await expect(p.getByText(`Добавен труд: GAS-${run} — Зареждане с фреон ${run}.`)).toBeVisible();
    // The history lists the earlier orders, not this visit's own.
    await expect(p.getByTestId('job-history')).not.toContainText(started.orderNumber);

    // A photo from the camera.
    await p.getByTestId('order-photos-input').setInputFiles({
      name: 'klimatik.png',
      mimeType: 'image/png',
      buffer: await aPhoto(),
    });
    await expect(p.getByTestId('order-photos').getByRole('img')).toHaveCount(1, SLOW);
    await expectFitsScreen(p, 'the started job (bg)');
    await shot(p, 'technician-job-started-bg-390');

    // Finish with the actual minutes (the norm minutes first).
    await p.getByRole('button', { name: 'Завърши посещението' }).click();
    const minutes = p.getByRole('textbox', { name: 'Действително време (минути)' });
    await expect(minutes).toHaveValue('45');
    await shot(p, 'technician-job-finish-bg-390');
    await minutes.fill('50');
    await p.getByRole('button', { name: 'Завърши', exact: true }).click();
    await expect(p.getByTestId('job-done')).toContainText('50 мин', SLOW);
    await expect(p.getByTestId('job-done')).toContainText('Готова');
    await shot(p, 'technician-job-done-bg-390');

    // The order is ready, the van holds one piece less, the booking is done with its minutes.
    const order = await api(page, `/api/v1/service-orders/${started.orderId}`);
    expect(order).toMatchObject({ status: 'ready', location: 'on_site', technicianId: technician.id });
    expect(order.lines.map((l: { kind: string }) => l.kind).sort()).toEqual(['labour', 'labour', 'part']);
    const levels = await api(page, `/api/v1/stock/levels?warehouseId=${van.id}&partId=${part.id}`);
    expect(levels.items[0].onHandMilli).toBe(4000);
    const done = await api(page, `/api/v1/visit-bookings/${booking.id}`);
    expect(done).toMatchObject({ status: 'done', actualMinutes: 50 });
    expect((await api(page, `/api/v1/visit-requests/${request.id}`)).status).toBe('done');

    // The same screens in English.
    await setLocale(p, 'en');
    await p.goto('/my-jobs');
    await expect(p.getByRole('heading', { level: 2, name: 'My jobs' })).toBeVisible(SLOW);
    await expect(card).toContainText('Done', SLOW);
    await expectFitsScreen(p, 'my jobs (en)');
    await shot(p, 'technician-my-jobs-en-390');
    await card.getByRole('link', { name: 'Open' }).click();
    await expect(p.getByTestId('job-done')).toContainText('50 min', SLOW);
    await expectFitsScreen(p, 'the done job (en)');
    await shot(p, 'technician-job-done-en-390');
    expect(tech.errors).toEqual([]);
  } finally {
    await tech.close();
  }
});

test('on the phone in English a started job shows its parts, labour and photos', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const run = `${String(Date.now()).slice(-6)}e`;
  const username = `phone.tech.${run}`;
  const fullName = `Peter Phone ${run}`;
  const { technician } = await aFieldTechnician(page, {
    username,
    fullName,
    password: PASSWORD,
    hours: EVERY_DAY,
  });
  const { customer, site, item } = await aCustomerSite(page, {
    name: `Cafe Vitosha ${run} Ltd`,
    siteName: `Cafe ${run}`,
    city: 'Sofia',
    address: '12 Vitosha Blvd',
    serial: `SN-PE-${run}`,
  });
  const request = await post(page, '/api/v1/visit-requests', {
    partyId: customer.id,
    siteId: site.id,
    itemIds: [item.id],
    problem: 'The air conditioner drips',
  });
  await post(page, '/api/v1/visit-bookings', {
    requestId: request.id,
    technicianIds: [technician.id],
    start: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000).toISOString(),
    override: { reason: 'e2e: now, whatever the hour' },
  });
  const tech = await phoneOf(browser, username, fullName);
  const p = tech.page;
  try {
    await setLocale(p, 'en');
    await p.goto('/my-jobs');
    const card = p.getByTestId('job-card').filter({ hasText: `Cafe Vitosha ${run} Ltd` });
    await card.getByRole('link', { name: 'Open' }).click();
    await expect(p.getByRole('button', { name: 'Start the visit' })).toBeVisible(SLOW);
    await shot(p, 'technician-job-planned-en-390');
    await p.getByRole('button', { name: 'Start the visit' }).click();
    await expect(p.getByText('You have no van warehouse; the office adds parts.')).toBeVisible(SLOW);
    await expect(p.getByRole('button', { name: 'Finish the visit' })).toBeVisible();
    await expectFitsScreen(p, 'the started job (en)');
    await shot(p, 'technician-job-started-en-390');
    // On a desktop the same screens keep their phone-width column.
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.goto('/my-jobs');
    await expect(p.getByTestId('job-card').filter({ hasText: `Cafe Vitosha ${run} Ltd` })).toContainText(
      'Started',
      SLOW,
    );
    await shot(p, 'technician-my-jobs-en-1280');
    expect(tech.errors).toEqual([]);
  } finally {
    await tech.close();
  }
});
