import type { Page } from '@playwright/test';
import { api, expect, expectHome, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };
const RUN = String(Date.now()).slice(-6);

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
async function send<T = any>(page: Page, method: 'POST' | 'PUT', path: string, data: unknown): Promise<T> {
  const csrf = (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
  const res = await page.request.fetch(path, { method, headers: { 'x-csrf-token': csrf }, data });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A valid EAN-13 of a 12-digit body: its check digit appended. */
function ean13(body: string): string {
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * The scene, set through the API: a store with two parts received (3 hoses at 12,50 €, 1 pump at 40,00 €, both
 * 20 % VAT), a cash desk of its own, and no fiscal device (the receipt is recorded as not fiscalised).
 */
async function scene(page: Page, tag: string) {
  await send(page, 'PUT', '/api/v1/fiscal-device', { kind: 'none' });
  const hose = await send(page, 'POST', '/api/v1/parts', {
    code: `CS-${tag}${RUN}-H`,
    barcode: ean13(`380${tag === 'A' ? 1 : 2}${RUN}00`),
    nameBg: `Маркуч за пералня ${tag}${RUN}`,
    salePriceCents: 1250,
    vatRateBp: 2000,
  });
  const pump = await send(page, 'POST', '/api/v1/parts', {
    code: `CS-${tag}${RUN}-P`,
    nameBg: `Помпа за пералня ${tag}${RUN}`,
    salePriceCents: 4000,
    vatRateBp: 2000,
  });
  const store = await send(page, 'POST', '/api/v1/warehouses', {
    code: `CS${tag}${RUN}`,
    name: `Магазин ${tag}${RUN}`,
    kind: 'store',
  });
  const supplier = await send(page, 'POST', '/api/v1/parties', {
    kind: 'company',
    name: `Доставчик каса ${tag}${RUN}`,
    isSupplier: true,
    isCustomer: false,
  });
  const receipt = await send(page, 'POST', '/api/v1/stock/documents', {
    type: 'receipt',
    warehouseId: store.id,
    supplierId: supplier.id,
    supplierDocNumber: `CS-${tag}${RUN}`,
    lines: [
      { partId: hose.id, quantityMilli: 3000, unitCostCents: 500 },
      { partId: pump.id, quantityMilli: 1000, unitCostCents: 2000 },
    ],
  });
  await send(page, 'POST', `/api/v1/stock/documents/${receipt.id}/post`, {});
  const desk = await send(page, 'POST', '/api/v1/money-accounts', {
    kind: 'cash',
    name: `Каса ${tag}${RUN}`,
  });
  return { hose, pump, store, desk };
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test('the cashier sells parts over the counter: found by barcode and name, priced, paid; the receipt, the list and the storno', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await expectHome(page);
  const { hose, pump, store, desk } = await scene(page, 'A');

  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Продажба на каса' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Продажба на каса' })).toBeVisible();
  await choose(page, 'Склад', `${store.code} · ${store.name}`);
  await choose(page, 'Каса', desk.name);

  // The hose by its barcode, the pump by its name.
  const finder = page.getByRole('combobox', { name: 'Част: код, име или баркод' });
  await finder.fill(hose.barcode);
  await page.getByRole('option', { name: `${hose.code} · ${hose.nameBg}` }).click();
  await finder.fill(`Помпа за пералня A${RUN}`);
  await page.getByRole('option', { name: `${pump.code} · ${pump.nameBg}` }).click();
  const lines = page.getByTestId('counter-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('налични 3');
  await lines.nth(0).getByTestId('counter-line-quantity').fill('2');
  await lines.nth(1).getByTestId('counter-line-discount').fill('10');
  // 12,50 + 20 % = 15,00 × 2 = 30,00; 40,00 + 20 % = 48,00 at 10 % off = 43,20.
  await expect(lines.nth(0).getByTestId('counter-line-total')).toHaveText('30,00 €');
  await expect(lines.nth(1).getByTestId('counter-line-total')).toHaveText('43,20 €');
  await expect(page.getByTestId('counter-total')).toHaveText('73,20 €');
  await page.getByTestId('counter-method').getByText('С карта').click();
  await shot(page, 'counter-sale-bg');

  await page.getByTestId('counter-pay').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Касова бележка \d{10}$/ })).toBeVisible(SLOW);
  await expect(page.getByTestId('receipt-total')).toHaveText('73,20 €');
  await expect(page.getByTestId('receipt-fiscal-status').first()).toHaveText('Не е фискализирана');
  await expect(page.getByTestId('receipt-usn')).toHaveText(/^NODEVICE-0001-\d{7}$/);
  await expect(page.getByText('Клиент на дребно')).toBeVisible();
  await expect(page.getByTestId('receipt-stock-issue')).toHaveText(/^\d{10}$/);
  await shot(page, 'counter-sale-receipt-bg');
  const receiptId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const receipt = await api(page, `/api/v1/sale-receipts/${receiptId}`);
  expect(receipt).toMatchObject({ totalCents: 7320, method: 'card', orderId: null });
  // The stock went down in the same step.
  const levels = await api(page, `/api/v1/stock/levels?warehouseId=${store.id}&includeEmpty=true`);
  const onHand = (id: string) => levels.items.find((l: { partId: string }) => l.partId === id)?.onHandMilli;
  expect([onHand(hose.id), onHand(pump.id)]).toEqual([1000, 0]);

  // More than the store holds: refused, said in words, nothing sold.
  await page.goto('/counter-sale');
  await choose(page, 'Склад', `${store.code} · ${store.name}`);
  await choose(page, 'Каса', desk.name);
  await page.getByRole('combobox', { name: 'Част: код, име или баркод' }).fill(hose.code);
  await page.getByRole('option', { name: `${hose.code} · ${hose.nameBg}` }).click();
  await page.getByTestId('counter-line-quantity').fill('2');
  await expect(page.getByTestId('counter-line')).toContainText('Повече от наличното');
  await page.getByTestId('counter-pay').click();
  await expect(page.getByTestId('counter-error')).toContainText(hose.code, SLOW);
  await shot(page, 'counter-sale-refused-bg');
  expect((await api(page, `/api/v1/sale-receipts?q=${receipt.number}`)).total).toBe(1);

  // The list: the counter sales, the receipt among them, and its CSV.
  await page
    .getByRole('navigation', { name: 'Основно меню' })
    .getByRole('link', { name: 'Касови бележки' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Касови бележки' })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Търсене' })
    .or(page.getByPlaceholder('Номер, УНП, поръчка или клиент'))
    .first()
    .fill(receipt.number);
  const row = page.getByTestId('receipts-table').getByRole('row', { name: new RegExp(receipt.number) });
  await expect(row).toBeVisible(SLOW);
  await expect(row).toContainText('73,20 €');
  await expect(row).toContainText('Продажба на каса');
  await shot(page, 'sale-receipts-bg');

  // The storno: the receipt reversed with its reason, the parts back in the store.
  await row.getByRole('link', { name: receipt.number }).click();
  await page.getByTestId('receipt-storno').click();
  await choose(page, 'Основание', 'Връщане на стока / рекламация');
  await page.getByTestId('receipt-storno-confirm').click();
  await expect(page.getByTestId('receipt-status')).toHaveText('Сторнирана', SLOW);
  await expect(page.getByTestId('receipt-reversed')).toContainText('Връщане на стока / рекламация');
  await shot(page, 'sale-receipt-storno-bg');
  const after = await api(page, `/api/v1/stock/levels?warehouseId=${store.id}&includeEmpty=true`);
  expect(after.items.find((l: { partId: string }) => l.partId === pump.id)?.onHandMilli).toBe(1000);
});

