import type { Page } from '@playwright/test';
import { api, csrfOf, expect, expectHome, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
async function post(page: Page, path: string, data?: unknown): Promise<any> {
  const res = await page.request.post(path, { headers: { 'x-csrf-token': await csrfOf(page) }, data });
  expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

const unique = () => `${Date.now() % 1_000_000}`.padStart(6, '0');

/**
 * What the desk and the technician did before the storekeeper's turn, through the API: a supplier, a part it is
 * the preferred supplier of (none in stock), a customer's item and an order in diagnosis whose part line waits.
 */
async function orderWaitingForAPart(page: Page) {
  const u = unique();
  const supplier = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `Части Експрес ${u} ООД`,
    isCustomer: false,
    isSupplier: true,
  });
  const part = await post(page, '/api/v1/parts', {
    code: `PMP-${u}`,
    nameBg: `Помпа за пералня ${u}`,
    salePriceCents: 4500,
    typicalCostCents: 2200,
    preferredSupplierId: supplier.id,
  });
  const customer = await post(page, '/api/v1/parties', {
    kind: 'person',
    name: `Петър Георгиев ${u}`,
    isCustomer: true,
    isSupplier: false,
  });
  const models = await api(page, '/api/v1/models?pageSize=1');
  const item = await post(page, '/api/v1/items', {
    modelId: models.items[0].id,
    partyId: customer.id,
    serialNumber: `SN-PR-${u}`,
    purchaseDate: '2020-01-10',
  });
  const warehouses = await api(page, '/api/v1/warehouses?pageSize=200');
  const store = warehouses.items.find(
    (w: { kind: string; archived: boolean }) => w.kind === 'store' && !w.archived,
  );
  const order = await post(page, '/api/v1/service-orders', {
    partyId: customer.id,
    itemId: item.id,
    complaint: 'Не изпомпва водата',
  });
  await post(page, `/api/v1/service-orders/${order.id}/status`, { to: 'diagnosing' });
  const withLine = await post(page, `/api/v1/service-orders/${order.id}/lines`, {
    kind: 'part',
    partId: part.id,
    warehouseId: store.id,
    quantityMilli: 1000,
  });
  expect(withLine.status).toBe('awaiting_parts');
  return { supplier, part, order: withLine };
}

test('a waiting part is drafted for its supplier, sent, received, and the order gets its part', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const { supplier, part, order } = await orderWaitingForAPart(page);

  // The order page shows the waiting line with its request.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('reservation').first()).toHaveText('Чака доставка', SLOW);
  await expect(page.getByTestId('line-request').first()).toContainText('Чернова', SLOW);

  // The storekeeper finds the draft under the supplier in the stock menu.
  const nav = page.getByRole('navigation', { name: 'Основно меню' });
  await nav.getByRole('link', { name: 'Заявки за доставка' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Заявки за доставка' })).toBeVisible(SLOW);
  const row = page
    .getByTestId('purchase-requests-table')
    .getByRole('row', { name: new RegExp(supplier.name) });
  await expect(row).toBeVisible(SLOW);
  await expect(row).toContainText('Чернова');
  await shot(page, 'purchase-requests-list-bg');
  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: /^Заявка за доставка № \d{10}$/ })).toBeVisible(
    SLOW,
  );
  const line = page.getByTestId('request-line').filter({ hasText: part.code });
  await expect(line.getByTestId('served-order')).toHaveText(`${order.number} (1)`);
  await shot(page, 'purchase-request-draft-bg');

  // Send: ordered. Receive: a receipt draft from the supplier with the request's line.
  await page.getByRole('button', { name: 'Изпрати' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('Изпратена', SLOW);
  await page.getByRole('button', { name: 'Заприходи' }).click();
  await expect(page).toHaveURL(/\/stock\/documents\//, SLOW);
  await expect(page.getByTestId('supplier-picker')).toHaveValue(supplier.name, SLOW);
  await page.getByRole('button', { name: 'Осчетоводи' }).click();
  await page.getByTestId('confirm-post').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Складова разписка № \d{10}$/ })).toBeVisible(
    SLOW,
  );

  // The order holds its part now and says the parts arrived; so do the list and the request.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('reservation').first()).toHaveText('Запазена', SLOW);
  await expect(page.getByText('Частите пристигнаха').first()).toBeVisible();
  await shot(page, 'purchase-request-order-arrived-bg');
  const requests = await api(page, `/api/v1/purchase-requests?sourceId=${order.id}`);
  expect(requests.items.map((r: { status: string }) => r.status)).toEqual(['received']);
  await page.goto(`/orders?q=${order.number}`);
  await expect(page.getByText('Частите пристигнаха').first()).toBeVisible(SLOW);

  // The same screens in English, at 1280 and on a phone.
  const requestId = requests.items[0].id as string;
  await switchLanguage(page, 'en');
  try {
    await page.goto('/stock/purchase-requests');
    await expect(page.getByRole('heading', { level: 2, name: 'Purchase requests' })).toBeVisible(SLOW);
    await shot(page, 'purchase-requests-list-en');
    await page.goto(`/stock/purchase-requests/${requestId}`);
    await expect(page.getByTestId('request-status')).toHaveText('Received', SLOW);
    await shot(page, 'purchase-request-received-en');
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByTestId('request-status')).toHaveText('Received', SLOW);
    await expectFitsScreen(page, 'the received request (en)');
    await shot(page, 'purchase-request-received-en-390');
    await page.goto('/stock/purchase-requests');
    await expect(page.getByRole('heading', { level: 2, name: 'Purchase requests' })).toBeVisible(SLOW);
    await expectFitsScreen(page, 'the request list (en)');
    await shot(page, 'purchase-requests-list-en-390');
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByText('Parts arrived').first()).toBeVisible(SLOW);
    await expectFitsScreen(page, 'the order with its part (en)');
    await shot(page, 'purchase-request-order-arrived-en-390');
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
    await switchLanguage(page, 'bg');
  }
  await page.setViewportSize(PHONE);
  await page.goto('/stock/purchase-requests');
  await expect(page.getByRole('heading', { level: 2, name: 'Заявки за доставка' })).toBeVisible(SLOW);
  await expectFitsScreen(page, 'the request list (bg)');
  await shot(page, 'purchase-requests-list-bg-390');
  await page.goto(`/stock/purchase-requests/${requestId}`);
  await expect(page.getByTestId('request-status')).toHaveText('Получена', SLOW);
  await expectFitsScreen(page, 'the received request (bg)');
  await shot(page, 'purchase-request-received-bg-390');
});
