import type { Page } from '@playwright/test';
import { type FakeErpNetFp, startFakeErpNetFp } from '../server/test/fake-erpnet-fp';
import { api, aUic, expect, expectHome, post, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

// The local fake ErpNet.FP print server (server/test/fake-erpnet-fp.ts) stands in for the fiscal printer.
let fake: FakeErpNetFp;
test.beforeAll(async () => {
  fake = await startFakeErpNetFp();
});
test.afterAll(async () => {
  await fake.close();
});

async function putDevice(page: Page, data: unknown) {
  const csrf = (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
  const res = await page.request.put('/api/v1/fiscal-device', { headers: { 'x-csrf-token': csrf }, data });
  expect(res.ok(), `PUT /api/v1/fiscal-device: ${res.status()} ${await res.text()}`).toBe(true);
}

test('FIS-01: a cash payment on the payments screen prints its fiscal receipt on the device; out of paper the payment page prints it again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  await putDevice(page, { kind: 'erpnet_fp', serverUrl: fake.url, printerId: fake.printerId, operator: '1' });
  try {
    await post(page, '/api/v1/fiscal-device/test', {});
    const run = String(Date.now()).slice(-6);
    const customer = await post(page, '/api/v1/parties', {
      kind: 'company',
      name: `ФУ Плащане ${run} ООД`,
      uic: aUic(),
      isCustomer: true,
      addresses: [{ label: 'billing', city: 'Бургас', address: 'ул. „Морска“ 3' }],
    });
    const draft = await post(page, '/api/v1/invoices', {
      partyId: customer.id,
      lines: [
        { description: 'Ремонт', quantityMilli: 1000, unit: 'бр.', unitPriceCents: 10_000, vatRateBp: 2000 },
      ],
    });
    const invoice = await post(page, `/api/v1/invoices/${draft.id}/issue`, {});
    const desk = await post(page, '/api/v1/money-accounts', { kind: 'cash', name: `Каса ФУ ${run}` });

    // The printer is out of paper: the payment is recorded, its receipt not fiscalised, and the page says so.
    fake.switches.paperOut = true;
    const printedBefore = fake.printed.length;
    await page.goto(`/invoices/${invoice.id}`);
    await page.getByTestId('invoice-pay').click();
    await expect(page.getByTestId('open-invoice')).toHaveCount(1, SLOW);
    await page.getByTestId('payment-account').click();
    await page.getByRole('option', { name: desk.name }).click();
    await page.getByTestId('payment-amount').fill('120,00');
    await page.getByTestId('allocate-amount').fill('120,00');
    await page.getByTestId('payment-save').click();
    await expect(page.getByTestId('payment-total')).toHaveText(/^120,00\s€$/, SLOW);
    const receipt = page.getByTestId('payment-receipt');
    await expect(receipt.getByTestId('receipt-fiscal-status')).toHaveText('Грешка на устройството');
    // Why, in words: never the stored code.
    const notFinal = page.getByTestId('payment-receipt-not-final');
    await expect(notFinal).toContainText('Във фискалното устройство няма хартия');
    await expect(notFinal).not.toContainText('fiscal_');
    expect(fake.printed).toHaveLength(printedBefore);
    await shot(page, 'payment-receipt-failed-bg');

    // Paper in: "print again" prints it once, with the invoice's number on its line.
    fake.switches.paperOut = false;
    await page.getByTestId('payment-receipt-print').click();
    await expect(receipt.getByTestId('receipt-fiscal-status')).toHaveText('Отпечатана', SLOW);
    await expect(page.getByTestId('payment-receipt-not-final')).toBeHidden();
    await expect(page.getByTestId('payment-receipt-print')).toBeHidden();
    expect(fake.printed).toHaveLength(printedBefore + 1);
    const sent = fake.printed.at(-1)?.body as { items: { text?: string }[]; payments: unknown[] };
    expect(sent.items.map((i) => i.text)).toContain(`По ф-ра № ${invoice.number}`);
    expect(sent.payments).toEqual([{ paymentType: 'cash', amount: 120 }]);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect((await api(page, `/api/v1/payments/${id}`)).receipt.fiscalStatus).toBe('printed');
    await shot(page, 'payment-receipt-printed-bg');

    // In English on a phone: the card fits 390 px.
    await page.setViewportSize(PHONE);
    await switchLanguage(page, 'en');
    await expect(receipt.getByTestId('receipt-fiscal-status')).toHaveText('Printed', SLOW);
    await expect(page.getByText('Sale receipt', { exact: true })).toBeVisible();
    await expectFitsScreen(page, 'payment with its receipt');
    await shot(page, 'payment-receipt-printed-en-390');
    await switchLanguage(page, 'bg');
  } finally {
    fake.switches.paperOut = false;
    await putDevice(page, { kind: 'none' });
  }
});
