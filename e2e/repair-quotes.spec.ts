import type { Page } from '@playwright/test';
import { ADMIN, api, expect, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };
const TYPING = { delay: 60 };

/** The home page's greeting: on a loaded machine the first screen may take a while. */
async function expectHome(page: Page, language: 'bg' | 'en' = 'bg'): Promise<void> {
  const greeting = language === 'bg' ? `Здравейте, ${ADMIN.fullName}!` : `Hello, ${ADMIN.fullName}!`;
  await expect(page.getByRole('heading', { level: 1, name: greeting })).toBeVisible(SLOW);
}

const unique = () => String(Date.now()).slice(-6);

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
async function post<T = any>(page: Page, path: string, data: unknown): Promise<T> {
  const csrf = (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
  const res = await page.request.post(path, { headers: { 'x-csrf-token': csrf }, data });
  expect(res.ok(), `POST ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** An order taken in for a new customer's Whirlpool washer (its drain pump labour has the model's norm), in diagnosis. */
async function orderInDiagnosis(page: Page, name: string): Promise<{ id: string; number: string }> {
  const models = await api(page, `/api/v1/models?q=${encodeURIComponent('TDLR 7220')}`);
  const modelId = models.items[0].id as string;
  const run = unique();
  const order = await post(page, '/api/v1/service-orders', {
    newCustomer: { name: `${name} ${run}`, phone: `0888 ${run.slice(0, 3)} ${run.slice(3)}` },
    serialNumber: `E2E-RQ-${run}`,
    modelId,
    complaint: 'Не изпомпва водата',
  });
  await post(page, `/api/v1/service-orders/${order.id}/status`, { to: 'diagnosing' });
  return { id: order.id, number: order.number };
}

/** On the quote page: adds the drain pump from the main store and the labour of changing it. */
async function addPartAndLabour(page: Page, x: { part: RegExp; warehouse: RegExp; service: RegExp }) {
  const dialog = page.getByRole('dialog');
  await page.getByTestId('add-part').click();
  await dialog.getByRole('combobox', { name: x.part }).pressSequentially('WM-PUMP-BSH', TYPING);
  await page.getByRole('option', { name: /WM-PUMP-BSH/ }).click();
  await dialog.getByRole('combobox', { name: x.warehouse }).click();
  await page.getByRole('option', { name: /^MAIN/ }).click();
  await dialog.getByTestId('save-line').click();
  await expect(dialog).toBeHidden(SLOW);
  await page.getByTestId('add-labour').click();
  await dialog.getByRole('combobox', { name: x.service }).pressSequentially('WM_DRAIN', TYPING);
  await page.getByRole('option', { name: /WM_DRAIN_PUMP/ }).click();
  await dialog.getByTestId('save-line').click();
  await expect(dialog).toBeHidden(SLOW);
  await expect(
    page
      .getByTestId('quote-lines')
      .getByText(/WM-PUMP-BSH/)
      .first(),
  ).toBeVisible(SLOW);
}

test('a quote from an order in diagnosis: a part and labour, sent, accepted, converted; the lines are on the order; the PDF', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const order = await orderInDiagnosis(page, 'Оферта Клиент');
  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('make-quote').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Оферта \d+$/ })).toBeVisible(SLOW);
  const quoteId = page.url().split('/quotes/')[1] ?? '';
  await addPartAndLabour(page, { part: /^Част/, warehouse: /^Склад/, service: /^Услуга/ });
  const draft = await api(page, `/api/v1/repair-quotes/${quoteId}`);
  // The labour of this model: 75 min (the catalogue's override) at 32.00 €/h = 40.00 €.
  expect(draft.lines.find((l: { kind: string }) => l.kind === 'labour')).toMatchObject({
    normMinutes: 75,
    unitPriceCents: 4000,
  });
  await shot(page, 'repair-quote-draft-bg');

  await page.getByTestId('quote-move-sent').click();
  await expect(page.getByTestId('quote-status').first()).toHaveText('Изпратена', SLOW);
  expect((await api(page, `/api/v1/service-orders/${order.id}`)).status).toBe('awaiting_approval');
  await page.getByTestId('quote-move-accepted').click();
  await expect(page.getByTestId('quote-status').first()).toHaveText('Приета', SLOW);
  await page.getByTestId('quote-convert').click();
  await expect(page.getByTestId('quote-status').first()).toHaveText('В поръчка', SLOW);
  await shot(page, 'repair-quote-converted-bg');

  // The PDF the page links to.
  const href = (await page.getByTestId('quote-pdf').getAttribute('href')) ?? '';
  const pdf = await page.request.get(href);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The order: the quote's lines, reserved, in repair; and the link back to its quote.
  await page.getByTestId('quote-order-link').click();
  await expect(page.getByTestId('order-lines').getByText(/Смяна на помпа на пералня/)).toBeVisible(SLOW);
  await expect(
    page
      .getByTestId('order-lines')
      .getByText(/WM-PUMP-BSH|Помпа/)
      .first(),
  ).toBeVisible();
  await expect(page.getByTestId('order-status').first()).toHaveText('В ремонт');
  await expect(page.getByTestId('order-quote-link')).toContainText(draft.number);
  const converted = await api(page, `/api/v1/service-orders/${order.id}`);
  expect(converted.lines.map((l: { kind: string }) => l.kind)).toEqual(['part', 'labour']);
  expect(converted.totals.totalCents).toBe(draft.totals.totalCents);
  await shot(page, 'repair-quote-order-bg');

  await page.goto('/quotes');
  await expect(page.getByTestId('quotes-table').getByRole('link', { name: draft.number })).toBeVisible(SLOW);
  await shot(page, 'repair-quotes-list-bg');
});

test('in English on a phone: the quote page and the list fit 390 px', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const order = await orderInDiagnosis(page, 'Quote Customer');
    await page.goto(`/orders/${order.id}`);
    await page.getByTestId('make-quote').click();
    await expect(page.getByRole('heading', { level: 2, name: /^Quote \d+$/ })).toBeVisible(SLOW);
    await addPartAndLabour(page, { part: /^Part/, warehouse: /^Warehouse/, service: /^Service/ });
    await page.getByTestId('quote-move-sent').click();
    await expect(page.getByTestId('quote-status').first()).toHaveText('Sent', SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'quote page');
    await shot(page, 'repair-quote-phone-en');
    await page.getByTestId('quote-move-accepted').click();
    await page.getByTestId('quote-convert').click();
    await expect(page.getByTestId('quote-status').first()).toHaveText('Converted to order', SLOW);
    await page.goto('/quotes');
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'quotes list');
    await shot(page, 'repair-quotes-list-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});

test('a quote without an order: a new customer’s item not yet registered, by serial and model, from the quotes list', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const run = unique();
  const customer = await post(page, '/api/v1/parties', {
    kind: 'person',
    name: `Пита за цена ${run}`,
    isCustomer: true,
    isSupplier: false,
    phones: [{ number: `0887 ${run.slice(0, 3)} ${run.slice(3)}` }],
  });
  await page.goto('/quotes');
  await page.getByTestId('new-quote').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Нова оферта' })).toBeVisible(SLOW);
  const who = page.getByRole('combobox', { name: /^Клиент/ });
  await who.pressSequentially(`Пита за цена ${run}`, TYPING);
  await page.getByRole('option', { name: new RegExp(`Пита за цена ${run}`) }).click();
  // A customer without items: the new item is chosen already.
  await expect(page.getByRole('combobox', { name: /^Уред/ })).toHaveValue(/^Нов уред/, SLOW);
  await page.getByRole('textbox', { name: /^Сериен номер/ }).fill(`E2E-NQ-${run}`);
  const model = page.getByRole('combobox', { name: /^Модел/ });
  await model.pressSequentially('WAN28263', TYPING);
  await expect(page.getByRole('option').first()).toContainText('Bosch WAN28263BY', SLOW);
  await page.getByRole('option').first().click();
  await page.getByRole('textbox', { name: /^Оплакване/ }).fill('Колко ще струва смяна на лагерите?');
  await shot(page, 'repair-quote-new-bg');
  await page.getByTestId('create-quote').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Оферта \d+$/ })).toBeVisible(SLOW);
  const quoteId = page.url().split('/quotes/')[1] ?? '';
  const quote = await api(page, `/api/v1/repair-quotes/${quoteId}`);
  expect(quote).toMatchObject({ partyId: customer.id, status: 'draft' });
  const item = await api(page, `/api/v1/items/${quote.itemId}`);
  expect(item).toMatchObject({
    serialNumber: `E2E-NQ-${run}`,
    partyId: customer.id,
    modelName: 'WAN28263BY',
  });
});
