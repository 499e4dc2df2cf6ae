import type { Page } from '@playwright/test';
import {
  aCustomerWithDesk,
  api,
  expect,
  expectHome,
  post,
  shot,
  signIn,
  switchLanguage,
  test,
  todayInSofia,
} from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

/**
 * An advance (ADR 0029), through the API: a customer pays 100.00 € in cash into a new cash desk with no invoice to
 * pay; the payment's receipt is recorded (no fiscal device in the demo), and all of it is the customer's advance.
 */
async function anAdvancePayment(page: Page, name: string) {
  const { customer, desk } = await aCustomerWithDesk(page, name, {
    city: 'Плевен',
    address: 'ул. „Васил Левски“ 12',
  });
  const payment = await post(page, '/api/v1/payments', {
    partyId: customer.id,
    accountId: desk.id,
    method: 'cash',
    date: todayInSofia(),
    amountCents: 10_000,
    allocations: [],
  });
  return { customer, desk, payment };
}

/** Opens "Refund the advance": the dialog offers the payment's desk, all the advance and the payment's receipt. */
async function openRefund(page: Page, deskName: string, receiptNumber: string) {
  await page.getByTestId('advance-refund').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible(SLOW);
  await expect(dialog.getByTestId('refund-account')).toHaveValue(new RegExp(`^${deskName}`), SLOW);
  await expect(dialog.getByTestId('refund-amount')).toHaveValue(/^100[,.]00$/);
  await expect(dialog.getByTestId('refund-storno-receipt')).toHaveValue(new RegExp(receiptNumber));
  return dialog;
}

test('FIS-02: part of a cash advance is paid back on the payment page with a storno of its receipt; the advance and the cash desk follow, and the refund is undone', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const { desk, payment } = await anAdvancePayment(page, 'Аванс Връщане');
  await page.goto(`/payments/${payment.id}`);
  await expect(page.getByTestId('advance-refundable')).toHaveText(/^100,00\s€$/, SLOW);
  const dialog = await openRefund(page, desk.name, payment.receipt.number);

  // More than the advance: the server's words at the amount, nothing paid back.
  await dialog.getByTestId('refund-amount').fill('100,01');
  await dialog.getByTestId('refund-save').click();
  await expect(dialog.getByTestId('refund-amount')).toHaveAttribute('aria-invalid', 'true', SLOW);
  await expect(dialog.getByText(/100[,.]00/).first()).toBeVisible();
  await shot(page, 'advance-refund-too-much-bg');
  expect((await api(page, `/api/v1/money-accounts/${desk.id}`)).balanceCents).toBe(10_000);

  // 35.50 back in cash, stornoing the payment's receipt for an operator's error.
  await dialog.getByTestId('refund-amount').fill('35,50');
  await dialog.getByTestId('refund-storno-reason').click();
  await page.getByRole('option', { name: 'Операторска грешка' }).click();
  await shot(page, 'advance-refund-form-bg');
  await dialog.getByTestId('refund-save').click();
  await expect(dialog).toBeHidden(SLOW);
  await expect(page.getByTestId('advance-refundable')).toHaveText(/^64,50\s€$/, SLOW);
  await expect(page.getByTestId('payment-unallocated')).toHaveText(/^64,50\s€$/);
  await expect(page.getByTestId('advance-refunded')).toHaveText(/^35,50\s€$/);
  const card = page.getByTestId('refund-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('35,50');
  // Its storno card: the reason in words, the receipt it reverses and its УНП; shown under the refund only.
  const storno = card.getByTestId('storno-card');
  await expect(storno).toContainText('Операторска грешка');
  await expect(storno).toContainText(payment.receipt.number);
  await expect(storno).toContainText(payment.receipt.uniqueSaleNumber);
  await expect(page.getByTestId('payment-receipt').getByTestId('storno-card')).toHaveCount(0);
  const refunds = await api(page, `/api/v1/refunds?paymentId=${payment.id}`);
  expect(refunds.items[0].stornos[0]).toMatchObject({
    totalCents: 3550,
    reason: 'operator-error',
    fiscalStatus: 'no_device',
    uniqueSaleNumber: payment.receipt.uniqueSaleNumber,
  });
  await shot(page, 'advance-refunded-bg');

  // The cash desk: 100.00 in, 35.50 out.
  await page.goto(`/money/accounts/${desk.id}`);
  await expect(page.getByTestId('balance')).toHaveText(/^64,50\s€$/, SLOW);

  // Undone on screen (its storno only recorded, no device): the money is back in the desk, the advance whole.
  await page.goto(`/payments/${payment.id}`);
  await page.getByTestId('refund-undo').click();
  await page.getByTestId('refund-undo-reason').fill('Клиентът остави аванса');
  await page.getByTestId('refund-undo-confirm').click();
  await expect(page.getByTestId('advance-refundable')).toHaveText(/^100,00\s€$/, SLOW);
  await expect(page.getByTestId('refund-card')).toContainText('отменено');
  await expect(page.getByTestId('storno-refund-undone')).toHaveText('отменено');
  await expect(page.getByTestId('advance-refund')).toBeVisible();
  await shot(page, 'advance-refund-undone-bg');
  await page.goto(`/money/accounts/${desk.id}`);
  await expect(page.getByTestId('balance')).toHaveText(/^100,00\s€$/, SLOW);
});

