import type { Page } from '@playwright/test';
import { addDays, calendarDateOf } from '../server/src/kernel/calendar';
import { formatDate, formatMoney } from '../server/src/kernel/format';
import { api, csrfOf, expect, expectHome, shot, signIn, switchLanguage, test } from './support';

// Codes of this run only, so that the spec reads its own figures whatever else the database holds.
const RUN = Date.now().toString(36).toUpperCase().slice(-5);
const PART = `E2E-DT-${RUN}`;
const STORE = `DT${RUN}`;
const SUPPLIER = `Датирани доставки ${RUN} ООД`;

/** Today and the days before it, in the company's time zone (the browser runs in Europe/Sofia too). */
const today = calendarDateOf(new Date());
const daysAgo = (n: number) => addDays(today, -n);

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
async function send<T = any>(page: Page, path: string, data?: object, expected = 201): Promise<T> {
  const res = await page.request.post(path, { headers: { 'x-csrf-token': await csrfOf(page) }, data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(expected);
  return (await res.json()) as T;
}

async function postDocument(page: Page, body: object): Promise<{ id: string; number: string }> {
  const draft = await send(page, '/api/v1/stock/documents', body);
  return send(page, `/api/v1/stock/documents/${draft.id}/post`, undefined, 200);
}

async function pick(page: Page, combobox: string, typed: string, option: RegExp) {
  const input = page.getByRole('combobox', { name: combobox, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Types a date into a date field, as a storekeeper does with the paper in front of them (dd.mm.yyyy). */
async function typeDate(page: Page, label: string, date: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(formatDate(date, 'bg'));
  await field.press('Tab');
  await expect(field).toHaveValue(formatDate(date, 'bg'));
}

/** The part card's row of a document: its unit cost and value cells (date, document, warehouse, quantity first). */
function cardRow(page: Page, number: string) {
  const cells = page
    .getByTestId('card-movements')
    .getByRole('row', { name: new RegExp(number) })
    .getByRole('cell');
  return { unitCost: cells.nth(4), value: cells.nth(5) };
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test('a delivery posted with a past date re-costs the later issue; a receipt goes back to its supplier as a new issue', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  await expectHome(page);

  // The admin sets the scene through the API: a part, a store, a supplier; 10 received at 10,00 € twenty days ago
  // and 5 issued fifteen days ago (at 50,00 €).
  const part = await send(page, '/api/v1/parts', {
    code: PART,
    nameBg: `Помпа за дати ${RUN}`,
    salePriceCents: 5_000,
    typicalCostCents: 1_000,
  });
  const store = await send(page, '/api/v1/warehouses', {
    code: STORE,
    name: `Склад дати ${RUN}`,
    kind: 'store',
  });
  const supplier = await send(page, '/api/v1/parties', {
    kind: 'company',
    name: SUPPLIER,
    isSupplier: true,
    isCustomer: false,
  });
  await postDocument(page, {
    type: 'receipt',
    warehouseId: store.id,
    supplierId: supplier.id,
    supplierDocNumber: `E2E-${RUN}-1`,
    documentDate: daysAgo(20),
    lines: [{ partId: part.id, quantityMilli: 10_000, unitCostCents: 1_000 }],
  });
  const issue = await postDocument(page, {
    type: 'issue',
    warehouseId: store.id,
    reason: 'Ремонт на място',
    documentDate: daysAgo(15),
    lines: [{ partId: part.id, quantityMilli: 5_000 }],
  });

  // The part's card: the issue took 5 at 10,00 €.
  await page.goto(`/stock/parts/${part.id}`);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(PART) })).toBeVisible();
  await expect(page.getByTestId('card-dates-hint')).toHaveText(
    'Движенията са по датата на документа: документ с минала дата преоценява по-късните движения.',
  );
  await expect(cardRow(page, issue.number).unitCost).toHaveText(formatMoney(1_000, 'bg'));
  await expect(cardRow(page, issue.number).value).toContainText(formatMoney(5_000, 'bg'));
  await shot(page, 'stock-dated-card-before-bg');

  // The storekeeper finds a delivery of eighteen days ago that was never entered: 10 at 40,00 €.
  await page.goto('/stock/documents/new?type=receipt');
  await expect(page.getByRole('heading', { level: 2, name: 'Нова складова разписка' })).toBeVisible();
  await typeDate(page, 'Дата', daysAgo(18));
  await pick(page, 'Склад', STORE, new RegExp(`^${STORE}`));
  await pick(page, 'Доставчик', SUPPLIER.slice(0, 18), new RegExp(SUPPLIER));
  await page.getByLabel('Документ на доставчика №').fill(`E2E-${RUN}-2`);
  await pick(page, 'Част 1', PART, new RegExp(PART));
  await page.getByLabel('Количество 1').fill('10');
  await page.getByLabel('Ед. цена 1').fill('40');
  await expect(page.getByTestId('document-total')).toHaveText(formatMoney(40_000, 'bg'));
  await shot(page, 'stock-dated-receipt-editor-bg');
  await page.getByRole('button', { name: 'Осчетоводи' }).click();
  await page.getByTestId('confirm-post').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Складова разписка № \d{10}$/ })).toBeVisible();
  const receiptUrl = page.url();

  // An issue of 18 dated seventeen days ago would leave the issue of fifteen days ago without stock: refused, the
  // day named above the form and on the line.
  await page.goto('/stock/documents/new?type=issue');
  await typeDate(page, 'Дата', daysAgo(17));
  await pick(page, 'Склад', STORE, new RegExp(`^${STORE}`));
  await page.getByLabel('Основание').fill('Ремонт на място');
  await pick(page, 'Част 1', PART, new RegExp(PART));
  await page.getByLabel('Количество 1').fill('18');
  await page.getByRole('button', { name: 'Осчетоводи' }).click();
  await page.getByTestId('confirm-post').click();
  const day = formatDate(daysAgo(15), 'bg');
  await expect(page.getByTestId('shortfall')).toContainText(day);
  await expect(
    page.getByText(new RegExp(`^На ${day.replaceAll('.', '\\.')} не достигат 3 от ${PART}`)),
  ).toBeVisible();
  await shot(page, 'stock-dated-short-bg');
  const refusedId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const removed = await page.request.delete(`/api/v1/stock/documents/${refusedId}`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
  });
  expect(removed.status()).toBe(204);

  // A count today that finds the 15 on the books leaves a row without a difference.
  await postDocument(page, {
    type: 'count',
    warehouseId: store.id,
    documentDate: today,
    lines: [{ partId: part.id, countedMilli: 15_000 }],
  });

  // The issue after it is re-costed: 5 at the average of 20 at 500,00 € = 25,00 €, 125,00 € in all.
  await page.goto(`/stock/parts/${part.id}`);
  await expect(cardRow(page, issue.number).unitCost).toHaveText(formatMoney(2_500, 'bg'));
  await expect(cardRow(page, issue.number).value).toContainText(formatMoney(12_500, 'bg'));
  await expect(page.getByTestId('no-difference')).toHaveText('без разлика');
  await shot(page, 'stock-dated-card-after-bg');
  const issued = await api(page, `/api/v1/stock/documents/${issue.id}`);
  expect(issued.lines[0]).toMatchObject({ unitCostCents: 2_500, valueCents: 12_500 });

  // On the delivery: a reversal cancels it on its own date; a return to the supplier is a new issue.
  await page.goto(receiptUrl);
  await page.getByRole('button', { name: 'Сторнирай' }).click();
  const reversal = page.getByRole('dialog');
  await expect(reversal.getByTestId('reverse-explanation')).toContainText('все едно не е бил осчетоводяван');
  await expect(reversal.getByRole('textbox', { name: 'Дата на сторното' })).toHaveValue(
    formatDate(daysAgo(18), 'bg'),
  );
  await shot(page, 'stock-dated-reverse-dialog-bg');
  await reversal.getByRole('button', { name: 'Отказ' }).click();
  await expect(reversal).toBeHidden();

  await page.getByRole('button', { name: 'Върни на доставчика' }).click();
  const giveBack = page.getByRole('dialog');
  await expect(giveBack.getByTestId('supplier-return-explanation')).toContainText(
    'Доставката остава, както е.',
  );
  await shot(page, 'stock-dated-return-dialog-bg');
  await giveBack.getByTestId('confirm-supplier-return').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Изписване · Чернова' })).toBeVisible();
  await expect(page.getByTestId('supplier-return-badge')).toHaveText('Връщане към доставчик');
  await expect(page.getByTestId('supplier-return-of')).toHaveAttribute('href', new URL(receiptUrl).pathname);
  await expect(page.getByLabel('Количество 1')).toHaveValue('10');
  const returnUrl = page.url();
  await shot(page, 'stock-dated-return-draft-bg');
  const returnId = new URL(returnUrl).pathname.split('/').pop() ?? '';
  const drafted = await api(page, `/api/v1/stock/documents/${returnId}`);
  expect(drafted).toMatchObject({ type: 'issue', status: 'draft', sourceType: 'supplier_return' });

  // The list says what the draft is.
  await page.goto(`/stock/documents?warehouseId=${store.id}`);
  await expect(
    page.getByTestId('stock-documents-table').getByRole('row', { name: /Изписване · връщане към доставчик/ }),
  ).toHaveCount(1);
  await shot(page, 'stock-dated-documents-bg');

  // A phone, 390 px: the same screens without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/stock/parts/${part.id}`);
  await expect(page.getByTestId('card-movements')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'stock-dated-card-phone-bg');
  await page.goto(receiptUrl);
  await expect(page.getByRole('button', { name: 'Върни на доставчика' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'stock-dated-receipt-phone-bg');
  await page.getByRole('button', { name: 'Сторнирай' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'stock-dated-reverse-dialog-phone-bg');
  await page.getByRole('dialog').getByRole('button', { name: 'Отказ' }).click();
  await page.goto(returnUrl);
  await expect(page.getByTestId('supplier-return-badge')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'stock-dated-return-draft-phone-bg');
  await page.goto(`/stock/documents?warehouseId=${store.id}`);
  await expect(
    page.getByTestId('stock-documents-table').getByText('Изписване · връщане към доставчик'),
  ).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'stock-dated-documents-phone-bg');

  // In English, on the phone and on the desktop.
  await page.goto(receiptUrl);
  await switchLanguage(page, 'en');
  await expect(page.getByRole('button', { name: 'Return to supplier' })).toBeVisible();
  await page.getByRole('button', { name: 'Reverse' }).click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Date of the reversal' })).toHaveValue(
    formatDate(daysAgo(18), 'en'),
  );
  await expectNoSidewaysScroll(page);
  await shot(page, 'stock-dated-reverse-dialog-phone-en');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Return to supplier' }).click();
  await expect(page.getByRole('dialog').getByTestId('supplier-return-explanation')).toContainText(
    'The delivery stays as it is.',
  );
  await shot(page, 'stock-dated-return-dialog-phone-en');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.goto(`/stock/parts/${part.id}`);
  await expect(page.getByTestId('card-dates-hint')).toContainText('a back-dated document re-costs');
  await expect(page.getByTestId('no-difference')).toHaveText('no difference');
  await expectNoSidewaysScroll(page);
  await shot(page, 'stock-dated-card-phone-en');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/stock/parts/${part.id}`);
  await expect(cardRow(page, issue.number).value).toContainText(formatMoney(12_500, 'en'));
  await shot(page, 'stock-dated-card-after-en');
  await page.goto(returnUrl);
  await expect(page.getByTestId('supplier-return-badge')).toHaveText('Return to supplier');
  await shot(page, 'stock-dated-return-draft-en');
  await page.goto(`/stock/documents?warehouseId=${store.id}`);
  await expect(
    page.getByTestId('stock-documents-table').getByRole('row', { name: /Issue · return to supplier/ }),
  ).toHaveCount(1);
  await shot(page, 'stock-dated-documents-en');

  // Back to Bulgarian for the specs that follow.
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Складови документи' })).toBeVisible();
});
