import type { Page } from '@playwright/test';
import { ADMIN, api, expect, finishedOrder, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

const TEXT = {
  bg: {
    greeting: `Здравейте, ${ADMIN.fullName}!`,
    invoiceTitle: /^Фактура \d{10}$/,
    issued: 'Издадена',
    total: /^82,80\s€$/,
    vat20: /^13,80\s€$/,
    net: /^69,00\s€$/,
  },
  en: {
    greeting: `Hello, ${ADMIN.fullName}!`,
    invoiceTitle: /^Invoice \d{10}$/,
    issued: 'Issued',
    total: /^€82\.80$/,
    vat20: /^€13\.80$/,
    net: /^€69\.00$/,
  },
} as const;
type Language = keyof typeof TEXT;

async function expectHome(page: Page, language: Language = 'bg'): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: TEXT[language].greeting })).toBeVisible(SLOW);
}

/** On the order page: "Close with a document", an invoice, and the invoice page with its number and totals. */
async function issueFromOrder(page: Page, language: Language, orderId: string): Promise<string> {
  const x = TEXT[language];
  await page.goto(`/orders/${orderId}`);
  await page.getByTestId('order-close-with-document').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible(SLOW);
  await dialog.getByTestId('closing-kind-invoice').check();
  await dialog.getByTestId('closing-received-by').fill('Иван Петров');
  await shot(page, `invoice-issue-dialog-${language}${page.viewportSize()?.width === 390 ? '-phone' : ''}`);
  await dialog.getByTestId('closing-submit').click();
  const heading = page.getByRole('heading', { level: 2, name: x.invoiceTitle });
  await expect(heading).toBeVisible(SLOW);
  const number = /(\d{10})$/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
  await expect(page.getByTestId('invoice-status').first()).toHaveText(x.issued);
  await expect(page.getByTestId('invoice-net')).toHaveText(x.net);
  await expect(page.getByTestId('invoice-vat-2000')).toHaveText(x.vat20);
  await expect(page.getByTestId('invoice-total')).toHaveText(x.total);
  // The warranty line stays off the invoice.
  await expect(page.getByTestId('invoice-lines').getByText('Гаранционен труд')).toHaveCount(0);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  expect((await api(page, `/api/v1/invoices/${id}`)).number).toBe(number);
  return id;
}

/** The PDF the page links to: a PDF, served from the stored copy whose hash the page shows. */
async function openPdf(page: Page, testId: string, invoiceId: string): Promise<void> {
  const href = (await page.getByTestId(testId).getAttribute('href')) ?? '';
  const pdf = await page.request.get(href);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  if (testId === 'invoice-pdf')
    expect(pdf.headers()['x-content-sha256']).toBe(
      (await api(page, `/api/v1/invoices/${invoiceId}`)).pdfSha256,
    );
}

test('a finished order billed in one step: the invoice, its number and totals, the PDF; the order cannot be billed again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const order = await finishedOrder(page, 'Фактура Клиент');
  const invoiceId = await issueFromOrder(page, 'bg', order.id);
  await shot(page, 'invoice-bg');
  await openPdf(page, 'invoice-pdf', invoiceId);
  await openPdf(page, 'invoice-pdf-both', invoiceId);

  // Back on the order: a link to its invoice instead of the button.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId('order-invoice-link')).toBeVisible(SLOW);
  await expect(page.getByTestId('order-close-with-document')).toHaveCount(0);

  // The list: the new invoice, filtered by status and found by its number; the CSV export of what is shown.
  const invoice = await api(page, `/api/v1/invoices/${invoiceId}`);
  await page.goto('/invoices');
  await page.getByRole('searchbox', { name: 'Номер, получател, ЕИК' }).fill(invoice.number);
  await expect(
    page.getByTestId('invoices-table').getByRole('link', { name: invoice.number }).first(),
  ).toBeVisible(SLOW);
  await shot(page, 'invoices-list-bg');
  const csv = await page.request.get(`/api/v1/invoices/export.csv?q=${invoice.number}`);
  expect(await csv.text()).toContain('82.80');
});

test('in English on a phone: issue, the invoice page and the list fit 390 px', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const order = await finishedOrder(page, 'Invoice Customer');
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId('order-close-with-document')).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'order page with the invoice button');
    const invoiceId = await issueFromOrder(page, 'en', order.id);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'invoice page');
    await shot(page, 'invoice-phone-en');
    await openPdf(page, 'invoice-pdf', invoiceId);
    await page.goto('/invoices');
    await expect(page.getByRole('heading', { level: 2, name: 'Invoices' })).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'invoices list');
    await shot(page, 'invoices-list-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
