import type { Browser, Page } from '@playwright/test';
import { csrfOf, expect, expectHome, shot, signIn, test } from './support';

const PASSWORD = 'e2e-confid-secret-2026';
const PART = 'WM-HEAT-2000-BSH';

/** Creates the user as the admin (once; a rerun finds it there). */
async function ensureUser(admin: Page, username: string, role: string) {
  const res = await admin.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': await csrfOf(admin) },
    data: { username, fullName: `E2E ${username}`, role, password: PASSWORD },
  });
  expect([201, 409]).toContain(res.status());
}

/** A browser page signed in as the user, in the language and at the width asked. */
async function signedIn(browser: Browser, username: string, locale: 'bg' | 'en', width: number) {
  const fullName = `E2E ${username}`;
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  await page.goto('/login');
  await page.getByLabel('Потребителско име').fill(username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Вход' }).click();
  // The greeting is in the language the user chose last time.
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`^(Здравейте|Hello), ${fullName}!$`) }),
  ).toBeVisible();
  const set = await page.request.patch('/api/v1/auth/me', {
    headers: { 'x-csrf-token': await csrfOf(page) },
    data: { locale },
  });
  expect(set.status()).toBe(200);
  return { page, errors, close: () => context.close() };
}

const NO_BLANKS = /undefined|NaN/;

// Each language and width is a journey of its own, and they run side by side on the two workers (each signs in the
// roles it needs; the users are made once per installation, a rerun finds them there).
test.describe.configure({ mode: 'parallel' });

/** Signs in as the admin, makes the three users, and finds a technician and a posted receipt to look at. */
async function prepare(page: Page) {
  await signIn(page);
  await expectHome(page);
  await ensureUser(page, 'confid.tech', 'technician');
  await ensureUser(page, 'confid.reception', 'reception');
  await ensureUser(page, 'confid.keeper', 'storekeeper');
  const technicianId: string = (await (await page.request.get('/api/v1/technicians?q=Стоян')).json()).items[0]
    .id;
  const receiptId: string = (
    await (await page.request.get('/api/v1/stock/documents?type=receipt&status=posted')).json()
  ).items[0].id;
  return { technicianId, receiptId };
}

const words = {
  bg: { avgCost: 'Средна цена', value: 'Стойност', unitCost: 'Ед. цена' },
  en: { avgCost: 'Average cost', value: 'Value', unitCost: 'Unit cost' },
} as const;

for (const locale of ['bg', 'en'] as const) {
  for (const width of [1280, 390]) {
    test(`costs and pay only for those who may see them: technician and reception see none (${locale}, ${width} px)`, async ({
      page,
      browser,
    }) => {
      test.setTimeout(120_000);
      const { technicianId, receiptId } = await prepare(page);
      const w = words[locale];
      const suffix = `${locale}-${width}`;

      // The technician: levels and the part card with quantities only.
      const tech = await signedIn(browser, 'confid.tech', locale, width);
      await tech.page.goto(`/stock/levels?q=${PART}`);
      const levels = tech.page.getByTestId('stock-levels');
      await expect(levels.getByText(PART).first()).toBeVisible();
      await expect(levels).not.toContainText(w.avgCost);
      await expect(levels).not.toContainText('€');
      await expect(levels).not.toContainText(NO_BLANKS);
      await shot(tech.page, `confid-levels-technician-${suffix}`);
      await levels.getByText(PART).first().click();
      const movements = tech.page.getByTestId('card-movements');
      await expect(movements).toBeVisible();
      for (const el of [movements, tech.page.getByTestId('card-levels')]) {
        await expect(el).not.toContainText(w.unitCost);
        await expect(el).not.toContainText(w.avgCost);
        await expect(el).not.toContainText('€');
        await expect(el).not.toContainText(NO_BLANKS);
      }
      await shot(tech.page, `confid-part-card-technician-${suffix}`);
      expect(tech.errors).toEqual([]);
      await tech.close();

      // Reception: the technician without pay, the documents without values.
      const desk = await signedIn(browser, 'confid.reception', locale, width);
      await desk.page.goto('/settings/technicians');
      await expect(desk.page.getByTestId('technicians')).toBeVisible();
      await expect(desk.page.getByTestId('technicians')).not.toContainText(NO_BLANKS);
      await expect(desk.page.getByTestId('technicians')).not.toContainText('%');
      await shot(desk.page, `confid-technicians-reception-${suffix}`);
      await desk.page.goto(`/settings/technicians/${technicianId}`);
      await expect(desk.page.getByRole('heading', { level: 2 })).toBeVisible();
      await expect(desk.page.getByTestId('pay-terms')).toHaveCount(0);
      await expect(desk.page.locator('body')).not.toContainText(NO_BLANKS);
      await shot(desk.page, `confid-technician-reception-${suffix}`);
      await desk.page.goto('/stock/documents');
      const table = desk.page.getByTestId('stock-documents-table');
      // A table on a desk, cards on a phone.
      const first = width < 600 ? table.getByTestId('list-card').first() : table.getByRole('row').nth(1);
      await expect(first).toBeVisible();
      await expect(table).not.toContainText('€');
      await expect(table).not.toContainText(NO_BLANKS);
      await shot(desk.page, `confid-documents-reception-${suffix}`);
      await desk.page.goto(`/stock/documents/${receiptId}`);
      const lines = desk.page.getByTestId('document-lines');
      await expect(lines).toBeVisible();
      await expect(lines).not.toContainText(w.unitCost);
      await expect(desk.page.getByTestId('document-total')).toHaveCount(0);
      await expect(desk.page.locator('main')).not.toContainText('€');
      await expect(desk.page.locator('body')).not.toContainText(NO_BLANKS);
      await shot(desk.page, `confid-document-reception-${suffix}`);
      expect(desk.errors).toEqual([]);
      await desk.close();
    });
  }
}

test('the storekeeper sees the costs on the same screens', async ({ page, browser }) => {
  await prepare(page);
  const keeper = await signedIn(browser, 'confid.keeper', 'bg', 1280);
  await keeper.page.goto(`/stock/levels?q=${PART}`);
  const levels = keeper.page.getByTestId('stock-levels');
  await expect(levels.getByText(PART).first()).toBeVisible();
  await expect(levels).toContainText('Средна цена');
  await expect(levels).toContainText('€');
  await levels.getByText(PART).first().click();
  await expect(keeper.page.getByTestId('card-movements')).toContainText('Ед. цена');
  await expect(keeper.page.getByTestId('card-levels')).toContainText('€');
  await shot(keeper.page, 'confid-part-card-storekeeper-bg-1280');
  expect(keeper.errors).toEqual([]);
  await keeper.close();
});
