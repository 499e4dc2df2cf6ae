import { addDays, instantAt, todayDate } from '@servix/server/kernel/calendar';
import { columnOf, SLOW, yOf } from './field-support';
import { api, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

const DESKTOP = { width: 1440, height: 900 };

test('a dispatcher plans a visit by dragging it onto a technician’s day, sees the occupancy and a refused overlap', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page);
  await expectHome(page);

  // A customer with an air conditioner at its site, a technician working every day 07–19 (no skills: a warning),
  // and two requests for the day after tomorrow; the desk took them earlier (through the API here).
  const u = `${Date.now() % 1_000_000}`.padStart(6, '0');
  const day = addDays(todayDate(), 2);
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `Хотел Витоша ${u} ООД`,
    isCustomer: true,
    isSupplier: false,
  });
  const site = await post(page, '/api/v1/sites', {
    partyId: customer.id,
    name: `Ресторант ${u}`,
    city: 'София',
  });
  const model = (await api(page, '/api/v1/models?pageSize=1')).items[0];
  const item = await post(page, '/api/v1/items', {
    modelId: model.id,
    partyId: customer.id,
    siteId: site.id,
    serialNumber: `SN-SC-${u}`,
  });
  const technicianName = `Тодор ${u}`;
  const technician = await post(page, '/api/v1/technicians', {
    name: technicianName,
    skills: [],
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 7 * 60, endMinute: 19 * 60 })),
  });
  const request = await post(page, '/api/v1/visit-requests', {
    partyId: customer.id,
    siteId: site.id,
    itemIds: [item.id],
    problem: `Климатикът капе ${u}`,
  });
  const other = await post(page, '/api/v1/visit-requests', {
    partyId: customer.id,
    siteId: site.id,
    itemIds: [item.id],
    problem: `Профилактика ${u}`,
  });
  // The expected time: the default visit and travel (no planned services).
  expect(request.expectedMinutes).toBe(90);

  // The heat map before: nothing booked for the technician on that day.
  await page.goto(`/visits/occupancy?from=${day}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Натовареност на техниците' })).toBeVisible(SLOW);
  const cell = page
    .getByTestId('occupancy-table')
    .locator(`tr[data-technician="${technicianName}"] td[data-period="${day}"]`);
  await expect(cell).toContainText('0 %', SLOW);
  await expect(cell).toContainText('0 от 12 ч');

  // The schedule, from the menu: the day, the waiting request in the side list.
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'График на техниците' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'График на техниците' })).toBeVisible(SLOW);
  await page.goto(`/visits/schedule?date=${day}`);
  const card = page.getByTestId('unplanned-request').filter({ hasText: `Климатикът капе ${u}` });
  await expect(card).toBeVisible(SLOW);
  const column = await columnOf(page, technicianName);
  await column.scrollIntoViewIfNeeded();

  // Drag it onto the technician's column at 10:00.
  const y10 = await yOf(page, '10:00');
  const box = await column.boundingBox();
  if (!box) throw new Error('no column');
  await card.dragTo(column, { targetPosition: { x: box.width / 2, y: y10 - box.y + 2 } });
  await expect(page.getByText('Посещението е планирано.')).toBeVisible(SLOW);
  // The technician has no skill for the air conditioner's category: booked, with a warning naming them.
  await expect(page.getByText(new RegExp(`${technicianName} няма умение`))).toBeVisible(SLOW);
  const planned = column.getByTestId('schedule-event').filter({ hasText: `Хотел Витоша ${u}` });
  await expect(planned).toBeVisible(SLOW);
  await expect(planned).toContainText('10:00–11:30');
  await expect(card).toHaveCount(0, SLOW);
  const booked = await api(page, `/api/v1/visit-requests/${request.id}`);
  expect(booked.status).toBe('planned');
  expect(booked.bookings).toHaveLength(1);
  expect(booked.bookings[0].technicians.map((x: { id: string }) => x.id)).toEqual([technician.id]);
  const bookingId = booked.bookings[0].id as string;
  await shot(page, 'schedule-bg');

  // The heat map after: 1.5 h of 12 booked that day.
  await page.goto(`/visits/occupancy?from=${day}`);
  await expect(cell).toContainText('13 %', SLOW);
  await expect(cell).toContainText('1,5 от 12 ч');
  await expect(cell.getByTestId('occupancy-cell')).toHaveAttribute('data-level', 'free');
  await shot(page, 'occupancy-bg');

  // The other request is booked at 13:00; moving the first onto it is refused, naming the overlap.
  await post(page, '/api/v1/visit-bookings', {
    requestId: other.id,
    technicianIds: [technician.id],
    start: instantAt(day, 13 * 60).toISOString(),
  });
  await page.goto(`/visits/schedule?date=${day}`);
  const column2 = await columnOf(page, technicianName);
  const event = column2.locator(`[data-booking="${bookingId}"]`);
  await expect(event).toBeVisible(SLOW);
  // 13:00 measured against the column (the gutter and the columns scroll up and down together), then the event
  // brought into view: the calendar scrolls sideways to it.
  const offset13 = (await yOf(page, '13:00')) - ((await column2.boundingBox())?.y ?? 0);
  await event.scrollIntoViewIfNeeded();
  const from = await event.boundingBox();
  const columnBox = await column2.boundingBox();
  if (!from || !columnBox) throw new Error('no event');
  const x = from.x + from.width / 2;
  const y13 = columnBox.y + offset13 + 10;
  await page.mouse.move(x, from.y + 10);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x, from.y + 10 + ((y13 - from.y - 10) * i) / 10);
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'Графикът не позволява' });
  await expect(dialog).toBeVisible(SLOW);
  await expect(dialog).toContainText('Застъпване с друго посещение');
  await expect(dialog.getByTestId('conflict-message')).toContainText(technicianName);
  // The administrator may book anyway with a reason; they leave it as it was and the calendar reverts.
  await expect(dialog.getByRole('button', { name: 'Запиши въпреки това' })).toBeDisabled();
  await shot(page, 'schedule-conflict-bg');
  await dialog.getByRole('button', { name: 'Остави както беше' }).click();
  await expect(column2.locator(`[data-booking="${bookingId}"]`)).toContainText('10:00–11:30', SLOW);
  expect((await api(page, `/api/v1/visit-bookings/${bookingId}`)).start).toBe(booked.bookings[0].start);

  // The request's page: its data, the visit and its history.
  await page.goto(`/visits/${request.id}`);
  await expect(page.getByRole('heading', { level: 2, name: `Хотел Витоша ${u} ООД` })).toBeVisible(SLOW);
  await expect(page.getByTestId('request-status')).toHaveText('Планирана');
  await expect(page.getByTestId('request-bookings')).toContainText(technicianName);
  await expect(page.getByTestId('request-bookings')).toContainText('Планирано');
  await shot(page, 'visit-request-bg');
  // The other one, still new at another site time: its suggestions offer the technician.
  const third = await post(page, '/api/v1/visit-requests', {
    partyId: customer.id,
    siteId: site.id,
    problem: `Шум ${u}`,
  });
  await page.goto(`/visits/${third.id}`);
  await expect(page.getByTestId('suggestions')).toContainText(technicianName, SLOW);
  await shot(page, 'visit-request-new-bg');

  // A day off for the technician the day after, under Settings: the heat map shows them not working then.
  const dayAfter = addDays(day, 1);
  await page.goto('/settings/visits');
  await expect(page.getByRole('heading', { level: 2, name: 'Планиране на посещения' })).toBeVisible(SLOW);
  const addForm = page.getByRole('form', { name: 'Добави почивен ден' });
  await addForm.getByRole('combobox', { name: 'Техник' }).click();
  await page.getByRole('option', { name: technicianName }).click();
  const [y, m, d] = dayAfter.split('-');
  await addForm.getByRole('textbox', { name: 'Дата' }).fill(`${d}.${m}.${y}`);
  await addForm.getByRole('textbox', { name: 'Бележка' }).fill('Отпуск');
  await addForm.getByRole('button', { name: 'Добави почивен ден' }).click();
  await expect(
    page.getByTestId('days-off').getByRole('row').filter({ hasText: technicianName }),
  ).toContainText('Отпуск', SLOW);
  await shot(page, 'planning-settings-bg');
  await page.goto(`/visits/occupancy?from=${day}`);
  await expect(
    page
      .getByTestId('occupancy-table')
      .locator(`tr[data-technician="${technicianName}"] td[data-period="${dayAfter}"]`)
      .getByTestId('occupancy-cell'),
  ).toHaveAttribute('data-level', 'off', SLOW);

  // On a phone: the day as cards per technician, nothing wider than the screen.
  await page.setViewportSize(PHONE);
  await page.goto(`/visits/schedule?date=${day}`);
  const phoneDay = page.getByTestId('technician-day').filter({ hasText: technicianName });
  await expect(phoneDay).toContainText('10:00–11:30', SLOW);
  await expectFitsScreen(page, 'the schedule (bg)');
  await shot(page, 'schedule-bg-390');
  // The next day the technician is off (the day off above).
  await page.goto(`/visits/schedule?date=${dayAfter}`);
  await expect(page.getByTestId('technician-day').filter({ hasText: technicianName })).toContainText(
    'Почивен ден',
    SLOW,
  );
  await page.goto(`/visits/schedule?date=${day}`);
  await expect(phoneDay).toContainText('10:00–11:30', SLOW);
  // Moving through the dialog onto the other visit is refused the same way.
  await phoneDay.locator(`[data-booking="${bookingId}"]`).getByRole('button', { name: 'Премести' }).click();
  await page.getByRole('textbox', { name: 'Начало' }).fill('13:30');
  await page
    .getByRole('dialog', { name: 'Преместване на посещение' })
    .getByRole('button', { name: 'Премести' })
    .click();
  await expect(page.getByRole('dialog', { name: 'Графикът не позволява' })).toContainText(
    'Застъпване с друго посещение',
    SLOW,
  );
  await page.getByRole('button', { name: 'Остави както беше' }).click();
  await page.goto(`/visits/occupancy?from=${day}`);
  await expect(page.getByTestId('occupancy-technician').filter({ hasText: technicianName })).toBeVisible(
    SLOW,
  );
  await expectFitsScreen(page, 'the occupancy heat map (bg)');
  await shot(page, 'occupancy-bg-390');
  await page.goto(`/visits/${request.id}`);
  await expect(page.getByTestId('request-bookings')).toContainText(technicianName, SLOW);
  await expectFitsScreen(page, 'the visit request (bg)');
  await shot(page, 'visit-request-bg-390');

  // The same in English.
  await page.setViewportSize(DESKTOP);
  await switchLanguage(page, 'en');
  try {
    await page.goto(`/visits/schedule?date=${day}&view=week`);
    await expect(page.getByRole('heading', { level: 2, name: 'Technicians’ schedule' })).toBeVisible(SLOW);
    await expect(page.getByTestId('schedule-calendar').getByText(`Хотел Витоша ${u}`).first()).toBeVisible(
      SLOW,
    );
    await shot(page, 'schedule-week-en');
    await page.goto(`/visits/schedule?date=${day}`);
    await expect(page.getByTestId('schedule-calendar')).toBeVisible(SLOW);
    await shot(page, 'schedule-en');
    await page.goto(`/visits/occupancy?from=${day}&groupBy=week`);
    await expect(page.getByRole('heading', { level: 2, name: 'Technicians’ occupancy' })).toBeVisible(SLOW);
    await shot(page, 'occupancy-week-en');
    await page.goto(`/visits/${request.id}`);
    await expect(page.getByTestId('request-status')).toHaveText('Planned', SLOW);
    await shot(page, 'visit-request-en');
    await page.setViewportSize(PHONE);
    await page.goto(`/visits/schedule?date=${day}`);
    await expect(page.getByTestId('technician-day').first()).toBeVisible(SLOW);
    await expectFitsScreen(page, 'the schedule (en)');
    await shot(page, 'schedule-en-390');
    await page.goto(`/visits/occupancy?from=${day}`);
    await expect(page.getByTestId('occupancy-technician').first()).toBeVisible(SLOW);
    await expectFitsScreen(page, 'the occupancy heat map (en)');
    await shot(page, 'occupancy-en-390');
    await page.goto(`/visits/${request.id}`);
    await expect(page.getByTestId('request-status')).toHaveText('Planned', SLOW);
    await expectFitsScreen(page, 'the visit request (en)');
    await shot(page, 'visit-request-en-390');
  } finally {
    await page.setViewportSize(DESKTOP);
    await switchLanguage(page, 'bg');
  }
});

test('a shop order is planned on the schedule as a work block from its page and counts in the occupancy', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signIn(page);
  await expectHome(page);
  const u = `${Date.now() % 1_000_000}`.padStart(6, '0');
  const day = todayDate();
  const technicianName = `Стефан Сервизов ${u}`;
  const technician = await post(page, '/api/v1/technicians', {
    name: technicianName,
    hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 7 * 60, endMinute: 19 * 60 })),
  });
  const service = await post(page, '/api/v1/service-types', {
    code: `WB-${u}`,
    nameBg: `Смяна на лагери ${u}`,
    normMinutes: 90,
    pricing: 'hourly',
    priceCents: 4000,
  });
  const customer = await post(page, '/api/v1/parties', { kind: 'person', name: `Петя Пералнова ${u}` });
  const model = (await api(page, '/api/v1/models?pageSize=1')).items[0];
  const order = await post(page, '/api/v1/service-orders', {
    partyId: customer.id,
    serialNumber: `SN-WB-${u}`,
    modelId: model.id,
    complaint: 'Тропа при центрофуга',
    technicianId: technician.id,
  });
  await post(page, `/api/v1/service-orders/${order.id}/lines`, {
    kind: 'labour',
    serviceTypeId: service.id,
    quantityMilli: 1000,
  });

  // From the order's page: the work block lasts the labour's 90 norm minutes; booked at 09:00 today.
  await page.goto(`/orders/${order.id}`);
  const card = page.getByTestId('plan-work-block');
  await card.getByRole('button', { name: 'Планирай в графика' }).click();
  const dialog = page.getByRole('dialog', { name: 'Работа в сервиза в графика' });
  await expect(dialog.getByRole('textbox', { name: 'Продължителност (мин)' })).toHaveValue('90', SLOW);
  await expect(dialog.getByRole('combobox', { name: 'Техник' })).toHaveValue(technicianName);
  await shot(page, 'work-block-dialog-bg');
  await dialog.getByRole('button', { name: 'Запиши в графика' }).click();
  await expect(page.getByText('Работата е записана в графика.')).toBeVisible(SLOW);

  // On the schedule: a block in the technician's column, named by the order's number, 09:00–10:30.
  await card.getByRole('link', { name: /Виж графика/ }).click();
  const column = await columnOf(page, technicianName);
  await expect(column.getByTestId('schedule-event').filter({ hasText: order.number })).toContainText(
    '09:00–10:30',
    SLOW,
  );
  // The occupancy counts it: 90 minutes of 12 hours.
  await page.goto(`/visits/occupancy?from=${day}`);
  await expect(
    page
      .getByTestId('occupancy-table')
      .locator(`tr[data-technician="${technicianName}"] td[data-period="${day}"]`),
  ).toContainText('13 %', SLOW);
  // A second block over the first is refused with the conflict named.
  await page.goto(`/orders/${order.id}`);
  await card.getByRole('button', { name: 'Планирай в графика' }).click();
  await dialog.getByRole('button', { name: 'Запиши в графика' }).click();
  await expect(page.getByTestId('conflict-message')).toContainText(technicianName, SLOW);
});
