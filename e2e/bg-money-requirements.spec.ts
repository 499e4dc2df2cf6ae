import type { Page } from '@playwright/test';
import { api, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

/** A finished order of a private person without ЕГН: one charge line, 50.00 + 20 %. */
async function personsFinishedOrder(page: Page, tag: string): Promise<{ id: string; number: string }> {
  const run = String(Date.now()).slice(-6);
  const person = await post(page, '/api/v1/parties', {
    kind: 'person',
    name: `Иван Лицев ${tag}${run}`,
    isCustomer: true,
    addresses: [{ label: 'billing', city: 'Варна', address: 'ул. „Морска“ 7' }],
  });
  const models = await api(page, `/api/v1/models?q=${encodeURIComponent('TDLR 7220')}`);
  const order = await post(page, '/api/v1/service-orders', {
    partyId: person.id,
    serialNumber: `E2E-BGM-${tag}${run}`,
    modelId: models.items[0].id,
    complaint: 'Не центрофугира',
  });
  await post(page, `/api/v1/service-orders/${order.id}/lines`, {
    kind: 'charge',
    description: 'Труд',
    quantityMilli: 1000,
    unitPriceCents: 5000,
    vatRateBp: 2000,
  });
  for (const to of ['diagnosing', 'in_repair', 'ready'])
    await post(page, `/api/v1/service-orders/${order.id}/status`, { to });
  return { id: order.id, number: order.number };
}

/** Closes the order with an invoice from the dialog: the tax event date shown (INV-07), ЕГН asked for (INV-16). */
async function invoiceWithoutPersonalId(page: Page, orderId: string, lang: 'bg' | 'en', phone: boolean) {
  await page.goto(`/orders/${orderId}`);
  await page.getByTestId('order-close-with-document').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible(SLOW);
  await dialog.getByLabel(lang === 'bg' ? 'Фактура' : 'Invoice', { exact: true }).check();
  // INV-07: the tax event date is the day the order was finished (today here), shown and changeable.
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Sofia' })
    .format(new Date())
    .split('-');
  const today = `${d}.${m}.${y}`;
  const taxEvent = dialog.getByTestId('closing-tax-event-date');
  await expect(taxEvent).toBeVisible();
  if (lang === 'bg') await expect(taxEvent).toHaveValue(today);
  // INV-16: a person without ЕГН: the server asks, the dialog offers the explicit confirmation.
  await dialog.getByTestId('closing-submit').click();
  await expect(dialog.getByTestId('closing-error')).toContainText('ЕГН/ЛНЧ', SLOW);
  const confirm = dialog.getByTestId('closing-without-personal-id');
  await expect(confirm).toBeVisible();
  if (phone) await expectFitsScreen(page, 'closing dialog asking for the personal ID');
  await shot(page, `bg-money-closing-personal-id-${phone ? 'phone' : 'desktop'}-${lang}`);
  await confirm.check();
  await dialog.getByTestId('closing-submit').click();
  await expect(page.getByRole('heading', { level: 2, name: /^(Фактура|Invoice) \d{10}$/ })).toBeVisible(SLOW);
  const invoiceId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const invoice = await api(page, `/api/v1/invoices/${invoiceId}`);
  expect(invoice).toMatchObject({ status: 'issued', withoutPersonalId: true, recipient: { egn: null } });
  if (phone) await expectFitsScreen(page, 'invoice page');
  await shot(page, `bg-money-invoice-without-personal-id-${phone ? 'phone' : 'desktop'}-${lang}`);
}

test('INV-07, INV-16: the desk closes a person’s order with an invoice: the tax event is the finish day; without ЕГН only on confirmation', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const order = await personsFinishedOrder(page, 'D');
  await invoiceWithoutPersonalId(page, order.id, 'bg', false);
});

test('INV-16 in English on a phone, and the euro display settings (EUR-02, EUR-03, EUR-07) on the company screen', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const order = await personsFinishedOrder(page, 'P');
    await invoiceWithoutPersonalId(page, order.id, 'en', true);
    await page.goto('/settings/company');
    await expect(page.getByTestId('company-dual-display-until')).toBeVisible(SLOW);
    await expect(page.getByTestId('company-invoice-other-currency')).not.toBeChecked();
    await expectFitsScreen(page, 'company settings');
    await shot(page, 'bg-money-company-settings-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/settings/company');
  await expect(page.getByText('Двойно обозначаване (евро и лева) до')).toBeVisible(SLOW);
  await shot(page, 'bg-money-company-settings-desktop-bg');
});
