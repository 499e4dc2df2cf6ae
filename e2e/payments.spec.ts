import type { Page } from '@playwright/test';
import { api, aUic, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

/** A customer with an issued invoice of 120.00 € (100.00 + 20 % VAT), due in 14 days, and a cash desk. */
async function issuedInvoice(page: Page, name: string) {
  const run = String(Date.now()).slice(-6);
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `${name} ${run} ООД`,
    uic: aUic(),
    isCustomer: true,
    addresses: [{ label: 'billing', city: 'Бургас', address: 'ул. „Морска“ 3' }],
  });
  const due = new Date(Date.now() + 14 * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Sofia',
  });
  const draft = await post(page, '/api/v1/invoices', {
    partyId: customer.id,
    dueDate: due,
    lines: [
      { description: 'Ремонт', quantityMilli: 1000, unit: 'бр.', unitPriceCents: 10_000, vatRateBp: 2000 },
    ],
  });
  const invoice = await post(page, `/api/v1/invoices/${draft.id}/issue`, {});
  const desk = await post(page, '/api/v1/money-accounts', { kind: 'cash', name: `Каса ${run}` });
  return { customer, invoice, desk };
}

/** From the invoice's "Pay": 50.00 in cash to the cash desk, allocated to the invoice; the payment page. */
async function payPart(page: Page, invoiceId: string, deskName: string, amount: string) {
  await page.goto(`/invoices/${invoiceId}`);
  await page.getByTestId('invoice-pay').click();
  await expect(page.getByTestId('open-invoice')).toHaveCount(1, SLOW);
  await page.getByTestId('payment-account').click();
  await page.getByRole('option', { name: deskName }).click();
  await page.getByTestId('payment-amount').fill(amount);
  await page.getByTestId('allocate-amount').fill(amount);
  return page;
}

test('a partial cash payment from the invoice page: the invoice partly paid, the cash desk, the receivables', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const { customer, invoice, desk } = await issuedInvoice(page, 'Плащане Клиент');
  await payPart(page, invoice.id, desk.name, '50,00');
  await expect(page.getByTestId('payment-remainder')).toHaveText(/0,00\s€/);
  await shot(page, 'payment-new-bg');
  await page.getByTestId('payment-save').click();
  await expect(page.getByTestId('payment-total')).toHaveText(/^50,00\s€$/, SLOW);
  await expect(page.getByTestId('allocation')).toHaveCount(1);
  await shot(page, 'payment-bg');
  const paymentUrl = page.url();

  await page.goto(`/invoices/${invoice.id}`);
  await expect(page.getByTestId('payment-state').first()).toHaveText('Частично платена', SLOW);
  await expect(page.getByTestId('invoice-open')).toHaveText(/^70,00\s€$/);
  await shot(page, 'invoice-partly-paid-bg');
  expect((await api(page, `/api/v1/money-accounts/${desk.id}`)).balanceCents).toBe(5000);

  await page.goto('/invoices?paymentState=partly_paid');
  await expect(
    page.getByTestId('invoices-table').getByRole('link', { name: invoice.number }).first(),
  ).toBeVisible(SLOW);

  await page.goto('/receivables');
  const table = page.getByTestId('receivables-table');
  await expect(table.getByRole('link', { name: customer.name }).first()).toBeVisible(SLOW);
  await shot(page, 'receivables-bg');

  // A wrong allocation is undone with its reason (none: refused at the field); the 50,00 stay on the payment as an
  // advance, and the invoice is open in full again.
  await page.goto(paymentUrl);
  await page.getByTestId('allocation-undo').click();
  const dialog = page.getByRole('dialog');
  const reason = dialog.getByRole('textbox', { name: /^Причина/ });
  await dialog.getByRole('button', { name: 'Отмени разпределението' }).click();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await reason.fill('Платено по друга фактура');
  await dialog.getByRole('button', { name: 'Отмени разпределението' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('payment-unallocated')).toHaveText(/^50,00\s€$/, SLOW);
  await page.goto(`/invoices/${invoice.id}`);
  await expect(page.getByTestId('invoice-open')).toHaveText(/^120,00\s€$/, SLOW);
});

test('in English on a phone: the payment form, the payment and the receivables fit 390 px', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const { invoice, desk } = await issuedInvoice(page, 'Payment Customer');
    await payPart(page, invoice.id, desk.name, '30.00');
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'new payment');
    await shot(page, 'payment-new-phone-en');
    await page.getByTestId('payment-save').click();
    await expect(page.getByTestId('payment-total')).toHaveText(/^€30\.00$/, SLOW);
    await expectFitsScreen(page, 'payment');
    await page.goto(`/invoices/${invoice.id}`);
    await expect(page.getByTestId('payment-state').first()).toHaveText('Partly paid', SLOW);
    await page.goto('/receivables');
    await expect(page.getByRole('heading', { level: 2, name: 'Receivables' })).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'receivables');
    await shot(page, 'receivables-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
