import type { Page } from '@playwright/test';
import {
  api,
  aUic,
  csrfOf,
  expect,
  expectHome,
  finishedOrder,
  post,
  shot,
  signIn,
  switchLanguage,
  test,
} from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

async function aCustomer(page: Page, name: string): Promise<{ id: string }> {
  return post(page, '/api/v1/parties', {
    kind: 'company',
    name: `${name} ${String(Date.now()).slice(-6)} ООД`,
    uic: aUic(),
    isCustomer: true,
    addresses: [{ label: 'billing', city: 'Бургас', address: 'ул. „Александровска“ 12' }],
  });
}

/** An order in repair with two lines the customer pays (82.80 € with VAT) and one under the shop's warranty. */
const orderInRepair = (page: Page) => finishedOrder(page, 'Проформа Клиент', 'PRO', 'in_repair');

async function expectPdf(page: Page, testId: string): Promise<string> {
  const href = (await page.getByTestId(testId).getAttribute('href')) ?? '';
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  return href;
}

test('a proforma from an order in repair, then converted into the invoice once the order is ready', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const order = await orderInRepair(page);
  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('order-proforma').click();
  const heading = page.getByRole('heading', { level: 2, name: /^Проформа фактура \d{10}$/ });
  await expect(heading).toBeVisible(SLOW);
  const number = /(\d{10})$/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
  await expect(page.getByTestId('proforma-status')).toHaveText('Издадена');
  await expect(page.getByTestId('proforma-no-tax')).toBeVisible();
  await expect(page.getByTestId('invoice-net')).toHaveText(/^69,00\s€$/);
  await expect(page.getByTestId('invoice-total')).toHaveText(/^82,80\s€$/);
  await expect(page.getByTestId('proforma-lines')).not.toContainText('Гаранционен труд');
  await expectPdf(page, 'proforma-pdf');
  await expectPdf(page, 'proforma-pdf-both');
  await shot(page, 'proforma-bg');
  const proformaId = new URL(page.url()).pathname.split('/').pop() ?? '';

  // Not yet finished: converting would bill an unfinished order, and the server says so.
  await page.getByTestId('proforma-convert').click();
  await page.getByTestId('proforma-convert-submit').click();
  await expect(page.getByTestId('proforma-convert-error')).toContainText('не е завършена', SLOW);
  await page.getByRole('dialog').getByRole('button', { name: 'Отказ' }).click();

  // The order is finished; the proforma becomes the invoice, which cites it.
  for (const to of ['ready']) await post(page, `/api/v1/service-orders/${order.id}/status`, { to });
  await page.getByTestId('proforma-convert').click();
  await page.getByTestId('proforma-convert-received-by').fill('Георги Георгиев');
  await shot(page, 'proforma-convert-dialog-bg');
  await page.getByTestId('proforma-convert-submit').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Фактура \d{10}$/ })).toBeVisible(SLOW);
  await expect(page.getByTestId('invoice-proforma')).toContainText(number);
  await expect(page.getByTestId('invoice-total')).toHaveText(/^82,80\s€$/);
  await shot(page, 'invoice-from-proforma-bg');
  const invoiceId = new URL(page.url()).pathname.split('/').pop() ?? '';
  expect(await api(page, `/api/v1/invoices/${invoiceId}`)).toMatchObject({
    orderId: order.id,
    totalCents: 8280,
  });

  // The proforma reads converted and cannot be converted again.
  await page.getByTestId('invoice-proforma').click();
  await expect(page.getByTestId('proforma-status')).toHaveText('Превърната във фактура', SLOW);
  await expect(page.getByTestId('proforma-invoice')).toBeVisible();
  await expect(page.getByTestId('proforma-convert')).toHaveCount(0);
  const again = await page.request.post(`/api/v1/proformas/${proformaId}/convert`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: {},
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).code).toBe('proforma_already_converted');
  await shot(page, 'proforma-converted-bg');

  // The list of proformas, found by number.
  await page.goto('/proformas');
  await page.getByRole('searchbox', { name: 'Номер, получател, ЕИК' }).fill(number);
  await expect(page.getByTestId('proformas-table').getByText('Превърната във фактура').first()).toBeVisible(
    SLOW,
  );
  await shot(page, 'proformas-list-bg');
});

test('an advance invoice before the repair, deducted on the final invoice of the order', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const order = await orderInRepair(page);
  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('order-advance').click();
  await page.getByTestId('advance-base').fill('50,00');
  await shot(page, 'advance-dialog-bg');
  await page.getByTestId('advance-submit').click();
  const heading = page.getByRole('heading', { level: 2, name: /^Фактура \d{10}$/ });
  await expect(heading).toBeVisible(SLOW);
  const advanceNumber = /(\d{10})$/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
  // 50.00 + 20 % VAT = 60.00
  await expect(page.getByTestId('invoice-total')).toHaveText(/^60,00\s€$/);
  await expect(page.getByTestId('invoice-lines')).toContainText(
    `Аванс по сервизна поръчка № ${order.number}`,
  );
  await shot(page, 'advance-invoice-bg');

  await post(page, `/api/v1/service-orders/${order.id}/status`, { to: 'ready' });
  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('order-close-with-document').click();
  await page.getByTestId('closing-kind-invoice').check(SLOW);
  await expect(page.getByTestId(`invoice-deduct-${advanceNumber}`)).toBeChecked(SLOW);
  await shot(page, 'final-invoice-dialog-bg');
  await page.getByTestId('closing-submit').click();
  await expect(page.getByRole('heading', { level: 2, name: /^Фактура \d{10}$/ })).not.toHaveText(
    `Фактура ${advanceNumber}`,
    SLOW,
  );
  // 69.00 − 50.00 = 19.00 base; VAT 3.80; total 22.80; the deduction line cites the advance.
  await expect(page.getByTestId('invoice-net')).toHaveText(/^19,00\s€$/, SLOW);
  await expect(page.getByTestId('invoice-total')).toHaveText(/^22,80\s€$/);
  await expect(page.getByTestId('invoice-lines')).toContainText(
    `Приспадане на аванс по фактура № ${advanceNumber}`,
  );
  await shot(page, 'final-invoice-bg');
});

