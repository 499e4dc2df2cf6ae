import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { formatMoney } from '../server/src/kernel/format';
import { api, expect, expectHome, shot, signIn, switchLanguage, test } from './support';
import { expectFitsScreen, PHONE } from './width';

/** A loaded machine draws slowly: the waits allow for it. */
const SLOW = { timeout: 30_000 };

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answer, read by the spec as it pleases
async function post<T = any>(page: Page, path: string, data?: unknown): Promise<T> {
  const csrf = (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
  const res = await page.request.post(path, { headers: { 'x-csrf-token': csrf }, data: data ?? {} });
  expect(res.ok(), `POST ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** A 9-digit ЕИК with its check digit, unique per run. */
function aUic(): string {
  const body = String(Date.now()).slice(-8).split('').map(Number);
  const sum = (weights: number[]) => body.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8]);
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10]) % 10;
  return `${body.join('')}${check}`;
}

/** An invoice issued today through the API: 50.00 at 20 % for a company customer. */
async function issuedInvoice(page: Page): Promise<{ id: string; number: string; documentDate: string }> {
  const customer = await post(page, '/api/v1/parties', {
    kind: 'company',
    name: `Дневник Клиент ${String(Date.now()).slice(-6)} ООД`,
    uic: aUic(),
    isCustomer: true,
    addresses: [{ label: 'billing', city: 'Русе', address: 'ул. „Александровска“ 5' }],
  });
  const draft = await post(page, '/api/v1/invoices', {
    partyId: customer.id,
    paymentMethod: 'bank_transfer',
    lines: [
      { description: 'Диагностика', quantityMilli: 1000, unit: 'бр.', unitPriceCents: 5000, vatRateBp: 2000 },
    ],
  });
  return post(page, `/api/v1/invoices/${draft.id}/issue`);
}

test("the month's VAT sales journal: the invoice's row and the totals, the CSV and the file for NAP", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await expectHome(page);
  const invoice = await issuedInvoice(page);
  const month = invoice.documentDate.slice(0, 7);
  const journal = await api(page, `/api/v1/vat/sales-journal?month=${month}`);

  // From the menu: Reports → the journal.
  await page.getByRole('link', { name: 'Дневник за продажбите' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Дневник за продажбите' })).toBeVisible(SLOW);
  await page.goto(`/reports/vat-sales-journal?month=${month}`);
  // The row whose number is the invoice's (a row's text runs its cells together: "2" "0000000002" "07.12…" holds
  // "0000000020" too).
  const row = page
    .getByTestId('journal-row')
    .filter({ has: page.getByText(invoice.number, { exact: true }) });
  await expect(row).toBeVisible(SLOW);
  await expect(row).toContainText('50,00\u00a0€');
  await expect(row).toContainText('10,00\u00a0€');
  const totals = page.locator('tfoot');
  await expect(totals).toContainText('Общо');
  // As the screen writes money (digits always grouped: "1 234,98 €"; Node's bg-BG would write "1234,98 €").
  const money = (c: number) => formatMoney(c, 'bg');
  await expect(totals).toContainText(money(journal.totals.totalBaseCents));
  await expect(totals).toContainText(money(journal.totals.totalVatCents));
  await shot(page, 'vat-journal-bg');

  // The file for NAP: PRODAGBI.TXT, 424 characters and CR LF a document, windows-1251.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('nap-file').click()]);
  expect(download.suggestedFilename()).toBe('PRODAGBI.TXT');
  const bytes = await readFile((await download.path()) ?? '');
  expect(bytes.length).toBe(journal.rows.length * 426);
  const text = new TextDecoder('windows-1251').decode(bytes);
  const record = text.split('\r\n').find((r) => r.slice(42, 62).trim() === invoice.number) ?? '';
  expect(record).toHaveLength(424);
  expect(record.slice(0, 15).trim()).toBe(journal.vatNumber);
  expect(record.slice(15, 21)).toBe(month.replace('-', ''));
  expect(record.slice(167, 182).trim()).toBe('50.00');
  expect(record.slice(182, 197).trim()).toBe('10.00');
  expect(record).toContain('Дневник Клиент');

  // The CSV of the same month.
  const csv = await page.request.get(`/api/v1/vat/sales-journal?month=${month}&format=csv`);
  expect(await csv.text()).toContain(invoice.number);

  // On a phone: cards, nothing sideways.
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(row).toBeVisible(SLOW);
  await page.waitForLoadState('networkidle');
  await expectFitsScreen(page, 'VAT sales journal');
  await shot(page, 'vat-journal-phone-bg');
});

test('in English, on a phone and on a desktop', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await expectHome(page);
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  try {
    await page.goto('/reports/vat-sales-journal');
    await expect(page.getByRole('heading', { level: 2, name: 'VAT sales journal' })).toBeVisible(SLOW);
    await expect(page.getByTestId('nap-file')).toHaveText('File for NAP');
    await shot(page, 'vat-journal-en');
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'VAT sales journal' })).toBeVisible(SLOW);
    await page.waitForLoadState('networkidle');
    await expectFitsScreen(page, 'VAT sales journal in English');
    await shot(page, 'vat-journal-phone-en');
  } finally {
    await page.goto('/');
    await switchLanguage(page, 'bg');
    await expectHome(page, 'bg');
  }
});
