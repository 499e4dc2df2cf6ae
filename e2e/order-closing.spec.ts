import { api, expect, expectHome, finishedOrder, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

test('the desk closes a finished order with a goods delivery note, opens it, and delivers the order', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const order = await finishedOrder(page, 'Разписка Клиент', 'CLOSE');
  await page.goto(`/orders/${order.id}`);
  await page.getByTestId('order-close-with-document').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible(SLOW);
  // The lines the customer pays and the total; the warranty line stays off.
  const lines = dialog.getByTestId('closing-lines');
  await expect(lines).toContainText('Труд');
  await expect(lines).toContainText('Транспорт');
  await expect(lines).not.toContainText('Гаранционен труд');
  await expect(dialog.getByTestId('closing-total')).toHaveText(/^82,80\s€$/);
  // The desk may issue all three kinds.
  for (const k of ['invoice', 'sale_receipt', 'goods_note'])
    await expect(dialog.getByTestId(`closing-kind-${k}`)).toBeVisible();
  await dialog.getByLabel('Стокова разписка').check();
  await dialog.getByTestId('closing-received-by').fill('Иван Петров');
  await shot(page, 'order-closing-dialog-bg');
  await dialog.getByTestId('closing-submit').click();
  await expect(dialog.getByTestId('closing-issued')).toContainText(
    /Стокова разписка № \d{10} е издадена/,
    SLOW,
  );
  await shot(page, 'order-closing-issued-bg');

  // Opening the document: its PDF, the stored copy.
  const href = (await dialog.getByTestId('closing-open-document').getAttribute('href')) ?? '';
  const pdf = await page.request.get(href);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const noteId = href.split('/').at(-2) ?? '';
  expect(pdf.headers()['x-content-sha256']).toBe(
    (await api(page, `/api/v1/goods-notes/${noteId}`)).pdfSha256,
  );
  await dialog.getByRole('button', { name: 'Затвори' }).first().click();

  // The order now links to its document and offers no second closing; delivering it asks nothing.
  await expect(page.getByTestId('order-closing-document')).toHaveText('Документ: Стокова разписка', SLOW);
  await expect(page.getByTestId('order-close-with-document')).toHaveCount(0);
  await page.getByTestId('move-delivered').click();
  await expect(page.getByTestId('order-closing-document')).toBeVisible(SLOW);
  await expect
    .poll(async () => (await api(page, `/api/v1/service-orders/${order.id}`)).status, SLOW)
    .toBe('delivered');
  await expect(page.getByTestId('order-delivered-without-document')).toHaveCount(0);
  await shot(page, 'order-closed-delivered-bg');
});

test('in English on a phone: delivering without a document asks the reason; the order is then closed with an invoice', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const order = await finishedOrder(page, 'Closing Customer', 'CLOSE');
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId('order-close-with-document')).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'order page with the closing action');

    // Delivering with 82.80 € to pay and no document: the server refuses, the dialog asks for the reason.
    await page.getByTestId('move-delivered').click();
    const ask = page.getByRole('dialog');
    await expect(ask.getByTestId('deliver-needs-document')).toBeVisible(SLOW);
    await expectFitsScreen(page, 'delivery reason dialog');
    await shot(page, 'order-deliver-reason-phone-en');
    await ask.getByTestId('status-reason').fill('The customer pays by bank transfer next week');
    await ask.getByRole('button', { name: 'Deliver without a document' }).click();
    await expect(page.getByTestId('order-delivered-without-document')).toHaveText(
      'The customer pays by bank transfer next week',
      SLOW,
    );
    await shot(page, 'order-delivered-without-document-phone-en');

    // Still billable once delivered: closed with an invoice from the same dialog, which opens the invoice.
    await page.getByTestId('order-close-with-document').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('closing-total')).toHaveText(/^€82\.80$/, SLOW);
    await expectFitsScreen(page, 'closing dialog');
    await shot(page, 'order-closing-dialog-phone-en');
    await dialog.getByLabel('Invoice', { exact: true }).check();
    await dialog.getByTestId('closing-submit').click();
    await expect(page.getByRole('heading', { level: 2, name: /^Invoice \d{10}$/ })).toBeVisible(SLOW);
    const invoiceId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect((await api(page, `/api/v1/invoices/${invoiceId}`)).totalCents).toBe(8280);
    expect((await api(page, `/api/v1/service-orders/${order.id}`)).billedByKind).toBe('invoice');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