test('in English on a phone: the counter sale, the receipt and the list fit 390 px as cards', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  const { hose, store, desk } = await scene(page, 'B');
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    await page.goto('/counter-sale');
    await expect(page.getByRole('heading', { level: 2, name: 'Counter sale' })).toBeVisible();
    await choose(page, 'Warehouse', `${store.code} · ${store.name}`);
    await choose(page, 'Cash desk', desk.name);
    await page.getByRole('combobox', { name: 'Part: code, name or barcode' }).fill(hose.barcode);
    await page.getByRole('option', { name: `${hose.code} · ${hose.nameBg}` }).click();
    await expect(page.getByTestId('counter-total')).toHaveText('€15.00');
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'counter sale');
    await shot(page, 'counter-sale-phone-en');
    await page.getByTestId('counter-pay').click();
    await expect(page.getByRole('heading', { level: 2, name: /^Sale receipt \d{10}$/ })).toBeVisible(SLOW);
    await expect(page.getByText('Walk-in customer')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'sale receipt');
    await shot(page, 'sale-receipt-phone-en');
    await page.goto('/sale-receipts?source=counter');
    await expect(page.getByRole('heading', { level: 2, name: 'Sale receipts' })).toBeVisible();
    await expect(page.getByTestId('receipts-table').getByTestId('list-card').first()).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'sale receipts');
    await shot(page, 'sale-receipts-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
