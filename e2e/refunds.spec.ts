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
 * A paid invoice with a credit note (ADR 0029), through the API: 2 × 50.00 € of labour and a part at 19.99 €, 20 %
 * VAT = 143.99 €, paid in full in cash into a new cash desk; then a credit of one hour of labour: 50.00 + 20 % =
 * 60.00 €, which the customer is owed back.
 */
async function aPaidInvoiceWithCredit(page: Page, name: string) {
  const { customer, desk } = await aCustomerWithDesk(page, name, {
    city: 'Русе',
    address: 'ул. „Борисова“ 3',
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
  const invoice = await post(page, `/api/v1/invoices/${draft.id}/issue`, {});
  const payment = await post(page, '/api/v1/payments', {
    partyId: customer.id,
    accountId: desk.id,
    method: 'cash',
    date: todayInSofia(),
    amountCents: 14_399,
    allocations: [{ invoiceId: invoice.id, amountCents: 14_399 }],
  });
  const note = await post(page, `/api/v1/invoices/${invoice.id}/credit-note`, {
    reason: 'Отстъпка за забавяне',
    issue: true,
    lines: [line('Труд', 1000, 5000)],
  });
  return { customer, desk, invoice, note, payment };
}

/** Pays the note back on screen from the desk: the dialog pre-fills what is owed. */
async function payBack(page: Page, deskName: string, shotName: string) {
  await page.getByTestId('note-refund').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible(SLOW);
  await dialog.getByTestId('refund-account').click();
  await page.getByRole('option', { name: new RegExp(`^${deskName}`) }).click();
  await expect(dialog.getByTestId('refund-amount')).toHaveValue(/^60[,.]00$/);
  // FIS-02 (ADR 0040): the cash payment's receipt that paid the invoice is offered for the storno, all of it left,
  // with the reason; the storno is printed by Servix, so no storno number is typed in.
  await expect(dialog.getByTestId('refund-storno-receipt')).toHaveValue(/143[,.]99/);
  await dialog.getByTestId('refund-storno-reason').click();
  await page.getByRole('option', { name: /Намаляване на данъчната основа|Tax base reduction/ }).click();
  await expect(dialog.getByLabel(/Сторно бон №|Storno receipt No\./)).toHaveCount(0);
  await shot(page, shotName);
  await dialog.getByTestId('refund-save').click();
  await expect(dialog).toBeHidden(SLOW);
  await expect(page.getByTestId('refund-card')).toHaveCount(1, SLOW);
}

test('FIS-02: a credit note on a paid invoice is paid back from the cash desk on screen with a storno of the payment receipt, the balance follows, and the refund is undone', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const { customer, desk, note, payment } = await aPaidInvoiceWithCredit(page, 'Връщане Клиент');
  await page.goto(`/invoices/${note.id}`);
  await expect(page.getByTestId('note-refund-owed')).toHaveText(/^60,00\s€$/, SLOW);
  await payBack(page, desk.name, 'refund-form-bg');
  await expect(page.getByTestId('note-refund-owed')).toHaveText(/^0,00\s€$/, SLOW);
  // The refund's storno of the payment's receipt: its reason in words, the original's УНП (no device in the demo:
  // recorded, not fiscalised).
  const refunds = await api(page, `/api/v1/refunds?creditNoteId=${note.id}`);
  const storno = refunds.items[0].stornos[0];
  expect(storno).toMatchObject({ totalCents: 6000, reason: 'taxbase-reduction', fiscalStatus: 'no_device' });
  expect(storno.uniqueSaleNumber).toBe(payment.receipt.uniqueSaleNumber);
  const card = page.getByTestId('refund-card').getByTestId('storno-card');
  await expect(card).toContainText('Намаляване на данъчната основа');
  await expect(card).toContainText(payment.receipt.number);
  await expect(card).toContainText(storno.uniqueSaleNumber);
  await shot(page, 'credit-note-refunded-bg');
  // The payment's page shows it under the payment's receipt.
  await page.goto(`/payments/${payment.id}`);
  await expect(page.getByTestId('payment-receipt').getByTestId('storno-card')).toContainText(
    'Намаляване на данъчната основа',
    SLOW,
  );
  await shot(page, 'payment-receipt-stornoed-bg');
  await page.goto(`/invoices/${note.id}`);
  await expect(page.getByTestId('refund-card')).toHaveCount(1, SLOW);
  // The cash desk: 143.99 in, 60.00 out; the customer owes nothing and is owed nothing.
  expect((await api(page, `/api/v1/money-accounts/${desk.id}`)).balanceCents).toBe(8399);
  const rec = await api(page, '/api/v1/receivables');
  expect(rec.items.find((r: { partyId: string }) => r.partyId === customer.id)).toBeUndefined();

  // Undone on screen: the money goes back into the desk; the credit is owed again.
  await page.getByTestId('refund-undo').click();
  await page.getByTestId('refund-undo-reason').fill('Клиентът не дойде');
  await page.getByTestId('refund-undo-confirm').click();
  await expect(page.getByTestId('note-refund-owed')).toHaveText(/^60,00\s€$/, SLOW);
  await expect(page.getByTestId('refund-card')).toContainText('отменено');
  expect((await api(page, `/api/v1/money-accounts/${desk.id}`)).balanceCents).toBe(14_399);
  const owed = (await api(page, '/api/v1/receivables')).items.find(
    (r: { partyId: string }) => r.partyId === customer.id,
  );
  expect(owed).toMatchObject({ creditCents: 6000, balanceCents: -6000 });
  await shot(page, 'credit-note-refund-undone-bg');
});

test('FIS-02 in English on a phone: the refund dialog, the storno card on the credit note and payment pages fit 390 px', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    const { desk, note, payment } = await aPaidInvoiceWithCredit(page, 'Refund Customer');
    await page.goto(`/invoices/${note.id}`);
    await expect(page.getByTestId('note-refund-owed')).toHaveText(/^€?60\.00(\s€)?$/, SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'credit note page with its refunds');
    await payBack(page, desk.name, 'refund-form-phone-en');
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('storno-card')).toContainText('Tax base reduction', SLOW);
    await expectFitsScreen(page, 'credit note page with a refund');
    await shot(page, 'credit-note-refunded-phone-en');
    await page.goto(`/payments/${payment.id}`);
    await expect(page.getByTestId('storno-card')).toContainText('Tax base reduction', SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'payment page with its stornoed receipt');
    await shot(page, 'payment-receipt-stornoed-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
