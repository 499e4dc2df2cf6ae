import { expect, expectHome, shot, signIn, test } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('on a phone the menu hides behind a burger', async ({ page }) => {
  await signIn(page);
  await expectHome(page);
  // Collapsed, the menu slides out of the screen.
  const nav = page.getByRole('navigation', { name: 'Основно меню' });
  await expect(nav).not.toBeInViewport();
  await shot(page, 'home-mobile-bg');

  await page.getByRole('button', { name: 'Покажи или скрий менюто' }).click();
  await expect(nav).toBeInViewport();
  await shot(page, 'menu-mobile-bg');
  await nav.getByRole('link', { name: 'Фирма' }).click();
  await expect(nav).not.toBeInViewport();
  await expect(page.getByRole('heading', { level: 2, name: 'Фирма' })).toBeVisible();
  await shot(page, 'company-mobile-bg');
});
