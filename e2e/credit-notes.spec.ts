import type { Page } from '@playwright/test';
import { api, aUic, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

/** An issued invoice through the API: 2 × 50.00 € of labour and one part at 19.99 €, 20 % VAT (143.99 €). */
async function anIssuedInvoice(
  page: Page,
  name: string,
  partyId?: string,
): Promise<{ id: string; number: string; partyId: string }> {
  const customer = partyId
    ? { id: partyId }
    : await post(page, '/api/v1/parties', {
        kind: 'company',
        name: `${name} ${String(Date.now()).slice(-6)} ООД`,
        uic: aUic(),
        isCustomer: true,
        addresses: [{ label: 'billing', city: 'Русе', address: 'ул. „Борисова“ 3' }],
      });
  const line = (description: string, quantityMilli: number, unitPriceCents: number) => ({
    description,
    quantityMilli,
    unit: 'бр.',
    unitPriceCents,
    vatRateBp: 2000,
  });
  const draft = await post(page, '/api/v1/invoices', {
    partyId: customer.id,
    lines: [line('Труд', 2000, 5000), line('Помпа', 1000, 1999)],
  });
  return post(page, `/api/v1/invoices/${draft.id}/issue`, {});
}

async function expectPdf(page: Page, testId: string): Promise<string> {
  const href = (await page.getByTestId(testId).getAttribute('href')) ?? '';
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  return href;
}

test('a partial credit note made on screen: its number, the invoice it cites, its PDF; a cancelled invoice and its protocol', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const invoice = await anIssuedInvoice(page, 'Известие Клиент');
  await page.goto(`/invoices/${invoice.id}`);
  await page.getByTestId('invoice-credit-note').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible(SLOW);
  // Credit one of the two hours of labour; the part stays off the note.
  await dialog.getByTestId('note-line-include-1').uncheck();
  await dialog.getByTestId('note-line-quantity-0').fill('1');
  await dialog.getByTestId('note-reason').fill('Отстъпка за забавяне');
  await shot(page, 'credit-note-form-bg');
  await dialog.getByTestId('note-submit').click();
  const heading = page.getByRole('heading', { level: 2, name: /^Кредитно известие \d{10}$/ });
  await expect(heading).toBeVisible(SLOW);
  const number = /(\d{10})$/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
  expect(Number(number)).toBeGreaterThan(Number(invoice.number));
  await expect(page.getByTestId('note-related-invoice')).toContainText(invoice.number);
  await expect(page.getByTestId('invoice-total')).toHaveText(/^60,00\s€$/);
  await shot(page, 'credit-note-bg');
  await expectPdf(page, 'invoice-pdf');
  const noteId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const note = await api(page, `/api/v1/invoices/${noteId}`);
  expect(note).toMatchObject({ kind: 'credit_note', number, relatedInvoiceId: invoice.id, totalCents: 6000 });

  // The invoice lists its note; the list shows the kind.
  await page.getByTestId('note-related-invoice').click();
  await expect(page.getByTestId('invoice-notes')).toContainText(number, SLOW);
  await page.goto('/invoices');
  await page.getByRole('searchbox', { name: 'Номер, получател, ЕИК' }).fill(number);
  await expect(page.getByTestId('invoices-table').getByText('Кредитно известие').first()).toBeVisible(SLOW);
  await shot(page, 'invoices-list-notes-bg');

  // Another invoice cancelled on screen, replaced by a new one to the same customer, and its cancellation protocol.
  const wrong = await anIssuedInvoice(page, 'Анулиране Клиент');
  const right = await anIssuedInvoice(page, '', wrong.partyId);
  await page.goto(`/invoices/${wrong.id}`);
  await page.getByTestId('invoice-cancel').click();
  await page.getByTestId('invoice-cancel-reason').fill('Сгрешен начин на плащане');
  await page.getByTestId('invoice-cancel-replaced-by').click();
  await page.getByRole('option', { name: new RegExp(`^${right.number}`) }).click();
  await shot(page, 'cancel-invoice-dialog-bg');
  await page.getByTestId('invoice-cancel-confirm').click();
  await expect(page.getByTestId('invoice-cancelled-reason')).toContainText(right.number, SLOW);
  expect((await api(page, `/api/v1/invoices/${wrong.id}`)).replacedBy).toMatchObject({ id: right.id });
  const href = await expectPdf(page, 'invoice-protocol');
  expect(href).toContain('/cancellation-protocol.pdf');
  await expectPdf(page, 'invoice-protocol-both');
  await shot(page, 'cancelled-invoice-protocol-bg');
});

test('in English on a phone: the note form, the note page and the list fit 390 px', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const invoice = await anIssuedInvoice(page, 'Note Customer');
    await page.goto(`/invoices/${invoice.id}`);
    await expect(page.getByTestId('invoice-debit-note')).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'invoice page with the note buttons');
    await page.getByTestId('invoice-credit-note').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible(SLOW);
    await dialog.getByTestId('note-reason').fill('Returned part');
    await shot(page, 'credit-note-form-phone-en');
    await dialog.getByTestId('note-full').click();
    await expect(page.getByRole('heading', { level: 2, name: /^Credit note \d{10}$/ })).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'credit note page');
    await shot(page, 'credit-note-phone-en');
    await page.goto('/invoices');
    await expect(page.getByRole('heading', { level: 2, name: 'Invoices' })).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'invoices list with notes');
    await shot(page, 'invoices-list-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
