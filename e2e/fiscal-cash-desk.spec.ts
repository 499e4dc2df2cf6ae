import type { Page } from '@playwright/test';
import { type FakeErpNetFp, startFakeErpNetFp } from '../server/test/fake-erpnet-fp';
import { api, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

// The local fake ErpNet.FP print server (server/test/fake-erpnet-fp.ts) stands in for the fiscal printer.
let fake: FakeErpNetFp;
test.beforeAll(async () => {
  fake = await startFakeErpNetFp();
});
test.afterAll(async () => {
  await fake.close();
});

async function send(page: Page, method: 'PUT' | 'PATCH', path: string, data: unknown) {
  const csrf = (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
  const res = await page.request.fetch(path, { method, headers: { 'x-csrf-token': csrf }, data });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

test('the fiscal device’s cash desk: cash in and out on the device, the Z report, the day reconciles; a difference is flagged (FIS-03)', async ({
  page,
}) => {
  const name = `Каса ФУ ${Date.now().toString(36)}`;
  await signIn(page);
  await expectHome(page);
  await send(page, 'PUT', '/api/v1/fiscal-device', {
    kind: 'erpnet_fp',
    serverUrl: fake.url,
    printerId: fake.printerId,
    operator: '1',
  });
  await post(page, '/api/v1/fiscal-device/test', {});
  // Another journey may have left a till: this one takes the device for itself.
  for (const a of (await api(page, '/api/v1/money-accounts')).items)
    if (a.fiscalDevice) await send(page, 'PATCH', `/api/v1/money-accounts/${a.id}`, { fiscalDevice: false });

  // A new cash desk, ticked as the device's till.
  await page.goto('/money/accounts');
  await page.getByRole('button', { name: 'Нова сметка' }).click();
  const dialog = page.getByRole('dialog', { name: 'Нова каса или банкова сметка' });
  await dialog.getByLabel('Наименование').fill(name);
  await dialog.getByLabel('Касата на фискалното устройство').check();
  await dialog.getByRole('button', { name: 'Запази' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByRole('article', { name });
  await expect(card.getByText('ФУ', { exact: true })).toBeVisible();
  await card.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const reconciliation = page.getByRole('region', { name: 'Равнение с фискалното устройство' });
  await expect(reconciliation.getByText('Няма Z отчет за деня.', { exact: false })).toBeVisible();

  // Cash in 200,00 and cash out 35,50: each goes to the device as a service deposit and withdrawal.
  const form = page.getByRole('form', { name: 'Ново движение' });
  await expect(form.getByText('Тази каса е на фискалното устройство', { exact: false })).toBeVisible();
  await form.getByLabel('Сума (€)').fill('200,00');
  await form.getByLabel('Основание').fill('Начална сума');
  await form.getByRole('button', { name: 'Запиши' }).click();
  await expect(page.getByTestId('balance')).toHaveText(/200,00\s€/);
  await form.getByRole('combobox', { name: 'Вид движение' }).click();
  await page.getByRole('option', { name: 'Изплащане' }).click();
  await form.getByLabel('Сума (€)').fill('35,50');
  await form.getByLabel('Основание').fill('Предадени на управителя');
  await form.getByRole('button', { name: 'Запиши' }).click();
  await expect(page.getByTestId('balance')).toHaveText(/164,50\s€/);
  expect(fake.deposits.at(-1)).toBe(200);
  expect(fake.withdrawals.at(-1)).toBe(35.5);
  await expect(
    page.getByRole('article').filter({ hasText: 'Начална сума' }).getByText('отчетено на ФУ'),
  ).toBeVisible();

  // The Z report: the device's cash and the desk's balance are kept; the day reconciles.
  await reconciliation.getByRole('button', { name: 'Z отчет' }).click();
  await page.getByRole('dialog', { name: 'Z отчет' }).getByRole('button', { name: 'Пусни Z отчет' }).click();
  await expect(page.getByText('Z отчетът е отпечатан.')).toBeVisible();
  expect(fake.reports.at(-1)).toBe('zreport');
  await expect(reconciliation.getByTestId('fiscal-device-cash')).toHaveText(/164,50\s€/);
  await expect(reconciliation.getByTestId('fiscal-difference')).toHaveText(/0,00\s€/);
  await expect(reconciliation.getByTestId('reconciled')).toHaveText('Равнена');
  await shot(page, 'fiscal-cash-desk-bg');
  const pdf = await page.request.get(
    (await page.getByRole('link', { name: 'Дневен отчет (PDF)' }).getAttribute('href')) as string,
  );
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // Cash put into the drawer on the device alone: reading the device now shows the difference, flagged.
  await post(page, '/api/v1/fiscal-device/deposit', { amountCents: 1_000 });
  await reconciliation.getByRole('button', { name: 'Прочети наличността от ФУ' }).click();
  await expect(reconciliation.getByTestId('fiscal-device-cash')).toHaveText(/174,50\s€/);
  await expect(reconciliation.getByTestId('fiscal-difference')).toHaveText(/-10,00\s€/);
  await expect(reconciliation.getByTestId('reconciled')).toHaveText('Разлика');
  await expect(reconciliation.getByText('Касата не е равнена с ФУ', { exact: false })).toBeVisible();
  await shot(page, 'fiscal-cash-desk-difference-bg');
  await page.setViewportSize(PHONE);
  await expectFitsScreen(page, 'fiscal cash desk (bg)');
  await shot(page, 'fiscal-cash-desk-390-bg');
  await page.setViewportSize({ width: 1280, height: 800 });

  // In English.
  await switchLanguage(page, 'en');
  const en = page.getByRole('region', { name: 'Reconciliation with the fiscal device' });
  await expect(en.getByTestId('reconciled')).toHaveText('Difference');
  await expect(en.getByText('Difference (desk − device)')).toBeVisible();
  await expect(en.getByText('Fiscal device cash', { exact: false })).toBeVisible();
  await shot(page, 'fiscal-cash-desk-en');
  await page.setViewportSize(PHONE);
  await expectFitsScreen(page, 'fiscal cash desk (en)');
  await shot(page, 'fiscal-cash-desk-390-en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await switchLanguage(page, 'bg');

  // The fake device goes away with this spec: the desk untied and back to no device.
  await page.getByLabel('Касата на фискалното устройство').click();
  await expect(page.getByRole('region', { name: 'Равнение с фискалното устройство' })).toBeHidden();
  await send(page, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });
});
