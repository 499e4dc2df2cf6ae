import type { Browser } from '@playwright/test';
import { addDays, calendarDateOf, dateParts } from '../server/src/kernel/calendar';
import { api, csrfOf, expect, expectHome, shot, signIn, test } from './support';

const PASSWORD = 'e2e-lock-secret-2026';
const ACCOUNTANT = 'lock.accountant';
const DRUM = 'WM-TUB-IND';

/** The accountant, signed in on a phone (390 px): the closed period is set from a phone as well. */
async function accountantOnPhone(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    timezoneId: 'Europe/Sofia',
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Потребителско име').fill(ACCOUNTANT);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Здравейте|Hello/ })).toBeVisible();
  return { page, close: () => context.close() };
}

test('the accountant closes last month, and a stock document dated in it is refused with the message', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await expectHome(page);
  // Last month, whatever today is: its last day is the lock date, its 15th the document's date.
  const today = calendarDateOf(new Date());
  const [year, month] = dateParts(today);
  const lockDate = addDays(`${year}-${String(month).padStart(2, '0')}-01`, -1);
  const documentDate = `${lockDate.slice(0, 8)}15`;

  const created = await page.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { username: ACCOUNTANT, fullName: 'E2E Счетоводител', role: 'accountant', password: PASSWORD },
  });
  expect([201, 409]).toContain(created.status());

  // A delivery dated in last month, drafted before the period is closed (a draft touches no book).
  const warehouse = (await api(page, '/api/v1/warehouses?q=MAIN')).items.find(
    (w: { code: string }) => w.code === 'MAIN',
  );
  const part = (await api(page, `/api/v1/parts?q=${DRUM}`)).items[0];
  const supplier = (await api(page, '/api/v1/parties?q=Резервни')).items[0];
  const draft = await page.request.post('/api/v1/stock/documents', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: {
      type: 'receipt',
      warehouseId: warehouse.id,
      supplierId: supplier.id,
      documentDate,
      lines: [{ partId: part.id, quantityMilli: 1000, unitCostCents: 10_000 }],
    },
  });
  expect(draft.status(), await draft.text()).toBe(201);
  const draftId = (await draft.json()).id as string;

  const accountant = await accountantOnPhone(browser);
  try {
    // The accountant closes last month on the company settings page.
    await accountant.page.goto('/settings/company');
    const card = accountant.page.getByTestId('lock-date');
    await expect(card.getByText('Няма приключен период.')).toBeVisible();
    // Typed, as the accountant has the date in front of them.
    const closedUntil = card.getByRole('textbox', { name: 'Приключен до (включително)' });
    await closedUntil.fill(lockDate.split('-').reverse().join('.'));
    await closedUntil.press('Tab');
    await card.getByRole('button', { name: 'Приключи периода' }).click();
    await expect(card.getByText(/^Приключен до .+ включително\.$/)).toBeVisible();
    expect((await api(accountant.page, '/api/v1/company')).lockDate).toBe(lockDate);
    const width = await accountant.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(accountant.page, 'lock-date-closed-phone-bg');

    // The admin posts the delivery dated in the closed month: refused, the message on screen, no number.
    await page.goto(`/stock/documents/${draftId}`);
    await page.getByRole('button', { name: 'Осчетоводи' }).click();
    await page.getByTestId('confirm-post').click();
    await expect(
      page.getByText(
        `Периодът до ${lockDate.split('-').reverse().join('.')} включително е приключен: в него не се осчетоводява и не се сторнира.`,
      ),
    ).toBeVisible();
    expect((await api(page, `/api/v1/stock/documents/${draftId}`)).status).toBe('draft');
    await shot(page, 'lock-date-refused-bg');

    // The accountant reopens the books from the same card.
    await card.getByRole('button', { name: 'Отвори всички периоди' }).click();
    await expect(card.getByText('Няма приключен период.')).toBeVisible();
  } finally {
    // Never leave the books closed for the specs that run after this one.
    const reopened = await page.request.put('/api/v1/company/lock-date', {
      headers: { 'x-csrf-token': await csrfOf(page) },
      data: { lockDate: null },
    });
    expect(reopened.status()).toBe(200);
    await accountant.close();
  }
  // The draft stays a draft dated last month; delete it so that no spec finds it.
  const deleted = await page.request.delete(`/api/v1/stock/documents/${draftId}`, {
    headers: { 'x-csrf-token': await csrfOf(page) },
  });
  expect(deleted.status()).toBe(204);
});