test('in English on a phone: a proforma page, the convert dialog and the list fit 390 px', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const customer = await aCustomer(page, 'Proforma Customer');
    const proforma = await post(page, '/api/v1/proformas', {
      partyId: customer.id,
      validUntil: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      lines: [
        { description: 'Compressor', quantityMilli: 1000, unitPriceCents: 18_000, vatRateBp: 2000 },
        { description: 'Labour', quantityMilli: 2000, unitPriceCents: 3500, vatRateBp: 2000 },
      ],
    });
    await page.goto(`/proformas/${proforma.id}`);
    await expect(
      page.getByRole('heading', { level: 2, name: `Proforma invoice ${proforma.number}` }),
    ).toBeVisible(SLOW);
    // 180.00 + 2 × 35.00 = 250.00; VAT 50.00; total 300.00.
    await expect(page.getByTestId('invoice-total')).toHaveText(/^€300\.00$/);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'proforma page');
    await shot(page, 'proforma-phone-en');
    await page.getByTestId('proforma-convert').click();
    await expect(page.getByRole('dialog')).toBeVisible(SLOW);
    await expectFitsScreen(page, 'convert dialog');
    await shot(page, 'proforma-convert-phone-en');
    await page.getByTestId('proforma-convert-submit').click();
    await expect(page.getByRole('heading', { level: 2, name: /^Invoice \d{10}$/ })).toBeVisible(SLOW);
    await expect(page.getByTestId('invoice-proforma')).toContainText(proforma.number);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'invoice from a proforma');
    await shot(page, 'invoice-from-proforma-phone-en');
    await page.goto('/proformas');
    await expect(page.getByRole('heading', { level: 2, name: 'Proforma invoices' })).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'proformas list');
    await shot(page, 'proformas-list-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});

for (const [lang, phone] of [
  ['bg', false],
  ['en', true],
] as const)
  test(`INV-16: converting a private person's proforma without ЕГН asks for the explicit confirmation (${lang}${phone ? ', phone' : ''})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    if (phone) await page.setViewportSize(PHONE);
    await signIn(page);
    await expectHome(page);
    if (lang === 'en') {
      await switchLanguage(page, 'en');
      await expectHome(page, 'en');
    }
    try {
      const person = await post(page, '/api/v1/parties', {
        kind: 'person',
        name: `Мария Лицева ${lang}${String(Date.now()).slice(-6)}`,
        isCustomer: true,
        addresses: [{ label: 'billing', city: 'Русе', address: 'ул. „Дунав“ 5' }],
      });
      const proforma = await post(page, '/api/v1/proformas', {
        partyId: person.id,
        lines: [{ description: 'Труд', quantityMilli: 1000, unitPriceCents: 5000, vatRateBp: 2000 }],
      });
      await page.goto(`/proformas/${proforma.id}`);
      await page.getByTestId('proforma-convert').click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible(SLOW);
      // No box before the server asks; the first try is refused and names the missing ЕГН/ЛНЧ.
      await expect(dialog.getByTestId('proforma-convert-without-personal-id')).toHaveCount(0);
      await dialog.getByTestId('proforma-convert-submit').click();
      await expect(dialog.getByTestId('proforma-convert-error')).toContainText('ЕГН/ЛНЧ', SLOW);
      const confirm = dialog.getByTestId('proforma-convert-without-personal-id');
      await expect(confirm).toBeVisible();
      if (phone) await expectFitsScreen(page, 'convert dialog asking for the personal ID');
      await shot(page, `proforma-convert-personal-id-${phone ? 'phone' : 'desktop'}-${lang}`);
      await confirm.check();
      await dialog.getByTestId('proforma-convert-submit').click();
      await expect(page.getByRole('heading', { level: 2, name: /^(Фактура|Invoice) \d{10}$/ })).toBeVisible(
        SLOW,
      );
      const invoiceId = new URL(page.url()).pathname.split('/').pop() ?? '';
      expect(await api(page, `/api/v1/invoices/${invoiceId}`)).toMatchObject({
        status: 'issued',
        withoutPersonalId: true,
        recipient: { egn: null },
      });
    } finally {
      if (lang === 'en') {
        await page.goto('/');
        await switchLanguage(page, 'bg');
        await expectHome(page, 'bg');
      }
    }
  });
