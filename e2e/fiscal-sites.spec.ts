import type { Page } from '@playwright/test';
import { aUic, csrfOf, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

// Sale sites, their fiscal devices and workstations (FIS-05, ADR 0041): set up on Settings, this browser's
// workstation chosen, a sale made there recorded with its site and workstation, the receipts list filtered by them.
// The device here has no printer (kind none), so nothing is printed and later journeys are not disturbed.

/** A cash payment made from the browser at `workstationId` (the header the web app sends with every request). */
async function payAt(page: Page, workstationId: string, body: Record<string, unknown>) {
  const res = await page.request.post('/api/v1/payments', {
    headers: { 'x-csrf-token': await csrfOf(page), 'x-workstation-id': workstationId },
    data: body,
  });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

test('sets up a sale site with its device and workstation, works at it, and finds its sale by site and workstation, in Bulgarian and English, at 390 px', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const run = String(Date.now()).slice(-6);
  const siteName = `Магазин ${run}`;
  await page.goto('/settings/fiscal-sites');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Търговски обекти, фискални устройства и работни места' }),
  ).toBeVisible();

  // A new site with its NAP code.
  const newSite = page.getByRole('form', { name: 'Нов търговски обект' });
  await newSite.getByLabel('Име на обекта').fill(siteName);
  await newSite.getByLabel('Адрес').fill('София, бул. „Витоша“ 1');
  await newSite.getByLabel('Код на обекта в НАП').fill(`OB-${run}`);
  await newSite.getByRole('button', { name: 'Добави обект' }).click();
  const card = page.getByTestId('fiscal-site').filter({ hasText: siteName });
  await expect(card).toContainText(`код в НАП OB-${run}`);

  // A device: a wrong ФУ number is refused in words on its field; the right one is kept.
  const newDevice = card.getByRole('form', { name: 'Ново фискално устройство' });
  await newDevice.getByLabel('Име на устройството').fill(`ФУ ${run}`);
  await newDevice.getByLabel('Номер на ФУ').fill('D1234567');
  await newDevice.getByRole('button', { name: 'Добави устройство' }).click();
  await expect(
    newDevice.getByText('Номерът на ФУ е 2 главни латински букви и 6 цифри, напр. DT123456.').first(),
  ).toBeVisible();
  await newDevice.getByLabel('Номер на ФУ').fill(`ZZ${run}`);
  await newDevice.getByRole('button', { name: 'Добави устройство' }).click();
  await expect(card.getByTestId('fiscal-device').filter({ hasText: `ФУ ${run}` })).toContainText(`ZZ${run}`);

  // A workstation printing on it, chosen as this browser's.
  const newWs = card.getByRole('form', { name: 'Ново работно място' });
  await newWs.getByLabel('Име на работното място').fill('Каса Е2Е');
  await newWs.getByRole('button', { name: 'Добави работно място' }).click();
  const ws = card.getByTestId('fiscal-workstation').filter({ hasText: 'Каса Е2Е' });
  await expect(ws).toContainText(`Печата на ФУ ${run}`);
  await ws.getByRole('button', { name: 'Работя тук' }).click();
  await expect(ws.getByText('Този браузър')).toBeVisible();
  const workstationId = await page.evaluate(() => localStorage.getItem('servix.workstation'));
  expect(workstationId).toBeTruthy();
  await shot(page, 'fiscal-sites-bg');
  await page.setViewportSize(PHONE);
  await expectFitsScreen(page, 'fiscal sites (bg)');
  await shot(page, 'fiscal-sites-390-bg');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A sale at that workstation: its receipt says where it was made.
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `Обект Клиент ${run} ООД`,
    uic: aUic(),
    isCustomer: true,
    addresses: [{ label: 'billing', city: 'София', address: 'ул. „Раковски“ 5' }],
  });
  const desk = await post(page, '/api/v1/money-accounts', { kind: 'cash', name: `Каса Обект ${run}` });
  const payment = await payAt(page, workstationId as string, {
    partyId: customer.id,
    accountId: desk.id,
    method: 'cash',
    date: new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Sofia' }),
    amountCents: 4200,
  });
  expect(payment.receipt.uniqueSaleNumber).toMatch(/^NODEVICE-0001-\d{7}$/);

  // The receipts list by workstation: the one sale, with its site and workstation.
  await page.goto('/sale-receipts');
  await page.getByRole('combobox', { name: 'Работно място', exact: true }).click();
  await page.getByRole('option', { name: `${siteName} · Каса Е2Е` }).click();
  const table = page.getByTestId('receipts-table');
  await expect(table.getByText(`${siteName} · Каса Е2Е`)).toHaveCount(1);
  await shot(page, 'fiscal-sites-receipts-bg');
  await page.setViewportSize(PHONE);
  await expectFitsScreen(page, 'receipts by workstation (bg)');
  await shot(page, 'fiscal-sites-receipts-390-bg');
  await page.setViewportSize({ width: 1280, height: 800 });

  // In English.
  await switchLanguage(page, 'en');
  await expect(page.getByRole('combobox', { name: 'Workstation', exact: true })).toBeVisible();
  await expect(table.getByText(`${siteName} · Каса Е2Е`)).toHaveCount(1);
  await page.goto('/settings/fiscal-sites');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Sale sites, fiscal devices and workstations' }),
  ).toBeVisible();
  const cardEn = page.getByTestId('fiscal-site').filter({ hasText: siteName });
  await expect(cardEn.getByTestId('fiscal-workstation').filter({ hasText: 'Каса Е2Е' })).toContainText(
    'This browser',
  );
  const wsEn = cardEn.getByRole('form', { name: 'New workstation' });
  await wsEn.getByLabel('Workstation name').fill('Каса Е2Е');
  await wsEn.getByRole('button', { name: 'Add workstation' }).click();
  await expect(wsEn.getByText('The site already has a workstation "Каса Е2Е".').first()).toBeVisible();
  await shot(page, 'fiscal-sites-en');
  await page.setViewportSize(PHONE);
  await expectFitsScreen(page, 'fiscal sites (en)');
  await shot(page, 'fiscal-sites-390-en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchLanguage(page, 'bg');
});
