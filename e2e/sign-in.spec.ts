import { ADMIN, expect, expectHome, shot, signIn, test } from './support';

test('signs out; a wrong password shows the error; the right one signs in', async ({ page }) => {
  await signIn(page);
  await expectHome(page);

  await page.getByRole('button', { name: 'Потребителско меню' }).click();
  await page.getByRole('menuitem', { name: 'Изход' }).click();
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);

  // Signed out means signed out: a screen behind the sign-in sends us back here.
  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();

  await page.getByLabel('Потребителско име').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill('wrong password');
  await page.getByRole('button', { name: 'Вход' }).click();
  await expect(page.getByRole('alert')).toHaveText('Грешно потребителско име или парола.');
  await expect(page.getByRole('button', { name: 'Вход' })).not.toHaveAttribute('data-loading', 'true');
  await shot(page, 'sign-in-error-bg');

  await page.getByRole('textbox', { name: 'Парола', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Вход' }).click();
  // Back where the user wanted to go.
  await expect(page.getByRole('heading', { level: 2, name: 'Потребители' })).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/users$/);
});

test('the app opens at the site root', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();
});

test('the sign-in screen opens without a failed request (no 401 in the console before anyone signs in)', async ({
  page,
}) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') failed.push(m.text());
  });
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Вход в Servix' })).toBeVisible();
  await expect(page.getByLabel('Потребителско име')).toBeEnabled();
  expect(failed).toEqual([]);
});