test('in English on a phone: the advance refund from the payment page and from the receivables fits 390 px', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const { customer, desk, payment } = await anAdvancePayment(page, 'Advance Refund');
    await page.goto(`/payments/${payment.id}`);
    await expect(page.getByTestId('advance-refundable')).toHaveText(/^€?100\.00(\s€)?$/, SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'payment page with its advance');
    const dialog = await openRefund(page, desk.name, payment.receipt.number);
    await dialog.getByTestId('refund-amount').fill('20.00');
    await expect(dialog.getByTestId('refund-storno-reason')).toHaveValue('Refund / returned goods');
    await shot(page, 'advance-refund-form-phone-en');
    await dialog.getByTestId('refund-save').click();
    await expect(dialog).toBeHidden(SLOW);
    await expect(page.getByTestId('advance-refundable')).toHaveText(/^€?80\.00(\s€)?$/, SLOW);
    await expect(page.getByTestId('storno-card')).toContainText('Refund / returned goods');
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'payment page with an advance refund');
    await shot(page, 'advance-refunded-phone-en');
    expect((await api(page, `/api/v1/money-accounts/${desk.id}`)).balanceCents).toBe(8000);

    // From what is open: the customer's advance in the receivables, refunded from there.
    await page.goto('/receivables');
    const row = page.getByTestId('list-card').filter({ hasText: customer.name });
    await expect(row.first()).toBeVisible(SLOW);
    // On a phone the advance waits behind "More" with the other amounts.
    await row.first().getByRole('button', { name: 'More' }).click();
    await row.first().getByTestId('receivables-advance-refund').click();
    const advances = page.getByTestId('customer-advances');
    await expect(advances.getByTestId('customer-advance')).toHaveCount(1, SLOW);
    await expect(advances).toContainText(payment.number);
    await expectFitsScreen(page, 'the customer’s advances');
    await shot(page, 'customer-advances-phone-en');
    await advances.getByTestId('customer-advance-refund').click();
    const again = page.getByRole('dialog');
    await expect(again.getByTestId('refund-amount')).toHaveValue('80.00', SLOW);
    await again.getByTestId('refund-amount').fill('80.00');
    await again.getByTestId('refund-save').click();
    await expect(page.getByTestId('customer-advances')).toContainText('no advance left', SLOW);
    expect((await api(page, `/api/v1/payments/${payment.id}`)).unallocatedCents).toBe(0);
    expect((await api(page, `/api/v1/money-accounts/${desk.id}`)).balanceCents).toBe(0);
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
