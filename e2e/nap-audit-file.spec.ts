import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { calendarDateOf } from '../server/src/kernel/calendar';
import { csrfOf, expect, expectHome, shot, signIn, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };
const PASSWORD = 'e2e-nap-audit-2026';
const ACCOUNTANT = 'nap.accountant';
const RUN = String(Date.now()).slice(-6);

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
async function send<T = any>(page: Page, method: 'POST' | 'PUT', path: string, data: unknown): Promise<T> {
  const res = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': await csrfOf(page) },
    data,
  });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A counter sale today through the API (no fiscal device: recorded not fiscalised), a part named with "&" and "<". */
async function aCounterSale(page: Page) {
  await send(page, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });
  const part = await send(page, 'POST', '/api/v1/parts', {
    code: `NAP-${RUN}`,
    nameBg: `Филтър & <уплътнение> ${RUN}`,
    salePriceCents: 2000,
    vatRateBp: 2000,
  });
  const store = await send(page, 'POST', '/api/v1/warehouses', {
    code: `NAP${RUN}`,
    name: `Гише НАП ${RUN}`,
    kind: 'store',
  });
  const supplier = await send(page, 'POST', '/api/v1/parties', {
    kind: 'company',
    name: `Доставчик НАП ${RUN}`,
    isSupplier: true,
    isCustomer: false,
  });
  const receipt = await send(page, 'POST', '/api/v1/stock/documents', {
    type: 'receipt',
    warehouseId: store.id,
    supplierId: supplier.id,
    supplierDocNumber: `NAP-${RUN}`,
    lines: [{ partId: part.id, quantityMilli: 2000, unitCostCents: 1000 }],
  });
  await send(page, 'POST', `/api/v1/stock/documents/${receipt.id}/post`, {});
  const desk = await send(page, 'POST', '/api/v1/money-accounts', { kind: 'cash', name: `Каса НАП ${RUN}` });
  return send(page, 'POST', '/api/v1/sale-receipts/counter-sale', {
    warehouseId: store.id,
    method: 'cash',
    accountId: desk.id,
    lines: [{ partId: part.id, quantityMilli: 1000 }],
  });
}

/** The accountant signed in, in a browser of the width given, the screen's language set through the API. */
async function accountantOn(
  browser: Browser,
  viewport: { width: number; height: number },
  locale: 'bg' | 'en',
) {
  const context = await browser.newContext({ viewport, timezoneId: 'Europe/Sofia', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Потребителско име').fill(ACCOUNTANT);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Здравейте|Hello/ })).toBeVisible(SLOW);
  const set = await page.request.patch('/api/v1/auth/me', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { locale },
  });
  expect(set.status()).toBe(200);
  return { page, close: () => context.close() };
}

/** Picks this month (the newest in the list), downloads the file and answers its name and text (windows-1251). */
async function downloadThisMonth(page: Page, monthLabel: string, downloadLabel: string) {
  await page.getByRole('combobox', { name: monthLabel, exact: true }).click();
  await page.getByRole('option').first().click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: downloadLabel }).click(),
  ]);
  const bytes = await readFile((await download.path()) ?? '');
  return { name: download.suggestedFilename(), text: new TextDecoder('windows-1251').decode(bytes) };
}

test("the accountant downloads the month's NAP audit file (Appendix 38) with the sale's УНП, in Bulgarian on a phone and in English", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const created = await page.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { username: ACCOUNTANT, fullName: 'E2E Счетоводител НАП', role: 'accountant', password: PASSWORD },
  });
  expect([201, 409]).toContain(created.status());
  const sale = await aCounterSale(page);
  const month = calendarDateOf(new Date()).slice(0, 7);
  const company = await (await page.request.get('/api/v1/company')).json();

  // In Bulgarian, on a phone: from the address, the card, this month, the download.
  const bg = await accountantOn(browser, PHONE, 'bg');
  try {
    await bg.page.goto('/reports/nap-audit-file');
    await expect(
      bg.page.getByRole('heading', { level: 2, name: 'Стандартизиран одиторски файл за НАП' }),
    ).toBeVisible(SLOW);
    const file = await downloadThisMonth(bg.page, 'Месец', 'Изтегли файла (XML)');
    expect(file.name).toBe(`audit-${company.uic}-${month}.xml`);
    expect(file.text.startsWith('<?xml version="1.0" encoding="windows-1251"?>')).toBe(true);
    expect(file.text).toContain(`<eik>${company.uic}</eik>`);
    expect(file.text).toContain(`<ord_n>${sale.uniqueSaleNumber}</ord_n>`);
    expect(file.text).toContain(`<art_name>Филтър &amp; &lt;уплътнение&gt; ${RUN}</art_name>`);
    await expect(bg.page.getByTestId('audit-downloaded')).toHaveText(`Изтеглен: ${file.name}`);
    await expectFitsScreen(bg.page, 'nap audit file (bg, 390 px)');
    await shot(bg.page, 'nap-audit-file-bg-phone');
  } finally {
    await bg.close();
  }

  // In English, on a desktop: from the menu.
  const en = await accountantOn(browser, { width: 1280, height: 900 }, 'en');
  try {
    await en.page.goto('/');
    await en.page.getByRole('link', { name: 'NAP audit file' }).first().click();
    await expect(
      en.page.getByRole('heading', { level: 2, name: 'Standardised audit file for NAP' }),
    ).toBeVisible(SLOW);
    const file = await downloadThisMonth(en.page, 'Month', 'Download the file (XML)');
    expect(file.name).toBe(`audit-${company.uic}-${month}.xml`);
    expect(file.text).toContain(`<ord_n>${sale.uniqueSaleNumber}</ord_n>`);
    await expect(en.page.getByTestId('audit-downloaded')).toHaveText(`Downloaded: ${file.name}`);
    await shot(en.page, 'nap-audit-file-en');
  } finally {
    await en.close();
  }
});
