import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { calendarDateOf } from '../server/src/kernel/calendar';
import { csrfOf, expect, expectHome, inEnglish, shot, signIn, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };
const PASSWORD = 'e2e-nap-audit-2026';
const ACCOUNTANT = 'nap.accountant';
const RUN = String(Date.now()).slice(-6);

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
async function send<T = any>(
  page: Page,
  method: 'POST' | 'PUT',
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': await csrfOf(page), ...headers },
    data,
  });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** What two sale sites sold today through the API, each at its own workstation on its own device (kind none). */
interface TwoSites {
  desk: string;
  sites: { name: string; code: string; sale: { uniqueSaleNumber: string } }[];
}

/**
 * Two sale sites (ADR 0041) with their NAP code, device (no printer: recorded not fiscalised, nothing printed) and
 * workstation, and a counter sale at each into one cash desk — a part named with "&" and "<". `tag` keeps the names
 * and numbers of the spec's two tests apart.
 */
async function twoSitesSelling(page: Page, tag: 'N' | 'D'): Promise<TwoSites> {
  const part = await send(page, 'POST', '/api/v1/parts', {
    code: `NAP-${tag}${RUN}`,
    nameBg: `Филтър & <уплътнение> ${tag}${RUN}`,
    salePriceCents: 2000,
    vatRateBp: 2000,
  });
  const store = await send(page, 'POST', '/api/v1/warehouses', {
    code: `NAP${tag}${RUN}`,
    name: `Гише НАП ${tag}${RUN}`,
    kind: 'store',
  });
  const supplier = await send(page, 'POST', '/api/v1/parties', {
    kind: 'company',
    name: `Доставчик НАП ${tag}${RUN}`,
    isSupplier: true,
    isCustomer: false,
  });
  const receipt = await send(page, 'POST', '/api/v1/stock/documents', {
    type: 'receipt',
    warehouseId: store.id,
    supplierId: supplier.id,
    supplierDocNumber: `NAP-${tag}${RUN}`,
    lines: [{ partId: part.id, quantityMilli: 4000, unitCostCents: 1000 }],
  });
  await send(page, 'POST', `/api/v1/stock/documents/${receipt.id}/post`, {});
  const desk = await send(page, 'POST', '/api/v1/money-accounts', {
    kind: 'cash',
    name: `Каса НАП ${tag}${RUN}`,
  });
  const sites: TwoSites['sites'] = [];
  for (const [letter, quantityMilli] of [
    ['A', 1000],
    ['B', 2000],
  ] as const) {
    const name = `Обект ${tag}${letter} ${RUN}`;
    const code = `${tag}${letter}-${RUN}`;
    const site = await send(page, 'POST', '/api/v1/fiscal-sites', { name, napSiteCode: code });
    const device = await send(page, 'POST', '/api/v1/fiscal-devices', {
      siteId: site.id,
      name: `ФУ ${tag}${letter}`,
      kind: 'none',
      fiscalNumber: `${tag}${letter}${RUN}`,
    });
    const ws = await send(page, 'POST', '/api/v1/fiscal-workstations', {
      siteId: site.id,
      name: `Каса ${tag}${letter}`,
      deviceId: device.id,
    });
    const sale = await send(
      page,
      'POST',
      '/api/v1/sale-receipts/counter-sale',
      {
        warehouseId: store.id,
        method: 'cash',
        accountId: desk.id,
        lines: [{ partId: part.id, quantityMilli }],
      },
      { 'x-workstation-id': ws.id },
    );
    sites.push({ name, code, sale });
  }
  return { desk: desk.id, sites };
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

/** Picks this month (the newest in the list), downloads the site's file and answers its name and text (windows-1251). */
async function downloadThisMonth(page: Page, monthLabel: string, siteName: string, downloadLabel: string) {
  await page.getByRole('combobox', { name: monthLabel, exact: true }).click();
  await page.getByRole('option').first().click();
  const card = page.getByTestId('audit-site').filter({ hasText: siteName });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: downloadLabel }).click(),
  ]);
  const bytes = await readFile((await download.path()) ?? '');
  return { name: download.suggestedFilename(), text: new TextDecoder('windows-1251').decode(bytes) };
}

/** The accountant exists (made once per server). */
async function anAccountant(page: Page) {
  const created = await page.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { username: ACCOUNTANT, fullName: 'E2E Счетоводител НАП', role: 'accountant', password: PASSWORD },
  });
  expect([201, 409]).toContain(created.status());
}

