import type { Page } from '@playwright/test';
import { ADMIN, COMPANY, expect, expectHome, shot, signIn, switchLanguage, test } from './support';

/** Nothing on the page is wider than the screen. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('a new installation offers its own company or a demo company; the owner tries the demo and is signed in', async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Any address shows the setup while the installation has no company.
  await page.goto('/settings/company');
  await expect(page.getByRole('heading', { name: 'Добре дошли в Servix' })).toBeVisible();
  // Two clear choices; the owner's own company is the one chosen at first, and asks for its name.
  const own = page.getByRole('radio', { name: /Започни своята фирма/ });
  const demo = page.getByRole('radio', { name: /Опитай с демо фирма/ });
  await expect(own).toBeChecked();
  await expect(demo).not.toBeChecked();
  await expect(page.getByLabel('Име на фирмата')).toBeVisible();
  await shot(page, 'setup-bg');

  // The language choice switches the screen at once.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Servix' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Try with a demo company/ })).toBeVisible();
  await shot(page, 'setup-en');
  await page.getByText('Български', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Добре дошли в Servix' })).toBeVisible();

  // The demo has its own fixed name: no company name to type, but the person's own account.
  await demo.click();
  await expect(demo).toBeChecked();
  await expect(page.getByLabel('Име на фирмата')).toHaveCount(0);
  await expect(page.getByTestId('setup-demo-company')).toContainText(`Фирма: ${COMPANY}`);
  await page.getByLabel('Име и фамилия').fill(ADMIN.fullName);
  await page.getByLabel('Потребителско име').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(ADMIN.password);
  await page.getByLabel('Повторете паролата').fill('something else');
  await page.getByRole('button', { name: 'Създай и влез' }).click();
  await expect(page.getByText('Паролите не съвпадат.')).toBeVisible();
  await shot(page, 'setup-demo-bg');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await shot(page, 'setup-demo-mobile-bg');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel('Повторете паролата').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Създай и влез' }).click();

  // The demo's data takes a few seconds to write.
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await expectHome(page);
  await expect(page.getByTestId('header-company')).toHaveText(COMPANY);
  // The banner says on every screen that this is the demo.
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toContainText('Това е демо фирма с измислени данни.');
  await shot(page, 'home-bg');

  // An administrator sees every settings screen; the demo added one demo user per role.
  const nav = page.getByRole('navigation', { name: 'Основно меню' });
  for (const item of [
    'Начало',
    'Фирма',
    'Номерация на документи',
    'Потребители',
    'API ключове',
    'Журнал на промените',
  ])
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  await nav.getByRole('link', { name: 'Потребители' }).click();
  await expect(page.getByRole('heading', { name: 'Потребители' })).toBeVisible();
  await expect(banner).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('row', { name: /\(демо\)/ })).toHaveCount(5);
  await shot(page, 'users-bg');

  // The demo's records are the system's doing in the audit log, not the owner's.
  await nav.getByRole('link', { name: 'Журнал на промените' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Журнал на промените' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Системата' }).first()).toBeVisible();

  // Setup happens once: the setup screen is gone for good.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Журнал на промените' })).toBeVisible();
});

test('the demo banner fits a phone, in both languages; its way out asks before deleting anything', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expectHome(page);

  // The way out: a dialog that says what goes, and deletes only once the owner ticks that they understand.
  await banner.getByRole('button', { name: 'Започни своята фирма' }).click();
  const dialog = page.getByRole('dialog', { name: 'Започване на своя фирма' });
  await expect(dialog).toContainText('Всички данни на демо фирмата ще бъдат изтрити');
  const confirm = dialog.getByRole('button', { name: 'Изтрий демо данните' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /Разбирам/ }).check();
  await expect(confirm).toBeEnabled();
  await shot(page, 'leave-demo-dialog-bg');
  // Cancelled here: the other journeys work on the demo's data (leaving is proven in setup.service.test.ts).
  await dialog.getByRole('button', { name: 'Отказ' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('header-company')).toHaveText(COMPANY);

  await switchLanguage(page, 'en');
  await expect(banner).toContainText('This is a demo company with invented data.');
  await shot(page, 'home-demo-en');
  await banner.getByRole('button', { name: 'Start my company' }).click();
  const english = page.getByRole('dialog', { name: 'Start your own company' });
  await expect(english.getByRole('button', { name: 'Delete the demo data' })).toBeDisabled();
  await shot(page, 'leave-demo-dialog-en');
  await english.getByRole('button', { name: 'Cancel' }).click();
  await expect(english).toBeHidden();

  // On a phone the banner and its action fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(banner.getByRole('button', { name: 'Start my company' })).toBeInViewport();
  await expectNoSidewaysScroll(page);
  await shot(page, 'home-demo-mobile-en');
  // The language is saved to the user: back to Bulgarian for the specs after this one.
  await switchLanguage(page, 'bg');
  await expect(banner).toContainText('Това е демо фирма с измислени данни.');
  const startOwn = banner.getByRole('button', { name: 'Започни своята фирма' });
  await expect(startOwn).toBeInViewport();
  await expectNoSidewaysScroll(page);
  await shot(page, 'home-demo-mobile-bg');
  await startOwn.click();
  await expect(dialog).toBeVisible();
  await expectNoSidewaysScroll(page);
  await shot(page, 'leave-demo-dialog-mobile-bg');
  await dialog.getByRole('button', { name: 'Отказ' }).click();
  await expect(dialog).toBeHidden();
});
