import { test as base, expect, type Page } from '@playwright/test';

/**
 * Playwright's test, failing any test whose page logs an error or throws (React warnings included).
 * Failed HTTP answers the app handles (401 before sign-in, 400 with field errors) are not errors of the page.
 */
export const test = base.extend<{ pageErrors: undefined }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
      });
      await use(undefined);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** The administrator created by the first-run spec; the other specs sign in as them. */
export const ADMIN = { username: 'admin', password: 'e2e-Парола-2026', fullName: 'Мария Иванова' };
export const COMPANY = 'Сервиз Тест ЕООД';

/** Full-page screenshots kept for review under e2e/output/screenshots (git-ignored). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/output/screenshots/${name}.png`, fullPage: true });
}

/** Signs in through the sign-in screen, in Bulgarian (a fresh browser has no saved language). */
export async function signIn(page: Page, password = ADMIN.password): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Потребителско име').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Вход' }).click();
}

export async function expectHome(page: Page, language: 'bg' | 'en' = 'bg'): Promise<void> {
  const greeting = language === 'bg' ? `Здравейте, ${ADMIN.fullName}!` : `Hello, ${ADMIN.fullName}!`;
  await expect(page.getByRole('heading', { level: 1, name: greeting })).toBeVisible();
}
