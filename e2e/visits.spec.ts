import { api, expect, expectHome, post, shot, signIn, switchLanguage, test, typedDay } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

test('a dispatcher takes a visit request for an item at a customer’s site and sees it in the queue', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  // The customer, its two sites and an air conditioner at each, through the API (the desk did it before).
  const u = `${Date.now() % 1_000_000}`.padStart(6, '0');
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `Хотел Мусала ${u} ООД`,
    isCustomer: true,
    isSupplier: false,
  });
  const lobby = await post(page, '/api/v1/sites', {
    partyId: customer.id,
    name: `Лоби ${u}`,
    city: 'Самоков',
  });
  const spa = await post(page, '/api/v1/sites', { partyId: customer.id, name: `СПА ${u}`, city: 'Самоков' });
  const models = await api(page, '/api/v1/models?pageSize=1');
  const model = models.items[0];
  await post(page, '/api/v1/items', {
    modelId: model.id,
    partyId: customer.id,
    siteId: lobby.id,
    serialNumber: `SN-VR-${u}`,
  });
  await post(page, '/api/v1/items', {
    modelId: model.id,
    partyId: customer.id,
    siteId: spa.id,
    serialNumber: `SN-VS-${u}`,
  });

  // The queue, from the menu.
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Заявки за посещение' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Заявки за посещение' })).toBeVisible(SLOW);
  await page.getByRole('link', { name: 'Нова заявка' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Нова заявка за посещение' })).toBeVisible(SLOW);

  await page.getByRole('combobox', { name: 'Клиент' }).fill(`Мусала ${u}`);
  await page.getByRole('option', { name: new RegExp(`Хотел Мусала ${u}`) }).click();
  await page.getByRole('combobox', { name: 'Обект', exact: true }).click();
  await page.getByRole('option', { name: `Лоби ${u}, Самоков` }).click();
  // Only the items of the lobby are offered.
  await page.getByRole('combobox', { name: 'Уреди на обекта' }).click();
  await expect(page.getByRole('option', { name: new RegExp(`SN-VS-${u}`) })).toHaveCount(0);
  await page.getByRole('option', { name: new RegExp(`SN-VR-${u}`) }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Проблем', exact: true }).fill('Климатикът в лобито не охлажда');
  await page.getByRole('combobox', { name: 'Приоритет' }).click();
  await page.getByRole('option', { name: 'Спешен' }).click();
  await page.getByRole('textbox', { name: 'Дата', exact: true }).fill(typedDay(2));
  await page.getByRole('textbox', { name: 'От', exact: true }).fill('09:00');
  await page.getByRole('textbox', { name: 'До', exact: true }).fill('12:00');
  await shot(page, 'visit-request-new-bg');
  await page.getByRole('button', { name: 'Запиши заявката' }).click();
  await expect(page.getByText('Заявката е приета.')).toBeVisible(SLOW);

  // In the queue: the customer, the site, urgent, new.
  await expect(page.getByRole('heading', { level: 2, name: 'Заявки за посещение' })).toBeVisible(SLOW);
  const row = page
    .getByTestId('visit-requests-table')
    .getByRole('row')
    .filter({ hasText: `Хотел Мусала ${u}` });
  await expect(row).toContainText('Спешен', SLOW);
  await expect(row).toContainText('Нова');
  await expect(row).toContainText(`Лоби ${u}`);
  const saved = await api(page, `/api/v1/visit-requests?partyId=${customer.id}`);
  expect(saved.items).toHaveLength(1);
  expect(saved.items[0]).toMatchObject({ priority: 'urgent', status: 'new', siteId: lobby.id });
  expect(saved.items[0].firstWindowStart).not.toBeNull();
  await shot(page, 'visit-requests-bg');

  // On a phone the queue becomes cards; then the same in English.
  await page.setViewportSize(PHONE);
  await page.goto(`/visits?q=${encodeURIComponent(`Мусала ${u}`)}`);
  await expect(page.getByText(`Хотел Мусала ${u} ООД`).first()).toBeVisible(SLOW);
  await expectFitsScreen(page, 'the visit request queue (bg)');
  await shot(page, 'visit-requests-bg-390');
  await page.goto('/visits/new');
  await expect(page.getByRole('heading', { level: 2, name: 'Нова заявка за посещение' })).toBeVisible(SLOW);
  await expectFitsScreen(page, 'the new visit request form (bg)');
  await shot(page, 'visit-request-new-bg-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchLanguage(page, 'en');
  try {
    await page.goto('/visits');
    await expect(page.getByRole('heading', { level: 2, name: 'Visit requests' })).toBeVisible(SLOW);
    await expect(page.getByText('Urgent').first()).toBeVisible(SLOW);
    await shot(page, 'visit-requests-en');
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Visit requests' })).toBeVisible(SLOW);
    await expectFitsScreen(page, 'the visit request queue (en)');
    await shot(page, 'visit-requests-en-390');
    await page.goto('/visits/new');
    await expect(page.getByRole('heading', { level: 2, name: 'New visit request' })).toBeVisible(SLOW);
    await expectFitsScreen(page, 'the new visit request form (en)');
    await shot(page, 'visit-request-new-en-390');
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
    await switchLanguage(page, 'bg');
  }
});
