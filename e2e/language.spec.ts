import { expect, expectHome, shot, signIn, switchLanguage, test } from './support';

test('switches the language to English and back; the choice survives a reload', async ({ page }) => {
  // Before sign-in the choice is remembered by the browser.
  await page.goto('/login');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { name: 'Sign in to Servix' })).toBeVisible();
  await shot(page, 'sign-in-en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Servix' })).toBeVisible();
  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();

  await signIn(page);
  await expectHome(page, 'bg');

  // After sign-in the choice is saved to the user.
  await switchLanguage(page, 'en');
  await expectHome(page, 'en');
  const nav = page.getByRole('navigation', { name: 'Main menu' });
  await nav.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Users' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Users' })).toBeVisible();
  await nav.getByRole('link', { name: 'Home' }).click();
  await expectHome(page, 'en');
  await shot(page, 'home-en');

  for (const [link, heading, name] of [
    ['Users', 'Users', 'users-en'],
    ['Numbering series', 'Numbering series', 'numbering-en'],
    ['API tokens', 'API tokens', 'api-tokens-en'],
    ['Audit log', 'Audit log', 'audit-en'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await shot(page, name);
  }
  // The audit log's expandable row shows what changed, e.g. the language switch just made.
  await page.getByRole('button', { name: 'Details' }).first().click();
  await expect(page.getByTestId('audit-diff').first()).toBeVisible();
  await shot(page, 'audit-diff-en');

  await switchLanguage(page, 'bg');
  await expect(page.getByRole('heading', { level: 2, name: 'Журнал на промените' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Журнал на промените' })).toBeVisible();
  await shot(page, 'audit-bg');

  for (const [link, name] of [
    ['Номерация на документи', 'numbering-bg'],
    ['API ключове', 'api-tokens-bg'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Основно меню' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 2, name: link })).toBeVisible();
    await shot(page, name);
  }
});