test("the accountant downloads the month's NAP audit file (Appendix 38) of each sale site, with its NAP code and only its sales, in Bulgarian on a phone and in English", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  await anAccountant(page);
  const {
    sites: [a, b],
  } = await twoSitesSelling(page, 'N');
  if (!a || !b) throw new Error('two sites');
  const month = calendarDateOf(new Date()).slice(0, 7);
  const company = await (await page.request.get('/api/v1/company')).json();

  // In Bulgarian, on a phone: from the address, this month, the first site's card and its file.
  const bg = await accountantOn(browser, PHONE, 'bg');
  try {
    await bg.page.goto('/reports/nap-audit-file');
    await expect(
      bg.page.getByRole('heading', { level: 2, name: 'Стандартизиран одиторски файл за НАП' }),
    ).toBeVisible(SLOW);
    const file = await downloadThisMonth(bg.page, 'Месец', a.name, 'Изтегли файла на обекта (XML)');
    await expect(bg.page.getByTestId('audit-site').filter({ hasText: a.name })).toContainText(
      `Код в НАП: ${a.code}`,
    );
    expect(file.name).toBe(`audit-${company.uic}-${a.code}-${month}.xml`);
    expect(file.text.startsWith('<?xml version="1.0" encoding="windows-1251"?>')).toBe(true);
    expect(file.text).toContain(`<eik>${company.uic}</eik>`);
    expect(file.text).toContain(`<e_shop_n>${a.code}</e_shop_n>`);
    expect(file.text).toContain(`<ord_n>${a.sale.uniqueSaleNumber}</ord_n>`);
    expect(file.text).not.toContain(`<ord_n>${b.sale.uniqueSaleNumber}</ord_n>`);
    expect(file.text).toContain(`<art_name>Филтър &amp; &lt;уплътнение&gt; N${RUN}</art_name>`);
    await expect(bg.page.getByTestId('audit-downloaded')).toHaveText(`Изтеглен: ${file.name}`);
    await expectFitsScreen(bg.page, 'nap audit file (bg, 390 px)');
    await shot(bg.page, 'nap-audit-file-bg-phone');
  } finally {
    await bg.close();
  }

  // In English, on a desktop: from the menu, the second site's file.
  const en = await accountantOn(browser, { width: 1280, height: 900 }, 'en');
  try {
    await en.page.goto('/');
    await en.page.getByRole('link', { name: 'NAP audit file' }).first().click();
    await expect(
      en.page.getByRole('heading', { level: 2, name: 'Standardised audit file for NAP' }),
    ).toBeVisible(SLOW);
    const file = await downloadThisMonth(en.page, 'Month', b.name, 'Download the site’s file (XML)');
    await expect(en.page.getByTestId('audit-site').filter({ hasText: b.name })).toContainText(
      `NAP code: ${b.code}`,
    );
    expect(file.name).toBe(`audit-${company.uic}-${b.code}-${month}.xml`);
    expect(file.text).toContain(`<e_shop_n>${b.code}</e_shop_n>`);
    expect(file.text).toContain(`<ord_n>${b.sale.uniqueSaleNumber}</ord_n>`);
    expect(file.text).not.toContain(`<ord_n>${a.sale.uniqueSaleNumber}</ord_n>`);
    await expect(en.page.getByTestId('audit-downloaded')).toHaveText(`Downloaded: ${file.name}`);
    await shot(en.page, 'nap-audit-file-en');
  } finally {
    await en.close();
  }
});

test("the cash desk's day report lists the day's receipts by site, workstation and device, in Bulgarian and English at 390 px", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  const {
    desk,
    sites: [a, b],
  } = await twoSitesSelling(page, 'D');
  if (!a || !b) throw new Error('two sites');
  await page.goto(`/money/accounts/${desk}`);
  const section = page.getByRole('region', { name: 'Касови бележки по обект и работно място' });
  await expect(section).toBeVisible(SLOW);
  const places = section.getByTestId('day-sales-place');
  await expect(places).toHaveCount(2);
  await expect(places.filter({ hasText: a.name })).toContainText(`Каса DA`);
  await expect(places.filter({ hasText: a.name })).toContainText(`ФУ DA DA${RUN}`);
  await expect(places.filter({ hasText: b.name })).toContainText(`ФУ DB DB${RUN}`);
  // The devices have no printer: both sales were recorded, not printed, so they are not in a Z report.
  await expect(section.getByText('Записани, но неотпечатани на ФУ (не са в Z отчета): 2')).toBeVisible();
  await expectFitsScreen(page, 'day report by site (bg, 390 px)');
  await shot(page, 'money-day-sales-bg-phone');
  await inEnglish(page, async () => {
    const en = page.getByRole('region', { name: 'Sale receipts by site and workstation' });
    await expect(en).toBeVisible(SLOW);
    await expect(en.getByTestId('day-sales-place')).toHaveCount(2);
    await expect(en.getByText('Recorded, not printed on a device (not in its Z report): 2')).toBeVisible();
    await expectFitsScreen(page, 'day report by site (en, 390 px)');
    await shot(page, 'money-day-sales-en-phone');
  });
});
